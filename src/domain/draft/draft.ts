/**
 * A draft programme from a notice's text: the conditions each sentence states (recognise.ts),
 * scoped to the category drafted, become rules on the fields of the shared vocabulary, each citing
 * its section and sentence with how sure the extractor is. What becomes no rule is a note citing
 * its sentence. The draft is unreviewed: a person accepts, corrects or drops each rule.
 */
import { CHAIN_SOURCE, CLUSTER_SOURCE, JIANGSU_531_CHAINS, JIANGSU_CLUSTERS } from "../data/clusters";
import { FIELDS } from "../fields";
import { OWNERSHIP_CLASSES } from "../ownership";
import { Programme, type FieldSpec, type Party, type ProgrammeInput, type RowRule, type SetRule, type Setting } from "../programme";
import { kindByType } from "../rules/kinds";
import { APPLICANT, COMMON_OPTIONAL, CONSTRUCTION_ALIASES, CONSTRUCTION_ALLOWED, LEAD, SITE } from "./parts";
import { normaliseNotice, traditionalCount } from "./normalise";
import { recogniseSentence, datesIn, type Condition } from "./recognise";
import { headingOf, sentencesOf, splitSections, type NoticeSection } from "./sections";

/** Where a rule comes from and how sure the extractor is: what the review shows beside it. */
export interface DraftSource {
  section: string;
  text: string;
  confidence: number;
}

/** A sentence that gave no rule, with why. */
export interface DraftNote {
  section: string;
  text: string;
  reason: string;
}

export const DRAFT_FORMAT = "huizong-programme-draft";

/** The file `programmes draft` writes: a programme input whose rules carry `source`, marked unreviewed. */
export interface DraftBundle {
  format: typeof DRAFT_FORMAT;
  version: 1;
  draft: true;
  reviewed: false;
  notice: { title: string; categories: string[]; category: string | null; traditional: boolean };
  programme: ProgrammeInput;
  notes: DraftNote[];
}

export interface DraftOptions {
  /** The category to draft, as the notice names it (or a unique part of the name). */
  category?: string;
  /** Province code (32, 37 …) when the notice does not say it. */
  province?: string;
}

export type DraftResult =
  | { ok: true; bundle: DraftBundle; categories: string[] }
  | { ok: false; categories: string[]; problems: { zh: string; en: string; /** the command line's way out, said by the CLI only */ cli?: string }[] };

/** Provinces by name: code and the id prefix. */
const PROVINCES: Record<string, [string, string]> = {
  北京: ["11", "bj"], 天津: ["12", "tj"], 河北: ["13", "he"], 山西: ["14", "sx"], 内蒙古: ["15", "nm"], 辽宁: ["21", "ln"], 吉林: ["22", "jl"], 黑龙江: ["23", "hl"],
  上海: ["31", "sh"], 江苏: ["32", "js"], 浙江: ["33", "zj"], 安徽: ["34", "ah"], 福建: ["35", "fj"], 江西: ["36", "jx"], 山东: ["37", "sd"], 河南: ["41", "ha"],
  湖北: ["42", "hb"], 湖南: ["43", "hn"], 广东: ["44", "gd"], 广西: ["45", "gx"], 海南: ["46", "hi"], 重庆: ["50", "cq"], 四川: ["51", "sc"], 贵州: ["52", "gz"],
  云南: ["53", "yn"], 西藏: ["54", "xz"], 陕西: ["61", "sn"], 甘肃: ["62", "gs"], 青海: ["63", "qh"], 宁夏: ["64", "nx"], 新疆: ["65", "xj"],
};
/** Short names in 文号 and 驻X words: 苏 → 江苏, 鲁 → 山东 … */
const SHORT: Record<string, string> = { 苏: "江苏", 鲁: "山东", 浙: "浙江", 皖: "安徽", 闽: "福建", 赣: "江西", 豫: "河南", 鄂: "湖北", 湘: "湖南", 粤: "广东", 桂: "广西", 琼: "海南", 渝: "重庆", 川: "四川", 黔: "贵州", 滇: "云南", 陕: "陕西", 甘: "甘肃", 冀: "河北", 晋: "山西", 辽: "辽宁", 吉: "吉林", 黑: "黑龙江", 沪: "上海", 津: "天津", 京: "北京" };

const codeOfName = (name: string): [string, string] | null => PROVINCES[name] ?? (SHORT[name] ? PROVINCES[SHORT[name]!]! : null);

interface Located extends Condition {
  section: string;
  /** Categories the condition applies to; null = all. */
  scope: string[] | null;
}

/** Category name without the words every category of a notice shares: 省重点工业互联网平台 → 平台. */
function coreOf(name: string): string {
  const core = name.replace(/^(?:[\p{Script=Han}]{2,3}省|省级|省)/u, "").replace(/工业互联网|重点|示范|^(?:省级|市级|国家级)/gu, "");
  return core.length >= 2 ? core : name;
}

function categoriesMentioned(text: string, categories: string[]): string[] {
  const found = categories.filter((c) => text.includes(coreOf(c)));
  // "标杆企业" names 工业互联网标杆企业, not also a category whose core is a part of it.
  return found.filter((c) => !found.some((d) => d !== c && coreOf(d).includes(coreOf(c))));
}

function mentionsToCategories(mentions: string[], categories: string[]): string[] {
  const out = new Set<string>();
  for (const m of mentions) for (const c of categories) if (m.includes(coreOf(c)) || (m.length >= 2 && coreOf(c).includes(m))) out.add(c);
  return [...out];
}

/** The notice's categories: the items of a 申报类别/申报类型 section ("1.省重点工业互联网平台：包括…"). */
function findCategories(sections: NoticeSection[]): { names: string[]; sectionIds: Map<string, string> } {
  const none = { names: [] as string[], sectionIds: new Map<string, string>() };
  const all = sections.map((s) => s.text).join("\n");
  for (const head of sections) {
    if (head.level !== 1) continue;
    const heading = headingOf(head);
    const named = /^(?:申报|项目)(?:类别|类型)$|^申报(?:类别|类型)和/u.test(heading);
    // A 申报范围/方向 section names categories only when the conditions are then given per item ("对于园区类").
    if (!named && !/^(?:申报|支持|项目)?(?:范围|方向|内容|领域|对象)/u.test(heading)) continue;
    const names: string[] = [];
    const sectionIds = new Map<string, string>();
    for (const s of sections) {
      if (!s.parents.includes(head.id) || s.level === 1 || s.parents.length > 1) continue;
      const m = /^([^：:，,。(]{2,30})[：:。]/u.exec(s.text);
      if (m) {
        names.push(m[1]!.trim());
        sectionIds.set(s.id, m[1]!.trim());
      }
    }
    if (names.length < 2) continue;
    const scoped = names.filter((n) => new RegExp(`对于[^，,：:]{0,8}${coreOf(n)}|${coreOf(n)}类`, "u").test(all));
    if (named || scoped.length >= 2) return { names, sectionIds };
  }
  return none;
}

function locate(sections: NoticeSection[], year: number | null, categories: string[], categorySections: Map<string, string>): Located[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const out: Located[] = [];
  for (const sec of sections) {
    const sentences = sentencesOf(sec);
    // A section headed "对于X，还应满足…" (or under one) applies to X only.
    let headScope: string[] | null = null;
    for (const id of [...sec.parents, sec.id].reverse()) {
      const s = byId.get(id);
      if (!s) continue;
      const own = categorySections.get(id);
      if (own) {
        headScope = [own];
        break;
      }
      const m = /^对于([^，,：:]{2,20}?)类?(?:[，,：:]|还应|应)/u.exec(s.text);
      if (m) {
        const found = mentionsToCategories(m[1]!.split(/[和、及]/u), categories);
        if (found.length) {
          headScope = found;
          break;
        }
      }
    }
    // An item whose lead names categories ("平台和标杆工厂申报系统…") applies to them.
    const lead = sentences[0]?.text ?? "";
    const leadScope = sec.level >= 3 && categories.length ? categoriesMentioned(lead, categories) : [];
    for (const st of sentences) {
      // A sentence that opens "对于X类，…" is X's throughout.
      const opens = /^对于([^，,：:]{2,20}?)类?[，,：:]/u.exec(st.text);
      const sentenceScope = opens ? mentionsToCategories(opens[1]!.split(/[和、及]/u), categories) : [];
      for (const cond of recogniseSentence(st.text, { year })) {
        let scope: string[] | null = null;
        const named = cond.mentions ? mentionsToCategories(cond.mentions, categories) : [];
        // A part of a sentence naming one category ("…、标杆企业不超过5家") is that category's.
        const inPart = named.length === 0 && cond.text.length < st.text.length ? categoriesMentioned(cond.text, categories) : [];
        if (named.length) scope = named;
        else if (sentenceScope.length) scope = sentenceScope;
        else if (inPart.length) scope = inPart;
        else if (headScope) scope = headScope;
        else if (leadScope.length) scope = leadScope;
        out.push({ ...cond, section: sec.id || "正文前", scope });
      }
    }
  }
  return out;
}

const src = (c: Located): DraftSource => ({ section: c.section, text: c.text, confidence: c.confidence });
const joined = (cs: Located[]): DraftSource => ({
  section: [...new Set(cs.map((c) => c.section.replace(/、$/u, "")))].join("、"),
  text: [...new Set(cs.map((c) => c.text))].join(" / "),
  confidence: Math.min(...cs.map((c) => c.confidence)),
});

type WithSource<T> = T & { source: DraftSource };

const UPGRADE_FIELD: FieldSpec = {
  field: "upgrade",
  required: false,
  contentSynonyms: ["申报类型", "申报类别", "申报性质"],
  aliases: { 升级申报: "是", 升级: "是", 新申报: "否", 首次申报: "否", 新增申报: "否" },
};

/** Allowed values with the forms districts write: "特色型(面向重点行业、面向重点区域)" → two values; "综合型(跨行业跨领域)" → 综合型 with aliases. */
function allowedValues(items: string[]): { allowed: string[]; aliases: Record<string, string> } {
  const allowed: string[] = [];
  const aliases: Record<string, string> = {};
  for (const item of items) {
    const m = /^(.+?)\((.+)\)$/u.exec(item);
    if (!m) {
      allowed.push(item);
      continue;
    }
    const inner = m[2]!.split(/[、,，]/u).filter((x) => x !== "");
    if (inner.length > 1) {
      for (const part of inner) {
        const v = `${m[1]}（${part}）`;
        allowed.push(v);
        aliases[part] = v;
      }
    } else {
      // The notice's words are the value; either part alone names it too.
      const v = `${m[1]}（${m[2]}）`;
      allowed.push(v);
      aliases[m[1]!] = v;
      aliases[m[2]!] = v;
    }
  }
  return { allowed, aliases };
}

/** Star levels as districts write them: 三星级 ← 三星, 3星, 3星级. */
function starAliases(levels: string[]): Record<string, string> {
  const digits: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7" };
  const out: Record<string, string> = {};
  for (const l of levels) {
    const base = l.replace(/级$/u, "");
    out[base] = l;
    const d = digits[base.charAt(0)];
    if (d) {
      out[`${d}星`] = l;
      out[`${d}星级`] = l;
    }
  }
  return out;
}

/** The yes/no field of the vocabulary whose name shares the longest run with a list's name (≥ 3 characters). */
function listField(list: string, party: string): string | undefined {
  let best: { id: string; len: number } | undefined;
  for (const f of Object.values(FIELDS)) {
    if (f.kind !== "yesno") continue;
    for (const name of f.synonyms) {
      const len = longestCommonRun(list, name);
      if (len >= 3 && (!best || len > best.len)) best = { id: f.id, len };
    }
  }
  void party;
  return best?.id;
}

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) {
    let k = 0;
    while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
    if (k > best) best = k;
  }
  return best;
}

interface NoticeFacts {
  title: string;
  number: string | null;
  issuer: string;
  issued: string | null;
  year: number | null;
}

function noticeFacts(text: string): NoticeFacts {
  // The notice's own title, not one it cites in 《》; a notice pasted without its title is named by what it organises.
  const own = [...text.matchAll(/关于[^。\n:：《》]{4,80}?的通知/gu)].find((m) => text[m.index - 1] !== "《");
  const organised = /现(?:组织)?(?:开展|实施|启动)(.{4,60}?)(?:工作)?[，,。]/u.exec(text)?.[1];
  const title = own?.[0] ?? (organised ? `关于组织开展${organised}工作的通知` : text.split("\n")[0]!.slice(0, 60));
  const number = /[\p{Script=Han}]{1,10}[〔\[(]\d{4}[〕\])]\d{1,4}号/u.exec(text)?.[0]?.replace(/^.*(?:通知|文件)/u, "") ?? null;
  const issuer = /(?:[\p{Script=Han}]{2,4}省|[\p{Script=Han}]{2,3}(?:市|自治区))(?:工业和信息化厅|工业和信息化局|经济和信息化厅|经济和信息化委员会|工信厅|经信厅)/u.exec(text)?.[0] ?? "";
  // The date of issue: a line that is a date alone (the signature), else 发布时间.
  const lines = text.split("\n");
  let issued: string | null = null;
  for (const l of lines) if (/^\d{4}年\d{1,2}月\d{1,2}日$/u.test(l.trim())) issued = datesIn(l, null)[0]?.iso ?? issued;
  if (!issued) {
    const m = /发布时间[:：]?\s*(\d{4})[年-](\d{1,2})[月-](\d{1,2})/u.exec(text);
    if (m) issued = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  }
  const titleYear = /(\d{4})年度?/u.exec(title)?.[1];
  const year = titleYear ? Number(titleYear) : issued ? Number(issued.slice(0, 4)) : null;
  return { title, number, issuer, issued, year };
}

function provinceOf(text: string, facts: NoticeFacts, conds: Located[], given?: string): [string, string] | null {
  if (given) {
    const byCode = Object.values(PROVINCES).find(([code]) => code === given);
    return byCode ?? codeOfName(given.replace(/省$/u, ""));
  }
  const stated = conds.find((c) => c.kind === "province");
  if (stated) {
    const p = codeOfName(String(stated.values.province).replace(/省$/u, ""));
    if (p) return p;
  }
  const issuer = /^([\p{Script=Han}]{2,3}?)省/u.exec(facts.issuer)?.[1];
  if (issuer && codeOfName(issuer)) return codeOfName(issuer);
  const short = /([\p{Script=Han}])工信/u.exec(facts.number ?? "")?.[1] ?? /驻([\p{Script=Han}])/u.exec(text)?.[1];
  if (short && SHORT[short]) return codeOfName(short);
  // Else the province the notice names most often (its title names it: 江苏省工业互联网加速器工程).
  let best: [string, number] | null = null;
  for (const name of Object.keys(PROVINCES)) {
    const n = text.split(name).length - 1 + (facts.title.includes(name) ? 5 : 0);
    if (n > 0 && (!best || n > best[1])) best = [name, n];
  }
  return best ? codeOfName(best[0]) : null;
}

/** Drafts the programme of one category (or of the whole notice when it has none). */
export function draftProgramme(raw: string, options: DraftOptions = {}): DraftResult {
  const text = normaliseNotice(raw);
  const sections = splitSections(text);
  const facts = noticeFacts(text);
  const { names: categories, sectionIds } = findCategories(sections);
  let category: string | null = null;
  if (categories.length) {
    if (!options.category) {
      return {
        ok: false,
        categories,
        problems: [{ zh: `通知列有${categories.length}个申报类别，请选择其一：${categories.join("、")}`, en: `the notice has ${categories.length} categories; choose one`, cli: "--category 类别" }],
      };
    }
    const want = options.category.trim();
    const exact = categories.find((c) => c === want);
    const partial = categories.filter((c) => c.includes(want) || want.includes(c));
    category = exact ?? (partial.length === 1 ? partial[0]! : null);
    if (!category) {
      return {
        ok: false,
        categories,
        problems: [{ zh: `通知中没有申报类别“${want}”${partial.length > 1 ? "（与多个类别相符）" : ""}：可选 ${categories.join("、")}`, en: `no single category “${want}” in the notice` }],
      };
    }
  } else if (options.category) {
    return { ok: false, categories, problems: [{ zh: `通知未分申报类别，不能选择“${options.category}”：不选类别即可`, en: "the notice has no categories; choose none", cli: "去掉 --category" }] };
  }
  const all = locate(sections, facts.year, categories, sectionIds);
  const inScope = all.filter((c) => c.scope === null || (category !== null && c.scope.includes(category)));
  const elsewhere = all.filter((c) => !inScope.includes(c) && c.kind !== "note");
  const province = provinceOf(text, facts, inScope, options.province);
  if (!province) {
    return { ok: false, categories, problems: [{ zh: "通知中看不出所属省份：请保留通知中的发文单位（如“山东省工业和信息化厅”）或文号后再试", en: "the notice does not say its province: keep its issuer or number in the text", cli: "--province 37（省份代码）" }] };
  }
  const ref = facts.number ?? `《${facts.title}》`;
  const clause = (c: Located | DraftSource) => `${ref} ${c.section}：${c.text}`.slice(0, 400);
  const of = (kind: Condition["kind"]) => inScope.filter((c) => c.kind === kind);
  const notes: DraftNote[] = [];
  const used = new Set<Located>();
  const use = (cs: Located[]) => {
    for (const c of cs) used.add(c);
    return cs;
  };

  const fields = new Map<string, FieldSpec>();
  const field = (spec: FieldSpec) => {
    const had = fields.get(spec.field);
    fields.set(spec.field, had ? { ...had, ...spec, required: had.required || spec.required } : spec);
  };
  for (const f of COMMON_OPTIONAL) field(f);
  const rowRules: WithSource<RowRule>[] = [];
  const setRules: WithSource<SetRule>[] = [];
  const settings: Setting[] = [];

  const consortium = use(of("consortium"));
  const legal = use(of("legal-person"));
  const prov = use(of("province"));
  const central = /中央驻([\p{Script=Han}])/u.exec(text)?.[0];
  const noClause = (what: string) => `${ref}：通知未列${what}条款（请人工核实）`;
  if (consortium.length) {
    const c = consortium[0]!;
    for (const party of [LEAD, SITE]) {
      field({ field: party.name, required: true });
      field({ field: party.uscc, required: true });
    }
    field({ field: "members", required: false });
    const legalClause = legal[0] ? clause(legal[0]) : noClause("独立法人");
    rowRules.push({ type: "identity", party: LEAD, province: "none", otherCity: true, legalPerson: true, ...(legal.length ? {} : { legalPersonSeverity: "warning" as const }), clause: clause(c), legalPersonClause: legalClause, source: src(c) });
    rowRules.push({ type: "identity", party: SITE, province: "none", otherCity: false, legalPerson: true, ...(legal.length ? {} : { legalPersonSeverity: "warning" as const }), clause: clause(c), legalPersonClause: legalClause, source: src(c) });
    rowRules.push({ type: "consortium", lead: LEAD, site: SITE, members: "members", maxMembers: Number(c.values.maxMembers), leadProvince: province[0], clause: clause(c), source: src(c) });
  } else {
    field({ field: "applicant", required: true });
    field({ field: "uscc", required: true });
    if (central) field({ field: "ownership", required: false });
    const where = prov[0] ?? legal[0];
    rowRules.push({
      type: "identity",
      party: APPLICANT,
      province: prov.length ? "required" : "warn",
      otherCity: true,
      legalPerson: true,
      ...(legal.length ? {} : { legalPersonSeverity: "warning" as const }),
      ...(central ? { centralOwnership: { field: "ownership", words: `${central}单位` in OWNERSHIP_CLASSES ? [`${central}单位`] : [central, "央企", "中央企业"] } } : {}),
      clause: prov[0] ? clause(prov[0]) : noClause("注册地"),
      legalPersonClause: legal[0] ? clause(legal[0]) : noClause("独立法人"),
      source: where ? joined([...prov, ...legal]) : { section: "—", text: "通知未列注册地、独立法人条款：按警告核对（共同检查）", confidence: 0.5 },
    });
  }
  field({ field: "projectName", required: false });
  field({ field: "registeredOn", required: false });

  // Allowed values: the list in this category's own section first, else the notice's.
  const allowed = use(of("allowed")).sort((a, b) => b.confidence - a.confidence);
  const list = allowed[0];
  let choiceField: string | null = null;
  if (list) {
    const items = list.values.items as string[];
    const { allowed: values, aliases } = allowedValues(items);
    const isStar = values.every((v) => /星级$/u.test(v));
    choiceField = isStar ? "starApplied" : list.values.unit === "类" ? "category" : "direction";
    const qualifiable = typeof list.values.subCount === "number" && list.values.subCount > values.length;
    field({ field: choiceField, required: true, allowed: values, ...(Object.keys(aliases).length || isStar ? { aliases: isStar ? starAliases(values) : aliases } : {}), ...(qualifiable ? { qualifiable: true } : {}) });
    if (qualifiable) notes.push({ section: list.section, text: list.text, reason: `通知说有${list.values.subCount}个方向，只列出${values.length}个大类：方向名称请对照附件补入（现按大类核对，可带限定词）` });
    for (const other of allowed.slice(1)) notes.push({ section: other.section, text: other.text, reason: "另一份可选值列表，未采用（请核对）" });
  }

  for (const c of use(of("min-age")).slice(-1)) {
    field({ field: "registeredOn", required: true });
    rowRules.push({ type: "min-age", field: "registeredOn", years: Number(c.values.years), clause: clause(c), source: src(c) });
  }

  const built = use(of("built"));
  if (built.length) {
    const verdict = new Map<string, "ok" | "warn" | "error">();
    const worse = (s: string, v: "ok" | "warn" | "error") => {
      const order = { ok: 0, warn: 1, error: 2 };
      const had = verdict.get(s) ?? "ok";
      verdict.set(s, order[v] > order[had] ? v : had);
    };
    for (const c of built) {
      for (const s of CONSTRUCTION_ALLOWED) {
        const completed = s === "已建成" || s === "已建成运营" || s === "运营中";
        if (c.values.accept === "completed") worse(s, completed ? "ok" : s === "基本建成" && c.values.basic === "warning" ? "warn" : "error");
        else if (c.values.accept === "basic") worse(s, completed || s === "基本建成" ? "ok" : "error");
        else worse(s, s === "未建" || s === "规划设计阶段" ? "error" : "ok");
      }
    }
    field({ field: "constructionStatus", required: true, allowed: CONSTRUCTION_ALLOWED, aliases: CONSTRUCTION_ALIASES });
    rowRules.push({
      type: "built",
      field: "constructionStatus",
      ok: CONSTRUCTION_ALLOWED.filter((s) => verdict.get(s) === "ok"),
      warn: CONSTRUCTION_ALLOWED.filter((s) => verdict.get(s) === "warn"),
      clause: clause(joined(built)),
      source: joined(built),
    });
  }

  for (const c of use(of("not-recognised")).slice(0, 1)) {
    field({ field: "alreadyRecognised", required: false });
    field(UPGRADE_FIELD);
    rowRules.push({ type: "not-recognised", field: "alreadyRecognised", upgradeField: "upgrade", clause: clause(c), source: src(c) });
  }

  for (const c of use(of("amount-min")).slice(0, 1)) {
    const total = String(c.values.field);
    const partNames = (c.values.parts as string[] | undefined) ?? [];
    const partFields: string[] = [];
    for (const p of partNames) {
      const f = Object.values(FIELDS).find((d) => d.kind === "amount" && d.id !== total && d.synonyms.some((syn) => syn.replace(/\(.*\)|（.*）/gu, "") === p.replace(/\(.*\)|（.*）/gu, "") || p.includes(syn.replace(/\(.*\)|（.*）/gu, "")) && syn.length >= 4));
      if (f && !partFields.includes(f.id)) partFields.push(f.id);
    }
    const parts = partFields.length === partNames.length || partFields.length >= 2 ? partFields : [];
    for (const p of parts) field({ field: p, required: false });
    field({ field: total, required: true, ...(parts.length ? { unlessAll: parts } : {}) });
    rowRules.push({ type: "investment-min", total, parts, min: Number(c.values.min), clause: clause(c), source: src(c) });
    if (partNames.length && parts.length !== partNames.length) notes.push({ section: c.section, text: c.text, reason: `投入构成“${partNames.join("、")}”未全部对应到字段：只按合计核对` });
    if (c.values.years) notes.push({ section: c.section, text: c.text, reason: `“近${c.values.years}年”的时间范围不能从名单核对：请核对审计报告` });
  }

  const certs = use(of("certificate"));
  const validity = certs.find((c) => typeof c.values.after === "string");
  if (validity) {
    const named = certs.find((c) => typeof c.values.name === "string");
    const name = named ? String(named.values.name) : "证书";
    field({ field: "certified", required: true });
    field({ field: "certificateValidUntil", required: false });
    rowRules.push({
      type: "certificate",
      status: "certified",
      validUntil: "certificateValidUntil",
      after: String(validity.values.after),
      name: name.length >= 2 ? name : "证书",
      nameEn: "certificate",
      ...(named?.values.pending ? { evidenceField: "remarks" } : {}),
      clause: clause(joined(named ? [named, validity] : [validity])),
      source: joined(named ? [named, validity] : [validity]),
    });
  } else for (const c of certs) notes.push({ section: c.section, text: c.text, reason: "证书条件未给出有效期日期：请人工核对" });

  for (const c of use(of("star-ladder")).slice(0, 1)) {
    const levels = c.values.levels as string[];
    const applied = fields.get("starApplied")?.allowed ?? levels;
    if (!fields.has("starApplied")) field({ field: "starApplied", required: true, allowed: applied, aliases: starAliases(applied) });
    field({ field: "starHeld", required: false, allowed: ["无", ...applied], aliases: { ...starAliases(applied), 否: "无", 未评定: "无", 未获评: "无", "/": "无", "-": "无", 暂无: "无" } });
    rowRules.push({ type: "star-ladder", applied: "starApplied", held: "starHeld", levels: applied, none: "无", clause: clause(c), source: src(c) });
  }

  const windows = use(of("cloud-window"));
  const span = windows.find((c) => typeof c.values.from === "string");
  if (span) {
    const months = windows.find((c) => typeof c.values.minMonths === "number");
    const parts = months && months !== span ? [span, months] : [span];
    field({ field: "cloudStart", required: true });
    field({ field: "cloudEnd", required: false });
    field({ field: "cloudInUse", required: false });
    rowRules.push({
      type: "cloud-window",
      start: "cloudStart",
      end: "cloudEnd",
      inUse: "cloudInUse",
      from: String(span.values.from),
      to: String(span.values.to),
      minMonths: months ? Number(months.values.minMonths) : 1,
      clause: clause(joined(parts)),
      source: joined(parts),
    });
    if (!months) notes.push({ section: span.section, text: span.text, reason: "通知未写连续使用月数：草稿按1个月核对，请核实" });
  } else for (const c of windows) notes.push({ section: c.section, text: c.text, reason: "只有使用月数、没有起止日期：请人工核对" });

  const bars = use(of("restriction"));
  const barList = use(of("restricted-list"));
  if (bars.length || barList.length) {
    const conditions = bars.map((c) => {
      const f = String(c.values.field);
      field({ field: f, required: false });
      return { field: f, barsWhen: c.values.barsWhen === true, zh: c.text.replace(/[；;。的]+$/u, ""), en: FIELDS[f]!.en, clause: clause(c) };
    });
    if (barList.length) field({ field: "restrictionsText", required: false });
    const sources = [...barList, ...bars];
    rowRules.push({ type: "restricted", conditions, ...(barList.length ? { textField: "restrictionsText", textClause: clause(barList[0]!) } : {}), source: joined(sources) } as WithSource<RowRule>);
  }

  const partyOf = (p: unknown): Party => (p === "lead" && consortium.length ? LEAD : p === "site" && consortium.length ? SITE : APPLICANT);
  for (const [i, c] of use(of("excluded-by-list")).entries()) {
    const party = partyOf(c.values.party);
    const f = listField(String(c.values.list), party.name);
    const id = `excludedList${i + 1}`;
    if (f) field({ field: f, required: false });
    settings.push({ id, kind: "units", zh: `${String(c.values.list)}名单`, en: "Excluded list", decides: "名单中的单位不得申报（按统一社会信用代码，否则按名称匹配）", default: [], provenance: `${clause(c)}；名单未随通知公布：默认为空` });
    rowRules.push({ type: "excluded-by-list", party, ...(f ? { field: f } : {}), list: String(c.values.list), listEn: "the list the notice names", listSetting: id, clause: clause(c), source: src(c) });
  }

  for (const c of use(of("prior-funding")).slice(0, 1)) {
    field({ field: "priorFunding", required: false });
    rowRules.push({ type: "prior-funding", field: "priorFunding", clause: clause(c), source: src(c) });
  }

  const quotaParts = use(of("quota"));
  const exempt = [...new Set(quotaParts.flatMap((c) => (c.values.exempt as string[] | undefined) ?? []))];
  for (const c of use(of("letter")).slice(0, 1)) {
    field({ field: "ownership", required: false });
    field({ field: "subsidiary", required: false });
    field({ field: "letter", required: false });
    rowRules.push({
      type: "letter",
      ownership: "ownership",
      letter: "letter",
      subsidiaryField: "subsidiary",
      subsidiary: ["子公司", "子企业"],
      stateOwnership: exempt.length ? exempt : ["中央驻鲁企业", "省属国企"].filter((w) => w in OWNERSHIP_CLASSES),
      otherSubsidiaries: { severity: "warning", reading: "通知未明确其他集团的子公司是否也须推荐函，请核实", readingEn: "whether other groups' subsidiaries need the letter is open" },
      clause: clause(c),
      source: src(c),
    });
  }

  for (const c of use(of("task-listed")).slice(0, 1)) {
    field({ field: "task", required: true });
    settings.push({ id: "tasks", kind: "names", zh: "任务榜单", en: "Task list", decides: "任务须在榜单内；不设榜单时不核对", default: null, provenance: `${clause(c)}；榜单未随通知正文公布：默认不设` });
    rowRules.push({ type: "task-listed", field: "task", listSetting: "tasks", clause: clause(c), source: src(c) });
  }

  for (const c of use(of("one-direction")).slice(0, 1)) {
    const f = choiceField ?? "direction";
    if (!fields.has(f)) notes.push({ section: c.section, text: c.text, reason: "通知未列出可选方向：“一个方向”须人工核对" });
    else setRules.push({ type: "one-direction", party: APPLICANT, field: f, clause: clause(c), source: src(c) });
  }
  use(of("one-per-applicant"));
  if (!consortium.length) {
    const oneDir = setRules.find((r) => r.type === "one-direction");
    const one = of("one-per-applicant")[0];
    setRules.push({
      type: "duplicates",
      party: APPLICANT,
      ...(oneDir && oneDir.type === "one-direction" ? { unlessDiffers: oneDir.field } : {}),
      clause: one ? clause(one) : `${ref}：同一申报单位在名单中重复出现（共同检查）`,
      source: one ? src(one) : { section: "—", text: "同一申报单位重复出现（共同检查，非通知条款）", confidence: 0.9 },
    });
  }
  for (const c of use(of("cap"))) {
    const party = partyOf(c.values.party);
    setRules.push({ type: "cap", code: party === LEAD ? "provider-cap" : "enterprise-cap", party, ...(consortium.length ? { members: "members" } : {}), max: Number(c.values.max), clause: clause(c), source: src(c) });
  }
  for (const c of use(of("group-cap")).slice(0, 1)) {
    field({ field: "group", required: false });
    setRules.push({ type: "group-cap", field: "group", max: Number(c.values.max), clause: clause(c), source: src(c) });
  }
  const ranks = use(of("ranks"));
  for (const c of ranks.slice(0, 1)) {
    field({ field: "rank", required: true, onlyWhereCounted: true });
    setRules.push({ type: "ranks", field: "rank", clause: clause(c), source: src(c) });
  }

  let quota: (NonNullable<ProgrammeInput["quota"]> & { source: DraftSource }) | null = null;
  if (quotaParts.length) {
    const max = quotaParts.find((c) => typeof c.values.max === "number");
    const noun = max ? /推荐([\p{Script=Han}]{1,6}?)(?:数量|名额)/u.exec(max.text)?.[1] : undefined;
    field({ field: "ownership", required: false });
    quota = {
      value: max ? Number(max.values.max) : null,
      open: !max,
      label: noun ?? "推荐名额",
      labelEn: noun ? "recommendations" : "recommendation slots",
      ownershipField: "ownership",
      exemptOwnership: exempt,
      clause: clause(joined(quotaParts)),
      source: joined(quotaParts),
    };
  }

  let priority: (NonNullable<ProgrammeInput["priority"]> & { source: DraftSource }) | null = null;
  for (const c of use(of("priority")).slice(0, 1)) {
    field({ field: "clusterOrChain", required: false });
    // Jiangsu's clusters and chains are reference data the product holds; elsewhere the user enters them.
    const js = province[0] === "32";
    settings.push(
      { id: "clusters", kind: "groups", zh: "集群名称", en: "Clusters", decides: "“所属集群/产业链”填写哪些名称时标记优先", default: js && c.values.cluster ? JIANGSU_CLUSTERS.map((g) => ({ name: g.name, aliases: [...g.aliases] })) : [], provenance: js && c.values.cluster ? CLUSTER_SOURCE : `${clause(c)}；名单未随通知公布：默认为空` },
      { id: "chains", kind: "groups", zh: "产业链名称", en: "Chains", decides: "“所属集群/产业链”填写哪些名称时标记优先", default: js && c.values.chain ? JIANGSU_531_CHAINS.map((g) => ({ name: g.name, aliases: [...g.aliases] })) : [], provenance: js && c.values.chain ? CHAIN_SOURCE : `${clause(c)}；名单未随通知公布：默认为空` },
    );
    priority = { party: APPLICANT, declaredField: "clusterOrChain", clusterSetting: "clusters", chainSetting: "chains", clause: clause(c), source: src(c) };
  }

  // Deadlines: the city's (it sends to the province) and the applicants'.
  const deadlines = use(of("deadline")).sort((a, b) => String(a.values.date).localeCompare(String(b.values.date)));
  const cityDeadlines = deadlines.filter((c) => c.values.city === true);
  const cityDeadline = (cityDeadlines[cityDeadlines.length - 1] ?? deadlines[deadlines.length - 1])?.values.date as string | undefined;
  const applicants = deadlines.filter((c) => c.values.city !== true && /申报单位|企业|申请人/u.test(c.text) && /申报|申请/u.test(c.text));
  const window = rowRules.find((r) => r.type === "cloud-window");
  const asOfFrom = applicants[applicants.length - 1];
  const asOf = (asOfFrom?.values.date as string | undefined) ?? (window && window.type === "cloud-window" ? window.to : undefined) ?? cityDeadline;
  if (!cityDeadline || !asOf) {
    return { ok: false, categories, problems: [{ zh: "通知中找不到报送截止日期：草稿需要市级截止日，请在通知文本中保留“于…前报送”一句", en: "no deadline found in the notice" }] };
  }
  const asOfSource = asOfFrom ? clause(asOfFrom) : window && window.type === "cloud-window" ? `${window.clause}（计算截止日）` : `${clause(cityDeadlines[cityDeadlines.length - 1] ?? deadlines[deadlines.length - 1]!)}（市级报送截止日）`;

  // What became no rule: every other condition and every obligation nothing recognised.
  for (const c of inScope) {
    if (used.has(c)) continue;
    notes.push({ section: c.section, text: c.text, reason: c.reason ?? (c.kind === "note" ? "未识别为可核对的条件" : `识别为“${c.kind}”但未能形成规则`) });
  }
  const otherSections = [...new Set(elsewhere.map((c) => c.section))];
  if (otherSections.length) notes.push({ section: otherSections.join("、"), text: `${elsewhere.length}条条件属于其他申报类别`, reason: "不属于本草稿的类别，未采用" });

  // County-level units addressed beside the cities recommend directly: "各设区市工信局，昆山市、泰兴市、沭阳县工信局".
  const addressee = /各设区市[^\n：:]{0,12}?[，,]((?:[\p{Script=Han}]{2,4}[市县]、?){1,12})(?:工信局|工业和信息化局|经信局)/u.exec(text);
  const countyLevelUnits = addressee ? addressee[1]!.split("、").filter((n) => n !== "") : [];
  const abbr = province[1];
  const year = facts.year ?? Number(cityDeadline.slice(0, 4));
  const index = category ? categories.indexOf(category) + 1 : 0;
  const programme: ProgrammeInput = {
    id: `${abbr}-${year}-draft${index ? `-${index}` : ""}`,
    title: category ?? facts.title.replace(/^关于(?:组织)?(?:开展|实施)?/u, "").replace(/的通知$/u, ""),
    titleEn: `Draft from the notice (${category ? `category ${index}` : "whole notice"}), unreviewed`,
    province: province[0] as ProgrammeInput["province"],
    notice: { number: facts.number, title: facts.title, issuer: facts.issuer || "（通知未写发文单位）", issued: facts.issued, seeds: ["draft"] },
    countyLevelUnits,
    cityDeadline,
    deadlines: deadlines.map((c) => ({ what: String(c.values.what), date: String(c.values.date) })),
    asOf,
    asOfSource,
    fields: [...fields.values()],
    rowRules,
    setRules,
    quota,
    priority,
    settings,
    notes: notes.map((n) => `${n.section}：${n.text}（${n.reason}）`),
  };
  const bundle: DraftBundle = {
    format: DRAFT_FORMAT,
    version: 1,
    draft: true,
    reviewed: false,
    notice: { title: facts.title, categories, category, traditional: traditionalCount(raw) > 20 },
    programme,
    notes,
  };
  const parsed = Programme.safeParse(programme);
  if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === "province")) {
    const name = Object.entries(PROVINCES).find(([, [code]]) => code === province[0])?.[0] ?? province[0];
    return { ok: false, categories, problems: [{ zh: `通知属于${name}（${province[0]}）：地区表中没有这个省份，这份草稿还不能用于校验`, en: `the notice is of province ${province[0]}, which the region table lacks` }] };
  }
  if (!parsed.success) {
    return { ok: false, categories, problems: parsed.error.issues.map((i) => ({ zh: `草稿不是有效的项目定义：${i.path.join(".")} ${i.message}`, en: `the draft is not a valid programme: ${i.path.join(".")} ${i.message}` })) };
  }
  return { ok: true, bundle, categories };
}

/** Every rule of a draft with its source, in order: what the CLI prints and the review lists. */
export function draftRules(p: ProgrammeInput): { where: string; kind: string; source: DraftSource | undefined }[] {
  const srcOf = (r: unknown) => (r as { source?: DraftSource }).source;
  return [
    ...p.rowRules.map((r, i) => ({ where: `rowRules[${i}]`, kind: r.type, source: srcOf(r) })),
    ...p.setRules.map((r, i) => ({ where: `setRules[${i}]`, kind: r.type, source: srcOf(r) })),
    ...(p.quota ? [{ where: "quota", kind: "quota", source: srcOf(p.quota) }] : []),
    ...(p.priority ? [{ where: "priority", kind: "priority", source: srcOf(p.priority) }] : []),
  ];
}

/** One line saying what a drafted rule checks, in Chinese: what the CLI prints beside its sentence. */
export function ruleSummary(rule: Record<string, unknown>, kind: string): string {
  const r = rule as Record<string, any>;
  switch (kind) {
    case "quota": return r.value === null ? `推荐名额见附件（请设置）${(r.exemptOwnership as string[]).length ? `；${(r.exemptOwnership as string[]).join("、")}不占名额` : ""}` : `每市推荐不超过${r.value}个${(r.exemptOwnership as string[]).length ? `；${(r.exemptOwnership as string[]).join("、")}不占名额` : ""}`;
    case "priority": return "集群、产业链内企业标记优先";
    default: {
      const k = kindByType(kind);
      return k ? k.summary(rule as never) : kind;
    }
  }
}

/** A draft file read back: the programme it defines, checked by the schema, and the draft's marks. */
export function parseDraftFile(text: string): { ok: true; programme: Programme; bundle: DraftBundle } | { ok: false; problems: { zh: string; en: string }[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ""));
  } catch (e) {
    return { ok: false, problems: [{ zh: `不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`, en: "not valid JSON" }] };
  }
  const b = json as Partial<DraftBundle> | null;
  if (!b || typeof b !== "object" || b.format !== DRAFT_FORMAT || typeof b.programme !== "object") {
    return { ok: false, problems: [{ zh: `不是项目草稿文件（应有 "format": "${DRAFT_FORMAT}"）`, en: "not a programme draft file" }] };
  }
  const parsed = Programme.safeParse(b.programme);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ zh: `${i.path.join(".") || "programme"}：${i.message}`, en: `${i.path.join(".") || "programme"}: ${i.message}` })) };
  return { ok: true, programme: parsed.data, bundle: b as DraftBundle };
}

/** What a report says first when its programme is a draft nobody has reviewed. */
export function unreviewedDraftNote(bundle: DraftBundle, programmeId: string): string {
  return `本项目定义（${programmeId}）是由通知文本自动生成的草稿，未经审核：规则可能有误或遗漏，结果仅供核对草稿之用${bundle.notes.length ? `；另有${bundle.notes.length}条通知内容未转为规则（见草稿说明）` : ""}。/ The programme is an unreviewed draft made from the notice's text.`;
}
