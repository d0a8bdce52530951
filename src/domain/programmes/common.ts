/** Pieces several programme definitions share: parties, status spellings, clause prefixes, the applicant identity rule. */
import type { FieldSpec, Party, RowRule } from "../programme";

export const JS_2023 = "苏工信融合〔2023〕27号";
export const SD_2023 = "鲁工信2023年省级工业互联网平台入库申报通知";
export const JS_666 = "江苏省工业互联网加速器工程（666工程）通知";
export const SD_GFBJ_2 = "2024年度“工赋百景”揭榜挂帅（第二批）通知";

export const APPLICANT: Party = { name: "applicant", uscc: "uscc", role: "申报单位", roleEn: "applicant" };
export const LEAD: Party = { name: "leadName", uscc: "leadUscc", role: "牵头单位", roleEn: "lead" };
export const SITE: Party = { name: "siteName", uscc: "siteUscc", role: "场景落地单位", roleEn: "site enterprise" };

/** Construction status as districts write it; 是/否 in a 是否建成 column read as built / not built. */
export const CONSTRUCTION_ALLOWED = ["已建成", "已建成运营", "运营中", "基本建成", "在建", "未建", "规划设计阶段"];
export const CONSTRUCTION_ALIASES: Record<string, string> = {
  是: "已建成",
  否: "未建",
  "√": "已建成",
  "×": "未建",
  建成: "已建成",
  已完成: "已建成",
  已竣工: "已建成",
  已建成并运营: "已建成运营",
  建成运营: "已建成运营",
  已建成投运: "已建成运营",
  已运营: "运营中",
  运营: "运营中",
  正常运营: "运营中",
  已上线: "运营中",
  已基本建成: "基本建成",
  建设中: "在建",
  正在建设: "在建",
  未建成: "未建",
  未开工: "未建",
  筹建: "未建",
  规划: "规划设计阶段",
  规划中: "规划设计阶段",
  规划阶段: "规划设计阶段",
  设计阶段: "规划设计阶段",
  规划设计: "规划设计阶段",
};

/** 建设状态, required, with the spellings above. */
export const CONSTRUCTION_STATUS: FieldSpec = { field: "constructionStatus", required: true, allowed: CONSTRUCTION_ALLOWED, aliases: CONSTRUCTION_ALIASES };

/** Fields every list may carry and no programme requires. */
export const COMMON_OPTIONAL: FieldSpec[] = [
  { field: "seq", required: false },
  { field: "district", required: false },
  { field: "contact", required: false },
  { field: "phone", required: false },
  { field: "remarks", required: false },
];

/** Shandong's central-government units (enterprises and institutions), as the ownership reader knows their forms. */
export const SD_CENTRAL_OWNERSHIP = ["中央驻鲁单位"];

/** A national (100000) code is explained by a Shandong central-unit word in the 企业性质 column. */
export const SD_CENTRAL_REGISTRATION = { field: "ownership", words: SD_CENTRAL_OWNERSHIP };

/** Shandong platforms (四(二)): 中央驻鲁和省属单位 — enterprises and institutions — report through the city but take no slot. */
export const SD_EXEMPT = ["中央驻鲁单位", "省属单位"];

/** 工赋百景 (三(二)): 中央驻鲁企业、省属国企 take no slot — enterprises only: a 省属事业单位 is not a 省属国企. */
export const SD_STATE_ENTERPRISES = ["中央驻鲁企业", "省属国企"];

/**
 * The applicant must be registered in the province (in the recommending city, else a finding) and be
 * an independent legal person; only the notice's clauses and its central-ownership words differ.
 */
export function applicantIdentity(
  clauses: { clause: string; legalPersonClause: string },
  centralOwnership?: { field: string; words: string[] },
  severity: "error" | "warning" = "error",
): RowRule {
  return {
    type: "identity",
    party: APPLICANT,
    province: severity === "error" ? "required" : "warn",
    otherCity: true,
    legalPerson: true,
    ...(severity === "warning" ? { legalPersonSeverity: "warning" as const } : {}),
    ...(centralOwnership ? { centralOwnership } : {}),
    ...clauses,
  };
}
