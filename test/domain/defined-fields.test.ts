/**
 * A field a new notice introduces (FieldSpec.define) is a field like any other: its column is found by
 * its own names, its cells read by its kind, and every text — findings, rules, notes, the district
 * template, the merged list — names it as the notice defines it, never by its id.
 */
import { describe, expect, it } from "vitest";
import { BUNDLE_FORMAT, BUNDLE_VERSION, parseBundleData } from "../../src/domain/bundle";
import { check } from "../../src/domain/check";
import { mergeLists, mergedLabel } from "../../src/domain/merge";
import { builtinInput } from "../../src/domain/programmes";
import { Report } from "../../src/domain/report";
import { describeProgramme } from "../../src/domain/rules-text";
import { resolveSettings } from "../../src/domain/settings";
import { planTemplate } from "../../src/domain/template/plan";
import { listGrid, uscc } from "./check-helpers";

function programmeWithNewFields() {
  const input = structuredClone(builtinInput("js-2023-platform")) as Record<string, unknown> & { fields: unknown[]; rowRules: unknown[] };
  input.id = "js-2027-green";
  input.fields.push(
    { field: "greenInvest", define: { zh: "绿色化改造投入", en: "Green retrofit investment", kind: "amount", synonyms: ["绿色投入"] }, required: true },
    { field: "carbonAudit", define: { zh: "是否通过碳核查", en: "Carbon audit passed", kind: "yesno", synonyms: ["碳核查"] }, required: false },
  );
  input.rowRules.push(
    { type: "investment-min", total: "greenInvest", parts: [], min: 500, clause: "示例通知 二(三)：绿色化改造投入不少于500万元" },
    { type: "restricted", conditions: [{ field: "carbonAudit", barsWhen: false, zh: "未通过碳核查", en: "no carbon audit", clause: "示例通知 二(四)：须通过碳核查" }] },
  );
  const parsed = parseBundleData({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, programme: input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.programme;
}

const HEADER = ["序号", "平台名称", "申报单位", "统一社会信用代码", "绿色化改造投入（万元）", "碳核查"];

describe("fields a programme defines itself", () => {
  const programme = programmeWithNewFields();
  const grid = listGrid(HEADER, [
    { 序号: 1, 平台名称: "甲平台", 申报单位: "南京甲科技有限公司", 统一社会信用代码: uscc("320102", 1), "绿色化改造投入（万元）": 300, 碳核查: "否" },
    { 序号: 2, 平台名称: "乙平台", 申报单位: "南京乙科技有限公司", 统一社会信用代码: uscc("320102", 2), "绿色化改造投入（万元）": "很多", 碳核查: "是" },
  ]);
  const report = Report.parse(check(grid, { programme, city: "南京" }));

  it("are found by their own names and read by their kind", () => {
    const byField = new Map(report.columns.map((c) => [c.field, c.header]));
    expect(byField.get("greenInvest")).toBe("绿色化改造投入（万元）");
    expect(byField.get("carbonAudit")).toBe("碳核查");
    const rowFindings = (row: number) => report.findings.filter((f) => f.row === row && (f.field === "greenInvest" || f.field === "carbonAudit"));
    expect(rowFindings(3).map((f) => f.code).sort()).toEqual(["investment-below-minimum", "restricted"]);
    expect(rowFindings(4).map((f) => f.code)).toEqual(["amount-unreadable"]);
  });

  it("are named as the notice defines them in findings, rules text, notes and hints — never by id", () => {
    const texts = [
      ...report.findings.flatMap((f) => [f.message, f.hint ?? ""]),
      ...report.notes,
      ...describeProgramme(programme, resolveSettings(programme).states).rules.map((r) => r.zh),
    ].join("\n");
    expect(texts).toContain("绿色化改造投入");
    expect(texts).not.toMatch(/greenInvest|carbonAudit/);
  });

  it("say a missing required column by its name", () => {
    const without = Report.parse(check(listGrid(["序号", "平台名称", "申报单位", "统一社会信用代码"], [{ 序号: 1, 平台名称: "甲", 申报单位: "南京甲科技有限公司", 统一社会信用代码: uscc("320102", 1) }]), { programme, city: "南京" }));
    const missing = without.findings.filter((f) => f.code === "header-missing" && f.field === "greenInvest");
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain("“绿色化改造投入”");
  });

  it("get a template column and a merged-list column under their own names", () => {
    const template = planTemplate({ programme, city: "南京" });
    expect(JSON.stringify(template)).toContain("绿色化改造投入");
    expect(mergedLabel(programme, "greenInvest")).toBe("绿色化改造投入（万元）");
    const merged = mergeLists([{ file: "玄武区.xlsx", sheet: "Sheet1", grid }], { programme, city: "南京" });
    expect(merged.grid.rows[0]!.map((c) => c.value)).toContain("绿色化改造投入（万元）");
  });
});
