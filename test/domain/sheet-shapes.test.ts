/**
 * Sheet shapes real lists have (issue 19, item 4): 小计/填表人/注 rows, a 备选名单 block, merged
 * cells, grouped headers, uncached formulas, hidden rows, a second list beside — on grids as every
 * reader gives them (values plus Grid.shape), checked and exported.
 */
import { describe, expect, it } from "vitest";
import { gridFromValues, type CellArea, type Grid, type SheetShape } from "../../src/domain/cells";
import { builtinProgramme } from "../../src/domain/catalogue";
import { planExport } from "../../src/domain/export/plan";
import { rowVerdicts } from "../../src/domain/verdict";
import { run, uscc, withCode } from "./check-helpers";

const SD = "sd-2023-platform";
const HEADER = ["序号", "所在区县", "申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否属于前期155个省级重点平台", "是否纳入严重失信黑名单", "是否符合产业政策", "联系电话", "备注"];
type V = string | number | null;
/** A clean Shandong applicant, as a row under HEADER. */
const ent = (n: number, district: V = "历下区"): V[] => [n, district, `济南丁${n}信息技术有限公司`, uscc("370112", n), "综合型", "民营", "已建成运营", "否", "否", "是", "13851926374", null];
const blank = (): V[] => HEADER.map(() => null);
const only = (col: number, text: string): V[] => HEADER.map((_, i) => (i === col ? text : null));
const grid = (rows: V[][], shape?: SheetShape): Grid => ({ ...gridFromValues([["济南市推荐汇总表"], HEADER, ...rows]), ...(shape ? { shape } : {}) });
const check = (g: Grid, quota?: number) => run(SD, g, { city: "济南", ...(quota !== undefined ? { quota } : {}) });
/** Excel row of the n-th data row (title row 1, header row 2). */
const R = (i: number) => i + 3;
const rowFindings = (g: Grid) => check(g).findings.filter((f) => f.row !== undefined && f.severity !== "info");

describe("rows that are not enterprises", () => {
  const rows: V[][] = [
    ent(1), ent(2), ent(3),
    [null, null, "历下区小计", null, "3家", null, null, null, null, null, null, null],
    ent(4, "市中区"),
    [null, "市中区合计：1家", null, null, null, null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null, null, null, null, null],
    ["总计", null, "4家", null, null, null, null, null, null, null, null, null],
    ["填表人：张三", null, null, "审核人：李四", null, null, "填报日期：2024年5月10日", null, null, null, null, null],
    ["联系人：王五  电话：0531-86011234", null, null, null, null, null, null, null, null, null, null, null],
    [null, null, "单位（盖章）：济南市工业和信息化局", null, null, null, null, null, "负责人签字：", null, null, null],
    ["注：1.本表由各区县工信部门填报；2.单位性质填民营、国有等。", null, null, null, null, null, null, null, null, null, null, null],
    ["说明：申报方向按通知填写", null, null, null, null, null, null, null, null, null, null, null],
  ];
  it("are skipped with why, not checked, not counted, not exported", () => {
    const g = grid(rows);
    const report = check(g, 3);
    expect(report.counts.rowsChecked).toBe(4);
    expect(rowFindings(g)).toEqual([]);
    expect(report.skipped.map((s) => [s.row, s.reason])).toEqual([
      [R(3), "total"], [R(5), "total"], [R(6), "empty"], [R(7), "total"], [R(8), "signature"], [R(9), "signature"], [R(10), "signature"], [R(11), "note"], [R(12), "note"],
    ]);
    // The quota counts the four enterprises only (4 against 3: the one over is named, not 11 against 3).
    expect(report.quotas[0]!.counted).toBe(4);
    // Within the quota, every enterprise is exported and nothing else.
    const plan = planExport(g, check(g), builtinProgramme(SD));
    expect(plan.rows.filter((r) => r.kind === "data").map((r) => (r.kind === "data" ? r.sourceRow : 0))).toEqual([R(0), R(1), R(2), R(4)]);
  });
  it("a name that holds 合计 inside a word (综合计算) is an enterprise", () => {
    const r = ent(5);
    r[2] = "济南综合计算科技有限公司";
    expect(check(grid([ent(1), r])).counts.rowsChecked).toBe(2);
  });
});

describe("a second block below the list", () => {
  it("二、备选名单 and its rows are kept apart and said", () => {
    const g = grid([only(0, "一、推荐名单"), ent(1), ent(2), only(0, "二、备选名单"), ent(3), ent(4)]);
    const report = check(g, 2);
    expect(report.counts.rowsChecked).toBe(2);
    expect(report.skipped.filter((s) => s.reason === "block").map((s) => s.row)).toEqual([R(3), R(4), R(5)]);
    const said = withCode(report, "second-list");
    expect(said).toHaveLength(1);
    expect(said[0]!.message).toContain("二、备选名单");
    expect(withCode(report, "quota-exceeded")).toEqual([]);
    const plan = planExport(g, report, builtinProgramme(SD));
    expect(plan.rows.filter((r) => r.kind === "data")).toHaveLength(2);
  });
  it("备选项目 after a blank row, without an ordinal", () => {
    const report = check(grid([ent(1), ent(2), blank(), only(2, "备选项目"), ent(3)]));
    expect(report.counts.rowsChecked).toBe(2);
    expect(withCode(report, "second-list")).toHaveLength(1);
  });
  it("sections 一、二、 inside one list stay one list", () => {
    const report = check(grid([only(0, "一、历下区"), ent(1), ent(2), only(0, "二、市中区"), ent(3, "市中区")]));
    expect(report.counts.rowsChecked).toBe(3);
    expect(withCode(report, "second-list")).toEqual([]);
  });
});

const area = (top: number, left: number, bottom: number, right: number): CellArea => ({ top, left, bottom, right });

describe("merged cells", () => {
  it("a district merged down its rows is every row's district, in the check and the export", () => {
    const rows = Array.from({ length: 9 }, (_, i) => ent(i + 1, i % 3 === 0 ? ["历下区", "市中区", "槐荫区"][i / 3]! : null));
    const merges = [area(3, 2, 5, 2), area(6, 2, 8, 2), area(9, 2, 11, 2)];
    const g = grid(rows, { merges });
    const report = check(g);
    expect(report.counts.rowsChecked).toBe(9);
    const plan = planExport(g, report, builtinProgramme(SD));
    const col = plan.columns.findIndex((c) => c.header.includes("区县"));
    expect(col).toBeGreaterThanOrEqual(0);
    const districts = plan.rows.map((r) => (r.kind === "data" && r.values[col]?.kind === "text" ? r.values[col].text : ""));
    expect(districts).toEqual(["历下区", "历下区", "历下区", "市中区", "市中区", "市中区", "槐荫区", "槐荫区", "槐荫区"]);
  });
  it("an applicant merged over two rows is one applicant, not two 必填项为空", () => {
    const second = ent(2);
    const cont: V[] = [null, null, null, null, null, null, null, null, null, null, "0531-88886666", "第二联系人"];
    const g = grid([ent(1), second, cont, ent(3)], { merges: [area(4, 1, 5, 1), area(4, 3, 5, 3), area(4, 4, 5, 4)] });
    const report = check(g);
    expect(withCode(report, "required-missing")).toEqual([]);
    expect(report.counts.rowsChecked).toBe(3);
    expect(report.skipped).toEqual([{ row: 5, reason: "continuation" }]);
    expect(withCode(report, "duplicate-applicant")).toEqual([]);
  });
});

describe("a grouped header", () => {
  // Row 2: group titles over row 3; 序号, 所在区县 and 备注 merged down rows 2–3.
  const top: V[] = ["序号", "所在区县", "企业基本情况", null, null, null, "平台情况", null, "资格条件", null, "联系方式", "备注"];
  const sub: V[] = [null, null, "申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否属于前期155个省级重点平台", "是否纳入严重失信黑名单", "是否符合产业政策", "联系电话", null];
  const body = [ent(1), ent(2, "市中区")];
  const plain = gridFromValues([["济南市推荐汇总表"], top, sub, ...body]);
  const merged: Grid = { ...plain, shape: { merges: [area(2, 1, 3, 1), area(2, 2, 3, 2), area(2, 12, 3, 12), area(2, 3, 2, 6), area(2, 7, 2, 8), area(2, 9, 2, 10)] } };
  for (const [name, g] of [["without merge facts (a CSV)", plain], ["with the merges", merged]] as const) {
    it(`reads 序号, 所在区县 and 备注 too: ${name}`, () => {
      const report = check(g);
      expect(report.headerRows).toEqual([2, 3]);
      const field = (f: string) => report.columns.find((c) => c.field === f)?.column;
      expect([field("seq"), field("district"), field("remarks"), field("applicant"), field("uscc"), field("phone")]).toEqual(["A", "B", "L", "C", "D", "K"]);
      expect(report.counts.rowsChecked).toBe(2);
      const plan = planExport(g, report, builtinProgramme(SD));
      expect(plan.warnings.filter((w) => w.code === "column-missing" && /区县|备注|序号/.test(w.message))).toEqual([]);
      const col = plan.columns.findIndex((c) => c.header.includes("区县"));
      expect(plan.rows.map((r) => (r.kind === "data" && r.values[col]?.kind === "text" ? r.values[col].text : ""))).toEqual(["历下区", "市中区"]);
    });
  }
});

describe("formulas without a cached value", () => {
  it("are one finding naming the cells, never 必填项为空", () => {
    const g = grid([ent(1), ent(2), ent(3)]);
    g.rows[3]![2] = { kind: "empty", value: null, formula: "=Sheet2!B2" };
    g.rows[4]![2] = { kind: "empty", value: null, formula: "=Sheet2!B3" };
    g.rows[4]![3] = { kind: "empty", value: null, formula: '=VLOOKUP(C5,Sheet2!A:B,2,0)' };
    const report = check(g);
    expect(withCode(report, "required-missing")).toEqual([]);
    const f = withCode(report, "formula-uncached");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("C4");
    expect(f[0]!.message).toContain("D5");
    expect(f[0]!.hint).toBe("公式没有计算结果：请在 Excel/WPS 中打开并保存后再检查");
    expect(f[0]!.severity).toBe("error");
  });
});

describe("hidden and filtered rows and columns", () => {
  it("are named in one warning, and the export says they are included", () => {
    const g = grid([ent(1), ent(2), ent(3), ent(4)], { hiddenRows: [4, 6], filteredRows: [6], hiddenColumns: [12] });
    const report = check(g);
    const f = withCode(report, "hidden-rows");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("第6行被筛选隐藏");
    expect(f[0]!.message).toContain("第4行被隐藏");
    expect(f[0]!.message).toContain("L列被隐藏");
    expect(f[0]!.row).toBeUndefined();
    expect(rowVerdicts(report).size).toBe(0);
    const plan = planExport(g, report, builtinProgramme(SD));
    expect(plan.rows.filter((r) => r.kind === "data")).toHaveLength(4);
    expect(plan.warnings.filter((w) => w.code === "hidden-included").map((w) => w.rows)).toEqual([[4, 6]]);
  });
  it("say nothing when the reader gives no hidden rows", () => {
    expect(withCode(check(grid([ent(1)], { hiddenRows: [], merges: [] })), "hidden-rows")).toEqual([]);
  });
});

describe("a second list beside the first", () => {
  it("is named, and the first read alone", () => {
    const left = [HEADER, ent(1), ent(2)];
    const right = [["申报单位名称", "统一社会信用代码", "申报方向", "平台建设情况"], [`济南备${1}有限公司`, uscc("370112", 77), "综合型", "在建"], [`济南备${2}有限公司`, "123", "x", "y"]];
    const values = [["济南市推荐汇总表"], ...left.map((r, i) => [...r, null, null, ...right[i]!])];
    const g = gridFromValues(values.map((r) => r.map((v) => (v === undefined ? null : v))));
    const report = check(g);
    expect(report.counts.rowsChecked).toBe(2);
    expect(rowFindings(g)).toEqual([]);
    const f = withCode(report, "second-list");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("O2:R4");
    expect(withCode(report, "header-ambiguous")).toEqual([]);
  });
  it("an empty column inside a list does not split it", () => {
    const values = [["济南市推荐汇总表"], [...HEADER.slice(0, 4), null, ...HEADER.slice(4)], ...[ent(1), ent(2)].map((r) => [...r.slice(0, 4), null, ...r.slice(4)])];
    const report = check(gridFromValues(values));
    expect(withCode(report, "second-list")).toEqual([]);
    expect(report.columns.filter((c) => c.field !== null)).toHaveLength(12);
  });
});

