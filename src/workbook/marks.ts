/**
 * Turns a Report into the marks one check puts on the sheet (a MarkPlan), and keeps the record of
 * what was added so that 清除标记 removes exactly that and 重新检查 replaces it. Pure: the adapters
 * do the reading and writing, this decides what to read and write, so every adapter behaves alike.
 */
import { columnLetter, columnNumber, isBlankCell, type Grid } from "../domain/cells";
import type { Finding, Report } from "../domain/report";
import { contextRows, judgedRow } from "../domain/verdict";
import { codeTitle, strings, type Lang } from "./i18n";
import { MarkConflictError, type CellMark, type CellNote, type MarkLevel, type MarkPlan, type ResultLine } from "./port";

/** At most this many notes per check: each costs a request of its own size, and hundreds are already plenty to hover over. */
export const MAX_NOTES = 500;

/**
 * Longest text we put in one result cell or one note. A set finding can name hundreds of rows;
 * the cell says what matters first and the pane has the rest, and a check's writes stay small.
 */
export const MAX_MARK_TEXT = 300;

function clip(text: string, lang: Lang): string {
  if (text.length <= MAX_MARK_TEXT) return text;
  const more = lang === "en" ? "… (see the task pane)" : "…（详见任务窗格）";
  return text.slice(0, MAX_MARK_TEXT - more.length) + more;
}

/** Fill colours: Excel's own "bad", "neutral" and a blue for priority, so marks read as Excel's. */
export const MARK_COLOURS: Record<MarkLevel, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  priority: "#BDD7EE",
};

const RANK: Record<MarkLevel | "ok", number> = { ok: 0, priority: 1, warning: 2, error: 3 };

function worse<T extends MarkLevel | "ok">(a: T, b: T): T {
  return RANK[a] >= RANK[b] ? a : b;
}

function levelOf(f: Finding): MarkLevel | null {
  if (f.severity === "error") return "error";
  if (f.severity === "warning") return "warning";
  return null;
}

/** Excel rows a finding concerns: the row it judges, then the rows it names for context. */
export function findingRows(f: Finding): number[] {
  const own = judgedRow(f);
  return own !== undefined ? [own, ...contextRows(f)] : contextRows(f);
}

/** Data rows the check looked at: below the header, inside the grid, not skipped. */
export function dataRows(report: Report, grid: Grid): number[] {
  if (report.headerRows.length === 0) return [];
  const first = Math.max(...report.headerRows) + 1;
  const last = grid.firstRow + grid.rows.length - 1;
  const skipped = new Set(report.skipped.map((s) => s.row));
  const out: number[] = [];
  for (let r = first; r <= last; r++) if (!skipped.has(r)) out.push(r);
  return out;
}

interface RowNotes {
  level: MarkLevel | "ok";
  /** Problem title → the columns it was found in: one title, said once, names all its cells. */
  errors: Map<string, string[]>;
  warnings: Map<string, string[]>;
  infos: string[];
  priority: string[];
  /** Problems of other rows that name this one: title → those rows, each title said once with all its rows. */
  see: Map<string, number[]>;
}

/** Rows named in one "见第…行" before the rest are counted: a cell stays short, the pane has them all. */
const SEE_ROWS = 5;

function seeText(title: string, rows: readonly number[], lang: Lang): string {
  if (rows.length === 0) return title;
  const shown = rows.slice(0, SEE_ROWS);
  if (lang === "en") return `${title} (see row${rows.length > 1 ? "s" : ""} ${shown.join(", ")}${rows.length > shown.length ? ` and ${rows.length - shown.length} more` : ""})`;
  return `${title}（见第${shown.join("、")}行${rows.length > shown.length ? `等${rows.length}行` : ""}）`;
}

function pushOnce(list: string[], s: string): void {
  if (!list.includes(s)) list.push(s);
}

/** The marks for one report on the grid it was computed from. Deterministic: same inputs, same plan. */
export function planMarks(report: Report, grid: Grid, lang: Lang = "zh"): MarkPlan {
  const s = strings(lang);
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const resultColumn = grid.firstColumn + width;
  const lastRow = grid.firstRow + grid.rows.length - 1;
  const inGrid = (row: number) => row >= grid.firstRow && row <= lastRow;
  const headerRow = report.headerRows.length ? Math.max(...report.headerRows) : grid.firstRow;

  const rows = new Map<number, RowNotes>();
  const note = (row: number): RowNotes => {
    let n = rows.get(row);
    if (!n) rows.set(row, (n = { level: "ok", errors: new Map(), warnings: new Map(), infos: [], priority: [], see: new Map() }));
    return n;
  };
  for (const r of dataRows(report, grid)) note(r);

  const cellLevels = new Map<string, CellMark>();
  const cellNotes = new Map<string, CellNote>();
  const addNote = (row: number, column: number, f: Finding) => {
    if (!inGrid(row) || column < grid.firstColumn || column >= resultColumn) return;
    const key = `${row},${column}`;
    const line = lang === "en" ? [f.messageEn, f.hintEn].filter(Boolean).join(" ") : [f.message, f.hint].filter(Boolean).join(" ");
    const had = cellNotes.get(key);
    // Past the clip length more lines would only be cut off again.
    if (had && (had.text.length >= MAX_MARK_TEXT || had.text.split("\n").includes(line))) return;
    cellNotes.set(key, { row, column, text: had ? `${had.text}\n${line}` : line });
  };
  const markCell = (row: number, column: number, level: MarkLevel) => {
    if (!inGrid(row) || column < grid.firstColumn || column >= resultColumn) return;
    const key = `${row},${column}`;
    const had = cellLevels.get(key);
    cellLevels.set(key, { row, column, level: had ? worse(had.level, level) : level });
  };

  // A rule that finds a group at fault gives each row of it a finding naming the whole group (ten rows
  // over the quota: ten findings of ten rows). A row judged by its own finding of a code says that
  // problem once; the group's other findings name it only as context, which would repeat it per row.
  const judgedCodes = new Map<number, Set<string>>();
  for (const f of report.findings) {
    const own = judgedRow(f);
    if (own === undefined) continue;
    let codes = judgedCodes.get(own);
    if (!codes) judgedCodes.set(own, (codes = new Set()));
    codes.add(f.code);
  }

  for (const f of report.findings) {
    if (f.code === "priority") continue; // shown from report.priority below, with its reason
    const level = levelOf(f);
    const title = codeTitle(f.code, lang);
    const own = judgedRow(f);
    for (const row of contextRows(f)) {
      // Named, not judged (the kept twin of a duplicate, the rest of a group): said, never marked.
      if (!inGrid(row) || row === headerRow || judgedCodes.get(row)?.has(f.code)) continue;
      // The judged row, or for a finding of the whole list the other rows it names.
      const see = own !== undefined ? [own] : findingRows(f).filter((r) => r !== row);
      const n = note(row);
      const list = n.see.get(title) ?? [];
      for (const r of see) if (!list.includes(r)) list.push(r);
      n.see.set(title, list);
    }
    if (own !== undefined) {
      const row = own;
      if (!inGrid(row)) continue;
      const n = note(row);
      if (level) {
        const columns = (level === "error" ? n.errors : n.warnings).get(title) ?? [];
        if (f.column && !columns.includes(f.column)) columns.push(f.column);
        (level === "error" ? n.errors : n.warnings).set(title, columns);
      } else pushOnce(n.infos, title);
      if (level) {
        n.level = worse(n.level, level);
        if (f.column) {
          markCell(row, columnNumber(f.column), level);
          addNote(row, columnNumber(f.column), f);
        }
      }
    }
  }

  const applicantColumn = report.columns.find((c) => c.field === "applicant")?.column;
  for (const p of report.priority) {
    if (!inGrid(p.row)) continue;
    const n = note(p.row);
    pushOnce(n.priority, p.name);
    n.level = worse(n.level, "priority");
    if (applicantColumn) {
      const col = columnNumber(applicantColumn);
      if (!cellLevels.has(`${p.row},${col}`)) markCell(p.row, col, "priority");
    }
  }

  const results: ResultLine[] = [];
  const sep = lang === "en" ? "; " : "；";
  const colon = lang === "en" ? ": " : "：";
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    if (row === headerRow) continue;
    const n = rows.get(row)!;
    const parts: string[] = [];
    const labels = (m: Map<string, string[]>) => [...m].map(([title, cols]) => (cols.length === 0 ? title : lang === "en" ? `${title} (${cols.join(", ")})` : `${title}（${cols.join("、")}列）`));
    if (n.errors.size) parts.push(`${s.severity.error}${colon}${labels(n.errors).join(sep)}`);
    if (n.warnings.size) parts.push(`${s.severity.warning}${colon}${labels(n.warnings).join(sep)}`);
    if (n.priority.length) parts.push(`${s.resultPriority}${colon}${n.priority.join(sep)}`);
    const infos = [...n.infos, ...[...n.see].filter(([title]) => !n.infos.includes(title)).map(([title, see]) => seeText(title, [...see].sort((a, b) => a - b), lang))];
    if (infos.length) parts.push(`${s.severity.info}${colon}${infos.join(sep)}`);
    const text = n.errors.size || n.warnings.size ? parts.join(lang === "en" ? " | " : "。") : [s.resultOk, ...parts].join(lang === "en" ? " | " : "。");
    results.push({ row, text: clip(text, lang), level: n.level });
    if (n.level !== "ok") cellLevels.set(`${row},${resultColumn}`, { row, column: resultColumn, level: n.level });
  }

  const fills = [...cellLevels.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const notes = [...cellNotes.values()]
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .slice(0, MAX_NOTES)
    .map((n) => ({ ...n, text: clip(n.text, lang) }));
  return { sheet: report.sheet || grid.sheetName, resultColumn, headerRow, headerText: s.resultHeader, results, fills, notes };
}

// ---------------------------------------------------------------- the record of what was added

export interface FillRecord {
  row: number;
  column: number;
  /** The fill the cell had before the first check marked it; null = no fill. */
  original: string | null;
}

/** What applyMarks added to one sheet. Stored in the workbook (settings), so it survives reopening. */
export interface MarkRecord {
  version: 1;
  sheet: string;
  resultColumn: number;
  headerRow: number;
  /** Result-column rows we wrote (the header row included). */
  resultRows: number[];
  fills: FillRecord[];
  /** Cells where we added a note (cells with the user's own notes are never among them). */
  notes?: { row: number; column: number }[];
}

/** Header labels of our result column, in every language the pane writes (so a re-check in either finds it). */
export const RESULT_HEADERS: readonly string[] = [...new Set((["zh", "en"] as const).map((l) => strings(l).resultHeader))];

export function markRecordKey(sheet: string): string {
  return `marks:${sheet}`;
}

const key = (row: number, column: number) => `${row},${column}`;

/** Rows of the result column a plan writes (header first). */
export function planResultRows(plan: MarkPlan): number[] {
  return [plan.headerRow, ...plan.results.map((r) => r.row).filter((r) => r !== plan.headerRow)];
}

/** Cells whose current fill the adapter must read before applying: planned fills not already ours. */
export function fillsToRead(plan: MarkPlan, previous: MarkRecord | undefined): { row: number; column: number }[] {
  const ours = new Set(previous?.fills.map((f) => key(f.row, f.column)) ?? []);
  return plan.fills.filter((f) => !ours.has(key(f.row, f.column))).map(({ row, column }) => ({ row, column }));
}

/**
 * Result-column cells the plan would overwrite although they hold the user's data. The column is
 * written top to bottom in one piece (rows between results get ""), so every cell of that span
 * counts. `holdsContent` says whether a cell has a value or a formula: a formula showing nothing is
 * still the user's. Cells we wrote last time are ours to overwrite.
 */
export function resultConflicts(plan: MarkPlan, previous: MarkRecord | undefined, holdsContent: (row: number, column: number) => boolean): string[] {
  const ours = new Set(previous ? previous.resultRows.map((r) => key(r, previous.resultColumn)) : []);
  const rows = planResultRows(plan);
  const top = Math.min(...rows), bottom = Math.max(...rows);
  const out: string[] = [];
  for (let row = top; row <= bottom; row++) {
    if (ours.has(key(row, plan.resultColumn))) continue;
    if (holdsContent(row, plan.resultColumn)) out.push(cellAddress(row, plan.resultColumn));
  }
  return out;
}

export function conflictError(cells: string[]): MarkConflictError {
  const list = cells.slice(0, 5).join("、") + (cells.length > 5 ? " 等" : "");
  return new MarkConflictError(
    `校验结果要写在 ${list}，但这些单元格已有内容。为不覆盖您的数据，本次未做标记：请在数据右侧留出一列空白，或改为检查整张表。`,
    `The results would go into ${cells.slice(0, 5).join(", ")}, which already hold data. Nothing was marked, to keep your data: leave an empty column right of the data or check the whole sheet.`,
  );
}

/** Planned notes on cells that are not ours yet: the adapter must find out whether the user has a note there. */
export function notesToCheck(plan: MarkPlan, previous: MarkRecord | undefined): { row: number; column: number }[] {
  const ours = new Set(previous?.notes?.map((n) => key(n.row, n.column)) ?? []);
  return plan.notes.filter((n) => !ours.has(key(n.row, n.column))).map(({ row, column }) => ({ row, column }));
}

export interface MarkOps {
  /** Fills to restore to what they were before we marked them (null = remove the fill). */
  restore: FillRecord[];
  /** Result-column cells of the previous check to empty. */
  clearResults: { row: number; column: number }[];
  /** Fills to set. */
  fill: CellMark[];
  /** Result-column cells to write, header first. */
  write: { row: number; column: number; text: string }[];
  /** Our notes to delete, to add (cells without a note), and to rewrite (already ours). */
  deleteNotes: { row: number; column: number }[];
  addNotes: CellNote[];
  updateNotes: CellNote[];
  /** The record to store after the writes (undefined after a clear). */
  record: MarkRecord | undefined;
}

/**
 * The writes that turn the sheet from "marked with `previous`" into "marked with `plan`" (or into
 * unmarked, when plan is null). `currentFill` answers for the cells `fillsToRead` named.
 * Applying the same plan twice yields the same ops and the same record as applying it once.
 */
export function markOps(
  plan: MarkPlan | null,
  previous: MarkRecord | undefined,
  currentFill: (row: number, column: number) => string | null,
  userNoteAt: (row: number, column: number) => boolean = () => false,
): MarkOps {
  const prevNotes = new Set(previous?.notes?.map((n) => key(n.row, n.column)) ?? []);
  const newNotes = new Set(plan?.notes.map((n) => key(n.row, n.column)) ?? []);
  const deleteNotes = (previous?.notes ?? []).filter((n) => !newNotes.has(key(n.row, n.column)));
  const prevFills = new Map(previous?.fills.map((f) => [key(f.row, f.column), f]) ?? []);
  const newKeys = new Set(plan?.fills.map((f) => key(f.row, f.column)) ?? []);
  const restore = [...prevFills.values()].filter((f) => !newKeys.has(key(f.row, f.column)));

  const written = new Set(plan ? planResultRows(plan).map((r) => key(r, plan.resultColumn)) : []);
  const clearResults = previous
    ? previous.resultRows.map((row) => ({ row, column: previous.resultColumn })).filter((c) => !written.has(key(c.row, c.column)))
    : [];
  if (!plan) return { restore, clearResults, fill: [], write: [], deleteNotes, addNotes: [], updateNotes: [], record: undefined };
  const updateNotes = plan.notes.filter((n) => prevNotes.has(key(n.row, n.column)));
  const addNotes = plan.notes.filter((n) => !prevNotes.has(key(n.row, n.column)) && !userNoteAt(n.row, n.column));

  const fills: FillRecord[] = plan.fills.map((f) => {
    const had = prevFills.get(key(f.row, f.column));
    return { row: f.row, column: f.column, original: had ? had.original : normaliseColour(currentFill(f.row, f.column)) };
  });
  const write = [
    { row: plan.headerRow, column: plan.resultColumn, text: plan.headerText },
    ...plan.results.filter((r) => r.row !== plan.headerRow).map((r) => ({ row: r.row, column: plan.resultColumn, text: r.text })),
  ];
  const record: MarkRecord = {
    version: 1,
    sheet: plan.sheet,
    resultColumn: plan.resultColumn,
    headerRow: plan.headerRow,
    resultRows: planResultRows(plan),
    fills,
    notes: [...updateNotes, ...addNotes].map(({ row, column }) => ({ row, column })).sort((a, b) => a.row - b.row || a.column - b.column),
  };
  return { restore, clearResults, fill: plan.fills, write, deleteNotes, addNotes, updateNotes, record };
}

/** Excel reports "no fill" as white through ExcelApi 1.2; both mean "nothing to restore". */
export function normaliseColour(c: string | null | undefined): string | null {
  if (!c) return null;
  const u = c.toUpperCase();
  return u === "#FFFFFF" || u === "WHITE" ? null : u;
}

/**
 * Drops the result column of a previous check from a grid read off the sheet, so a re-check sees
 * exactly the data it saw the first time. Only when the header cell still reads 校验结果.
 */
export function withoutResultColumn(grid: Grid, record: MarkRecord | undefined, headerTexts: readonly string[]): Grid {
  if (!record) return grid;
  const idx = record.resultColumn - grid.firstColumn;
  const width = grid.rows[0]?.length ?? 0;
  if (idx < 0 || idx >= width) return grid;
  const hr = record.headerRow - grid.firstRow;
  const header = grid.rows[hr]?.[idx];
  if (!header || header.kind !== "text" || !headerTexts.includes(String(header.value))) return grid;
  let rows = grid.rows.map((r) => [...r.slice(0, idx), ...r.slice(idx + 1)]);
  // Trailing columns that are now entirely empty were only there because of our column.
  let w = rows[0]?.length ?? 0;
  while (w > 0 && rows.every((r) => isBlankCell(r[w - 1]))) w--;
  rows = rows.map((r) => r.slice(0, w));
  // Same for trailing rows the result column alone made part of the used range.
  let h = rows.length;
  while (h > 0 && rows[h - 1].every(isBlankCell)) h--;
  return { ...grid, rows: rows.slice(0, h) };
}

// ---------------------------------------------------------------- addresses

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "C5", "A3:P9", "$A$3", "Sheet1!A1:B2", "4:4", "C:C" (whole rows/columns capped at `limit`). Comma-separated areas. */
export function parseAddress(address: string, limit = { rows: 1048576, columns: 16384 }): Area[] {
  const body = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return body.split(",").map((part) => {
    const [a, b = a] = part.trim().replace(/\$/g, "").toUpperCase().split(":");
    const p = (s: string, end: boolean) => {
      const m = /^([A-Z]*)(\d*)$/.exec(s);
      if (!m || (!m[1] && !m[2])) throw new Error(`bad address ${address}`);
      return {
        col: m[1] ? columnNumber(m[1]) : end ? limit.columns : 1,
        row: m[2] ? Number(m[2]) : end ? limit.rows : 1,
      };
    };
    const tl = p(a, false), br = p(b, true);
    return { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) };
  });
}

export function areaAddress(a: Area): string {
  const tl = `${columnLetter(a.left)}${a.top}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom}`;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
