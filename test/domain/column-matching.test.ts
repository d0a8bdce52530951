/**
 * Columns by evidence, the examples, the clerk's choices, and what a check says about the
 * mapping (every column listed, header-missing naming the closest column).
 */
import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/domain/cells";
import { mappingKey, SavedMapping, savedMappingOf } from "../../src/domain/columns";
import { listGrid, run, uscc, withCode, type RowSpec } from "./check-helpers";

const JP = ["序号", "申报单位", "社会统一信用代码", "注册时间", "平台类型", "建设情况"];
const jp = (n: number, o: RowSpec = {}): RowSpec => ({ 序号: n, 申报单位: `南京甲${n}科技有限公司`, 社会统一信用代码: uscc("320115", n), 注册时间: "2015-03-01", 平台类型: "综合型", 建设情况: "已建成", ...o });

describe("the issue's examples", () => {
  it("社会统一信用代码 is the credit code: no header-missing, the codes are checked", () => {
    const r = run("js-2023-platform", listGrid(JP, [jp(1), jp(2, { 社会统一信用代码: "91320115MAHEGG3M0X" })]));
    expect(r.columns.find((c) => c.column === "C")).toMatchObject({ field: "uscc", why: "header" });
    expect(withCode(r, "header-missing")).toEqual([]);
    expect(withCode(r, "uscc-checksum").map((f) => f.row)).toEqual([4]);
  });

  it("经济类型 is the ownership: 中央驻鲁 and 省属 rows take no slot", () => {
    const header = ["申报单位名称", "统一社会信用代码", "申报方向", "经济类型", "平台建设情况"];
    const row = (n: number, owner: string): RowSpec => ({ 申报单位名称: `济南丁${n}信息技术有限公司`, 统一社会信用代码: uscc("370112", n), 申报方向: "综合型", 经济类型: owner, 平台建设情况: "已建成运营" });
    const r = run("sd-2023-platform", listGrid(header, [row(1, "民营"), row(2, "中央驻鲁"), row(3, "省属国企"), row(4, "民营")]), { city: "济南" });
    expect(r.columns.find((c) => c.column === "D")?.field).toBe("ownership");
    expect(r.quotas[0]).toMatchObject({ counted: 2, exempt: 2 });
  });

  const TWO_ROW_TOP = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "近三年投入（万元）", null, null, null, "是否通过贯标", "证书有效期至"];
  const TWO_ROW_SUB = [null, null, null, null, null, "平台和系统开发费", "智能设备购置费", "测试验证和项目咨询费", "合计", null, null];
  const bfRow = (n: number, parts: [number, number, number, number]) => [`苏州乙${n}机械有限公司`, uscc("320506", n), "2012-06-01", "智能化制造", "已建成", ...parts, "是", "2025-06-30"];

  it("a two-row 近三年投入（万元） over four short children: three parts and the total, where each belongs", () => {
    const r = run("js-2023-benchmark-factory", gridFromValues([TWO_ROW_TOP, TWO_ROW_SUB, bfRow(1, [1000, 800, 200, 2000]), bfRow(2, [1200, 700, 300, 2200])]), { city: "苏州" });
    expect(r.headerRows).toEqual([1, 2]);
    expect(Object.fromEntries(r.columns.filter((c) => c.field?.startsWith("invest")).map((c) => [c.field, c.column]))).toEqual({ investPlatform: "F", investDevices: "G", investTesting: "H", investment: "I" });
    expect(withCode(r, "investment-below-minimum")).toEqual([]);
  });

  it("the same header on a platform list: the total is 合计, never the first part", () => {
    const top = ["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "近三年投入（万元）", null, null, null];
    const sub = [null, null, null, null, null, "平台和系统开发费", "智能设备购置费", "测试验证和项目咨询费", "合计"];
    const r = run("js-2023-platform", gridFromValues([top, sub, ["南京甲科技有限公司", uscc("320115", 1), "2015-03-01", "综合型", "已建成", 100, 50, 30, 180]]));
    expect(r.headerRows).toEqual([1, 2]);
    expect(r.columns.filter((c) => c.field === "investment").map((c) => c.column)).toEqual(["I"]);
  });

  it("a 申报类型 column holding 升级申报 answers the upgrade question: an upgrade of a recognised platform passes, a new one does not", () => {
    const header = [...JP, "是否已认定为省重点平台", "申报类型"];
    const r = run("js-2023-platform", listGrid(header, [jp(1, { 是否已认定为省重点平台: "是", 申报类型: "升级申报" }), jp(2, { 是否已认定为省重点平台: "是", 申报类型: "新申报" }), jp(3, { 是否已认定为省重点平台: "否", 申报类型: "新申报" })]));
    expect(r.columns.find((c) => c.header === "申报类型")).toMatchObject({ field: "upgrade", why: "content" });
    expect(withCode(r, "already-recognised").map((f) => f.row)).toEqual([4]);
  });

  it("申报类型 holding something else is not taken for the upgrade question", () => {
    const header = [...JP, "申报类型"];
    const r = run("js-2023-platform", listGrid(header, [jp(1, { 申报类型: "工业互联网平台" }), jp(2, { 申报类型: "工业互联网平台" })]));
    expect(r.columns.find((c) => c.header === "申报类型")?.field).toBeNull();
    expect(withCode(r, "value-not-allowed")).toEqual([]);
  });
});

describe("evidence", () => {
  it("content alone suggests, never assigns; header-missing names the closest column and how to confirm it", () => {
    const header = ["序号", "申报单位", "编码", "注册时间", "平台类型", "建设情况"];
    const rows = [1, 2, 3].map((n) => ({ 序号: n, 申报单位: `南京甲${n}科技有限公司`, 编码: uscc("320115", n), 注册时间: "2015-03-01", 平台类型: "综合型", 建设情况: "已建成" }));
    const r = run("js-2023-platform", listGrid(header, rows));
    expect(r.columns.find((c) => c.column === "C")).toMatchObject({ field: null, suggestion: "uscc", why: "none" });
    const missing = withCode(r, "header-missing").find((f) => f.field === "uscc")!;
    expect(missing.message).toContain("C列“编码”");
    expect(missing.cli).toContain("--map C=uscc");
    expect(missing.hint).not.toContain("--");
    expect(missing.hint).toContain("列对应");
    expect(r.mappingUncertain).toBe(true);
  });

  it("a header naming something else is never taken for a field its cells fit", () => {
    const header = [...JP, "注册资本（万元）", "纳税人识别号"];
    const r = run("js-2023-platform", listGrid(header, [jp(1, { "注册资本（万元）": 3000, 纳税人识别号: uscc("320115", 1) }), jp(2, { "注册资本（万元）": 500, 纳税人识别号: uscc("320115", 2) })]));
    expect(r.columns.filter((c) => c.column === "G" || c.column === "H").map((c) => c.field)).toEqual([null, null]);
  });

  it("every column is listed, with samples; a sure mapping is not uncertain", () => {
    const header = [...JP, "企业规模"];
    const r = run("js-2023-platform", listGrid(header, [jp(1, { 企业规模: "中型" }), jp(2, { 企业规模: "小型" })]));
    expect(r.columns.map((c) => c.column)).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
    expect(r.columns[1]).toMatchObject({ field: "applicant", confidence: 1, why: "header", samples: ["南京甲1科技有限公司", "南京甲2科技有限公司"] });
    expect(r.columns[6]).toMatchObject({ header: "企业规模", field: null, why: "none" });
    expect(r.mappingUncertain).toBe(false);
    expect(r.mappingKey).toBe(mappingKey(header));
  });
});

describe("the clerk's choices", () => {
  const header = ["序号", "申报单位", "编码", "注册时间", "平台类型", "建设情况", "备注"];
  const rows = [1, 2].map((n) => ({ 序号: n, 申报单位: `南京甲${n}科技有限公司`, 编码: uscc("320115", n), 注册时间: "2015-03-01", 平台类型: "综合型", 建设情况: "已建成", 备注: "2015-01-01" }));

  it("a choice by letter or by header text wins over the evidence; field null leaves a column unused", () => {
    for (const column of ["C", "编码"]) {
      const r = run("js-2023-platform", listGrid(header, rows), { columnChoices: [{ column, field: "uscc" }, { column: "备注", field: null }] });
      expect(r.columns.find((c) => c.column === "C")).toMatchObject({ field: "uscc", confidence: 1, why: "user" });
      expect(r.columns.find((c) => c.column === "G")).toMatchObject({ field: null, why: "user" });
      expect(withCode(r, "header-missing")).toEqual([]);
    }
  });

  it("a choice giving a field to another column takes it from the column the header named", () => {
    const r = run("js-2023-platform", listGrid(header, rows), { columnChoices: [{ column: "G", field: "registeredOn" }] });
    expect(r.columns.find((c) => c.column === "G")).toMatchObject({ field: "registeredOn", why: "user" });
    expect(r.columns.find((c) => c.column === "D")?.field).toBeNull();
  });

  it("a saved mapping names columns by header so it survives moved columns, and parses back", () => {
    const r = run("js-2023-platform", listGrid(header, rows), { columnChoices: [{ column: "C", field: "uscc" }] });
    const saved = savedMappingOf(r.mappingKey, r.columns);
    expect(SavedMapping.parse(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(saved.choices[2]).toEqual({ column: "编码", field: "uscc" });
    const moved = ["编码", "序号", "申报单位", "注册时间", "平台类型", "建设情况", "备注"];
    const r2 = run("js-2023-platform", listGrid(moved, rows), { columnChoices: saved.choices });
    expect(r2.columns.find((c) => c.column === "A")).toMatchObject({ field: "uscc", why: "user" });
    expect(withCode(r2, "header-missing")).toEqual([]);
  });

  it("a choice naming no column (a letter past the last, a header text the sheet lacks) is said in a note, not dropped", () => {
    const r = run("js-2023-platform", listGrid(header, rows), { columnChoices: [{ column: "Q", field: "registeredOn" }, { column: "统一代码", field: "uscc" }, { column: "C", field: "uscc" }] });
    const said = r.notes.filter((n) => n.includes("未对应到任何列"));
    expect(said).toHaveLength(2);
    expect(said[0]).toContain("“Q=registeredOn”");
    expect(said[0]).toContain("没有 Q 列");
    expect(said[1]).toContain("没有“统一代码”这一列");
    // The choice that names a column is used and gets no such note.
    expect(r.columns.find((c) => c.column === "C")).toMatchObject({ field: "uscc", why: "user" });
    expect(run("js-2023-platform", listGrid(header, rows), { columnChoices: [{ column: "C", field: "uscc" }] }).notes.filter((n) => n.includes("未对应到任何列"))).toEqual([]);
  });

  it("a lower-case letter names its column, unless a header reads so", () => {
    const r = run("js-2023-platform", listGrid(header, rows), { columnChoices: [{ column: "c", field: "uscc" }] });
    expect(r.columns.find((c) => c.column === "C")).toMatchObject({ field: "uscc", why: "user" });
    const withC = run("js-2023-platform", listGrid([...header, "c"], rows), { columnChoices: [{ column: "c", field: null }] });
    expect(withC.columns.find((c) => c.column === "H")).toMatchObject({ field: null, why: "user" });
    expect(withC.columns.find((c) => c.column === "C")?.why).not.toBe("user");
    expect(withC.notes.filter((n) => n.includes("未对应到任何列"))).toEqual([]);
  });

  it("mappingKey: the same wording up to width, spaces and units gives the same key; another wording another", () => {
    expect(mappingKey(["投资额（万元）", "申报单位"])).toBe(mappingKey(["投资额", " 申报单位 ", ""]));
    expect(mappingKey(["投资额", "申报单位"])).not.toBe(mappingKey(["申报单位", "投资额"]));
    expect(mappingKey([])).toBe("");
    expect(mappingKey(["投资额"])).toMatch(/^h1-1-[0-9a-f]{16}$/);
  });
});
