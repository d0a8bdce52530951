/**
 * Draws an ExportPlan as a print-ready worksheet with exceljs: A4 landscape, one page wide, title
 * and header rows repeated on every page, thin borders, 宋体 body / 黑体 title / 仿宋 lines as
 * government forms use, a 推荐单位（盖章）… 年 月 日 line at the bottom. Browser-safe (no Node
 * imports): the task pane builds the same bytes for Excel.createWorkbook(base64) or a download.
 *
 * Safety: every text value is written as a string cell with the 文本 format "@" — never as a
 * formula, whatever it starts with — so USCCs and phone numbers keep every digit.
 */
import ExcelJS from "exceljs";
import { displayWidth, planValueText, safeSheetName, type ExportPlan, type PlanValue } from "../domain/export/plan";

export const FONTS = {
  title: { name: "黑体", size: 18 },
  attachment: { name: "黑体", size: 12 },
  line: { name: "仿宋", size: 12 },
  header: { name: "黑体", size: 11 },
  body: { name: "宋体", size: 11 },
  section: { name: "黑体", size: 11 },
} as const;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Rows of the sheet that hold the parts of the form (1-based), for tests and template-free callers. */
export interface SheetLayout {
  attachmentRow: number;
  titleRow: number;
  unitRow: number;
  headerRow: number;
  firstDataRow: number;
  /** Last row of the bordered table. */
  lastTableRow: number;
  signatureRow: number;
  lastColumn: number;
}

const NUMBER_FORMATS: Record<"amount" | "integer", string> = { amount: "#,##0.00", integer: "0" };
const LINE_HEIGHT = 14.5;

function lineCount(text: string, width: number): number {
  if (!text) return 1;
  const usable = Math.max(1, width - 1.5);
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / usable)), 0);
}

function writeValue(cell: ExcelJS.Cell, v: PlanValue): void {
  if (v.kind === "number") {
    cell.value = v.value;
    cell.numFmt = NUMBER_FORMATS[v.format];
  } else {
    // A string value is a string cell in exceljs, even "=1+1": no formula is ever created from data.
    cell.value = v.kind === "text" ? v.text : null;
    cell.numFmt = "@";
  }
}

function uniqueSheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = safeSheetName(wanted);
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = [...base].slice(0, 31 - suffix.length).join("") + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Adds the summary as a new worksheet of `wb` (the workbook's other sheets are untouched). */
export function addExportSheet(wb: ExcelJS.Workbook, plan: ExportPlan, sheetName: string = plan.sheetName): { worksheet: ExcelJS.Worksheet; layout: SheetLayout } {
  const n = plan.columns.length;
  const ws = wb.addWorksheet(uniqueSheetName(wb, sheetName), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
    views: [{ state: "frozen", ySplit: 4 }],
  });
  plan.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const merge = (row: number, from: number, to: number) => {
    if (to > from) ws.mergeCells(row, from, row, to);
  };

  // 附件 label, title, 推荐单位 line.
  const attachment = ws.getCell(1, 1);
  attachment.value = plan.attachment;
  attachment.font = { ...FONTS.attachment };
  ws.getRow(1).height = 20;

  merge(2, 1, n);
  const title = ws.getCell(2, 1);
  title.value = plan.title;
  title.font = { ...FONTS.title };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  const tableWidth = plan.columns.reduce((s, c) => s + c.width, 0);
  ws.getRow(2).height = Math.max(36, lineCount(plan.title, tableWidth / 1.6) * 26);

  merge(3, 1, n);
  const unit = ws.getCell(3, 1);
  unit.value = plan.unitLine;
  unit.font = { ...FONTS.line };
  unit.alignment = { horizontal: "left", vertical: "middle" };
  ws.getRow(3).height = 24;

  // Header.
  const headerRow = 4;
  let headerLines = 1;
  plan.columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { ...FONTS.header };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
    headerLines = Math.max(headerLines, lineCount(c.header, c.width));
  });
  ws.getRow(headerRow).height = Math.max(30, headerLines * 15 + 6);

  // Body.
  let r = headerRow + 1;
  for (const row of plan.rows) {
    if (row.kind === "section") {
      merge(r, 1, n);
      const cell = ws.getCell(r, 1);
      cell.value = row.label;
      cell.numFmt = "@";
      cell.font = { ...FONTS.section };
      cell.alignment = { horizontal: "left", vertical: "middle" };
      for (let c = 1; c <= n; c++) ws.getCell(r, c).border = THIN;
      ws.getRow(r).height = 22;
    } else {
      let lines = 1;
      row.values.forEach((v, i) => {
        const cell = ws.getCell(r, i + 1);
        writeValue(cell, v);
        const col = plan.columns[i];
        cell.font = { ...FONTS.body };
        cell.alignment = { horizontal: col.align, vertical: "middle", wrapText: true };
        cell.border = THIN;
        lines = Math.max(lines, lineCount(planValueText(v), col.width));
      });
      ws.getRow(r).height = Math.max(20, lines * LINE_HEIGHT + 5);
    }
    r++;
  }
  const lastTableRow = r - 1;

  // 说明 lines, then the signature and stamp block.
  for (const note of plan.notes) {
    merge(r, 1, n);
    const cell = ws.getCell(r, 1);
    cell.value = note;
    cell.numFmt = "@";
    cell.font = { ...FONTS.line, size: 11 };
    cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
    ws.getRow(r).height = Math.max(20, lineCount(note, tableWidth) * 16 + 4);
    r++;
  }
  r++; // one blank row before signing
  const signatureRow = r;
  const split = Math.max(2, Math.ceil(n / 2));
  merge(r, 1, split);
  const left = ws.getCell(r, 1);
  left.value = plan.signature.left;
  left.font = { ...FONTS.line };
  left.alignment = { horizontal: "left", vertical: "middle" };
  merge(r, split + 1, n);
  const stamp = ws.getCell(r, split + 1);
  stamp.value = plan.signature.right;
  stamp.font = { ...FONTS.line };
  stamp.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(r).height = 28;
  merge(r + 1, split + 1, n);
  const date = ws.getCell(r + 1, split + 1);
  date.value = plan.signature.date;
  date.font = { ...FONTS.line };
  date.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(r + 1).height = 28;

  const lastRow = r + 1;
  // exceljs prefixes each end with "$" only; the row "$"s make the defined name fully absolute ($A$1:$N$30).
  ws.pageSetup.printArea = `A$1:${ws.getColumn(n).letter}$${lastRow}`;
  ws.pageSetup.printTitlesRow = `2:${headerRow}`;
  return {
    worksheet: ws,
    layout: { attachmentRow: 1, titleRow: 2, unitRow: 3, headerRow, firstDataRow: headerRow + 1, lastTableRow, signatureRow, lastColumn: n },
  };
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推荐汇总助手";
  return wb;
}

/** Serialises a workbook to .xlsx bytes (exceljs gives a Buffer in Node and an ArrayBuffer in browsers). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

/** A new workbook holding only the summary sheet, as .xlsx bytes (the CLI's -o, a download). */
export async function buildExportWorkbook(plan: ExportPlan): Promise<Uint8Array> {
  const wb = newWorkbook();
  addExportSheet(wb, plan);
  return workbookBytes(wb);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 without Buffer or btoa limits, for Excel.createWorkbook(base64) in the task pane. */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + "==";
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + "=";
  }
  return out;
}

/** The summary workbook as base64, what Excel.createWorkbook expects (ExcelApi 1.8). */
export async function buildExportWorkbookBase64(plan: ExportPlan): Promise<string> {
  return toBase64(await buildExportWorkbook(plan));
}
