/** 每个申报单位只能申报一个方向. */
import { z } from "zod";
import { Clause, FieldId, Party, RuleSource } from "../../schema-atoms";
import { addFinding, ROWS_NAMED_IN_MESSAGE, rowListEn, value, type CheckContext, type RowData } from "../context";
import { differKey, groupBy, partyKeys, partyName } from "../identity";
import { defineSetKind } from "../kind";
import { label, partyRefs, sentence } from "../words";

const schema = z.strictObject({ type: z.literal("one-direction"), source: RuleSource.optional(), party: Party, field: FieldId, clause: Clause });
type R = z.output<typeof schema>;

/** One applicant, one direction: rows of one party with different directions. */
function checkOneDirection(ctx: CheckContext, rows: readonly RowData[], rule: R): void {
  const keys = partyKeys(rows, rule.party);
  const groups = groupBy(rows, (r) => keys.get(r));
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const directions = new Set(group.map((r) => differKey(ctx, r, rule.field)));
    if (directions.size < 2) continue;
    const listed =
      group.slice(0, ROWS_NAMED_IN_MESSAGE).map((r) => `第${r.excelRow}行“${value<string>(r, rule.field) ?? ""}”`).join("，") +
      (group.length > ROWS_NAMED_IN_MESSAGE ? `等共${group.length}行` : "");
    for (const row of group.slice(1)) {
      addFinding(ctx, {
        code: "direction-repeated",
        severity: "error",
        row,
        rows: group,
        eachRowReported: true,
        field: rule.field,
        value: value<string>(row, rule.field) ?? "",
        message: `${rule.party.role}“${partyName(row, rule.party) ?? ""}”申报了多个方向：${listed}；每个申报单位${rule.clause.includes("原则上") ? "原则上" : ""}只能申报一个方向`,
        messageEn: `The ${rule.party.roleEn} applies in several directions (rows ${rowListEn(group)}); one direction per applicant`,
        hint: "与申报单位确认保留一个方向，删除其余行",
        hintEn: "Agree one direction with the applicant and remove the other rows",
        clause: rule.clause,
      });
    }
  }
}

export const oneDirection = defineSetKind({
  place: "set",
  type: "one-direction",
  over: "list",
  schema,
  name: ["每家一个方向", "One direction each"],
  codes: { "direction-repeated": ["同一单位申报多个方向", "Several directions for one applicant"] },
  refs: (r) => ({ fields: [...partyRefs("party", r.party), [["field"], r.field]], settings: [] }),
  check: (ctx, input, r) => checkOneDirection(ctx, input.rows, r),
  describe: (r, p) => sentence(r, `每个${r.party.role}只能申报一个方向（${label(p, r.field)}）`),
  unchecked: (r) => [{ zh: `每个${r.party.role}只能申报一个方向`, anyOf: [r.field] }],
  summary: () => "每个申报单位只能申报一个方向",
  editable: [],
});
