/** 江苏省重点工业互联网平台 (2023 示范工程) — 苏工信融合〔2023〕27号 二、1 and 三(一)(二). */
import type { ProgrammeInput } from "../programme";
import { COMMON_OPTIONAL, CONSTRUCTION_ALIASES, CONSTRUCTION_ALLOWED, JS_2023 } from "./common";
import { JS_2023_DUPLICATES, JS_2023_IDENTITY, JS_2023_NOTES, JS_2023_NOTICE, JS_2023_PRIORITY } from "./js-2023-shared";

/** "3大类5个方向": the five are in 附件1, not in the seeds; Shandong's 2023 wording is the shipped default. */
export const JS_PLATFORM_DIRECTIONS = [
  "综合型",
  "特色型",
  "专业型",
  "特色型（面向重点行业）",
  "特色型（面向重点区域）",
  "专业型（面向产业链供应链协同）",
  "专业型（面向特定技术）",
];

export const jsPlatformProgramme: ProgrammeInput = {
  id: "js-2023-platform",
  title: "江苏省重点工业互联网平台",
  titleEn: "Jiangsu key industrial internet platforms (2023)",
  province: "32",
  notice: JS_2023_NOTICE,
  cityDeadline: "2023-03-15",
  deadlines: [
    { what: "企业在申报系统完成申报", date: "2023-02-28" },
    { what: "设区市工信局通过申报系统完成审核推荐", date: "2023-03-15" },
  ],
  asOf: "2023-02-28",
  fields: [
    ...COMMON_OPTIONAL,
    { field: "applicant", required: true },
    { field: "uscc", required: true },
    { field: "registeredOn", required: true },
    { field: "direction", required: true, allowed: JS_PLATFORM_DIRECTIONS, allowedFromSetting: "directions", aliases: { 综合: "综合型", 特色: "特色型", 专业: "专业型" } },
    { field: "projectName", required: false },
    { field: "constructionStatus", required: true, allowed: CONSTRUCTION_ALLOWED, aliases: CONSTRUCTION_ALIASES },
    { field: "alreadyRecognised", required: false },
    { field: "upgrade", required: false },
    { field: "investment", required: false },
    { field: "clusterOrChain", required: false },
    { field: "rank", required: false },
  ],
  rowRules: [
    JS_2023_IDENTITY,
    { type: "min-age", field: "registeredOn", years: 1, clause: `${JS_2023} 三(一)1：单位注册时间，平台和星级上云企业类不少于1年` },
    { type: "built", field: "constructionStatus", ok: ["已建成", "已建成运营", "运营中"], warn: ["基本建成"], clause: `${JS_2023} 三(二)1：未建或在建项目不得申报` },
    { type: "not-recognised", field: "alreadyRecognised", upgradeField: "upgrade", clause: `${JS_2023} 三(二)2：已被认定为省重点工业互联平台的，原则上不再重复申报；显著提升的可升级申报` },
  ],
  setRules: [...JS_2023_DUPLICATES],
  quota: null,
  priority: JS_2023_PRIORITY,
  settings: [
    {
      id: "directions",
      zh: "平台方向",
      en: "Platform directions",
      default: JS_PLATFORM_DIRECTIONS,
      noteWhenDefault: "平台“3大类5个方向”的具体名称见附件1（建设指南），通知正文未列出；暂按综合型、特色型、专业型及山东2023年通知的5个方向写法核对，可在设置中修改。",
    },
  ],
  notes: [...JS_2023_NOTES],
};
