/** 联合体: the lead in the province, lead and site distinct, at most N members. */
import { z } from "zod";
import { normaliseCompanyName } from "../../names";
import { PROVINCE_NAMES } from "../../regions";
import { Clause, FieldId, Party, ProvinceCodeSchema, RuleSource } from "../../schema-atoms";
import { describeUscc } from "../../uscc";
import { addFinding, value, type CheckContext, type RowData } from "../context";
import { partyCode, partyName, splitMembers, validPartyCode } from "../identity";
import { defineRowKind } from "../kind";
import { fieldRef, partyRefs, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("consortium"), source: RuleSource.optional(),
  lead: Party,
  site: Party,
  members: FieldId,
  maxMembers: z.number().int().positive(),
  /** Province the lead must be registered in. */
  leadProvince: ProvinceCodeSchema,
  clause: Clause,
});
type R = z.output<typeof schema>;

function checkConsortium(ctx: CheckContext, row: RowData, rule: R): void {
  const leadName = partyName(row, rule.lead);
  const siteName = partyName(row, rule.site);
  const leadCode = partyCode(row, rule.lead);
  const siteCode = partyCode(row, rule.site);
  const others = splitMembers(value<string>(row, rule.members) ?? "");
  const add = (field: string, message: string, messageEn: string, shown?: string) =>
    addFinding(ctx, { code: "consortium-invalid", severity: "error", row, field, message, messageEn, clause: rule.clause, ...(shown ? { value: shown } : {}) });

  const sameCode = leadCode !== null && leadCode === siteCode;
  const sameName = !!leadName && !!siteName && normaliseCompanyName(leadName) === normaliseCompanyName(siteName);
  if (sameCode || sameName) {
    add(
      rule.site.name,
      `牵头单位与场景落地单位为同一单位（${siteName ?? siteCode}）：联合体成员不能为同一单位或关联单位`,
      "The lead and the site enterprise are the same unit: consortium members must be distinct and unrelated",
      siteName ?? siteCode ?? "",
    );
  }
  const members = 1 + (sameCode || sameName || (!siteName && !siteCode) ? 0 : 1) + others.length;
  if (members > rule.maxMembers) {
    add(
      rule.members,
      `联合体共${members}家（牵头单位、场景落地单位和其他成员${others.length}家），原则上不超过${rule.maxMembers}家`,
      `The consortium has ${members} members; at most ${rule.maxMembers}`,
      value<string>(row, rule.members),
    );
  }
  const named = [leadName, siteName].filter((n): n is string => !!n).map((n) => normaliseCompanyName(n));
  const repeated = others.filter((o) => named.includes(normaliseCompanyName(o)));
  if (repeated.length > 0) {
    add(
      rule.members,
      `其他联合体成员“${repeated.join("、")}”与牵头单位或场景落地单位相同：联合体成员不能为同一单位`,
      "Another member repeats the lead or the site enterprise",
      value<string>(row, rule.members),
    );
  }
  const leadValid = validPartyCode(row, rule.lead);
  if (leadValid) {
    const d = describeUscc(leadValid);
    if (d.provinceCode !== rule.leadProvince) {
      add(
        rule.lead.uscc,
        `${rule.lead.role}“${leadName ?? ""}”的代码${leadValid}显示登记地${d.regionCode === "100000" ? "为国家登记机关" : `区划码${d.regionCode}`}，不在${PROVINCE_NAMES[rule.leadProvince]}：应由1家省内服务商牵头`,
        `The lead is not registered in ${rule.leadProvince === "37" ? "Shandong" : "Jiangsu"} (region ${d.regionCode}): an in-province service provider must lead`,
        leadValid,
      );
    }
  }
}

export const consortium = defineRowKind({
  place: "row",
  type: "consortium",
  schema,
  name: ["联合体", "Consortium"],
  codes: { "consortium-invalid": ["联合体不符合要求", "Consortium invalid"] },
  refs: (r) => ({ fields: [...partyRefs("lead", r.lead), ...partyRefs("site", r.site), ...fieldRef("members", r.members)], settings: [] }),
  check: checkConsortium,
  describe: (r, p) => sentence(r, `联合体：${r.lead.role}须在${PROVINCE_NAMES[r.leadProvince] ?? r.leadProvince}内登记；${r.lead.role}与${r.site.role}不能为同一单位；成员原则上不超过${r.maxMembers}家`),
  unchecked: (r) => [{ zh: `联合体成员原则上不超过${r.maxMembers}家`, anyOf: [r.members] }],
  summary: (r) => `联合体成员不超过${r.maxMembers}家`,
  editable: [{ path: ["maxMembers"], kind: "positive", zh: "联合体成员不超过（家）", en: "Consortium members at most" }],
});
