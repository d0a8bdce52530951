/**
 * Ownership words read as a whole (企业性质 / 单位性质): "中央驻鲁企业" names a central unit, "民营（非央企）"
 * and "非省属" do not. The one reader for quota exemption, the central-registration explanation, the
 * subsidiary letter, the export and the template, so they never disagree.
 *
 * A programme names the classes it exempts in its own words ("中央驻鲁单位", "省属国企"); the reader knows
 * the forms districts write for each (驻鲁央企, 中央企业在鲁子公司, 省管企业, 省国资委监管企业 …).
 */
import { cleanText, foldBrackets } from "./text";

/** Whose unit: the central government's (based in the province) or the province's. */
export type OwnershipLevel = "central" | "provincial";
/** What kind of unit: an enterprise, an institution (事业单位, 高校, 院所), or not said. */
export type OwnershipKind = "enterprise" | "institution" | "unstated";

export interface OwnershipReading {
  level: OwnershipLevel;
  kind: OwnershipKind;
  /** The words of the cell that said so ("驻鲁央企"). */
  matched: string;
}

/** An exempt class a programme may name: its level and the kinds it takes in. */
export interface OwnershipClass {
  level: OwnershipLevel;
  kinds: readonly OwnershipKind[];
  zh: string;
}

/**
 * The classes a programme's data may name, by their notice wording. 单位 takes in enterprises and institutions;
 * 企业 / 国企 only enterprises. A bare 省属 or 中央驻鲁 (kind unstated) counts for both: the column describes the
 * applicant, and the notice's class is the level.
 */
export const OWNERSHIP_CLASSES: Readonly<Record<string, OwnershipClass>> = {
  中央驻鲁单位: { level: "central", kinds: ["enterprise", "institution", "unstated"], zh: "中央驻鲁单位" },
  中央驻鲁企业: { level: "central", kinds: ["enterprise", "unstated"], zh: "中央驻鲁企业" },
  省属单位: { level: "provincial", kinds: ["enterprise", "institution", "unstated"], zh: "省属单位" },
  省属国企: { level: "provincial", kinds: ["enterprise", "unstated"], zh: "省属国企" },
};

/** Central units based in the province, as districts write them. Longest first so the match names the whole word. */
const CENTRAL = /(中央驻[鲁苏]|驻[鲁苏]央企|驻[鲁苏]中央|中央在[鲁苏]|在[鲁苏]央企|中央企业|中央国有企业|中央国企|中央直属|中央单位|中直|央企)/u;
/** Provincial units: 省属, 省管, 省国资委监管/出资, 山东省属. */
const PROVINCIAL = /(省属|省管|省国资委|省人民政府国有资产监督管理委员会|省直属|省直|省级(?=国有|国企|事业)|省(?=国有))/u;
/** A word before the match that denies it: 非央企, 不属于省属, 并非. */
const NEGATED_BEFORE = /(非|不是|不属于|并非|无)$/u;
/** A word after the match that makes it a minority share, not ownership: 央企参股. */
const MINORITY_AFTER = /^(企业|单位)?参股/u;
const INSTITUTION = /(事业单位|事业|高校|高等学校|大学|学院|科研院所|研究院|研究所|院所|医院|学校|机关)/u;
const ENTERPRISE = /(企业|国企|公司|集团|国有|控股|独资|子公司|分公司)/u;

/** Words of an ownership cell: brackets and separators split it, so a bracketed "非央企" stands alone. */
export function ownershipTokens(text: string): string[] {
  return foldBrackets(cleanText(text))
    .split(/[()、，,;；/\s]+|[和及与]/u)
    .filter((t) => t !== "");
}

function find(pattern: RegExp, text: string): { index: number; word: string } | null {
  const global = new RegExp(pattern.source, "gu");
  for (const m of text.matchAll(global)) {
    const index = m.index ?? 0;
    const before = text.slice(0, index);
    const after = text.slice(index + m[0].length);
    if (NEGATED_BEFORE.test(before) || MINORITY_AFTER.test(after)) continue;
    return { index, word: m[0] };
  }
  return null;
}

/**
 * The central or provincial ownership a cell states, with the unit's kind; null when it states neither
 * (民营, 市属, 区属, 县属, 非央企, 民营（非省属）, 央企参股 …). Central wins where both are said.
 */
export function readOwnership(text: string | null | undefined): OwnershipReading | null {
  if (!text) return null;
  // Brackets join their words ("省属国有（控股）企业" is one phrase) but a bracketed 非 still negates what follows.
  const t = foldBrackets(cleanText(text)).replace(/\s/g, "").replace(/[()]/g, "");
  if (t === "") return null;
  const hit = find(CENTRAL, t) ?? find(PROVINCIAL, t);
  if (!hit) return null;
  const level: OwnershipLevel = CENTRAL.test(hit.word) ? "central" : "provincial";
  const kind: OwnershipKind = INSTITUTION.test(t) ? "institution" : ENTERPRISE.test(t) || /央企|国企|省管|国资委|中央企业/u.test(hit.word) ? "enterprise" : "unstated";
  const whole = cleanText(text);
  return { level, kind, matched: [...whole].length <= 24 ? whole : hit.word };
}

/**
 * Which of `words` the text falls under: a word that is a known class (中央驻鲁单位, 省属国企) by the reading
 * above; any other word as before, stated as a whole (a token that is the word, or the word and a unit kind).
 * Returns the class word and what the cell said, or null.
 */
export function ownershipMatch(text: string | null | undefined, words: readonly string[]): { word: string; reading: OwnershipReading | null } | null {
  if (!text) return null;
  const reading = readOwnership(text);
  for (const w of words) {
    const cls = OWNERSHIP_CLASSES[w];
    if (cls) {
      if (reading && reading.level === cls.level && cls.kinds.includes(reading.kind)) return { word: w, reading };
      continue;
    }
    const legacy = legacyWord(text, w);
    if (legacy) return { word: legacy, reading };
  }
  return null;
}

/** The first of `words` the text states (see ownershipMatch), or null. */
export function ownershipWord(text: string | null | undefined, words: readonly string[]): string | null {
  return ownershipMatch(text, words)?.word ?? null;
}

/** What may follow an ownership word in the same token: the kind of unit, and a subsidiary or part of it. */
const TAIL = /^(企业|单位|国企|国有企业|事业单位|机构|公司|集团|集团公司|高校|科研院所|院所)?(全资|控股)?(子公司|子企业|下属|下属企业|下属单位|下属公司|所属企业|所属单位|二级企业|二级公司|二级单位|三级企业|企业|公司)?$/u;

function legacyWord(text: string, w: string): string | null {
  for (const token of ownershipTokens(text)) if (token.startsWith(w) && TAIL.test(token.slice(w.length))) return w;
  return null;
}

/** How a reading is said in a finding: "驻鲁央企（中央驻鲁企业）". */
export function ownershipSaid(reading: OwnershipReading | null, word: string): string {
  if (!reading) return word;
  return reading.matched === word ? word : `“${reading.matched}”读作${word}`;
}

/** Words that mark a subsidiary in an ownership text. */
const SUBSIDIARY = /(子公司|子企业)$/u;

/** True when the ownership text says the unit is a subsidiary (子公司 / 全资子公司 / 控股子公司). */
export function saysSubsidiary(text: string | null | undefined): boolean {
  return !!text && ownershipTokens(text).some((t) => SUBSIDIARY.test(t) && !t.startsWith("非"));
}

/** Concrete forms a template's ownership dropdown offers for a programme's exempt words (the list is not strict). */
export function ownershipChoices(words: readonly string[]): string[] {
  const forms: Record<string, string[]> = {
    中央驻鲁单位: ["中央驻鲁企业", "中央驻鲁事业单位"],
    中央驻鲁企业: ["中央驻鲁企业"],
    省属单位: ["省属国有企业", "省属事业单位"],
    省属国企: ["省属国有企业"],
  };
  return [...new Set(words.flatMap((w) => forms[w] ?? [w]))];
}

/** Words that already say what the unit is: no 单位 after them. */
const CLASS_END = /(单位|企业|国企|央企|机构|公司|集团)$/u;

/** The exempt classes in a sentence: "中央驻鲁、省属单位", "中央驻鲁单位、省属单位" — 单位 added only when the words lack a class. */
export function exemptPhrase(words: readonly string[]): string {
  const joined = words.join("、");
  const last = words[words.length - 1] ?? "";
  return CLASS_END.test(last) ? joined : `${joined}单位`;
}
