/**
 * A copy of a checked list with its marks, as .xlsx (exceljs, browser-safe): every cell as it was
 * read (text as 文本, dates as dates, the same writer as a merged list), its merges and hidden rows,
 * then the check's marks as applyMarks puts them on a sheet — the same markOps, so the copy shows
 * what the sheet showed: fills, notes on the flagged cells, the 校验结果 column.
 */
import ExcelJS from "exceljs";
import { columnLetter, type CellArea } from "../domain/cells";
import { MARK_COLOURS, markOps } from "../workbook/marks";
import type { MarkedCopy } from "../workbook/session";
import { fitColumnWidths, writeCell } from "../workbook/xlsx-write";
import { workbookBytes } from "./xlsx";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const address = (a: CellArea) => `${columnLetter(a.left)}${a.top}:${columnLetter(a.right)}${a.bottom}`;

export async function markedListWorkbook({ grid, plan }: MarkedCopy): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheetName.slice(0, 31) || "Sheet1");
  grid.rows.forEach((row, r) => row.forEach((cell, c) => writeCell(ws.getCell(grid.firstRow + r, grid.firstColumn + c), cell)));
  const shape = grid.shape ?? {};
  // Merge after writing: the value stays in the top-left cell, as Excel keeps it.
  for (const m of shape.merges ?? []) if (m.bottom > m.top || m.right > m.left) ws.mergeCells(address(m));
  for (const r of shape.hiddenRows ?? []) ws.getRow(r).hidden = true;
  for (const c of shape.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  // Wide enough to read in WPS or Excel; a title merged across the columns has their room.
  const wide = new Set((shape.merges ?? []).filter((m) => m.right > m.left).map((m) => `${m.top},${m.left}`));
  fitColumnWidths(ws, grid, (r, c) => wide.has(`${r},${c}`));

  // A fresh sheet: no earlier marks, no fills or notes of the user's to keep.
  const ops = markOps(plan, undefined, () => null);
  for (const f of ops.fill) ws.getCell(f.row, f.column).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(MARK_COLOURS[f.level]) } };
  for (const w of ops.write) {
    const cell = ws.getCell(w.row, w.column);
    cell.value = w.text;
    cell.numFmt = "@";
  }
  for (const n of ops.addNotes) ws.getCell(n.row, n.column).note = n.text;
  ws.getCell(plan.headerRow, plan.resultColumn).font = { bold: true };
  ws.getColumn(plan.resultColumn).width = 40;
  return workbookBytes(wb);
}
