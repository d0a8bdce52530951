/**
 * Company names normalised for duplicate detection (never for display or merging).
 * 有限责任公司 and 有限公司 are different legal forms, so they stay different: a near-duplicate is a
 * warning for a person, never a silent merge.
 */
import { findCity, resolveDistrict } from "./regions";
import { cleanText, foldBrackets } from "./text";

/** Punctuation that varies between copies of one name and carries no meaning for identity. */
const NOISE = /[\s·•・.,，、;；:：'"“”‘’`~!！?？\-‐‑‒–—―_]/gu;

/** True when a bracketed word is a place a district clerk adds as a tag: 江宁, 江宁区, 南京, 苏州工业园区. */
function isPlaceTag(inner: string): boolean {
  if (inner === "") return false;
  return resolveDistrict(inner) !== null || findCity(inner) !== null;
}

/**
 * cleanText, fold （）→(), remove all spaces and punctuation like ·; keep 有限责任公司 vs 有限公司 distinct;
 * drop a leading "(江宁)"-style district prefix in brackets. Also: "南京(江宁)XX" loses the bracketed district
 * after the city, a trailing "(江宁区)" tag goes, brackets holding anything else stay ("XX(南京)有限公司"
 * is a legal name), and Latin letters are lower-cased.
 */
export function normaliseCompanyName(s: string): string {
  let name = foldBrackets(cleanText(s)).replace(NOISE, "").toLowerCase();
  // Tags can be stacked ("(江宁)(南京)XX"): strip until nothing changes, so the result is a fixed point.
  for (;;) {
    const next = withoutPlaceTags(name);
    if (next === name) return name;
    name = next;
  }
}

function withoutPlaceTags(input: string): string {
  let name = input;
  // "(江宁)南京XX有限公司"
  const leading = /^\(([^()]*)\)/u.exec(name);
  if (leading && isPlaceTag(leading[1] ?? "") && name.length > leading[0].length) name = name.slice(leading[0].length);
  // "南京(江宁)XX有限公司": a city, then the district in brackets.
  const afterCity = /^([^()]{2,4}?)\(([^()]*)\)/u.exec(name);
  if (afterCity && findCity(afterCity[1] ?? "") !== null && isPlaceTag(afterCity[2] ?? "")) {
    name = (afterCity[1] ?? "") + name.slice(afterCity[0].length);
  }
  // "XX有限公司(江宁区)"
  const trailing = /\(([^()]*)\)$/u.exec(name);
  if (trailing && isPlaceTag(trailing[1] ?? "") && trailing.index > 0) name = name.slice(0, trailing.index);
  return name;
}

/** Drops trailing bracketed remarks such as "(筹)" or "(盖章)" before looking at the ending. */
function withoutTrailingRemarks(s: string): string {
  let cur = foldBrackets(cleanText(s)).replace(/ /g, "");
  for (;;) {
    const next = cur.replace(/\([^()]*\)$/u, "");
    if (next === cur || next === "") return cur;
    cur = next;
  }
}

/** A name that marks a non-independent legal person: ends in 分公司 / 分厂 / 办事处 / 分支机构 (after cleanText). */
export function isBranchName(s: string): boolean {
  return /(分公司|分厂|办事处|分支机构)$/u.test(withoutTrailingRemarks(s));
}

/**
 * The legal form a name gives that is not an independent legal person, or null: a branch (分公司/分厂/办事处), a
 * partnership (…合伙企业（有限合伙）: it carries a 91 code, so the name decides) or a sole proprietorship (个人独资企业).
 */
export function nonLegalPersonForm(s: string): { zh: string; en: string } | null {
  const name = withoutTrailingRemarks(s);
  if (/(分公司|分厂|办事处|分支机构)$/u.test(name)) return { zh: "分支机构（分公司、分厂或办事处）", en: "a branch (分公司/分厂/办事处)" };
  if (/合伙企业$|\((普通|有限|特殊普通)合伙\)$/u.test(foldBrackets(cleanText(s)).replace(/ /g, ""))) return { zh: "合伙企业", en: "a partnership (合伙企业)" };
  if (/个人独资企业$|\(个人独资(企业)?\)$/u.test(foldBrackets(cleanText(s)).replace(/ /g, ""))) return { zh: "个人独资企业", en: "a sole proprietorship (个人独资企业)" };
  return null;
}

/** The legal suffixes a group name is written with: 海尔集团, 海尔集团公司, 海尔集团有限公司, 海尔（集团）股份有限公司 are one group. */
const GROUP_SUFFIX = /(集团)?(控股)?(股份有限公司|有限责任公司|有限公司|股份公司|公司)?$/u;

/**
 * One key per group across its legal suffixes (集团、集团公司、集团有限公司、集团股份有限公司、（集团）); spaces,
 * punctuation and place tags as normaliseCompanyName drops them. Null when nothing is left.
 */
export function groupKey(s: string): string | null {
  let key = normaliseCompanyName(s).replace(/\(集团\)/gu, "集团");
  for (;;) {
    const next = key.replace(GROUP_SUFFIX, "");
    if (next === key || next === "") break;
    key = next;
  }
  return key === "" ? null : key;
}
