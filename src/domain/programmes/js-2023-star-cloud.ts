/** 江苏省星级上云企业 (2023 示范工程) — 苏工信融合〔2023〕27号 二、3 and 三(一)(四). */
import type { ProgrammeInput } from "../programme";
import { COMMON_OPTIONAL, JS_2023 } from "./common";
import { JS_2023_APPLICANT_FIELDS, JS_2023_DUPLICATES, JS_2023_IDENTITY, JS_2023_MIN_AGE_ONE_YEAR, JS_2023_NOTICE, JS_2023_PRIORITY, JS_2023_PRIORITY_SETTINGS } from "./js-2023-shared";

export const STARS = ["三星级", "四星级", "五星级"];
const STAR_ALIASES: Record<string, string> = {
  三星: "三星级", "3星": "三星级", "3星级": "三星级", 三星级上云企业: "三星级",
  四星: "四星级", "4星": "四星级", "4星级": "四星级", 四星级上云企业: "四星级",
  五星: "五星级", "5星": "五星级", "5星级": "五星级", 五星级上云企业: "五星级",
};

export const jsStarCloudProgramme: ProgrammeInput = {
  id: "js-2023-star-cloud",
  title: "江苏省星级上云企业",
  titleEn: "Jiangsu star-rated cloud enterprises (2023)",
  province: "32",
  notice: JS_2023_NOTICE,
  cityDeadline: "2023-04-17",
  deadlines: [{ what: "设区市工信局通过申报系统完成审核推荐", date: "2023-04-17" }],
  asOf: "2023-02-28",
  asOfSource: `${JS_2023} 三(四)2：上云时间及投入金额计算至2023年2月28日止`,
  fields: [
    ...COMMON_OPTIONAL,
    ...JS_2023_APPLICANT_FIELDS,
    { field: "starApplied", required: true, allowed: STARS, aliases: STAR_ALIASES },
    { field: "starHeld", required: false, allowed: ["无", ...STARS], aliases: { ...STAR_ALIASES, 否: "无", 未评定: "无", 未获评: "无", "/": "无", "-": "无", 暂无: "无" } },
    { field: "cloudStart", required: true },
    { field: "cloudEnd", required: false },
    { field: "cloudInUse", required: false },
    { field: "investment", required: false },
    { field: "cloudServices", required: false },
    { field: "clusterOrChain", required: false },
  ],
  rowRules: [
    JS_2023_IDENTITY,
    JS_2023_MIN_AGE_ONE_YEAR,
    {
      type: "star-ladder",
      applied: "starApplied",
      held: "starHeld",
      levels: STARS,
      none: "无",
      clause: `${JS_2023} 三(四)1：申报四星级的须已评定为三星级，申报五星级的须已评定为四星级，已获评星级的不须重复申报同一及以下星级`,
    },
    {
      type: "cloud-window",
      start: "cloudStart",
      end: "cloudEnd",
      inUse: "cloudInUse",
      from: "2022-01-01",
      to: "2023-02-28",
      minMonths: 3,
      clause: `${JS_2023} 三(四)2：上云时间从2022年1月1日起至2023年2月28日止；各项云服务连续使用时间不得少于3个月，且申报时仍在使用`,
    },
  ],
  setRules: [...JS_2023_DUPLICATES],
  quota: null,
  priority: JS_2023_PRIORITY,
  settings: [...JS_2023_PRIORITY_SETTINGS],
  notes: [
    "三星、四星级由设区市评定、省厅复核；五星级由设区市初审推荐、省厅评定：汇总时两类分开报送。",
  ],
};
