/**
 * Cells by position → the rectangular Grid of the list, as the .xlsx reader does it: only cells with
 * a value are held, cells far from the list are left out and named (cells-outside-list), and the
 * limits are kept. Shared by the readers of the other formats.
 */
import { columnLetter, isBlankCell, type Cell, type CellArea, type Grid, type SheetShape } from "../../domain/cells";
import { areaText, inArea, listAreaOf, shownValue } from "../../domain/list-area";
import { cellsOutsideList, type OutsideCell } from "../../domain/read-faults";
import type { Finding } from "../../domain/report";
import { LIMITS, tooManyCells, type Limits } from "../limits";
import { XlsxReadError } from "../read-error";

export type CellRows = Map<number, Map<number, Cell>>;

export function cellRows(): CellRows {
  return new Map();
}

export function putCell(cells: CellRows, row: number, col: number, cell: Cell): void {
  if (isBlankCell(cell)) return;
  let r = cells.get(row);
  if (!r) cells.set(row, (r = new Map()));
  r.set(col, cell);
}

function overlaps(a: CellArea, top: number, left: number, bottom: number, right: number): boolean {
  return a.bottom >= top && a.top <= bottom && a.right >= left && a.left <= right;
}

/** The list's grid from its cells; the shape kept where it touches the list. */
export function gridFromCells(sheetName: string, cells: CellRows, shape: SheetShape = {}, limits: Limits = LIMITS): { grid: Grid; findings: Finding[] } {
  let count = 0;
  for (const r of cells.values()) count += r.size;
  if (count > limits.cells) throw new XlsxReadError(...refusal(tooManyCells(count, limits.cells, `工作表“${sheetName}”`, `sheet "${sheetName}"`)));
  const positions = function* (): Generator<[number, number]> {
    for (const [r, rowMap] of cells) for (const c of rowMap.keys()) yield [r, c];
  };
  const area = listAreaOf(positions);
  if (!area) return { grid: { sheetName, firstRow: 1, firstColumn: 1, rows: [] }, findings: [] };
  const { top, bottom, left, right } = area;
  const size = (bottom - top + 1) * (right - left + 1);
  if (size > limits.gridCells) throw new XlsxReadError(...refusal(tooManyCells(size, limits.gridCells, `工作表“${sheetName}”的名单区域`, `the list area of sheet "${sheetName}"`)));
  const findings: Finding[] = [];
  const outside: OutsideCell[] = [];
  for (const [r, c] of positions()) if (!inArea(area, r, c)) outside.push({ address: `${columnLetter(c)}${r}`, value: shownValue(cells.get(r)!.get(c)!) });
  if (outside.length > 0) findings.push(cellsOutsideList(outside, areaText(area)));
  const rows: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const rowMap = cells.get(r);
    const out: Cell[] = new Array(right - left + 1);
    for (let c = left; c <= right; c++) out[c - left] = rowMap?.get(c) ?? { kind: "empty", value: null };
    rows.push(out);
  }
  const kept: SheetShape = {};
  const merges = shape.merges?.filter((m) => overlaps(m, top, left, bottom, right));
  if (merges?.length) kept.merges = merges;
  const hiddenRows = shape.hiddenRows?.filter((r) => r >= top && r <= bottom);
  if (hiddenRows?.length) kept.hiddenRows = hiddenRows;
  const filteredRows = shape.filteredRows?.filter((r) => r >= top && r <= bottom);
  if (filteredRows?.length) kept.filteredRows = filteredRows;
  const hiddenColumns = shape.hiddenColumns?.filter((c) => c >= left && c <= right);
  if (hiddenColumns?.length) kept.hiddenColumns = hiddenColumns;
  const grid: Grid = { sheetName, firstRow: top, firstColumn: left, rows };
  if (Object.keys(kept).length > 0) grid.shape = kept;
  return { grid, findings };
}

function refusal(e: { message: string; messageEn: string }): [string, string] {
  return [e.message, e.messageEn];
}
