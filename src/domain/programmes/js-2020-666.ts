/** 江苏省工业互联网加速器工程（666工程）第一批 — 江苏省工业和信息化厅, 2020. */
import type { ProgrammeInput } from "../programme";
import { APPLICANT, applicantIdentity, COMMON_OPTIONAL, JS_666 } from "./common";

export const JS_666_TYPES = ["省级工业互联网云服务中心（云基地）", "工业互联网服务骨干企业", "上云上平台示范企业"];

export const js666Programme: ProgrammeInput = {
  id: "js-2020-666",
  title: "江苏省工业互联网加速器工程（666工程）",
  titleEn: "Jiangsu industrial internet accelerator (666 programme), first batch",
  province: "32",
  notice: {
    number: null,
    title: "关于组织实施江苏省工业互联网加速器工程的通知",
    issuer: "江苏省工业和信息化厅",
    issued: null,
    seeds: ["003"],
  },
  countyLevelUnits: ["昆山市", "泰兴市", "沭阳县"],
  cityDeadline: "2020-08-30",
  deadlines: [
    { what: "完成第一批项目对接", date: "2020-07-15" },
    { what: "完成第一批项目申报（纸质2本及电子文档报省工信厅两化融合推进处）", date: "2020-08-30" },
    { what: "省工信厅完成第一批项目审核", date: "2020-09-30" },
  ],
  asOf: "2020-08-30",
  asOfSource: `${JS_666} 三、2：2020年8月30日前完成第一批项目申报工作`,
  fields: [
    ...COMMON_OPTIONAL,
    {
      field: "category",
      required: true,
      allowed: JS_666_TYPES,
      aliases: {
        云基地: "省级工业互联网云服务中心（云基地）",
        云服务中心: "省级工业互联网云服务中心（云基地）",
        省级工业互联网云服务中心: "省级工业互联网云服务中心（云基地）",
        工业互联网云服务中心: "省级工业互联网云服务中心（云基地）",
        服务骨干企业: "工业互联网服务骨干企业",
        骨干企业: "工业互联网服务骨干企业",
        企业上云上平台示范: "上云上平台示范企业",
        上云上平台示范: "上云上平台示范企业",
      },
    },
    { field: "applicant", required: true },
    { field: "uscc", required: true },
    { field: "registeredOn", required: false },
    { field: "projectName", required: true },
    { field: "investment", required: false },
    { field: "cooperation", required: false },
    { field: "docked", required: false },
  ],
  rowRules: [
    // The notice states no registration or legal-person clause (its own 云基地 partner is a 深圳 company): warnings only.
    applicantIdentity(
      {
        clause: `${JS_666} 二、三：由各地工信局组织申报（通知未列注册地条款：省外登记的请人工核实）`,
        legalPersonClause: `${JS_666} 三、2：各地工信局组织对申报单位材料进行审核（通知未列独立法人条款：请人工核实）`,
      },
      undefined,
      "warning",
    ),
  ],
  setRules: [{ type: "duplicates", party: APPLICANT, clause: `${JS_666} 三、2：组织对申报单位材料进行审核，提出推荐意见` }],
  quota: null,
  priority: null,
  settings: [],
  notes: [
    "全省目标为6家云基地、60家骨干企业、600家示范企业（到2022年底），不是各地推荐名额。",
    "通知未列注册年限、投资额等条件：只核对身份、类型和重复。",
  ],
};
