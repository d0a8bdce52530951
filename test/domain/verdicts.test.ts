/**
 * Verdicts as the notices decide them (issue 10): one named case per point, each on a small list.
 */
import { describe, expect, it } from "vitest";
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

describe("10. sd-2023-platform: 企业性质 is not a required column", () => {
  it("a list without it is checked, every row counted, and a note says so", () => {
    const header = without(SD_HEADER, ["单位性质"]);
    const r = run("sd-2023-platform", listGrid(header, sdRows(11).map((x) => strip(x, ["单位性质"]))), { city: "济南" });
    expect(withCode(r, "header-missing")).toEqual([]);
    expect(r.quotas[0]).toMatchObject({ counted: 11, exempt: 0 });
    expect(r.notes.some((n) => n.includes("所有行都计入名额"))).toBe(true);
  });
});
