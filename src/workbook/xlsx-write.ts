/**
 * Writes grids as the sheets of a new .xlsx (exceljs), cell kinds kept: text as 文本 ("@") so codes
 * and phone numbers keep every digit and nothing becomes a formula; dates as dates; numbers and
 * booleans as themselves; an error value as its text, as the pane writes it (domain writtenCell). Browser-safe. Used for a merged list (huizong merge).
 */
import ExcelJS from "exceljs";
import { writtenCell, type Cell, type Grid } from "../domain/cells";

const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86400000;

function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
}

/** The same cell the pane's adapters write (writtenCell): an error value as its text, text as 文本. */
export function writeCell(target: ExcelJS.Cell, cell: Cell): void {
  const w = writtenCell(cell);
  if (w.kind === "empty") return;
  target.value = w.kind === "date" ? serialToDate(Number(w.value)) : w.value;
  if (w.numberFormat !== "General") target.numFmt = w.numberFormat;
}

/**
 * Column widths from the first 200 rows' text (Chinese about two units a character), at most 60;
 * cells in `skip` (a title merged across the columns) do not count.
 */
export function fitColumnWidths(ws: ExcelJS.Worksheet, grid: Grid, skip: (row: number, column: number) => boolean = () => false): void {
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (let c = 0; c < width; c++) {
    let longest = 4;
    grid.rows.slice(0, 200).forEach((row, r) => {
      const v = row[c]?.value;
      if (v === null || v === undefined || skip(grid.firstRow + r, grid.firstColumn + c)) return;
      longest = Math.max(longest, [...String(v)].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 2 : 1), 0));
    });
    ws.getColumn(grid.firstColumn + c).width = Math.min(60, longest + 2);
  }
}

/** One worksheet per grid, at the grid's own position; the first row of each (the header) frozen and bold. */
export async function gridsToXlsx(grids: readonly Grid[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.sheetName, { views: [{ state: "frozen", ySplit: grid.firstRow }] });
    grid.rows.forEach((row, r) => {
      row.forEach((cell, c) => writeCell(ws.getCell(grid.firstRow + r, grid.firstColumn + c), cell));
    });
    ws.getRow(grid.firstRow).font = { bold: true };
    fitColumnWidths(ws, grid);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
