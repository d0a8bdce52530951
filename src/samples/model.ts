/**
 * Sample district lists as data: the single source for samples/*.xlsx|csv, the preview page and
 * the tests. Pure TypeScript (browser-safe): no Node imports.
 */
import type { Cell, Grid } from "../domain/cells";

export interface SampleSheet {
  /** File stem: samples/<id>.xlsx. Equal to the programme id. */
  id: string;
  programmeId: string;
  /** The recommending city to pass to check() ("南京", "昆山市"). */
  city: string;
  /** One line saying what the sample is and what it exercises (zh-CN). */
  description: string;
  fileName: string;
  sheetName: string;
  /** Rows from A1 down; rows may be ragged here, `sampleGrid` pads them. */
  rows: Cell[][];
  /** Merged ranges ("A1:P1"); the value sits in the top-left cell only, as Excel stores it. */
  merges: string[];
  /** Column widths in Excel character units, A first. */
  columnWidths?: number[];
  /** CSV encodings written beside the .xlsx by scripts/make-samples.ts. */
  csv?: ("gb18030" | "utf8-bom")[];
}

type Loose = Cell | string | number | boolean | null | undefined;

/** Days from 1899-12-30 (Excel's 1900 date system, valid after 1900-03-01). */
export function excelSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`bad ISO date ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000 + 25569;
}

/** Text the district typed into a cell formatted as 文本 ("@"). */
export function tx(value: string): Cell {
  return { kind: "text", value, numberFormat: "@" };
}

/** Text in a General cell. */
export function gt(value: string): Cell {
  return { kind: "text", value, numberFormat: "General" };
}

export function num(value: number, numberFormat = "General"): Cell {
  return { kind: "number", value, numberFormat };
}

/** A real Excel date (serial number with a date format). */
export function date(iso: string, numberFormat = "yyyy-mm-dd"): Cell {
  return { kind: "date", value: excelSerial(iso), numberFormat };
}

export function bool(value: boolean): Cell {
  return { kind: "boolean", value, numberFormat: "General" };
}

export function err(value: "#N/A" | "#REF!" | "#VALUE!" | "#DIV/0!" | "#NAME?"): Cell {
  return { kind: "error", value };
}

/** A formula and the result Excel cached for it. */
export function fx(formula: string, result: Cell | string | number): Cell {
  const r = toCell(result);
  return { ...r, formula };
}

export const EMPTY: Cell = { kind: "empty", value: null };

export function toCell(v: Loose): Cell {
  if (v === null || v === undefined || v === "") return { kind: "empty", value: null };
  if (typeof v === "string") return { kind: "text", value: v };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  return v;
}

export function row(...values: Loose[]): Cell[] {
  return values.map(toCell);
}

/** The value Excel keeps when an 18-digit code is pasted into a General cell: 15 significant digits. */
export function truncatedNumber(digits: string): number {
  return Number(Number(digits).toPrecision(15));
}

/** A rectangular Grid of the sample, as an adapter would read it from A1. */
export function sampleGrid(sample: SampleSheet): Grid {
  const width = Math.max(0, ...sample.rows.map((r) => r.length));
  const rows = sample.rows.map((r) => {
    const out: Cell[] = [];
    for (let c = 0; c < width; c++) out.push(r[c] ? { ...r[c] } : { kind: "empty", value: null });
    return out;
  });
  return { sheetName: sample.sheetName, firstRow: 1, firstColumn: 1, rows };
}
