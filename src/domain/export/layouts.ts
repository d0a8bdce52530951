/**
 * Default summary-table layouts, one per programme (two for 山东 2023 平台入库: 附件2 and 附件3).
 *
 * THESE ARE DEFAULTS. None of the notices gives the province's exact columns:
 * 苏工信融合〔2023〕27号 only names "推荐项目汇总表（附件7）一式一份、盖章"; the 山东 2023 notice names
 * 附件2 申报信息汇总表 and 附件3 推荐表; the 工赋百景 notice names 汇总表（附件3） and asks for 排序推荐 within the quota with
 * 中央驻鲁企业、省属国企 "不占用推荐名额"; the 666工程 notice names its three project types. Each layout
 * below is built from that wording (the `basis` field quotes it): a title with the year and the
 * programme, the 推荐单位（盖章）/联系人/电话/填报日期 line, 序号, the fields the notice asks about, and a
 * 备注 carrying priority marks. When the bureau has the province's own blank form, filling that
 * template (template-plan.ts) is preferred. docs/export-layouts.md describes them for users.
 *
 * Field ids are the canonical ones of src/domain/fields.ts.
 */
import { Layout, type LayoutColumn, type ColumnSource } from "./layout";

type Col = [header: string, headerEn: string, source: ColumnSource, minWidth: number, maxWidth: number, optional?: "optional"];
const cols = (list: readonly Col[]): LayoutColumn[] =>
  list.map(([header, headerEn, source, minWidth, maxWidth, optional]) => ({ header, headerEn, source, minWidth, maxWidth, ...(optional ? { optional: true } : {}) }));
const field = (format: "text" | "uscc" | "date" | "amount" | "phone" | "integer", ...fields: string[]): ColumnSource => ({ kind: "field", fields, format });
/** The same column under the form's own wording ("成立日期" for 注册时间). */
const headed = (header: string, [, ...rest]: Col): Col => [header, ...rest];

const SEQ: Col = ["序号", "No.", { kind: "seq" }, 6, 6];
const DISTRICT: Col = ["所在县（市、区）", "District", field("text", "district"), 10, 14, "optional"];
const APPLICANT: Col = ["申报单位", "Applicant", field("text", "applicant"), 24, 34];
const USCC: Col = ["统一社会信用代码", "USCC", field("uscc", "uscc"), 21, 21];
const REGISTERED: Col = ["注册时间", "Registered on", field("date", "registeredOn"), 11, 12];
const PROJECT: Col = ["项目名称", "Project", field("text", "projectName"), 20, 32];
const PLATFORM: Col = ["平台名称", "Platform", field("text", "projectName"), 20, 32];
const CONSTRUCTION: Col = ["建设情况", "Construction", field("text", "constructionStatus"), 8, 10];
const CLUSTER: Col = ["所属集群/产业链", "Cluster or chain", field("text", "clusterOrChain"), 12, 20];
const CONTACT: Col = ["联系人", "Contact", field("text", "contact"), 8, 10];
const PHONE: Col = ["联系电话", "Phone", field("phone", "phone"), 13, 18];
const REMARKS: Col = ["备注", "Remarks", { kind: "remarks", fields: ["remarks"] }, 16, 30];
/** Every form ends with who to call and the 备注. */
const SIGN_OFF: Col[] = [CONTACT, PHONE, REMARKS];

/** What a layout states; the id is "<programme>/<attachment>" (or "/<form>" where the notice numbers none) and rank order is the default. */
type LayoutDraft = Omit<Layout, "id" | "columns" | "order"> & { columns: readonly Col[]; order?: Layout["order"]; form?: string };
const layout = ({ form, ...draft }: LayoutDraft): Layout => ({ ...draft, id: `${draft.programme}/${draft.attachment ?? form}`, order: draft.order ?? "rank", columns: cols(draft.columns) });

// ---------------------------------------------------------------- 江苏 2023 示范工程: one 附件7 per sub-programme

const JS_2023_NOTICE = "苏工信融合〔2023〕27号：各类申报推荐报告（含汇总表（详见附件7）一式一份、盖章）同步上报省工信厅；五、2 对省16个先进制造业集群和“531”产业链内企业同等条件下予以优先认定";

/** The three 2023 示范工程 forms differ only in what they recommend and the columns between 序号/申报单位… and 所属集群…/备注. */
function js2023(p: { programme: string; kind: string; kindEn: string; recommended: string; recommendedEn: string; basis: string; identity: Col[]; columns: Col[]; sections?: Layout["sections"] }): Layout {
  return layout({
    programme: p.programme,
    attachment: "附件7",
    name: `推荐项目汇总表（${p.kind}）`,
    nameEn: `Recommended projects (${p.kindEn})`,
    title: `2023年度省工业互联网示范工程推荐项目汇总表（${p.recommended}）`,
    titleEn: `2023 Jiangsu industrial-internet demonstration projects: recommended ${p.recommendedEn}`,
    basis: `${JS_2023_NOTICE}；${p.basis}`,
    columns: [SEQ, DISTRICT, ...p.identity, ...p.columns, CLUSTER, ...SIGN_OFF],
    exempt: null,
    sections: p.sections ?? null,
    notes: ["备注栏标注属省先进制造业集群或“531”产业链的企业（通知五、2：同等条件下予以优先认定）。"],
  });
}

const jsPlatform = js2023({
  programme: "js-2023-platform",
  kind: "平台",
  kindEn: "platforms",
  recommended: "省重点工业互联网平台",
  recommendedEn: "key platforms",
  basis: "三(二) 未建或在建项目不得申报、已认定平台可升级申报；二、1 综合型、特色型、专业型3大类5个方向",
  identity: [APPLICANT, USCC, REGISTERED],
  columns: [
    ["平台类型（方向）", "Platform type", field("text", "direction"), 12, 22],
    PLATFORM,
    CONSTRUCTION,
    ["是否升级申报", "Upgrade", field("text", "upgrade"), 9, 9],
    ["平台投入（万元）", "Investment (10k CNY)", field("amount", "investment"), 10, 12],
  ],
});

const jsBenchmarkFactory = js2023({
  programme: "js-2023-benchmark-factory",
  kind: "标杆工厂",
  kindEn: "benchmark factories",
  recommended: "省工业互联网标杆工厂",
  recommendedEn: "benchmark factories",
  basis: "三(三) 已建成、近3年投入不低于2000万元、两化融合贯标证书有效期须在2023年3月31日之后；二、2 7大业态模式创新方向",
  identity: [APPLICANT, USCC, headed("成立日期", REGISTERED)],
  columns: [
    ["业态模式创新方向", "Innovation direction", field("text", "direction"), 10, 12],
    PROJECT,
    CONSTRUCTION,
    ["近三年投入合计（万元）", "Investment, last 3 years (10k CNY)", field("amount", "investment"), 11, 12],
    ["贯标证书有效期至", "Certificate valid until", field("date", "certificateValidUntil"), 11, 12],
  ],
});

const jsStarCloud = js2023({
  programme: "js-2023-star-cloud",
  kind: "星级上云",
  kindEn: "star cloud",
  recommended: "省星级上云企业",
  recommendedEn: "star-rated cloud enterprises",
  basis: "四(二)2 三星、四星级由各设区市工信局组织评定、报省工信厅复核认定，五星级由各设区市工信局初审推荐、报省工信厅评定；三(四) 上云时间自2022年1月1日至2023年2月28日",
  identity: [["企业名称", "Enterprise", field("text", "applicant"), 24, 34], USCC, REGISTERED],
  columns: [
    ["申报星级", "Star applied for", field("text", "starApplied"), 8, 8],
    ["已获评星级", "Star held", field("text", "starHeld"), 8, 10],
    ["上云开始时间", "Cloud since", field("date", "cloudStart"), 11, 12],
    ["上云投入（万元）", "Cloud spend (10k CNY)", field("amount", "investment"), 10, 12],
    ["主要云服务", "Cloud services", field("text", "cloudServices"), 14, 24],
  ],
  sections: {
    fields: ["starApplied"],
    list: [
      { id: "city", label: "一、三星级、四星级上云企业（设区市工信局评定，报省工信厅复核认定）", labelEn: "I. Three- and four-star (rated by the city, reviewed by the province)", contains: ["三星", "四星", "3星", "4星"] },
      { id: "province", label: "二、五星级上云企业（设区市工信局初审推荐，报省工信厅评定）", labelEn: "II. Five-star (recommended by the city, rated by the province)", contains: ["五星", "5星"] },
    ],
    unmatchedLabel: "三、申报星级未能识别（请核实后归入上述类别）",
    numbering: "per-section",
  },
});

// ---------------------------------------------------------------- 山东 2023 平台入库: 附件2 and 附件3

const SD_2023_NOTICE = "鲁工信2023年省级工业互联网平台入库通知：三(一)2 申报信息汇总表（附件2）由设区市工业和信息化部门合并报送；四(二) 分别填写汇总表（附件2）和推荐表（附件3），各市推荐平台数量原则上不超过10个，中央驻鲁和省属单位按照属地原则上报，不受推荐数量限制";
const SD_DISTRICT = headed("所在区县", DISTRICT);
const SD_APPLICANT = headed("申报单位名称", APPLICANT);
const SD_DIRECTION: Col = ["申报方向", "Direction", field("text", "direction"), 14, 34];
const SD_OWNERSHIP: Col = ["单位性质", "Ownership", field("text", "ownership"), 8, 16];
const sdPlatformCommon = { programme: "sd-2023-platform", exempt: { mark: "不占推荐名额" }, sections: null } as const;

const sdPlatformSummary = layout({
  ...sdPlatformCommon,
  attachment: "附件2",
  name: "申报信息汇总表",
  nameEn: "Application summary",
  title: "2023年省级工业互联网平台入库申报信息汇总表",
  titleEn: "2023 Shandong provincial industrial-internet platform pool: application summary",
  basis: `${SD_2023_NOTICE}；一 申报方向：综合型、特色型（面向重点行业、面向重点区域）、专业型（面向产业链供应链协同、面向特定技术）`,
  columns: [SEQ, SD_DISTRICT, SD_APPLICANT, USCC, REGISTERED, PLATFORM, SD_DIRECTION, SD_OWNERSHIP, ["平台建设情况", "Construction", field("text", "constructionStatus"), 10, 12], ...SIGN_OFF],
  notes: ["本市推荐平台共{total}个，其中占推荐名额{counted}个，中央驻鲁和省属单位{exempt}个（不受推荐数量限制）。"],
});

const sdPlatformRecommendation = layout({
  ...sdPlatformCommon,
  attachment: "附件3",
  name: "推荐表",
  nameEn: "Recommendation form",
  title: "2023年省级工业互联网平台入库推荐表",
  titleEn: "2023 Shandong provincial industrial-internet platform pool: recommendation form",
  basis: SD_2023_NOTICE,
  columns: [SEQ, SD_APPLICANT, PLATFORM, SD_DIRECTION, SD_DISTRICT, SD_OWNERSHIP, ["是否占用推荐名额", "Takes a slot", { kind: "takesSlot" }, 10, 11], ...SIGN_OFF],
  notes: ["本市推荐平台共{total}个，其中占推荐名额{counted}个（原则上不超过10个），中央驻鲁和省属单位{exempt}个（不受推荐数量限制）。"],
});

// ---------------------------------------------------------------- 江苏 666工程 and 山东 工赋百景

const js666 = layout({
  programme: "js-2020-666",
  // The notice asks cities to 汇总后报省工信厅 but numbers no attachment for it: no label.
  attachment: null,
  form: "汇总表",
  name: "项目推荐汇总表",
  nameEn: "Project summary",
  title: "江苏省工业互联网加速器工程（666工程）第一批项目推荐汇总表",
  titleEn: "Jiangsu industrial-internet accelerator (666) — first batch: recommended projects",
  basis: "苏工信 666工程通知：三 围绕省级工业互联网云服务中心（云基地）、工业互联网服务骨干企业、上云上平台示范企业三类项目；各地工信局组织填报申报书，审核后提出推荐意见，汇总后报省工信厅",
  columns: [
    SEQ, DISTRICT, APPLICANT, USCC, headed("成立时间", REGISTERED), PROJECT,
    ["项目总投资（万元）", "Investment (10k CNY)", field("amount", "investment"), 10, 12],
    ["与腾讯公司合作内容", "Cooperation with Tencent", field("text", "cooperation"), 16, 28],
    ...SIGN_OFF,
  ],
  exempt: null,
  sections: {
    fields: ["category"],
    list: [
      { id: "cloud-base", label: "一、省级工业互联网云服务中心（云基地）", labelEn: "I. Provincial industrial-internet cloud service centres (cloud bases)", contains: ["云服务中心", "云基地"] },
      { id: "backbone", label: "二、工业互联网服务骨干企业", labelEn: "II. Industrial-internet backbone service enterprises", contains: ["骨干"] },
      { id: "demo", label: "三、上云上平台示范企业", labelEn: "III. Cloud and platform adoption demonstration enterprises", contains: ["上云", "上平台", "示范企业"] },
    ],
    unmatchedLabel: "四、项目类型未能识别（请核实后归入上述类别）",
    numbering: "per-section",
  },
  notes: [],
});

const gfbj = layout({
  programme: "sd-2024-gfbj-2",
  // 四(一): 分任务单独编写申报书（附件2）和汇总表（附件3）.
  attachment: "附件3",
  name: "推荐项目汇总表",
  nameEn: "Recommended projects",
  title: "2024年度“工赋百景”制造业数字化转型揭榜挂帅（第二批）试点推荐项目汇总表",
  titleEn: "2024 \"Gongfu Baijing\" digital-transformation pilots (batch 2): recommended projects",
  basis: "鲁工信“工赋百景”第二批通知：三(二) 优选项目按推荐数量名额要求排序推荐（附件4），中央驻鲁企业、省属国企按照属地原则从所在地申报但不占用推荐名额，子公司申报的需有省级公司推荐函，同一集团内企业总揭榜任务不超过5个；二(一) 联合体，1家省内服务商牵头，制造业企业作为场景落地单位",
  columns: [
    SEQ,
    ["推荐排序", "Rank", { kind: "rank", fields: ["rank"] }, 7, 7],
    ["揭榜任务", "Task", field("text", "task"), 16, 22],
    ["项目名称", "Project", field("text", "projectName"), 16, 20],
    ["牵头单位（服务商）", "Lead (service provider)", field("text", "leadName"), 18, 24],
    ["牵头单位统一社会信用代码", "Lead USCC", field("uscc", "leadUscc"), 21, 21],
    ["场景落地单位（制造业企业）", "Site (manufacturer)", field("text", "siteName"), 18, 24],
    ["场景落地单位统一社会信用代码", "Site USCC", field("uscc", "siteUscc"), 21, 21],
    ["其他联合体成员", "Other members", field("text", "members"), 12, 20],
    ["所属集团", "Group", field("text", "group"), 10, 14],
    headed("企业性质", SD_OWNERSHIP),
    ["预期投入（万元）", "Expected investment (10k CNY)", field("amount", "investment"), 10, 12],
    ...SIGN_OFF,
  ],
  exempt: { mark: "不占名额" },
  sections: null,
  notes: ["按推荐排序填列；中央驻鲁企业、省属国企不占用推荐名额，列于排序项目之后。本市推荐{total}个项目，其中占名额{counted}个、不占名额{exempt}个。"],
});

/** Every layout, validated at load: a malformed layout fails loudly in the first test, never at a clerk's desk. */
export const LAYOUTS: readonly Layout[] = [jsPlatform, jsBenchmarkFactory, jsStarCloud, sdPlatformSummary, sdPlatformRecommendation, js666, gfbj].map((l) => Layout.parse(l));

export function layoutsFor(programmeId: string): Layout[] {
  return LAYOUTS.filter((l) => l.programme === programmeId);
}

/** A layout by id ("sd-2023-platform/附件3") or, for a programme id, its first layout. */
export function findLayout(idOrProgramme: string): Layout | undefined {
  return LAYOUTS.find((l) => l.id === idOrProgramme) ?? LAYOUTS.find((l) => l.programme === idOrProgramme);
}
