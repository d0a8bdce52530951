/** 江苏省工业互联网标杆工厂 (2023 示范工程) — 苏工信融合〔2023〕27号 二、2 and 三(一)(三). */
import { UNVERIFIED, type ProgrammeInput } from "../programme";
import { COMMON_OPTIONAL, CONSTRUCTION_STATUS, JS_2023 } from "./common";
import {
  js2023Built,
  JS_2023_APPLICANT_FIELDS,
  JS_2023_AS_OF_SOURCE,
  JS_2023_DUPLICATES,
  JS_2023_IDENTITY,
  JS_2023_NOTICE,
  JS_2023_PRIORITY,
  JS_2023_PRIORITY_SETTINGS,
  JS_2023_SYSTEM_DEADLINES,
} from "./js-2023-shared";

export const BENCHMARK_DIRECTIONS = ["新型智能产品", "数字化管理", "平台化设计", "智能化制造", "网络化协同", "个性化定制", "服务化延伸"];
export const MANUFACTURING_DIRECTIONS = ["生产现场优化", "生产管理优化", "经营管理优化"];
/** Names from the 2022 guide; 附件2 of the 2023 notice was not published with it (a setting, see below). */
export const BENCHMARK_CAPABILITIES = ["产品全流程", "资产全流程", "商业全流程", "跨链条优化"];

export const jsBenchmarkFactoryProgramme: ProgrammeInput = {
  id: "js-2023-benchmark-factory",
  title: "江苏省工业互联网标杆工厂",
  titleEn: "Jiangsu industrial internet benchmark factories (2023)",
  province: "32",
  notice: JS_2023_NOTICE,
  cityDeadline: "2023-03-15",
  deadlines: JS_2023_SYSTEM_DEADLINES,
  asOf: "2023-02-28",
  asOfSource: JS_2023_AS_OF_SOURCE,
  fields: [
    ...COMMON_OPTIONAL,
    ...JS_2023_APPLICANT_FIELDS,
    { field: "direction", required: true, allowed: BENCHMARK_DIRECTIONS },
    { field: "projectName", required: false },
    CONSTRUCTION_STATUS,
    { field: "investPlatform", required: false },
    { field: "investDevices", required: false },
    { field: "investTesting", required: false },
    { field: "investment", required: true, unlessAll: ["investPlatform", "investDevices", "investTesting"] },
    { field: "certified", required: true },
    { field: "certificateValidUntil", required: false },
    { field: "capBasic", required: false },
    { field: "capManufacturing", required: false, allowed: MANUFACTURING_DIRECTIONS, allowedFromSetting: "manufacturingDirections" },
    { field: "capBenchmark", required: false, allowed: BENCHMARK_CAPABILITIES, allowedFromSetting: "benchmarkCapabilities" },
    { field: "clusterOrChain", required: false },
  ],
  rowRules: [
    JS_2023_IDENTITY,
    { type: "min-age", field: "registeredOn", years: 3, clause: `${JS_2023} 三(一)1：单位注册时间，标杆工厂类不少于3年` },
    // Corrections, third reading: 须为已建成项目 — 基本建成 and 在建 are errors.
    js2023Built(`${JS_2023} 三(三)1：申报项目须为已建成项目`, false),
    {
      type: "investment-min",
      total: "investment",
      parts: ["investPlatform", "investDevices", "investTesting"],
      min: 2000,
      clause: `${JS_2023} 三(三)1：近3年以内的平台和系统开发费、智能设备（终端）购置费、测试验证和项目咨询费等投入总计不低于2000万元`,
    },
    {
      type: "certificate",
      status: "certified",
      validUntil: "certificateValidUntil",
      after: "2023-03-31",
      name: "两化融合管理体系贯标",
      nameEn: "两化融合 management system certification",
      evidenceField: "remarks",
      clause: `${JS_2023} 三(三)2：须通过两化融合管理体系贯标并提供证书（证书尚未下发的提供佐证材料），证书有效期须在2023年3月31日之后`,
    },
    {
      type: "capability",
      basic: { field: "capBasic", required: 3 },
      manufacturing: { field: "capManufacturing" },
      benchmark: { field: "capBenchmark", atLeast: 1 },
      clause: `${JS_2023} 三(三)3：“基础技术能力”3个方面全部满足；“制造系统能力”3个方向都要涉及；“企业标杆能力”4个方向至少涉及一个`,
    },
  ],
  setRules: [...JS_2023_DUPLICATES],
  quota: null,
  priority: JS_2023_PRIORITY,
  settings: [
    {
      id: "manufacturingDirections",
      kind: "names",
      zh: "“制造系统能力”方向名称",
      en: "Manufacturing system capability directions",
      decides: "“制造系统能力”可填的方向名称；通知要求这些方向都要涉及",
      default: MANUFACTURING_DIRECTIONS,
      provenance: `${UNVERIFIED}：通知只说“制造系统能力”3个方向，名称在附件2（建设指南）中，未随通知公布；默认名称取自2022年建设指南，请对照2023年附件2核实`,
    },
    {
      id: "benchmarkCapabilities",
      kind: "names",
      zh: "“企业标杆能力”方向名称",
      en: "Enterprise benchmark capability directions",
      decides: "“企业标杆能力”可填的方向名称；通知要求至少涉及一个",
      default: BENCHMARK_CAPABILITIES,
      provenance: `${UNVERIFIED}：通知只说“企业标杆能力”4个方向，名称在附件2（建设指南）中，未随通知公布；默认名称取自2022年建设指南，请对照2023年附件2核实`,
    },
    ...JS_2023_PRIORITY_SETTINGS,
  ],
  notes: [],
};
