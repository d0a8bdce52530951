/**
 * The formats exceljs cannot read (.xls BIFF5/8 and WPS .et, .xlsb, .ods/.fods, SpreadsheetML 2003,
 * HTML tables, UOS), read with SheetJS CE into the same Grid. Loaded only when such a file is read.
 *
 * Cell kinds as the .xlsx reader gives them: a number with a date format is a `date` serial (1900
 * system); a formula keeps its cached value, and one without a cached value is an empty cell with its
 * formula (the check names it, never reads it as blank). HTML tables carry no types: their texts are
 * typed as a CSV's fields are (an 18-digit code stays text).
 */
import type { CellObject, WorkBook, WorkSheet } from "@e965/xlsx";
import type { Cell, CellArea, SheetShape } from "../../domain/cells";
import { csvFieldCell } from "../csv";
import { LIMITS, type Limits } from "../limits";
import { XlsxReadError } from "../read-error";
import { cellRows, gridFromCells, putCell } from "./grid";
import type { BookRead, SheetRead } from "./book";
import type { FormatId } from "./sniff";

type SheetJS = typeof import("@e965/xlsx");

/** Text-based formats are handed over decoded (GB18030 HTML included); the rest as bytes. */
export async function readWithSheetJS(input: { bytes: Uint8Array } | { text: string }, format: FormatId, limits: Limits = LIMITS): Promise<BookRead> {
  const XLSX: SheetJS = await import("@e965/xlsx");
  const untyped = format === "html";
  let wb: WorkBook;
  try {
    const common = { cellFormula: true, cellNF: true, cellStyles: true, cellDates: false, dense: true, raw: untyped, WTF: false } as const;
    wb = withoutOdsChatter(() => ("text" in input ? XLSX.read(input.text, { ...common, type: "string" }) : XLSX.read(input.bytes, { ...common, type: "array" })));
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(text)) throw passwordError();
    throw new XlsxReadError(`无法读取该文件（${shortReason(text)}）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查`, `Cannot read the file (${shortReason(text)}): open it in Excel or WPS and save it as .xlsx`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const states = wb.Workbook?.Sheets ?? [];
  const names = wb.SheetNames.filter((_, i) => (states[i]?.Hidden ?? 0) !== 2);
  const visible = wb.SheetNames.filter((n, i) => names.includes(n) && (states[i]?.Hidden ?? 0) === 0);
  const activeTab = (wb.Workbook as { WBView?: { activeTab?: number }[] } | undefined)?.WBView?.[0]?.activeTab ?? 0;
  const active = wb.SheetNames[activeTab];
  const defaultSheet = active && visible.includes(active) ? active : visible[0];
  const odsRows = format === "ods" || format === "fods" ? odsHiddenRows(XLSX, input) : new Map<string, OdsRows>();
  return {
    sheetNames: names,
    defaultSheet,
    sheet(name?: string): SheetRead {
      const wanted = name ?? defaultSheet;
      const ws = wanted !== undefined && names.includes(wanted) ? wb.Sheets[wanted] : undefined;
      if (!ws || wanted === undefined) {
        if (name === undefined) throw new XlsxReadError("工作簿中没有可见的工作表", "The workbook has no visible worksheet");
        throw new XlsxReadError(`工作簿中没有名为“${name}”的工作表；现有：${names.join("、")}`, `No worksheet named "${name}"; the workbook has: ${names.join(", ")}`);
      }
      return sheetRead(XLSX, wanted, ws, { untyped, date1904 }, limits, odsRows.get(wanted));
    },
  };
}

interface OdsRows {
  hidden: number[];
  filtered: number[];
}

/**
 * SheetJS gives no row visibility for OpenDocument: the rows a sheet hides (table:visibility collapse)
 * or a filter hides (filter) read from its content.xml, per table, so an .ods names them as an .xlsx does.
 */
function odsHiddenRows(XLSX: SheetJS, input: { bytes: Uint8Array } | { text: string }): Map<string, OdsRows> {
  const out = new Map<string, OdsRows>();
  let xml: string;
  try {
    if ("text" in input) xml = input.text;
    else {
      const entry = XLSX.CFB.find(XLSX.CFB.read(input.bytes, { type: "array" }), "content.xml");
      if (!entry?.content) return out;
      xml = new TextDecoder().decode(entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content as ArrayLike<number>));
    }
  } catch {
    return out;
  }
  const tables = xml.split(/<table:table\s/).slice(1);
  for (const t of tables) {
    const name = /table:name="([^"]*)"/.exec(t)?.[1];
    if (name === undefined) continue;
    const rows: OdsRows = { hidden: [], filtered: [] };
    let row = 1;
    for (const m of t.matchAll(/<table:table-row[\s>\/][^>]*/g)) {
      const tag = m[0];
      const repeat = Number(/table:number-rows-repeated="(\d+)"/.exec(tag)?.[1] ?? 1);
      const vis = /table:visibility="(collapse|filter)"/.exec(tag)?.[1];
      if (vis) for (let i = 0; i < Math.min(repeat, 100_000); i++) (vis === "filter" ? rows.filtered : rows.hidden).push(row + i);
      row += repeat;
      if (row > 1_100_000) break;
    }
    if (rows.hidden.length || rows.filtered.length) out.set(name.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"), rows);
  }
  return out;
}

function sheetRead(XLSX: SheetJS, name: string, ws: WorkSheet, how: { untyped: boolean; date1904: boolean }, limits: Limits, ods?: OdsRows): SheetRead {
  const cells = cellRows();
  const data = (ws["!data"] ?? []) as (CellObject | undefined)[][];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const o = row[c];
      if (o) putCell(cells, r + 1, c + 1, cellOf(XLSX, o, how));
    }
  }
  const shape: SheetShape = {};
  const merges: CellArea[] = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
  if (merges.length) shape.merges = merges;
  const hiddenRows = [...new Set([...(ws["!rows"] ?? []).flatMap((r, i) => (r?.hidden ? [i + 1] : [])), ...(ods?.hidden ?? []), ...(ods?.filtered ?? [])])].sort((a, b) => a - b);
  if (hiddenRows.length) shape.hiddenRows = hiddenRows;
  // Rows a filter hides lie in its range below its header row.
  const filter = ws["!autofilter"]?.ref ? XLSX.utils.decode_range(ws["!autofilter"].ref) : null;
  const filtered = [...new Set([...(filter ? hiddenRows.filter((r) => r > filter.s.r + 1 && r <= filter.e.r + 1) : []), ...(ods?.filtered ?? [])])].sort((a, b) => a - b);
  if (filtered.length) shape.filteredRows = filtered;
  const hiddenColumns = (ws["!cols"] ?? []).flatMap((c, i) => (c?.hidden ? [i + 1] : []));
  if (hiddenColumns.length) shape.hiddenColumns = hiddenColumns;
  return gridFromCells(name, cells, shape, limits);
}

function cellOf(XLSX: SheetJS, o: CellObject, how: { untyped: boolean; date1904: boolean }): Cell {
  const formula = o.f ? { formula: `=${o.f}` } : {};
  const nf = o.z !== undefined && o.z !== "General" ? { numberFormat: String(o.z) } : o.z === "General" ? { numberFormat: "General" } : {};
  const v = o.v;
  if (v === undefined || v === null || o.t === "z") return { kind: "empty", value: null, ...formula };
  switch (o.t) {
    case "s": {
      const text = String(v);
      if (text === "") return { kind: "empty", value: null, ...formula };
      if (how.untyped) return { ...csvFieldCell(text), ...formula };
      return { kind: "text", value: text, ...nf, ...formula };
    }
    case "n": {
      const n = Number(v);
      if (o.z !== undefined && typeof o.z === "string" && XLSX.SSF.is_date(o.z)) return { kind: "date", value: how.date1904 ? n + 1462 : n, ...nf, ...formula };
      return { kind: "number", value: n, ...nf, ...formula };
    }
    case "b":
      return { kind: "boolean", value: Boolean(v), ...nf, ...formula };
    case "e":
      return { kind: "error", value: o.w ?? XLSX.utils.format_cell(o) ?? "#N/A", ...formula };
    case "d": {
      const d = v instanceof Date ? v : new Date(String(v));
      const serial = d.getTime() / 86400000 + 25569;
      return { kind: "date", value: Math.abs(serial - Math.round(serial)) < 1e-8 ? Math.round(serial) : serial, ...nf, ...formula };
    }
    default:
      return { kind: "text", value: String(v), ...formula };
  }
}

/**
 * SheetJS writes "ODS number format may be incorrect" to console.error for each conditional number
 * format of an .ods (LibreOffice writes several): on the CLI's stderr that reads as a failure. Only
 * that line is dropped; anything else still reaches console.error.
 */
function withoutOdsChatter<T>(read: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("ODS number format may be incorrect")) return;
    original(...args);
  };
  try {
    return read();
  } finally {
    console.error = original;
  }
}

function shortReason(text: string): string {
  const plain = text.replace(/["'“”‘’`]/g, "").replace(/\s+/g, " ").trim();
  return plain.length > 60 ? plain.slice(0, 60) + "…" : plain;
}

export function passwordError(): XlsxReadError {
  return new XlsxReadError("该文件设有打开密码，请去掉密码后另存再检查", "The file is password-protected: remove the password, save it again and re-check");
}
