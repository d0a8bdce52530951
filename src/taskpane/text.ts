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
  rankingTitle: "推荐排序与名额",
  rankingIntro: (label: string, n: number, quota: number | null, failing: number) =>
    `可推荐的${label}${n}个${failing ? `（另有${failing}个有错误，不占名额，不在此列）` : ""}，${quota !== null ? `名额${quota}个：排在前${quota}位的占名额` : "名额未设置：全部参与排序"}。用 ↑ ↓ 调整顺序${quota !== null ? "，勾选“占名额”选定占名额的行" : ""}。`,
  rankingWrites: (column: string) => `点“确认排序”后才写入“推荐排序”列（${column}列），依次填 1、2、3…，有错误的行排在其后；之后可撤销，单元格恢复原样。`,
  rankingNoColumn: "名单没有“推荐排序”列：确认后，选定的行在本表以后的检查和导出中占名额，表格中不写入任何内容；之后可撤销。",
  rankingConfirm: "确认排序",
  rankingConfirmKeep: "确认占名额的行",
  rankingReset: "恢复检查时的顺序",
  rankingUndo: "撤销排序",
  rankingWritten: (column: string) => `已写入“推荐排序”列（${column}列）并重新检查：检查结果、标记和导出都按此排序。`,
  rankingKept: "已按选定的行分配名额并重新检查：检查结果、标记和导出都按此分配。",
  rankingNone: "本次检查没有可推荐的行可排序（有错误的行不占名额）。",
  rankingLine: (q: number) => `以上 ${q} 个占名额`,
  rankNow: (rank: string) => (rank ? `表中排序：${rank}` : "表中未排序"),
  takesPlace: "占名额",
  moveUp: (row: number) => `上移第${row}行`,
  moveDown: (row: number) => `下移第${row}行`,
  rowLabel: (row: number) => `第${row}行`,
  noEnterprise: "（未填单位名称）",
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
  rankingTitle: "Ranking and places",
  rankingIntro: (label, n, quota, failing) =>
    `${n} ${label} can be recommended${failing ? ` (${failing} more have errors and take no place)` : ""}; ${quota !== null ? `quota ${quota}: the first ${quota} take the places` : "no quota set: all are ranked"}. Move rows with ↑ ↓${quota !== null ? "; tick “takes a place” to choose the rows" : ""}.`,
  rankingWrites: (column) => `Only “Confirm ranking” writes the rank column (${column}): 1, 2, 3 …, rows with errors after them; you can undo it, the cells back as they were.`,
  rankingNoColumn: "The list has no rank column: once confirmed, the chosen rows take the places in later checks and exports of this sheet; nothing is written to the sheet; you can undo it.",
  rankingConfirm: "Confirm ranking",
  rankingConfirmKeep: "Confirm the rows taking places",
  rankingReset: "Back to the checked order",
  rankingUndo: "Undo ranking",
  rankingWritten: (column) => `Written to the rank column (${column}) and checked again: results, marks and export follow it.`,
  rankingKept: "Places given to the chosen rows and checked again: results, marks and export follow it.",
  rankingNone: "No row can be recommended to rank (rows with errors take no place).",
  rankingLine: (q) => `The ${q} above take the places`,
  rankNow: (rank) => (rank ? `Rank in the list: ${rank}` : "Not ranked in the list"),
  takesPlace: "Takes a place",
  moveUp: (row) => `Move row ${row} up`,
  moveDown: (row) => `Move row ${row} down`,
  rowLabel: (row) => `Row ${row}`,
  noEnterprise: "(no name)",
};

export function paneText(lang: Lang): Text {
  return lang === "en" ? EN : ZH;
}
