/**
 * Reads an .xlsx into the Grid a check consumes (exceljs). Browser-safe: takes bytes, never a path.
 * Cell kinds follow what Excel stores: a date is a number with a date format, reported as `date`
 * with its 1900-system serial; a formula cell carries its cached result and the formula; rich
 * text is flattened; a merged range keeps its value in the top-left cell only.
 */
import ExcelJS from "exceljs";
import { columnNumber, type Cell, type Grid } from "../domain/cells";

export interface XlsxSheet {
  grid: Grid;
  /** Merged ranges ("A1:P1") that intersect the grid. */
  merges: string[];
}

export interface XlsxBook {
  sheetNames: string[];
  /** Reads one sheet by name; throws XlsxReadError when it does not exist. */
  sheet(name?: string): XlsxSheet;
}

export class XlsxReadError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01 in the 1900 date system
const MS_PER_DAY = 86400000;

export function dateToSerial(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
  // exceljs rounds through milliseconds; keep whole days whole.
  return Math.abs(serial - Math.round(serial)) < 1e-8 ? Math.round(serial) : serial;
}

function flattenRichText(v: ExcelJS.CellRichTextValue): string {
  return v.richText.map((run) => run.text).join("");
}

/** A plain (non-formula) value as exceljs gives it → a Cell. */
function valueCell(value: unknown, numberFormat: string | undefined): Cell {
  const nf = numberFormat ? { numberFormat } : {};
  if (value === null || value === undefined) return { kind: "empty", value: null, ...nf };
  if (typeof value === "string") return value === "" ? { kind: "empty", value: null, ...nf } : { kind: "text", value, ...nf };
  if (typeof value === "number") return { kind: "number", value, ...nf };
  if (typeof value === "boolean") return { kind: "boolean", value, ...nf };
  if (value instanceof Date) return { kind: "date", value: dateToSerial(value), ...nf };
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.error === "string") return { kind: "error", value: o.error, ...nf };
    if (Array.isArray(o.richText)) return valueCell(flattenRichText(o as unknown as ExcelJS.CellRichTextValue), numberFormat);
    if ("text" in o && "hyperlink" in o) return valueCell(o.text, numberFormat);
  }
  return { kind: "text", value: String(value), ...nf };
}

export function cellFromExcel(cell: ExcelJS.Cell): Cell {
  const numberFormat = cell.numFmt || "General";
  if (cell.type === ExcelJS.ValueType.Merge) return { kind: "empty", value: null };
  if (cell.type === ExcelJS.ValueType.Formula) {
    const v = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const formula = cell.formula ?? (v as ExcelJS.CellFormulaValue).formula;
    const result = valueCell(v.result, numberFormat);
    return formula ? { ...result, formula: `=${formula}` } : result;
  }
  return valueCell(cell.value, numberFormat);
}

function decodeAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
  if (!m) throw new Error(`bad address ${a}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

function worksheetMerges(ws: ExcelJS.Worksheet): string[] {
  // exceljs keeps merges in the model; `model.merges` is the public, serialisable list.
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return [...merges];
}

/** The values-only used range (like Office.js getUsedRange(true)) as a rectangular Grid. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): XlsxSheet {
  let minRow = Infinity, maxRow = 0, minCol = Infinity, maxCol = 0;
  const cells = new Map<number, Map<number, Cell>>();
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    r.eachCell({ includeEmpty: false }, (c, colNumber) => {
      const cell = cellFromExcel(c);
      if (cell.kind === "empty" && !cell.formula) return;
      let rowMap = cells.get(rowNumber);
      if (!rowMap) cells.set(rowNumber, (rowMap = new Map()));
      rowMap.set(colNumber, cell);
      if (rowNumber < minRow) minRow = rowNumber;
      if (rowNumber > maxRow) maxRow = rowNumber;
      if (colNumber < minCol) minCol = colNumber;
      if (colNumber > maxCol) maxCol = colNumber;
    });
  });
  if (maxRow === 0) {
    return { grid: { sheetName: ws.name, firstRow: 1, firstColumn: 1, rows: [] }, merges: worksheetMerges(ws) };
  }
  const rows: Cell[][] = [];
  for (let r = minRow; r <= maxRow; r++) {
    const rowMap = cells.get(r);
    const out: Cell[] = new Array(maxCol - minCol + 1);
    for (let c = minCol; c <= maxCol; c++) out[c - minCol] = rowMap?.get(c) ?? { kind: "empty", value: null };
    rows.push(out);
  }
  const merges = worksheetMerges(ws).filter((range) => {
    const [a, b = a] = range.split(":");
    const tl = decodeAddress(a), br = decodeAddress(b);
    return br.row >= minRow && tl.row <= maxRow && br.col >= minCol && tl.col <= maxCol;
  });
  return { grid: { sheetName: ws.name, firstRow: minRow, firstColumn: minCol, rows }, merges };
}

/** Loads workbook bytes. Throws XlsxReadError (with a Chinese reason) when the bytes are not an .xlsx. */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxBook> {
  const wb = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    // exceljs accepts any ArrayBuffer view at run time; its typings say Buffer.
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new XlsxReadError(`无法读取 .xlsx 文件（${reason}）。请确认文件是 Excel 2007 及以上格式（.xlsx），不是 .xls 或已加密的文件。`, `Cannot read the .xlsx file (${reason}). Save it as an Excel workbook (.xlsx), not .xls or password-protected.`);
  }
  const worksheets = wb.worksheets.filter((ws) => ws.state !== "veryHidden");
  const sheetNames = worksheets.map((ws) => ws.name);
  return {
    sheetNames,
    sheet(name?: string): XlsxSheet {
      const ws = name === undefined ? worksheets[0] : worksheets.find((w) => w.name === name);
      if (!ws) {
        if (name === undefined) throw new XlsxReadError("工作簿中没有工作表。", "The workbook has no worksheet.");
        throw new XlsxReadError(`工作簿中没有名为“${name}”的工作表；现有：${sheetNames.join("、")}。`, `No worksheet named "${name}"; the workbook has: ${sheetNames.join(", ")}.`);
      }
      return gridFromWorksheet(ws);
    },
  };
}
