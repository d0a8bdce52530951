import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import { planExport } from "../../src/domain/export/plan";
import { sheetSpec, lineCount, FORM_FONTS } from "../../src/domain/export/sheet-spec";
import { makeList } from "./fixtures";

function spec() {
  const { grid, report } = makeList({
    programme: "js-2023-star-cloud",
    header: [["序号", "seq"], ["企业名称", "applicant"], ["统一社会信用代码", "uscc"], ["申报星级", "starApplied"], ["上云投入（元）", "investment"], ["备注", "remarks"]],
    rows: [[1, "泰州甲有限公司", "91321202MACW97U66K", "五星级", 380000, "=SUM(A1:A9)"], [2, "泰州乙有限公司", "91321202MAT3HP8C29", "三星级", "1,250,000", ""]],
  });
  const plan = planExport(grid, report, builtinProgramme(report.programme), { fillDate: "2023-04-10", keepSourceRemarks: true });
  return { plan, spec: sheetSpec(plan) };
}

describe("sheetSpec: the form cell by cell", () => {
  it("borders every cell of the table and nothing outside it", () => {
    const { spec: s } = spec();
    const { headerRow, lastTableRow, lastColumn } = s.parts;
    for (let r = headerRow; r <= lastTableRow; r++)
      for (let c = 1; c <= lastColumn; c++) expect(s.cells.find((x) => x.row === r && x.column === c)?.border, `${r},${c}`).toBe(true);
    expect(s.cells.filter((c) => c.border && (c.row < headerRow || c.row > lastTableRow))).toEqual([]);
  });

  it("writes each cell once, text with the 文本 format and amounts as numbers in 万元", () => {
    const { spec: s } = spec();
    const keys = s.cells.map((c) => `${c.row},${c.column}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of s.cells) if (typeof c.value === "string") expect(c.numberFormat).toBe("@");
    const remark = s.cells.find((c) => c.value === "=SUM(A1:A9)");
    expect(remark).toMatchObject({ numberFormat: "@", font: FORM_FONTS.body });
    const amounts = s.cells.filter((c) => c.numberFormat === "#,##0.00").map((c) => c.value);
    expect(amounts.sort()).toEqual([125, 38]);
  });

  it("uses the government-form fonts and merges the title across the table", () => {
    const { spec: s, plan } = spec();
    expect(s.cells.find((c) => c.row === 2 && c.column === 1)).toMatchObject({ value: plan.title, font: { name: "黑体" }, horizontal: "center" });
    expect(s.cells.find((c) => c.row === 3)?.font.name).toBe("仿宋");
    expect(s.cells.find((c) => c.row === s.parts.firstDataRow + 1)?.font.name).toBe("宋体");
    expect(s.merges).toContain(`A2:${String.fromCharCode(64 + s.parts.lastColumn)}2`);
    expect(s.page).toMatchObject({ paperSize: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitleRows: { first: 2, last: 4 } });
    expect(s.cells.some((c) => c.row === s.parts.signatureRow && c.value === "推荐单位（盖章）")).toBe(true);
  });

  it("makes rows tall enough for wrapped Chinese text", () => {
    expect(lineCount("", 10)).toBe(1);
    expect(lineCount("泰州海陵智能装备有限公司", 30)).toBe(1);
    expect(lineCount("泰州海陵智能装备有限公司", 14)).toBe(3);
    expect(lineCount("一\n二", 10)).toBe(2);
  });
});
