/**
 * 退回修改清单: per district (or, in province mode, per city), its rows with every finding in plain
 * words — row, enterprise, what is wrong, what to do, the clause — so the clerk can send each
 * district its corrections. Built from the report alone (plus the grid for names and districts), so
 * its rows and findings are exactly the report's: one verdict per row, everywhere.
 *
 * Info findings (a quota exemption read, a priority match) ask nothing of the district and are left
 * out; a finding about the list as a whole (no row) goes to the overview sheet.
 */
import { downloadFileName } from "./file-names";
import { columnNumber, isBlankCell, type Cell, type Grid } from "../cells";
import { FIELDS } from "../fields";
import { findingTitle } from "../finding-titles";
import { parseSource } from "../merge";
import type { Finding, Report, Severity } from "../report";
import { carryMerges } from "../shape";
import { headerKey } from "../text";
import { judgedRow } from "../verdict";
import { FORM_FONTS, lineCount, type SheetSpec, type SpecCell } from "./sheet-spec";
import { safeSheetName, uniqueSheetName } from "./plan";

export interface ReturnItem {
  severity: Exclude<Severity, "info">;
  code: string;
  title: string;
  message: string;
  /** What the district should do (the finding's hint, else a general remedy). */
  todo: string;
  clause: string;
}

export interface ReturnRow {
  /** Excel row in the checked list. */
  row: number;
  /** Where the district will find it: its own file and row for a merged list, else the row. */
  place: string;
  applicant: string;
  items: ReturnItem[];
}

export interface ReturnUnit {
  /** The district (or city) the rows came from; "（未注明区县）" when the list does not say. */
  unit: string;
  /** Data rows of this unit in the checked list. */
  total: number;
  /** Rows with at least one error or warning, in sheet order. */
  rows: ReturnRow[];
  errors: number;
  warnings: number;
}

export interface ReturnPlan {
  programmeTitle: string;
  city: string;
  /** YYYY-MM-DD: the day the list was made. */
  date: string;
  by: "district" | "city" | "list";
  units: ReturnUnit[];
  /** Findings about the list as a whole (no row): header missing, file-level problems. */
  listLevel: ReturnItem[];
}

const UNKNOWN_UNIT = "（未注明区县）";
const DEFAULT_TODO: Record<ReturnItem["severity"], string> = {
  error: "请按通知要求更正或补充材料后重新报送；不符合条件的请撤回。",
  warning: "请核实；如填写无误，请在备注中说明。",
};

function text(cell: Cell | undefined): string {
  if (!cell || isBlankCell(cell)) return "";
  return String(cell.value).replace(/\s+/g, " ").trim();
}

function item(f: Finding): ReturnItem | null {
  if (f.severity === "info") return null;
  return {
    severity: f.severity,
    code: f.code,
    title: findingTitle(f.code),
    message: f.message,
    todo: f.hint?.trim() || DEFAULT_TODO[f.severity],
    clause: f.clause ?? "",
  };
}

/** Errors first, then warnings; within each, the report's order. */
function ordered(items: ReturnItem[]): ReturnItem[] {
  return [...items.filter((i) => i.severity === "error"), ...items.filter((i) => i.severity === "warning")];
}

export function planReturnLists(given: Grid, report: Report, options: { date: string }): ReturnPlan {
  const grid = carryMerges(given);
  const columnOf = (field: string): number | null => {
    const c = report.columns.find((m) => m.field === field);
    return c ? columnNumber(c.column) - grid.firstColumn : null;
  };
  const cellAt = (row: number, col: number | null): string => (col === null || col < 0 ? "" : text(grid.rows[row - grid.firstRow]?.[col]));
  const applicantCol = columnOf("applicant");
  const districtCol = columnOf("district");
  // A merged list's 来源 column is read beside the programme's fields, not as one of them.
  const sourceKeys = new Set((FIELDS.source?.synonyms ?? []).map(headerKey));
  const sourceMapping = report.columns.find((m) => m.field === "source") ?? report.columns.find((m) => m.field === null && sourceKeys.has(headerKey(m.header)));
  const sourceCol = sourceMapping ? columnNumber(sourceMapping.column) - grid.firstColumn : null;

  // The data rows, as the check read them: below the header, not skipped.
  const lastRow = grid.firstRow + grid.rows.length - 1;
  const skipped = new Set(report.skipped.map((s) => s.row));
  const dataRows: number[] = [];
  if (report.headerRows.length > 0) for (let r = Math.max(...report.headerRows) + 1; r <= lastRow; r++) if (!skipped.has(r)) dataRows.push(r);

  // Sources of merged rows, as the findings carry them (the source column says the same for clean rows).
  const sourceOf = new Map<number, { file: string; sheet: string; sourceRow: number; district?: string }>();
  for (const f of report.findings) for (const s of f.sources ?? []) if (!sourceOf.has(s.row)) sourceOf.set(s.row, s);
  if (sourceCol !== null) {
    for (const r of dataRows) {
      if (sourceOf.has(r)) continue;
      const s = parseSource(cellAt(r, sourceCol));
      if (s) sourceOf.set(r, s);
    }
  }

  const cityOf = new Map<number, string>();
  for (const c of report.cities ?? []) for (const r of c.rows) cityOf.set(r, c.city);
  const by: ReturnPlan["by"] = report.cities ? "city" : districtCol !== null || sourceOf.size > 0 ? "district" : "list";
  const unitOf = (r: number): string => {
    if (by === "city") return cityOf.get(r) ?? UNKNOWN_UNIT;
    if (by === "list") return report.city || UNKNOWN_UNIT;
    return cellAt(r, districtCol) || sourceOf.get(r)?.district || sourceOf.get(r)?.file || UNKNOWN_UNIT;
  };

  const itemsOf = new Map<number, ReturnItem[]>();
  const listLevel: ReturnItem[] = [];
  for (const f of report.findings) {
    const it = item(f);
    if (!it) continue;
    const row = judgedRow(f);
    if (row === undefined) {
      listLevel.push(it);
      continue;
    }
    const list = itemsOf.get(row) ?? [];
    // A row lists its own findings only (a group's rows each have theirs); two alike on one row read as one.
    if (!list.some((x) => x.code === it.code && x.message === it.message)) list.push(it);
    itemsOf.set(row, list);
  }

  const units = new Map<string, ReturnUnit>();
  const unitFor = (name: string): ReturnUnit => {
    let u = units.get(name);
    if (!u) units.set(name, (u = { unit: name, total: 0, rows: [], errors: 0, warnings: 0 }));
    return u;
  };
  // Rows judged by a finding but outside the data rows (none today) still appear: nothing is dropped.
  const rows = [...new Set([...dataRows, ...itemsOf.keys()])].sort((a, b) => a - b);
  for (const r of rows) {
    const u = unitFor(unitOf(r));
    if (dataRows.includes(r)) u.total++;
    const items = itemsOf.get(r);
    if (!items || items.length === 0) continue;
    const src = sourceOf.get(r);
    const place = src ? `${src.file}${src.sheet ? `（${src.sheet}）` : ""}第${src.sourceRow}行` : `第${r}行`;
    u.rows.push({ row: r, place, applicant: cellAt(r, applicantCol) || "（未填申报单位）", items: ordered(items) });
    if (items.some((i) => i.severity === "error")) u.errors++;
    else u.warnings++;
  }
  return {
    programmeTitle: report.programmeTitle,
    city: report.province ?? report.city,
    date: options.date,
    by,
    units: [...units.values()],
    listLevel: ordered(listLevel),
  };
}

// ---------------------------------------------------------------------------------------------
// The sheets: an overview, then one print-ready sheet per unit.

const SEVERITY_ZH: Record<ReturnItem["severity"], string> = { error: "错误（须修改）", warning: "警告（请核实）" };
const UNIT_HEADER = ["序号", "本表行号", "原表位置", "申报单位", "性质", "问题", "具体情况", "如何修改", "依据条款"];
const UNIT_WIDTHS = [6, 8, 18, 26, 16, 14, 44, 34, 22];
const OVERVIEW_HEADER = ["序号", "区县", "报送行数", "有错误的行", "仅有警告的行", "问题条数", "工作表"];
const OVERVIEW_WIDTHS = [6, 18, 10, 12, 12, 10, 18];

function cell(row: number, column: number, value: string | number, font: SpecCell["font"], opts: Partial<Pick<SpecCell, "horizontal" | "wrap" | "border">> = {}): SpecCell {
  return { row, column, value, numberFormat: typeof value === "number" ? "0" : "@", font, horizontal: opts.horizontal ?? "left", wrap: opts.wrap ?? true, border: opts.border ?? true };
}

function page(lastColumn: number, lastRow: number, headerRow: number): SheetSpec["page"] {
  const letter = String.fromCharCode(64 + lastColumn);
  return {
    paperSize: "A4",
    printedBodyPt: FORM_FONTS.body.size,
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: { first: 1, last: headerRow },
    printArea: `A1:${letter}${lastRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
    footer: "&C第 &P 页，共 &N 页",
  };
}

function unitLabel(plan: ReturnPlan): string {
  return plan.by === "city" ? "市" : "区县";
}

/** The sheet names, unique and within Excel's limits, in the order the sheets are written. */
export function returnSheetNames(plan: ReturnPlan): string[] {
  const taken = ["汇总"];
  for (const u of plan.units) taken.push(uniqueSheetName(safeSheetName(u.unit), taken));
  return taken;
}

export function returnListSheets(plan: ReturnPlan): SheetSpec[] {
  const names = returnSheetNames(plan);
  const specs: SheetSpec[] = [];
  const dateZh = plan.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`);

  // Overview.
  {
    const cells: SpecCell[] = [];
    const last = OVERVIEW_HEADER.length;
    cells.push(cell(1, 1, `${plan.programmeTitle}　退回修改清单（汇总）`, FORM_FONTS.title, { horizontal: "center", border: false, wrap: false }));
    cells.push(cell(2, 1, `${plan.city}　${dateZh}　各${unitLabel(plan)}问题行数；明细见各${unitLabel(plan)}工作表`, FORM_FONTS.line, { border: false, wrap: false }));
    const header = [...OVERVIEW_HEADER];
    header[1] = unitLabel(plan);
    header.forEach((h, i) => cells.push(cell(4, i + 1, h, FORM_FONTS.header, { horizontal: "center" })));
    let r = 5;
    plan.units.forEach((u, i) => {
      const problems = u.rows.reduce((n, x) => n + x.items.length, 0);
      [i + 1, u.unit, u.total, u.errors, u.warnings, problems, names[i + 1]].forEach((v, c) => cells.push(cell(r, c + 1, v, FORM_FONTS.body, { horizontal: c === 1 || c === 6 ? "left" : "center" })));
      r++;
    });
    const lastTableRow = r - 1;
    if (plan.listLevel.length > 0) {
      r++;
      cells.push(cell(r++, 1, "整份名单的问题（不属于某一行）：", FORM_FONTS.section, { border: false, wrap: false }));
      for (const it of plan.listLevel) cells.push(cell(r++, 1, `${SEVERITY_ZH[it.severity]}　${it.title}：${it.message}${it.todo ? `　${it.todo}` : ""}`, FORM_FONTS.body, { border: false, wrap: false }));
    }
    specs.push({
      name: names[0],
      columnWidths: OVERVIEW_WIDTHS,
      rowHeights: [{ row: 1, height: 30 }],
      cells,
      merges: [`A1:${String.fromCharCode(64 + last)}1`, `A2:${String.fromCharCode(64 + last)}2`],
      page: { ...page(last, Math.max(r - 1, 4), 4), orientation: "landscape" },
      freezeRows: 4,
      parts: { attachmentRow: 0, titleRow: 1, unitRow: 2, headerRow: 4, firstDataRow: 5, lastTableRow, signatureRow: 0, lastColumn: last },
    });
  }

  // One sheet per unit.
  plan.units.forEach((u, i) => {
    const cells: SpecCell[] = [];
    const last = UNIT_HEADER.length;
    const L = String.fromCharCode(64 + last);
    cells.push(cell(1, 1, `${plan.programmeTitle}　退回修改清单`, FORM_FONTS.title, { horizontal: "center", border: false, wrap: false }));
    cells.push(cell(2, 1, `${unitLabel(plan)}：${u.unit}　　报送 ${u.total} 行，其中有错误 ${u.errors} 行、仅有警告 ${u.warnings} 行　　${plan.city}　${dateZh}`, FORM_FONTS.line, { border: false, wrap: false }));
    cells.push(cell(3, 1, "“错误”须修改后重新报送（不符合条件的请撤回）；“警告”请核实，确无问题的在备注中说明。行号为我局汇总表中的行号，原表位置为贵单位报送文件中的位置。", FORM_FONTS.note, { border: false, wrap: true }));
    UNIT_HEADER.forEach((h, c) => cells.push(cell(5, c + 1, h, FORM_FONTS.header, { horizontal: "center" })));
    let r = 6;
    let n = 0;
    const heights: SheetSpec["rowHeights"] = [{ row: 1, height: 30 }, { row: 3, height: 32 }, { row: 5, height: 22 }];
    for (const row of u.rows) {
      n++;
      for (const it of row.items) {
        const values: (string | number)[] = [n, row.row, row.place, row.applicant, SEVERITY_ZH[it.severity], it.title, it.message, it.todo, it.clause];
        values.forEach((v, c) => cells.push(cell(r, c + 1, v, FORM_FONTS.body, { horizontal: c <= 1 || c === 4 ? "center" : "left" })));
        // Wrapped text needs its height written: Excel and WPS do not grow a row on opening.
        const lines = Math.max(...values.map((v, c) => lineCount(String(v), UNIT_WIDTHS[c]!)));
        heights.push({ row: r, height: Math.max(20, lines * 14.5 + 5) });
        r++;
      }
    }
    const lastTableRow = r - 1;
    if (u.rows.length === 0) {
      cells.push(cell(r, 1, "本名单未发现问题，无需修改。", FORM_FONTS.body, { horizontal: "center" }));
      r++;
    }
    const noteRow = r + 1;
    cells.push(cell(noteRow, 1, "本清单由推荐汇总助手按申报通知逐行核查生成，只列问题，不改动报送的名单。", FORM_FONTS.note, { border: false, wrap: false }));
    specs.push({
      name: names[i + 1],
      columnWidths: UNIT_WIDTHS,
      rowHeights: heights,
      cells,
      merges: [`A1:${L}1`, `A2:${L}2`, `A3:${L}3`, `A${noteRow}:${L}${noteRow}`, ...(u.rows.length === 0 ? [`A${lastTableRow + 1}:${L}${lastTableRow + 1}`] : [])],
      page: page(last, noteRow, 5),
      freezeRows: 5,
      parts: { attachmentRow: 0, titleRow: 1, unitRow: 2, headerRow: 5, firstDataRow: 6, lastTableRow, signatureRow: noteRow, lastColumn: last },
    });
  });
  return specs;
}

/** 退回修改清单-南京市-重点工业互联网平台-2026-12-03.xlsx */
export function returnListFileName(plan: ReturnPlan): string {
  return downloadFileName({ what: "退回修改清单", city: plan.city, programmeTitle: plan.programmeTitle, date: plan.date, ext: "xlsx" });
}
