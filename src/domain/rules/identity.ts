/**
 * Who a row names: its USCC (format, checks, truncation, province, city), whether it is an
 * independent legal person, and the set rules that compare parties across rows (duplicates,
 * similar names, one direction per applicant).
 */
import { isBranchName, nonLegalPersonForm, normaliseCompanyName } from "../names";
import { ownershipWord } from "../ownership";
import type { Party, RowRule, SetRule } from "../programme";
import { cityOfRegion, countyUnitOfRegion, PROVINCE_NAMES } from "../regions";
import { describeUscc } from "../uscc";
import { addFinding, column, fieldLabel, placeList, ROWS_NAMED_IN_MESSAGE, unitOf, rowList, rowListEn, value, type CheckContext, type FindingInput, type RowData, type UsccValue } from "./context";

/** The compact code of a party when the cell holds one of the right shape (checks may fail). */
export function partyCode(row: RowData, party: Party): string | null {
  const v = value<UsccValue>(row, party.uscc);
  if (!v || v.status !== "code") return null;
  return v.problem === "format" ? null : v.code;
}

/** The code when it passes every check. */
export function validPartyCode(row: RowData, party: Party): string | null {
  const v = value<UsccValue>(row, party.uscc);
  if (!v || v.status !== "code") return null;
  return v.problem === null ? v.code : null;
}

export function partyName(row: RowData, party: Party): string | null {
  return value<string>(row, party.name) ?? null;
}

const nameKeys = new Map<string, string>();

/** Names compared across rows; empty when the row names no one. Remembered: several rules ask for the same name. */
export function nameKey(name: string | null): string {
  if (!name) return "";
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = normaliseCompanyName(name);
    if (nameKeys.size > 200_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

/** Looser than nameKey: the legal form goes too, so 有限责任公司 and 有限公司 meet (for a warning only). */
export function looseNameKey(name: string | null): string {
  return nameKey(name).replace(/(股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|总公司|公司|有限合伙|厂)$/u, "");
}

/**
 * One key per party across rows: the code when known, else the name — and a name seen elsewhere with
 * a code takes that code, so a row whose code was truncated still meets its twin.
 */
export function partyKeys(rows: readonly RowData[], party: Party): Map<RowData, string> {
  const codeOfName = new Map<string, string>();
  for (const row of rows) {
    const code = partyCode(row, party);
    const name = nameKey(partyName(row, party));
    if (code && name && !codeOfName.has(name)) codeOfName.set(name, code);
  }
  const keys = new Map<RowData, string>();
  for (const row of rows) {
    const code = partyCode(row, party);
    const name = nameKey(partyName(row, party));
    const key = code ?? (name ? (codeOfName.get(name) ?? `name:${name}`) : "");
    if (key) keys.set(row, key);
  }
  return keys;
}

export function groupBy<K>(rows: readonly RowData[], keyOf: (r: RowData) => K | null | undefined): Map<K, RowData[]> {
  const groups = new Map<K, RowData[]>();
  for (const row of rows) {
    const k = keyOf(row);
    if (k === null || k === undefined || k === "") continue;
    const g = groups.get(k);
    if (g) g.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const BAD_CHARS = /[IOSVZ]/;

export function checkIdentity(ctx: CheckContext, row: RowData, rule: Extract<RowRule, { type: "identity" }>): void {
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
        hint: central ? `如为中央驻地企业，请在“${fieldLabel(central.field)}”中注明（如“${central.words[0]}”）；否则应由本省登记的单位申报` : `应由本省登记的单位作为${party.role}；确属中央企业的，请人工核实`,
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

/** Two codes or names the same, in different rows: errors for the same code, warnings for near names. */
export function checkDuplicates(ctx: CheckContext, rows: readonly RowData[], rule: Extract<SetRule, { type: "duplicates" }>): void {
  const { party } = rule;
  const nameCol = column(ctx, party.name);
  const byCode = groupBy(rows, (r) => partyCode(r, party));
  for (const [code, group] of byCode) {
    if (group.length < 2) continue;
    const subgroups = rule.unlessDiffers ? groupBy(group, (r) => differKey(ctx, r, rule.unlessDiffers!)) : new Map([["", group]]);
    for (const sub of subgroups.values()) {
      if (sub.length < 2) continue;
      for (const row of sub.slice(1)) {
        addFinding(ctx, {
          code: "duplicate-applicant",
          severity: "error",
          row,
          rows: sub,
          eachRowReported: true,
          field: party.uscc,
          value: code,
          message: placeList(sub)
            ? `${placeList(sub)}为同一单位：${party.role}“${partyName(row, party) ?? ""}”统一社会信用代码“${code}”重复出现（合并名单第${rowList(sub)}行）`
            : `${party.role}统一社会信用代码“${code}”在第${rowList(sub)}行重复出现（${partyName(row, party) ?? ""}）`,
          messageEn: `The ${party.roleEn}'s credit code “${code}” appears on rows ${rowListEn(sub)}`,
          hint: "同一单位只保留一行；确为不同项目的，请核实是否允许重复申报",
          hintEn: "Keep one row per applicant, unless the notice allows several projects",
          clause: rule.clause,
        });
      }
    }
  }
  // Same name apart from legal form or brackets, but not the same code: a person decides.
  const byName = groupBy(rows, (r) => looseNameKey(partyName(r, party)));
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const codes = new Set(group.map((r, i) => partyCode(r, party) ?? `unknown-${i}`));
    if (codes.size < 2) continue;
    const named = group.slice(0, ROWS_NAMED_IN_MESSAGE);
    const shown =
      named.map((r) => `${r.source ? placeList([r]) : `第${r.excelRow}行`}“${partyName(r, party) ?? ""}”${partyCode(r, party) ? `（${partyCode(r, party)}）` : "（代码无法识别）"}`).join("，") +
      (group.length > named.length ? `等共${group.length}行` : "");
    for (const row of group.slice(1)) addFinding(ctx, {
      code: "similar-applicant",
      severity: "warning",
      row,
      rows: group,
      eachRowReported: true,
      field: nameCol ? party.name : undefined,
      value: partyName(row, party) ?? "",
      message: `名称相同或相近但代码不同：${shown}；请核实是否为同一单位`,
      messageEn: `Same or near-identical names with different codes on rows ${rowListEn(group)}; check whether they are one applicant`,
      hint: "有限公司与有限责任公司是不同的法定名称：请以营业执照为准",
      hintEn: "有限公司 and 有限责任公司 are different legal names: go by the business licence",
      clause: rule.clause,
    });
  }
}

function differKey(ctx: CheckContext, row: RowData, field: string): string {
  const v = row.values.get(field);
  if (typeof v === "string") return v;
  const col = column(ctx, field);
  const cell = col ? row.cells[col.index] : undefined;
  return cell && cell.value !== null ? `raw:${String(cell.value)}` : "empty";
}

/** One applicant, one direction: rows of one party with different directions. */
export function checkOneDirection(ctx: CheckContext, rows: readonly RowData[], rule: Extract<SetRule, { type: "one-direction" }>): void {
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
