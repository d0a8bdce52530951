/**
 * Every word the task pane and the marks show, zh-CN first with an en-US fallback. The language
 * comes from Office's display language inside Excel and from the browser's in the preview.
 */
import type { Capabilities } from "./port";

export type Lang = "zh" | "en";

/** "zh-CN", "zh-TW", "en-US" … → the language we show. Anything not English is shown in Chinese. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "zh";
}

const ZH = {
  appTitle: "推荐汇总助手",
  openInExcel: "推荐汇总助手：请在 Excel 中打开本加载项。",
  colon: "：",
  settings: "检查设置",
  programme: "申报项目",
  notice: "通知",
  deadline: "市级截止日期",
  daysLeft: (n: number) => (n > 0 ? `还剩 ${n} 天` : n === 0 ? "今天截止" : `已过 ${-n} 天`),
  city: "推荐单位（设区市）",
  countyNote: "本项目允许县级单位直接推荐",
  asOf: "核查基准日",
  quota: "推荐名额",
  quotaOpen: "通知未定，请按市里实际名额填写",
  quotaFixed: (n: number) => `通知规定 ${n} 个`,
  references: "参考名单（工作表）",
  referencesHint: "优先企业名单、不得申报名单等，从本工作簿中选择",
  noOtherSheets: "工作簿中没有其他工作表可作为参考名单",
  sheetToCheck: "要检查的工作表",
  scope: "范围",
  scopeUsed: "整张表（已用区域）",
  scopeSelection: "当前选中区域",
  check: "检查",
  recheck: "重新检查",
  clearMarks: "清除标记",
  checking: "正在检查…",
  phaseRead: "读取表格",
  phaseCheck: "逐行核对",
  phaseMark: "标记结果",
  phaseDone: "完成",
  summary: "检查结果",
  rowsRead: "读取行数",
  rowsChecked: "核对行数",
  rowsSkipped: "跳过行数",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  priorityCount: "优先认定",
  quotas: "名额情况",
  gaugeOver: (n: number) => `超出 ${n}`,
  gaugeUnset: "名额未设置",
  gaugeExempt: (n: number) => `另有 ${n} 家不占名额`,
  rankGauge: "排序",
  rankMissing: (n: number) => `缺${n}`,
  rankDuplicated: (n: number) => `重复${n}`,
  rankUnranked: (n: number) => `未排${n}`,
  rankOk: "完整",
  findings: "问题清单",
  noFindings: "没有发现问题。",
  filterAll: "全部",
  filterBy: "按级别筛选",
  severity: { error: "错误", warning: "警告", info: "提示" } as Record<string, string>,
  rowCol: (row: number | undefined, col: string | undefined, rows: number[] | undefined) => {
    if (row !== undefined && col) return `${col}${row}`;
    if (row !== undefined) return `第${row}行`;
    if (rows && rows.length) return `第${rows.join("、")}行`;
    return "整表";
  },
  value: "单元格内容",
  hint: "处理建议",
  clause: "依据",
  priorityList: "优先认定企业",
  priorityCols: { applicant: "企业", name: "集群/产业链", reason: "理由" },
  kind: { cluster: "集群", chain: "产业链" } as Record<string, string>,
  stale: "表格在检查后已被修改，结果可能过时，请重新检查。",
  noChangeEvents: "此 Excel 不能通知表格改动，修改表格后请重新检查。",
  lacks: "此 Excel 缺少：",
  lacksNothing: "此 Excel 支持全部功能。",
  tooOld: "此 Excel 版本过旧：本加载项需要 ExcelApi 1.2（Office 2016 及以上、Microsoft 365 或 Excel 网页版）。",
  feature: {
    cellNotes: "单元格批注（ExcelApi 1.18），问题说明只在任务窗格和“校验结果”列",
    conditionalFormats: "条件格式（ExcelApi 1.6）",
    dataValidation: "数据验证（ExcelApi 1.8）",
    changeEvents: "改动通知（ExcelApi 1.7），结果过时不会自动提示",
    createWorkbook: "新建工作簿（ExcelApi 1.8），汇总表只能插入或下载",
    insertSheets: "插入工作表（ExcelApi 1.13），汇总表只能另建工作簿或下载",
    mergeUndoGroup: "一步撤销（ExcelApi 1.20），撤销标记需多次 Ctrl+Z",
  } as Record<string, string>,
  marksOn: "表格上有本工具添加的标记",
  notes: "说明",
  failed: "检查未能完成：",
  loading: "正在加载…",
  resultHeader: "校验结果",
  resultOk: "通过",
  resultPriority: "优先",
  previewTitle: "预览：Excel 外运行的任务窗格与示例表格",
  previewSample: "示例名单",
  previewNote: "这是浏览器中的预览，表格保存在内存中；在 Excel 中使用时检查的是当前工作表。",
  selected: "选中",
  sheetTab: "工作表",
  legend: { error: "错误", warning: "警告", priority: "优先认定" } as Record<string, string>,
  legendTitle: "表格标记：",
  exportTitle: "导出汇总表",
  exportTo: "导出到",
  exportDestinations: { sheet: "本工作簿新工作表", workbook: "新工作簿", download: "下载 .xlsx 文件" } as Record<string, string>,
  exportDownloadOnly: "此 Excel 不能插入工作表或新建工作簿，汇总表将以文件形式下载。",
  exportIncludeErrors: "包含有错误的行（默认只导出无错误的行）",
  exportButton: "导出汇总表",
  exporting: "正在导出…",
  exportDone: (n: number, where: string, name: string) =>
    where === "sheet" ? `已导出 ${n} 行到工作表“${name}”。` : where === "workbook" ? `已导出 ${n} 行到新工作簿。` : `已导出 ${n} 行：${name}。`,
  templateButton: "生成区县填报模板",
  templateBusy: "正在生成…",
  templateHint: "按所选项目和推荐单位生成发给各县（市、区）的空白名单：表头与核查一致，可选项为下拉列表，附填报说明。",
  templateDone: (where: string, name: string) => (where === "workbook" ? "已在新工作簿中打开区县填报模板，请另存后发给各县（市、区）。" : `已下载区县填报模板：${name}`),
  none: "无",
};

export type Strings = typeof ZH;

const EN: Strings = {
  appTitle: "Recommendation Summary Assistant",
  openInExcel: "Recommendation Summary Assistant: open this add-in in Excel.",
  colon: ": ",
  settings: "Check settings",
  programme: "Programme",
  notice: "Notice",
  deadline: "City deadline",
  daysLeft: (n: number) => (n > 0 ? `${n} days left` : n === 0 ? "due today" : `${-n} days overdue`),
  city: "Recommending city",
  countyNote: "County-level units may recommend directly for this programme",
  asOf: "As-of date",
  quota: "Quota",
  quotaOpen: "Not fixed by the notice: enter your city's quota",
  quotaFixed: (n: number) => `${n} set by the notice`,
  references: "Reference lists (sheets)",
  referencesHint: "Priority enterprises, exclusion lists … picked from this workbook",
  noOtherSheets: "No other sheets in this workbook to use as reference lists",
  sheetToCheck: "Sheet to check",
  scope: "Range",
  scopeUsed: "Whole sheet (used range)",
  scopeSelection: "Current selection",
  check: "Check",
  recheck: "Check again",
  clearMarks: "Clear marks",
  checking: "Checking…",
  phaseRead: "Reading the sheet",
  phaseCheck: "Checking rows",
  phaseMark: "Marking results",
  phaseDone: "Done",
  summary: "Result",
  rowsRead: "Rows read",
  rowsChecked: "Rows checked",
  rowsSkipped: "Rows skipped",
  errors: "Errors",
  warnings: "Warnings",
  infos: "Info",
  priorityCount: "Priority",
  quotas: "Quotas",
  gaugeOver: (n: number) => `${n} over`,
  gaugeUnset: "quota not set",
  gaugeExempt: (n: number) => `${n} more exempt`,
  rankGauge: "Ranks",
  rankMissing: (n: number) => `${n} missing`,
  rankDuplicated: (n: number) => `${n} duplicated`,
  rankUnranked: (n: number) => `${n} unranked`,
  rankOk: "complete",
  findings: "Findings",
  noFindings: "No problems found.",
  filterAll: "All",
  filterBy: "Filter by severity",
  severity: { error: "Error", warning: "Warning", info: "Info" },
  rowCol: (row, col, rows) => {
    if (row !== undefined && col) return `${col}${row}`;
    if (row !== undefined) return `row ${row}`;
    if (rows && rows.length) return `rows ${rows.join(", ")}`;
    return "sheet";
  },
  value: "Cell value",
  hint: "What to do",
  clause: "Source",
  priorityList: "Priority enterprises",
  priorityCols: { applicant: "Enterprise", name: "Cluster/chain", reason: "Reason" },
  kind: { cluster: "cluster", chain: "chain" },
  stale: "The sheet changed after the check; results may be out of date. Check again.",
  noChangeEvents: "This Excel cannot report edits; check again after changing the sheet.",
  lacks: "This Excel lacks: ",
  lacksNothing: "This Excel supports every feature.",
  tooOld: "This Excel is too old: the add-in needs ExcelApi 1.2 (Office 2016 or later, Microsoft 365, or Excel on the web).",
  feature: {
    cellNotes: "cell notes (ExcelApi 1.18); explanations appear only in the pane and the result column",
    conditionalFormats: "conditional formats (ExcelApi 1.6)",
    dataValidation: "data validation (ExcelApi 1.8)",
    changeEvents: "change events (ExcelApi 1.7); stale results are not flagged",
    createWorkbook: "new workbooks (ExcelApi 1.8); the summary is inserted or downloaded",
    insertSheets: "inserting sheets (ExcelApi 1.13); the summary opens as a new workbook or downloads",
    mergeUndoGroup: "single-step undo (ExcelApi 1.20); undoing marks takes several Ctrl+Z",
  },
  marksOn: "The sheet carries marks added by this add-in",
  notes: "Notes",
  failed: "The check could not finish: ",
  loading: "Loading…",
  resultHeader: "校验结果",
  resultOk: "OK",
  resultPriority: "Priority",
  previewTitle: "Preview: the task pane and a sample sheet outside Excel",
  previewSample: "Sample list",
  previewNote: "This is a browser preview with the sheet in memory; inside Excel the active sheet is checked.",
  selected: "selected",
  sheetTab: "Sheet",
  legend: { error: "error", warning: "warning", priority: "priority" },
  legendTitle: "Marks on the sheet:",
  exportTitle: "Export the summary table",
  exportTo: "Export to",
  exportDestinations: { sheet: "a new sheet in this workbook", workbook: "a new workbook", download: "download an .xlsx file" },
  exportDownloadOnly: "This Excel can neither insert sheets nor open new workbooks: the summary downloads as a file.",
  exportIncludeErrors: "Include rows with errors (by default only rows without errors)",
  exportButton: "Export summary",
  exporting: "Exporting…",
  exportDone: (n, where, name) => (where === "sheet" ? `Exported ${n} rows to sheet "${name}".` : where === "workbook" ? `Exported ${n} rows to a new workbook.` : `Exported ${n} rows: ${name}.`),
  templateButton: "District template",
  templateBusy: "Building…",
  templateHint: "A blank list for the districts of the chosen programme and unit: the header the check reads, dropdowns for the choices, and filling instructions.",
  templateDone: (where, name) => (where === "workbook" ? "The district template is open in a new workbook: save it and send it to the districts." : `District template downloaded: ${name}`),
  none: "none",
};

export function strings(lang: Lang): Strings {
  return lang === "en" ? EN : ZH;
}

/** Short titles of the finding codes (input-and-report.md); unknown codes show as themselves. */
const CODE_TITLES: Record<string, [string, string]> = {
  "header-missing": ["缺少必需的列", "Required column missing"],
  "header-ambiguous": ["多列对应同一字段", "Several columns for one field"],
  "required-missing": ["必填项为空", "Required cell empty"],
  "cell-error": ["单元格为错误值", "Cell holds an Excel error"],
  "uscc-format": ["统一社会信用代码格式错误", "USCC malformed"],
  "uscc-checksum": ["统一社会信用代码校验位错误", "USCC check character wrong"],
  "uscc-numeric-truncated": ["信用代码被存成数字、末位已丢失", "USCC stored as a number, digits lost"],
  "uscc-outside-province": ["注册地不在本省", "Registered outside the province"],
  "uscc-other-city": ["注册地在本省其他市", "Registered in another city"],
  "not-legal-person": ["非独立法人", "Not an independent legal person"],
  "duplicate-applicant": ["同一企业重复报送", "Same USCC on several rows"],
  "similar-applicant": ["名称相近、代码不同", "Similar names, different USCC"],
  "date-unreadable": ["日期无法识别", "Date unreadable"],
  "amount-unreadable": ["金额无法识别", "Amount unreadable"],
  "phone-unreadable": ["电话号码无法识别", "Phone unreadable"],
  "value-not-allowed": ["填写值不在允许范围内", "Value not allowed"],
  "registered-too-recently": ["注册时间不满要求年限", "Registered too recently"],
  "not-built": ["项目未建成", "Not built yet"],
  "already-recognised": ["已获认定且非升级申报", "Already recognised"],
  "investment-below-minimum": ["投入低于最低要求", "Investment below minimum"],
  "certificate-invalid": ["两化融合贯标证书不符合要求", "Certificate invalid"],
  "capability-incomplete": ["能力覆盖不满足要求", "Capabilities incomplete"],
  "star-ladder": ["申报星级不符合逐级要求", "Star level skips the ladder"],
  "cloud-window": ["上云时间不符合要求", "Cloud usage outside the window"],
  restricted: ["存在限制性条件", "Restriction applies"],
  "excluded-by-list": ["在不得申报的名单中", "On an exclusion list"],
  "direction-repeated": ["同一单位申报多个方向", "Several directions for one applicant"],
  "quota-exceeded": ["超出推荐名额", "Quota exceeded"],
  "rank-invalid": ["推荐排序有误", "Ranks invalid"],
  "provider-cap": ["服务商参与项目数超限", "Provider in too many projects"],
  "enterprise-cap": ["制造业企业参与项目数超限", "Enterprise in too many projects"],
  "group-cap": ["同一集团揭榜任务数超限", "Group takes too many tasks"],
  "consortium-invalid": ["联合体不符合要求", "Consortium invalid"],
  "letter-missing": ["子公司缺少省级公司推荐函", "Recommendation letter missing"],
  "prior-funding": ["已获省级财政资金支持", "Already had provincial funding"],
  priority: ["优先认定", "Priority"],
};

const HOST_EN: Record<string, string> = {
  预览: "Preview",
  "Excel 网页版": "Excel on the web",
  "Excel（Windows）": "Excel on Windows",
  "Excel（Mac）": "Excel on Mac",
  "Excel（iPad）": "Excel on iPad",
  "Excel（Android）": "Excel on Android",
  "Excel（Windows 应用）": "Excel (Windows app)",
};

/** The host's name (Capabilities.host, Chinese) in the pane's language. */
export function hostName(host: string, lang: Lang): string {
  return lang === "en" ? (HOST_EN[host] ?? host) : host;
}

export function codeTitle(code: string, lang: Lang): string {
  const t = CODE_TITLES[code];
  return t ? t[lang === "en" ? 1 : 0] : code;
}

/** Features the product uses beyond the 1.2 core; the others in Capabilities are detected but unused so far. */
const FEATURES = ["changeEvents", "mergeUndoGroup", "cellNotes", "insertSheets", "createWorkbook"] as const;

/** The features this host lacks that the product would use, named for the pane's "此 Excel 缺少" line. */
export function missingFeatures(caps: Capabilities, lang: Lang): string[] {
  const s = strings(lang);
  return FEATURES.filter((f) => !caps[f]).map((f) => s.feature[f]);
}
