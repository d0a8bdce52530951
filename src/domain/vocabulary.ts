/**
 * The words Chinese government forms build their column headers from, by concept (docs/vocabulary.md).
 *
 * A header is a short noun phrase: modifiers first, the head word last ("近三年" + "累计" + "投资" + "总额").
 * Districts swap any word for an everyday synonym (联络 for 联系, 承担单位 for 申报单位, 支出 for 投入), so
 * the matcher compares headers after each word has been replaced by its concept's canonical word — both
 * the header and every wording of a field — and an unseen combination of known words reads as the
 * combination of their concepts.
 *
 * Some modifiers change what a header names and are kept as evidence, never smoothed over by character
 * similarity: tense and status (拟/申报 = applied for, 已/历年/现 = held), negation (未/不/无) and the party
 * a header is about (牵头, 落地, 集团, 腾讯 …).
 */

export interface Concept {
  /** What the words mean, for the docs. */
  zh: string;
  /** The word every synonym is read as. */
  canonical: string;
  /** Everyday synonyms and abbreviations, rewritten to `canonical`. */
  words: readonly string[];
  /** Where the usage comes from (which notice's forms, or district lists). */
  source: string;
}

const NOTICES = "苏工信融合〔2023〕27号、鲁工信2023年省级工业互联网平台入库申报通知、2024年度“工赋百景”揭榜挂帅（第二批）通知的附表";
/** Wordings seen in district lists (issue 21) and in test/data/headers/corpus.tsv. */
const DISTRICTS = "区县报送名单的表头";

/**
 * Word concepts. Longer words are rewritten first, so a compound ("运营主体") is read before its parts
 * ("运营"). Compounds that must not be split are listed with themselves as canonical.
 */
export const CONCEPTS: readonly Concept[] = [
  // ---- unit roles
  {
    zh: "申报单位（本表所报的单位）",
    canonical: "申报单位",
    words: ["承担单位", "承担企业", "承担主体", "运营主体", "运营单位", "运营企业", "建设单位", "建设主体", "实施单位", "实施主体", "申请单位", "申请主体", "申报主体", "申请企业", "申报方", "上云企业"],
    source: `${NOTICES}（申报单位、承担单位）；${DISTRICTS}（运营主体、建设单位）`,
  },
  { zh: "牵头单位（联合体牵头方，服务商）", canonical: "牵头单位", words: ["联合体牵头单位", "牵头企业", "牵头主体", "牵头方"], source: "“工赋百景”第二批通知附表（牵头单位）；区县名单（牵头企业、牵头方）" },
  { zh: "落地单位（场景落地的制造业企业）", canonical: "落地单位", words: ["落地制造业企业", "落地企业", "落地主体", "落地方"], source: "“工赋百景”第二批通知附表（场景落地单位）；区县名单（落地企业）" },
  { zh: "联合体成员", canonical: "成员单位", words: ["参与单位", "参与企业", "联合单位", "成员企业"], source: "“工赋百景”第二批通知附表（其他联合体成员）；区县名单（参与单位）" },
  { zh: "所属（隶属、归属）", canonical: "所属", words: ["隶属", "归属", "所处", "所辖", "属地"], source: DISTRICTS },
  { zh: "主体（单位）", canonical: "单位", words: ["主体"], source: DISTRICTS },
  { zh: "企业（公司）", canonical: "企业", words: ["公司"], source: `${DISTRICTS}（公司名称、公司性质）` },
  { zh: "（不拆分）", canonical: "母公司", words: [], source: "母公司是另一方，不读作“母企业”" },
  // The county that recommends or reports the list is the county the applicant is in.
  {
    zh: "所在县（推荐、报送的县区）",
    canonical: "所在县",
    words: ["推荐县市区", "报送县市区", "申报县市区", "推荐区县", "报送区县", "申报区县", "推荐县区", "报送县区", "申报县区", "推荐县", "报送县", "申报县", "推荐地区", "报送地区", "申报地区"],
    source: `${DISTRICTS}（推荐县（市、区）、报送区县）`,
  },
  // ---- identifiers
  {
    zh: "统一社会信用代码",
    canonical: "统一社会信用代码",
    words: ["统一社会信用代码证号", "社会统一信用代码", "统一社会信用代码号", "社会信用代码", "统一信用代码", "社会统一代码", "信用代码号", "信用代码", "社会代码", "统一代码"],
    // 纳税人识别号 / 税号 are not read as the code: a branch's or an older registration's number differs (corpus.tsv keeps it a distractor).
    source: "GB 32100-2015（统一社会信用代码）；区县名单（社会代码、统一代码）",
  },
  { zh: "序号", canonical: "序号", words: ["序列号", "流水号", "序次", "行次", "行号"], source: DISTRICTS },
  // ---- contact
  { zh: "联系人", canonical: "联系人", words: ["联络人", "对接人", "联系人员"], source: DISTRICTS },
  { zh: "联系（联络）", canonical: "联系", words: ["联络"], source: DISTRICTS },
  { zh: "电话（手机、座机）", canonical: "电话", words: ["电话号码", "手机号码", "手机号", "手机", "移动电话", "办公电话", "座机", "固定电话"], source: DISTRICTS },
  // ---- money
  { zh: "投入（投资、支出）", canonical: "投入", words: ["投资", "支出", "投入资金", "建设费用", "建设经费", "云服务费用", "上云费用"], source: `${NOTICES}（投入、投资额）；${DISTRICTS}（支出、费用）` },
  { zh: "费（费用）", canonical: "费", words: ["费用"], source: "苏工信融合〔2023〕27号标杆工厂附表（平台和系统开发费 …）" },
  // An item's cost is that item's 费 whichever money word follows it (平台系统开发投入 = 平台和系统开发费).
  { zh: "开发费", canonical: "开发费", words: ["开发投入", "开发支出", "开发投资", "开发经费"], source: "苏工信融合〔2023〕27号标杆工厂附表（平台和系统开发费）" },
  { zh: "购置费", canonical: "购置费", words: ["购置投入", "购置支出", "购置投资", "购置经费", "采购费", "采购支出", "采购投入"], source: "苏工信融合〔2023〕27号标杆工厂附表（智能设备（终端）购置费）" },
  { zh: "咨询费", canonical: "咨询费", words: ["咨询投入", "咨询支出", "咨询经费"], source: "苏工信融合〔2023〕27号标杆工厂附表（测试验证和项目咨询费）" },
  { zh: "验证费", canonical: "验证费", words: ["验证投入", "验证支出", "验证经费"], source: "苏工信融合〔2023〕27号标杆工厂附表（测试验证和项目咨询费）" },
  { zh: "合计（总额、总计）", canonical: "合计", words: ["总额", "总计", "小计", "总和"], source: DISTRICTS },
  { zh: "采购（购置）", canonical: "购置", words: ["采购", "购买"], source: DISTRICTS },
  { zh: "及（和、与）", canonical: "和", words: ["及"], source: DISTRICTS },
  // ---- time
  { zh: "时间（日期、年月）", canonical: "时间", words: ["日期", "年月", "时点"], source: DISTRICTS },
  { zh: "开始时间（起始日）", canonical: "开始时间", words: ["起始日", "开始日", "期限起", "时间起", "日期起"], source: DISTRICTS },
  { zh: "开始（起始）", canonical: "开始", words: ["起始", "开通", "启用", "起用"], source: DISTRICTS },
  { zh: "截止时间（终止日、到期日）", canonical: "截止时间", words: ["终止日", "截止日", "截至日", "到期日", "失效日", "结束日", "期限止", "时间止", "日期止"], source: DISTRICTS },
  { zh: "截止（终止、到期）", canonical: "截止", words: ["终止", "截至", "结束", "到期", "失效"], source: DISTRICTS },
  { zh: "成立（注册、设立、登记）", canonical: "成立时间", words: ["成立日", "注册日", "工商注册时间", "工商登记时间", "注册登记时间", "登记时间", "创立时间", "设立时间"], source: DISTRICTS },
  { zh: "签订（签署）", canonical: "签订", words: ["签署", "签订日"], source: DISTRICTS },
  // ---- status
  {
    zh: "建设情况（建成、投运、运营）",
    canonical: "建设情况",
    words: ["建成投运情况", "建设投运情况", "建设运营情况", "建设运营状态", "建设及运行情况", "建设和运行情况", "投运情况", "投运状态", "运行情况", "运营状态", "运营情况", "建设阶段"],
    source: `${NOTICES}（建设情况：已建成、在建…）；${DISTRICTS}（建成投运、运营状态）`,
  },
  { zh: "建成（建成投运）", canonical: "建成", words: ["建成投运"], source: DISTRICTS },
  { zh: "在用（使用中）", canonical: "在用", words: ["使用中", "在使用", "持续在用", "持续使用", "仍在用"], source: "苏工信融合〔2023〕27号星级上云附表（是否仍在使用）" },
  { zh: "使用（所用）", canonical: "使用", words: ["所使用的", "使用的", "所用", "采用的"], source: "苏工信融合〔2023〕27号星级上云附表（使用的云服务）" },
  { zh: "备注（附注）", canonical: "备注", words: ["附注", "备考"], source: DISTRICTS },
  // ---- stages and verbs
  { zh: "升级申报", canonical: "升级申报", words: ["申请升级认定", "申报升级认定", "升级认定", "申请升级", "申报升级", "升级申请"], source: "苏工信融合〔2023〕27号 三(二)2（显著提升的可升级申报）" },
  { zh: "认定（评定、获评）", canonical: "认定", words: ["被评为", "评定为", "认定为", "获认定", "被认定", "获评定", "获评", "评定", "评为"], source: `${NOTICES}（认定、评定）` },
  // Applying to be rated: the level applied for, never the level held.
  { zh: "申报认定（申评、参评、争创）", canonical: "申报认定", words: ["申评", "参评", "争创"], source: `${DISTRICTS}（申评星级、参评等级）` },
  { zh: "认定星级（评星级）", canonical: "认定星级", words: ["评星级"], source: "苏工信融合〔2023〕27号星级上云附表（已评定星级）；区县名单（拟评星级）" },
  { zh: "入围（入选）", canonical: "入围", words: ["入选"], source: "“工赋百景”第二批通知附表（是否入围第一批）；区县名单（入选）" },
  { zh: "第一批（首批）", canonical: "第一批", words: ["首批"], source: DISTRICTS },
  { zh: "申报（申请）", canonical: "申报", words: ["申请"], source: NOTICES },
  { zh: "级别（等级）", canonical: "级别", words: ["等级"], source: DISTRICTS },
  { zh: "类型（类别、分类）", canonical: "类型", words: ["类别", "分类"], source: DISTRICTS },
  { zh: "性质（属性）", canonical: "性质", words: ["属性"], source: "鲁工信2023年省级工业互联网平台入库申报通知附表（单位性质）；区县名单（企业属性）" },
  { zh: "获得（享受）", canonical: "获得", words: ["享受过", "享受", "得到"], source: DISTRICTS },
  { zh: "支持（扶持）", canonical: "支持", words: ["扶持", "资助"], source: DISTRICTS },
  // ---- quantities and ranks
  { zh: "排序（名次、位次）", canonical: "排序", words: ["排名顺序", "先后顺序", "名次", "位次", "位序"], source: DISTRICTS },
  { zh: "项数（数量）", canonical: "项数", words: ["满足项数", "满足数量", "满足数", "数量", "个数"], source: "苏工信融合〔2023〕27号标杆工厂附表（基础技术能力满足项数）" },
  // ---- neutral compounds kept whole (so their parts are not read as the words above)
  { zh: "（不拆分）", canonical: "出现", words: [], source: "“现”在此不表时态" },
  { zh: "（不拆分）", canonical: "实现", words: [], source: "“现”在此不表时态" },
  { zh: "（不拆分）", canonical: "现场", words: [], source: "“现”在此不表时态" },
  { zh: "（不拆分）", canonical: "有无", words: [], source: "“无”在此不表否定" },
];

/**
 * Broader head words: a header ending in one ("往年认定等级", "企业代码", "单位类型") names some field
 * whose head is one of the narrower words, without saying which. That is moderate evidence for each
 * such field, too little to map on its own: the column is mapped only when its cells single one out
 * (matching.ts: star levels, valid credit codes, ownership words, the programme's allowed values).
 */
export const BROADER_HEADS: readonly { word: string; narrower: readonly string[]; source: string }[] = [
  { word: "级别", narrower: ["星级", "级别"], source: "区县名单（认定等级、评定级别）；苏工信融合〔2023〕27号星级上云附表（申报星级）" },
  { word: "代码", narrower: ["统一社会信用代码"], source: "区县名单（企业代码、机构代码：填的是统一社会信用代码）" },
  { word: "类型", narrower: ["类型", "性质", "方向"], source: "区县名单（单位类型、所属类型）；鲁工信2023年省级工业互联网平台入库申报通知附表（单位性质）" },
];

/** The broader head word a canonical header ends with, if any. */
export function broaderHead(canon: string): { word: string; narrower: readonly string[] } | null {
  return BROADER_HEADS.find((b) => canon.endsWith(b.word) && canon.length > 0) ?? null;
}

/** Modifiers of tense and status: what was applied for against what is held. */
export const PROSPECTIVE = ["拟", "申报", "本次", "计划", "预计", "预期"] as const;
export const HELD = ["已", "历年", "往年", "现有", "现", "曾", "原", "此前", "以往", "前期", "目前", "当前", "仍", "过往", "既往", "往期", "以前", "之前", "上次", "上一次", "上轮", "上一轮"] as const;
/** Negation: a header asking 未建成原因 is not the 是否建成 column. */
export const NEGATION = ["未", "不", "无", "非"] as const;
/** Scope: which period or part is counted; the same field at any scope in these programmes. */
export const SCOPE = ["近三年", "近3年", "累计", "本次", "当年", "本年度", "年度"] as const;

/** Parties a header can be about: a code under 集团 is not the applicant's code. */
export const PARTIES: readonly { id: string; words: readonly string[] }[] = [
  { id: "lead", words: ["牵头单位", "服务商"] },
  { id: "site", words: ["落地单位", "制造业企业"] },
  { id: "member", words: ["成员单位", "联合体成员", "其他成员"] },
  { id: "group", words: ["集团", "母公司"] },
  { id: "partner", words: ["腾讯"] },
];

interface Rewrite {
  from: string;
  to: string;
}

const REWRITES: readonly Rewrite[] = CONCEPTS.flatMap((c) => [{ from: c.canonical, to: c.canonical }, ...c.words.map((w) => ({ from: w, to: c.canonical }))]).sort(
  (a, b) => b.from.length - a.from.length,
);
const FIRST_CHAR = new Map<string, Rewrite[]>();
for (const r of REWRITES) {
  const ch = r.from[0]!;
  const list = FIRST_CHAR.get(ch);
  if (list) list.push(r);
  else FIRST_CHAR.set(ch, [r]);
}

/** The header key with every known word replaced by its concept's canonical word (longest word first, left to right), until nothing changes. */
export function canonicalWords(key: string): string {
  let out = key;
  // A rewrite can make a compound ("结束日期" → "结束时间" → "截止时间"): a few passes reach it.
  for (let pass = 0; pass < 3; pass++) {
    const next = rewriteOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

function rewriteOnce(key: string): string {
  let out = "";
  for (let i = 0; i < key.length; ) {
    const options = FIRST_CHAR.get(key[i]!);
    const hit = options?.find((r) => key.startsWith(r.from, i));
    if (hit) {
      out += hit.to;
      i += hit.from.length;
    } else {
      out += key[i];
      i++;
    }
  }
  return out;
}

export type Tense = "prospective" | "held" | null;

export interface HeaderReading {
  /** canonicalWords of the key. */
  canon: string;
  /** canon without tense, negation and scope words: what is named, whatever its status. */
  core: string;
  tense: Tense;
  negated: boolean;
  party: string | null;
}

/** Words that contain a modifier's character without carrying it (removed before looking for modifiers). */
const NOT_MODIFIERS = ["出现", "实现", "现场", "有无", "原因", "不良", "无线", "申报单位", "申报类型", "申报方向"];

function findAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.includes(w));
}

const readings = new Map<string, HeaderReading>();

/** What a normalised header key says: its canonical words, the modifiers kept as evidence, and the rest. */
export function readHeader(key: string): HeaderReading {
  const hit = readings.get(key);
  if (hit) return hit;
  const canon = canonicalWords(key);
  let probe = canon;
  for (const w of NOT_MODIFIERS) probe = probe.split(w).join("|");
  const prospective = findAny(probe, PROSPECTIVE);
  const held = findAny(probe, HELD);
  // Both ("已申报") is a held status of an application: read as held.
  const tense: Tense = held ? "held" : prospective ? "prospective" : null;
  const negated = findAny(probe, NEGATION) !== undefined;
  const party = PARTIES.find((p) => p.words.some((w) => canon.includes(w)))?.id ?? null;
  let core = canon;
  for (const w of NOT_MODIFIERS) core = core.split(w).join(`\u0000${w}\u0000`);
  const strip = [...SCOPE, ...HELD, ...PROSPECTIVE].sort((a, b) => b.length - a.length);
  for (const w of strip) {
    core = core
      .split("\u0000")
      .map((part) => (NOT_MODIFIERS.includes(part) ? part : part.split(w).join("")))
      .join("\u0000");
  }
  core = core.split("\u0000").join("");
  const r: HeaderReading = { canon, core, tense, negated, party };
  if (readings.size < 50_000) readings.set(key, r);
  return r;
}

/**
 * Can a header with reading `h` name the field wording with reading `w`? No when a modifier that
 * changes the meaning disagrees: applied for against held, asked negated against not, another party.
 */
export function modifiersAgree(h: HeaderReading, w: HeaderReading, fieldIsQuestion: boolean): boolean {
  if (h.tense !== null && w.tense !== null && h.tense !== w.tense) return false;
  if (h.negated !== w.negated) return false;
  // A question (是否已与腾讯对接) names its counterpart; only identity and text columns belong to a party.
  if (!fieldIsQuestion && h.party !== null && h.party !== w.party) return false;
  return true;
}
