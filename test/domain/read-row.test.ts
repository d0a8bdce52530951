/** Reading a row's cells by field kind (rules/read.ts): every cell the check cannot use becomes a finding. */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/domain/cells";
import { FIRST, listGrid, run, uscc, withCode } from "./check-helpers";

const HEADER = ["序号", "所在县（市、区）", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "联系人"];

function rowWith(overrides: Record<string, string | number | boolean | null>) {
  return { 序号: 1, "所在县（市、区）": "江宁区", 申报单位: "南京甲科技有限公司", 统一社会信用代码: uscc("320115", 1), 注册时间: "2015-01-01", 平台类型: "综合型", 建设情况: "已建成", 联系人: "张三", ...overrides };
}

describe("text and name columns", () => {
  it("a number, TRUE/FALSE or date where a company's name belongs is a finding, not a company called “12345”", () => {
    const grid = listGrid(HEADER, [rowWith({ 申报单位: 12345 }), rowWith({ 申报单位: true, 统一社会信用代码: uscc("320115", 2) }), rowWith({ 统一社会信用代码: uscc("320115", 3) })]);
    // Row 5's name became a date (a pasted "2020-3-5" that Excel converted).
    grid.rows[4]![2] = { kind: "date", value: 43895 } satisfies Cell;
    const r = run("js-2023-platform", grid);
    const bad = withCode(r, "value-not-allowed").filter((f) => f.field === "applicant");
    expect(bad.map((f) => [f.row, f.value, f.severity])).toEqual([
      [FIRST, "12345", "error"],
      [FIRST + 1, "TRUE", "error"],
      [FIRST + 2, "2020-03-05", "error"],
    ]);
    expect(bad[0]!.message).toContain("是数字，不是文字，应填写单位全称");
    expect(bad[1]!.message).toContain("逻辑值");
    expect(bad[2]!.message).toContain("是日期");
    // Unreadable, not empty: no second finding that the required name is missing.
    expect(withCode(r, "required-missing")).toEqual([]);
  });

  it("in other text columns a number is read as shown, but TRUE/FALSE or a date is reported", () => {
    const grid = listGrid(HEADER, [rowWith({ 序号: 7, 联系人: false }), rowWith({ 统一社会信用代码: uscc("320115", 2) })]);
    // "1-2" typed as a 序号 sub-number becomes 2 January in Excel.
    grid.rows[3]![0] = { kind: "date", value: 46024, numberFormat: "m月d日" } satisfies Cell;
    const r = run("js-2023-platform", grid);
    const bad = withCode(r, "value-not-allowed").map((f) => [f.row, f.field, f.value, f.severity]);
    expect(bad).toEqual([
      [FIRST, "contact", "FALSE", "warning"],
      [FIRST + 1, "seq", "2026-01-02", "warning"],
    ]);
  });
});

describe("certificate column", () => {
  const header = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "投入合计（万元）", "是否通过贯标", "证书有效期至", "基础技术能力", "制造系统能力", "企业标杆能力"];
  const row = (certified: string, n: number) => ({
    申报单位: `苏州乙${n}机械有限公司`, 统一社会信用代码: uscc("320506", n), 成立日期: "2012-06-01", 业态模式创新方向: "智能化制造", 是否建成: "已建成",
    "投入合计（万元）": 2000, 是否通过贯标: certified, 证书有效期至: "2025-06-30", 基础技术能力: 3, 制造系统能力: "生产现场优化、生产管理优化、经营管理优化", 企业标杆能力: "产品全流程",
  });

  it("“未通过” and “不通过” read as not passed, though they contain “通过”; “已通过” as passed", () => {
    const r = run("js-2023-benchmark-factory", listGrid(header, [row("未通过", 1), row("不通过", 2), row("已通过", 3)]));
    expect(withCode(r, "certificate-invalid").map((f) => [f.row, f.severity])).toEqual([
      [FIRST, "error"],
      [FIRST + 1, "error"],
    ]);
  });
});
