/**
 * Sheet shapes across formats (issue 19, Done means): for each shape of test/data/shapes (made by
 * scripts/make-shape-corpus.ts: exceljs .xlsx, LibreOffice's .xls, .ods and HTML of it), the twins give
 * the .xlsx's findings row for row, the same rows checked and the same rows skipped with the same why.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinProgramme } from "../../src/domain/catalogue";
import { check } from "../../src/domain/check";
import { readListFile } from "../../src/workbook/formats/book";

const DIR = join(__dirname, "..", "data", "shapes");
const SHAPES = ["小计与签字行", "备选名单", "区县合并单元格", "分组表头", "隐藏与筛选行"];

async function checked(name: string) {
  const book = await readListFile(new Uint8Array(readFileSync(join(DIR, name))), name);
  const { grid, findings } = book.sheet();
  const report = check(grid, { programme: builtinProgramme("sd-2023-platform"), city: "济南", readFindings: [...book.fileFindings, ...findings] });
  return {
    report,
    rows: report.findings.filter((f) => f.row !== undefined).map((f) => `${f.code}:${f.row}:${f.column ?? ""}:${f.severity}`).sort(),
    codes: [...new Set(report.findings.map((f) => f.code))].sort(),
    skipped: report.skipped.map((s) => `${s.row}:${s.reason}`),
  };
}

describe("each sheet shape's .xls, .ods and HTML twins check as its .xlsx", () => {
  for (const shape of SHAPES) {
    for (const ext of [".xls", ".ods", ".html"]) {
      // LibreOffice's HTML leaves hidden rows out: that page holds the visible rows only (below).
      if (shape === "隐藏与筛选行" && ext === ".html") continue;
      it(`${shape}${ext}`, async () => {
        const base = await checked(`${shape}.xlsx`);
        const twin = await checked(`${shape}${ext}`);
        expect(base.report.counts.rowsChecked).toBeGreaterThan(1);
        expect(twin.report.counts.rowsChecked).toBe(base.report.counts.rowsChecked);
        expect(twin.rows).toEqual(base.rows);
        expect(twin.skipped).toEqual(base.skipped);
        expect(twin.codes).toEqual(base.codes);
      });
    }
  }
});

describe("what each shape gives", () => {
  it("subtotal, total, signature and note rows are skipped; a 备选名单 block is kept apart", async () => {
    expect((await checked("小计与签字行.xlsx")).skipped).toEqual(["5:total", "7:total", "8:total", "9:signature", "10:note"]);
    const block = await checked("备选名单.xlsx");
    expect(block.report.counts.rowsChecked).toBe(2);
    expect(block.codes).toContain("second-list");
  });
  it("a merged district is every row's; a grouped header is read whole; hidden rows are named", async () => {
    const merged = await checked("区县合并单元格.xlsx");
    expect(merged.report.counts.rowsChecked).toBe(6);
    expect(merged.rows.filter((r) => r.includes(":B:"))).toEqual([]);
    const grouped = await checked("分组表头.xlsx");
    expect(grouped.report.headerRows).toEqual([2, 3]);
    expect((await checked("隐藏与筛选行.xlsx")).codes).toContain("hidden-rows");
    expect((await checked("隐藏与筛选行.ods")).report.findings.find((f) => f.code === "hidden-rows")!.message).toMatch(/第4行.*第6行|第4、6行/);
  });
  it("LibreOffice's HTML of a sheet with hidden rows holds the visible rows only, so it names none", async () => {
    const base = await checked("隐藏与筛选行.xlsx");
    const html = await checked("隐藏与筛选行.html");
    expect(html.report.counts.rowsChecked).toBe(base.report.counts.rowsChecked - 2);
    expect(html.codes).not.toContain("hidden-rows");
  });
});
