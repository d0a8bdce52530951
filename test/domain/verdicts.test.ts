/**
 * Verdicts as the notices decide them (issue 10): one named case per point, each on a small list.
 */
import { describe, expect, it } from "vitest";
import { planExport } from "../../src/domain/export/plan";
import { FIRST, listGrid, run, uscc, withCode, type RowSpec } from "./check-helpers";

const SD_HEADER = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况"];
const sd = (o: RowSpec = {}, n = 1): RowSpec => ({
  申报单位名称: `济南丁${n}信息技术有限公司`,
  统一社会信用代码: uscc("370112", n),
  申报方向: "综合型",
  单位性质: "民营",
  平台建设情况: "已建成运营",
  ...o,
});
const sdRows = (count: number, o: (i: number) => RowSpec = () => ({})) => Array.from({ length: count }, (_, i) => sd(o(i + 1), i + 1));

const BF_HEADER = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "平台和系统开发费（万元）", "智能设备（终端）购置费（万元）", "测试验证和项目咨询费（万元）", "投入合计（万元）", "是否通过贯标", "证书有效期至"];
const bf = (o: RowSpec = {}, n = 1): RowSpec => ({
  申报单位: `苏州乙${n}机械有限公司`,
  统一社会信用代码: uscc("320506", n),
  成立日期: "2012-06-01",
  业态模式创新方向: "智能化制造",
  是否建成: "已建成",
  "平台和系统开发费（万元）": 1000,
  "智能设备（终端）购置费（万元）": 800,
  "测试验证和项目咨询费（万元）": 200,
  "投入合计（万元）": 2000,
  是否通过贯标: "是",
  证书有效期至: "2025-06-30",
  ...o,
});
const without = (header: readonly string[], drop: string[]) => header.filter((h) => !drop.includes(h));
const strip = (row: RowSpec, drop: string[]): RowSpec => Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k)));

describe("1. benchmark ≥2000万: the declared total is judged", () => {
  it("a total of 2100 over parts of 1900 passes (the parts are examples: 等投入总计)", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ "平台和系统开发费（万元）": 1000, "智能设备（终端）购置费（万元）": 700, "测试验证和项目咨询费（万元）": 200, "投入合计（万元）": 2100 })]), { city: "苏州" });
    expect(withCode(r, "investment-below-minimum")).toEqual([]);
    expect(withCode(r, "investment-total-mismatch")).toEqual([]);
  });

  it("a total below the sum of its parts is a warning, and the total is still what is judged", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ "平台和系统开发费（万元）": 1500, "智能设备（终端）购置费（万元）": 500, "测试验证和项目咨询费（万元）": 200, "投入合计（万元）": 1900 })]), { city: "苏州" });
    expect(withCode(r, "investment-total-mismatch").map((f) => [f.row, f.severity])).toEqual([[FIRST, "warning"]]);
    expect(withCode(r, "investment-below-minimum").map((f) => [f.row, f.value])).toEqual([[FIRST, "1900万元"]]);
  });

  it("without a total column the parts decide, and a note says so", () => {
    const header = without(BF_HEADER, ["投入合计（万元）"]);
    const r = run("js-2023-benchmark-factory", listGrid(header, [strip(bf(), ["投入合计（万元）"]), strip(bf({ "平台和系统开发费（万元）": 500 }, 2), ["投入合计（万元）"])]), { city: "苏州" });
    expect(withCode(r, "header-missing")).toEqual([]);
    expect(withCode(r, "investment-below-minimum").map((f) => f.row)).toEqual([FIRST + 1]);
    expect(r.notes.some((n) => n.includes("之和核对") && n.includes("分项"))).toBe(true);
  });

  it("an empty total beside complete parts: the parts decide, with an info on the row", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ "投入合计（万元）": null })]), { city: "苏州" });
    expect(r.findings.filter((f) => f.severity !== "info" && f.code !== "priority")).toEqual([]);
    expect(withCode(r, "required-missing").map((f) => [f.row, f.severity, f.field])).toEqual([[FIRST, "info", "investment"]]);
  });

  it("neither a total nor the parts: the total is missing", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ "投入合计（万元）": null, "平台和系统开发费（万元）": null })]), { city: "苏州" });
    expect(withCode(r, "required-missing").map((f) => [f.row, f.field])).toEqual([[FIRST, "investment"]]);
    const noColumns = without(BF_HEADER, ["投入合计（万元）", "平台和系统开发费（万元）", "智能设备（终端）购置费（万元）", "测试验证和项目咨询费（万元）"]);
    const h = run("js-2023-benchmark-factory", listGrid(noColumns, [strip(bf(), BF_HEADER.filter((x) => !noColumns.includes(x)))]), { city: "苏州" });
    expect(withCode(h, "header-missing").map((f) => f.field)).toEqual(["investment"]);
  });
});

describe("2. quota exemption reads the ownership words as a whole", () => {
  for (const words of ["民营（非央企）", "非省属", "非中央驻鲁", "民营企业（央企参股）"]) {
    it(`“${words}” takes a slot: an 11th platform so written exceeds the quota of 10`, () => {
      const r = run("sd-2023-platform", listGrid(SD_HEADER, sdRows(11, (i) => (i === 11 ? { 单位性质: words } : {}))), { city: "济南" });
      expect(r.quotas[0]).toMatchObject({ counted: 11, exempt: 0, excess: 1 });
      expect(withCode(r, "quota-exceeded").map((f) => f.row)).toEqual([FIRST + 10]);
    });
  }

  for (const words of ["中央驻鲁", "中央驻鲁企业", "省属事业单位", "国有（省属）", "央企全资子公司"]) {
    it(`“${words}” is exempt for the 山东 platform quota`, () => {
      const r = run("sd-2023-platform", listGrid(SD_HEADER, sdRows(11, (i) => (i === 11 ? { 单位性质: words } : {}))), { city: "济南" });
      expect(r.quotas[0]).toMatchObject({ counted: 10, exempt: 1, excess: 0 });
    });
  }

  it("the export leaves exactly the check's exempt rows out of the count", () => {
    const grid = listGrid(SD_HEADER, sdRows(4, (i) => ({ 单位性质: ["民营（非央企）", "中央驻鲁", "非省属", "省属"][i - 1] })));
    const report = run("sd-2023-platform", grid, { city: "济南" });
    const plan = planExport(grid, report);
    const exempt = plan.rows.flatMap((r) => (r.kind === "data" && r.exempt ? [r.sourceRow] : []));
    expect(exempt.sort()).toEqual([FIRST + 1, FIRST + 3]);
    expect(report.quotas[0]).toMatchObject({ counted: 2, exempt: 2 });
  });

  it("a national code is explained by a central-unit word only when the word stands as a whole", () => {
    const national = uscc("100000", 3);
    const negated = run("sd-2023-platform", listGrid(SD_HEADER, [sd({ 统一社会信用代码: national, 单位性质: "民营（非央企）" })]), { city: "济南" });
    expect(withCode(negated, "uscc-outside-province")).toHaveLength(1);
    const central = run("sd-2023-platform", listGrid(SD_HEADER, [sd({ 统一社会信用代码: national, 单位性质: "央企子公司" })]), { city: "济南" });
    expect(withCode(central, "uscc-outside-province")).toEqual([]);
  });
});

const GF_HEADER = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "其他联合体成员", "企业性质", "是否有省级公司推荐函", "预期投入（万元）"];
const gf = (o: RowSpec = {}, n = 1): RowSpec => ({
  推荐排序: n,
  揭榜任务: "2-01 人工智能大模型赋能研发设计",
  项目名称: `项目${n}`,
  牵头单位名称: `青岛服务商${n}科技有限公司`,
  牵头单位统一社会信用代码: uscc("370212", 100 + n),
  场景落地单位名称: `青岛制造${n}有限公司`,
  场景落地单位统一社会信用代码: uscc("370211", 200 + n),
  企业性质: "民营",
  "预期投入（万元）": 500,
  ...o,
});
const gfRun = (...rows: RowSpec[]) => run("sd-2024-gfbj-2", listGrid(GF_HEADER, rows), { city: "青岛" });

describe("3. 工赋百景: 中央驻鲁企业 and 省属国企 take no slot and need no rank", () => {
  it("exempt rows without a rank raise nothing", () => {
    const r = gfRun(gf({}, 1), gf({}, 2), gf({ 推荐排序: null, 企业性质: "中央驻鲁企业" }, 3), gf({ 推荐排序: null, 企业性质: "省属国企" }, 4));
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.quotas[0]).toMatchObject({ counted: 2, exempt: 2 });
  });

  it("a 省属事业单位 is not a 省属国企: it counts and needs a rank", () => {
    const r = gfRun(gf({}, 1), gf({ 推荐排序: null, 企业性质: "省属事业单位" }, 2));
    expect(r.quotas[0]).toMatchObject({ counted: 2, exempt: 0 });
    expect(withCode(r, "rank-invalid").filter((f) => f.row === FIRST + 1)).toHaveLength(1);
    expect(withCode(r, "required-missing")).toEqual([]);
  });

  it("a counted row without a rank is told once, not twice", () => {
    const r = gfRun(gf({}, 1), gf({ 推荐排序: null }, 2));
    expect(r.findings.filter((f) => f.row === FIRST + 1 && f.severity === "error").map((f) => f.code)).toEqual(["rank-invalid"]);
  });

  it("without a rank column at all, the column is still missing", () => {
    const header = GF_HEADER.filter((h) => h !== "推荐排序");
    const r = run("sd-2024-gfbj-2", listGrid(header, [strip(gf(), ["推荐排序"])]), { city: "青岛" });
    expect(withCode(r, "header-missing").map((f) => f.field)).toEqual(["rank"]);
  });
});

describe("10. sd-2023-platform: 企业性质 is not a required column", () => {
  it("a list without it is checked, every row counted, and a note says so", () => {
    const header = without(SD_HEADER, ["单位性质"]);
    const r = run("sd-2023-platform", listGrid(header, sdRows(11).map((x) => strip(x, ["单位性质"]))), { city: "济南" });
    expect(withCode(r, "header-missing")).toEqual([]);
    expect(r.quotas[0]).toMatchObject({ counted: 11, exempt: 0 });
    expect(r.notes.some((n) => n.includes("所有行都计入名额"))).toBe(true);
  });
});
