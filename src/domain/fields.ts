/**
 * Canonical fields: the stable ids a column header maps to, with Chinese and English labels, the
 * kind of cell reader each needs, and the header wordings districts actually use. A programme
 * definition picks the fields it uses; header matching only considers those.
 *
 * Synonyms are compared after `headerKey` (full-width folded, spaces and parenthesised units
 * dropped, lower case), so "投资额（万元）" and "投资额" are one synonym. Two-row headers are
 * matched as parent + child ("近三年投入" + "合计" → "近三年投入合计") before the child alone.
 */

export const FIELD_KINDS = [
  "text",
  "name",
  "uscc",
  "date",
  /** A date or 至今 / 今 (ongoing → null). */
  "dateOrOngoing",
  "amount",
  "yesno",
  "phone",
  "enum",
  "integer",
  /** Several allowed items in one cell ("生产现场优化、生产管理优化"), or a number of them. */
  "list",
  /** 两化融合 certificate status: yes / no / passed but certificate not yet issued. */
  "certificate",
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldDef {
  id: string;
  zh: string;
  en: string;
  kind: FieldKind;
  /** Header wordings (compared by headerKey). The zh label is always one of them. */
  synonyms: readonly string[];
  /**
   * Fallback for long, freely worded headers (restrictive conditions): the header key contains every
   * word of one group. Used only when no exact synonym matched the column.
   */
  keywords?: readonly (readonly string[])[];
  /**
   * What the column's content looks like beyond its kind, for column matching: "rank" — whole
   * numbers 1..N; "ownership" — ownership words (民营, 国有, 央企子公司 …), so a text column can be
   * recognised by what it holds.
   */
  content?: "rank" | "ownership";
}

const F = (id: string, zh: string, en: string, kind: FieldKind, synonyms: string[], keywords?: string[][], content?: FieldDef["content"]): FieldDef => ({
  id,
  zh,
  en,
  kind,
  synonyms: [zh, ...synonyms],
  ...(keywords ? { keywords } : {}),
  ...(content ? { content } : {}),
});

export const FIELDS: Readonly<Record<string, FieldDef>> = Object.fromEntries(
  [
    F("seq", "序号", "No.", "text", ["编号", "顺序号", "No."]),
    F("district", "所在县（市、区）", "District", "text", [
      "所在县市区", "所在县(市)区", "所在地区", "所在区县", "所在区（市）", "所在县区", "县（市、区）", "县市区", "区县", "地区", "所在地", "所属区县", "所属地区", "所在区", "区（市）", "所属县（市、区）",
    ]),
    F("applicant", "申报单位", "Applicant", "name", [
      "申报单位名称", "企业名称", "单位名称", "申报主体", "申报企业", "申报企业名称", "公司名称", "企业（单位）名称", "申报单位（盖章）", "企业", "申请单位",
    ]),
    F("uscc", "统一社会信用代码", "Unified social credit code", "uscc", ["社会信用代码", "信用代码", "统一代码", "统一社会信用代码（18位）", "企业统一社会信用代码", "申报单位统一社会信用代码"]),
    F("registeredOn", "注册时间", "Registered on", "date", ["成立日期", "成立时间", "注册日期", "单位注册时间", "注册成立时间", "登记日期", "设立日期", "成立年月", "注册年月"]),
    F("category", "申报类别", "Category", "enum", ["项目类型", "申报类型", "类别", "项目类别", "申报项目类型"]),
    F("direction", "申报方向", "Direction", "enum", ["平台类型", "方向", "平台方向", "业态模式创新方向", "业态模式", "创新方向", "申报方向（类型）"]),
    F("projectName", "项目名称", "Project", "text", ["平台名称", "项目（平台）名称", "申报项目名称", "工厂名称", "试点项目名称"]),
    F("contact", "联系人", "Contact", "text", ["联系人姓名", "项目联系人", "负责人", "经办人"]),
    F("phone", "联系电话", "Phone", "phone", ["电话", "手机", "联系方式", "手机号码", "联系人电话", "联系手机", "手机号", "联系人手机"]),
    F("ownership", "企业性质", "Ownership", "text", ["单位性质", "隶属关系", "所有制", "企业类型", "所有制性质", "企业性质（隶属关系）", "经济类型", "登记注册类型", "经济性质"], undefined, "ownership"),
    F("group", "所属集团", "Group", "text", ["集团", "所属企业集团", "集团名称", "所属集团名称"]),
    F("investment", "投资额", "Investment", "amount", [
      "投入", "平台投入", "项目总投资", "总投资", "预期投入", "项目投资", "近三年投入合计", "投入合计", "近三年投入", "上云投入", "投入金额", "预计投入", "项目投入", "试点项目预期投入", "投资总额",
    ]),
    F("rank", "推荐排序", "Rank", "integer", ["排序", "推荐顺序", "推荐次序", "排名", "推荐排名", "推荐序号"], undefined, "rank"),
    F("clusterOrChain", "所属集群/产业链", "Cluster or chain", "text", [
      "所属集群或产业链", "集群/产业链", "所属先进制造业集群/产业链", "所属集群（产业链）", "所属集群", "所属产业链", "先进制造业集群", "产业链", "所属先进制造业集群", "所属531产业链",
    ]),
    F("remarks", "备注", "Remarks", "text", ["说明", "备注说明", "其他说明"]),
    // Construction status and recognition (platforms, benchmark factories).
    F("constructionStatus", "建设情况", "Construction status", "enum", ["是否建成", "建设状态", "平台建设情况", "项目建设情况", "建成情况", "运营情况", "建设进度", "建设运营情况"]),
    F("alreadyRecognised", "是否已认定为省重点平台", "Already recognised", "yesno", [
      "是否已认定", "已认定", "是否已认定为省重点工业互联网平台", "是否已获认定", "是否已被认定为省重点工业互联网平台", "已认定省重点平台",
    ]),
    F("upgrade", "是否升级申报", "Upgrade application", "yesno", ["升级申报", "是否为升级申报"]),
    // Benchmark factory: investment parts, certificate, capability coverage.
    F("investPlatform", "平台和系统开发费", "Platform and system development", "amount", ["近三年投入平台和系统开发费", "平台及系统开发费", "平台开发费"]),
    F("investDevices", "智能设备（终端）购置费", "Smart equipment (terminals)", "amount", ["近三年投入智能设备购置费", "智能设备购置费", "设备购置费", "智能终端购置费"]),
    F("investTesting", "测试验证和项目咨询费", "Testing and consulting", "amount", ["近三年投入测试验证和项目咨询费", "测试验证及项目咨询费", "测试验证费", "项目咨询费"]),
    F("certified", "是否通过贯标", "Certified (两化融合)", "certificate", [
      "两化融合管理体系贯标是否通过贯标", "两化融合管理体系贯标", "两化融合贯标", "是否通过两化融合管理体系贯标", "是否通过两化融合贯标", "贯标情况", "两化融合管理体系贯标情况",
    ]),
    F("certificateValidUntil", "证书有效期至", "Certificate valid until", "date", [
      "两化融合管理体系贯标证书有效期至", "证书有效期", "贯标证书有效期", "有效期至", "贯标证书有效期至", "证书有效期截止日期", "两化融合管理体系贯标证书有效期",
    ]),
    F("capBasic", "基础技术能力", "Basic technical capability", "integer", ["能力覆盖情况基础技术能力", "基础技术能力满足项数"]),
    F("capManufacturing", "制造系统能力", "Manufacturing system capability", "list", ["能力覆盖情况制造系统能力", "制造系统能力涉及方向"]),
    F("capBenchmark", "企业标杆能力", "Enterprise benchmark capability", "list", ["能力覆盖情况企业标杆能力", "企业标杆能力涉及方向"]),
    // Star-rated cloud enterprises.
    F("starApplied", "申报星级", "Star applied for", "enum", ["申报级别", "申报类别（星级）", "星级"]),
    F("starHeld", "已获评星级", "Star already held", "enum", ["已评定星级", "现有星级", "已获星级", "已有星级", "已获评定星级", "原星级", "已认定星级"]),
    F("cloudStart", "上云开始时间", "Cloud use from", "date", ["上云时间", "上云起始时间", "开始使用时间", "云服务开始时间", "上云开始日期"]),
    F("cloudEnd", "上云截止时间", "Cloud use until", "dateOrOngoing", ["上云结束时间", "使用截止时间", "云服务截止时间", "上云截止日期", "截止时间"]),
    F("cloudInUse", "是否仍在使用", "Still in use", "yesno", ["仍在使用", "是否在用", "目前是否在用", "申报时是否仍在使用"]),
    F("cloudServices", "主要云服务", "Cloud services", "text", ["云服务内容", "上云内容", "使用的云服务"]),
    // Shandong platform: the 155 list and the restrictive conditions (freely worded, matched by keywords).
    F("excludedListed", "是否属于前期155个省级重点平台", "On the earlier 155 platforms list", "yesno", ["是否为前期155个省级重点平台", "是否属于155个省级重点平台", "前期155个省级重点平台"], [["155"]]),
    F("restrictAccident", "近三年是否发生较大以上安全、环境事故或严重质量问题", "Major accident or quality problem in three years", "yesno", [], [["事故"], ["质量问题"], ["社会稳定"]]),
    F("restrictBlacklist", "是否列入安全生产黑名单或不符合绿色门槛", "Safety blacklist or green threshold", "yesno", [], [["安全生产", "黑名单"], ["绿色门槛"]]),
    F("restrictCredit", "是否纳入严重失信黑名单", "Serious dishonesty blacklist", "yesno", [], [["失信"]]),
    F("policyCompliant", "是否符合产业政策", "Complies with industrial policy", "yesno", ["是否符合国家和省产业政策"], [["产业政策"]]),
    F("restrictionsText", "限制性条件", "Restrictive conditions", "text", ["是否存在限制性条件", "限制性情形", "申报否决项", "否决项"]),
    // 666 工程.
    F("docked", "是否完成项目对接", "Project docking done", "yesno", ["项目对接情况", "是否已对接", "是否完成对接"]),
    F("cooperation", "与腾讯公司合作内容", "Cooperation with Tencent", "text", ["合作内容", "与腾讯合作内容"]),
    // 工赋百景: consortium, task, letter, prior funding, first batch.
    F("task", "揭榜任务", "Task", "text", ["榜单任务", "任务", "任务名称", "揭榜任务方向", "揭榜任务名称", "任务编号及名称"]),
    F("leadName", "牵头单位", "Lead (service provider)", "name", ["牵头单位单位名称", "牵头单位名称", "牵头单位服务商", "牵头单位（服务商）名称", "服务商名称"]),
    F("leadUscc", "牵头单位统一社会信用代码", "Lead's credit code", "uscc", ["牵头单位社会信用代码", "牵头单位信用代码", "服务商统一社会信用代码"]),
    F("siteName", "场景落地单位", "Site (manufacturer)", "name", ["场景落地单位单位名称", "场景落地单位名称", "落地单位", "落地单位名称", "制造业企业名称"]),
    F("siteUscc", "场景落地单位统一社会信用代码", "Site's credit code", "uscc", ["场景落地单位社会信用代码", "场景落地单位信用代码", "落地单位统一社会信用代码", "制造业企业统一社会信用代码"]),
    F("members", "其他联合体成员", "Other consortium members", "text", ["联合体成员", "联合体其他成员", "其他成员单位", "联合体成员单位"]),
    F("subsidiary", "是否为子公司", "Subsidiary", "yesno", ["是否子公司", "是否属于子公司", "子公司"]),
    F("letter", "是否有省级公司推荐函", "Provincial company's letter", "yesno", ["省级公司推荐函", "推荐函", "有无省级公司推荐函", "是否有推荐函"]),
    F("priorFunding", "是否获得过省级财政资金支持", "Earlier provincial funding", "yesno", [
      "是否获得省级财政资金支持", "已获省级财政支持", "前期是否获得省级财政资金支持", "项目前期是否获得过省级财政资金支持", "是否获省级财政资金支持",
    ]),
    F("firstBatch", "场景落地单位是否入围第一批", "Site in the first batch", "yesno", ["是否入围第一批", "已入围第一批", "是否已入围第一批试点"]),
    // Lists merged from several files: where each row came from, and (province mode) the city it belongs to.
    // No programme lists them; merge.ts finds their columns beside the programme's header.
    F("source", "来源", "Source", "text", ["数据来源", "名单来源", "来源（文件/工作表）"]),
    F("city", "城市", "City", "text", ["推荐单位", "所在市", "设区市", "推荐市", "所属市", "推荐城市", "所在城市", "市别"]),
    F("agreementDate", "联合体协议签订日期", "Consortium agreement date", "date", ["协议签订日期", "联合体协议签订时间"]),
  ].map((f) => [f.id, f]),
);

export function fieldDef(id: string): FieldDef {
  const f = FIELDS[id];
  if (!f) throw new Error(`unknown field id ${id}`);
  return f;
}

/** A field's definition as this programme has it: its own (FieldSpec.define), else the shared vocabulary's. */
export function fieldDefIn(programme: { fieldDefs?: Readonly<Record<string, FieldDef>> }, id: string): FieldDef | undefined {
  return programme.fieldDefs?.[id] ?? FIELDS[id];
}
