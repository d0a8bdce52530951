/** What the three Jiangsu 2023 示范工程 programmes share (苏工信融合〔2023〕27号). */
import { CHAIN_SOURCE, CLUSTER_SOURCE, JIANGSU_531_CHAINS, JIANGSU_CLUSTERS } from "../data/clusters";
import type { FieldSpec, ProgrammeInput, RowRule, SetRule, Setting } from "../programme";
import { APPLICANT, applicantIdentity, JS_2023 } from "./common";

export const JS_2023_NOTICE: ProgrammeInput["notice"] = {
  number: JS_2023,
  title: "关于组织开展2023年度省工业互联网示范工程项目申报工作的通知",
  issuer: "江苏省工业和信息化厅",
  issued: "2023-01-19",
  seeds: ["000", "002"],
};

/** Platforms and benchmark factories: enterprises apply in the online system, the city approves there. */
export const JS_2023_SYSTEM_DEADLINES: ProgrammeInput["deadlines"] = [
  { what: "企业在申报系统完成申报", date: "2023-02-28" },
  { what: "设区市工信局通过申报系统完成审核推荐", date: "2023-03-15" },
];

/** The first fields of every Jiangsu 2023 list, after the common optional ones. */
export const JS_2023_APPLICANT_FIELDS: FieldSpec[] = [
  { field: "applicant", required: true },
  { field: "uscc", required: true },
  { field: "registeredOn", required: true },
];

export const JS_2023_IDENTITY: RowRule = applicantIdentity({
  clause: `${JS_2023} 三(一)1：申报单位应在江苏省内注册`,
  legalPersonClause: `${JS_2023} 三(一)1：具有独立的法人`,
});

/** Platforms and star-rated cloud enterprises: registered at least one year. */
export const JS_2023_MIN_AGE_ONE_YEAR: RowRule = { type: "min-age", field: "registeredOn", years: 1, clause: `${JS_2023} 三(一)1：单位注册时间，平台和星级上云企业类不少于1年` };

/**
 * Built or operating passes, anything else is an error; each programme cites its own clause. `basicWarns`: 基本建成
 * only warns (platforms: 未建或在建项目不得申报 leaves it to a person); the benchmark factory's 须为已建成项目 does not.
 */
export function js2023Built(clause: string, basicWarns = true): RowRule {
  return { type: "built", field: "constructionStatus", ok: ["已建成", "已建成运营", "运营中"], warn: basicWarns ? ["基本建成"] : [], clause };
}

export const JS_2023_DUPLICATES: SetRule[] = [
  { type: "duplicates", party: APPLICANT, clause: `${JS_2023} 四(二)1：各地工信部门认真做好项目推荐审核` },
];

export const JS_2023_PRIORITY: ProgrammeInput["priority"] = {
  party: APPLICANT,
  declaredField: "clusterOrChain",
  clusterSetting: "clusters",
  chainSetting: "chains",
  clause: `${JS_2023} 五、2：省16个先进制造业集群和“531”产业链内企业，同等条件下予以优先认定`,
};

/** The cluster and chain names a declared 所属集群/产业链 is matched against (priority marks). */
export const JS_2023_PRIORITY_SETTINGS: Setting[] = [
  {
    id: "clusters",
    kind: "groups",
    zh: "先进制造业集群名称",
    en: "Advanced manufacturing clusters",
    decides: "“所属集群/产业链”填写哪些名称（或别称）时标记优先认定",
    default: JIANGSU_CLUSTERS.map((g) => ({ name: g.name, aliases: [...g.aliases] })),
    provenance: `${CLUSTER_SOURCE}；“十四五”新增的3个集群名称未经确认，未列入；别称为各地常见写法`,
  },
  {
    id: "chains",
    kind: "groups",
    zh: "“531”产业链名称",
    en: "\"531\" industrial chains",
    decides: "“所属集群/产业链”填写哪些名称（或别称）时标记优先认定",
    default: JIANGSU_531_CHAINS.map((g) => ({ name: g.name, aliases: [...g.aliases] })),
    provenance: `${CHAIN_SOURCE}；其余40条产业链名称未经确认，未列入`,
  },
];

/** Enterprises finish applying by 2023-02-28: the default as-of date of the three programmes. */
export const JS_2023_AS_OF_SOURCE = `${JS_2023} 四(一)1：请各申报单位于2月28日前在申报系统注册并完成项目申报`;
