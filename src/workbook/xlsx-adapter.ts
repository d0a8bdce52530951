/**
 * Reads an .xlsx into the Grid a check consumes (exceljs). Browser-safe: takes bytes, never a path.
 * Cell kinds follow what Excel stores: a date is a number with a date format, reported as `date`
 * with its 1900-system serial; a formula cell carries its cached result and the formula; rich
 * text is flattened; a merged range keeps its value in the top-left cell only.
 */
import ExcelJS from "exceljs";
import { columnLetter, columnNumber, isBlankCell, type Cell, type CellArea, type Grid, type SheetShape } from "../domain/cells";
import { areaText, inArea, listAreaOf, shownValue } from "../domain/list-area";
import { cellsOutsideList, type OutsideCell } from "../domain/read-faults";
import type { Finding } from "../domain/report";
import { XlsxReadError } from "./read-error";
import { checkWorkbookLimits, LimitError, LIMITS, tooManyCells, zipEntries, type BoundedInflate, type Limits } from "./limits";

export interface XlsxSheet {
  grid: Grid;
  /** Merged ranges ("A1:P1") that intersect the grid. */
  merges: string[];
  /** What reading found about the sheet itself (cells far outside the list). */
  findings: Finding[];
}

export interface XlsxBook {
  /** Every sheet but the very hidden ones, in workbook order. */
  sheetNames: string[];
  /** The sheet read when none is named: the active sheet if visible, else the first visible one. */
  defaultSheet: string | undefined;
  /** Reads one sheet by name (default: defaultSheet); throws XlsxReadError when it does not exist. */
  sheet(name?: string): XlsxSheet;
}

export interface ReadXlsxOptions {
  limits?: Limits;
  /** Node's bounded inflate (zlib), so real sizes and cell counts are checked before exceljs parses. */
  inflate?: BoundedInflate;
}

export { XlsxReadError };

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

/**
 * The values-only used range (like Office.js getUsedRange(true)) as a rectangular Grid. Only cells
 * with a value are held while reading; cells far from the list (a stray value at XFD1048576, or
 * under a thousand empty rows: domain/list-area) are left out and named in a finding.
 */
export function gridFromWorksheet(ws: ExcelJS.Worksheet, limits: Limits = LIMITS): XlsxSheet {
  const cells = new Map<number, Map<number, Cell>>();
  // Every filled position once, for listAreaOf's passes (a generator over the maps cost more than the read).
  const filled: [number, number][] = [];
  let count = 0;
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    r.eachCell({ includeEmpty: false }, (c, colNumber) => {
      const cell = cellFromExcel(c);
      if (isBlankCell(cell)) return;
      if (++count > limits.cells) throw new XlsxReadError(...messagesOf(tooManyCells(count, limits.cells, `工作表“${ws.name}”`, `sheet "${ws.name}"`)));
      let rowMap = cells.get(rowNumber);
      if (!rowMap) cells.set(rowNumber, (rowMap = new Map()));
      rowMap.set(colNumber, cell);
      filled.push([rowNumber, colNumber]);
    });
  });
  const positions = () => filled;
  const area = listAreaOf(positions);
  if (!area) {
    return { grid: { sheetName: ws.name, firstRow: 1, firstColumn: 1, rows: [] }, merges: worksheetMerges(ws), findings: [] };
  }
  const findings: Finding[] = [];
  const outside: OutsideCell[] = [];
  for (const [r, c] of positions()) if (!inArea(area, r, c)) outside.push({ address: `${columnLetter(c)}${r}`, value: shownValue(cells.get(r)!.get(c)!) });
  // Not needed past here: let it go before the rows are built (peak memory on a long list).
  filled.length = 0;
  const { top: minRow, bottom: maxRow, left: minCol, right: maxCol } = area;
  const size = (maxRow - minRow + 1) * (maxCol - minCol + 1);
  if (size > limits.gridCells) throw new XlsxReadError(...messagesOf(tooManyCells(size, limits.gridCells, `工作表“${ws.name}”的名单区域`, `the list area of sheet "${ws.name}"`)));
  if (outside.length > 0) findings.push(cellsOutsideList(outside, areaText(area)));
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
  const grid: Grid = { sheetName: ws.name, firstRow: minRow, firstColumn: minCol, rows };
  const shape = worksheetShape(ws, merges, area);
  if (shape) grid.shape = shape;
  return { grid, merges, findings };
}

/** Merges, hidden (and filtered) rows and hidden columns where they touch the list, as the other readers give them. */
function worksheetShape(ws: ExcelJS.Worksheet, merges: string[], area: { top: number; left: number; bottom: number; right: number }): SheetShape | null {
  const shape: SheetShape = {};
  const areas: CellArea[] = merges.map((range) => {
    const [a, b = a] = range.split(":");
    const tl = decodeAddress(a), br = decodeAddress(b);
    return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
  });
  if (areas.length) shape.merges = areas;
  const hiddenRows: number[] = [];
  for (let r = area.top; r <= area.bottom; r++) if (ws.findRow(r)?.hidden) hiddenRows.push(r);
  if (hiddenRows.length) {
    shape.hiddenRows = hiddenRows;
    // Rows a filter hides lie in its range below its header row.
    const filter = filterArea(ws.autoFilter);
    const filtered = filter ? hiddenRows.filter((r) => r > filter.top && r <= filter.bottom) : [];
    if (filtered.length) shape.filteredRows = filtered;
  }
  const hiddenColumns: number[] = [];
  for (let c = area.left; c <= area.right; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
  if (hiddenColumns.length) shape.hiddenColumns = hiddenColumns;
  return Object.keys(shape).length ? shape : null;
}

function filterArea(f: ExcelJS.AutoFilter | undefined): { top: number; bottom: number } | null {
  if (!f) return null;
  if (typeof f === "string") {
    const [a, b = a] = f.split(":");
    return { top: decodeAddress(a).row, bottom: decodeAddress(b).row };
  }
  const row = (x: unknown) => (typeof x === "string" ? decodeAddress(x).row : (x as { row?: number })?.row);
  const top = row(f.from), bottom = row(f.to);
  return top && bottom ? { top, bottom } : null;
}

function messagesOf(e: LimitError): [string, string] {
  return [e.message, e.messageEn];
}

/** A library's message, kept short and without quotes, for the English half of a refusal. */
function plainReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const plain = text.replace(/["'“”‘’`]/g, "").replace(/\s+/g, " ").trim();
  return plain.length > 80 ? plain.slice(0, 80) + "…" : plain;
}

/** What the clerk reads when a file cannot be read as a workbook (the pane and the CLI say it alike). */
export const NOT_XLSX: readonly [string, string] = [
  "不是 .xlsx 文件：请确认文件是 Excel 2007 及以上格式（.xlsx），不是 .xls、CSV 改名或已加密的文件",
  "Not an .xlsx file: save it as an Excel workbook (.xlsx), not .xls, a renamed CSV or a password-protected file",
];

/** Loads workbook bytes. Throws XlsxReadError (bilingual, one line) when they are not an .xlsx or pass a limit. */
export async function readXlsx(data: ArrayBuffer | Uint8Array, options: ReadXlsxOptions = {}): Promise<XlsxBook> {
  const limits = options.limits ?? LIMITS;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const entries = zipEntries(bytes);
  if (!entries) throw new XlsxReadError(...NOT_XLSX);
  let counted: number | undefined;
  try {
    counted = checkWorkbookLimits(bytes, entries, limits, options.inflate);
  } catch (e) {
    if (e instanceof LimitError) throw new XlsxReadError(e.message, e.messageEn);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs accepts any ArrayBuffer view at run time; its typings say Buffer.
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    throw new XlsxReadError(NOT_XLSX[0], `${NOT_XLSX[1]} (${plainReason(e)})`);
  }
  if (counted === undefined) {
    // Without Node's inflate the count comes from exceljs's model, still before any grid is built.
    let cells = 0;
    for (const ws of wb.worksheets) ws.eachRow({ includeEmpty: false }, (r) => (cells += r.actualCellCount));
    if (cells > limits.cells) throw new XlsxReadError(...messagesOf(tooManyCells(cells, limits.cells, "工作簿", "the workbook")));
  }
  const worksheets = wb.worksheets.filter((ws) => ws.state !== "veryHidden");
  const sheetNames = worksheets.map((ws) => ws.name);
  const visible = worksheets.filter((ws) => ws.state !== "hidden");
  // workbook.xml's activeTab counts every sheet, very hidden ones included.
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  const active = wb.worksheets[activeTab];
  const defaultSheet = (active && visible.includes(active) ? active : visible[0])?.name;
  return {
    sheetNames,
    defaultSheet,
    sheet(name?: string): XlsxSheet {
      const wanted = name ?? defaultSheet;
      const ws = wanted === undefined ? undefined : worksheets.find((w) => w.name === wanted);
      if (!ws) {
        if (name === undefined) throw new XlsxReadError("工作簿中没有可见的工作表", "The workbook has no visible worksheet");
        throw new XlsxReadError(`工作簿中没有名为“${name}”的工作表；现有：${sheetNames.join("、")}`, `No worksheet named "${name}"; the workbook has: ${sheetNames.join(", ")}`);
      }
      return gridFromWorksheet(ws, limits);
    },
  };
}
