/**
 * Findings about the file itself, found while reading it (before any rule runs): a CSV whose quote
 * never closes, rows in two encodings, cells far outside the list. The readers (src/workbook) report
 * the facts; the wording lives here, and check() lists them with the rule findings.
 */
import { columnNumber } from "./cells";
import type { Finding } from "./report";

/** At most this many rows are listed in `rows` (the message gives the count). */
const MAX_ROWS_LISTED = 50;

function listRows(rows: readonly number[]): string {
  const shown = rows.slice(0, 8).join("、");
  return rows.length > 8 ? `${shown} 等 ${rows.length} 行` : shown;
}

/** An opening quote at (row, column) that never closes: the rest of the file was not read. */
export function csvUnclosedQuote(row: number, column: string, linesNotRead: number): Finding {
  return {
    code: "csv-malformed",
    severity: "error",
    row,
    column,
    message: `第${row}行${column}列的引号没有闭合：从这里到文件末尾（${linesNotRead} 行）未能读取，只核查了此前的行`,
    messageEn: `The quote opened in row ${row}, column ${column} never closes: the rest of the file (${linesNotRead} lines) was not read; only the rows before it were checked`,
    hint: "用 Excel 打开该 CSV 检查这一格，补上结尾的引号（或删去多余的引号）后另存为 CSV 或 .xlsx 再检查",
    hintEn: "Open the CSV, close the quote in that cell (or remove the stray one), save again and re-check",
  };
}

/**
 * Rows whose bytes are in another encoding than the rest of the file (GB18030 lines in a UTF-8 file):
 * one finding per row, each judging its own row (verdict.ts), so every such row is marked and left out
 * of the export alike; the message is the same in each, naming the rows.
 */
export function encodingMixed(rows: readonly number[], main: string, other: string): Finding[] {
  const message = `文件按 ${main} 编码读取，但第${listRows(rows)}行是 ${other} 编码（多份文件拼接而成？）：这些行已按 ${other} 读取，请核对其中的名称和代码`;
  const messageEn = `The file reads as ${main}, but rows ${rows.slice(0, 8).join(", ")}${rows.length > 8 ? ` (${rows.length} rows)` : ""} are ${other}; they were read as ${other}: check their names and codes`;
  const listed = rows.slice(0, MAX_ROWS_LISTED);
  return rows.map((row) => ({
    code: "encoding-mixed",
    severity: "error",
    row,
    rows: listed.includes(row) ? listed : [row, ...listed.slice(0, MAX_ROWS_LISTED - 1)],
    message,
    messageEn,
    hint: "在 Excel 中打开各县原表，合并到同一张工作表后另存为 .xlsx 再检查",
    hintEn: "Merge the district lists in Excel and save as .xlsx",
  }));
}

export interface OutsideCell {
  /** A cell ("XFD1048576"), or an area too large to list cell by cell ("A5001:P5300"). */
  address: string;
  /** What it holds; absent for an area. */
  value?: string;
}

/** [row, column] of an address's top-left cell ("XFD1048576", "A5:B9"). */
function topLeft(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)/.exec(address);
  return m ? [Number(m[2]), columnNumber(m[1])] : [0, 0];
}

/** Cells far from the list (such as one at XFD1048576): left out of the list read, named here. */
export function cellsOutsideList(unsorted: readonly OutsideCell[], listRange: string): Finding {
  const cells = [...unsorted].sort((a, b) => topLeft(a.address)[0] - topLeft(b.address)[0] || topLeft(a.address)[1] - topLeft(b.address)[1]);
  const show = (c: OutsideCell) => (c.value === undefined ? `${c.address} 区域` : `${c.address}“${c.value.length > 20 ? c.value.slice(0, 20) + "…" : c.value}”`);
  const shown = cells.slice(0, 8).map(show);
  const more = cells.length > 8 ? ` 等 ${cells.length} 处` : "";
  return {
    code: "cells-outside-list",
    severity: "warning",
    message: `名单区域 ${listRange} 以外很远处还有内容：${shown.join("、")}${more}；这些单元格未作为名单读取`,
    messageEn: `Cells far outside the list (${listRange}) hold values: ${cells.slice(0, 8).map((c) => c.address).join(", ")}${cells.length > 8 ? ` (${cells.length} places)` : ""}; they were not read as part of the list`,
    hint: "确认这些单元格不属于名单；不需要的话删除它们（Ctrl+End 可跳到最远的单元格）",
    hintEn: "Make sure they are not part of the list; delete them if not (Ctrl+End jumps to the farthest cell)",
  };
}

/** A finding about a reference list's sheet (not the list checked), said as such; no cell of the list is meant. */
export function aboutReference(f: Finding, sheet: string, file?: string): Finding {
  const where = file ? `参考名单“${file}”的工作表“${sheet}”` : `参考名单工作表“${sheet}”`;
  const whereEn = file ? `Reference list “${file}”, sheet “${sheet}”` : `Reference sheet “${sheet}”`;
  const { row: _row, rows: _rows, column: _column, field: _field, ...rest } = f;
  return { ...rest, message: `${where}：${f.message}`, messageEn: `${whereEn}: ${f.messageEn}` };
}

/**
 * A file whose name says one format and whose bytes another (an .xlsx named .xls, an HTML table a
 * system exported as .xls): read as what it is, and said, so the clerk knows what the district sent.
 */
export function formatMislabelled(extension: string, actualZh: string, actualEn: string): Finding {
  return {
    code: "format-mislabelled",
    severity: "info",
    message: `文件扩展名是“${extension || "（无）"}”，内容实际是${actualZh}：已按实际格式读取`,
    messageEn: `The file is named "${extension || "(none)"}" but is really a ${actualEn}: it was read as what it is`,
    hint: "如需在 Excel 中直接打开，请另存为 .xlsx",
    hintEn: "Save it as .xlsx to open it in Excel as it is",
  };
}
