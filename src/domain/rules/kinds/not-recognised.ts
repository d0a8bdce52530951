/** 已认定的不得重复申报, unless it is an upgrade application. */
import { z } from "zod";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, fieldLabel, hasColumn, shownOf, value, type CheckContext, type RowData } from "../context";
import { defineRowKind } from "../kind";
import { fieldRef, label, sentence } from "../words";

const schema = z.strictObject({ type: z.literal("not-recognised"), source: RuleSource.optional(), field: FieldId, upgradeField: FieldId, clause: Clause });
type R = z.output<typeof schema>;

function checkNotRecognised(ctx: CheckContext, row: RowData, rule: R): void {
  if (value<boolean>(row, rule.field) !== true) return;
  if (value<boolean>(row, rule.upgradeField) === true) return;
  const upgradeKnown = hasColumn(ctx, rule.upgradeField);
  addFinding(ctx, {
    code: "already-recognised",
    severity: "error",
    row,
    field: rule.field,
    value: shownOf(ctx, row, rule.field),
    message: `“${fieldLabel(ctx, rule.field)}”为“是”，${upgradeKnown ? `“${fieldLabel(ctx, rule.upgradeField)}”未填“是”` : `表中没有“${fieldLabel(ctx, rule.upgradeField)}”列`}：已认定的原则上不再重复申报，只可升级申报`,
    messageEn: "Already recognised as a provincial key platform and not marked as an upgrade application: recognised platforms may only apply for an upgrade",
    hint: "确属能力显著提升的，标明“升级申报”；否则删除该行",
    hintEn: "Mark the row as an upgrade application if the platform improved markedly; otherwise remove it",
    clause: rule.clause,
  });
}

export const notRecognised = defineRowKind({
  place: "row",
  type: "not-recognised",
  schema,
  name: ["已认定的不得重复申报", "Already recognised"],
  codes: { "already-recognised": ["已获认定且非升级申报", "Already recognised"] },
  refs: (r) => ({ fields: [...fieldRef("field", r.field), ...fieldRef("upgradeField", r.upgradeField)], settings: [] }),
  check: checkNotRecognised,
  describe: (r, p) => sentence(r, `${label(p, r.field)}为“是”的不得重复申报，除非${label(p, r.upgradeField)}为“是”`),
  unchecked: (r) => [{ zh: "是否已被认定（已认定的不得重复申报）", anyOf: [r.field] }],
  summary: (r) => `已认定的不得重复申报${String(r.source?.text ?? "").includes("升级") ? "（升级申报除外）" : ""}`,
  editable: [],
});
