/** 子公司申报的需有省级公司推荐函. */
import { z } from "zod";
import { ownershipTokens, ownershipWord } from "../../ownership";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, fieldLabel, hasColumn, shownOf, value, type CheckContext, type RowData } from "../context";
import { defineRowKind } from "../kind";
import { fieldRef, label, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("letter"), source: RuleSource.optional(),
  ownership: FieldId,
  letter: FieldId,
  /** A yes/no column saying the unit is a subsidiary. */
  subsidiaryField: FieldId.optional(),
  /** Words an ownership token ends with when it marks a subsidiary (子公司 …). */
  subsidiary: z.array(z.string()).min(1),
  /** Ownership words of the groups the sentence follows (央企、省属国企): their subsidiaries without a letter are errors. */
  stateOwnership: z.array(z.string().min(1)).min(1),
  /** Other groups' subsidiaries without a letter, where the notice's reading is open: how severe, and why. */
  otherSubsidiaries: z.strictObject({ severity: z.enum(["warning", "error"]), reading: z.string().min(1), readingEn: z.string().min(1) }),
  clause: Clause,
});
type R = z.output<typeof schema>;

/**
 * "子公司申报的需有省级公司推荐函": a subsidiary of the groups the rule names without the letter is an
 * error; any other subsidiary as the rule's `otherSubsidiaries` says (the programme's reading).
 */
function checkLetter(ctx: CheckContext, row: RowData, rule: R): void {
  const ownership = value<string>(row, rule.ownership) ?? "";
  const byColumn = rule.subsidiaryField !== undefined && value<boolean>(row, rule.subsidiaryField) === true;
  const byWords = ownershipTokens(ownership).some((t) => !t.startsWith("非") && rule.subsidiary.some((w) => t.endsWith(w)));
  if (!byColumn && !byWords) return;
  // An answer that cannot be read is no letter: the row cannot go up on it.
  if (value<boolean>(row, rule.letter) === true) return;
  const state = ownershipWord(ownership, rule.stateOwnership);
  const said = byWords ? `企业性质为“${ownership}”` : `“${fieldLabel(ctx, rule.subsidiaryField!)}”为“是”${ownership ? `（企业性质“${ownership}”）` : ""}`;
  const lacking = hasColumn(ctx, rule.letter) ? `“${fieldLabel(ctx, rule.letter)}”不是“是”` : `表中没有“${fieldLabel(ctx, rule.letter)}”列`;
  addFinding(ctx, {
    code: "letter-missing",
    severity: state ? "error" : rule.otherSubsidiaries.severity,
    row,
    field: hasColumn(ctx, rule.letter) ? rule.letter : byWords ? rule.ownership : rule.subsidiaryField!,
    value: hasColumn(ctx, rule.letter) ? shownOf(ctx, row, rule.letter) : ownership,
    message: state
      ? `${said}，属${state}的子公司申报，但${lacking}：子公司申报须有省级公司推荐函`
      : `${said}，属子公司申报，但${lacking}：${rule.otherSubsidiaries.reading}`,
    messageEn: state
      ? `A subsidiary of a central or provincial state group applies without its provincial company's letter`
      : `A subsidiary applies without a provincial company's letter; ${rule.otherSubsidiaries.readingEn}`,
    hint: "补充省级公司推荐函",
    hintEn: "Obtain the provincial company's recommendation letter",
    clause: rule.clause,
  });
}

export const letter = defineRowKind({
  place: "row",
  type: "letter",
  schema,
  name: ["集团推荐函", "Group letter"],
  codes: { "letter-missing": ["子公司缺少省级公司推荐函", "Recommendation letter missing"] },
  refs: (r) => ({ fields: [...fieldRef("ownership", r.ownership), ...fieldRef("letter", r.letter), ...fieldRef("subsidiaryField", r.subsidiaryField)], settings: [] }),
  check: checkLetter,
  describe: (r, p) =>
    sentence(
      r,
      `子公司（${label(p, r.ownership)}写明${r.subsidiary.join("、")}${r.subsidiaryField ? `，或${label(p, r.subsidiaryField)}为“是”` : ""}）须有省级公司推荐函（${label(p, r.letter)}）：${r.stateOwnership.join("、")}的子公司缺函为错误，其他为警告`,
    ),
  unchecked: (r) => [{ zh: "子公司须有省级公司推荐函", anyOf: r.subsidiaryField ? [r.ownership, r.subsidiaryField] : [r.ownership] }],
  summary: () => "子公司申报须有推荐函",
  editable: [],
});
