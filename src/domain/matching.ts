/**
 * Matching columns to a programme's fields by evidence: what the header says (normalised, key terms,
 * character bigrams against every wording of the field) and what the cells hold (USCCs, dates,
 * amounts, yes/no, ownership words, ranks, the programme's allowed values). Every (column, field)
 * pair gets a score; one global assignment gives each column at most one field and each field at
 * most one column, best scores first.
 *
 * Two rules keep it honest: a header that names something else (注册资本, 营业收入 …) is never taken
 * for a field, whatever its cells hold; and content alone only suggests, it never assigns.
 */
import { isErrorCell, type Cell } from "./cells";
import { FIELDS, type FieldDef, type FieldKind } from "./fields";
import type { FieldSpec, Programme } from "./programme";
import { fieldDefIn } from "./fields";
import { enumKey, readAmount, readDate, readPhone, readUsccCell, readWholeNumber, readYesNo } from "./readers";
import { cleanText, foldBrackets, headerKey } from "./text";
import { isValidUscc } from "./uscc";
import { broaderHead, canonicalWords, modifiersAgree, readHeader, type HeaderReading, type Tense } from "./vocabulary";

/** A header score at or above this maps the column on the header alone. */
export const HEADER_ASSIGN = 0.5;
/** Header plus content must reach this to map; below HEADER_EVIDENCE the header says nothing of the field. */
export const ASSIGN = 0.5;
const HEADER_EVIDENCE = 0.3;
/** A second column this close to an exact header for a taken field is reported as ambiguous. */
const AMBIGUOUS = 0.95;
/** How much content that fits adds to a header (and takes away when it plainly does not fit). */
const CONTENT_WEIGHT = 0.25;
/** A content synonym's header evidence: enough for cells that fit to map it, too little alone. */
const CONTENT_SYNONYM = 0.4;
/** Content alone suggests a field when this share of a column's cells fits it. */
const SUGGEST_SHARE = 0.6;
/** A header ending in a broader head word (…等级, …代码, …类型): evidence for each field it may be, too little alone. */
const BROADER_EVIDENCE = 0.4;
/** Cells agree strongly when this share of them fits: only then do they lift a header below HEADER_ASSIGN. */
const AGREE_SHARE = 0.8;
/** How far agreeing cells take a moderate header towards certainty: cells only one field holds, and cells many fields hold. */
const LIFT_DISTINCTIVE = 0.5;
const LIFT_COMMON = 0.3;
/** Yes/no answers under a header naming the matter without asking (贯标认定情况): a little less than under 是否…. */
const LIFT_YESNO_UNASKED = 0.25;

/**
 * Words that name something other than any field: a header containing one is never taken for a
 * field unless it is one of that field's own wordings (then the word is part of the wording).
 */
const OTHER_THINGS = [
  "注册资本", "注册资金", "实收资本", "资本", "营业收入", "主营业务收入", "销售收入", "收入", "营收", "销售额", "利润", "利税", "净利", "产值", "增加值",
  "职工", "员工", "从业人员", "人数", "人员", "纳税", "税收", "缴税", "税额", "研发", "占比", "比例", "比重", "百分比", "增长", "增速",
  "资产", "负债", "面积", "产量", "能耗", "专利", "邮编", "邮政编码", "邮箱", "电子邮件", "email", "网址", "网站", "传真", "地址", "住所",
  "法定代表人", "法人代表", "身份证", "职务", "职称", "学历", "经营范围", "主营产品", "主要产品", "所属行业", "行业类别", "行业分类", "规模", "开户", "账号",
  "银行", "评分", "得分", "分数", "审核意见", "推荐意见", "意见", "签字", "盖章处", "年龄", "出口", "订单", "客户数", "用户数", "连接数",
  "母公司", "上级", "主管", "控股", "股东", "股权", "实际控制人", "高新技术企业", "高企", "执照有效期", "专精特新", "许可证",
  // Older identifiers, not the credit code even where the cells hold one (corpus.tsv keeps them distractors).
  "组织机构代码", "机构代码", "纳税人识别号", "税务登记号",
  // The form's own dates, not an applicant's.
  "统计", "数据截止", "填报时间",
];

/** Said before a field's own words without changing what it names ("申报企业名称", "本单位…"). */
const LEADING = ["申报企业", "申报单位", "申报", "企业", "单位", "公司", "项目", "平台", "本", "所属", "所在", "填报"];
/** Said after them without changing it ("…名称", "…情况", "…（盖章）" is already gone with the brackets). */
const TRAILING = ["全称", "名称", "情况", "总额", "金额", "合计", "总计", "总数", "日期", "时间", "号码", "号", "信息", "内容", "类型", "状态", "名单", "栏"];
/** Fillers dropped from both sides before comparing. */
const FILLERS_LEADING = ["是否为", "是否", "有无", "请填写", "填写"];
const FILLERS_TRAILING = ["情况", "全称", "名称", "单位", "及说明", "说明"];

function stripAffixes(s: string, leading: readonly string[], trailing: readonly string[]): string {
  let out = s;
  for (let changed = true; changed && out.length > 1; ) {
    changed = false;
    for (const w of leading) if (out.length > w.length && out.startsWith(w)) { out = out.slice(w.length); changed = true; }
    for (const w of trailing) if (out.length > w.length && out.endsWith(w)) { out = out.slice(0, -w.length); changed = true; }
  }
  return out;
}

/** The header as compared: headerKey (width, spaces, brackets and units, case), a "/" of two-row headers gone. */
export function normaliseHeader(s: string): string {
  return headerKey(s).replace(/[/、\\|\-_—–.·•。，,;；"“”‘’'`]/gu, "");
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function dice(a: readonly string[], b: ReadonlySet<string>, bLength: number): number {
  if (a.length === 0 || bLength === 0) return 0;
  let common = 0;
  const seen = new Set<string>();
  for (const g of a) if (b.has(g) && !seen.has(g)) { seen.add(g); common++; }
  return (2 * common) / (new Set(a).size + bLength);
}

interface Wording {
  field: string;
  /** At most this much on the header alone (content must agree for wordings that also mean other things). */
  cap: number;
  /** The wording in canonical words (vocabulary.ts), as headers are compared. */
  key: string;
  stripped: string;
  grams: Set<string>;
  reading: HeaderReading;
  /** The core (modifiers of tense and scope gone) and its shortening. */
  core: string;
  coreStripped: string;
  /** A yes/no question: its counterpart party (与腾讯…) does not make it another party's column. */
  question: boolean;
}

export interface Vocabulary {
  wordings: Wording[];
  /** Fields in the order given: the first wins a tie. */
  order: Map<string, number>;
  /** bigram → wordings containing it: only those are compared with a header. */
  byGram: Map<string, Wording[]>;
  /** Freely worded headers matched by key words (every word of one group). */
  keywords: { field: string; groups: string[][]; negated: boolean }[];
  cache: Map<string, ReadonlyMap<string, number>>;
}

/** What a vocabulary is made of: per field, its wordings, those that need the cells to agree, and key-word groups. */
export interface VocabularyEntry {
  field: string;
  /** Yes/no fields: a header naming a counterpart party still asks this question. */
  question?: boolean;
  wordings: readonly string[];
  contentWordings?: readonly string[];
  keywords?: readonly (readonly string[])[];
}

export function makeVocabulary(entries: readonly VocabularyEntry[]): Vocabulary {
  const wordings: Wording[] = [];
  const seen = new Set<string>();
  const order = new Map<string, number>();
  const keywords: Vocabulary["keywords"] = [];
  for (const e of entries) {
    if (!order.has(e.field)) order.set(e.field, order.size);
    const all = [...e.wordings.map((w) => ({ w, cap: 1 })), ...(e.contentWordings ?? []).map((w) => ({ w, cap: CONTENT_SYNONYM }))];
    const mine: Wording[] = [];
    for (const { w, cap } of all) {
      const reading = readHeader(normaliseHeader(w));
      const key = reading.canon;
      if (!key || seen.has(`${e.field}\u0001${key}`)) continue;
      seen.add(`${e.field}\u0001${key}`);
      const stripped = stripAffixes(key, FILLERS_LEADING, FILLERS_TRAILING);
      const core = reading.core;
      const coreStripped = stripAffixes(core, FILLERS_LEADING, FILLERS_TRAILING);
      mine.push({ field: e.field, cap, key, stripped, grams: new Set([...bigrams(key), ...bigrams(stripped), ...bigrams(core)]), reading, core, coreStripped, question: e.question ?? false });
    }
    // A field most of whose wordings carry one tense (申报星级, 申报级别 …) has that tense in all of them:
    // its bare "星级" is still the level applied for, never a held level's column.
    const tensed = mine.filter((w) => w.reading.tense !== null);
    const tenses = new Set(tensed.map((w) => w.reading.tense));
    if (tenses.size === 1 && tensed.length * 2 >= mine.length) {
      const t = [...tenses][0] as Tense;
      for (const w of mine) if (w.reading.tense === null) w.reading = { ...w.reading, tense: t };
    }
    wordings.push(...mine);
    if (e.keywords) {
      const zh = e.wordings[0];
      keywords.push({ field: e.field, groups: e.keywords.map((g) => g.map((k) => canonicalWords(headerKey(k)))), negated: zh !== undefined && readHeader(normaliseHeader(zh)).negated });
    }
  }
  const byGram = new Map<string, Wording[]>();
  for (const w of wordings) {
    for (const g of w.grams) {
      const list = byGram.get(g);
      if (list) list.push(w);
      else byGram.set(g, [w]);
    }
  }
  return { wordings, order, byGram, keywords, cache: new Map() };
}

const vocabularies = new WeakMap<Programme, Vocabulary>();

/** The programme's fields with every wording of each (the field's own and the programme's). */
export function programmeVocabulary(programme: Programme): Vocabulary {
  const cached = vocabularies.get(programme);
  if (cached) return cached;
  const v = makeVocabulary(
    programme.fields.flatMap((spec) => {
      const def = fieldDefIn(programme, spec.field);
      if (!def) return [];
      return [
        {
          field: spec.field,
          wordings: [...def.synonyms, ...(spec.synonyms ?? [])],
          contentWordings: spec.contentSynonyms ?? [],
          question: def.kind === "yesno" || def.kind === "certificate",
          ...(def.keywords ? { keywords: def.keywords } : {}),
        },
      ];
    }),
  );
  vocabularies.set(programme, v);
  return v;
}

/** Does `rest` hold only words that leave the meaning alone? */
function onlyWords(rest: string, words: readonly string[]): boolean {
  return stripAffixes(rest, words, words) === "" || words.includes(rest) || rest === "";
}

/** How well header key `h` names wording `w`: 1 exact … 0 nothing. */
function scoreWording(h: string, hStripped: string, hGrams: readonly string[], wKey: string, wStripped: string, wGrams: ReadonlySet<string>): number {
  if (h === "" || wKey === "") return 0;
  if (h === wKey || (hStripped !== "" && hStripped === wStripped)) return h === wKey ? 1 : 0.95;
  let best = 0;
  const n = [...h].length;
  const m = [...wKey].length;
  if (m >= 2 && h.includes(wKey)) {
    const at = h.indexOf(wKey);
    const before = h.slice(0, at);
    const after = h.slice(at + wKey.length);
    if (onlyWords(before, LEADING) && onlyWords(after, TRAILING)) best = Math.max(best, 0.9);
    // The head of a Chinese noun phrase comes last: "社会统一信用代码" ends with "信用代码".
    // A short wording ("星级") under a qualifier that is not a filler ("此前获评星级") says less.
    else if (after === "" || onlyWords(after, TRAILING)) best = Math.max(best, (m <= 2 ? 0.45 : 0.55) + 0.35 * (m / n));
    else best = Math.max(best, 0.25 * (m / n));
  }
  // The header is a shortening of the wording: "信用代码" of "统一社会信用代码".
  if (n >= 2 && wKey.includes(h)) {
    best = Math.max(best, wKey.endsWith(h) ? 0.45 + 0.4 * (n / m) : 0.2 + 0.3 * (n / m));
  }
  // The same after the header's own fillers go: "集群名称" of "所属集群".
  const ns = [...hStripped].length;
  if (ns >= 2 && hStripped !== h && wKey.endsWith(hStripped)) best = Math.max(best, 0.4 + 0.4 * (ns / m));
  const d = Math.max(dice(hGrams, wGrams, wGrams.size), hStripped !== "" ? dice(bigrams(hStripped), wGrams, wGrams.size) : 0);
  best = Math.max(best, d >= 0.5 ? 0.9 * d : 0.5 * d);
  return best;
}

/**
 * A tense said only in brackets ("星级（已获）", "级别（拟申报）") is still the header's tense: headerKey
 * drops brackets as it drops units, so it is read from them here. Units and scopes carry none.
 */
function tenseInBrackets(label: string): Tense {
  if (!/[（(【\[]/u.test(label)) return null;
  for (const m of foldBrackets(label).matchAll(/\(([^()]*)\)/g)) {
    const inner = headerKey(m[1] ?? "");
    if (inner === "") continue;
    const t = readHeader(inner).tense;
    if (t !== null) return t;
  }
  return null;
}

/** What the header alone says: field → score (only fields with some evidence). */
export function headerScoresIn(v: Vocabulary, label: string): ReadonlyMap<string, number> {
  const raw = normaliseHeader(label);
  const bracketTense = raw === "" ? null : tenseInBrackets(label);
  const cacheKey = bracketTense === null ? raw : `${raw}\u0001${bracketTense}`;
  const hit = v.cache.get(cacheKey);
  if (hit) return hit;
  const out = new Map<string, number>();
  if (raw !== "") {
    // Compared in canonical words: 联络人 is 联系人, 承担单位 is 申报单位, 支出 is 投入 (vocabulary.ts).
    const plain = readHeader(raw);
    const reading = plain.tense === null && bracketTense !== null ? { ...plain, tense: bracketTense } : plain;
    const h = reading.canon;
    const hStripped = stripAffixes(h, FILLERS_LEADING, FILLERS_TRAILING);
    const hGrams = [...new Set([...bigrams(h), ...bigrams(hStripped)])];
    const core = reading.core;
    const coreStripped = stripAffixes(core, FILLERS_LEADING, FILLERS_TRAILING);
    const coreGrams = [...new Set([...bigrams(core), ...bigrams(coreStripped)])];
    const candidates = new Set<Wording>();
    for (const g of [...hGrams, ...coreGrams]) for (const w of v.byGram.get(g) ?? []) candidates.add(w);
    const otherThing = OTHER_THINGS.find((t) => h.includes(t));
    for (const w of candidates) {
      // A modifier that changes the meaning (拟 against 已, 未, another party) rules the wording out, however alike the characters.
      if (!modifiersAgree(reading, w.reading, w.question)) continue;
      let s = scoreWording(h, hStripped, hGrams, w.key, w.stripped, w.grams);
      if (core !== h || w.core !== w.key) {
        // The same thing named at another tense or scope: as good when the tenses agree, a little less when one is unsaid.
        const same = reading.tense === w.reading.tense;
        s = Math.max(s, (same ? 0.97 : 0.9) * scoreWording(core, coreStripped, coreGrams, w.core, w.coreStripped, w.grams));
      }
      s = Math.min(w.cap, s);
      // A header naming something else counts only where the field's own wording says that thing too.
      if (otherThing !== undefined && !w.key.includes(otherThing) && s < 1) s = 0;
      if (s > (out.get(w.field) ?? 0)) out.set(w.field, s);
    }
    // A broader head (往年认定等级, 企业代码, 单位类型): some evidence for every field whose head it covers, with modifiers agreeing.
    const broader = broaderHead(h);
    if (broader) {
      for (const w of v.wordings) {
        if (!broader.narrower.some((n) => w.core.endsWith(n)) || !modifiersAgree(reading, w.reading, w.question)) continue;
        if (otherThing !== undefined && !w.key.includes(otherThing)) continue;
        const s = Math.min(w.cap, BROADER_EVIDENCE);
        if (s > (out.get(w.field) ?? 0)) out.set(w.field, s);
      }
    }
    // Freely worded conditions ("近三年是否发生较大以上安全、环境事故…") by their key words.
    for (const { field, groups, negated } of v.keywords) {
      if (reading.negated && !negated) continue;
      if (groups.some((g) => g.every((k) => h.includes(k)))) out.set(field, Math.max(out.get(field) ?? 0, 0.85));
    }
  }
  if (v.cache.size < 20_000) v.cache.set(cacheKey, out);
  return out;
}

export function headerScores(programme: Programme, label: string): ReadonlyMap<string, number> {
  return headerScoresIn(programmeVocabulary(programme), label);
}

/** The field a header names on its own (the first field of the vocabulary on a tie), or null. */
export function headerFieldIn(v: Vocabulary, label: string): string | null {
  let best: string | null = null;
  let bestScore = HEADER_ASSIGN - 1e-9;
  for (const [f, s] of headerScoresIn(v, label)) {
    if (s > bestScore + 1e-9 || (best !== null && Math.abs(s - bestScore) <= 1e-9 && (v.order.get(f) ?? 0) < (v.order.get(best) ?? 0))) {
      best = f;
      bestScore = Math.max(s, bestScore);
    }
  }
  return best;
}

/** The field a header names on its own, or null: for repeated headers. */
export function headerField(programme: Programme, label: string): string | null {
  return headerFieldIn(programmeVocabulary(programme), label);
}

// ---------------------------------------------------------------- content

/** Cells of one column below the header (first rows only: enough to see what it holds). */
export const CONTENT_ROWS = 60;

const OWNERSHIP_WORDS = /国有|国企|央企|中央|省属|市属|区属|县属|民营|私营|民企|外资|外商|合资|独资|港澳台|集体|股份制|混合所有|有限责任|上市|子公司|分公司|事业单位|个体/u;
const COMPANY_WORDS = /(公司|厂|集团|研究院|研究所|中心|大学|学院|合作社|事务所|商行|银行|医院|协会|联盟)$/u;

export interface ColumnContent {
  /** Non-empty cells looked at. */
  seen: number;
  uscc: number;
  date: number;
  number: number;
  integer: number;
  yesno: number;
  phone: number;
  ownership: number;
  company: number;
  /** Distinct integers 1..n seen (for ranks). */
  ranks: Set<number>;
  cells: Cell[];
}

interface CellReadings {
  /** Each cell's enumKey (text cells; "" for others). */
  keys: string[];
  /** Whether each cell reads as yes or no. */
  yes: boolean[];
  /** Text cells the date reader takes only as "ongoing" (至今 …), counted when a field asks. */
  ongoing?: number;
}

const readingsCache = new WeakMap<ColumnContent, CellReadings>();

/** What every field's fit asks of a column's cells, read once per column rather than once per field. */
function cellReadings(content: ColumnContent): CellReadings {
  let r = readingsCache.get(content);
  if (!r) {
    r = { keys: [], yes: [] };
    for (const cell of content.cells) {
      r.keys.push(cell.kind === "text" ? enumKey(String(cell.value)) : "");
      r.yes.push(readYesNo(cell).status === "ok");
    }
    readingsCache.set(content, r);
  }
  return r;
}

function ongoingCells(content: ColumnContent): number {
  const r = cellReadings(content);
  r.ongoing ??= content.cells.filter((c) => c.kind === "text" && readDate(c, { allowOngoing: true }).status === "ok" && readDate(c).status !== "ok").length;
  return r.ongoing;
}

export function columnContent(cells: readonly Cell[]): ColumnContent {
  const c: ColumnContent = { seen: 0, uscc: 0, date: 0, number: 0, integer: 0, yesno: 0, phone: 0, ownership: 0, company: 0, ranks: new Set(), cells: [] };
  const readings: CellReadings = { keys: [], yes: [] };
  readingsCache.set(c, readings);
  for (const cell of cells) {
    if (cell.kind === "empty" || isErrorCell(cell)) continue;
    const t = cell.kind === "text" ? cleanText(String(cell.value)) : "";
    if (cell.kind === "text" && t === "") continue;
    c.seen++;
    c.cells.push(cell);
    const u = readUsccCell(cell);
    if (u.status === "ok" && /^[0-9A-Z]{18}$/.test(u.value) && isValidUscc(u.value)) c.uscc++;
    else if (u.status === "bad" && u.truncated) c.uscc++;
    if (cell.kind === "date" || (cell.kind === "text" && readDate(cell).status === "ok")) c.date++;
    if (readAmount(cell).status === "ok" && cell.kind !== "date") c.number++;
    // Ranks and counts (1..9999): what the check reads as a whole number.
    const whole = readWholeNumber(cell);
    if (whole.status === "ok" && whole.value >= 1 && whole.value <= 9999) {
      c.integer++;
      c.ranks.add(whole.value);
    }
    const yes = readYesNo(cell).status === "ok";
    if (yes) c.yesno++;
    readings.yes.push(yes);
    readings.keys.push(cell.kind === "text" ? enumKey(String(cell.value)) : "");
    if (cell.kind === "text" && readPhone(cell).status === "ok") c.phone++;
    if (cell.kind === "text") {
      if (OWNERSHIP_WORDS.test(t) && t.length <= 20) c.ownership++;
      if (COMPANY_WORDS.test(t) && t.length >= 5) c.company++;
    }
  }
  return c;
}

const allowedKeyCache = new WeakMap<FieldSpec, ReadonlySet<string>>();

/** The programme's allowed values and their variants for a field, as enumKey compares them. */
function allowedKeys(spec: FieldSpec): ReadonlySet<string> {
  let keys = allowedKeyCache.get(spec);
  if (!keys) {
    keys = new Set([...(spec.allowed ?? []), ...Object.keys(spec.aliases ?? {})].map((v) => enumKey(v)).filter((k) => k !== ""));
    allowedKeyCache.set(spec, keys);
  }
  return keys;
}

/** Share of the column's cells that read as the field wants them (0..1); null when nothing can be said. */
export function contentFit(spec: FieldSpec, def: Pick<FieldDef, "kind" | "content">, content: ColumnContent): number | null {
  const kind = def.kind;
  if (content.seen === 0) return null;
  const share = (n: number) => n / content.seen;
  switch (kind) {
    case "uscc":
      return share(content.uscc);
    case "date":
      return share(content.date);
    case "dateOrOngoing":
      // Dates, and the words the date reader takes for "ongoing" (至今 …).
      return share(content.date + ongoingCells(content));
    case "amount":
      return share(content.number);
    case "phone":
      return share(content.phone);
    case "name":
      return share(content.company);
    case "integer":
      if (def.content === "rank") {
        const n = content.ranks.size;
        let inRange = 0;
        for (const r of content.ranks) if (r <= Math.max(n, content.seen)) inRange++;
        return n === 0 ? 0 : share(content.integer) * (inRange / n);
      }
      return share(content.integer);
    case "yesno":
    case "enum":
    case "list":
    case "certificate": {
      const values = allowedKeys(spec);
      const { keys, yes } = cellReadings(content);
      let fit = 0;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (kind === "yesno" || kind === "certificate") {
          if (yes[i] || (key !== "" && values.has(key))) fit++;
        } else if (kind === "enum") {
          if (key !== "" && values.has(key)) fit++;
        } else if (key !== "") {
          for (const v of values) {
            if (key.includes(v)) {
              fit++;
              break;
            }
          }
        }
      }
      return share(fit);
    }
    case "text":
      if (def.content === "ownership") return share(content.ownership);
      return null;
  }
}

// ---------------------------------------------------------------- assignment

export interface Scored {
  field: string;
  /** The header's evidence alone. */
  header: number;
  /** Header and content together. */
  total: number;
  /** Share of cells that fit, when content says anything. */
  fit: number | null;
}

export interface ColumnEvidence {
  index: number;
  /** Field → evidence, best first. */
  scores: Scored[];
  /** A field the content alone points at (the clerk may confirm it). */
  contentSuggestion?: string;
  /**
   * Every field the content points at, best first, each marked strong when it rests on cells only
   * one field of the programme could hold (valid credit codes, the programme's own allowed values,
   * ownership words), not on numbers, dates or yes/no answers, which many columns hold: only such
   * content is worth a word when the column goes unused. None under a header naming something else.
   */
  contentSuggestions: { field: string; strong: boolean }[];
}

/** Every field's evidence for one column: the header's labels (parent+child, child) and its cells. */
export function scoreColumn(programme: Programme, labels: { parent: string; child: string }, content: ColumnContent | null, index: number): ColumnEvidence {
  const header = new Map<string, number>();
  const add = (label: string, weight: number) => {
    if (!label) return;
    for (const [f, s] of headerScores(programme, label)) header.set(f, Math.max(header.get(f) ?? 0, s * weight));
  };
  if (labels.parent && labels.child) {
    add(labels.parent + labels.child, 1);
    // The child alone a shade lower: "统一社会信用代码" under 场景落地单位 is the site's, not the applicant's;
    // and not at all under a title naming a party (牵头企业 / 信用代码 is the lead's code, nobody else's).
    if (readHeader(normaliseHeader(labels.parent)).party === null) add(labels.child, 0.95);
  } else {
    add(labels.parent || labels.child, 1);
  }
  const scores: Scored[] = [];
  const suggested: { field: string; fit: number; required: boolean; strong: boolean }[] = [];
  const label = labels.parent + labels.child;
  const asks = asksQuestion(label);
  /** Moderate headers whose cells strongly agree: lifted below, unless another field's cells agree as well. */
  const agreeing: { scored: Scored; lift: number }[] = [];
  for (const spec of programme.fields) {
    const def = fieldDefIn(programme, spec.field);
    if (!def) continue;
    const h = header.get(spec.field) ?? 0;
    const fit = content ? contentFit(spec, def, content) : null;
    let total = h;
    const enough = fit !== null && content !== null && content.seen >= 2;
    if (h >= HEADER_ASSIGN && enough) {
      // Content backs a header that is sure enough, or tells against it; it never overturns an exact wording.
      total = h >= 1 ? 1 : Math.min(0.99, Math.max(0, h + CONTENT_WEIGHT * (fit - 0.5) * 2));
    } else if (h >= HEADER_EVIDENCE && enough) {
      // A moderate header maps only with cells that strongly agree (below); weaker cells leave it below the bar.
      total = Math.min(ASSIGN - 0.01, Math.max(0, h + CONTENT_WEIGHT * (fit - 0.5) * 2));
      const lift = contentLift(def.kind, def.content, content, asks);
      if (fit >= AGREE_SHARE && lift > 0) agreeing.push({ scored: { field: spec.field, header: h, total, fit }, lift });
    }
    if (h < HEADER_EVIDENCE) total = 0;
    if (h > 0 || total > 0) scores.push({ field: spec.field, header: h, total, fit });
    const distinctive = def.kind !== "text" || def.content !== undefined;
    if (fit !== null && fit >= SUGGEST_SHARE && distinctive && content && content.seen >= 2) {
      suggested.push({ field: spec.field, fit, required: spec.required, strong: strongContent(def.kind, def.content, content) });
    }
  }
  // Header and cells together: a moderate header whose cells strongly agree maps with the combined confidence,
  // unless the cells fit another field the header hints at as much (dates under "时间": which date?).
  for (const a of agreeing) {
    const rival = agreeing.some((b) => b !== a && b.scored.header >= a.scored.header - 0.05);
    if (rival) continue;
    const s = scores.find((x) => x.field === a.scored.field)!;
    s.total = Math.min(0.99, 1 - (1 - s.header) * (1 - (s.fit ?? 0) * a.lift));
  }
  scores.sort((a, b) => b.total - a.total || b.header - a.header);
  // Cells are no word for a field under a header naming something else (注册资本, 集团…代码): they suggest nothing.
  const contentSuggestions = namesOther(labels.parent + labels.child)
    ? []
    : suggested.sort((a, b) => b.fit - a.fit || Number(b.required) - Number(a.required)).map((x) => ({ field: x.field, strong: x.strong }));
  return { index, scores, contentSuggestions, ...(contentSuggestions[0] ? { contentSuggestion: contentSuggestions[0].field } : {}) };
}

/** A header that names a thing no field is (注册资本, 营业收入 …) or a party no field is about (集团, 腾讯). */
function namesOther(label: string): boolean {
  const r = readHeader(normaliseHeader(label));
  return r.party === "group" || r.party === "partner" || OTHER_THINGS.some((t) => r.canon.includes(t));
}

/** A header that asks a yes/no question (是否…, 有无…, …否, …与否, （是/否）): yes/no cells answer it. */
function asksQuestion(label: string): boolean {
  const key = normaliseHeader(label);
  return /是否|有无|与否|是不是|否$/u.test(key) || /是\s*[/／或]\s*否/u.test(label);
}

/**
 * How far cells that fit lift a moderate header: cells only one field holds (valid codes, the
 * programme's allowed values, ownership words) a long way; dates, amounts, phones, ranks less;
 * yes/no answers most under a header that asks the question; names and free text not at all.
 */
function contentLift(kind: FieldKind, what: FieldDef["content"], content: ColumnContent, asks: boolean): number {
  if (strongContent(kind, what, content)) return LIFT_DISTINCTIVE;
  switch (kind) {
    case "yesno":
    case "certificate":
      // The programme's own answers (升级申报 / 新申报) only this field holds; 是/否 any question has.
      if (content.yesno < content.seen * SUGGEST_SHARE) return LIFT_DISTINCTIVE;
      return asks ? LIFT_COMMON : LIFT_YESNO_UNASKED;
    case "date":
    case "dateOrOngoing":
    case "amount":
    case "phone":
    case "list":
      return LIFT_COMMON;
    case "integer":
      return what === "rank" ? LIFT_COMMON : 0;
    // Allowed values that are also yes/no words (无, 否 among star levels): the rival rule keeps them from deciding alone.
    case "enum":
      return LIFT_COMMON;
    default:
      return 0;
  }
}

/** Cells only one field could hold: codes, a programme's allowed values (not yes/no answers), ownership words. */
function strongContent(kind: FieldKind, what: FieldDef["content"], content: ColumnContent): boolean {
  if (kind === "uscc") return true;
  if (kind === "enum" || kind === "list") return content.yesno < content.seen * SUGGEST_SHARE;
  return kind === "text" && what === "ownership";
}

export interface Assignment {
  index: number;
  field: string | null;
  confidence: number;
  why: "header" | "content" | "none";
  /** Mapped with the cells' help (why "content"): the share of them that fit the field. */
  contentFit?: number;
  suggestion?: string;
  /** What the suggestion of an unused column rests on: its header (some evidence, too little to map), or cells only that field could hold. */
  suggestionFrom?: "header" | "content";
  alternatives: { field: string; confidence: number }[];
  /** Another column already took this field on evidence as strong as this one's. */
  ambiguousWith?: string;
}

/**
 * One field per column and one column per field, best total first (greedy over the sorted pairs,
 * which on these small matrices gives the best total in every case that matters: an exact wording
 * scores 1 and is taken before any guess). Ties go to the leftmost column.
 */
export function assign(columns: readonly ColumnEvidence[], taken: ReadonlySet<string> = new Set()): Assignment[] {
  const pairs: { col: number; s: Scored }[] = [];
  columns.forEach((c, col) => {
    for (const s of c.scores) if (s.total >= ASSIGN) pairs.push({ col, s });
  });
  pairs.sort((a, b) => b.s.total - a.s.total || b.s.header - a.s.header || a.col - b.col);
  const fieldOf = new Map<number, Scored>();
  const columnOf = new Map<string, number>();
  const ambiguous = new Map<number, string>();
  for (const p of pairs) {
    if (fieldOf.has(p.col)) continue;
    if (taken.has(p.s.field)) continue;
    if (columnOf.has(p.s.field)) {
      const other = fieldOf.get(columnOf.get(p.s.field)!)!;
      if (p.s.header >= AMBIGUOUS && other.header >= AMBIGUOUS && !ambiguous.has(p.col)) ambiguous.set(p.col, p.s.field);
      continue;
    }
    // A column that is plainly another taken field's twin is not given its second-best field.
    if (ambiguous.has(p.col) && p.s.header < AMBIGUOUS) continue;
    fieldOf.set(p.col, p.s);
    columnOf.set(p.s.field, p.col);
  }
  return columns.map((c, col) => {
    const chosen = fieldOf.get(col);
    const alternatives = c.scores
      .filter((s) => s.field !== chosen?.field && s.total > 0)
      .slice(0, 3)
      .map((s) => ({ field: s.field, confidence: round(s.total) }));
    const amb = ambiguous.get(col);
    if (chosen && !amb) {
      return {
        index: c.index,
        field: chosen.field,
        confidence: round(chosen.total),
        why: chosen.header >= HEADER_ASSIGN ? "header" : "content",
        ...(chosen.header < HEADER_ASSIGN && chosen.fit !== null ? { contentFit: round(chosen.fit) } : {}),
        ...(chosen.total < 0.6 && c.contentSuggestion && c.contentSuggestion !== chosen.field ? { suggestion: c.contentSuggestion } : {}),
        alternatives,
      };
    }
    // Unmapped: the best unused field the header hints at, else what the content points at.
    const free = (f: string) => !columnOf.has(f) && !taken.has(f);
    const hinted = c.scores.find((s) => s.total > 0 && free(s.field));
    const byContent = c.contentSuggestions.find((s) => free(s.field));
    // A header that says something of the field with cells that do not gainsay it comes first; then cells only one field holds; then any hint.
    const grounded = hinted !== undefined && hinted.header >= HEADER_EVIDENCE && (hinted.fit === null || hinted.fit >= 0.5) ? hinted : undefined;
    const suggestion = amb ?? grounded?.field ?? (byContent?.strong ? byContent.field : undefined) ?? byContent?.field ?? hinted?.field;
    const from = amb ? undefined : grounded ? "header" : byContent?.strong && byContent.field === suggestion ? "content" : undefined;
    return {
      index: c.index,
      field: null,
      confidence: 0,
      why: "none",
      ...(suggestion ? { suggestion } : {}),
      ...(from ? { suggestionFrom: from } : {}),
      alternatives,
      ...(amb ? { ambiguousWith: amb } : {}),
    };
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
