/** The pane's own words for its layout, stale results, ranking and help (zh-CN first, en-US fallback). */
import type { Lang } from "../workbook/i18n";

const ZH = {
  actions: "操作",
  exportNow: "导出",
  recheckExport: "重新检查并导出",
  toResults: "结果",
  expand: "展开",
  collapse: "收起",
  staleBadge: "已过期",
  staleSettings: "检查后改过设置（项目、推荐单位、名额、基准日、参考名单或待定事项），结果已过期：导出前会先重新检查。",
  staleSheet: "表格在检查后已被修改，结果已过期，请重新检查；导出前会先重新检查。",
  staleFingerprint: "表格内容与检查时不同，已先重新检查，再导出。",
  showing: (shown: number, total: number) => `显示 ${shown} / ${total} 条`,
  showMore: (n: number) => `再显示 ${Math.min(n, 50)} 条（还有 ${n} 条）`,
  previewColumns: "只看主要列",
  previewAll: "显示全部列",
  returnListButton: "生成退回修改清单",
  returnListBusy: "正在生成…",
  returnListHint: "每个区县一张表：有问题的行、企业名称、问题、如何修改、依据条款，可直接打印或发给区县更正。",
  returnListDone: (where: "workbook" | "download", fileName: string, units: number, withRows: number, byCity: boolean) =>
    `${where === "workbook" ? "已在新工作簿中打开退回修改清单，请保存后发送" : `已下载“${fileName}”`}：${units} 个${byCity ? "市" : "区县"}，其中 ${withRows} 个有需更正的行。`,
};

type Text = typeof ZH;

const EN: Text = {
  actions: "Actions",
  exportNow: "Export",
  recheckExport: "Check again and export",
  toResults: "Results",
  expand: "Expand",
  collapse: "Collapse",
  staleBadge: "Out of date",
  staleSettings: "A setting changed after the check (programme, unit, quota, as-of date, reference lists or open facts): the results are out of date; export checks again first.",
  staleSheet: "The sheet changed after the check: the results are out of date. Check again; export checks again first.",
  staleFingerprint: "The sheet differs from what was checked: checked again before exporting.",
  showing: (shown, total) => `Showing ${shown} of ${total}`,
  showMore: (n) => `Show ${Math.min(n, 50)} more (${n} left)`,
  previewColumns: "Main columns only",
  previewAll: "All columns",
  returnListButton: "Make the return list",
  returnListBusy: "Making…",
  returnListHint: "A sheet per district: its rows to correct, the enterprise, what is wrong, what to do and the clause — to print or send back.",
  returnListDone: (where, fileName, units, withRows, byCity) =>
    `${where === "workbook" ? "The return list opened as a new workbook: save it and send it" : `Downloaded "${fileName}"`}: ${units} ${byCity ? "cities" : "districts"}, ${withRows} with rows to correct.`,
};

export function paneText(lang: Lang): Text {
  return lang === "en" ? EN : ZH;
}
