/** 江苏省重点工业互联网平台 (2023 示范工程) — 苏工信融合〔2023〕27号 二、1 and 三(一)(二). */
import type { ProgrammeInput } from "../programme";
import { COMMON_OPTIONAL, CONSTRUCTION_STATUS, JS_2023 } from "./common";
import {
  js2023Built,
  JS_2023_APPLICANT_FIELDS,
  JS_2023_AS_OF_SOURCE,
  JS_2023_DUPLICATES,
  JS_2023_IDENTITY,
  JS_2023_MIN_AGE_ONE_YEAR,
  JS_2023_NOTICE,
  JS_2023_PRIORITY,
  JS_2023_PRIORITY_SETTINGS,
  JS_2023_SYSTEM_DEADLINES,
} from "./js-2023-shared";

/** "3大类5个方向": the notice names the three classes; the five directions are in 附件1, not in the notice. */
export const JS_PLATFORM_CLASSES = ["综合型", "特色型", "专业型"];

export const jsPlatformProgramme: ProgrammeInput = {
  id: "js-2023-platform",
  title: "江苏省重点工业互联网平台",
  titleEn: "Jiangsu key industrial internet platforms (2023)",
  province: "32",
  notice: JS_2023_NOTICE,
  cityDeadline: "2023-03-15",
  deadlines: JS_2023_SYSTEM_DEADLINES,
  asOf: "2023-02-28",
  asOfSource: JS_2023_AS_OF_SOURCE,
  fields: [
    ...COMMON_OPTIONAL,
    ...JS_2023_APPLICANT_FIELDS,
    { field: "direction", required: true, allowed: JS_PLATFORM_CLASSES, qualifiable: true, allowedFromSetting: "directions", aliases: { 综合: "综合型", 特色: "特色型", 专业: "专业型" } },
    { field: "projectName", required: false },
    CONSTRUCTION_STATUS,
    { field: "alreadyRecognised", required: false },
    // A 申报类型 column holding 新申报 / 升级申报 answers the upgrade question (三(二)2).
    { field: "upgrade", required: false, contentSynonyms: ["申报类型", "申报类别", "申报性质"], aliases: { 升级申报: "是", 升级: "是", 新申报: "否", 首次申报: "否", 新增申报: "否" } },
    { field: "investment", required: false },
    { field: "clusterOrChain", required: false },
    { field: "rank", required: false },
  ],
  rowRules: [
    JS_2023_IDENTITY,
    JS_2023_MIN_AGE_ONE_YEAR,
    js2023Built(`${JS_2023} 三(二)1：未建或在建项目不得申报`),
    { type: "not-recognised", field: "alreadyRecognised", upgradeField: "upgrade", clause: `${JS_2023} 三(二)2：已被认定为省重点工业互联平台的，原则上不再重复申报；显著提升的可升级申报` },
  ],
  setRules: [...JS_2023_DUPLICATES],
  quota: null,
  priority: JS_2023_PRIORITY,
  settings: [
    {
      id: "directions",
      kind: "names",
      zh: "平台方向名单",
      en: "Platform directions",
      decides: "“申报方向”可填的方向名称；不设名单时只核对所属大类（综合型、特色型、专业型）",
      default: null,
      provenance: `${JS_2023} 二、1：包括综合型、特色型、专业型3大类5个方向；5个方向的名称在附件1（建设指南）中，通知正文未列出：默认不设名单`,
    },
    ...JS_2023_PRIORITY_SETTINGS,
  ],
  notes: [],
};
