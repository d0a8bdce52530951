/**
 * Text normalisation shared by every reader: what a clerk's paste does to characters.
 */

/** Zero-width characters that survive copy/paste from web pages and Word: ZWSP, ZWNJ, ZWJ, word joiner, BOM. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Full-width ASCII (Ａ１（) → half-width; U+3000 → space. */
export function foldWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Trims and collapses spaces, removes NBSP, U+3000, zero-width chars (U+200B–U+200D, U+FEFF), folds full-width; line breaks become one space. */
export function cleanText(s: string): string {
  // Most cells are clean already: nothing to fold, drop or collapse leaves them as they are.
  if (!NEEDS_CLEANING.test(s)) return s;
  return tidySpaces(foldWidth(s));
}

/** A character cleanText would change: any space or line break, a zero-width char, full-width ASCII. */
const NEEDS_CLEANING = /[\s\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\u3000]/;

/** Zero-width characters dropped; NBSP, ideographic and other Unicode spaces, tabs and line breaks one space; trimmed. Width kept. */
export function tidySpaces(s: string): string {
  return s.replace(ZERO_WIDTH, "").replace(/[\s\u00A0\u2007\u202F]+/g, " ").trim();
}

/** Every bracket a header or name may use, folded to ASCII parentheses. */
export function foldBrackets(s: string): string {
  return s.replace(/[（【\[〔［｛{]/g, "(").replace(/[）】\]〕］｝}]/g, ")");
}

/** Removes "(…)" parts, innermost first, so nested brackets go too. */
function dropParenthesised(s: string): string {
  let prev: string;
  let cur = s;
  do {
    prev = cur;
    cur = cur.replace(/\([^()]*\)/g, "");
  } while (cur !== prev);
  return cur;
}

/** For header matching: cleanText, then remove all spaces, fold brackets （【[ → ( , drop parenthesised parts, lower-case. "投资额（万元）" → "投资额". */
export function headerKey(s: string): string {
  const folded = foldBrackets(cleanText(s).replace(/ /g, "")).toLowerCase();
  const withoutParts = dropParenthesised(folded)
    // an unbalanced bracket left over (a header cut in two by a line break) carries no meaning
    .replace(/[()]/g, "")
    // "投资额：" and "投资额*" (required marker) are the same header
    .replace(/[:：*＊]+$/u, "")
    .replace(/^[*＊]+/u, "");
  if (withoutParts !== "") return withoutParts;
  // A header that is only a bracketed word ("（万元）") keeps that word rather than becoming empty.
  return folded.replace(/[()]/g, "");
}

/** What may stand in a header's brackets as a unit. */
const UNIT_PATTERN = /^(?:[千万亿]*(?:美元|元)|[万亿]|%|个|人|家|项|年|月|天|日|小时|平方米|㎡|吨|台|套|件)$/u;

/**
 * The parenthesised unit of a header, if any: "投资额（万元）" → "万元", "上云投入（元）" → "元".
 * Only unit-like contents count ("所在县（市、区）" has none); "（单位：万元）" gives "万元".
 * With several bracket groups, the last unit-like one wins.
 */
export function headerUnit(s: string): string | null {
  const folded = foldBrackets(cleanText(s).replace(/ /g, ""));
  const groups = [...folded.matchAll(/\(([^()]*)\)/g)].map((m) => m[1] ?? "");
  for (let i = groups.length - 1; i >= 0; i--) {
    const inner = (groups[i] ?? "").replace(/^单位[:：]?/u, "");
    if (UNIT_PATTERN.test(inner)) return inner;
  }
  return null;
}

/** The ways a clerk writes "nothing here" in a free-text cell: one list for every rule that asks. */
const NOTHING = /^(无|否|没有|暂无|均无|都没有|全无|并无|不存在|均不存在|不涉及|未涉及|均不涉及|无此情形|无此情况|无上述情形|无以上情形|\/|-+|—+|－+)$/u;

/** 以上情形均不存在, 上述情况都没有, 所列情形均未发生: a summary word, then a denial. */
const DENIED_SUMMARY = /^(以上|上述|前述|所列|下列|相关|各项|所有)?(各项|所列|所述)?(情形|情况|限制性?条件|限制性?情形|否决项|问题|事项|条件)?(均|都|全部|皆|一律)?(不存在|无|没有|未发生|未出现|不涉及|不属于|不适用)$/u;

/**
 * A piece that denies as a whole: 无限制性条件, 不存在限制性情形, 未发生较大以上事故, 未列入黑名单. A bare 无 opens
 * a denial only before words of a circumstance (无锡 is a city, 无法核实 says nothing either way).
 */
const DENIAL_OPENING = /^(没有|不存在|并不存在|未发生|均未发生|从未发生|未出现|未曾|从未|未被|未列入|未纳入|未受到|未涉及|不涉及|不属于|均不属于)/u;
const NO_CIRCUMSTANCE = /^(无|暂无|均无|并无)(上述|以上|此类?|该类?|任何|相关|所列)?[\p{Script=Han}]{0,14}(情形|情况|条件|问题|事项|事故|事件|记录|行为|现象|限制|否决项|违法|违规|处罚)$/u;

function deniesPiece(p: string): boolean {
  if (NOTHING.test(p) || DENIED_SUMMARY.test(p)) return true;
  if (/^无法/u.test(p)) return false;
  return DENIAL_OPENING.test(p) || NO_CIRCUMSTANCE.test(p);
}

/**
 * True when the text (spaces ignored) says there is nothing: 无, 否, 不涉及, —, / …, and the denials districts
 * write in a restriction cell ("无限制性条件", "以上情形均不存在", "无此情况", "否，无"): every piece between
 * punctuation must deny, so "否，2022年发生一般事故一起" does not.
 */
export function saysNothing(s: string): boolean {
  const t = foldBrackets(cleanText(s)).replace(/\s/g, "");
  if (NOTHING.test(t)) return true;
  const pieces = piecesOf(t);
  return pieces.length > 0 && pieces.every(deniesPiece);
}

function piecesOf(t: string): string[] {
  return t
    .replace(/[()]/g, ",")
    .split(/[,，;；。、.:：!！]+/u)
    .filter((p) => p !== "");
}

/** What a free-text cell states once its denials are set aside: "未发生较大事故，发生一般事故一起" → ["发生一般事故一起"]. */
export function statedPieces(s: string): string[] {
  const t = foldBrackets(cleanText(s)).replace(/\s/g, "");
  if (NOTHING.test(t)) return [];
  return piecesOf(t).filter((p) => !deniesPiece(p));
}
