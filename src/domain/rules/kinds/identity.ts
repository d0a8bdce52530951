/** Who a row names: its USCC (format, checks, truncation, province, city) and whether it is an independent legal person. */
import { z } from "zod";
import { isBranchName, nonLegalPersonForm } from "../../names";
import { ownershipWord } from "../../ownership";
import { cityOfRegion, countyUnitOfRegion, PROVINCE_NAMES } from "../../regions";
import { Clause, FieldId, Party, RuleSource } from "../../schema-atoms";
import { describeUscc } from "../../uscc";
import type { RuleText } from "../../rules-text";
import { addFinding, fieldLabel, unitOf, value, type CheckContext, type FindingInput, type RowData, type UsccValue } from "../context";
import { partyName } from "../identity";
import { defineRowKind } from "../kind";
import { partyRefs } from "../words";

const schema = z.strictObject({
  type: z.literal("identity"), source: RuleSource.optional(),
  party: Party,
  /** "required": registered in the programme's province (error); "warn": a warning (the notice states no such clause); "none": not checked here. */
  province: z.enum(["required", "warn", "none"]),
  /** Warn when registered in another city of the province than the recommending unit. */
  otherCity: z.boolean(),
  legalPerson: z.boolean(),
  /** A branch or 个体工商户: an error where the notice asks for a legal person, a warning where it is only presumed. */
  legalPersonSeverity: z.enum(["error", "warning"]).optional(),
  /** A national (100000) registration is explained when this ownership column holds one of these words (中央驻鲁 …). */
  centralOwnership: z.strictObject({ field: FieldId, words: z.array(z.string().min(1)).min(1) }).optional(),
  clause: Clause,
  legalPersonClause: Clause,
});
type R = z.output<typeof schema>;

const BAD_CHARS = /[IOSVZ]/;

function checkIdentity(ctx: CheckContext, row: RowData, rule: R): void {
  const { party } = rule;
  const name = partyName(row, party);
  const form = rule.legalPerson && name ? nonLegalPersonForm(name) : null;
  if (form && name) {
    const branch = isBranchName(name);
    addFinding(ctx, {
      code: "not-legal-person",
      severity: rule.legalPersonSeverity ?? "error",
      row,
      field: party.name,
      value: name,
      message: `${party.role}“${name}”是${form.zh}，不是独立法人`,
      messageEn: `The ${party.roleEn} “${name}” is ${form.en}, not an independent legal person`,
      hint: branch ? "应由具有独立法人资格的总公司申报" : "应由具有独立法人资格的企业或机构申报",
      hintEn: branch ? "The parent company, an independent legal person, should apply" : "An independent legal person should apply",
      clause: rule.legalPersonClause,
    });
  }
  const v = value<UsccValue>(row, party.uscc);
  if (!v) return;
  const label = `${party.role}统一社会信用代码`;
  // A code that cannot be checked is an error on its cell, as typed, under the identity clause.
  const codeError = (f: Pick<FindingInput, "code" | "message" | "messageEn" | "hint" | "hintEn">) =>
    addFinding(ctx, { ...f, severity: "error", row, field: party.uscc, value: v.shown, clause: rule.clause });
  if (v.status === "truncated") {
    codeError({
      code: "uscc-numeric-truncated",
      message: `${label}“${v.shown}”以数字形式存储，Excel 只保留15位有效数字，末尾几位已丢失，无法核对`,
      messageEn: `The ${party.roleEn}'s credit code “${v.shown}” is stored as a number; Excel keeps 15 significant digits, so its last digits are lost`,
      hint: "将该列设为“文本”格式，再从营业执照或原始材料粘贴完整的18位代码；不要按显示内容猜测补全",
      hintEn: "Format the column as text (文本) and paste the full 18-character code from the original; do not guess the lost digits",
    });
    return;
  }
  if (v.status === "unreadable") {
    codeError({
      code: "uscc-format",
      message: `${label}：${v.problem}`,
      messageEn: `The ${party.roleEn}'s credit code: ${v.problemEn}`,
    });
    return;
  }
  const code = v.code;
  const problem = v.problem;
  if (problem === "format") {
    const bad = BAD_CHARS.test(code);
    codeError({
      code: "uscc-format",
      message: `${label}“${v.shown}”${code.length !== 18 ? `为${code.length}位，应为18位` : "含有代码中不使用的字符"}${bad ? "（代码不含字母 I、O、S、V、Z）" : ""}`,
      messageEn: `The ${party.roleEn}'s credit code “${v.shown}” ${code.length !== 18 ? `has ${code.length} characters; it must have 18` : "holds characters a credit code never uses"}${bad ? " (no I, O, S, V or Z)" : ""}`,
      hint: bad ? "字母 O 多为数字 0、I 多为数字 1 的误写；请对照营业执照核对" : "请对照营业执照核对代码",
      hintEn: bad ? "O is usually a mistyped 0 and I a mistyped 1; check against the business licence" : "Check the code against the business licence",
    });
    return;
  }
  if (problem === "checksum" || problem === "org-checksum") {
    codeError({
      code: "uscc-checksum",
      message:
        problem === "checksum"
          ? `${label}“${v.shown}”第18位校验码不对，代码有误（可能抄错了某一位）`
          : `${label}“${v.shown}”第9–17位组织机构代码的校验位不对，代码有误`,
      messageEn:
        problem === "checksum"
          ? `The ${party.roleEn}'s credit code “${v.shown}” fails its check character (position 18): a character is probably mistyped`
          : `The ${party.roleEn}'s credit code “${v.shown}” fails the organisation-code check (positions 9–17)`,
      hint: "请对照营业执照逐位核对；确属早期试点代码的，可人工确认后保留",
      hintEn: "Check each character against the business licence; an early pilot code may be confirmed by hand",
    });
    return;
  }
  const d = describeUscc(code);
  if (rule.legalPerson && !d.independentLegalPerson) {
    addFinding(ctx, {
      code: "not-legal-person",
      severity: rule.legalPersonSeverity ?? "error",
      row,
      field: party.uscc,
      value: code,
      message: `${label}“${code}”前两位为92（个体工商户），不是独立法人`,
      messageEn: `The ${party.roleEn}'s credit code “${code}” starts with 92 (individual business), not an independent legal person`,
      clause: rule.legalPersonClause,
    });
  }
  const province = ctx.programme.province;
  const provinceName = PROVINCE_NAMES[province];
  if (d.regionCode === "100000") {
    const central = rule.centralOwnership;
    if (!(central && ownershipWord(value<string>(row, central.field), central.words)) && rule.province !== "none") {
      addFinding(ctx, {
        code: "uscc-outside-province",
        severity: "warning",
        row,
        field: party.uscc,
        value: code,
        message: `${label}“${code}”由国家登记机关登记（区划码100000），不是${provinceName}登记的单位；只有中央企业等可经属地推荐`,
        messageEn: `The ${party.roleEn}'s credit code “${code}” was registered nationally (region 100000), not in ${province === "32" ? "Jiangsu" : "Shandong"}`,
        hint: central ? `如为中央驻地企业，请在“${fieldLabel(ctx, central.field)}”中注明（如“${central.words[0]}”）；否则应由本省登记的单位申报` : `应由本省登记的单位作为${party.role}；确属中央企业的，请人工核实`,
        hintEn: "If it is a central enterprise based here, say so in the ownership column",
        clause: rule.clause,
      });
    }
    return;
  }
  if (d.provinceCode !== province) {
    if (rule.province !== "none") {
      addFinding(ctx, {
        code: "uscc-outside-province",
        severity: rule.province === "required" ? "error" : "warning",
        row,
        field: party.uscc,
        value: code,
        message: `${label}“${code}”的登记机关区划码为${d.regionCode}，不在${provinceName}（应以${province}开头）`,
        messageEn: `The ${party.roleEn}'s credit code “${code}” was registered in region ${d.regionCode}, outside ${province === "32" ? "Jiangsu" : "Shandong"} (codes ${province}xxxx)`,
        hint: `${party.role}应在${provinceName}内登记注册`,
        hintEn: `The ${party.roleEn} must be registered in the province`,
        clause: rule.clause,
      });
    }
    return;
  }
  const unit = unitOf(ctx, row);
  if (!rule.otherCity || !unit) return;
  const regionCity = cityOfRegion(d.regionCode);
  const unitCityCode = unit.parentCode ?? unit.code;
  const usesCounty = unit.countyLevel && ctx.programme.countyLevelUnits.includes(unit.name);
  let elsewhere: string | null = null;
  if (usesCounty) {
    if (countyUnitOfRegion(d.regionCode)?.code !== unit.code) elsewhere = regionCity ? `${regionCity.name}（区划码${d.regionCode}）` : `区划码${d.regionCode}`;
  } else if (regionCity && regionCity.code !== unitCityCode) {
    elsewhere = regionCity.name;
  } else {
    // 昆山、泰兴、沭阳 recommend for themselves where the programme says so: their enterprises are not the city's.
    const county = countyUnitOfRegion(d.regionCode);
    if (county && ctx.programme.countyLevelUnits.includes(county.name)) elsewhere = `${county.name}（${county.name}自行推荐本项目）`;
  }
  if (elsewhere) {
    const unitName = unit.name;
    addFinding(ctx, {
      code: "uscc-other-city",
      severity: "warning",
      row,
      field: party.uscc,
      value: code,
      message: `${label}“${code}”显示登记地在${elsewhere}，不是推荐单位${unitName}；请核实是否应由本地推荐`,
      messageEn: `The ${party.roleEn}'s credit code “${code}” was registered in ${elsewhere}, not in the recommending unit ${unitName}`,
      hint: "企业迁址后代码不变；确认其实际在本地经营的，可保留",
      hintEn: "A code keeps its region after a move; keep the row if the enterprise operates here",
      clause: rule.clause,
    });
  }
}

function describe(r: R, p: { province: string }): RuleText[] {
  const out: RuleText[] = [];
  const province = PROVINCE_NAMES[p.province];
  const valid = "的统一社会信用代码须格式正确、校验位正确";
  let where: string;
  switch (r.province) {
    case "required":
      where = `须在${province}内登记注册（按统一社会信用代码的登记机关区划），省外登记的为错误`;
      break;
    case "warn":
      where = `${valid}；在${province}外登记的为警告`;
      break;
    case "none":
      where = valid;
      break;
    default: {
      const _exhaustive: never = r.province;
      return _exhaustive;
    }
  }
  out.push({ zh: `${r.party.role}${where}${r.otherCity ? "；登记在本省其他市的为警告" : ""}`, clause: r.clause, settings: [] });
  const severity = (r.legalPersonSeverity ?? "error") === "error" ? "错误" : "警告";
  if (r.legalPerson) out.push({ zh: `${r.party.role}须为独立法人：名称为分公司、分厂、办事处或代码为个体工商户（92开头）的为${severity}`, clause: r.legalPersonClause, settings: [] });
  return out;
}

export const identity = defineRowKind({
  place: "row",
  type: "identity",
  schema,
  name: ["统一社会信用代码与注册地", "Credit code and registration"],
  codes: {
    "uscc-format": ["统一社会信用代码格式错误", "USCC malformed"],
    "uscc-checksum": ["统一社会信用代码校验位错误", "USCC check character wrong"],
    "uscc-numeric-truncated": ["信用代码被存成数字、末位已丢失", "USCC stored as a number, digits lost"],
    "uscc-outside-province": ["注册地不在本省", "Registered outside the province"],
    "uscc-other-city": ["注册地在本省其他市", "Registered in another city"],
    "not-legal-person": ["非独立法人", "Not an independent legal person"],
  },
  refs: (r) => ({ fields: [...partyRefs("party", r.party), ...(r.centralOwnership ? ([[["centralOwnership", "field"], r.centralOwnership.field]] as [(string | number)[], string][]) : [])], settings: [] }),
  check: checkIdentity,
  describe,
  unchecked: (r) => [{ zh: `${r.party.role}注册地和独立法人`, anyOf: [r.party.uscc] }],
  summary: (r) =>
    r.party?.role ? `${r.party.role}身份（统一社会信用代码、注册地${r.province === "required" ? "须在本省" : r.province === "warn" ? "省外为警告" : "不在此核对"}、独立法人${r.legalPersonSeverity === "warning" ? "为警告" : ""}）` : "身份",
  editable: [],
});
