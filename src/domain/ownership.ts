/**
 * Ownership words read as a whole (企业性质 / 单位性质): "中央驻鲁企业" names a central unit, "民营（非央企）"
 * and "非省属" do not. The one matcher for quota exemption, the central-registration explanation, the
 * subsidiary letter and the export, so they never disagree.
 */
import { cleanText, foldBrackets } from "./text";

/** What may follow an ownership word in the same token: the kind of unit, and a subsidiary or part of it. */
const TAIL = /^(企业|单位|国企|国有企业|事业单位|机构|公司|集团|集团公司|高校|科研院所|院所)?(全资|控股)?(子公司|子企业|下属|下属企业|下属单位|下属公司|所属企业|所属单位|二级企业|二级公司|二级单位|三级企业|企业|公司)?$/u;

/** Words of an ownership cell: brackets and separators split it, so a bracketed "非央企" stands alone. */
export function ownershipTokens(text: string): string[] {
  return foldBrackets(cleanText(text))
    .split(/[()、，,;；/\s]+|[和及与]/u)
    .filter((t) => t !== "");
}

/** The first of `words` the text states as a whole (a token that is the word, or the word and a unit kind), or null. */
export function ownershipWord(text: string | null | undefined, words: readonly string[]): string | null {
  if (!text) return null;
  for (const token of ownershipTokens(text)) {
    for (const w of words) if (token.startsWith(w) && TAIL.test(token.slice(w.length))) return w;
  }
  return null;
}

/** Words that mark a subsidiary in an ownership text. */
const SUBSIDIARY = /(子公司|子企业)$/u;

/** True when the ownership text says the unit is a subsidiary (子公司 / 全资子公司 / 控股子公司). */
export function saysSubsidiary(text: string | null | undefined): boolean {
  return !!text && ownershipTokens(text).some((t) => SUBSIDIARY.test(t) && !t.startsWith("非"));
}
