/**
 * Short titles of the finding codes, Chinese and English: the findings list in the pane, the
 * result column on the sheet and the CLI's text report all say the same. Typed over every code,
 * so a new code cannot go without a title.
 */
import type { FindingCode } from "./report";

export const FINDING_TITLES: Record<FindingCode, [zh: string, en: string]> = {
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
  "uscc-format": ["统一社会信用代码格式错误", "USCC malformed"],
  "uscc-checksum": ["统一社会信用代码校验位错误", "USCC check character wrong"],
  "uscc-numeric-truncated": ["信用代码被存成数字、末位已丢失", "USCC stored as a number, digits lost"],
  "uscc-outside-province": ["注册地不在本省", "Registered outside the province"],
  "uscc-other-city": ["注册地在本省其他市", "Registered in another city"],
  "not-legal-person": ["非独立法人", "Not an independent legal person"],
  "duplicate-applicant": ["同一企业重复报送", "Same USCC on several rows"],
  "similar-applicant": ["名称相近、代码不同", "Similar names, different USCC"],
  "date-unreadable": ["日期无法识别", "Date unreadable"],
  "amount-unreadable": ["金额无法识别", "Amount unreadable"],
  "amount-implausible": ["金额疑似单位有误", "Amount implausible for its unit"],
  "phone-unreadable": ["电话号码无法识别", "Phone unreadable"],
  "value-not-allowed": ["填写值不在允许范围内", "Value not allowed"],
  "registered-too-recently": ["注册时间不满要求年限", "Registered too recently"],
  "not-built": ["项目未建成", "Not built yet"],
  "already-recognised": ["已获认定且非升级申报", "Already recognised"],
  "investment-below-minimum": ["投入低于最低要求", "Investment below minimum"],
  "certificate-invalid": ["两化融合贯标证书不符合要求", "Certificate invalid"],
  "capability-incomplete": ["能力覆盖不满足要求", "Capabilities incomplete"],
  "star-ladder": ["申报星级不符合逐级要求", "Star level skips the ladder"],
  "cloud-window": ["上云时间不符合要求", "Cloud usage outside the window"],
  restricted: ["存在限制性条件", "Restriction applies"],
  "excluded-by-list": ["在不得申报的名单中", "On an exclusion list"],
  "direction-repeated": ["同一单位申报多个方向", "Several directions for one applicant"],
  "quota-exceeded": ["超出推荐名额", "Quota exceeded"],
  "rank-invalid": ["推荐排序有误", "Ranks invalid"],
  "provider-cap": ["服务商参与项目数超限", "Provider in too many projects"],
  "enterprise-cap": ["制造业企业参与项目数超限", "Enterprise in too many projects"],
  "group-cap": ["同一集团揭榜任务数超限", "Group takes too many tasks"],
  "consortium-invalid": ["联合体不符合要求", "Consortium invalid"],
  "letter-missing": ["子公司缺少省级公司推荐函", "Recommendation letter missing"],
  "prior-funding": ["已获省级财政资金支持", "Already had provincial funding"],
  priority: ["优先认定", "Priority"],
  "investment-total-mismatch": ["投入合计与分项之和不符", "Investment total differs from its parts"],
  "no-rows": ["名单没有数据行", "List has no data rows"],
  "csv-malformed": ["CSV 格式有误", "CSV malformed"],
  "encoding-mixed": ["文件混有两种编码", "Two encodings in one file"],
  "cells-outside-list": ["名单以外还有单元格", "Cells far outside the list"],
  "city-unknown": ["无法确定所属的市（全省汇总）", "City unknown (province summary)"],
  "format-mislabelled": ["文件格式与扩展名不符", "File format differs from its name"],
};

export function findingTitle(code: string, lang: "zh" | "en" = "zh"): string {
  const t = (FINDING_TITLES as Record<string, [string, string]>)[code];
  return t ? t[lang === "en" ? 1 : 0] : code;
}
