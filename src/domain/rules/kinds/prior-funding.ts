/** 前期未获得过省级财政资金支持. */
import { z } from "zod";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, shownOf, value, type CheckContext, type RowData } from "../context";
import { defineRowKind } from "../kind";
import { fieldRef, label, sentence } from "../words";

const schema = z.strictObject({ type: z.literal("prior-funding"), source: RuleSource.optional(), field: FieldId, clause: Clause });
type R = z.output<typeof schema>;

function checkPriorFunding(ctx: CheckContext, row: RowData, rule: R): void {
  if (value<boolean>(row, rule.field) !== true) return;
  addFinding(ctx, {
    code: "prior-funding",
    severity: "error",
    row,
    field: rule.field,
    value: shownOf(ctx, row, rule.field),
    message: "项目前期已获得过省级财政资金支持：只有未获省级财政资金支持的项目可以申报",
    messageEn: "The project already had provincial fiscal support; only projects without it may apply",
    clause: rule.clause,
  });
}

export const priorFunding = defineRowKind({
  place: "row",
  type: "prior-funding",
  schema,
  name: ["已获资助", "Prior funding"],
  codes: { "prior-funding": ["已获省级财政资金支持", "Already had provincial funding"] },
  refs: (r) => ({ fields: fieldRef("field", r.field), settings: [] }),
  check: checkPriorFunding,
  describe: (r, p) => sentence(r, `项目前期获得过省级财政资金支持的（${label(p, r.field)}为“是”），不得申报`),
  unchecked: (r) => [{ zh: "项目前期未获得过省级财政资金支持", anyOf: [r.field] }],
  summary: () => "前期未获得过省级财政资金支持",
  editable: [],
});
