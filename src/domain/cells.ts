/**
 * The grid of cells a check reads: what every workbook adapter (Office.js, preview, .xlsx)
 * produces from a sheet. Pure data, no Office types.
 */

/** How the spreadsheet stored the cell. Dates are numbers with a date format in Excel; adapters report them as `date`. */
export type CellKind = "empty" | "text" | "number" | "boolean" | "date" | "error";

export interface Cell {
  kind: CellKind;
  /**
   * text → string; number → number; boolean → boolean; date → Excel serial day number (1900 system,
   * fractional part = time of day); error → the error text such as "#N/A"; empty → null.
   */
  value: string | number | boolean | null;
  /** The formula when the cell holds one ("=A1+1"); the value above is its result. */
  formula?: string;
  /** Excel number format code ("@" for 文本, "General", "yyyy-mm-dd" …), when known. */
  numberFormat?: string;
}

export interface Grid {
  sheetName: string;
  /** 1-based Excel row number of rows[0]. */
  firstRow: number;
  /** 1-based Excel column number of rows[i][0] (1 = A). */
  firstColumn: number;
  /** Rectangular: every row has the same length. */
  rows: Cell[][];
  /** What the sheet says about its shape beyond the values, where the reader knows it. */
  shape?: SheetShape;
}

/** Sheet-absolute, 1-based, inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The sheet's layout facts a reader can give (every field optional: a reader that cannot know one
 * leaves it out, and the check then says nothing about it). Numbers are sheet-absolute and 1-based.
 */
export interface SheetShape {
  /** Merged areas; the value sits in the top-left cell only, as in Excel. */
  merges?: CellArea[];
  /** Rows hidden by hand or by a filter. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Rows hidden because an AutoFilter is on (a subset of hiddenRows where the reader can tell). */
  filteredRows?: number[];
}

/** Nothing in it: no value and no formula (a number format alone does not count, as in Excel's used range). */
export function isBlankCell(c: Cell | undefined): boolean {
  return !c || (c.kind === "empty" && !c.formula);
}

/** Excel's error values. A text cell holding exactly one (a CSV, a merged sheet written through Office.js) is that error. */
const ERROR_VALUES = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

export function isErrorText(s: string): boolean {
  return ERROR_VALUES.test(s.trim());
}

/** An error value, stored as one or written as its text. */
export function isErrorCell(c: Cell): boolean {
  return c.kind === "error" || (c.kind === "text" && typeof c.value === "string" && isErrorText(c.value));
}

/**
 * A cell as written to a new sheet (a merged list, by every writer alike): text as 文本 ("@") so codes
 * keep every digit and nothing becomes a formula; an error value as its text (Office.js cannot write
 * one; isErrorCell reads it back as the error); a date with a date format; a formula's result only.
 */
export function writtenCell(cell: Cell | undefined): { kind: "empty" | "text" | "number" | "boolean" | "date"; value: string | number | boolean | null; numberFormat: string } {
  if (!cell || cell.kind === "empty" || cell.value === null) return { kind: "empty", value: null, numberFormat: "General" };
  if (cell.kind === "text" || cell.kind === "error") return { kind: "text", value: String(cell.value), numberFormat: "@" };
  if (cell.kind === "date") return { kind: "date", value: Number(cell.value), numberFormat: cell.numberFormat && cell.numberFormat !== "General" ? cell.numberFormat : "yyyy-mm-dd" };
  return { kind: cell.kind, value: cell.value, numberFormat: cell.numberFormat ?? "General" };
}

export const EMPTY_CELL: Cell = Object.freeze({ kind: "empty", value: null }) as Cell;

/** 1 → "A", 27 → "AA". */
export function columnLetter(columnNumber: number): string {
  let n = columnNumber;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Builds a grid from plain JS values, the way tests and samples describe sheets. */
export function gridFromValues(
  values: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
  sheetName = "Sheet1",
): Grid {
  const width = Math.max(0, ...values.map((r) => r.length));
  const rows = values.map((r) => {
    const out: Cell[] = [];
    for (let c = 0; c < width; c++) out.push(cellFromValue(r[c]));
    return out;
  });
  return { sheetName, firstRow: 1, firstColumn: 1, rows };
}

export function cellFromValue(v: string | number | boolean | null | undefined): Cell {
  if (v === null || v === undefined || v === "") return { kind: "empty", value: null };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(v)) return { kind: "error", value: v };
  return { kind: "text", value: v };
}
