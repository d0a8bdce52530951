/**
 * Reading lists out of Excel without asking for more than the list: the used range's extent is
 * known first (office-adapter.ts); a range that fits one read is read whole, a larger one is first
 * located (where the list is, where far cells are: domain/list-area's rule on the used ranges and
 * COUNTA of bands of FAR_ROWS rows, then FAR_COLUMNS columns) and then read in chunks of rows, one
 * sync each. A stray cell at XFD1048576 costs one or two small syncs, not 17 billion cells.
 */
import { columnLetter, isBlankCell, type Cell } from "../domain/cells";
import { areaText, FAR_COLUMNS, FAR_ROWS, mainRun, type Area, type Occupied } from "../domain/list-area";
import type { OutsideCell } from "../domain/read-faults";

/** What Excel answers for a block of the list (the properties READ_PROPERTIES loads). */
export interface RangeData {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

export const READ_PROPERTIES = "address,rowIndex,columnIndex,rowCount,columnCount,values,valueTypes,numberFormat,formulas";

/** A far region this many cells or smaller is read so the finding can say what it holds. */
const SMALL_REGION = 64;

export interface ReadPlan {
  sheet: Excel.Worksheet;
  /** The used range (or selection) as Excel reported it. */
  extent: Area;
  /** Where the list is: the extent, or less when far cells were found. */
  area: Area;
  /** Far regions left out (used ranges of bands outside the list). */
  outside: Area[];
}

export interface ReadResult {
  data: RangeData[][];
  /** Per plan: the far cells (small regions cell by cell, larger ones as areas). */
  outside: OutsideCell[][];
}

export function areaOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Area {
  return { top: r.rowIndex + 1, left: r.columnIndex + 1, bottom: r.rowIndex + r.rowCount, right: r.columnIndex + r.columnCount };
}

const cellCount = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

function bands(from: number, to: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = from; a <= to; a += size) out.push([a, Math.min(to, a + size - 1)]);
  return out;
}

interface Band {
  used: Excel.Range;
  /** COUNTA of the band: its cells with anything in them (what decides which run is the list). */
  count: Excel.FunctionResult<number>;
}

interface Probe {
  plan: ReadPlan;
  bands: Band[];
}

function probe(ctx: Excel.RequestContext, sheet: Excel.Worksheet, area: Area): Band {
  const range = sheet.getRange(areaText(area));
  const used = range.getUsedRangeOrNullObject(true);
  // isNullObject needs no load: Office.js sets it with the sync.
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const count = ctx.workbook.functions.countA(range);
  count.load("value");
  return { used, count };
}

/**
 * Locates the list in every plan whose extent needs more than one read: one sync for the row
 * bands of all of them, one for the column bands (only where a column gap is possible). Needs
 * Range.getUsedRangeOrNullObject (ExcelApi 1.4) and Functions.countA (1.2).
 */
export async function locate(ctx: Excel.RequestContext, plans: ReadPlan[]): Promise<void> {
  const rowProbes: Probe[] = [];
  for (const plan of plans) {
    const e = plan.extent;
    if (e.bottom - e.top + 1 < FAR_ROWS + 2) continue;
    const found = bands(e.top, e.bottom, FAR_ROWS).map(([a, b]) => probe(ctx, plan.sheet, { top: a, bottom: b, left: e.left, right: e.right }));
    rowProbes.push({ plan, bands: found });
  }
  if (rowProbes.length) {
    await ctx.sync();
    for (const { plan, bands } of rowProbes) settle(plan, bands, "rows");
  }
  const colProbes: Probe[] = [];
  for (const plan of plans) {
    const a = plan.area;
    if (a.right - a.left + 1 < FAR_COLUMNS + 2) continue;
    const found = bands(a.left, a.right, FAR_COLUMNS).map(([l, r]) => probe(ctx, plan.sheet, { top: a.top, bottom: a.bottom, left: l, right: r }));
    colProbes.push({ plan, bands: found });
  }
  if (colProbes.length) {
    await ctx.sync();
    for (const { plan, bands } of colProbes) settle(plan, bands, "columns");
  }
}

/** The list's rows (or columns) from the bands' used ranges; the bands outside them are far regions. */
function settle(plan: ReadPlan, probed: Band[], axis: "rows" | "columns"): void {
  const occupied = probed.filter((b) => !b.used.isNullObject);
  const found = occupied.map((b) => areaOf(b.used));
  if (found.length === 0) {
    plan.area = { ...plan.area, bottom: plan.area.top, right: plan.area.left };
    return;
  }
  const spans: Occupied[] = found.map((f, i) => {
    const weight = Math.max(1, Number(occupied[i].count.value) || 0);
    return axis === "rows" ? { first: f.top, last: f.bottom, weight } : { first: f.left, last: f.right, weight };
  });
  const [first, last] = mainRun(spans, axis === "rows" ? FAR_ROWS : FAR_COLUMNS)!;
  const inside = found.filter((f) => (axis === "rows" ? f.top >= first && f.bottom <= last : f.left >= first && f.right <= last));
  plan.outside.push(...found.filter((f) => !inside.includes(f)));
  // The list's area: the run, and across it only as wide (high) as its bands reach.
  const lo = (k: "top" | "left") => Math.min(...inside.map((f) => f[k]));
  const hi = (k: "bottom" | "right") => Math.max(...inside.map((f) => f[k]));
  plan.area = axis === "rows" ? { top: first, bottom: last, left: lo("left"), right: hi("right") } : { ...plan.area, left: first, right: last, top: lo("top"), bottom: hi("bottom") };
}

interface Block {
  plan: number;
  top: number;
  count: number;
}

/**
 * Reads each plan's area in chunks of rows of at most `chunkCells` cells, as many chunks per sync
 * as fit; a sync Excel refuses as too large is retried a block at a time, a single block halved.
 * The far regions' small ones are read with the first sync, so the finding can name their values.
 */
export async function readAreas(
  ctx: Excel.RequestContext,
  plans: ReadPlan[],
  chunkCells: number,
  isTooLarge: (e: unknown) => boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<ReadResult> {
  const queue: Block[] = [];
  plans.forEach((p, i) => {
    const width = p.area.right - p.area.left + 1;
    const per = Math.max(1, Math.floor(chunkCells / width));
    for (let top = p.area.top; top <= p.area.bottom; top += per) queue.push({ plan: i, top, count: Math.min(per, p.area.bottom - top + 1) });
  });
  const parts: { block: Block; range: Excel.Range }[] = [];
  // Queued with the first sync that goes through (a refused sync drops its loads).
  const loadSmall = (): { area: Area; range: Excel.Range | null }[][] =>
    plans.map((p) =>
      p.outside.map((a) => {
        if (cellCount(a) > SMALL_REGION) return { area: a, range: null };
        const range = p.sheet.getRange(areaText(a));
        range.load("values,formulas");
        return { area: a, range };
      }),
    );
  type Small = { area: Area; range: Excel.Range | null }[][];
  let small: Small | null = null;
  let total = Math.max(1, Math.ceil(queue.reduce((n, b) => n + b.count * width(plans[b.plan]), 0) / chunkCells));
  let done = 0;
  let alone = 0; // blocks to send one per sync after a refused sync
  while (queue.length) {
    const batch: Block[] = [];
    let cells = 0;
    while (queue.length) {
      const next = queue[0];
      const size = next.count * width(plans[next.plan]);
      if (batch.length > 0 && (alone > 0 || cells + size > chunkCells)) break;
      batch.push(queue.shift()!);
      cells += size;
    }
    const ranges = batch.map((b) => {
      const p = plans[b.plan];
      const range = p.sheet.getRange(areaText({ top: b.top, bottom: b.top + b.count - 1, left: p.area.left, right: p.area.right }));
      range.load(READ_PROPERTIES);
      return range;
    });
    const pendingSmall: Small = small ?? loadSmall();
    try {
      await ctx.sync();
      small = pendingSmall;
    } catch (e) {
      if (!isTooLarge(e)) throw e;
      if (batch.length > 1) {
        queue.unshift(...batch);
        alone = batch.length;
      } else if (batch[0].count > 1) {
        const b = batch[0], half = Math.ceil(b.count / 2);
        queue.unshift({ ...b, count: half }, { ...b, top: b.top + half, count: b.count - half });
        alone = 2;
      } else throw e;
      total++;
      continue;
    }
    if (alone > 0) alone--;
    batch.forEach((block, i) => parts.push({ block, range: ranges[i] }));
    onProgress?.(++done, Math.max(total, done));
  }
  const data = plans.map((_, i) =>
    parts
      .filter((p) => p.block.plan === i)
      .sort((a, b) => a.block.top - b.block.top)
      .map(({ range }) => range as unknown as RangeData),
  );
  if (!small) {
    small = loadSmall();
    await ctx.sync();
  }
  const outside = small.map((regions) => regions.flatMap(({ area, range }) => (range ? cellsOf(area, range) : [{ address: areaText(area) }])));
  return { data, outside };
}

const width = (p: ReadPlan) => p.area.right - p.area.left + 1;

function cellsOf(area: Area, range: Excel.Range): OutsideCell[] {
  const out: OutsideCell[] = [];
  range.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const formula = range.formulas[i]?.[j];
      const cell: Cell = v === "" || v === null ? { kind: "empty", value: null, ...(typeof formula === "string" && formula.startsWith("=") ? { formula } : {}) } : { kind: "text", value: String(v) };
      if (!isBlankCell(cell)) out.push({ address: `${columnLetter(area.left + j)}${area.top + i}`, value: cell.kind === "empty" ? cell.formula! : String(cell.value) });
    }),
  );
  return out;
}
