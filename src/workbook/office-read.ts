/**
 * Reading lists out of Excel without asking for more than the list: the used range's extent is
 * known first (office-adapter.ts); a range that fits one read is read whole, a larger one is first
 * located (where the list is, where far cells are: domain/list-area's rule on the used ranges and
 * COUNTA of bands of FAR_ROWS rows, then FAR_COLUMNS columns) and then read in chunks of rows, one
 * sync each. A stray cell at XFD1048576 costs one or two small syncs, not 17 billion cells.
 */
import { columnLetter, columnNumber, isBlankCell, type Cell, type SheetShape } from "../domain/cells";
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
  /** Per plan: merges, hidden and filtered rows and hidden columns of its area, what this Excel could tell (see readShape). */
  shapes: SheetShape[];
}

/** Which shape facts to ask Excel for: merged areas need ExcelApi 1.13, visible cells and the AutoFilter 1.9. */
export interface ShapeReads {
  merges: boolean;
  visibility: boolean;
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
  shapeReads: ShapeReads = { merges: false, visibility: false },
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
  // The shape goes with the first sync too. A sync Excel refuses for another reason than its size
  // (more than 512 merged areas in a band, which getMergedAreasOrNullObject fails on) is sent again
  // without the merges, then without the shape: the values are never lost for it.
  let shapeLevel: ShapeReads = shapeReads;
  let shapes: ShapeQuery[] | null = null;
  const asksShape = () => shapeLevel.merges || shapeLevel.visibility;
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
    const pendingShapes: ShapeQuery[] = shapes ?? plans.map((p) => queueShape(p, shapeLevel));
    try {
      await ctx.sync();
      small = pendingSmall;
      shapes = pendingShapes;
    } catch (e) {
      if (!isTooLarge(e)) {
        if (shapes || !asksShape()) throw e;
        shapeLevel = shapeLevel.merges ? { ...shapeLevel, merges: false } : { merges: false, visibility: false };
        queue.unshift(...batch);
        continue;
      }
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
    shapes = plans.map((p) => queueShape(p, { merges: false, visibility: false }));
    await ctx.sync();
  }
  const outside = small.map((regions) => regions.flatMap(({ area, range }) => (range ? cellsOf(area, range) : [{ address: areaText(area) }])));
  return { data, outside, shapes: (shapes ?? []).map(shapeOf) };
}

// ------------------------------------------------------------------ the sheet's shape

/** Rows per getMergedAreasOrNullObject call: Excel fails it past 512 merged areas, and a band this high holds 64 per column at most. */
export const MERGE_BAND_ROWS = 128;

interface ShapeQuery {
  area: Area;
  /** Per band of rows; Excel reports a merged area in the band holding its top-left cell. */
  merges: Excel.RangeAreas[];
  visible: Excel.RangeAreas | null;
  filter: { auto: Excel.AutoFilter; range: Excel.Range } | null;
}

/** Queues what Excel can tell of the plan's area, in the sync it is called before; nothing where the API is missing. */
function queueShape(plan: ReadPlan, reads: ShapeReads): ShapeQuery {
  const a = plan.area;
  const query: ShapeQuery = { area: a, merges: [], visible: null, filter: null };
  if (reads.merges) {
    for (const [top, bottom] of bands(a.top, a.bottom, MERGE_BAND_ROWS)) {
      const found = plan.sheet.getRange(areaText({ ...a, top, bottom })).getMergedAreasOrNullObject();
      found.load("address,areaCount");
      query.merges.push(found);
    }
  }
  // Visible cells of one cell would be the whole sheet's (as SpecialCells in VBA): a one-cell list has no rows to hide.
  if (reads.visibility && cellCount(a) > 1) {
    const visible = plan.sheet.getRange(areaText(a)).getSpecialCellsOrNullObject("Visible");
    visible.load("address,areaCount");
    const auto = plan.sheet.autoFilter;
    auto.load("enabled");
    const range = auto.getRangeOrNullObject();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    query.visible = visible;
    query.filter = { auto, range };
  }
  return query;
}

/**
 * The shape as the file readers give it (xlsx-adapter worksheetShape): merged areas; rows and columns
 * of the area no visible cell lies in; of the hidden rows, those inside an enabled AutoFilter's range
 * below its header row are the filter's. An answer that does not parse whole is left out.
 */
function shapeOf(q: ShapeQuery): SheetShape {
  const shape: SheetShape = {};
  const merges: Area[] = [];
  for (const found of q.merges) {
    if (found.isNullObject) continue;
    const areas = parseAreas(found.address);
    if (areas && areas.length === found.areaCount) merges.push(...areas.filter((m) => m.bottom > m.top || m.right > m.left));
  }
  if (merges.length) shape.merges = merges;
  const visible = q.visible && !q.visible.isNullObject ? parseAreas(q.visible.address) : null;
  if (visible && visible.length === q.visible!.areaCount && visible.length > 0) {
    const { top, left, bottom, right } = q.area;
    const rows = new Uint8Array(bottom - top + 1), columns = new Uint8Array(right - left + 1);
    for (const v of visible) {
      for (let r = Math.max(top, v.top); r <= Math.min(bottom, v.bottom); r++) rows[r - top] = 1;
      for (let c = Math.max(left, v.left); c <= Math.min(right, v.right); c++) columns[c - left] = 1;
    }
    const hiddenRows: number[] = [];
    rows.forEach((seen, i) => seen || hiddenRows.push(top + i));
    const hiddenColumns: number[] = [];
    columns.forEach((seen, i) => seen || hiddenColumns.push(left + i));
    if (hiddenRows.length) {
      shape.hiddenRows = hiddenRows;
      const f = q.filter;
      if (f && !f.range.isNullObject && f.auto.enabled) {
        const from = f.range.rowIndex + 1, to = f.range.rowIndex + f.range.rowCount;
        const filtered = hiddenRows.filter((r) => r > from && r <= to);
        if (filtered.length) shape.filteredRows = filtered;
      }
    }
    if (hiddenColumns.length) shape.hiddenColumns = hiddenColumns;
  }
  return shape;
}

const MAX_ROW = 1048576, MAX_COLUMN = 16384;

/**
 * A RangeAreas address ("Sheet1!A1:B4, Sheet1!D1:D4", sheet names quoted where Excel quotes them,
 * "'a''b'!A1") → its areas; null when a part is not an address.
 */
export function parseAreas(address: string): Area[] | null {
  const out: Area[] = [];
  const s = address;
  let i = 0;
  while (i < s.length) {
    while (s[i] === " " || s[i] === ",") i++;
    if (i >= s.length) break;
    if (s[i] === "'") {
      i++;
      while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) i += s[i] === "'" ? 2 : 1;
      if (s[i + 1] !== "!") return null;
      i += 2;
    } else {
      const bang = s.indexOf("!", i), comma = s.indexOf(",", i);
      if (bang >= 0 && (comma < 0 || bang < comma)) i = bang + 1;
    }
    const comma = s.indexOf(",", i);
    const end = comma < 0 ? s.length : comma;
    const area = refArea(s.slice(i, end).trim().replace(/\$/g, ""));
    if (!area) return null;
    out.push(area);
    i = end;
  }
  return out;
}

function refArea(ref: string): Area | null {
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
  if (m) {
    const a = { top: Number(m[2]), left: columnNumber(m[1]), bottom: Number(m[4] ?? m[2]), right: columnNumber(m[3] ?? m[1]) };
    return { top: Math.min(a.top, a.bottom), left: Math.min(a.left, a.right), bottom: Math.max(a.top, a.bottom), right: Math.max(a.left, a.right) };
  }
  if ((m = /^(\d+):(\d+)$/.exec(ref))) return { top: Number(m[1]), bottom: Number(m[2]), left: 1, right: MAX_COLUMN };
  if ((m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(ref))) return { top: 1, bottom: MAX_ROW, left: columnNumber(m[1]), right: columnNumber(m[2]) };
  return null;
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
