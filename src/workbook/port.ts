/**
 * The workbook port: the few operations the product needs from a spreadsheet. Adapters:
 * Office.js (inside Excel), the in-memory preview host (browser), and .xlsx files (exceljs).
 * The task pane talks to a port and never to Office.js directly.
 *
 * Draft contract — the owner of src/workbook refines it; keep it small.
 */
import type { Grid } from "../domain/cells";

export type ReadScope = "used" | "selection";

/** Features beyond the ExcelApi 1.2 core; each adapter says what it has, the pane says what is missing. */
export interface Capabilities {
  /** Human name of the host: "Excel 网页版", "预览", … */
  host: string;
  /** Highest ExcelApi minor version detected (1.2 … 1.17), or null outside Excel. */
  excelApi: number | null;
  cellNotes: boolean;
  conditionalFormats: boolean;
  dataValidation: boolean;
  changeEvents: boolean;
  createWorkbook: boolean;
  mergeUndoGroup: boolean;
}

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
  results: ResultLine[];
  fills: CellMark[];
}

export interface WorkbookPort {
  capabilities(): Promise<Capabilities>;
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /** Values, kinds, formulas and number formats of the used range (or the selection). */
  readGrid(sheet: string, scope?: ReadScope): Promise<Grid>;
  /** Writes the result column and fills, recording what it changed so clearMarks can undo exactly that. */
  applyMarks(plan: MarkPlan): Promise<void>;
  /** Removes exactly what the last applyMarks on this sheet added; restores original fills. */
  clearMarks(sheet: string): Promise<void>;
  /** Selects a range ("C5", "A3:A9") and scrolls to it. */
  select(sheet: string, address: string): Promise<void>;
  /** Per-workbook settings (programme, city, as-of date …). */
  loadSetting<T>(key: string): Promise<T | undefined>;
  saveSetting<T>(key: string, value: T): Promise<void>;
}
