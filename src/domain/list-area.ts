/**
 * Where the list is on a sheet, so that a stray value far away (at XFD1048576, or under a thousand
 * empty rows) is left out instead of read as part of it. One rule for every reader (the .xlsx file,
 * Office.js, the preview host): rows first, over the whole sheet; then columns, within those rows.
 * A run of rows (columns) ends where at least FAR_ROWS (FAR_COLUMNS) empty ones follow; the run
 * holding the most cells is the list; rows and columns are taken in turn until nothing changes. Everything else is named in a cells-outside-list finding.
 */
import { columnLetter, isBlankCell, type Cell, type Grid } from "./cells";
import { cellsOutsideList, type OutsideCell } from "./read-faults";
import type { Finding } from "./report";

/** This many empty rows (columns) between the list and a cell make the cell "far". */
export const FAR_ROWS = 1000;
export const FAR_COLUMNS = 100;

/** Occupied indices first..last (1-based rows or columns) holding `weight` cells. */
export interface Occupied {
  first: number;
  last: number;
  weight: number;
}

/**
 * The span of the run of occupied intervals (gaps under `gap` empty indices) that holds the most
 * cells; the earlier one on a tie. Runs are made of whole intervals, so bands of rows (the Office.js
 * adapter counts each band's cells with COUNTA) find the same run as a reader holding every cell.
 */
export function mainRun(occupied: Iterable<Occupied>, gap: number): [number, number] | null {
  const sorted = [...occupied].filter((o) => o.weight > 0).sort((a, b) => a.first - b.first);
  if (sorted.length === 0) return null;
  let best: [number, number] = [sorted[0].first, sorted[0].last];
  let bestWeight = -1;
  let start = sorted[0].first, end = sorted[0].last, weight = 0;
  const keep = () => {
    if (weight > bestWeight) [best, bestWeight] = [[start, end], weight];
  };
  for (const o of sorted) {
    if (o.first - end - 1 >= gap) {
      keep();
      start = o.first;
      weight = 0;
    }
    end = Math.max(end, o.last);
    weight += o.weight;
  }
  keep();
  return best;
}

export const inArea = (a: Area, row: number, column: number): boolean => row >= a.top && row <= a.bottom && column >= a.left && column <= a.right;

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function areaText(a: Area): string {
  const tl = `${columnLetter(a.left)}${a.top}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom}`;
}

const spans = (counts: Map<number, number>): Occupied[] => [...counts].map(([k, weight]) => ({ first: k, last: k, weight }));
const add = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * The list's area among sparse cells (1-based row, column), by the rule above; null when there are
 * none. Rows, then columns within them, then rows again within those columns, until nothing
 * changes: a far cell no longer holds the list open once its column is left out.
 */
export function listAreaOf(cells: () => Iterable<[row: number, column: number]>): Area | null {
  let box: Area = { top: 1, left: 1, bottom: Infinity, right: Infinity };
  for (let pass = 0; pass < 32; pass++) {
    const rows = new Map<number, number>();
    for (const [r, c] of cells()) if (inArea(box, r, c)) add(rows, r);
    const rowRun = mainRun(spans(rows), FAR_ROWS);
    if (!rowRun) return null;
    const columns = new Map<number, number>();
    for (const [r, c] of cells()) if (inArea(box, r, c) && r >= rowRun[0] && r <= rowRun[1]) add(columns, c);
    const colRun = mainRun(spans(columns), FAR_COLUMNS)!;
    const next = { top: rowRun[0], bottom: rowRun[1], left: colRun[0], right: colRun[1] };
    if (next.top === box.top && next.bottom === box.bottom && next.left === box.left && next.right === box.right) return box;
    box = next;
  }
  return box;
}

/** A cell as the finding shows it: its value, or its formula when the result is empty. */
export function shownValue(cell: Cell): string {
  return cell.kind === "empty" ? (cell.formula ?? "") : String(cell.value);
}

export interface TrimmedGrid {
  grid: Grid;
  /** The cells left out (none when the grid came back as it was). */
  outside: OutsideCell[];
  /** A cells-outside-list finding when anything was left out; empty otherwise. */
  findings: Finding[];
}

/**
 * A read rectangle cut down to the list's area when it holds far cells, which are named in the
 * finding. A grid without a far cell comes back as it was (the same object).
 */
export function trimToList(grid: Grid): TrimmedGrid {
  const cells = function* (): Generator<[number, number]> {
    for (let i = 0; i < grid.rows.length; i++) {
      const row = grid.rows[i];
      for (let j = 0; j < row.length; j++) if (!isBlankCell(row[j])) yield [grid.firstRow + i, grid.firstColumn + j];
    }
  };
  const area = listAreaOf(cells);
  if (!area) return { grid, outside: [], findings: [] };
  const outside: OutsideCell[] = [];
  for (const [r, c] of cells()) {
    if (!inArea(area, r, c)) outside.push({ address: `${columnLetter(c)}${r}`, value: shownValue(grid.rows[r - grid.firstRow][c - grid.firstColumn]) });
  }
  // Only far cells cut the grid: blank rows a selection starts with stay, as Excel has them.
  if (outside.length === 0) return { grid, outside, findings: [] };
  const rows = grid.rows.slice(area.top - grid.firstRow, area.bottom - grid.firstRow + 1).map((r) => r.slice(area.left - grid.firstColumn, area.right - grid.firstColumn + 1));
  return {
    grid: { ...grid, firstRow: area.top, firstColumn: area.left, rows },
    outside,
    findings: outside.length ? [cellsOutsideList(outside, areaText(area))] : [],
  };
}
