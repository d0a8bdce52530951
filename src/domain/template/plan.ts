/**
 * Plans the district template (区县填报模板): the list sheet a district fills and the 填报说明 sheet,
 * derived from a programme definition — headers in the wording the checker reads, dropdowns from the
 * definition's allowed values, conditions from its rules and their clauses. Pure data out: the
 * exceljs writer (src/export/district-template.ts) draws it, the tests read it.
 */
import { exemptPhrase, ownershipChoices, ownershipMatch } from "../ownership";
import { DIVISIONS } from "../data/divisions";
import { FIELDS, type FieldKind } from "../fields";
import type { FieldSpec, Programme, RowRule, SetRule } from "../programme";
import { fieldDefIn } from "../fields";
import { formatPartialDate, parseIsoDate } from "../readers";
import { findCity, PROVINCE_NAMES, type City } from "../regions";
import { allowedValues } from "../rules/read";
import { organisationCodeCheckChar, usccCheckChar } from "../uscc";
import { chineseDate, displayWidth } from "../export/plan";
import { downloadFileName } from "../export/file-names";

/** Excel's limits on a validation's input message (longer ones make Excel repair the file). */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MAX = 255;
/** Excel's limit on an inline list ("是,否"), commas included. */
export const INLINE_LIST_MAX = 250;

export type TemplateFormat = "text" | "date" | "amount" | "integer";

export type TemplateRule =
  /** A dropdown. strict: other values are refused (Excel's "stop"); otherwise typed values are allowed. */
  | { type: "list"; values: string[]; strict: boolean }
  | { type: "textLength"; length: number }
  | { type: "date" }
  | { type: "decimal"; min: number }
  | { type: "whole"; min: number };

export type ExampleValue = string | number | { date: string } | null;

export interface TemplateColumn {
  field: string;
  /** The header exactly as written: the field's Chinese label, with the unit for amounts. */
  header: string;
  kind: FieldKind;
  required: boolean;
  /** Excel character units. */
  width: number;
  format: TemplateFormat;
  rule: TemplateRule | null;
  /** Input message shown when a cell of the column is selected. */
  prompt: { title: string; text: string };
  /** The example row's value, shown on the 填报说明 sheet only. */
  example: ExampleValue;
}

export interface TemplateCondition {
  /** Plain Chinese. */
  text: string;
  /** Where it comes from: "苏工信融合〔2023〕27号 三(一)1". */
  clause: string;
}

export interface TemplatePlan {
  programme: string;
  /** The programme's title (the file name says it). */
  programmeTitle: string;
  city: string;
  /** Sheet the district fills: the first sheet, so every reader takes it by default. */
  sheetName: string;
  title: string;
  /** 填报单位（盖章）／联系人／电话／填报日期, one line, to write on. */
  unitLine: string;
  columns: TemplateColumn[];
  /** 1-based rows on the list sheet. */
  titleRow: number;
  unitRow: number;
  headerRow: number;
  firstDataRow: number;
  /** Rows drawn with borders, ready to fill. */
  borderedRows: number;
  /** Rows carrying the dropdowns, formats and unlocked cells. */
  preparedRows: number;
  instructions: {
    sheetName: string;
    title: string;
    deadlines: string[];
    howToFill: string[];
    conditions: TemplateCondition[];
    failing: string[];
  };
}

export interface TemplateOptions {
  programme: Programme;
  /** 南京 / 南京市 / 昆山市 / 3201 … */
  city: string;
  /** When the city wants the lists back (ISO); absent: a blank to write on. */
  deadline?: string;
  /** Values for the programme's open settings (e.g. the platform directions in force). */
  settings?: Record<string, unknown>;
  preparedRows?: number;
  borderedRows?: number;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "TemplateError";
  }
}

/** Columns that lead and trail every template; the programme's own fields go between, in definition order. */
const LEADING = ["seq", "district"];
const TRAILING = ["contact", "phone", "remarks"];

function shiftIso(iso: string, years: number, months = 0): string {
  const d = parseIsoDate(iso);
  const total = d.year * 12 + (d.month - 1) + years * 12 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return formatPartialDate({ year, month, day: Math.min(d.day ?? 1, monthLength) });
}

/** Districts of the recommending unit (current county-level divisions and zones), for the 所在县（市、区）dropdown. */
export function districtsOf(unit: City): string[] {
  if (unit.countyLevel) return [unit.name];
  return DIVISIONS.filter((d) => d.current && (d.kind === "county" || d.kind === "zone") && d.code.startsWith(unit.code)).map((d) => d.name);
}

/** A code of the right shape, city and checksums, for the example row (never a real unit's: body MA followed by digits). */
function exampleUscc(regionCode: string, serial: number): string {
  const body = `MA${String(1000000 + serial * 7919).slice(-6)}`.slice(0, 8);
  const first17 = `91${regionCode}${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/** `s` cut to `max` characters (not UTF-16 units), ending in "…" when cut. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join("") + "…";
}

/** Yes/no fields where 是 bars the row (the example answers 否 there). */
function yesBars(rules: readonly RowRule[]): Set<string> {
  const out = new Set<string>();
  for (const r of rules) {
    if (r.type === "restricted") for (const c of r.conditions) if (c.barsWhen) out.add(c.field);
    if (r.type === "not-recognised") out.add(r.field);
    if (r.type === "excluded-by-list" && r.field) out.add(r.field);
    if (r.type === "prior-funding") out.add(r.field);
  }
  return out;
}

/** Ownerships any district may need, whatever the programme (the list is not strict: others may be typed). */
export const COMMON_OWNERSHIPS = ["民营企业", "国有企业", "市属国有企业", "县属国有企业", "外资企业", "合资企业"] as const;
export const OTHER_OWNERSHIP = "其他";
/** Appended to the choices the checker reads as exempt from the quota. */
export const EXEMPT_MARK = "（不占名额）";

/**
 * The ownership dropdown of a free-text ownership column the rules act on, or [] when no rule reads it: the
 * common ownerships, then the forms of the programme's own words (exempt, central, subsidiary), then 其他.
 * A choice is marked 不占名额 exactly when the checker reads it as exempt, so the mark and the check agree.
 */
export function ownershipOptions(p: Programme, field: string): string[] {
  const quota = p.quota && p.quota.ownershipField === field ? p.quota : null;
  const own: string[] = [];
  if (quota) own.push(...ownershipChoices(quota.exemptOwnership));
  for (const r of p.rowRules) {
    if (r.type === "identity" && r.centralOwnership?.field === field) own.push(...ownershipChoices(r.centralOwnership.words));
    // A subsidiary is said with its group's ownership: a bare "子公司" would lose what the quota reads.
    if (r.type === "letter" && r.ownership === field && r.subsidiary[0]) own.push(...ownershipChoices(r.stateOwnership).map((w) => w + r.subsidiary[0]));
  }
  if (!own.length && !p.rowRules.some((r) => r.type === "letter" && r.ownership === field)) return [];
  const exempt = (w: string) => quota !== null && ownershipMatch(w, quota.exemptOwnership) !== null;
  const marked = own.map((w) => (exempt(w) ? w + EXEMPT_MARK : w));
  return [...new Set([...COMMON_OWNERSHIPS.filter((w) => !exempt(w)), ...marked, OTHER_OWNERSHIP])];
}

function ruleOf<T extends RowRule["type"]>(p: Programme, type: T): Extract<RowRule, { type: T }>[] {
  return p.rowRules.filter((r): r is Extract<RowRule, { type: T }> => r.type === type);
}

interface Built {
  rule: TemplateRule | null;
  format: TemplateFormat;
  text: string;
  example: ExampleValue;
  unit?: string;
}

/** Dropdown, format, input message and example for one field. */
function describe(p: Programme, spec: FieldSpec, unit: City, settings: Record<string, unknown>, serial: () => number): Built {
  const def = fieldDefIn(p, spec.field)!;
  const must = spec.required ? "必填。" : "选填。";
  const id = spec.field;
  switch (def.kind) {
    case "enum": {
      const values = allowedValues(spec, settings);
      // The definition's own classes may carry a qualifier ("特色型（面向重点行业）"): the dropdown suggests, typing is allowed.
      const qualifiable = Boolean(spec.qualifiable) && values === spec.allowed;
      const built = ruleOf(p, "built").find((r) => r.field === id);
      const ladder = ruleOf(p, "star-ladder").find((r) => r.applied === id || r.held === id);
      const example = built ? (built.ok[0] ?? values[0]) : ladder?.held === id ? ladder.none : values[0];
      let text = `${must}从下拉列表中选择：${values.join("、")}。`;
      if (built) text += `${built.ok.join("、")}的项目可以申报${built.warn.length ? `，${built.warn.join("、")}的须核实` : ""}，其余不得申报。`;
      if (ladder?.held === id) text += `未获评的选“${ladder.none}”。`;
      if (qualifiable) text += `可在其后用括号注明具体方向，如“${values[1] ?? values[0]}（……）”。`;
      return { rule: { type: "list", values, strict: !qualifiable }, format: "text", text, example: example ?? null };
    }
    case "list": {
      const values = allowedValues(spec, settings);
      const all = values.join("、");
      return {
        rule: { type: "list", values: [...values, all], strict: false },
        format: "text",
        text: `${must}可选：${values.join("、")}；涉及多项的用“、”分隔，都涉及的选最后一项。`,
        example: ruleOf(p, "capability").some((r) => r.manufacturing.field === id) ? all : (values[0] ?? null),
      };
    }
    case "yesno": {
      const bars = yesBars(p.rowRules).has(id);
      const restricted = ruleOf(p, "restricted").flatMap((r) => r.conditions).find((c) => c.field === id);
      const recognised = ruleOf(p, "not-recognised").find((r) => r.field === id || r.upgradeField === id);
      let text = `${must}从下拉列表中选择“是”或“否”。`;
      if (recognised) text += `已认定的原则上不再重复申报；能力显著提升的，在“${fieldDefIn(p, recognised.upgradeField)?.zh ?? recognised.upgradeField}”填“是”。`;
      else if (restricted) text += restricted.barsWhen ? `填“是”的不得申报。` : `填“否”的不得申报。`;
      else if (bars) text += `填“是”的不得申报。`;
      const no = bars || restricted?.barsWhen === true || recognised?.upgradeField === id;
      return { rule: { type: "list", values: ["是", "否"], strict: true }, format: "text", text, example: no ? "否" : "是" };
    }
    case "certificate": {
      const values = ["是", "否", "已通过贯标、证书待发"];
      return { rule: { type: "list", values, strict: true }, format: "text", text: `${must}从下拉列表中选择：${values.join("、")}。证书待发的请在备注中注明佐证材料。`, example: "是" };
    }
    case "uscc":
      return {
        rule: { type: "textLength", length: 18 },
        format: "text",
        text: `${must}填写18位统一社会信用代码（数字和大写字母），不要加空格或撇号。`,
        example: exampleUscc(districtCodeOf(unit), serial()),
      };
    case "date": {
      const example =
        id === "registeredOn" ? shiftIso(p.asOf, -5) :
        id === "certificateValidUntil" ? shiftIso(ruleOf(p, "certificate")[0]?.after ?? p.asOf, 2) :
        id === "cloudStart" ? shiftIso(ruleOf(p, "cloud-window")[0]?.from ?? p.asOf, 0, 1) :
        shiftIso(p.asOf, 0, -1);
      const age = ruleOf(p, "min-age").find((r) => r.field === id);
      return {
        rule: { type: "date" },
        format: "date",
        text: `${must}填写日期，如 ${example}。${age ? `须在${chineseDate(shiftIso(p.asOf, -age.years))}或之前（按基准日${chineseDate(p.asOf)}满${age.years}年）。` : ""}`,
        example: { date: example },
      };
    }
    case "dateOrOngoing":
      return { rule: null, format: "text", text: `${must}填写日期，如 ${shiftIso(p.asOf, 0, -1)}；仍在使用的填“至今”。`, example: "至今" };
    case "amount": {
      const min = ruleOf(p, "investment-min").find((r) => r.total === id || r.parts.includes(id));
      const total = min ? Math.ceil((min.min * 1.5) / 100) * 100 : 500;
      const part = min && min.parts.includes(id) ? [0.5, 0.4, 0.1][min.parts.indexOf(id)]! * total : null;
      return {
        rule: { type: "decimal", min: 0 },
        format: "amount",
        unit: "万元",
        text: `${must}填写金额，单位万元，只填数字。${min && min.total === id ? `不低于${min.min}万元。` : ""}${min && min.total === id && min.parts.length ? `应等于各分项之和。` : ""}`,
        example: part ?? total,
      };
    }
    case "integer": {
      const cap = ruleOf(p, "capability").find((r) => r.basic.field === id);
      const min = id === "rank" || id === "seq" ? 1 : 0;
      const text =
        id === "rank" ? `${must}填写推荐排序 1、2、3……，不重复、不跳号。` :
        cap ? `${must}填写满足的项数（整数），须为${cap.basic.required}。` :
        `${must}填写整数。`;
      return { rule: { type: "whole", min }, format: "integer", text, example: cap ? cap.basic.required : 1 };
    }
    case "phone":
      return { rule: null, format: "text", text: `${must}填写11位手机号或带区号的固定电话（如 025-69652717），多个号码用“、”分隔。`, example: "13912345678" };
    case "name": {
      const party = id === "leadName" ? "信息技术" : id === "siteName" ? "机械制造" : "智能科技";
      return { rule: null, format: "text", text: `${must}填写营业执照上的单位全称（独立法人，不填分公司）。`, example: `${unit.short}某某${party}有限公司` };
    }
    case "text":
      return textField(p, spec, unit, must);
  }
}

/** The division code the example's USCC carries: the unit's first district (or the county-level unit itself). */
function districtCodeOf(unit: City): string {
  if (unit.code.length === 6) return unit.code;
  return DIVISIONS.find((d) => d.current && d.kind === "county" && d.code.startsWith(unit.code))?.code ?? `${unit.code}00`;
}

function textField(p: Programme, spec: FieldSpec, unit: City, must: string): Built {
  const id = spec.field;
  const plain = (text: string, example: ExampleValue): Built => ({ rule: null, format: "text", text: must + text, example });
  if (id === "district") {
    const districts = districtsOf(unit);
    const rule: TemplateRule | null = districts.length ? { type: "list", values: districts, strict: false } : null;
    return { rule, format: "text", text: `${must}从下拉列表中选择本县（市、区）。`, example: districts[0] ?? null };
  }
  if (id === "seq") return plain("填写序号。", 1);
  const words = ownershipOptions(p, id);
  if (words.length) {
    const quota = p.quota && p.quota.ownershipField === id ? p.quota : null;
    const letter = ruleOf(p, "letter").find((r) => r.ownership === id);
    let text = "从下拉列表中选择单位性质，列表中没有的可直接填写。";
    if (quota && quota.exemptOwnership.length) text += `${exemptPhrase(quota.exemptOwnership)}不占推荐名额，选标有“${EXEMPT_MARK.replace(/[（）]/g, "")}”的一项。`;
    if (letter) text += `${letter.stateOwnership.join("、")}的${letter.subsidiary.join("、")}请选带“${letter.subsidiary[0]}”的一项，须有省级公司推荐函。`;
    return { rule: { type: "list", values: words, strict: false }, format: "text", text: must + text, example: COMMON_OWNERSHIPS[0] };
  }
  const restricted = ruleOf(p, "restricted").find((r) => r.textField === id);
  if (restricted) return plain("没有限制性情形的填“无”；有的写明情形（有则不得申报）。", "无");
  const examples: Record<string, [string, ExampleValue]> = {
    projectName: ["填写项目（平台）名称。", `${unit.short}某某工业互联网平台`],
    task: ["填写所揭榜的任务编号及名称（见任务榜单）。", "1-01 （任务名称，见任务榜单）"],
    members: ["填写其他联合体成员全称，多家用“、”分隔。", null],
    group: ["属于企业集团的填写集团全称。", null],
    cooperation: ["简要填写合作内容。", "工业互联网平台应用"],
    cloudServices: ["填写使用的主要云服务。", "云主机、云存储"],
    clusterOrChain: ["属于先进制造业集群或产业链的填写其名称，不属于的留空。", null],
    contact: ["填写联系人姓名。", "王某某"],
    remarks: ["其他需说明的情况。", null],
  };
  const [text, example] = examples[id] ?? ["", null];
  return plain(text, example);
}

/** Column width for Chinese: header and example fit (CJK counts two), within bounds by kind. */
/** Free-text columns that hold a sentence. */
const WIDE_TEXT = new Set(["task", "members", "cooperation", "cloudServices", "remarks", "restrictionsText", "projectName", "group"]);

function widthOf(field: string, header: string, kind: FieldKind, rule: TemplateRule | null, example: ExampleValue): number {
  const exampleText = example === null ? "" : typeof example === "object" ? example.date : String(example);
  // A long choice (all items of a multi-choice column) wraps in the cell rather than widening the column.
  const choice = rule?.type === "list" ? Math.min(26, Math.max(...rule.values.map(displayWidth))) : 0;
  const content = Math.max(displayWidth(exampleText), choice);
  // A long header wraps onto two lines rather than widening the column.
  const headerWidth = displayWidth(header);
  const headerWant = headerWidth <= 16 ? headerWidth : Math.min(20, Math.ceil(headerWidth / 2));
  const min = kind === "uscc" ? 22 : kind === "name" ? 30 : kind === "date" || kind === "amount" ? 13 : WIDE_TEXT.has(field) ? 24 : 8;
  return Math.min(40, Math.max(min, headerWant + 2, content + 3));
}

/**
 * A rule's clause split into where it comes from and what it says: "苏工信融合〔2023〕27号 三(一)1：申报单位应…"
 * or, without the colon, "鲁工信…通知 二(一)2 平台已基本建成并运营；二(二)4 尚未开始建设…" (numbers and
 * words interleaved). Without words, the whole clause is the reference.
 */
export function splitClause(clause: string): { ref: string; text: string } {
  const colon = clause.indexOf("：");
  if (colon >= 0) return { ref: clause.slice(0, colon).trim(), text: clause.slice(colon + 1).trim() };
  const m = /^(\S+)\s+(.+)$/u.exec(clause.trim());
  if (!m) return { ref: clause.trim(), text: "" };
  const numbers: string[] = [];
  const texts: string[] = [];
  for (const part of m[2]!.split("；")) {
    const seg = /^(\S+)\s+(.+)$/u.exec(part.trim());
    if (seg && /^[一二三四五六七八九十\d]/u.test(seg[1]!)) {
      numbers.push(seg[1]!);
      texts.push(seg[2]!);
    } else if (texts.length) texts[texts.length - 1] += `；${part}`;
    else return { ref: clause.trim(), text: "" };
  }
  return { ref: `${m[1]} ${numbers.join("、")}`, text: texts.join("；") };
}

/** References of one notice said once: "通知 二(二)1、二(二)2". */
function joinRefs(refs: readonly string[]): string {
  const bySource = new Map<string, string[]>();
  for (const ref of refs) {
    const at = ref.lastIndexOf(" ");
    const source = at >= 0 ? ref.slice(0, at) : ref;
    const numbers = bySource.get(source) ?? [];
    const n = at >= 0 ? ref.slice(at + 1) : "";
    if (n && !numbers.includes(n)) numbers.push(n);
    bySource.set(source, numbers);
  }
  return [...bySource].map(([source, numbers]) => (numbers.length ? `${source} ${numbers.join("、")}` : source)).join("；");
}

/** Parts of a sentence between ，；。 outside brackets, each with the separator that ends it. */
function sentenceParts(text: string): { part: string; sep: string }[] {
  const out: { part: string; sep: string }[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if ("（(“".includes(ch)) depth++;
    if ("）)”".includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && "，；。,;".includes(ch)) {
      out.push({ part: cur, sep: ch });
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push({ part: cur, sep: "" });
  return out.filter((p) => p.part.trim() !== "");
}

/** A part as compared for repetition: without bracketed asides, 见, spaces and quotes. */
export function partKey(part: string): string {
  return part.replace(/（[^（）]*）|\([^()]*\)/gu, "").replace(/[\s“”"见]/gu, "");
}

/** Shorter parts ("不得申报") say too little to count as a repetition. */
export const REPEAT_MIN = 6;

/** `text` ended as a sentence: trailing separators replaced by one 。. */
function asSentence(text: string): string {
  return text.replace(/[，；。、：:,;\s]+$/u, "") + "。";
}

function conditionsOf(p: Programme): TemplateCondition[] {
  const out: { parts: string[]; refs: string[] }[] = [];
  /** Keys of the parts said so far, with the item that said each. */
  const said: { key: string; item: number }[] = [];
  // A part already said (or within one said) is dropped, so each condition is read once. When the item's
  // opening part goes, what is left is no sentence on its own: it joins the item that said the opening.
  const add = (ref: string, text: string) => {
    const parts = sentenceParts(text);
    const earlier = (key: string) => said.find((s) => s.key === key || (key.length >= REPEAT_MIN && s.key.includes(key)));
    const kept: string[] = [];
    let joins: number | null = null;
    parts.forEach(({ part, sep }, i) => {
      const key = partKey(part);
      const hit = earlier(key);
      if (hit) {
        if (i === 0) joins = hit.item;
        return;
      }
      kept.push(part + (i < parts.length - 1 ? sep || "，" : ""));
    });
    if (!kept.length) return;
    const item = joins ?? out.length;
    if (joins === null) out.push({ parts: [], refs: [] });
    const target = out[item]!;
    if (target.parts.length) target.parts[target.parts.length - 1] = target.parts[target.parts.length - 1]!.replace(/[，；。,;]?$/u, "，");
    target.parts.push(...kept);
    if (!target.refs.includes(ref)) target.refs.push(ref);
    for (const k of kept) said.push({ key: partKey(k.replace(/[，；。,;]$/u, "")), item });
  };
  const addClause = (clause: string) => {
    const { ref, text } = splitClause(clause);
    add(ref, text || ref);
  };
  for (const r of p.rowRules) {
    if (r.type === "restricted") {
      // One item: the notice's lead-in ("有下列情形之一，不得申报") with the cases it introduces.
      const lead = r.textClause ? splitClause(r.textClause) : null;
      const leadText = (lead?.text || "有下列情形之一的，不得申报").replace(/[：:，,；;。\s]+$/u, "");
      const cases = r.conditions.map((c) => c.zh.replace(/[，；。\s]+$/u, ""));
      const refs = r.conditions.map((c) => splitClause(c.clause).ref);
      add(joinRefs(refs.length ? refs : [lead?.ref ?? ""]), cases.length ? `${leadText}：${cases.join("；")}` : "有通知所列限制性情形的，不得申报");
      continue;
    }
    addClause(r.clause);
    if (r.type === "identity") addClause(r.legalPersonClause);
  }
  for (const r of p.setRules as readonly SetRule[]) addClause(r.clause);
  if (p.quota) addClause(p.quota.clause);
  if (p.priority) addClause(p.priority.clause);
  return out.map((c) => ({ text: asSentence(c.parts.join("")), clause: joinRefs(c.refs) }));
}

export function planTemplate(options: TemplateOptions): TemplatePlan {
  const p = options.programme;
  const unit = findCity(options.city);
  if (!unit) {
    throw new TemplateError(
      `无法识别城市“${options.city}”：区县填报模板按设区市（或昆山市、泰兴市、沭阳县）生成，发给其下各县（市、区）`,
      `Unknown city “${options.city}”: the district template is made for one city (or 昆山市, 泰兴市, 沭阳县) and its districts`,
    );
  }
  if (unit.province !== p.province) {
    throw new TemplateError(`${unit.name}不在${PROVINCE_NAMES[p.province]}，不能使用“${p.title}”的模板`, `${unit.name} is not in the programme's province`);
  }
  if (options.deadline !== undefined) {
    try {
      parseIsoDate(options.deadline);
    } catch {
      throw new TemplateError(`报送截止日期应为 YYYY-MM-DD 格式的真实日期，收到“${options.deadline}”`, `The deadline must be a real date written YYYY-MM-DD, got “${options.deadline}”`);
    }
  }
  const settings = options.settings ?? {};
  const order = [
    ...LEADING.flatMap((id) => p.fields.filter((f) => f.field === id)),
    ...p.fields.filter((f) => !LEADING.includes(f.field) && !TRAILING.includes(f.field)),
    ...TRAILING.flatMap((id) => p.fields.filter((f) => f.field === id)),
  ];
  let serial = 0;
  const columns: TemplateColumn[] = order.map((spec) => {
    const def = fieldDefIn(p, spec.field)!;
    const b = describe(p, spec, unit, settings, () => ++serial);
    const header = b.unit ? `${def.zh}（${b.unit}）` : def.zh;
    return {
      field: spec.field,
      header,
      kind: def.kind,
      required: spec.required,
      width: widthOf(spec.field, header, def.kind, b.rule, b.example),
      format: b.format,
      rule: b.rule,
      prompt: { title: truncate(def.zh, PROMPT_TITLE_MAX), text: truncate(b.text, PROMPT_MAX) },
      example: b.example,
    };
  });

  const deadlineLine = options.deadline
    ? `请于${chineseDate(options.deadline)}前将本表报${unit.name}工业和信息化局。`
    : `请于＿＿＿＿年＿＿月＿＿日前将本表报${unit.name}工业和信息化局。`;
  const deadlines = [
    deadlineLine,
    `${unit.name}须于${chineseDate(p.cityDeadline)}前报省厅。`,
    ...p.deadlines.map((d) => `${d.what}：${chineseDate(d.date)}前。`),
  ];
  const required = columns.filter((c) => c.required).map((c) => `“${c.header}”`);
  const enumerated = columns.filter((c) => c.rule?.type === "list").map((c) => `“${c.header}”`);
  const howToFill = [
    "在“推荐名单”工作表的表头下方逐行填写，一行一家单位（项目），不要改动表头、不要合并单元格、不要插入小计行。",
    `必填的列：${required.join("、")}。`,
    ...(enumerated.length ? [`${enumerated.join("、")}请从下拉列表中选择。`] : []),
    "日期填成 2020-05-18 的形式；金额以万元为单位，只填数字；统一社会信用代码填18位，不要加空格。",
    "选中单元格时会提示该列应填什么；下面“各列填写示例”一栏给出一行示例（示例不要抄入名单）。",
    "表头行受保护（无密码），防止误改；如确需调整，可在“审阅 → 撤销工作表保护”后修改。",
  ];
  const failing = [
    `${unit.name}工业和信息化局用“推荐汇总助手”逐行核对本表。`,
    "有“错误”的行（如信用代码错误、不符合申报条件、必填项空缺）不列入报省汇总表，退回修改后重新报送。",
    "有“警告”的行须核实后说明情况；同一单位重复申报、超出名额等也会被指出。",
  ];
  return {
    programme: p.id,
    programmeTitle: p.title,
    city: unit.name,
    sheetName: "推荐名单",
    title: `${p.title}推荐名单`,
    unitLine: "填报单位（盖章）：　　　　　　　　　联系人：　　　　　　电话：　　　　　　　　填报日期：　　　　年　　月　　日",
    columns,
    titleRow: 1,
    unitRow: 2,
    headerRow: 3,
    firstDataRow: 4,
    borderedRows: options.borderedRows ?? 30,
    preparedRows: options.preparedRows ?? 500,
    instructions: {
      sheetName: "填报说明",
      title: `${p.title}区县填报说明`,
      deadlines,
      howToFill,
      conditions: conditionsOf(p),
      failing,
    },
  };
}

/** The example value as the list would show it (for the 填报说明 sheet and the tests). */
export function exampleText(v: ExampleValue): string {
  if (v === null) return "";
  if (typeof v === "object") return v.date;
  return String(v);
}

/** Inline list formula ("\"是,否\"") when it fits Excel's limit and no value holds a comma; otherwise null. */
export function inlineList(values: readonly string[]): string | null {
  if (values.some((v) => v.includes(",") || v.includes('"'))) return null;
  const joined = values.join(",");
  return joined.length <= INLINE_LIST_MAX ? `"${joined}"` : null;
}

/** File name offered for a download: 区县填报模板-南京市-重点工业互联网平台-2026-12-03.xlsx. */
export function templateFileName(plan: TemplatePlan, date: string): string {
  return downloadFileName({ what: "区县填报模板", city: plan.city, programmeTitle: plan.programmeTitle, date, ext: "xlsx" });
}
