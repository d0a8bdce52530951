/**
 * 统一社会信用代码 (GB 32100-2015): compact / validate / describe, like python-stdnum's cn.uscc.
 * The organisation code inside it (positions 9–17) carries its own GB 11714 check, which the
 * outer check does not cover: `123456789012345678` passes the outer one and is still rejected.
 */
import { foldWidth } from "./text";

export type UsccProblem = "format" | "checksum" | "org-checksum";

export interface UsccDescription {
  code: string;
  /** Position 1: "1" 机构编制, "5" 民政, "9" 工商, "Y" 其他 … */
  authority: string;
  /** Position 2 under authority 9: "1" 企业, "2" 个体工商户, "3" 农民专业合作社. */
  kind: string;
  /** Positions 3–8. */
  regionCode: string;
  /** "32" / "37" / "10" (central, 100000) … first two digits of regionCode. */
  provinceCode: string;
  /** First four digits of regionCode, with retired codes mapped to today's city (3712 → 3701). */
  cityCode: string;
  /** false for 个体工商户 (92…). */
  independentLegalPerson: boolean;
  /** Chinese name of the registering authority ("工商（市场监管）"), when the standard names it. */
  authorityName?: string;
  /** Chinese name of the kind under that authority ("企业", "个体工商户"), when the standard names it. */
  kindName?: string;
}

/** The 31 characters of GB 32100 in value order (no I, O, S, V, Z). */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Weights 3^(i−1) mod 31 for positions 1–17. */
const OUTER_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 weights for the 8 body characters of the organisation code. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Registering authorities named by GB 32100-2015 (position 1). */
const AUTHORITY_NAMES: Readonly<Record<string, string>> = {
  "1": "机构编制",
  "2": "外交",
  "3": "司法行政",
  "4": "文化",
  "5": "民政",
  "6": "旅游",
  "7": "宗教",
  "8": "工会",
  "9": "工商（市场监管）",
  A: "中央军委改革和编制办公室",
  N: "农业",
  Y: "其他",
};

/** Kinds (position 2) per authority, for the authorities a recommendation list meets. */
const KIND_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "1": { "1": "机关", "2": "事业单位", "3": "群众团体", "9": "其他" },
  "5": { "1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他" },
  "9": { "1": "企业", "2": "个体工商户", "3": "农民专业合作社" },
  N: { "1": "农村集体经济组织", "2": "农村集体经济组织", "3": "农村集体经济组织", "9": "其他" },
  Y: { "1": "其他" },
};

/** Retired city codes (first four digits of a region code) → today's city. 莱芜 joined 济南 in 2019. */
const RETIRED_CITY_CODES: Readonly<Record<string, string>> = { "3712": "3701" };

/** Removes spaces (incl. NBSP/U+3000/zero-width), hyphens, folds full-width, upper-cases; O→0 and I→1 are NOT applied (reported instead). */
export function compactUscc(s: string): string {
  return foldWidth(s)
    .replace(/[\s\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF]/g, "")
    // hyphen-like separators, and the apostrophe some clerks type to keep Excel from making a number
    .replace(/[-‐‑‒–—―_'’‘]/g, "")
    .toUpperCase();
}

/** Same as compactUscc: the standard prints the code as one unbroken string. */
export function formatUscc(s: string): string {
  return compactUscc(s);
}

/** The check character position 18 should hold for a 17-char prefix (for tests and samples). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`“${first17.charAt(i)}” is not a GB 32100 character`);
    sum += value * (OUTER_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 value of one organisation-code character: digits 0–9, letters A–Z 10–35; -1 otherwise. */
function orgCharValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** The GB 11714 check character for the 8-character organisation-code body (USCC positions 9–16). */
export function organisationCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError(`organisationCodeCheckChar needs 8 characters, got ${body8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = orgCharValue(body8.charAt(i));
    if (value < 0) throw new RangeError(`“${body8.charAt(i)}” is not a GB 11714 character`);
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

const FORMAT = /^[1-9ANY][0-9A-HJ-NP-RTUW-Y]\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/**
 * null when valid; otherwise the first problem found: format (length/charset), checksum (position 18),
 * org-checksum (GB 11714 inner check). Expects a compacted code (see compactUscc); spaces are a format problem.
 * Position 1 may be any authority GB 32100 names (1–9, A, N, Y); positions 3–8 must be digits.
 */
export function usccProblem(code: string): UsccProblem | null {
  if (!FORMAT.test(code)) return "format";
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) return "checksum";
  if (organisationCodeCheckChar(code.slice(8, 16)) !== code.charAt(16)) return "org-checksum";
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/**
 * When a code fails only because O was typed for 0 or I for 1, the code those substitutions give — as a
 * suggestion for the message, never applied to the user's data. null when no such reading is valid.
 */
export function usccLookalikeSuggestion(code: string): string | null {
  if (!/[OI]/.test(code)) return null;
  const candidate = code.replace(/O/g, "0").replace(/I/g, "1");
  return isValidUscc(candidate) ? candidate : null;
}

/** True when positions 9–17 carry a correct GB 11714 organisation code (independent of the outer check). */
export function organisationCodeValid(code: string): boolean {
  if (!FORMAT.test(code)) return false;
  return organisationCodeCheckChar(code.slice(8, 16)) === code.charAt(16);
}

/** The city part of a region code, with retired cities mapped to today's: "371202" → "3701". */
export function currentCityCode(regionCode: string): string {
  const first4 = regionCode.slice(0, 4);
  return RETIRED_CITY_CODES[first4] ?? first4;
}

/**
 * Describes a code that has the right format (does not require checksums to pass).
 * A code of the wrong format is described as far as its characters go; callers check usccProblem first.
 */
export function describeUscc(code: string): UsccDescription {
  const authority = code.charAt(0);
  const kind = code.charAt(1);
  const regionCode = code.slice(2, 8);
  const authorityName = AUTHORITY_NAMES[authority];
  const kindName = KIND_NAMES[authority]?.[kind];
  const description: UsccDescription = {
    code,
    authority,
    kind,
    regionCode,
    provinceCode: regionCode.slice(0, 2),
    cityCode: currentCityCode(regionCode),
    // 个体工商户 are registered to a natural person, not a legal person.
    independentLegalPerson: !(authority === "9" && kind === "2"),
  };
  if (authorityName !== undefined) description.authorityName = authorityName;
  if (kindName !== undefined) description.kindName = kindName;
  return description;
}
