/** 山东省级工业互联网平台入库 (2023) — 山东省工业和信息化厅, 2023年6月5日. */
import type { ProgrammeInput } from "../programme";
import { APPLICANT, applicantIdentity, COMMON_OPTIONAL, CONSTRUCTION_STATUS, SD_2023, SD_CENTRAL_REGISTRATION, SD_EXEMPT } from "./common";

export const SD_PLATFORM_DIRECTIONS = [
  "综合型",
  "特色型（面向重点行业）",
  "特色型（面向重点区域）",
  "专业型（面向产业链供应链协同）",
  "专业型（面向特定技术）",
];

export const sdPlatformProgramme: ProgrammeInput = {
  id: "sd-2023-platform",
  title: "山东省级工业互联网平台入库",
  titleEn: "Shandong provincial industrial internet platforms (2023 intake)",
  province: "37",
  notice: {
    number: null,
    title: "关于开展2023年省级工业互联网平台入库申报的通知",
    issuer: "山东省工业和信息化厅",
    issued: "2023-06-05",
    seeds: ["001"],
  },
  cityDeadline: "2023-06-20",
  deadlines: [{ what: "各市工信局报送纸质材料（一式两份）及电子版", date: "2023-06-20" }],
  asOf: "2023-06-20",
  asOfSource: `${SD_2023} 四(二)：于2023年6月20日前将纸质申报材料报送至省工业和信息化厅（市级报送截止日）`,
  fields: [
    ...COMMON_OPTIONAL,
    { field: "applicant", required: true },
    { field: "uscc", required: true },
    { field: "registeredOn", required: false },
    { field: "projectName", required: false },
    {
      field: "direction",
      required: true,
      allowed: SD_PLATFORM_DIRECTIONS,
      aliases: {
        "综合型（跨行业跨领域）": "综合型",
        跨行业跨领域: "综合型",
        面向重点行业: "特色型（面向重点行业）",
        面向重点区域: "特色型（面向重点区域）",
        面向产业链供应链协同: "专业型（面向产业链供应链协同）",
        面向特定技术: "专业型（面向特定技术）",
      },
    },
    { field: "ownership", required: false },
    CONSTRUCTION_STATUS,
    { field: "excludedListed", required: false },
    { field: "restrictAccident", required: false },
    { field: "restrictBlacklist", required: false },
    { field: "restrictCredit", required: false },
    { field: "policyCompliant", required: false },
    { field: "restrictionsText", required: false },
  ],
  rowRules: [
    applicantIdentity(
      {
        clause: `${SD_2023} 二(一)1：在山东省内登记注册并实际运营`,
        legalPersonClause: `${SD_2023} 二(一)1：具有独立法人资格的企业或机构`,
      },
      SD_CENTRAL_REGISTRATION,
    ),
    {
      type: "built",
      field: "constructionStatus",
      ok: ["已建成", "已建成运营", "运营中", "基本建成"],
      warn: [],
      clause: `${SD_2023} 二(一)2 平台已基本建成并运营；二(二)4 尚未开始建设、仍处于规划设计阶段的不得申报`,
    },
    {
      type: "excluded-by-list",
      party: APPLICANT,
      field: "excludedListed",
      list: "前期155个省级重点平台",
      listEn: "the earlier 155 provincial key platforms",
      listSetting: "earlier155",
      clause: `${SD_2023} 二(一)4：前期155个省级重点平台不得重复申报`,
    },
    {
      type: "restricted",
      conditions: [
        { field: "restrictAccident", barsWhen: true, zh: "近三年发生过较大以上安全生产、环境事故或恶劣社会影响事件，或存在严重产品质量问题", en: "a major safety, environmental or quality incident in the last three years", clause: `${SD_2023} 二(二)1` },
        { field: "restrictBlacklist", barsWhen: true, zh: "列入安全生产不良记录“黑名单”或不符合财政涉企资金“绿色门槛”", en: "on the work-safety blacklist or failing the green threshold", clause: `${SD_2023} 二(二)2` },
        { field: "restrictCredit", barsWhen: true, zh: "单位或法定代表人被纳入严重失信“黑名单”", en: "the unit or its legal representative is on the serious-dishonesty blacklist", clause: `${SD_2023} 二(二)3` },
        { field: "policyCompliant", barsWhen: false, zh: "不符合国家和省产业政策", en: "not in line with national and provincial industrial policy", clause: `${SD_2023} 二(二)5` },
      ],
      textField: "restrictionsText",
      textClause: `${SD_2023} 二(二)：有下列情形之一，不得申报`,
      accidentGrades: {
        field: "restrictAccident",
        barred: ["较大", "重大", "特大", "特别重大"],
        lesser: ["一般", "轻微", "较小"],
        about: ["事故", "事件"],
        otherBars: ["黑名单", "失信", "绿色门槛", "产业政策", "质量问题", "恶劣", "规划", "未建", "尚未开始建设"],
        clause: `${SD_2023} 二(二)1：近三年，发生过较大以上安全生产、环境事故或造成恶劣影响的社会稳定事件，存在过严重产品质量等问题的`,
      },
    },
  ],
  setRules: [
    { type: "one-direction", party: APPLICANT, field: "direction", clause: `${SD_2023} 二(一)4：每个申报单位原则上只能申报一个方向` },
    { type: "duplicates", party: APPLICANT, unlessDiffers: "direction", clause: `${SD_2023} 四(二)：确保材料完整、真实有效` },
  ],
  quota: {
    value: 10,
    open: false,
    label: "平台",
    labelEn: "platforms",
    ownershipField: "ownership",
    exemptOwnership: SD_EXEMPT,
    clause: `${SD_2023} 四(二)：各市推荐平台数量原则上不超过10个，中央驻鲁和省属单位按照属地原则上报，不受推荐数量限制`,
  },
  priority: null,
  settings: [
    {
      id: "earlier155",
      kind: "units",
      zh: "前期155个省级重点平台名单",
      en: "The earlier 155 provincial key platforms",
      decides: "名单中的申报单位不得重复申报（按统一社会信用代码，否则按名称匹配）",
      default: [],
      provenance: `${SD_2023} 二(一)4：前期155个省级重点平台不得重复申报；名单未随通知公布：默认为空，只按表中“是否属于前期155个省级重点平台”列核对`,
    },
  ],
  notes: [
    "申报材料（申报书、汇总表、推荐文件、营业执照、审计报告、法定代表人责任声明、2022年纳税申报表及2022年12月社保缴纳情况）须另行核对；纸质版一式两份、A4双面。",
  ],
};
