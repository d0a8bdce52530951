/**
 * Conditions in one sentence of a notice, by pattern over its small vocabulary (不少于、不低于、不超过、
 * 须、不得、原则上、之后、前、从…起至…止). Each comes with how sure the pattern is. A sentence that
 * states an obligation no pattern turns into a check gives a "note"; aims, rewards, contacts and
 * materials give nothing.
 */
import { FIELDS } from "../fields";
import { OWNERSHIP_CLASSES } from "../ownership";
import { parseChineseNumeral } from "../readers";

export type ConditionKind =
  | "min-age"
  | "amount-min"
  | "built"
  | "not-recognised"
  | "certificate"
  | "star-ladder"
  | "cloud-window"
  | "restricted-list"
  | "restriction"
  | "excluded-by-list"
  | "one-direction"
  | "one-per-applicant"
  | "quota"
  | "cap"
  | "group-cap"
  | "consortium"
  | "prior-funding"
  | "letter"
  | "task-listed"
  | "ranks"
  | "priority"
  | "deadline"
  | "allowed"
  | "province"
  | "legal-person"
  | "note";

export type ConditionValue = string | number | boolean | string[];

export interface Condition {
  kind: ConditionKind;
  values: Record<string, ConditionValue>;
  /** 0–1: how sure the pattern is that the sentence means this. */
  confidence: number;
  /** The part of the sentence the condition was read from (the whole sentence unless it holds several). */
  text: string;
  /** Category words the part names ("平台和星级上云企业类" → 平台, 星级上云企业), when it names some. */
  mentions?: string[];
  /** Why a note is not a rule. */
  reason?: string;
}

export interface RecogniseContext {
  /** Year for dates written without one (月日). */
  year: number | null;
}

const NUM = "(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)";

/** "3" / "三" / "两" → 3. */
export function numberOf(s: string): number | null {
  if (/^\d+(\.\d+)?$/u.test(s)) return Number(s);
  const n = parseChineseNumeral(s.replace(/两/gu, "二"));
  return n;
}

export interface FoundDate {
  iso: string;
  index: number;
  end: number;
  yearGiven: boolean;
}

/** Dates in a text: 2023年3月31日, 3月15日 (the context's year), 2023-06-20. */
export function datesIn(text: string, year: number | null): FoundDate[] {
  const out: FoundDate[] = [];
  const re = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日|(\d{4})-(\d{1,2})-(\d{1,2})/gu;
  for (const m of text.matchAll(re)) {
    const y = m[1] ?? m[4];
    const yy = y !== undefined ? Number(y) : year;
    if (yy === null) continue;
    const mo = Number(m[2] ?? m[5]);
    const d = Number(m[3] ?? m[6]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    out.push({ iso: `${yy}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`, index: m.index, end: m.index + m[0].length, yearGiven: y !== undefined });
  }
  return out;
}

/** Words that make a sentence an obligation or a bar on applicants. */
const NORMATIVE = /须|(?<![相对适响供反效感回照])应(?![用急])|不得|不能|不少于|不低于|不超过|不高于|只能|仅限|限报|原则上|需(?![求要])|必须|方可/u;

/** Rewards, support, contacts, materials and procedure: never a rule (a reward or an aim is no bar). */
const NOT_A_CONDITION = [
  /联系(人|方式|电话)|电话[:：]?\d|邮箱|邮寄地址|通讯地址|邮编/u,
  /奖补|奖励|补助|补贴|给予.{0,12}(支持|资金)|资金支持(?!.{0,4}的)|宣传推广|收录|案例集|培育提升/u,
  /一式[一二两三四]份|双面打印|装订|加盖.{0,6}公章|签名|PDF|Word版|电子版|纸质/u,
  /附件\d?[:：]|申报书(详见|见附件)|下载/u,
  /^为(?:贯彻|深入|进一步|加快|落实|推动)|通知如下|^(?:总体要求|工作目标|基本条件|申报条件)|^(?:聚焦|鼓励|支持|推动|围绕|贯彻)|^请各(?:地|市|级|有关)|认真(?:做好|组织)|[:：]$/u,
];

const ONE_APPLICANT = /每(个|家)(申报)?(单位|企业|主体)|同一(申报)?(单位|企业|主体)/u;

/** Category words "X类" names ("平台和星级上云企业类" → 平台, 星级上云企业). */
export function classMentions(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/([\p{Script=Han}、和及与]{2,20}?)类(?![型别项])/gu)) {
    const words = m[1]!.replace(/^(对于|其中|对|除)/u, "").split(/[、和及与]/u).filter((w) => w.length >= 2);
    out.push(...words);
  }
  return out;
}

/** Parts of a sentence that each hold one comparison ("平台类不少于1年、标杆工厂类不少于3年"). */
function partsWith(text: string, re: RegExp): string[] {
  const pieces = text.split(/(?<=[、，,；;])/u);
  const out: string[] = [];
  let cur = "";
  for (const p of pieces) {
    cur += p;
    if (re.test(p)) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur !== "" && out.length > 0) out[out.length - 1] += cur;
  return out.length > 0 ? out : [text];
}

/** Items of an enumeration "A、B和C" (brackets kept whole). */
export function listItems(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === "、" || ch === "，" || ch === ",")) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  const last = out[out.length - 1]!;
  const split = /^(.+?)(?:和|及|以及)(.+)$/u.exec(last);
  if (out.length >= 2 && split && !/\(/u.test(split[1]!)) out.splice(out.length - 1, 1, split[1]!, split[2]!);
  return out.map((s) => s.trim().replace(/^(包括|建设|涵盖)/u, "")).filter((s) => s !== "");
}

/** The amount field a subject names, from the vocabulary (投入 → investment), or null. */
export function amountField(subject: string): string | null {
  let best: { id: string; len: number } | null = null;
  for (const f of Object.values(FIELDS)) {
    if (f.kind !== "amount") continue;
    for (const syn of f.synonyms) {
      const key = syn.replace(/\(.*\)|（.*）/gu, "");
      if (key.length >= 2 && subject.includes(key) && (!best || key.length > best.len)) best = { id: f.id, len: key.length };
    }
  }
  return best?.id ?? null;
}

/** Amount in 万元 of "N万元 / N亿元 / N元". */
function wan(n: number, unit: string): number {
  if (unit.startsWith("亿")) return n * 10000;
  if (unit === "元") return n / 10000;
  return n;
}

type Recogniser = (s: string, ctx: RecogniseContext) => Condition[];

const c = (kind: ConditionKind, values: Condition["values"], confidence: number, text: string, extra: Partial<Condition> = {}): Condition => ({ kind, values, confidence, text, ...extra });

const withMentions = (text: string): Partial<Condition> => {
  const m = classMentions(text);
  return m.length ? { mentions: m } : {};
};

const recognisers: Recogniser[] = [
  // Rewards and province-wide targets: facts worth listing, never a bar on a row.
  (s) => {
    if (/(?:最高|给予).{0,12}\d+万元?.{0,16}(?:奖补|奖励|补助|补贴|资金支持)|(?:奖补|奖励|补助)(?:资金)?最高\d+万/u.test(s)) return [c("note", {}, 0.7, s, { reason: "奖补（仅供参考，不作校验）" })];
    if (/到\d{4}年(?:底|末)?.{0,12}(?:打造|培育|建设|遴选|认定)\d+(?:家|个)/u.test(s)) return [c("note", {}, 0.7, s, { reason: "全省目标，不是各地推荐名额（不作校验）" })];
    return [];
  },
  // Shares and rates (上云率不低于60%): no column of a district list carries them.
  (s) => {
    const m = /([\p{Script=Han}]{2,12}?)(?:应|须|需)?(?:不低于|不少于|不高于|达到|超过)\d+(?:\.\d+)?%/u.exec(s);
    return m ? [c("note", { subject: m[1]! }, 0.6, s, { reason: `比例条件（${m[1]}）不在字段表中：请人工核对或新增字段` })] : [];
  },
  // Registration age: 注册时间不少于N年, 成立N年以上, 注册满N年.
  (s) => {
    if (!/注册|成立|设立|登记/u.test(s)) return [];
    const out: Condition[] = [];
    const re = new RegExp(`(?:不少于|不低于|满|已满|超过|不足)${NUM}(?:个)?(?:周)?年|${NUM}(?:个)?(?:周)?年(?:\\(含\\))?以上`, "u");
    if (!re.test(s)) return [];
    for (const part of partsWith(s, re)) {
      const m = re.exec(part);
      if (!m) continue;
      const years = numberOf(m[1] ?? m[2]!);
      if (years === null || !Number.isInteger(years) || years <= 0) continue;
      // "注册资本不低于…" is money, not age.
      if (/注册资本|注册资金/u.test(part) && !/注册时间|成立时间/u.test(part)) continue;
      out.push(c("min-age", { years }, /注册时间|成立时间|注册年限|成立/u.test(s) ? 0.9 : 0.7, part, withMentions(part)));
    }
    return out;
  },
  // Amounts: …投入/投资…不低于|不少于 N 万元.
  (s) => {
    const re = new RegExp(`(不低于|不少于|达到|超过|高于)${NUM}(万元|亿元|万|亿|元)|()${NUM}(万元|亿元)(?:\\(含\\))?以上`, "u");
    const found = re.exec(s);
    // Both forms in one shape: [comparison, number, unit].
    const m = found ? ([found[0], found[1] ?? found[4], found[2] ?? found[5], found[3] ?? found[6]] as unknown as RegExpExecArray & { index: number }) : null;
    if (m && found) m.index = found.index;
    if (!m) return [];
    if (/奖补|奖励|补助|最高|给予/u.test(s.slice(0, m.index))) return [];
    const subject = s.slice(0, m.index);
    // The vocabulary's own words first; any 投资/投入 is the investment a list carries.
    const field = amountField(subject) ?? (/投资|投入/u.test(subject) ? "investment" : null);
    const n = numberOf(m[2]!);
    if (n === null) return [];
    const min = wan(n, m[3]!);
    if (!field) {
      const what = /([\p{Script=Han}]{2,10})(?:应|须|需|均)?$/u.exec(subject.replace(/[，,]$/u, ""))?.[1] ?? subject;
      return [c("note", { min, subject: what }, 0.5, s, { reason: `条件对象“${what}”不在字段表中（投入、投资额等），需人工核对或新增字段` })];
    }
    // Items a total covers: "A、B、C等投入总计" (the items are examples when followed by 等); the total names the field.
    const items = /([^，,；;。]*?)(等?)((?:投入|费用|投资)(?:总计|合计|总额|共计))/u.exec(subject);
    const parts = items ? listItems(items[1]!.replace(/^.*?(?:以内|以来|期间|内)的?/u, "")).filter((x) => x.length >= 2) : [];
    const total = items ? (amountField(items[3]!) ?? field) : field;
    const values: Condition["values"] = { min, field: total };
    if (parts.length > 1) values.parts = parts;
    const window = new RegExp(`近${NUM}年`, "u").exec(subject);
    if (window) values.years = numberOf(window[1]!) ?? 0;
    return [c("amount-min", values, 0.85, s)];
  },
  // Construction status.
  (s) => {
    if (/未建(?:成)?或在建.{0,6}不得申报|在建或未建.{0,6}不得申报/u.test(s)) return [c("built", { accept: "completed", basic: "warning" }, 0.9, s)];
    if (/在建.{0,6}(?:不得|不予|不能)(?:申报|受理|推荐)/u.test(s)) return [c("built", { accept: "completed", basic: "warning" }, 0.8, s)];
    if ((/(?:须|应|必须)(?:为|是)?已(?:经)?建成(?!.{0,3}基本)/u.test(s) || /已建成(?:并投入|并正式)?(?:运营|运行|使用)?的?项目/u.test(s)) && /须|应|必须|要求/u.test(s))
      return [c("built", { accept: "completed", basic: "error" }, 0.85, s)];
    if (/已?基本建成(?:并|且)?(?:运营|投入运行|投入使用)?/u.test(s) && /已|须|应/u.test(s)) return [c("built", { accept: "basic" }, 0.8, s)];
    if (/尚未(?:开始)?建设|仍处于规划|规划设计阶段/u.test(s)) return [c("built", { accept: "started" }, 0.75, s)];
    return [];
  },
  // Already recognised (and upgrades).
  (s) => {
    const m = /已(?:被)?(?:认定为|评定为|获评为?|命名为|获得)([^，,的]{2,24}?)(?:称号)?的?(?:企业|单位|项目|平台)?[，,]?(?:原则上)?(?:不再|不得|不能|不可|不须|无须)(?:重复|再次)?申报/u.exec(s);
    if (!m) return [];
    // A star rating ladder says this too ("已获评星级的不须重复申报同一及以下星级").
    if (/星级/u.test(m[1]!) || /财政/u.test(m[1]!)) return [];
    return [c("not-recognised", { what: m[1]!, upgrade: /升级申报/u.test(s) }, 0.85, s)];
  },
  // A certificate valid past a date.
  (s, ctx) => {
    const m = /(?:证书)?有效期(?:须|应|需)?(?:在|至|截至)?(.{0,14}?)(之后|以后|后)/u.exec(s);
    if (!m || !/证书|认证|贯标/u.test(s)) return [];
    const d = datesIn(s, ctx.year)[0];
    if (!d) return [];
    return [c("certificate", { after: d.iso }, 0.85, s)];
  },
  // A certification the applicant must hold (its validity is another sentence).
  (s) => {
    const m = /(?:须|应|必须|需)(?:已)?通过([^，,。；;]{2,30}?)(贯标|认证|评估)/u.exec(s);
    return m ? [c("certificate", { name: m[1]! + m[2]!, pending: /尚未下发|佐证材料/u.test(s) }, 0.8, s)] : [];
  },
  // Star ladder: 申报X的须已评定为Y.
  (s) => {
    const pairs = [...s.matchAll(/申报([一二三四五六七八九\d]星级?)(?:[\p{Script=Han}]{0,4}?企业)?的?(?:企业)?(?:须|应|需|必须)(?:已)?(?:评定|获评|认定|评为|获得)为?([一二三四五六七八九\d]星级?)/gu)];
    if (pairs.length === 0) return [];
    const levels: string[] = [];
    for (const p of pairs) {
      const lower = p[2]!.endsWith("级") ? p[2]! : p[2]! + "级";
      const upper = p[1]!.endsWith("级") ? p[1]! : p[1]! + "级";
      if (!levels.includes(lower)) levels.push(lower);
      if (!levels.includes(upper)) levels.push(upper);
    }
    return [c("star-ladder", { levels }, 0.85, s)];
  },
  // A window: 从A起至B止 on cloud use; months of continuous use.
  (s, ctx) => {
    const m = /从(.{4,14}?)起至(.{4,14}?)止|(.{4,14}?)至(.{4,14}?)期间/u.exec(s);
    if (!m) return [];
    const ds = datesIn(s, ctx.year);
    if (ds.length < 2) return [];
    if (!/上云|云服务|云平台|使用/u.test(s)) return [c("note", { from: ds[0]!.iso, to: ds[1]!.iso }, 0.5, s, { reason: "时间区间所指对象不在字段表中，需人工核对" })];
    const values: Condition["values"] = { from: ds[0]!.iso, to: ds[1]!.iso };
    const months = new RegExp(`(?:不得少于|不少于|不低于|满)${NUM}个月`, "u").exec(s);
    if (months) values.minMonths = numberOf(months[1]!) ?? 1;
    if (/仍在使用|持续使用/u.test(s)) values.inUse = true;
    return [c("cloud-window", values, 0.8, s)];
  },
  // Months of use stated apart from the window.
  (s) => {
    const m = new RegExp(`(?:云服务|上云).{0,10}(?:连续)?使用.{0,6}(?:不得少于|不少于|不低于|满)${NUM}个月`, "u").exec(s);
    if (!m || /从.{4,14}起至/u.test(s)) return [];
    return [c("cloud-window", { minMonths: numberOf(m[1]!) ?? 1, inUse: /仍在使用/u.test(s) }, 0.7, s)];
  },
  // A list of bars follows: 有下列情形之一的，不得申报.
  (s) => (/(?:有|存在|具有)(?:下列|以下|如下)(?:情形|情况)之一.{0,4}(?:不得|不予|不能)(?:申报|推荐|受理)/u.test(s) ? [c("restricted-list", {}, 0.9, s)] : []),
  // One bar on its own: "…的，不得申报".
  (s) => {
    // An item of a list of bars ("…的；") or a bar on its own ("…的，不得申报").
    if (/下列|以下|如下/u.test(s)) return [];
    const field = restrictionField(s);
    if (!field || !/的[。；;]?$|不得|不予|不能/u.test(s)) return [];
    // "不符合…产业政策" bars a row whose 是否符合 column says 否.
    const barsWhen = !(/^(?:不符合|未符合)/u.test(s) && FIELDS[field]!.zh.startsWith("是否符合"));
    return [c("restriction", { field, barsWhen }, 0.75, s)];
  },
  // A list the applicant must not be on (前期N个…, 已入围第一批…).
  (s) => {
    const m = /((?:前期|此前|以往|已入围|已列入|已纳入)[^，,。；]{2,30}?)(?:的(?:企业|单位|项目|平台))?[，,]?(?:原则上)?(?:不得|不能|不再|不可)(?:重复|再次)?申报/u.exec(s);
    if (!m) return [];
    if (/仍可申报/u.test(m[1]!)) return [];
    const list = m[1]!.replace(/^已入围|^已列入|^已纳入/u, "").replace(/的$/u, "");
    const party = /制造业企业|场景落地|应用企业/u.test(s.slice(0, m.index + m[0].length)) && !/服务商/u.test(m[1]!) ? "site" : /服务商|牵头/u.test(m[1]!) ? "lead" : "applicant";
    return [c("excluded-by-list", { list, party }, 0.8, s)];
  },
  // One direction per applicant.
  (s) => {
    if (!ONE_APPLICANT.test(s)) return [];
    if (/(?:只能|仅能|限|仅限|最多)(?:申报|选择|报)?(?:一|1)个?(?:方向|类别|类型|领域)/u.test(s)) return [c("one-direction", {}, 0.85, s)];
    if (/(?:只能|仅能|限|仅限)(?:申报|报)?(?:一|1)(?:个|项)(?:项目)?/u.test(s)) return [c("one-per-applicant", {}, 0.8, s)];
    return [];
  },
  // City quotas and their exemptions; per-party caps; group caps; consortium size.
  (s) => {
    const out: Condition[] = [];
    const max = new RegExp(`(?:原则上)?(?:不超过|不多于|不得超过|最多|限报|限)(?:推荐|申报|报)?${NUM}(个|家|项|户|名)`, "u");
    for (const part of partsWith(s, max)) {
      const m = max.exec(part);
      if (!m) continue;
      const n = numberOf(m[1]!);
      if (n === null || !Number.isInteger(n)) continue;
      const before = part.slice(0, m.index);
      if (/联合体成员|联合体单位/u.test(before)) out.push(c("consortium", { maxMembers: n }, 0.85, part));
      else if (/同一集团|同一企业集团|集团内/u.test(before)) out.push(c("group-cap", { max: n }, 0.85, part));
      else if (/(?:各|每个?)(?:设区)?(?:市|地|县|区|城市)|各地|推荐(?:数量|名额)/u.test(before)) out.push(c("quota", { max: n }, 0.85, part));
      // "各市推荐园区不超过2个、标杆企业不超过5家": a part with no subject of its own continues the quota before it.
      else if (out[out.length - 1]?.kind === "quota" && /^[、，,]?[\p{Script=Han}]{0,10}$/u.test(before)) out.push(c("quota", { max: n }, 0.75, part));
      else if (/每(?:个|家|一)?([\p{Script=Han}]{2,10}?)(?:参与|申报|牵头|承担|揭榜)/u.test(before)) {
        const who = /每(?:个|家|一)?([\p{Script=Han}]{2,10}?)(?:参与|申报|牵头|承担|揭榜)/u.exec(before)![1]!;
        out.push(c("cap", { max: n, party: partyOf(who), who }, 0.8, part));
      }
    }
    return out;
  },
  // Quota left to an annex: 按推荐数量名额要求排序推荐（见附件4）.
  (s) => {
    const out: Condition[] = [];
    if (/(?:推荐)?(?:数量)?名额.{0,8}(?:见|详见)附件|按(?:推荐)?(?:数量)?名额/u.test(s)) out.push(c("quota", { open: true }, 0.75, s));
    if (/排序推荐|按.{0,8}排序|推荐排序|排序后|(?:进行|予以|须|应)排序/u.test(s)) out.push(c("ranks", {}, 0.8, s));
    return out;
  },
  // Who does not count toward the quota.
  (s) => {
    const m = /([^，,。；(]{2,30}?)(?:按照?属地原则.{0,12})?(?:不受(?:推荐)?(?:数量|名额)限制|不占(?:用)?.{0,6}?(?:推荐)?(?:名额|数量|指标))/u.exec(s);
    if (!m) return [];
    const words = exemptWords(m[1]!);
    if (words.length === 0) return [];
    return [c("quota", { exempt: words }, 0.8, s)];
  },
  // Prior provincial funding.
  (s) => (/不得重复(?:享受|获得|申请).{0,6}财政|未(?:曾)?获得?过?(?:省级|省)?财政(?:资金)?(?:支持|补助|奖补)|已获得?(?:过)?省级财政(?:资金)?(?:支持|补助)的?.{0,6}不得/u.test(s) ? [c("prior-funding", {}, 0.85, s)] : []),
  // A subsidiary's letter.
  (s) => (/子公司.{0,8}(?:需|须|应)(?:有|提供|出具)?.{0,10}推荐函/u.test(s) ? [c("letter", {}, 0.8, s)] : []),
  // A task from a list (榜单).
  (s) => (/榜单.{0,12}(?:中|内)选择|从.{0,10}榜单中|按照?榜单.{0,6}选择/u.test(s) ? [c("task-listed", {}, 0.8, s)] : []),
  // Priority: enterprises of a cluster or chain.
  (s) => {
    if (!/优先/u.test(s)) return [];
    if (/入选的|获批的|认定后|验收/u.test(s)) return [];
    if (/集群|产业链|链主|名单|库内/u.test(s)) return [c("priority", { cluster: /集群/u.test(s), chain: /产业链|链/u.test(s) }, 0.75, s)];
    if (/同等条件下|优先(?:推荐|认定|支持)?[。]?$/u.test(s)) return [c("note", {}, 0.5, s, { reason: "优先条款所指的企业不在字段表中（集群、产业链之外）：请人工标记" })];
    return [];
  },
  // Registration in the province; an independent legal person.
  (s) => {
    const out: Condition[] = [];
    const m = /在([\p{Script=Han}]{2,4}?)(?:省|自治区|市)?(?:内|境内|行政区域内)(?:依法)?(?:登记)?注册/u.exec(s);
    if (m) out.push(c("province", { province: m[1]! }, 0.85, s));
    if (/独立(?:的)?法人|分公司.{0,8}(?:不得|不能|不可)|不得以分公司/u.test(s)) out.push(c("legal-person", {}, 0.85, s));
    return out;
  },
  // Deadlines.
  (s, ctx) => {
    const out: Condition[] = [];
    const re = /(?:于|在)?((?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:\((?:星期|周)[一二三四五六日天]\))?(?:\d{1,2}[:：]\d{2}|\d{1,2}时)?(?:前|之前|以前)|截止(?:时间|日期)?[:：]?(?:为|是)?((?:\d{4}年)?\d{1,2}月\d{1,2}日)/u;
    // Dates of registration, validity and as-of (截至) are not deadlines.
    if (!re.test(s) || /有效期|截至|(?:成立|注册|设立)(?:时间|日期)?(?:在|于|为)?\d|\d日(?:之前|以前|前)(?:注册|成立|设立)/u.test(s)) return [];
    for (const part of partsWith(s, re)) {
      const m = re.exec(part);
      if (!m) continue;
      const d = datesIn(m[0], ctx.year)[0];
      if (!d) continue;
      // The city's own deadline: it sends or recommends to the province; an applicant's ("请各申报单位于…") is not.
      const city = /报送|上报|报省|推荐|提交至省|报至/u.test(part) && !/(?:申报单位|企业|申请人)(?:于|在)?$/u.test(part.slice(0, m.index));
      const pieces = part.split(/[，,；;]/u);
      const at = pieces.findIndex((p) => p.includes(m[0]));
      const what = pieces.slice(Math.max(0, at), at + 2).join("，").replace(/[。]$/u, "");
      out.push(c("deadline", { date: d.iso, what, city }, 0.8, part, withMentions(part)));
    }
    return out;
  },
  // Allowed values: 包括A、B、C（N个方向）; 在A、B、C中任选一类; 围绕A、B、C三类项目.
  (s) => {
    const forms = [
      new RegExp(`包括(.+?)(?:等)?(?:${NUM}(?:大类|类|大|个|种|项))?(?:${NUM}(?:个)?)?(?:方向|类别|类型|领域|业态模式创新方向|企业)?(?:等)?[。；]?$`, "u"),
      /在(.+?)中任选一(?:类|个|项)/u,
      new RegExp(`围绕(.+?)(?:等)?${NUM}(?:类|个)(?:项目|方向)`, "u"),
      // Types named by their kind: "综合型(跨行业跨领域)、特色型(面向重点行业、面向重点区域)".
      /((?:[\p{Script=Han}]{1,6}型(?:\([^)]*\))?[、和及]?){2,})/u,
      new RegExp(`分为(.+?)${NUM}(?:个)?(?:类别|类型|类|方向)`, "u"),
    ];
    for (let i = 0; i < forms.length; i++) {
      const m = forms[i]!.exec(s);
      if (!m) continue;
      let body = m[1]!;
      let declared: number | null = i === 2 || i === 4 ? numberOf(m[2]!) : null;
      let second: number | null = null;
      // "…3大类5个方向" and "…7大业态模式创新方向" after the items are counts, not items.
      if (i === 0) {
        const count = new RegExp(`^${NUM}(大类|类|大|个|种|项)?(?:.*?${NUM}个)?`, "u").exec(s.slice(m.index + m[0].indexOf(body) + body.length));
        if (count) {
          declared = numberOf(count[1]!);
          if (count[3]) second = numberOf(count[3]);
        }
      }
      const items = listItems(body.replace(/^(?:重点)?(?:建设和培育|建设|培育)/u, "").replace(/(?<=星级)上云企业$/u, ""));
      if (items.length < 2) continue;
      const values: Condition["values"] = { items };
      if (declared !== null) values.count = declared;
      // What the notice calls them: 类 (project types) or 方向 (directions).
      values.unit = i === 2 ? (/类/u.test(m[0].slice(-4)) ? "类" : "方向") : /方向/u.test(m[0]) ? "方向" : /类(?:别|型)?/u.test(m[0].slice(-6)) ? "类" : "方向";
      if (second !== null) values.subCount = second;
      const agrees = declared === null || declared === items.length;
      return [c("allowed", values, i === 3 ? 0.6 : !agrees ? 0.6 : i === 2 && values.unit === "方向" ? 0.75 : 0.8, s)];
    }
    return [];
  },
];

/** Which party a cap's subject is: 服务商 leads, 制造业企业 is the site, else the applicant. */
export function partyOf(who: string): "lead" | "site" | "applicant" {
  if (/服务商|牵头|供应商|平台企业/u.test(who)) return "lead";
  if (/制造业企业|落地|应用企业|用户企业/u.test(who)) return "site";
  return "applicant";
}

/**
 * Ownership classes a notice exempts, in its own words, the unit kind of the last item shared by the
 * others ("中央驻鲁和省属单位" → 中央驻鲁单位, 省属单位; "中央驻鲁企业、省属国企" as written). A class the
 * ownership reader knows (ownership.ts) stands as it is; any other word is matched as a whole word,
 * with the usual other spellings of a central unit (央企, 中央企业) added.
 */
export function exemptWords(phrase: string): string[] {
  const out: string[] = [];
  const add = (w: string) => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  const items = phrase
    .replace(/^.*?(?:对于|其中|对)/u, "")
    .split(/[、和及与]/u)
    .map((x) => x.trim())
    .filter((x) => /中央|央企|省属|省管|国资|驻/u.test(x));
  const kind = /(单位|企业|国企|国有企业)$/u.exec(items[items.length - 1] ?? "")?.[1] ?? "";
  for (const raw of items) {
    const w = /(单位|企业|国企|国有企业)$/u.test(raw) ? raw : raw + kind;
    if (w in OWNERSHIP_CLASSES) {
      add(w);
      continue;
    }
    if (/中央|央企/u.test(w)) {
      add(/中央驻[\p{Script=Han}]/u.exec(w)?.[0] ?? w.replace(/(企业|国企|单位)$/u, ""));
      add("央企");
      add("中央企业");
    } else add(/单位$/u.test(w) ? w.replace(/单位$/u, "") : w);
  }
  return out;
}

/** The restriction field of the vocabulary a bar names (by its keywords, then its name), or null. */
export function restrictionField(text: string): string | null {
  const t = text.replace(/\s/gu, "");
  for (const id of ["restrictAccident", "restrictBlacklist", "restrictCredit", "policyCompliant"]) {
    const f = FIELDS[id]!;
    if (f.keywords?.some((group) => group.every((w) => t.includes(w)))) return id;
  }
  return null;
}

function isNone(s: string): boolean {
  return NOT_A_CONDITION.some((re) => re.test(s));
}

/** Everything one sentence states; a normative sentence nothing recognises is a note. */
export function recogniseSentence(sentence: string, ctx: RecogniseContext): Condition[] {
  const s = sentence.trim();
  const out: Condition[] = [];
  for (const r of recognisers) out.push(...r(s, ctx));
  // Rewards, contacts and materials are no condition: no note for them.
  if (out.length === 0 && !isNone(s) && NORMATIVE.test(s)) out.push(c("note", {}, 0.4, s, { reason: "未识别为可核对的条件" }));
  return out;
}
