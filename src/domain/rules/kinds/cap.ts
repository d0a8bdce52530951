/** 参与项目数上限: a provider or an enterprise takes part in at most N projects (counted over the province). */
import { z } from "zod";
import { Clause, FieldId, Party, RuleSource } from "../../schema-atoms";
import { addFinding, value, type CheckContext, type RowData } from "../context";
import { groupBy, nameKey, partyKeys, partyName, splitMembers } from "../identity";
import { defineSetKind } from "../kind";
import { prefix, prefixEn, whereRows, whereRowsEn, type CityScope } from "../set-rules";
import { partyRefs, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("cap"), source: RuleSource.optional(),
  code: z.enum(["provider-cap", "enterprise-cap"]),
  party: Party,
  /** A list of other members: a unit named there (by code where given, else by name) takes part in that project too. */
  members: FieldId.optional(),
  max: z.number().int().positive(),
  clause: Clause,
});
type R = z.output<typeof schema>;

const CODE_IN_TEXT = /[0-9A-HJ-NP-RTUWXY]{18}/u;

/**
 * Projects a unit takes part in: as this party (the lead, the site) and, where the rule names a members
 * column, among the other members — matched by code where the member gives one, else by name.
 */
function checkCap(ctx: CheckContext, rows: readonly RowData[], rule: R, scope?: CityScope): void {
  const keys = partyKeys(rows, rule.party);
  const codeOfName = new Map<string, string>();
  for (const row of rows) {
    const key = keys.get(row);
    const name = nameKey(partyName(row, rule.party));
    if (key && !key.startsWith("name:") && name && !codeOfName.has(name)) codeOfName.set(name, key);
  }
  const projects = groupBy(rows, (r) => keys.get(r));
  const asMember = new Map<RowData, Set<string>>();
  if (rule.members) {
    for (const row of rows) {
      for (const item of splitMembers(value<string>(row, rule.members) ?? "")) {
        const code = CODE_IN_TEXT.exec(item.toUpperCase())?.[0];
        const name = nameKey(item.replace(/[（(][^（）()]*[）)]\s*$/u, ""));
        const key = code ?? codeOfName.get(name) ?? `name:${name}`;
        // Only a unit that is this party somewhere (a provider, a manufacturer) is counted.
        if (!projects.has(key)) continue;
        const set = asMember.get(row) ?? new Set<string>();
        set.add(key);
        asMember.set(row, set);
      }
    }
  }
  // Each unit's projects in one pass (as this party, then as a member), not one scan of the list per unit.
  const involved = new Map<string, Set<RowData>>();
  for (const [key, own] of projects) involved.set(key, new Set(own));
  for (const [row, memberOf] of asMember) for (const key of memberOf) involved.get(key)!.add(row);
  const order = new Map(rows.map((r, i) => [r, i]));
  for (const [key, own] of projects) {
    const set = involved.get(key)!;
    if (set.size <= rule.max) continue;
    const all = [...set].sort((a, b) => order.get(a)! - order.get(b)!);
    const ownSet = new Set(own);
    const name = own.map((r) => partyName(r, rule.party)).find((n) => n) ?? "";
    const among = all.length - own.length;
    // Each project beyond the cap is judged, in sheet order; the first ones are kept.
    for (const row of all.slice(rule.max)) addFinding(ctx, {
      code: rule.code,
      severity: "error",
      row,
      rows: all,
      eachRowReported: true,
      field: ownSet.has(row) ? rule.party.name : rule.members ?? rule.party.name,
      value: name,
      message: `${prefix(scope)}${rule.party.role}“${name}”参与${all.length}个项目（${whereRows(all)}${among ? `，其中${among}个作为其他联合体成员` : ""}），原则上不超过${rule.max}个`,
      messageEn: `${prefixEn(scope)}The ${rule.party.roleEn} “${name}” takes part in ${all.length} projects (${whereRowsEn(all)}${among ? `, ${among} as another member` : ""}); at most ${rule.max}`,
      hint: `保留${rule.max}个项目，其余不予推荐`,
      hintEn: `Keep ${rule.max} and drop the rest`,
      clause: rule.clause,
    });
  }
}

export const cap = defineSetKind({
  place: "set",
  type: "cap",
  over: "list",
  provinceWide: true,
  schema,
  name: ["参与项目数上限", "Projects per unit"],
  codes: {
    "provider-cap": ["服务商参与项目数超限", "Provider in too many projects"],
    "enterprise-cap": ["制造业企业参与项目数超限", "Enterprise in too many projects"],
  },
  refs: (r) => ({ fields: [...partyRefs("party", r.party), ...(r.members ? ([[["members"], r.members]] as [(string | number)[], string][]) : [])], settings: [] }),
  check: (ctx, input, r) => checkCap(ctx, input.rows, r),
  describe: (r, p) => sentence(r, `每个${r.party.role}参与的项目不超过${r.max}个`),
  // The party's own columns are required; a members column is the consortium rule's note.
  unchecked: () => [],
  summary: (r) => `每个${r.party?.role ?? "单位"}不超过${r.max}个项目`,
  editable: [{ path: ["max"], kind: "positive", zh: "不超过（个）", en: "At most" }],
});
