/**
 * Writes a SampleSheet as a real .xlsx (exceljs: typed cells, number formats, merges, widths) and as
 * the CSV Excel's "另存为 CSV" would produce (displayed text, CRLF). Used by make-samples.ts and tests.
 */
import ExcelJS from "exceljs";
import type { Cell } from "../src/domain/cells";
import type { SampleSheet } from "../src/samples/model";
import { encodeGb18030 } from "./gb18030";

function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

function excelValue(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case "empty":
      return null;
    case "text":
      return String(cell.value);
    case "number":
      return Number(cell.value);
    case "boolean":
      return Boolean(cell.value);
    case "date":
      return serialToDate(Number(cell.value));
    case "error":
      return { error: String(cell.value) as ExcelJS.CellErrorValue["error"] };
  }
}

export function sampleWorkbook(sample: SampleSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推荐汇总助手 samples";
  wb.created = new Date(Date.UTC(2023, 2, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(sample.sheetName);
  sample.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell.kind === "empty" && !cell.formula) return;
      const target = ws.getCell(r + 1, c + 1);
      if (cell.formula) {
        const result = excelValue(cell);
        target.value = {
          formula: cell.formula.replace(/^=/, ""),
          result: (result ?? undefined) as ExcelJS.CellFormulaValue["result"],
          date1904: false,
        };
      } else {
        target.value = excelValue(cell);
      }
      if (cell.numberFormat && cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
    });
  });
  ws.getRow(1).font = { bold: true, size: 14 };
  for (const range of sample.merges) ws.mergeCells(range);
  sample.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return wb;
}

export async function sampleXlsxBuffer(sample: SampleSheet): Promise<Buffer> {
  const data = await sampleWorkbook(sample).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** Excel's General display of a number: up to 11 characters, else scientific with 6 significant digits. */
function generalNumber(n: number): string {
  const plain = String(n);
  if (!/e/i.test(plain) && plain.replace("-", "").length <= 11) return plain;
  const [mantissa, exponent] = n.toExponential(5).split("e");
  const m = mantissa.replace(/\.?0+$/, "");
  const e = Number(exponent);
  return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

function displayDate(serial: number, format: string): string {
  const d = serialToDate(serial);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (format.includes("年")) return `${y}年${m}月${day}日`;
  if (/yyyy-mm-dd/i.test(format)) return `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return `${y}/${m}/${day}`;
}

/** The text Excel shows in the cell, which is what a CSV export contains. */
export function displayText(cell: Cell): string {
  switch (cell.kind) {
    case "empty":
      return "";
    case "text":
    case "error":
      return String(cell.value);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "date":
      return displayDate(Number(cell.value), cell.numberFormat ?? "yyyy/m/d");
    case "number": {
      const n = Number(cell.value);
      if (cell.numberFormat === "0") return n.toFixed(0);
      return generalNumber(n);
    }
  }
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sampleCsvText(sample: SampleSheet): string {
  const width = Math.max(...sample.rows.map((r) => r.length));
  return sample.rows
    .map((r) => {
      const fields: string[] = [];
      for (let c = 0; c < width; c++) fields.push(csvField(r[c] ? displayText(r[c]) : ""));
      return fields.join(",");
    })
    .join("\r\n") + "\r\n";
}

export function sampleCsvBytes(sample: SampleSheet, encoding: "gb18030" | "utf8-bom"): Uint8Array {
  const text = sampleCsvText(sample);
  if (encoding === "gb18030") return encodeGb18030(text);
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
