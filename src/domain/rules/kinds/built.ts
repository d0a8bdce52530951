/** 已建成（运营）: the project's construction status. */
import { z } from "zod";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, fieldLabel, fieldLabelEn, shownOf, value, type CheckContext, type RowData } from "../context";
import { defineRowKind } from "../kind";
import { fieldRef, label, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("built"), source: RuleSource.optional(),
  field: FieldId,
  /** Statuses that are completed / operating. */
  ok: z.array(z.string()),
  /** Statuses a person should look at (warning). Any other status is an error. */
  warn: z.array(z.string()).default([]),
  clause: Clause,
});
type R = z.output<typeof schema>;

function checkBuilt(ctx: CheckContext, row: RowData, rule: R): void {
  const status = value<string>(row, rule.field);
  if (!status || rule.ok.includes(status)) return;
  const warn = rule.warn.includes(status);
  const shown = shownOf(ctx, row, rule.field) || status;
  addFinding(ctx, {
    code: "not-built",
    severity: warn ? "warning" : "error",
    row,
    field: rule.field,
    value: shown,
    message: warn
      ? `“${fieldLabel(ctx, rule.field)}”为“${shown}”：应为已建成（运营）的项目，请核实是否已建成`
      : `“${fieldLabel(ctx, rule.field)}”为“${shown}”（${status}）：未建成的项目不得申报，应为已建成（运营）`,
    messageEn: warn
      ? `${fieldLabelEn(ctx, rule.field)} is “${shown}”: the project must be completed and operating; please confirm`
      : `${fieldLabelEn(ctx, rule.field)} is “${shown}” (${status}): projects not yet built may not apply`,
    clause: rule.clause,
  });
}

export const built = defineRowKind({
  place: "row",
  type: "built",
  schema,
  name: ["建设状态", "Construction status"],
  codes: { "not-built": ["项目未建成", "Not built yet"] },
  refs: (r) => ({ fields: fieldRef("field", r.field), settings: [] }),
  check: checkBuilt,
  describe: (r, p) => sentence(r, `${label(p, r.field)}须为${r.ok.join("、")}${r.warn.length ? `；${r.warn.join("、")}为警告` : ""}；其余为错误`),
  unchecked: (r) => [{ zh: "项目是否已建成", anyOf: [r.field] }],
  summary: (r) => `建设情况：${(r.ok ?? []).join("、")}可申报${(r.warn ?? []).length ? `；${(r.warn ?? []).join("、")}为警告` : ""}`,
  editable: [],
});
