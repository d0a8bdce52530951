/**
 * Hostile workbooks: a stray far cell, zip bombs (honest and lying sizes), too many cells, hidden
 * sheets. Limits are lowered per test so the files stay small; the figures that matter are counts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { boundedInflate } from "../../src/cli/input";
import { LIMITS, zipEntries } from "../../src/workbook/limits";
import { readXlsx, XlsxReadError } from "../../src/workbook/xlsx-adapter";
import { makeZip, sheetXml } from "./zip";

const SAMPLE = join(__dirname, "..", "..", "samples", "js-2023-platform.xlsx");

async function withStray(value: string | null, address = "XFD1048576"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const cell = wb.worksheets[0].getCell(address);
  if (value === null) cell.numFmt = "@";
  else cell.value = value;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function refusal(p: Promise<unknown>): Promise<XlsxReadError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(XlsxReadError);
  return e as XlsxReadError;
}

describe("a stray cell far from the list", () => {
  it("a value at XFD1048576 is left out of the grid and named in a warning; the list reads as without it", async () => {
    const clean = (await readXlsx(readFileSync(SAMPLE))).sheet();
    const { grid, findings } = (await readXlsx(await withStray("x"), { inflate: boundedInflate })).sheet();
    expect(grid.rows.length).toBe(clean.grid.rows.length);
    expect(grid.rows[0].length).toBe(clean.grid.rows[0].length);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["cells-outside-list", "warning"]]);
    expect(findings[0].message).toContain("XFD1048576");
    expect(findings[0].message).toContain("x");
  });

  it("a cell with only a format there costs nothing and says nothing", async () => {
    const { grid, findings } = (await readXlsx(await withStray(null))).sheet();
    expect(grid.rows[0].length).toBe(16);
    expect(findings).toEqual([]);
  });

  it("a cell near the list (Z200: fewer than 1000 empty rows, 100 empty columns away) is read with it", async () => {
    const { grid, findings } = (await readXlsx(await withStray("附注", "Z200"))).sheet();
    expect(grid.rows.length + grid.firstRow - 1).toBe(200);
    expect(findings).toEqual([]);
  });

  it("a cell under 1000 empty rows, or right of 100 empty columns, is left out however small the sheet", async () => {
    const clean = (await readXlsx(readFileSync(SAMPLE))).sheet().grid;
    const below = clean.firstRow + clean.rows.length - 1 + 1001;
    for (const address of [`A${below}`, "DN3"]) {
      const { grid, findings } = (await readXlsx(await withStray("备用", address))).sheet();
      expect(grid.rows.length).toBe(clean.rows.length);
      expect(grid.rows[0].length).toBe(clean.rows[0].length);
      expect(findings.map((f) => f.code)).toEqual(["cells-outside-list"]);
      expect(findings[0].message).toContain(`${address}“备用”`);
    }
    // One row fewer between them: still the list's.
    const near = (await readXlsx(await withStray("备用", `A${below - 1}`))).sheet();
    expect(near.findings).toEqual([]);
    expect(near.grid.rows.length).toBe(below - 1 - clean.firstRow + 1);
  });
});

describe("limits checked before exceljs parses", () => {
  const small = { ...LIMITS, uncompressedBytes: 1024 * 1024 };

  it("declared uncompressed size over the limit: refused, naming the limit", async () => {
    const bomb = makeZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(2 * 1024 * 1024) }]);
    expect(zipEntries(bomb)![0].uncompressedSize).toBe(2 * 1024 * 1024);
    const e = await refusal(readXlsx(bomb, { limits: small }));
    expect(e.message).toMatch(/超过上限 1 MB/);
    expect(e.messageEn).toMatch(/over the 1 MB limit/);
  });

  it("a zip that claims 1 KB but inflates to 2 MB: refused by the bounded inflate", async () => {
    const liar = makeZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(2 * 1024 * 1024), claim: 1024 }]);
    const e = await refusal(readXlsx(liar, { limits: small, inflate: boundedInflate }));
    expect(e.message).toMatch(/声明 1 KB，实际更大.*上限 1 MB/);
  });

  it("more cells than the limit: refused from the XML count (Node) and from exceljs's model (browser)", async () => {
    const tooMany = makeZip([{ name: "xl/worksheets/sheet1.xml", data: sheetXml(30, 10) }]);
    const e = await refusal(readXlsx(tooMany, { limits: { ...LIMITS, cells: 200 }, inflate: boundedInflate }));
    expect(e.message).toMatch(/300 个单元格，超过上限 200 个/);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    for (let r = 1; r <= 30; r++) ws.addRow(Array.from({ length: 10 }, (_, c) => r * 10 + c));
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const e2 = await refusal(readXlsx(bytes, { limits: { ...LIMITS, cells: 200 } }));
    expect(e2.messageEn).toMatch(/300 cells, over the 200 limit/);
    expect((await readXlsx(bytes, { limits: { ...LIMITS, cells: 300 } })).sheet().grid.rows).toHaveLength(30);
  });

  it("cells spread over a grid larger than the limit, with no far outlier: refused", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (let r = 1; r <= 40; r += 3) ws.getCell(r, r).value = r;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const e = await refusal((async () => (await readXlsx(bytes, { limits: { ...LIMITS, gridCells: 100 } })).sheet())());
    expect(e.message).toMatch(/名单区域.*超过上限 100 个/);
  });

  it("not a zip at all: a bilingual refusal without the library's words", async () => {
    const e = await refusal(readXlsx(new TextEncoder().encode("序号,名称\n1,甲\n")));
    expect(e.message).toMatch(/不是 \.xlsx 文件/);
    expect(e.messageEn).toMatch(/Not an \.xlsx file/);
  });
});

describe("which sheet is read by default", () => {
  async function book(states: ("visible" | "hidden" | "veryHidden")[], activeTab?: number): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    states.forEach((state, i) => {
      const ws = wb.addWorksheet(`表${i + 1}`, { state });
      ws.getCell("A1").value = `第${i + 1}张`;
    });
    if (activeTab !== undefined) wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab, visibility: "visible" }];
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it("a hidden first sheet is passed over for the first visible one", async () => {
    const b = await readXlsx(await book(["hidden", "visible", "visible"]));
    expect(b.defaultSheet).toBe("表2");
    expect(b.sheet().grid.sheetName).toBe("表2");
    expect(b.sheetNames).toEqual(["表1", "表2", "表3"]);
    expect(b.sheet("表1").grid.rows[0][0].value).toBe("第1张");
  });

  it("the active sheet when it is visible", async () => {
    expect((await readXlsx(await book(["visible", "visible", "visible"], 2))).defaultSheet).toBe("表3");
    expect((await readXlsx(await book(["visible", "hidden"], 1))).defaultSheet).toBe("表1");
  });
});
