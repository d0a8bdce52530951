/** 同一集团内企业揭榜任务数上限 (counted over the province). */
import { z } from "zod";
import { groupKey } from "../../names";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { cleanText, saysNothing } from "../../text";
import { addFinding, value, type CheckContext, type RowData } from "../context";
import { groupBy } from "../identity";
import { defineSetKind } from "../kind";
import { prefix, prefixEn, whereRows, whereRowsEn, type CityScope } from "../set-rules";
import { label, sentence } from "../words";

const schema = z.strictObject({ type: z.literal("group-cap"), source: RuleSource.optional(), field: FieldId, max: z.number().int().positive(), clause: Clause });
type R = z.output<typeof schema>;

/** Beyond saying nothing, the ways a row says it belongs to no group. */
const NO_GROUP = /^(不属于|非集团企业|独立企业)$/u;

function checkGroupCap(ctx: CheckContext, rows: readonly RowData[], rule: R, scope?: CityScope): void {
  const groups = groupBy(rows, (r) => {
    const g = value<string>(r, rule.field);
    if (!g) return null;
    const plain = cleanText(g).replace(/[\s（）()]/g, "");
    // One group however its legal suffix is written (海尔集团 / 海尔集团公司 / 海尔集团有限公司).
    return saysNothing(plain) || NO_GROUP.test(plain) ? null : groupKey(g);
  });
  for (const group of groups.values()) {
    if (group.length <= rule.max) continue;
    const name = value<string>(group[0]!, rule.field) ?? "";
    for (const row of group.slice(rule.max)) addFinding(ctx, {
      code: "group-cap",
      severity: "error",
      row,
      rows: group,
      eachRowReported: true,
      field: rule.field,
      value: name,
      message: `${prefix(scope)}“${name}”内企业共揭榜${group.length}个任务（${whereRows(group)}），同一集团内企业总揭榜任务不超过${rule.max}个`,
      messageEn: `${prefixEn(scope)}Enterprises of the group “${name}” take ${group.length} tasks (${whereRowsEn(group)}); at most ${rule.max} per group`,
      hint: `集团内协调，保留不超过${rule.max}个任务`,
      hintEn: `Keep at most ${rule.max} tasks for the group`,
      clause: rule.clause,
    });
  }
}

export const groupCap = defineSetKind({
  place: "set",
  type: "group-cap",
  over: "list",
  provinceWide: true,
  schema,
  name: ["同一集团上限", "Per group"],
  codes: { "group-cap": ["同一集团揭榜任务数超限", "Group takes too many tasks"] },
  refs: (r) => ({ fields: [[["field"], r.field]], settings: [] }),
  check: (ctx, input, r) => checkGroupCap(ctx, input.rows, r),
  describe: (r, p) => sentence(r, `同一${label(p, r.field)}内企业合计不超过${r.max}个`),
  unchecked: (r) => [{ zh: `同一集团内企业不超过${r.max}个`, anyOf: [r.field] }],
  summary: (r) => `同一集团不超过${r.max}个`,
  editable: [{ path: ["max"], kind: "positive", zh: "不超过（个）", en: "At most" }],
});
