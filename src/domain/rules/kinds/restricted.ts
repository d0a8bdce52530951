/** 有下列情形之一的，不得申报: yes/no questions that bar a row, a free-text restrictions column, accident grades. */
import { z } from "zod";
import { readYesNo } from "../../readers";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { saysNothing } from "../../text";
import { accidentGrade, type AccidentGrades } from "../accident";
import { addFinding, fieldLabel, fieldLabelEn, shownOf, value, type CheckContext, type RowData } from "../context";
import { defineRowKind, type ProgrammeView } from "../kind";
import { fieldRef, label } from "../words";
import type { RuleText } from "../../rules-text";

const schema = z.strictObject({
  type: z.literal("restricted"), source: RuleSource.optional(),
  conditions: z.array(
    z.strictObject({
      field: FieldId,
      /** The yes/no answer that bars the row (是 for "发生过事故", 否 for "符合产业政策"). */
      barsWhen: z.boolean(),
      zh: z.string(),
      en: z.string(),
      clause: Clause,
    }),
  ),
  /** A free-text restrictions column: anything but 无/否/空 bars the row. */
  textField: FieldId.optional(),
  textClause: Clause.optional(),
  /**
   * The notice bars only accidents of some grades (较大以上): an accident stated (in `field`'s remark or the
   * text column) as a lesser grade or without one is a warning for a person to look at, not an error.
   */
  accidentGrades: z
    .strictObject({
      field: FieldId,
      barred: z.array(z.string()).min(1),
      lesser: z.array(z.string()),
      /** Words that make a text about an accident (事故, 事件). */
      about: z.array(z.string()).min(1),
      /** Words that bar whatever the grade (失信, 黑名单 …): a text naming one is an error. */
      otherBars: z.array(z.string()),
      clause: Clause,
    })
    .optional(),
});
type R = z.output<typeof schema>;

function gradeWarning(ctx: CheckContext, row: RowData, field: string, shown: string, grade: "lesser" | "ungraded", g: AccidentGrades): void {
  addFinding(ctx, {
    code: "restricted",
    severity: "warning",
    row,
    field,
    value: shown,
    message: `“${fieldLabel(ctx, field)}”填“${shown}”：${grade === "lesser" ? "所述事故为一般事故" : "所述事故未写明等级"}，通知只限${g.barred[0]}以上事故，请人工核实事故等级`,
    messageEn: `${fieldLabelEn(ctx, field)}: “${shown}” states an accident ${grade === "lesser" ? "of a lesser grade" : "without its grade"}; the notice bars only ${g.barred[0]} or graver accidents — check its grade`,
    hint: `核实事故等级：${g.barred[0]}以上的不得申报；一般事故的可在备注中说明`,
    hintEn: "Check the accident's grade",
    clause: g.clause,
  });
}

function checkRestricted(ctx: CheckContext, row: RowData, rule: R): void {
  const g = rule.accidentGrades;
  for (const c of rule.conditions) {
    const v = value<boolean>(row, c.field);
    if (v === undefined || v !== c.barsWhen) continue;
    const shown = shownOf(ctx, row, c.field);
    // "是（一般事故）" to a question about 较大以上 accidents: the remark says less than the question asks.
    const grade = g && g.field === c.field ? accidentGrade(shown, g) : null;
    // An accident told in words without its grade (not a 是/否 answer): a person must judge it.
    const inWords = grade === "ungraded" && readYesNo({ kind: "text", value: shown }).status !== "ok";
    if (g && (grade === "lesser" || inWords)) {
      gradeWarning(ctx, row, c.field, shown, grade, g);
      continue;
    }
    addFinding(ctx, {
      code: "restricted",
      severity: "error",
      row,
      field: c.field,
      value: shown,
      message: `“${fieldLabel(ctx, c.field)}”填“${shown}”：${c.zh}的，不得申报`,
      messageEn: `${fieldLabelEn(ctx, c.field)}: ${c.en}; such applicants may not apply`,
      clause: c.clause,
    });
  }
  if (rule.textField) {
    const t = value<string>(row, rule.textField);
    if (t && !saysNothing(t)) {
      const grade = g ? accidentGrade(t, g) : null;
      if (g && (grade === "lesser" || grade === "ungraded")) {
        gradeWarning(ctx, row, rule.textField, t, grade, g);
        return;
      }
      addFinding(ctx, {
        code: "restricted",
        severity: "error",
        row,
        field: rule.textField,
        value: t,
        message: `“${fieldLabel(ctx, rule.textField)}”填有“${t}”：有限制性情形之一的，不得申报`,
        messageEn: `Restrictive condition stated (“${t}”): such applicants may not apply`,
        hint: "无限制性情形的请填“无”",
        hintEn: "Write 无 when none applies",
        ...(rule.textClause ? { clause: rule.textClause } : {}),
      });
    }
  }
}

function describe(r: R, p: ProgrammeView): RuleText[] {
  const out: RuleText[] = r.conditions.map((c) => ({ zh: `${label(p, c.field)}为“${c.barsWhen ? "是" : "否"}”（${c.zh}）的，不得申报`, clause: c.clause, settings: [] }));
  if (r.textField) out.push({ zh: `${label(p, r.textField)}写明存在限制性情形的，不得申报（“无”“无限制性条件”“以上情形均不存在”等否定的写法视为无）`, clause: r.textClause ?? "", settings: [] });
  if (r.accidentGrades) {
    const g = r.accidentGrades;
    out.push({ zh: `只限${g.barred.join("、")}等级的事故：写明为${g.lesser.join("、")}事故或未写明等级的，为警告，请人工核实事故等级`, clause: g.clause, settings: [] });
  }
  out.push({ zh: "上述是否类问题的回答无法判断为“是”或“否”的，为错误（须填写后方可推荐）", clause: r.conditions[0]?.clause ?? r.textClause ?? "", settings: [] });
  return out;
}

export const restricted = defineRowKind({
  place: "row",
  type: "restricted",
  schema,
  name: ["限制条件", "Disqualifying conditions"],
  codes: { restricted: ["存在限制性条件", "Restriction applies"] },
  refs: (r) => ({
    fields: [
      ...r.conditions.map((c, i): [(string | number)[], string] => [["conditions", i, "field"], c.field]),
      ...fieldRef("textField", r.textField),
      ...(r.accidentGrades ? ([[["accidentGrades", "field"], r.accidentGrades.field]] as [(string | number)[], string][]) : []),
    ],
    settings: [],
  }),
  check: checkRestricted,
  describe,
  unchecked: (r) => r.conditions.map((c) => ({ zh: c.zh, anyOf: r.textField ? [c.field, r.textField] : [c.field] })),
  summary: (r) => `限制性条件${(r.conditions ?? []).length}项${r.textField ? "（另核对限制性条件文字列）" : ""}`,
  editable: [],
});
