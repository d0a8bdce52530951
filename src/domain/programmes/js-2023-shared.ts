/** What the three Jiangsu 2023 示范工程 programmes share (苏工信融合〔2023〕27号, seeds 000 and 002). */
import type { ProgrammeInput, RowRule, SetRule } from "../programme";
import { APPLICANT, JS_2023 } from "./common";

export const JS_2023_NOTICE: ProgrammeInput["notice"] = {
  number: JS_2023,
  title: "关于组织开展2023年度省工业互联网示范工程项目申报工作的通知",
  issuer: "江苏省工业和信息化厅",
  issued: "2023-01-19",
  seeds: ["000", "002"],
};

export const JS_2023_IDENTITY: RowRule = {
  type: "identity",
  party: APPLICANT,
  province: "required",
  otherCity: true,
  legalPerson: true,
  centralOwnership: [],
  clause: `${JS_2023} 三(一)1：申报单位应在江苏省内注册`,
  legalPersonClause: `${JS_2023} 三(一)1：具有独立的法人`,
};

export const JS_2023_DUPLICATES: SetRule[] = [
  { type: "duplicates", party: APPLICANT, clause: `${JS_2023} 四(二)1：各地工信部门认真做好项目推荐审核` },
];

export const JS_2023_PRIORITY = { clause: `${JS_2023} 五、2：省16个先进制造业集群和“531”产业链内企业，同等条件下予以优先认定` };

export const JS_2023_NOTES = [
  "优先认定：随附的集群名称为2018年确认的13个先进制造业集群及“531”工程10条卓越提升产业链；“十四五”新增的3个集群及其余产业链名称未经确认，请在参考名单中补充。",
];
