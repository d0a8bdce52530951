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
};

export function paneText(lang: Lang): Text {
  return lang === "en" ? EN : ZH;
}
