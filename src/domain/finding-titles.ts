/**
 * Short titles of the finding codes, Chinese and English: the findings list in the pane, the
 * result column on the sheet and the CLI's text report all say the same. Typed over every code,
 * so a new code cannot go without a title.
 */
import type { ENGINE_CODES, FindingCode } from "./report";
import { RULE_CODE_TITLES } from "./rules/kinds";

/** The engine's own codes; each rule kind gives the titles of its codes itself. */
const ENGINE_TITLES: Record<(typeof ENGINE_CODES)[number], readonly [zh: string, en: string]> = {
  "header-missing": ["缺少必需的列", "Required column missing"],
  "header-ambiguous": ["多列对应同一字段", "Several columns for one field"],
  "header-uncertain": ["列对应把握不足", "Weak column match"],
  "column-unused": ["有列未使用，可能是所需的列", "Unused column that may be a field"],
  "quota-exempt": ["不占名额的单位", "Exempt from the quota"],
  "second-list": ["另一份名单（未核查）", "Another list (not checked)"],
  "formula-uncached": ["公式没有计算结果", "Formula without a result"],
  "hidden-rows": ["有隐藏或筛选的行列", "Hidden or filtered rows"],
  "required-missing": ["必填项为空", "Required cell empty"],
  "cell-error": ["单元格为错误值", "Cell holds an Excel error"],
  "date-unreadable": ["日期无法识别", "Date unreadable"],
  "amount-unreadable": ["金额无法识别", "Amount unreadable"],
  "amount-implausible": ["金额疑似单位有误", "Amount implausible for its unit"],
  "phone-unreadable": ["电话号码无法识别", "Phone unreadable"],
  "value-not-allowed": ["填写值不在允许范围内", "Value not allowed"],
  "quota-exceeded": ["超出推荐名额", "Quota exceeded"],
  priority: ["优先认定", "Priority"],
  "no-rows": ["名单没有数据行", "List has no data rows"],
  "csv-malformed": ["CSV 格式有误", "CSV malformed"],
  "encoding-mixed": ["文件混有两种编码", "Two encodings in one file"],
  "cells-outside-list": ["名单以外还有单元格", "Cells far outside the list"],
  "city-unknown": ["无法确定所属的市（全省汇总）", "City unknown (province summary)"],
  "format-mislabelled": ["文件格式与扩展名不符", "File format differs from its name"],
};

export const FINDING_TITLES: Record<FindingCode, readonly [zh: string, en: string]> = { ...ENGINE_TITLES, ...RULE_CODE_TITLES };

export function findingTitle(code: string, lang: "zh" | "en" = "zh"): string {
  const t = (FINDING_TITLES as Record<string, [string, string]>)[code];
  return t ? t[lang === "en" ? 1 : 0] : code;
}
