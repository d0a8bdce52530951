/**
 * The workbook port: the few operations the product needs from a spreadsheet. Adapters:
 * Office.js (inside Excel) and the in-memory preview host (browser, tests). The task pane talks to
 * a port through the session (session.ts) and never to Office.js directly.
 *
 * One contract suite (test/workbook/port-contract.ts) runs against every adapter.
 */
import type { Cell, Grid, SheetShape } from "../domain/cells";
import type { SavedMapping } from "../domain/columns";
import type { Finding } from "../domain/report";

export type ReadScope = "used" | "selection";

/** Features beyond the ExcelApi 1.2 core; each adapter says what it has, the pane says what is missing. */
export interface Capabilities {
  /** Human name of the host: "Excel 网页版", "预览", … */
  host: string;
  /** Highest ExcelApi minor version detected (2 … 20 for 1.2 … 1.20), or null outside Excel. */
  excelApi: number | null;
  /** Notes on cells (ExcelApi 1.18). */
  cellNotes: boolean;
  /** Conditional formats (ExcelApi 1.6). */
  conditionalFormats: boolean;
  /** Data validation (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Worksheet onChanged events, so results can be flagged stale (ExcelApi 1.7). */
  changeEvents: boolean;
  /** Creating a new workbook for the summary (ExcelApi 1.8). */
  createWorkbook: boolean;
  /** One undo step for a whole check (ExcelApi 1.20). */
  mergeUndoGroup: boolean;
  /** Inserting the sheets of an .xlsx, formatting and all, into this workbook (ExcelApi 1.13). */
  insertSheets: boolean;
}

/** Where a finished summary table (.xlsx) goes: a sheet of this workbook, or a workbook of its own. */
export type ExportTarget = "sheet" | "workbook";

export type MarkLevel = "error" | "warning" | "priority";

export interface CellMark {
  /** 1-based Excel row and column. */
  row: number;
  column: number;
  level: MarkLevel;
}

export interface ResultLine {
  row: number;
  text: string;
  level: MarkLevel | "ok";
}

/** Everything one check writes to the sheet. Applying a plan first clears the previous one. */
export interface MarkPlan {
  sheet: string;
  /** 1-based column where 校验结果 goes (first column right of the data). */
  resultColumn: number;
  /** Row where the 校验结果 header label goes. */
  headerRow: number;
  /** The header label ("校验结果"). */
  headerText: string;
  results: ResultLine[];
  /** Cells filled; result-column cells included. One mark per cell. */
  fills: CellMark[];
  /**
   * Notes (批注) on flagged cells saying what is wrong there, where the host has them
   * (Capabilities.cellNotes). Never on a cell that already carries the user's own note.
   */
  notes: CellNote[];
}

export interface CellNote {
  row: number;
  column: number;
  text: string;
}

/**
 * One cell as writeCells puts it into the user's sheet: its formula, else its value (null empties it).
 * The number format stays, as assigning Range.values leaves it.
 */
export interface CellContent {
  row: number;
  column: number;
  value: string | number | boolean | null;
  formula?: string;
}

/** Read progress on large sheets: blocks done of blocks total. */
export type ProgressListener = (done: number, total: number) => void;

export interface GridRequest {
  /** Absent: the active sheet (read in the same round trip, so a check needs no separate lookup). */
  sheet?: string;
  scope?: ReadScope;
}

export interface GridsRead {
  /** In request order; each grid's sheetName says which sheet it came from. */
  grids: Grid[];
  /** Every sheet of the workbook, read in the same round trip (for the reference-sheet picker). */
  sheets: string[];
  /**
   * Per grid, what reading found about the sheet: cells far from the list, left out of the grid
   * (cells-outside-list). Empty when there is nothing to say.
   */
  findings: Finding[][];
}

export interface ReadOptions {
  scope?: ReadScope;
  onProgress?: ProgressListener;
}

/** Thrown when marks cannot go where planned without overwriting the user's data. */
export class MarkConflictError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "MarkConflictError";
  }
}

export interface WorkbookPort {
  capabilities(): Promise<Capabilities>;
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /**
   * Values, kinds, formulas and number formats of the used range (or the selection) of `sheet`,
   * cut to the list (domain/list-area: far cells are left out; readGrids names them).
   * A 校验结果 column this product added is left out, so a re-check reads the same grid.
   */
  readGrid(sheet: string, options?: ReadOptions): Promise<Grid>;
  /** Several grids in one round trip (the list and its reference sheets), plus the sheet names. */
  readGrids(requests: GridRequest[], onProgress?: ProgressListener): Promise<GridsRead>;
  /**
   * Writes the result column and fills, recording what it changed so clearMarks can undo exactly that.
   * Replaces the marks of the previous applyMarks on this sheet. Never writes to a cell that holds
   * the user's data: throws MarkConflictError instead.
   */
  applyMarks(plan: MarkPlan): Promise<void>;
  /**
   * Writes the user's own cells, only after the user confirmed exactly these (推荐排序 from the ranking
   * panel): formulas or values, number formats kept. Resolves to what the cells held before, in the same
   * order, so that writing them back puts the sheet as it was. Not a mark: clearMarks leaves it; not an
   * edit of the user's: watchChanges does not report it.
   */
  writeCells(sheet: string, cells: CellContent[]): Promise<CellContent[]>;
  /** Removes exactly what the last applyMarks on this sheet added; restores original fills. */
  clearMarks(sheet: string): Promise<void>;
  /** Whether marks of ours are on the sheet. */
  hasMarks(sheet: string): Promise<boolean>;
  /** Selects a range ("C5", "A3:A9") on `sheet`, activating it. */
  select(sheet: string, address: string): Promise<void>;
  /**
   * Calls `listener(sheet)` when the user changes cell values on a sheet this port has read
   * (not when applyMarks writes). Costs no round trip of its own: adapters hook sheets as they
   * read them. Resolves to an unsubscribe function; where the host has no change events
   * (Capabilities.changeEvents false) it never calls.
   */
  watchChanges(listener: (sheet: string) => void): Promise<() => void>;
  /**
   * Opens an .xlsx (base64) built by the export: "sheet" inserts its sheets into this workbook
   * (Capabilities.insertSheets), "workbook" opens it as a new workbook (Capabilities.createWorkbook).
   * Resolves to the names of the sheets added to this workbook (none for "workbook"). Where the host
   * lacks the target, it throws; the pane offers a download instead.
   */
  openXlsx(base64: string, target: ExportTarget): Promise<string[]>;
  /**
   * Adds a new sheet after the others holding `rows` from A1, values only (a formula's result, never
   * the formula): text cells as 文本 ("@") so codes keep every digit, dates with their format. Named
   * `name`, or `name (2)`… when the workbook has one already: no existing sheet is touched. Activates
   * it and resolves to the name used. ExcelApi 1.2.
   * `shape` (a district's file landed by 打开名单文件): its merges, hidden rows and columns are given to
   * the new sheet, and a cell whose formula the file held no result for is written as that formula
   * (Excel computes it), so the sheet reads back with the shape the file had.
   */
  addSheet(name: string, rows: Cell[][], shape?: SheetShape): Promise<string>;
  /** Per-workbook settings (programme, city, as-of date …), kept in the workbook. */
  loadSetting<T>(key: string): Promise<T | undefined>;
  saveSetting<T>(key: string, value: T): Promise<void>;
  /** The column mapping the user confirmed for a header worded this way (SavedMapping.key), kept in the workbook. */
  loadMapping(key: string): Promise<SavedMapping | undefined>;
  /**
   * Keeps `mapping` in the workbook, replacing one of the same key; only the most recent
   * MAX_SAVED_MAPPINGS are kept (mappings.ts). Past MAX_MAPPING_BYTES it throws
   * MappingTooLargeError and keeps what was there.
   */
  saveMapping(mapping: SavedMapping): Promise<void>;
  /** Forgets the mapping saved for `key` (nothing saved: a no-op). */
  forgetMapping(key: string): Promise<void>;
}
