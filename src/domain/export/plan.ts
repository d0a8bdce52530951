/**
 * Plans a summary table: from the checked list (Grid + Report) and a layout, decides which rows go
 * in, in what order, under which section, and what each cell shows. Pure data out — the .xlsx
 * writer (src/export/), the task pane's new-sheet writer and the tests all draw from the same plan.
 *
 * Rows: the list's data rows (below the header, not skipped as empty/合计/说明). By default rows
 * with an error finding are left out; `includeErrors` puts them in, with a warning naming them.
 * Order: rank order where the layout ranks (rows without a readable rank keep list order after
 * the ranked ones), rows that take no quota slot after all others. 序号 is renumbered.
 */
import { carryMerges } from "../shape";
import { columnNumber, type Cell, type Grid } from "../cells";
import type { Finding, PriorityMatch, Report } from "../report";
import { formatPartialDate, parseIsoDate, readAmount, readDate, readText, readUsccCell, readWholeNumber, shownValue, type PartialDate } from "../readers";
import { groupLabel } from "../priority";
import { findCity } from "../regions";
import { errorRows } from "../verdict";
import { FIELDS } from "../fields";
import { cleanText, headerUnit } from "../text";
import type { Programme } from "../programme";
import { fieldDefIn } from "../fields";
import { understoodValue } from "../rules/read";
import type { CertificateStatus, ListValue, UsccValue } from "../rules/context";
import type { CellFormat, Layout, LayoutColumn } from "./layout";
import { findLayoutIn, layoutsOf } from "./layouts";

export type PlanValue =
  | { kind: "empty" }
  /** Always written as text (USCCs, phones, dates, anything that looks like a formula). */
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; format: "amount" | "integer" };

export interface PlanColumn {
  header: string;
  headerEn: string;
  /** Excel character units, fitted to the header and the values within the layout's bounds. */
  width: number;
  /** How the column's values are aligned on the form. */
  align: "center" | "left" | "right";
}

export type PlanRow =
  | { kind: "section"; label: string; labelEn: string }
  | {
      kind: "data";
      /** Excel row of the list this row came from. */
      sourceRow: number;
      values: PlanValue[];
      /** Included although it has error findings (only with includeErrors). */
      hasErrors: boolean;
      /** Takes no quota slot (中央驻鲁、省属 …). */
      exempt: boolean;
      priority: boolean;
    };

export type ExportWarningCode =
  | "no-header"
  | "no-rows"
  | "errors-excluded"
  | "errors-included"
  | "list-errors"
  | "column-missing"
  | "section-unmatched"
  | "ranks-renumbered"
  | "cell-truncated"
  | "hidden-included";

/** Excel's limit on the characters in one cell: a longer text makes the workbook one Excel repairs. */
export const EXCEL_CELL_CHARS = 32767;

/** A text cut to Excel's cell limit, ending in "…", never splitting a surrogate pair. */
export function capCellText(text: string): string {
  if (text.length <= EXCEL_CELL_CHARS) return text;
  let end = EXCEL_CELL_CHARS - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + "…";
}

export interface ExportWarning {
  code: ExportWarningCode;
  message: string;
  messageEn: string;
  /** Excel rows of the list concerned. */
  rows?: number[];
  /** For column-missing: index into the plan's columns. */
  column?: number;
  /** The command line's way to the remedy, said by the CLI only. */
  cli?: string;
}

export interface ExportPlan {
  layoutId: string;
  programme: string;
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  sheetName: string;
  /** The notice's attachment label ("附件7"); null where the notice numbers none. */
  attachment: string | null;
  title: string;
  /** 推荐单位（盖章）：…　联系人：…　联系电话：…　填报日期：… */
  unitLine: string;
  columns: PlanColumn[];
  rows: PlanRow[];
  /** Lines under the table (说明). */
  notes: string[];
  /** The signature and stamp block at the bottom. */
  signature: { left: string; right: string; date: string };
  counts: { exported: number; counted: number; exempt: number; priority: number; excludedWithErrors: number; includedWithErrors: number };
  warnings: ExportWarning[];
  /** Rows of the list left out of the form, each with why (the preview shows them). */
  leftOut: { row: number; reason: string; reasonEn: string }[];
  /** Ranks renumbered because left-out rows left gaps: the list's rank → the form's, in the city's order. */
  renumbered: { row: number; from: number; to: number }[];
  /** The paper the user asked for; "auto" lets the sheet spec choose A4 or A3 by the body text size. */
  paper: PaperChoice;
  /** Province mode: one line per city for a 各市汇总 sheet beside the table. */
  cities?: CitySummary[];
}

export interface CitySummary {
  city: string;
  /** Applicant rows the city's list holds. */
  listed: number;
  /** Of them, rows in the summary table. */
  exported: number;
  /** The city's quota standing, where the programme has a quota. */
  counted: number | null;
  exempt: number | null;
  quota: number | null;
  excess: number | null;
}

/** Province mode: each city's rows listed and exported, beside its quota standing. */
export function citySummaries(report: Report, rows: readonly PlanRow[]): CitySummary[] | undefined {
  if (!report.cities) return undefined;
  const exported = new Set(rows.flatMap((r) => (r.kind === "data" ? [r.sourceRow] : [])));
  return report.cities.map((c) => {
    const q = report.quotas.find((x) => x.city === c.city);
    return {
      city: c.city,
      listed: c.rows.length,
      exported: c.rows.filter((r) => exported.has(r)).length,
      counted: q ? q.counted : null,
      exempt: q ? q.exempt : null,
      quota: q ? q.quota : null,
      excess: q ? q.excess : null,
    };
  });
}

export type PaperChoice = "auto" | "A4" | "A3";

export interface ExportOptions {
  /** A layout id; default: the programme's first layout. */
  layoutId?: string;
  /** Put rows with error findings in too (a warning names them). Default false. */
  includeErrors?: boolean;
  /** 推荐单位; default "<city>工业和信息化局". */
  unit?: string;
  contact?: string;
  phone?: string;
  /** 填报日期 as YYYY-MM-DD; blank "年 月 日" to fill by hand when absent. */
  fillDate?: string;
  /** Filling a form that already holds rows: write below them (otherwise such a form is refused). */
  append?: boolean;
  /**
   * Keep the districts' own 备注 text before our marks. Default false: districts' working notes
   * ("电话不全") are not for the province; the tool's own marks (priority, 不占名额) are always written.
   */
  keepSourceRemarks?: boolean;
  /** The programme's open settings as the check used them (allowed directions …), so values read alike. */
  settings?: Record<string, unknown>;
  /** Paper size; default "auto": A4 landscape while the body text stays at 9 pt or more, else A3. */
  paper?: PaperChoice;
  /**
   * Columns to fill instead of the layout's: a province template's own columns (template-plan.ts).
   * The layout still decides rows, order, sections and quota slots.
   */
  columns?: LayoutColumn[];
}

export class ExportError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "ExportError";
  }
}

const IDSP = "\u3000";

/** Display width in Excel character units: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000) ? 2 : 1;
  }
  return w;
}

/** A CJK character in 宋体 is a little wider than two default-font digits. */
export const CJK_FACTOR = 1.05;
/** Character units a cell loses to its padding. */
export const CELL_PADDING = 1.5;

/** Column width (Excel character units) that shows `text` on one line. */
export function widthForOneLine(text: string): number {
  return Math.ceil(displayWidth(text) * CJK_FACTOR + CELL_PADDING);
}

/** The text a PlanValue shows. */
export function planValueText(v: PlanValue): string {
  if (v.kind === "empty") return "";
  if (v.kind === "text") return v.text;
  return v.format === "amount" ? formatAmount(v.value) : String(v.value);
}

// One formatter for every amount: toLocaleString builds one per call, and a long list has thousands.
const AMOUNT_FORMAT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function formatAmount(n: number): string {
  return AMOUNT_FORMAT.format(n);
}

/** "2023-03-02" → "2023年3月2日"; anything but a real day written YYYY-MM-DD is a bad request. */
export function chineseDate(iso: string): string {
  const bad = () => new ExportError(`填报日期应为 YYYY-MM-DD 格式的真实日期，收到“${iso}”`, `The fill-in date must be a real date written YYYY-MM-DD, got "${iso}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw bad();
  let d: PartialDate;
  try {
    d = parseIsoDate(iso);
  } catch {
    throw bad();
  }
  return `${d.year}年${d.month}月${d.day}日`;
}

/** 推荐单位 as given, else "<city>工业和信息化局". */
export function recommendingUnit(report: Report, options: ExportOptions): string {
  return options.unit?.trim() || `${findCity(report.city)?.name ?? report.city}工业和信息化局`;
}

/** Letters Excel forbids in a sheet name, and its 31-character limit. */
export function safeSheetName(name: string): string {
  // An apostrophe would need doubling in defined names (print titles); a typographic one reads the same.
  const cleaned = name.replace(/[\[\]:*?/\\]/g, "-").replace(/'/g, "’").trim();
  return [...(cleaned || "汇总表")].slice(0, 31).join("");
}

/**
 * `name`, or `name (2)`, `name (3)` … as Excel numbers a sheet it inserts: compared without case,
 * as Excel compares sheet names, and cut to 31 characters (counted by code point) with the suffix.
 */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = [...name].slice(0, 31 - suffix.length).join("") + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

interface FieldColumn {
  field: string;
  /** 0-based index into a grid row. */
  index: number;
  header: string;
}

function mappedColumns(grid: Grid, report: Report): Map<string, FieldColumn> {
  const out = new Map<string, FieldColumn>();
  for (const c of report.columns) {
    if (c.field === null || out.has(c.field)) continue; // an ambiguous field: the first column, as the check reads it
    out.set(c.field, { field: c.field, index: columnNumber(c.column) - grid.firstColumn, header: c.header });
  }
  return out;
}

function firstMapped(columns: Map<string, FieldColumn>, fields: readonly string[]): FieldColumn | undefined {
  for (const f of fields) {
    const c = columns.get(f);
    if (c) return c;
  }
  return undefined;
}

function cellAt(grid: Grid, excelRow: number, index: number): Cell {
  const row = grid.rows[excelRow - grid.firstRow];
  const cell = row?.[index];
  return cell ?? { kind: "empty", value: null };
}

/**
 * Text as it goes on the form: stray invisible characters and edge blanks removed, full-width
 * letters and digits folded, but Chinese punctuation kept — a legal name's （） stays （）.
 */
export function tidyText(s: string): string {
  return s
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00A0\u3000]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/**
 * The cell as the check understood it, for fields the programme reads: canonical enum values
 * (三星级), 是/否, dates in one format, amounts in 万元. undefined when the programme does not read
 * the field or the check could not read the cell (then the layout's format shows it as typed).
 */
export function understoodCell(programme: Programme | undefined, field: string, cell: Cell, header: string, settings: Record<string, unknown> = {}): PlanValue | undefined {
  if (!programme || cell.kind === "empty") return undefined;
  const out = understoodValue(programme, field, cell, headerUnit(header), settings, header);
  if (!out || out.status !== "ok") return undefined;
  const v = out.value;
  const text = (t: string): PlanValue => (t === "" ? { kind: "empty" } : { kind: "text", text: t });
  if (typeof v === "boolean") return text(v ? "是" : "否");
  if (typeof v === "number") return fieldKindOf(programme, field) === "amount" ? { kind: "number", value: Math.round(v * 10000) / 10000, format: "amount" } : { kind: "number", value: v, format: "integer" };
  if (v === "ongoing") return text("至今");
  if (typeof v === "string") {
    const kind = fieldKindOf(programme, field);
    if (kind === "certificate") return text(CERTIFICATE_WORDS[v as CertificateStatus] ?? v);
    // Names and free text keep their own punctuation (tidyText); enums are the canonical value.
    return kind === "enum" ? text(v) : undefined;
  }
  if (Array.isArray(v)) return text(v.join("、")); // phones
  if (v && typeof v === "object") {
    if ("year" in v) return text(formatPartialDate(v as PartialDate));
    if ("items" in v) {
      const list = v as ListValue;
      return text(list.items.length ? list.items.join("、") : list.count > 0 ? `${list.count}项` : "无");
    }
    if ("status" in v) {
      const u = v as UsccValue;
      return u.status === "code" ? text(u.code) : undefined;
    }
  }
  return undefined;
}

const CERTIFICATE_WORDS: Record<CertificateStatus, string> = { yes: "是", no: "否", pending: "已通过、证书待发" };

function fieldKindOf(programme: Programme, field: string): string | undefined {
  return fieldDefIn(programme, field)?.kind;
}

/** Reads one cell as the layout's format asks; what cannot be read is shown as the clerk sees it, never dropped. */
export function formatCell(cell: Cell, format: CellFormat, header: string): PlanValue {
  if (cell.kind === "empty") return { kind: "empty" };
  const asText = (s: string): PlanValue => (s === "" ? { kind: "empty" } : { kind: "text", text: s });
  switch (format) {
    case "text":
    case "phone": {
      const r = readText(cell);
      return r.status === "ok" ? asText(tidyText(shownValue(cell))) : asText(r.shown);
    }
    case "uscc": {
      const r = readUsccCell(cell);
      return r.status === "ok" ? asText(r.value) : asText(r.shown);
    }
    case "date": {
      const r = readDate(cell, { allowOngoing: true });
      if (r.status === "ok") return r.value === null ? asText(cleanText(r.shown)) : asText(formatPartialDate(r.value));
      return asText(r.shown);
    }
    case "amount": {
      const r = readAmount(cell, headerUnit(header));
      return r.status === "ok" ? { kind: "number", value: Math.round(r.value * 10000) / 10000, format: "amount" } : asText(r.shown);
    }
    case "integer": {
      const n = integerOf(cell);
      return n === null ? asText(shownValue(cell)) : { kind: "number", value: n, format: "integer" };
    }
  }
}

function integerOf(cell: Cell): number | null {
  const r = readWholeNumber(cell);
  return r.status === "ok" ? r.value : null;
}

/** A rank as the check reads it ("3", 3, "第3名"); null when it is not a whole number. */
function rankOf(programme: Programme | undefined, field: string, cell: Cell, header: string): number | null {
  const read = programme ? understoodValue(programme, field, cell, headerUnit(header)) : undefined;
  if (read?.status === "ok" && typeof read.value === "number") return read.value;
  return integerOf(cell);
}

/** "属“531”产业链（集成电路）": the group as the programme's settings name it. */
function priorityMark(programme: Programme, m: PriorityMatch): string {
  return `属${groupLabel(programme, m.kind)}（${m.name}）`;
}

function rowsText(rows: readonly number[]): string {
  return rows.map((r) => `第${r}行`).join("、");
}

function rowsTextEn(rows: readonly number[]): string {
  return rows.join(", ");
}

interface Candidate {
  sourceRow: number;
  rank: number | null;
  exempt: boolean;
  hasErrors: boolean;
  section: number; // index into layout.sections.list; list.length = unmatched
  priority: PriorityMatch[];
}

function matchesAny(text: string, needles: readonly string[]): boolean {
  return needles.some((n) => text.includes(n));
}

function fieldText(grid: Grid, row: number, column: FieldColumn | undefined): string {
  if (!column) return "";
  const r = readText(cellAt(grid, row, column.index));
  return r.status === "ok" ? r.value : cleanText(r.shown);
}

function orderCandidates(list: Candidate[], layout: Layout): Candidate[] {
  const byList = (a: Candidate, b: Candidate) => a.sourceRow - b.sourceRow;
  const counted = list.filter((c) => !c.exempt);
  const exempt = list.filter((c) => c.exempt).sort(byList);
  if (layout.order === "rank") {
    const ranked = counted.filter((c) => c.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number) || byList(a, b));
    const unranked = counted.filter((c) => c.rank === null).sort(byList);
    return [...ranked, ...unranked, ...exempt];
  }
  return [...counted.sort(byList), ...exempt];
}

function fillCounts(template: string, counts: Record<"total" | "counted" | "exempt", number>): string {
  return template.replace(/\{(total|counted|exempt)\}/g, (_, k: "total" | "counted" | "exempt") => String(counts[k]));
}

/** Width a header needs to wrap onto at most two lines, breaking before its bracketed unit when it has one. */
function headerNeed(header: string): number {
  const bracket = header.search(/[（(]/);
  const longestLine = bracket > 0 ? Math.max(displayWidth(header.slice(0, bracket)), displayWidth(header.slice(bracket))) : Math.ceil(displayWidth(header) / 2);
  return Math.ceil(longestLine * 1.1) + 2;
}

function fitWidth(column: LayoutColumn, texts: readonly string[]): number {
  // A header may wrap onto two lines; values should fit on one line where the bounds allow.
  const headerNeed_ = headerNeed(column.header);
  const valueNeed = Math.max(0, ...texts.map(widthForOneLine));
  return Math.min(column.maxWidth, Math.max(column.minWidth, headerNeed_, valueNeed));
}

function alignOf(column: LayoutColumn): PlanColumn["align"] {
  const s = column.source;
  if (s.kind === "seq" || s.kind === "rank" || s.kind === "takesSlot") return "center";
  if (s.kind === "field" && (s.format === "amount" || s.format === "integer")) return "right";
  if (s.kind === "field" && (s.format === "uscc" || s.format === "date" || s.format === "phone")) return "center";
  // Short words (区县, 星级, 联系人, 性质) read better centred, as on printed forms; names and remarks stay left.
  return column.maxWidth <= 14 ? "center" : "left";
}

/** The layouts a programme can export to (the pane's menu; the CLI's --layout). */
export { layoutsOf };

/**
 * Plans the summary table. Never throws on data: what it cannot place is a warning. Throws
 * ExportError only for a bad request (unknown layout, a layout of another programme, a bad date).
 */
export function planExport(given: Grid, report: Report, programme: Programme, options: ExportOptions = {}): ExportPlan {
  if (programme.id !== report.programme) {
    throw new ExportError(`名单是按 ${report.programme} 检查的，不能按项目 ${programme.id} 导出`, `The list was checked as ${report.programme}, not as ${programme.id}`);
  }
  // The rows a merge covers carry its value, as check() read them (a district merged down its rows).
  const grid = carryMerges(given);
  const layout = options.layoutId ? findLayoutIn(programme, options.layoutId) : layoutsOf(programme)[0];
  if (!layout) {
    const known = layoutsOf(programme).map((l) => l.id);
    throw new ExportError(
      `没有“${options.layoutId}”这种汇总表格式；${report.programme} 可用：${known.join("、")}`,
      `No layout "${options.layoutId}"; ${report.programme} has: ${known.join(", ")}`,
    );
  }
  const fillDate = options.fillDate ? chineseDate(options.fillDate) : `${IDSP}${IDSP}年${IDSP}${IDSP}月${IDSP}${IDSP}日`;
  const keepRemarks = options.keepSourceRemarks ?? false;
  const settings = options.settings ?? {};
  const warnings: ExportWarning[] = [];
  const columns = mappedColumns(grid, report);
  const layoutColumns = options.columns ?? layout.columns.filter((c) => !c.optional || !("fields" in c.source) || firstMapped(columns, c.source.fields));

  // Data rows: below the header, not skipped by the check.
  const lastRow = grid.firstRow + grid.rows.length - 1;
  const skipped = new Set(report.skipped.map((s) => s.row));
  const dataRows: number[] = [];
  if (report.headerRows.length === 0) {
    warnings.push({ code: "no-header", message: "名单中没有找到表头，无法导出数据行。", messageEn: "No header row was found in the list; no rows can be exported." });
  } else {
    for (let r = Math.max(...report.headerRows) + 1; r <= lastRow; r++) if (!skipped.has(r)) dataRows.push(r);
  }

  const errors = errorRows(report);
  const withErrors = dataRows.filter((r) => errors.has(r));
  const included = options.includeErrors ? dataRows : dataRows.filter((r) => !errors.has(r));
  if (withErrors.length > 0 && options.includeErrors) {
    warnings.push({
      code: "errors-included",
      message: `按您的选择，${withErrors.length} 行有错误的数据也已列入汇总表（${rowsText(withErrors)}），报送前请逐一核实。`,
      messageEn: `As you chose, ${withErrors.length} row(s) with errors are included (rows ${rowsTextEn(withErrors)}); verify them before sending.`,
      rows: withErrors,
    });
  } else if (withErrors.length > 0) {
    warnings.push({
      code: "errors-excluded",
      message: `${withErrors.length} 行有错误，未列入汇总表（${rowsText(withErrors)}）；改正后重新检查，或选择包含有错误的行。`,
      messageEn: `${withErrors.length} row(s) with errors were left out (rows ${rowsTextEn(withErrors)}); fix and re-check, or choose to include rows with errors.`,
      cli: "--include-errors",
      rows: withErrors,
    });
  }
  const listErrors = report.findings.filter((f) => f.severity === "error" && f.row === undefined);
  for (const f of listErrors) {
    warnings.push({ code: "list-errors", message: `名单层面的错误仍未解决：${f.message}`, messageEn: `A list-level error remains: ${f.messageEn}`, ...(f.rows ? { rows: f.rows } : {}) });
  }

  for (const f of report.findings.filter((g) => g.code === "hidden-rows")) {
    const rows = (f.rows ?? []).filter((r) => dataRows.includes(r));
    warnings.push({
      code: "hidden-included",
      message: `${f.value ?? "名单中有隐藏的行列"}：这些行${rows.length ? `（${rowsText(rows)}）` : ""}与其余行一样列入了汇总表（隐藏和筛选只改变显示）；如不应报送，请在名单中删除。`,
      messageEn: `Hidden or filtered rows${rows.length ? ` (rows ${rowsTextEn(rows)})` : ""} are included like the others (hiding changes the view, not the list); delete them from the list if they should not be sent.`,
      ...(rows.length ? { rows } : {}),
    });
  }

  layoutColumns.forEach((c, column) => {
    if ((c.source.kind === "field" || c.source.kind === "rank" || c.source.kind === "joined") && !firstMapped(columns, c.source.fields)) {
      warnings.push({ code: "column-missing", column, message: `名单中没有“${c.header}”对应的列，该列导出为空。`, messageEn: `The list has no column for "${c.headerEn}"; it is left blank.` });
    }
  });

  const exemptMark = layout.exempt?.mark;
  const rankColumn = firstMapped(columns, ["rank"]);
  // The check decided who takes no slot: the form shows exactly that.
  const exemptRows = new Set(report.quotas.flatMap((q) => q.exemptRows ?? []));
  const sectionColumn = layout.sections ? firstMapped(columns, layout.sections.fields) : undefined;
  const priorityByRow = new Map<number, PriorityMatch[]>();
  for (const m of report.priority) priorityByRow.set(m.row, [...(priorityByRow.get(m.row) ?? []), m]);

  const candidates: Candidate[] = included.map((r) => {
    const rank = rankColumn ? rankOf(programme, rankColumn.field, cellAt(grid, r, rankColumn.index), rankColumn.header) : null;
    const exempt = layout.exempt ? exemptRows.has(r) : false;
    let section = 0;
    if (layout.sections) {
      // The value as the check understood it ("5 星" is 五星级), then the text as written.
      const understood = sectionColumn ? understoodCell(programme, sectionColumn.field, cellAt(grid, r, sectionColumn.index), sectionColumn.header, settings) : undefined;
      const texts = [understood?.kind === "text" ? understood.text : "", fieldText(grid, r, sectionColumn)];
      const i = layout.sections.list.findIndex((s) => texts.some((t) => t !== "" && matchesAny(t, s.contains)));
      section = i < 0 ? layout.sections.list.length : i;
    }
    return { sourceRow: r, rank, exempt, hasErrors: errors.has(r), section, priority: priorityByRow.get(r) ?? [] };
  });

  const unmatched = layout.sections ? candidates.filter((c) => c.section === layout.sections!.list.length).map((c) => c.sourceRow) : [];
  if (unmatched.length > 0 && layout.sections) {
    warnings.push({
      code: "section-unmatched",
      message: `${unmatched.length} 行无法归入“${layout.sections.list.map((s) => s.label.replace(/^[一二三四五六七八九十]+、/, "")).join("”或“")}”，已列在最后一节（${rowsText(unmatched)}）。`,
      messageEn: `${unmatched.length} row(s) match no section and are listed last (rows ${rowsTextEn(unmatched)}).`,
      rows: unmatched,
    });
  }

  // Ranks: left-out rows leave gaps (1, 2, 13, 16); the form numbers 1..n in the city's order.
  const renumbered: ExportPlan["renumbered"] = [];
  const newRank = new Map<number, number>();
  if (layoutColumns.some((c) => c.source.kind === "rank")) {
    const ranked = orderCandidates(candidates, layout).filter((c) => !c.exempt && c.rank !== null);
    if (ranked.some((c, i) => c.rank !== i + 1)) {
      ranked.forEach((c, i) => {
        newRank.set(c.sourceRow, i + 1);
        if (c.rank !== i + 1) renumbered.push({ row: c.sourceRow, from: c.rank as number, to: i + 1 });
      });
      const from = ranked.map((c) => c.rank).join("、");
      const to = ranked.map((_, i) => i + 1).join("、");
      const why = withErrors.length > 0 && !options.includeErrors ? "有错误的行未列入，原排序留下空缺" : "名单中的排序不连续";
      const whyEn = withErrors.length > 0 && !options.includeErrors ? "rows left out left gaps in the ranks" : "the list's ranks are not consecutive";
      warnings.push({
        code: "ranks-renumbered",
        message: `${why}，推荐排序已按本市原顺序重新编号（${from} → ${to}）；如需保留原排序，请先改正名单后重新检查再导出。`,
        messageEn: `As ${whyEn}, the ranks were renumbered in the city's order (${ranked.map((c) => c.rank).join(", ")} → ${ranked.map((_, i) => i + 1).join(", ")}); to keep the list's ranks, fix the list and check again first.`,
        rows: renumbered.map((r) => r.row),
      });
    }
  }

  // Build the rows, section by section.
  const sectionCount = layout.sections ? layout.sections.list.length + 1 : 1;
  const planRows: PlanRow[] = [];
  let seq = 0;
  const columnTexts: string[][] = layoutColumns.map(() => []);
  for (let s = 0; s < sectionCount; s++) {
    const members = orderCandidates(candidates.filter((c) => c.section === s), layout);
    if (layout.sections) {
      if (members.length === 0 && s === layout.sections.list.length) continue; // no 未能识别 section when nothing is unmatched
      const def = layout.sections.list[s];
      planRows.push(def ? { kind: "section", label: def.label, labelEn: def.labelEn } : { kind: "section", label: layout.sections.unmatchedLabel, labelEn: "Rows whose type could not be recognised" });
      if (layout.sections.numbering === "per-section") seq = 0;
    }
    for (const c of members) {
      seq += 1;
      const values = layoutColumns.map((col, i): PlanValue => {
        let v = valueFor(col, c, seq);
        if (v.kind === "text" && v.text.length > EXCEL_CELL_CHARS) {
          warnings.push({
            code: "cell-truncated",
            message: `名单第 ${c.sourceRow} 行“${col.header}”有 ${v.text.length.toLocaleString("en-US")} 个字符，超过 Excel 单元格上限 ${EXCEL_CELL_CHARS.toLocaleString("en-US")}：导出时截断，末尾标“…”，请核对后精简`,
            messageEn: `Row ${c.sourceRow}, "${col.headerEn}": ${v.text.length.toLocaleString("en-US")} characters, over Excel's ${EXCEL_CELL_CHARS.toLocaleString("en-US")} per cell; cut, ending in "…"`,
            rows: [c.sourceRow],
            column: i,
          });
          v = { kind: "text", text: capCellText(v.text) };
        }
        columnTexts[i].push(planValueText(v));
        return v;
      });
      planRows.push({ kind: "data", sourceRow: c.sourceRow, values, hasErrors: c.hasErrors, exempt: c.exempt, priority: c.priority.length > 0 });
    }
  }

  function valueFor(col: LayoutColumn, c: Candidate, n: number): PlanValue {
    const src = col.source;
    switch (src.kind) {
      case "seq":
        return { kind: "number", value: n, format: "integer" };
      case "takesSlot":
        return { kind: "text", text: c.exempt ? "否" : "是" };
      case "joined": {
        const parts = src.fields.flatMap((f) => {
          const column = columns.get(f);
          return column ? [planValueText(formatCell(cellAt(grid, c.sourceRow, column.index), "text", column.header))] : [];
        });
        const text = parts.filter(Boolean).join(" ");
        return text ? { kind: "text", text } : { kind: "empty" };
      }
      case "rank": {
        if (c.exempt) return { kind: "empty" };
        const renumber = newRank.get(c.sourceRow);
        if (renumber !== undefined) return { kind: "number", value: renumber, format: "integer" };
        if (c.rank !== null) return { kind: "number", value: c.rank, format: "integer" };
        const column = firstMapped(columns, src.fields);
        return column ? formatCell(cellAt(grid, c.sourceRow, column.index), "integer", column.header) : { kind: "empty" };
      }
      case "field": {
        const column = firstMapped(columns, src.fields);
        if (!column) return { kind: "empty" };
        const cell = cellAt(grid, c.sourceRow, column.index);
        return understoodCell(programme, column.field, cell, column.header, settings) ?? formatCell(cell, src.format, column.header);
      }
      case "remarks": {
        const parts: string[] = [];
        const column = firstMapped(columns, src.fields);
        if (keepRemarks && column) {
          const own = planValueText(formatCell(cellAt(grid, c.sourceRow, column.index), "text", column.header));
          if (own) parts.push(own);
        }
        if (c.exempt && exemptMark && !parts.some((p) => p.includes(exemptMark))) parts.push(exemptMark);
        for (const m of c.priority) {
          const mark = priorityMark(programme, m);
          if (!parts.includes(mark)) parts.push(mark);
        }
        return parts.length ? { kind: "text", text: parts.join("；") } : { kind: "empty" };
      }
    }
  }

  const exported = candidates.length;
  const exemptCount = candidates.filter((c) => c.exempt).length;
  if (dataRows.length > 0 && exported === 0) {
    warnings.push({ code: "no-rows", message: "没有可导出的行：所有行都有错误。", messageEn: "No rows to export: every row has errors." });
  } else if (report.headerRows.length > 0 && dataRows.length === 0) {
    warnings.push({ code: "no-rows", message: "表头下方没有数据行。", messageEn: "There are no data rows below the header." });
  }

  const unit = recommendingUnit(report, options);
  const blank = (s: string | undefined, width: number) => (s && s.trim() ? s.trim() : IDSP.repeat(width));
  const counts = { total: exported, counted: exported - exemptCount, exempt: exemptCount };
  return {
    layoutId: layout.id,
    programme: layout.programme,
    sheetName: safeSheetName(layout.name),
    attachment: layout.attachment,
    title: layout.title,
    unitLine: [`推荐单位（盖章）：${unit}`, `联系人：${blank(options.contact, 4)}`, `联系电话：${blank(options.phone, 6)}`, `填报日期：${fillDate}`].join(IDSP.repeat(3)),
    columns: layoutColumns.map((c, i) => ({ header: c.header, headerEn: c.headerEn, width: fitWidth(c, columnTexts[i]), align: alignOf(c) })),
    rows: planRows,
    notes: layout.notes.map((n) => fillCounts(n, counts)),
    signature: { left: `填表人：${IDSP.repeat(6)}审核人：${IDSP.repeat(6)}`, right: "推荐单位（盖章）", date: `${IDSP}${IDSP}年${IDSP}${IDSP}月${IDSP}${IDSP}日` },
    counts: {
      exported,
      counted: exported - exemptCount,
      exempt: exemptCount,
      priority: candidates.filter((c) => c.priority.length > 0).length,
      excludedWithErrors: options.includeErrors ? 0 : withErrors.length,
      includedWithErrors: options.includeErrors ? withErrors.length : 0,
    },
    warnings,
    leftOut: options.includeErrors ? [] : withErrors.map((row) => leftOutReason(row, report.findings)),
    renumbered,
    paper: options.paper ?? "auto",
    ...(report.cities ? { cities: citySummaries(report, planRows) } : {}),
  };
}

/** Why a row was left out: its first error, and how many more. */
function leftOutReason(row: number, findings: readonly Finding[]): ExportPlan["leftOut"][number] {
  const own = findings.filter((f) => f.severity === "error" && f.row === row);
  const more = own.length > 1 ? `（另有 ${own.length - 1} 处错误）` : "";
  const moreEn = own.length > 1 ? ` (and ${own.length - 1} more)` : "";
  return { row, reason: `${own[0]?.message ?? "有错误"}${more}`, reasonEn: `${own[0]?.messageEn ?? "has errors"}${moreEn}` };
}

/**
 * For hosts that interpret typed text (Office.js `values`): text that Excel would read as a formula
 * or a number gets a leading apostrophe, which Excel keeps as "text" and does not show.
 */
export function officeSafeText(s: string): string {
  return /^[=+\-@]/.test(s) || /^\s*[\d.,+\-eE%]+\s*$/.test(s) ? `'${s}` : s;
}
