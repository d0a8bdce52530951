/**
 * Fills the province's own blank form (.xlsx) with the checked list: rows go below its header in
 * the form's own formatting (the first blank row's borders, fonts and number formats, or the
 * header's borders when the form has no prepared rows); a 填报说明 or signature block below the
 * blank rows is pushed down, merges and all, when the list needs more rows. Everything else in
 * the form — title, header, page setup — is left as the province made it; print titles are added
 * only when the form has none. Browser-safe (bytes in, bytes out).
 */
import ExcelJS from "exceljs";
import type { Grid } from "../domain/cells";
import { columnNumber } from "../domain/cells";
import type { ExportOptions, PlanValue } from "../domain/export/plan";
import { planValueText, ExportError } from "../domain/export/plan";
import { lineCount } from "../domain/export/sheet-spec";
import { planTemplateFill, type TemplateFill } from "../domain/export/template-plan";
import type { Programme } from "../domain/programme";
import type { Report } from "../domain/report";
import { gridFromWorksheet, XlsxReadError } from "../workbook/xlsx-adapter";
import { workbookBytes } from "./xlsx";

export interface FilledTemplate {
  bytes: Uint8Array;
  sheetName: string;
  fill: TemplateFill;
  /** Rows inserted above the form's footer because the list had more rows than the form. */
  rowsInserted: number;
}

type Style = Partial<ExcelJS.Style>;

function copyStyle(s: Style | undefined): Style {
  return s ? (JSON.parse(JSON.stringify(s)) as Style) : {};
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.split(":");
  const m1 = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  const m2 = /^\$?([A-Z]+)\$?(\d+)$/.exec(b);
  if (!m1 || !m2) throw new Error(`bad range ${range}`);
  return { top: Number(m1[2]), left: columnNumber(m1[1]), bottom: Number(m2[2]), right: columnNumber(m2[1]) };
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...((ws.model as { merges?: string[] }).merges ?? [])];
}

/** Inserts `count` rows at `at`, moving everything below — values, styles, heights and merges — down. */
function insertRowsKeepingMerges(ws: ExcelJS.Worksheet, at: number, count: number): void {
  // exceljs does not move merge records when splicing rows: take the merges off, splice, put them back shifted.
  const below = mergesOf(ws).map(parseRange).filter((m) => m.top >= at);
  for (const m of below) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  ws.spliceRows(at, 0, ...Array.from({ length: count }, () => []));
  for (const m of below) ws.mergeCells(m.top + count, m.left, m.bottom + count, m.right);
}

function writeValue(cell: ExcelJS.Cell, v: PlanValue, amountScale: number, protoFormat: string | undefined): void {
  if (v.kind === "number") {
    const value = v.format === "amount" ? Math.round(v.value * amountScale * 10000) / 10000 : v.value;
    cell.value = value;
    const keep = protoFormat && protoFormat !== "General" && protoFormat !== "@";
    // 元/千元 columns hold whole numbers; 亿元 needs more decimals than 万元 so 0.2亿元 does not show as 0.
    const amountFormat = amountScale > 1 ? "#,##0" : amountScale === 1 ? "#,##0.00" : "#,##0.00##";
    cell.numFmt = keep ? protoFormat : v.format === "amount" ? amountFormat : "0";
  } else {
    // Always a string cell with the 文本 format: "=…" stays text, long digit strings keep every digit.
    cell.value = v.kind === "text" ? v.text : null;
    cell.numFmt = "@";
  }
}

export interface FillTemplateRequest {
  /** The form's .xlsx bytes. */
  template: Uint8Array | ArrayBuffer;
  /** Sheet of the form to fill; default the first visible sheet. */
  sheet?: string;
  programme: Programme;
  /** The checked list and its report. */
  grid: Grid;
  report: Report;
  options?: ExportOptions;
}

export async function fillTemplate(req: FillTemplateRequest): Promise<FilledTemplate> {
  const wb = new ExcelJS.Workbook();
  try {
    const bytes = req.template instanceof Uint8Array ? req.template : new Uint8Array(req.template);
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new XlsxReadError(`无法读取模板 .xlsx（${reason}）`, `Cannot read the template .xlsx (${reason})`);
  }
  const visible = wb.worksheets.filter((w) => w.state !== "hidden" && w.state !== "veryHidden");
  const ws = req.sheet === undefined ? visible[0] : wb.worksheets.find((w) => w.name === req.sheet);
  if (!ws) {
    throw new ExportError(
      req.sheet === undefined ? "模板中没有可见的工作表" : `模板中没有名为“${req.sheet}”的工作表；现有：${wb.worksheets.map((w) => w.name).join("、")}`,
      req.sheet === undefined ? "The template has no visible worksheet" : `The template has no sheet "${req.sheet}"`,
    );
  }
  const fill = planTemplateFill(gridFromWorksheet(ws).grid, req.programme, req.grid, req.report, req.options);
  const rowsWritten = fill.plan.rows.length;
  const headerRow = fill.headerRows[fill.headerRows.length - 1];

  // The table spans the header's labelled columns.
  const mappedNumbers = fill.columns.map((c) => columnNumber(c.letter));
  const labelled = [...mappedNumbers, ...fill.unfilled.map((u) => columnNumber(u.letter))];
  const left = Math.min(...labelled);
  const right = Math.max(...labelled);

  // Style of a body cell per column: the form's first blank row, else the header's borders with a plain font.
  const proto = new Map<number, Style>();
  const hasPreparedRow = fill.footerRow === null || fill.footerRow > fill.firstDataRow;
  for (let c = left; c <= right; c++) {
    const prepared = hasPreparedRow ? ws.getCell(fill.firstDataRow, c).style : undefined;
    if (prepared && prepared.border && Object.keys(prepared.border).length > 0) {
      proto.set(c, copyStyle(prepared));
    } else {
      const h = copyStyle(ws.getCell(headerRow, c).style);
      proto.set(c, {
        border: h.border,
        font: { ...(h.font ?? {}), bold: false, name: h.font?.name ?? "宋体" },
        alignment: { vertical: "middle", wrapText: true },
      });
    }
  }

  let rowsInserted = 0;
  if (fill.footerRow !== null) {
    const slots = fill.footerRow - fill.firstDataRow;
    if (rowsWritten > slots) {
      rowsInserted = rowsWritten - slots;
      insertRowsKeepingMerges(ws, fill.footerRow, rowsInserted);
    }
  }

  let r = fill.firstDataRow;
  for (const row of fill.plan.rows) {
    const excelRow = ws.getRow(r);
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c);
      cell.style = copyStyle(proto.get(c));
      cell.value = null;
    }
    if (row.kind === "section") {
      const cell = ws.getCell(r, left);
      cell.value = row.label;
      cell.numFmt = "@";
      cell.font = { ...(cell.font ?? {}), bold: true };
      cell.alignment = { horizontal: "left", vertical: "middle" };
      if (right > left) ws.mergeCells(r, left, r, right);
    } else {
      let lines = 1;
      let fontSize = 11;
      row.values.forEach((v, i) => {
        const col = fill.columns[i];
        const n = columnNumber(col.letter);
        const cell = ws.getCell(r, n);
        writeValue(cell, v, col.amountScale, proto.get(n)?.numFmt);
        if (col.align && !cell.alignment?.horizontal) cell.alignment = { ...(cell.alignment ?? {}), horizontal: col.align, vertical: cell.alignment?.vertical ?? "middle" };
        // The form's font may be larger than 11 pt (仿宋_GB2312 12, 14): fewer characters per line, taller lines.
        const size = cell.font?.size ?? 11;
        fontSize = Math.max(fontSize, size);
        lines = Math.max(lines, lineCount(planValueText(v), ((ws.getColumn(n).width ?? 9) * 11) / size));
      });
      const needed = lines * fontSize * 1.32 + 5;
      if (excelRow.height === undefined || excelRow.height < needed) excelRow.height = Math.max(20, needed);
    }
    r++;
  }

  for (const edit of fill.lineEdits) ws.getCell(`${edit.letter}${edit.row}`).value = edit.after;
  if (!ws.pageSetup.printTitlesRow) {
    ws.pageSetup.printTitlesRow = `${fill.titleRow ?? fill.headerRows[0]}:${headerRow}`;
  }
  return { bytes: await workbookBytes(wb), sheetName: ws.name, fill, rowsInserted };
}
