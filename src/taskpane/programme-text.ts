/** Pane text of 项目定义 (导入、新建、从通知起草) and its editor: Chinese first, English fallback. */
import type { Lang } from "../workbook/i18n";
import type { ProgrammeView } from "../workbook/session";

const ZH = {
  section: "项目定义（导入、新建、起草）",
  hint: "明年的新通知：导入别的局分享的项目定义文件，或复制现有项目改成新通知的条件，或粘贴通知原文自动起草后逐条审核。保存在本工作簿中（随文件走），Office 允许时也为您本人保存。",
  importButton: "导入项目定义…",
  importBusy: "正在导入…",
  importAccept: "项目定义文件（.json）",
  imported: (title: string, file: string) => `已导入“${title}”（${file}），已在“申报项目”中选中。`,
  refusedTitle: (file: string) => `“${file}”不是可用的项目定义，未导入；工作簿中的项目未改动：`,
  replaceAsk: (id: string) => `本工作簿已有编号为“${id}”的导入项目。替换它吗？`,
  replace: "替换",
  cancel: "取消",
  builtIn: "内置",
  origin: { builtin: "内置", file: "导入", copy: "新建" } as Record<string, string>,
  originLine: (kind: string, file: string, date: string, where: string) => `${kind} · ${file} · ${date}${where ? ` · ${where}` : ""}`,
  where: (book: boolean, user: boolean) => [book ? "保存在本工作簿" : "", user ? "已为您本人保存" : ""].filter(Boolean).join("、") || "未保存",
  copiedFrom: (title: string) => `复制自“${title}”`,
  remove: "移除",
  removeAsk: (title: string) => `从本工作簿（及您本人的保存）中移除“${title}”？检查名单时将不能再选它。`,
  removeConfirm: "确定移除",
  removed: (title: string) => `已移除“${title}”。`,
  broken: "无法读取的导入项目（只能移除）：",
  noneImported: "尚无导入或新建的项目。",
  download: "下载 .json",
  newButton: "新建项目（复制现有项目）",
  newFrom: "复制哪个项目",
  newStart: "复制并编辑",
  draftButton: "从通知原文起草…",
  draftPaste: "通知原文（从网页或文件复制粘贴全文；繁体字亦可）",
  draftRun: "起草",
  draftCategory: "通知含多个申报类别，选择要起草的一个",
  draftNoText: "请先粘贴通知原文。",
  draftFailed: "未能起草：",
  // The editor
  editorCopy: (title: string) => `新建项目：复制自“${title}”`,
  editorDraft: (title: string) => `审核草稿：${title}`,
  editorDraftHint: "这是由通知原文自动生成的草稿。请逐条对照原文：接受、修改数值（即为更正）或删除；全部审核后才能保存，未审核的草稿不能用于检查。",
  editorCopyHint: "修改新通知的数值，每项下方是它出自的条款。下方的规则说明随输入更新；有问题的值在其所在的框下说明。",
  id: "项目编号（字母、数字、连字符，如 js-2027-benchmark-factory）",
  idTaken: (id: string) => `编号“${id}”已被使用，请换一个`,
  clause: "条款",
  source: (section: string) => `通知原文 ${section}`,
  confidence: (c: number) => `把握：${c >= 0.8 ? "高" : c >= 0.6 ? "中" : "低"}（${Math.round(c * 100)}%）`,
  accept: "接受",
  drop: "删除",
  undrop: "恢复",
  state: { pending: "待审核", accepted: "已接受", corrected: "已更正", dropped: "已删除" } as Record<string, string>,
  pendingCount: (n: number) => `还有 ${n} 条未审核：全部接受、更正或删除后才能保存。`,
  acceptAll: "其余全部接受",
  notes: (n: number) => `未转为规则的通知内容（${n} 条，请自行核对）`,
  rulesNow: "规则（随输入更新）",
  problems: "定义中的问题（修正后才能保存）：",
  save: "保存到本工作簿",
  saving: "正在保存…",
  saved: (title: string) => `已保存“${title}”，已在“申报项目”中选中；可“下载 .json”分享给其他局。`,
  close: "关闭编辑",
  invalidValue: (why: string) => `${why}（仍用原值）`,
  originOfChosen: "来源",
};

type Text = typeof ZH;

const EN: Text = {
  section: "Programme definitions (import, new, draft)",
  hint: "Next year's notice: import a definition another bureau shared, copy a programme and change it to the new notice, or paste the notice and review the draft rule by rule. Kept in this workbook (it travels with the file) and for you where Office allows.",
  importButton: "Import a definition…",
  importBusy: "Importing…",
  importAccept: "Programme definition (.json)",
  imported: (title, file) => `Imported “${title}” (${file}); chosen as the programme.`,
  refusedTitle: (file) => `“${file}” is not a usable definition and was not imported; nothing changed:`,
  replaceAsk: (id) => `This workbook already has an imported programme “${id}”. Replace it?`,
  replace: "Replace",
  cancel: "Cancel",
  builtIn: "Built-in",
  origin: { builtin: "Built-in", file: "Imported", copy: "New" },
  originLine: (kind, file, date, where) => `${kind} · ${file} · ${date}${where ? ` · ${where}` : ""}`,
  where: (book, user) => [book ? "kept in this workbook" : "", user ? "kept for you" : ""].filter(Boolean).join(", ") || "not kept",
  copiedFrom: (title) => `copied from “${title}”`,
  remove: "Remove",
  removeAsk: (title) => `Remove “${title}” from this workbook (and your own storage)? It can no longer be chosen for a check.`,
  removeConfirm: "Remove",
  removed: (title) => `Removed “${title}”.`,
  broken: "Imported definitions that no longer read (remove only):",
  noneImported: "No imported or new programmes yet.",
  download: "Download .json",
  newButton: "New programme (copy one)",
  newFrom: "Copy which programme",
  newStart: "Copy and edit",
  draftButton: "Draft from the notice's text…",
  draftPaste: "The notice's text (paste it whole; traditional characters are fine)",
  draftRun: "Draft",
  draftCategory: "The notice has several categories: pick the one to draft",
  draftNoText: "Paste the notice's text first.",
  draftFailed: "No draft: ",
  editorCopy: (title) => `New programme copied from “${title}”`,
  editorDraft: (title) => `Review the draft: ${title}`,
  editorDraftHint: "A draft made from the notice's text. Compare each rule with its sentence: accept, correct a value or drop it; it can be saved only once all are reviewed, and an unreviewed draft never checks a list.",
  editorCopyHint: "Change the values to the new notice; under each is the clause it comes from. The rules below follow as you type; a value with a problem says so under its box.",
  id: "Programme id (letters, digits, hyphens, e.g. js-2027-benchmark-factory)",
  idTaken: (id) => `“${id}” is taken; choose another`,
  clause: "Clause",
  source: (section) => `Notice ${section}`,
  confidence: (c) => `Confidence: ${c >= 0.8 ? "high" : c >= 0.6 ? "medium" : "low"} (${Math.round(c * 100)}%)`,
  accept: "Accept",
  drop: "Drop",
  undrop: "Restore",
  state: { pending: "To review", accepted: "Accepted", corrected: "Corrected", dropped: "Dropped" },
  pendingCount: (n) => `${n} left to review: accept, correct or drop each before saving.`,
  acceptAll: "Accept the rest",
  notes: (n) => `What the notice says that became no rule (${n}; check them yourself)`,
  rulesNow: "Rules (as typed)",
  problems: "Problems in the definition (fix them to save):",
  save: "Save in this workbook",
  saving: "Saving…",
  saved: (title) => `Saved “${title}” and chose it; “Download .json” shares it with other bureaus.`,
  close: "Close the editor",
  invalidValue: (why) => `${why} (the old value stays)`,
  originOfChosen: "Origin",
};

export function programmeText(lang: Lang): Text {
  return lang === "en" ? EN : ZH;
}

/** YYYY-MM-DD of an ISO date-time. */
export function dayOf(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : "";
}

/** The origin of a programme as one line: 内置, or 导入 · file · date · where kept. */
export function originText(lang: Lang, p: ProgrammeView, all: readonly ProgrammeView[] = []): string {
  const t = programmeText(lang);
  const o = p.origin;
  if (!o || o.kind === "builtin") return t.origin.builtin;
  const from = o.copiedFrom ? all.find((x) => x.id === o.copiedFrom) : undefined;
  const line = t.originLine(t.origin[o.kind], o.fileName ?? "", dayOf(o.importedAt), t.where(Boolean(o.inWorkbook), Boolean(o.forUser)));
  return o.copiedFrom ? `${line} · ${t.copiedFrom(from?.title ?? o.copiedFrom)}` : line;
}

