/**
 * 打开名单文件 through the session (the pane's path, on the preview host): a district's file of every
 * format of the corpus lands in a new sheet where it stood in the file and its check gives the findings
 * the file itself gives, row for row; a file's shape (merges, hidden and filtered rows, hidden columns,
 * formulas without a result) is kept by the new sheet; a file that cannot be read is named with why
 * and nothing is written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtinProgramme } from "../../src/domain/catalogue";
import { check } from "../../src/domain/check";
import type { Report } from "../../src/domain/report";
import { engine } from "../../src/workbook/engine";
import { readListFile } from "../../src/workbook/formats/book";
import { PreviewHost } from "../../src/workbook/preview-host";
import { Session, type CheckSettings } from "../../src/workbook/session";
import { writers } from "../../src/export/writers";

const DIR = join(__dirname, "..", "data", "files");
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const SETTINGS: CheckSettings = { programmeId: "js-2023-platform", city: "南京市", asOf: "", quota: null, referenceSheets: [], scope: "used" };

const rowsOf = (report: Report) =>
  report.findings
    .filter((f) => f.code !== "format-mislabelled")
    .map((f) => `${f.code}:${f.row ?? ""}:${f.column ?? ""}:${f.severity}`)
    .sort();

/** The file checked as the CLI checks it (its own reader, no sheet in between). */
async function direct(name: string, bytes: Uint8Array): Promise<Report> {
  const book = await readListFile(bytes, name);
  const { grid, findings } = book.sheet();
  return check(grid, { programme: builtinProgramme("js-2023-platform"), city: "南京市", readFindings: [...book.fileFindings, ...findings] });
}

function pane() {
  const host = new PreviewHost({ sheets: [{ name: "Sheet1", rows: [] }], active: "Sheet1" });
  return { host, session: new Session(host, engine, "zh", writers) };
}

describe("打开名单文件: every format lands in a new sheet and checks as the file does", () => {
  const files = ["江宁区.xlsx", "江宁区.xls", "江宁区.et", "江宁区.xlsb", "江宁区.ods", "江宁区.fods", "江宁区-2003.xml", "江宁区-导出Excel.xls", "江宁区-GB18030.csv", "江宁区-Unicode文本.txt", "实为xlsx.xls", "实为ods.xlsx"];
  for (const name of files) {
    it(name, async () => {
      const { host, session } = pane();
      await session.start();
      const out = await session.openAndCheck(SETTINGS, { name, bytes: bytesOf(name) });
      const stem = name.replace(/\.[^.]+$/, "");
      expect(out.sheets).toEqual([stem]);
      expect(await host.listSheets()).toEqual(["Sheet1", stem]);
      expect(out.check.sheet).toBe(stem);
      const want = rowsOf(await direct(name, bytesOf(name)));
      expect(want.length).toBeGreaterThan(20);
      expect(rowsOf(out.check.report)).toEqual(want);
      // Where it stood in the file: the header on row 3 from column A, as the district numbers it.
      expect(out.check.report.headerRows).toEqual([3]);
      // A name saying another format is said in the new sheet's check too.
      const mislabelled = out.check.report.findings.filter((f) => f.code === "format-mislabelled").length;
      expect(mislabelled).toBe(/^实为|导出Excel/.test(name) ? 1 : 0);
    });
  }
});

/** The corpus's .xlsx list with every shape a district's file may have, written by exceljs. */
async function shapedXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(DIR, "江宁区.xlsx")) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  // The district merged down rows 4–8 (its value in C4 only, as Excel keeps it).
  for (let r = 5; r <= 8; r++) ws.getCell(`C${r}`).value = null;
  ws.mergeCells("C4:C8");
  // Row 10 hidden by hand; a filter over the list hides row 12; column O hidden.
  ws.getRow(10).hidden = true;
  ws.autoFilter = "A3:P24";
  ws.getRow(12).hidden = true;
  ws.getColumn(15).hidden = true;
  // A formula without a result, as a script writes it.
  ws.getCell("D14").value = { formula: 'CONCATENATE("南京","甲科技有限公司")' } as ExcelJS.CellFormulaValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("打开名单文件 keeps the file's shape", () => {
  it("merges carried, hidden and filtered rows named once, a formula without a result named — as the file itself", async () => {
    const bytes = await shapedXlsx();
    const file = await direct("江宁区-形状.xlsx", bytes);
    const { host, session } = pane();
    await session.start();
    const out = await session.openAndCheck(SETTINGS, { name: "江宁区-形状.xlsx", bytes });
    expect(rowsOf(out.check.report)).toEqual(rowsOf(file));
    const codes = (r: Report) => r.findings.map((f) => f.code);
    // The file reader gives the shape, and the check reads it: no blank district on rows 5–8, D14 not empty.
    expect(codes(file)).toContain("formula-uncached");
    expect(codes(file)).toContain("hidden-rows");
    const hidden = out.check.report.findings.filter((f) => f.code === "hidden-rows");
    expect(hidden).toHaveLength(1);
    // Inside a filter's range a hidden row reads as filtered (the file cannot tell who hid it).
    expect(hidden[0]!.message).toContain("第10、12行被筛选隐藏");
    expect(hidden[0]!.message).toContain("O列被隐藏");
    expect(out.check.report.findings.find((f) => f.code === "formula-uncached")!.value).toContain("D14");
    expect(out.check.report.findings.filter((f) => f.row !== undefined && f.row >= 5 && f.row <= 8 && f.column === "C")).toEqual([]);
    expect(out.check.report.findings.filter((f) => f.row === 14 && f.column === "D" && f.code !== "formula-uncached")).toEqual([]);
    // The new sheet holds the shape itself: a later check of it reads the same.
    const view = host.view("江宁区-形状");
    expect(view.merges).toContain("C4:C8");
    expect([...view.hiddenRows].sort()).toEqual([10, 12]);
    expect([...view.filteredRows].sort()).toEqual([10, 12]);
    expect([...view.hiddenColumns]).toEqual([15]);
    const again = await session.run(SETTINGS, () => {}, "江宁区-形状");
    expect(rowsOf(again.report)).toEqual(rowsOf(file));
  });
});

describe("打开名单文件 of a file that cannot be read", () => {
  for (const [name, why] of [
    ["加密.xls", "该文件设有打开密码"],
    ["加密.xlsx", "该文件设有打开密码"],
  ] as const) {
    it(`${name}: named with why, nothing written`, async () => {
      const { host, session } = pane();
      await session.start();
      const err = await session.openAndCheck(SETTINGS, { name, bytes: bytesOf(name) }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain(name);
      expect((err as Error).message).toContain(why);
      expect((err as { messageEn?: string }).messageEn).toContain("password-protected");
      expect(await host.listSheets()).toEqual(["Sheet1"]);
    });
  }

  it("bytes that are no spreadsheet: named, nothing written", async () => {
    const { host, session } = pane();
    await session.start();
    const err = await session.openAndCheck(SETTINGS, { name: "通知.xls", bytes: new TextEncoder().encode("%PDF-1.4\n") }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^通知\.xls：不是表格文件/);
    expect(await host.listSheets()).toEqual(["Sheet1"]);
  });

  it("a workbook of two lists and a notes sheet: both lists land, the notes sheet is named", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(DIR, "江宁区.xlsx")) as unknown as ArrayBuffer);
    const copy = wb.addWorksheet("第二批");
    wb.worksheets[0]!.eachRow((r, i) => r.eachCell((c, j) => (copy.getCell(i, j).value = c.value)));
    wb.addWorksheet("说明").getCell("A1").value = "填报说明：请按模板填写";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { host, session } = pane();
    await session.start();
    const out = await session.openAndCheck(SETTINGS, { name: "江宁区.xlsx", bytes });
    const first = wb.worksheets[0]!.name;
    expect(out.sheets).toEqual([`江宁区-${first}`, "江宁区-第二批"]);
    expect(out.skipped.map((s) => [s.sheet, s.reason])).toEqual([["说明", "other-sheet"]]);
    expect(await host.listSheets()).toEqual(["Sheet1", ...out.sheets]);
  });
});
