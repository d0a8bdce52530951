/**
 * Parts a draft is built from (parties, the spellings of construction status, the fields every list
 * may carry): the same as the built-in programme files hold, so a draft reads a list as they do.
 */
import type { FieldSpec, Party } from "../programme";

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

/** Fields every list may carry and no programme requires. */
export const COMMON_OPTIONAL: FieldSpec[] = [
  { field: "seq", required: false },
  { field: "district", required: false },
  { field: "contact", required: false },
  { field: "phone", required: false },
  { field: "remarks", required: false },
];
