/**
 * The workbook port on Office.js. Sync budget per check: readGrids 2 context.sync() (the extents of
 * the list and its reference sheets; then their values together), applyMarks 2 (read the fills it
 * will cover and the result column, then all writes). A range larger than one read (262,144 cells on
 * desktop, 65,536 on the web, whose answers stop at 5 MB) is first located: one sync for the used
 * ranges of bands of 1000 rows, one more for bands of 100 columns where the list is that wide; far
 * cells (a stray value at XFD1048576) are left out and named (domain/list-area), and the list is
 * read in chunks, one sync each. Past LIMITS.cells the list area is refused before any value is read.
 *
 * addSheet 2 (the sheet names, then the new sheet and its values, in blocks under the web limit).
 *
 * Needs only ExcelApi 1.2 (getUsedRange(valuesOnly)); uses 1.4 getUsedRangeOrNullObject to locate a
 * large list (below it, a used range past the limit is refused with Ctrl+End as the remedy), 1.7 change events, 1.9 multi-area
 * selection and 1.20 mergeUndoGroup where present. Marks are recorded in the document's settings.
 * The list's shape goes with the first value sync, no sync of its own: merged areas (1.13), and the
 * visible cells and the AutoFilter (1.9) that tell hidden and filtered rows and hidden columns;
 * below those the grid carries no merges (or no hidden rows), so nothing is said of them.
 */
import { columnLetter, isBlankCell, writtenCell, type Cell, type Grid, type SheetShape } from "../domain/cells";
import {
  areaAddress,
  cellAddress,
  conflictError,
  fillsToRead,
  MARK_COLOURS,
  markOps,
  markRecordKey,
  notesToCheck,
  parseAddress,
  planResultRows,
  RESULT_HEADERS,
  resultConflicts,
  withoutResultColumn,
  type FillRecord,
  type MarkOps,
  type MarkRecord,
} from "./marks";
import type { SavedMapping } from "../domain/columns";
import { uniqueSheetName } from "../domain/export/plan";
import { areaText, trimToList, type Area } from "../domain/list-area";
import { cellsOutsideList } from "../domain/read-faults";
import type { Finding } from "../domain/report";
import { areaOf, locate, readAreas, type RangeData, type ReadPlan } from "./office-read";
import { LimitError, LIMITS, READ_CHUNK_CELLS, tooManyCells } from "./limits";
import { findMapping, MAPPINGS_SETTING, readMappings, withMapping, withoutMapping } from "./mappings";
import type { Capabilities, CellContent, ExportTarget, GridRequest, GridsRead, MarkPlan, ProgressListener, ReadOptions, WorkbookPort } from "./port";

const cells = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/**
 * A list area past LIMITS.cells: refused, naming where it ends. Where the far cells could not be
 * located (ExcelApi below 1.4) the remedy is to find and delete them.
 */
function refuseHugeRange(sheet: string, plan: ReadPlan, located: boolean): void {
  const n = cells(plan.area);
  if (n <= LIMITS.cells) return;
  const range = areaText(plan.area);
  const error = tooManyCells(n, LIMITS.cells, `工作表“${sheet}”的${located ? "名单区域" : "已用区域"} ${range} `, `the ${located ? "list area" : "used range"} ${range} of sheet “${sheet}”`);
  if (located) throw error;
  throw new LimitError(
    `${error.message}。若名单本身不大，是远处有零星单元格：按 Ctrl+End 找到它，删除名单以外的行和列后再检查`,
    `${error.messageEn}. If the list itself is small, a stray cell lies far away: press Ctrl+End to find it, delete the rows and columns beyond the list and check again`,
  );
}

/** A cell as written to a new sheet: its value (an error as its text) and its number format. */
function officeWrite(cell: Cell | undefined): { value: string | number | boolean; format: string } {
  const w = writtenCell(cell);
  return { value: w.value ?? "", format: w.numberFormat };
}

/** What the adapter needs from the page: the Excel and Office namespaces (the real ones, or a test's). */
export interface OfficeEnv {
  Excel: typeof Excel;
  Office: typeof Office;
}

/** Target size of one read or write block: under the 5 MB Excel on the web accepts per request. */
export const BLOCK_BYTES = 4 * 1024 * 1024;
/** Bytes one cell typically costs in a read answer (values, valueTypes, numberFormat, formulas); a block that still comes back too large is halved. */
const BYTES_PER_CELL_READ = 64;
/** Cells one read asks for: under the web's 5 MB; on desktop larger, still bounded (memory, time per sync). */
const WEB_CHUNK_CELLS = Math.floor(BLOCK_BYTES / BYTES_PER_CELL_READ);
const DESKTOP_CHUNK_CELLS = READ_CHUNK_CELLS;

/** What one queued write costs in a request, beyond its text: generous, so estimates err on the safe side. */
const OP_BYTES = 200;
/** What one queued cell read (getRange + format/fill + the query) costs in a request. */
const READ_OP_BYTES = 400;

/** UTF-8 bytes of a text as sent (CJK takes three), plus JSON quoting. */
function textBytes(text: string): number {
  let n = 2;
  for (const ch of text) n += ch.charCodeAt(0) < 0x80 ? 1 : 3;
  return n;
}

/**
 * Queues reads or writes and syncs before the queued request would pass BLOCK_BYTES, so no request
 * exceeds what Excel on the web accepts. A typical list's marks fit one request: one sync.
 */
class RequestBatch {
  private pending = 0;
  /** `limit`: BLOCK_BYTES on Excel on the web; desktop Excel has no 5 MB limit, so one request. */
  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly limit: number,
  ) {}

  async add(bytes: number, write: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) {
      await this.ctx.sync();
      this.pending = 0;
    }
    write();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    await this.ctx.sync();
    this.pending = 0;
  }
}


/** A number format that shows a date: y or d outside quotes and brackets, or m without h/s. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  if (/[yd]/i.test(bare)) return true;
  return /m/i.test(bare) && !/[hs]/i.test(bare);
}

/** One cell as Office.js reports it → the Cell the readers take. */
export function cellFromOffice(value: unknown, valueType: string, numberFormat: string, formula: unknown): Cell {
  const nf = numberFormat || "General";
  const f = typeof formula === "string" && formula.startsWith("=") ? { formula } : {};
  switch (valueType) {
    case "Empty":
      return { kind: "empty", value: null, numberFormat: nf, ...f };
    case "Boolean":
      return { kind: "boolean", value: Boolean(value), numberFormat: nf, ...f };
    case "Error":
      return { kind: "error", value: String(value), numberFormat: nf, ...f };
    case "Integer":
    case "Double":
      if (typeof value === "number") return { kind: isDateFormat(nf) ? "date" : "number", value, numberFormat: nf, ...f };
      return { kind: "text", value: String(value), numberFormat: nf, ...f };
    default:
      if (value === "" || value === null || value === undefined) return { kind: "empty", value: null, numberFormat: nf, ...f };
      return { kind: "text", value: String(value), numberFormat: nf, ...f };
  }
}

function gridFrom(sheetName: string, data: RangeData[]): Grid {
  const rows: Cell[][] = [];
  for (const d of data) {
    d.values.forEach((row, i) => {
      rows.push(row.map((v, j) => cellFromOffice(v, d.valueTypes[i][j], String(d.numberFormat[i][j] ?? "General"), d.formulas[i]?.[j])));
    });
  }
  const first = data[0];
  const empty = rows.every((r) => r.every(isBlankCell));
  if (!first || empty) return { sheetName, firstRow: 1, firstColumn: 1, rows: [] };
  return { sheetName, firstRow: first.rowIndex + 1, firstColumn: first.columnIndex + 1, rows };
}

/** The shape where it touches the list, as the file readers keep it (merges meeting it, rows and columns inside it). */
function shapeWithin(shape: SheetShape | undefined, a: Area): SheetShape | null {
  if (!shape) return null;
  const out: SheetShape = {};
  const merges = shape.merges?.filter((m) => m.top <= a.bottom && m.bottom >= a.top && m.left <= a.right && m.right >= a.left);
  if (merges?.length) out.merges = merges;
  const rows = shape.hiddenRows?.filter((r) => r >= a.top && r <= a.bottom);
  if (rows?.length) out.hiddenRows = rows;
  const filtered = shape.filteredRows?.filter((r) => r >= a.top && r <= a.bottom);
  if (filtered?.length) out.filteredRows = filtered;
  const columns = shape.hiddenColumns?.filter((c) => c >= a.left && c <= a.right);
  if (columns?.length) out.hiddenColumns = columns;
  return Object.keys(out).length ? out : null;
}

function isTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded" || code === "RangeExceedsLimit";
}

/** Excel's error codes a clerk can meet, said plainly; the original error stays as `cause`. */
const EXCEL_ERRORS: Record<string, [string, string]> = {
  InvalidOperationInCellEditMode: ["Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再重试。", "Excel is editing a cell: press Enter or Esc, then try again."],
  AccessDenied: [
    "工作表受保护，无法写入标记：请先撤销工作表保护（审阅 → 撤销工作表保护）后再检查。",
    "The sheet is protected, so marks cannot be written: unprotect it (Review → Unprotect Sheet) and check again.",
  ],
  ItemNotFound: ["找不到要读取的工作表，可能已被删除或改名：请重新打开任务窗格。", "A sheet to read is gone (deleted or renamed): reopen the task pane."],
  InvalidSelection: ["当前选择不是一块连续的单元格区域：请只选中一块区域，或改为检查整张表。", "The selection is not one block of cells: select one block, or check the whole sheet."],
};

function unsupported(zh: string, en: string): Error {
  return Object.assign(new Error(`此 Excel 不支持${zh}。`), { messageEn: `This Excel lacks ${en}.` });
}

/** Excel's error with a Chinese message (and messageEn) when its code is one we can explain; others unchanged. */
export function excelError(e: unknown): unknown {
  const code = (e as { code?: unknown })?.code;
  const known = typeof code === "string" ? EXCEL_ERRORS[code] : undefined;
  if (!known || (e as { messageEn?: unknown }).messageEn) return e;
  return Object.assign(new Error(known[0], { cause: e }), { code, messageEn: known[1] });
}

const PLATFORM_NAMES: Record<string, string> = {
  OfficeOnline: "Excel 网页版",
  PC: "Excel（Windows）",
  Mac: "Excel（Mac）",
  iOS: "Excel（iPad）",
  Android: "Excel（Android）",
  Universal: "Excel（Windows 应用）",
};

/** Contiguous runs of cells in one row, so fills go out as few ranges as possible. */
function runs<T extends { row: number; column: number }>(cells: T[], same: (a: T, b: T) => boolean): T[][] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const out: T[][] = [];
  for (const c of sorted) {
    const run = out[out.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.row === c.row && last.column + 1 === c.column && same(last, c)) run.push(c);
    else out.push([c]);
  }
  return out;
}

function runAddress(run: { row: number; column: number }[]): string {
  const a = run[0], b = run[run.length - 1];
  return areaAddress({ top: a.row, left: a.column, bottom: b.row, right: b.column });
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly env: OfficeEnv;
  private caps: Capabilities | null = null;
  private readonly listeners = new Set<(sheet: string) => void>();
  /** Sheet → the handler that reports for it; registered inside the read's own batch, so it costs no sync. */
  private readonly watched = new Map<string, number>();
  /**
   * Sheet → the result column this adapter last wrote or cleared there. Kept after a clear: Excel
   * reports the clear's own changes after the record is gone, and they are not the user's edits.
   */
  private readonly resultColumns = new Map<string, number>();
  private handlerSeq = 0;
  /** Cells writeCells wrote, by sheet, whose change event is still to come. */
  private readonly ownWrites = new Map<string, Map<string, number>>();

  constructor(env?: OfficeEnv) {
    this.env = env ?? { Excel: globalThis.Excel, Office: globalThis.Office };
  }

  async capabilities(): Promise<Capabilities> {
    if (this.caps) return { ...this.caps };
    const { Office } = this.env;
    const req = Office.context.requirements;
    let minor = 0;
    while (minor < 40 && req.isSetSupported("ExcelApi", `1.${minor + 1}`)) minor++;
    const has = (m: number) => minor >= m;
    this.caps = {
      host: PLATFORM_NAMES[String(Office.context.platform)] ?? "Excel",
      excelApi: minor,
      cellNotes: has(18),
      conditionalFormats: has(6),
      dataValidation: has(8),
      changeEvents: has(7),
      createWorkbook: has(8),
      mergeUndoGroup: has(20),
      insertSheets: has(13),
    };
    return { ...this.caps };
  }

  async listSheets(): Promise<string[]> {
    return this.run(await this.capabilities(), "read", async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async activeSheet(): Promise<string> {
    return this.run(await this.capabilities(), "read", async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await ctx.sync();
      return ws.name;
    });
  }

  async readGrid(sheet: string, options: ReadOptions = {}): Promise<Grid> {
    const { grids } = await this.readGrids([{ sheet, scope: options.scope }], options.onProgress);
    return grids[0];
  }

  async readGrids(requests: GridRequest[], onProgress?: ProgressListener): Promise<GridsRead> {
    onProgress?.(0, 1);
    const caps = await this.capabilities();
    const read = await this.run(caps, "read", async (ctx) => {
      const targets = requests.map((r) => this.target(ctx, r));
      // Extents first: where each range ends decides how it is read, before any value is asked for.
      for (const t of targets) t.range.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const all = ctx.workbook.worksheets;
      all.load("items/name");
      const watching = this.queueWatch(caps, targets);
      await ctx.sync();
      watching();
      const names = targets.map((t, i) => this.sheetName(t.sheet, requests[i]));
      const chunk = this.chunkCells(caps);
      const plans: ReadPlan[] = targets.map((t) => {
        const extent = areaOf(t.range);
        return { sheet: t.sheet, extent, area: extent, outside: [] };
      });
      // A range larger than one read is located first (a stray far cell costs two small syncs);
      // an Excel without getUsedRangeOrNullObject reads it whole, up to the cell limit.
      const large = plans.filter((p) => cells(p.extent) > chunk);
      if ((caps.excelApi ?? 0) >= 4) await locate(ctx, large);
      plans.forEach((p, i) => refuseHugeRange(names[i], p, (caps.excelApi ?? 0) >= 4));
      const shapeReads = { merges: (caps.excelApi ?? 0) >= 13, visibility: (caps.excelApi ?? 0) >= 9 };
      const { data, outside, shapes } = await readAreas(ctx, plans, chunk, isTooLarge, onProgress, shapeReads);
      return { names, data, outside, shapes, plans, sheets: all.items.map((w) => w.name) };
    });
    onProgress?.(1, 1);
    const grids: Grid[] = [];
    const findings: Finding[][] = [];
    requests.forEach((_, i) => {
      const name = read.names[i];
      const whole = withoutResultColumn(gridFrom(name, read.data[i]), this.record(name), RESULT_HEADERS);
      // Ranges read whole are cut to the list here, by the same rule the location used.
      const { grid, outside } = trimToList(whole);
      const far = [...read.outside[i], ...outside];
      const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
      const area = { top: grid.firstRow, left: grid.firstColumn, bottom: grid.firstRow + grid.rows.length - 1, right: grid.firstColumn + width - 1 };
      const shape = grid.rows.length ? shapeWithin(read.shapes[i], area) : null;
      grids.push(shape ? { ...grid, shape } : grid);
      findings.push(far.length ? [cellsOutsideList(far, areaText(area))] : []);
    });
    return { grids, sheets: read.sheets, findings };
  }

  async applyMarks(plan: MarkPlan): Promise<void> {
    const previous = this.record(plan.sheet);
    const caps = await this.capabilities();
    let ops: MarkOps | null = null;
    let written = false;
    try {
      await this.run(caps, "write", async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(plan.sheet);
        const rows = planResultRows(plan);
        const top = Math.min(...rows), bottom = Math.max(...rows);
        const col = columnLetter(plan.resultColumn);
        const span = ws.getRange(`${col}${top}:${col}${bottom}`);
        span.load("values,formulas");
        // The fills we are about to cover, so 清除标记 can put them back. Each read is a request of
        // its own; a typical list's all go out with the span above in one sync, a huge one in blocks.
        const reads = new RequestBatch(ctx, this.requestLimit(caps));
        const fillReads: { row: number; column: number; range: Excel.Range }[] = [];
        for (const c of fillsToRead(plan, previous)) {
          await reads.add(READ_OP_BYTES, () => {
            const r = ws.getRange(cellAddress(c.row, c.column));
            r.load("format/fill/color");
            fillReads.push({ ...c, range: r });
          });
        }
        // Notes (ExcelApi 1.18) only where the cell has none of the user's.
        const effective = caps.cellNotes ? plan : { ...plan, notes: [] };
        const noteReads: { row: number; column: number; note: Excel.Note }[] = [];
        for (const c of notesToCheck(effective, previous)) {
          await reads.add(READ_OP_BYTES, () => noteReads.push({ ...c, note: ws.notes.getItemOrNullObject(cellAddress(c.row, c.column)) }));
        }
        await reads.flush();

        const conflicts = resultConflicts(plan, previous, (row) => {
          const i = row - top;
          const formula = span.formulas[i]?.[0];
          return (span.values[i][0] !== "" && span.values[i][0] !== null) || (typeof formula === "string" && formula.startsWith("="));
        });
        if (conflicts.length) throw conflictError(conflicts);

        const current = new Map(fillReads.map((f) => [`${f.row},${f.column}`, f.range.format.fill.color]));
        const userNotes = new Set(noteReads.filter((n) => !n.note.isNullObject).map((n) => `${n.row},${n.column}`));
        ops = markOps(effective, previous, (r, c) => current.get(`${r},${c}`) ?? null, (r, c) => userNotes.has(`${r},${c}`));
        // Known before Excel reports our own writes as changes (see isOurColumn); persisted below,
        // or put back if the writes fail.
        this.env.Office.context.document.settings.set(markRecordKey(plan.sheet), ops.record);
        this.resultColumns.set(plan.sheet, plan.resultColumn);
        written = true;
        const batch = new RequestBatch(ctx, this.requestLimit(caps));
        await this.queueRestore(batch, ws, ops.restore);
        for (const c of ops.clearResults) {
          if (c.column !== plan.resultColumn || c.row < top || c.row > bottom) await batch.add(OP_BYTES, () => ws.getRange(cellAddress(c.row, c.column)).clear("Contents"));
        }
        for (const run of runs(ops.fill, (a, b) => a.level === b.level)) {
          await batch.add(OP_BYTES, () => (ws.getRange(runAddress(run)).format.fill.color = MARK_COLOURS[run[0].level]));
        }
        await this.queueNotes(batch, ws, ops);
        const text = new Map(ops.write.map((w) => [w.row, w.text]));
        const values = Array.from({ length: bottom - top + 1 }, (_, i) => [text.get(top + i) ?? ""]);
        // The result column goes out in blocks of at most half a request; a typical list is one block.
        let start = 0;
        while (start < values.length) {
          let end = start, size = OP_BYTES;
          while (end < values.length && (end === start || size + textBytes(String(values[end][0])) < BLOCK_BYTES / 2)) size += textBytes(String(values[end++][0]));
          const block = values.slice(start, end);
          const at = top + start;
          await batch.add(size, () => (ws.getRange(`${col}${at}:${col}${at + block.length - 1}`).values = block));
          start = end;
        }
        await batch.flush();
      });
    } catch (e) {
      if (written) this.env.Office.context.document.settings.set(markRecordKey(plan.sheet), previous ?? null);
      throw e;
    }
    await this.saveSetting(markRecordKey(plan.sheet), (ops as MarkOps | null)?.record ?? null);
  }

  async writeCells(sheet: string, cells: CellContent[]): Promise<CellContent[]> {
    if (cells.length === 0) return [];
    const caps = await this.capabilities();
    return this.run(caps, "write", async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const ranges = cells.map((c) => {
        const range = ws.getRange(cellAddress(c.row, c.column));
        range.load("values, formulas");
        return range;
      });
      await ctx.sync();
      const before = cells.map(({ row, column }, i): CellContent => {
        const v = ranges[i].values[0][0] as string | number | boolean;
        const f = ranges[i].formulas[0][0];
        const value = v === "" ? null : v;
        return typeof f === "string" && f.startsWith("=") ? { row, column, value, formula: f } : { row, column, value };
      });
      // Our own writes are no edit of the user's: the change handler skips these cells once each.
      const own = this.ownWrites.get(sheet) ?? new Map<string, number>();
      this.ownWrites.set(sheet, own);
      const batch = new RequestBatch(ctx, this.requestLimit(caps));
      for (const [i, c] of cells.entries()) {
        const address = cellAddress(c.row, c.column);
        own.set(address, (own.get(address) ?? 0) + 1);
        await batch.add(OP_BYTES + textBytes(String(c.formula ?? c.value ?? "")), () => {
          if (c.formula) ranges[i].formulas = [[c.formula]];
          else ranges[i].values = [[c.value ?? ""]];
        });
      }
      await batch.flush();
      return before;
    });
  }

  async clearMarks(sheet: string): Promise<void> {
    const previous = this.record(sheet);
    if (!previous) return;
    const caps = await this.capabilities();
    this.resultColumns.set(sheet, previous.resultColumn);
    await this.run(caps, "write", async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const ops = markOps(null, previous, () => null);
      const batch = new RequestBatch(ctx, this.requestLimit(caps));
      await this.queueRestore(batch, ws, ops.restore);
      await this.queueNotes(batch, ws, ops);
      for (const c of ops.clearResults) await batch.add(OP_BYTES, () => ws.getRange(cellAddress(c.row, c.column)).clear("Contents"));
      await batch.flush();
    });
    await this.removeSetting(markRecordKey(sheet));
  }

  async hasMarks(sheet: string): Promise<boolean> {
    return this.record(sheet) !== undefined;
  }

  async select(sheet: string, address: string): Promise<void> {
    const caps = await this.capabilities();
    await this.run(caps, "read", async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      const areas = parseAddress(address);
      if (areas.length > 1 && (caps.excelApi ?? 0) >= 9) ws.getRanges(areas.map(areaAddress).join(",")).select();
      else ws.getRange(areaAddress(areas[0])).select();
      await ctx.sync();
    });
  }

  async watchChanges(listener: (sheet: string) => void): Promise<() => void> {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async openXlsx(base64: string, target: ExportTarget): Promise<string[]> {
    const caps = await this.capabilities();
    if (target === "workbook") {
      if (!caps.createWorkbook) throw unsupported("新建工作簿（ExcelApi 1.8）", "new workbooks (ExcelApi 1.8)");
      await this.env.Excel.createWorkbook(base64);
      return [];
    }
    if (!caps.insertSheets) throw unsupported("插入工作表（ExcelApi 1.13）", "inserting sheets (ExcelApi 1.13)");
    return this.run(caps, "write", async (ctx) => {
      const ids = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
      await ctx.sync();
      const added = ids.value.map((id) => {
        const ws = ctx.workbook.worksheets.getItem(id);
        ws.load("name");
        return ws;
      });
      added[0]?.activate();
      await ctx.sync();
      return added.map((ws) => ws.name);
    });
  }

  async addSheet(name: string, rows: Cell[][], shape?: SheetShape): Promise<string> {
    const caps = await this.capabilities();
    return this.run(caps, "write", async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const unique = uniqueSheetName(name, sheets.items.map((w) => w.name));
      const ws = sheets.add(unique);
      const width = Math.max(0, ...rows.map((r) => r.length));
      const batch = new RequestBatch(ctx, this.requestLimit(caps));
      // Formats before values in each block, so a code written as text is never read as a number.
      const ROWS_PER_WRITE = 500;
      for (let top = 0; top < rows.length && width > 0; top += ROWS_PER_WRITE) {
        const block = rows.slice(top, top + ROWS_PER_WRITE).map((r) => Array.from({ length: width }, (_, c) => officeWrite(r[c])));
        const bytes = block.reduce((n, r) => n + r.reduce((m, w) => m + textBytes(String(w.value ?? "")) + textBytes(w.format), 0), OP_BYTES);
        const address = `A${top + 1}:${columnLetter(width)}${top + block.length}`;
        await batch.add(bytes, () => {
          const range = ws.getRange(address);
          range.numberFormat = block.map((r) => r.map((w) => w.format));
          range.values = block.map((r) => r.map((w) => w.value));
        });
      }
      // The file's shape, so the new sheet reads as the file did: merges, hidden rows and columns, and a
      // formula the file held no result for (Excel computes it; its value is what is checked).
      for (const m of shape?.merges ?? []) await batch.add(OP_BYTES, () => ws.getRange(areaText(m)).merge(false));
      for (const r of shape?.hiddenRows ?? []) await batch.add(OP_BYTES, () => (ws.getRange(`${r}:${r}`).rowHidden = true));
      for (const c of shape?.hiddenColumns ?? []) await batch.add(OP_BYTES, () => (ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).columnHidden = true));
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < rows[i].length; j++) {
          const cell = rows[i][j];
          if (!cell?.formula || writtenCell(cell).kind !== "empty") continue;
          const formula = cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
          await batch.add(OP_BYTES + textBytes(formula), () => (ws.getRange(`${columnLetter(j + 1)}${i + 1}`).formulas = [[formula]]));
        }
      }
      ws.activate();
      await batch.flush();
      return unique;
    });
  }

  async loadSetting<T>(key: string): Promise<T | undefined> {
    const v = this.env.Office.context.document.settings.get(key);
    return v === null || v === undefined ? undefined : (v as T);
  }

  async saveSetting<T>(key: string, value: T): Promise<void> {
    const settings = this.env.Office.context.document.settings;
    if (value === null || value === undefined) settings.remove(key);
    else settings.set(key, value);
    await this.persist();
  }

  // Mappings live in the document's settings beside the marks' record: no context.sync(), and
  // they travel with the workbook. saveAsync persists them with the file.
  async loadMapping(key: string): Promise<SavedMapping | undefined> {
    return findMapping(this.mappings(), key);
  }

  async saveMapping(mapping: SavedMapping): Promise<void> {
    await this.saveSetting(MAPPINGS_SETTING, withMapping(this.mappings(), mapping));
  }

  async forgetMapping(key: string): Promise<void> {
    const list = this.mappings();
    if (!findMapping(list, key)) return;
    const rest = withoutMapping(list, key);
    await this.saveSetting(MAPPINGS_SETTING, rest.length ? rest : null);
  }

  // ------------------------------------------------------------------ internals

  private mappings(): SavedMapping[] {
    return readMappings(this.env.Office.context.document.settings.get(MAPPINGS_SETTING));
  }

  /**
   * Queues onChanged handlers (ExcelApi 1.7) on the sheets being read, in the read's own batch.
   * Names are known only after the sync, so a sheet may get a second handler; only the first one
   * registered for a name reports. Returns the step to run after the sync.
   */
  private queueWatch(caps: Capabilities, targets: { sheet: Excel.Worksheet }[]): () => void {
    if (!caps.changeEvents || this.listeners.size === 0) return () => {};
    const added = targets.map((t) => {
      const id = ++this.handlerSeq;
      // The name is read once, after the sync that loads it: a proxy's properties are not to be
      // read from an event handler, which may run before or outside that batch.
      const known: { name: string | null } = { name: null };
      t.sheet.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        const name = known.name;
        if (name === null || this.watched.get(name) !== id) return;
        // ExcelApi 1.14 says which changes this add-in made; below that, our column tells.
        if (e.triggerSource === "ThisLocalAddin" || this.isOurColumn(name, e.address)) return;
        const own = this.ownWrites.get(name);
        const pending = own?.get(e.address) ?? 0;
        if (pending > 0) {
          if (pending === 1) own!.delete(e.address);
          else own!.set(e.address, pending - 1);
          return;
        }
        for (const l of this.listeners) l(name);
      });
      return { sheet: t.sheet, id, known };
    });
    return () => {
      for (const a of added) {
        a.known.name = a.sheet.name;
        if (!this.watched.has(a.known.name)) this.watched.set(a.known.name, a.id);
      }
    };
  }

  /** Cells per read: what fits Excel on the web's 5 MB there, four times that elsewhere. */
  private chunkCells(caps: Capabilities): number {
    return caps.host === PLATFORM_NAMES.OfficeOnline ? WEB_CHUNK_CELLS : DESKTOP_CHUNK_CELLS;
  }

  /** Excel on the web takes at most 5 MB a request: blocks of BLOCK_BYTES there, one request elsewhere. */
  private requestLimit(caps: Capabilities): number {
    return caps.host === PLATFORM_NAMES.OfficeOnline ? BLOCK_BYTES : Number.POSITIVE_INFINITY;
  }

  private async removeSetting(key: string): Promise<void> {
    this.env.Office.context.document.settings.remove(key);
    await this.persist();
  }

  private persist(): Promise<void> {
    const { Office } = this.env;
    return new Promise((resolve, reject) =>
      Office.context.document.settings.saveAsync((r: Office.AsyncResult<void>) =>
        r.status === Office.AsyncResultStatus.Failed ? reject(new Error(`设置未能保存到工作簿：${r.error?.message ?? ""}`)) : resolve(),
      ),
    );
  }

  private record(sheet: string): MarkRecord | undefined {
    const v = this.env.Office.context.document.settings.get(markRecordKey(sheet));
    return v ? (v as MarkRecord) : undefined;
  }

  /** Changes that only touch our result column are our own writes, not the user's edits. */
  private isOurColumn(sheet: string, address: string): boolean {
    const column = this.record(sheet)?.resultColumn ?? this.resultColumns.get(sheet);
    if (column === undefined || !address) return false;
    return parseAddress(address).every((a) => a.left === column && a.right === column);
  }

  /**
   * One Excel.run. Where the host has them: wait for the user to leave cell-edit mode instead of
   * failing (delayForCellEdit, ExcelApi 1.11), and make a check's writes one undo step
   * (mergeUndoGroup, ExcelApi 1.20). Excel's errors come back in plain Chinese (excelError).
   */
  private async run<T>(caps: Capabilities, kind: "read" | "write", batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions = {};
    if ((caps.excelApi ?? 0) >= 11) options.delayForCellEdit = true;
    if (kind === "write" && caps.mergeUndoGroup) options.mergeUndoGroup = true;
    try {
      return await (Object.keys(options).length ? this.env.Excel.run(options, batch) : this.env.Excel.run(batch));
    } catch (e) {
      throw excelError(e);
    }
  }

  /** The range a request reads and its worksheet, with the worksheet's name queued for loading. */
  private target(ctx: Excel.RequestContext, r: GridRequest): { range: Excel.Range; sheet: Excel.Worksheet } {
    if (r.scope === "selection") {
      const range = ctx.workbook.getSelectedRange();
      range.worksheet.load("name");
      return { range, sheet: range.worksheet };
    }
    const sheet = r.sheet === undefined ? ctx.workbook.worksheets.getActiveWorksheet() : ctx.workbook.worksheets.getItem(r.sheet);
    sheet.load("name");
    return { range: sheet.getUsedRange(true), sheet };
  }

  /** The sheet a request was read from; a selection on another sheet than the one asked for is refused. */
  private sheetName(ws: Excel.Worksheet, r: GridRequest): string {
    if (r.sheet !== undefined && ws.name !== r.sheet) {
      throw Object.assign(new Error(`选中的区域在工作表“${ws.name}”上，不在“${r.sheet}”上：请先切换到要检查的工作表再选择区域。`), {
        messageEn: `The selection is on sheet "${ws.name}", not "${r.sheet}".`,
      });
    }
    return ws.name;
  }

  private async queueNotes(batch: RequestBatch, ws: Excel.Worksheet, ops: MarkOps): Promise<void> {
    for (const n of ops.deleteNotes) await batch.add(OP_BYTES, () => ws.notes.getItem(cellAddress(n.row, n.column)).delete());
    for (const n of ops.updateNotes) await batch.add(OP_BYTES + textBytes(n.text), () => (ws.notes.getItem(cellAddress(n.row, n.column)).content = n.text));
    for (const n of ops.addNotes) await batch.add(OP_BYTES + textBytes(n.text), () => ws.notes.add(cellAddress(n.row, n.column), n.text));
  }

  private async queueRestore(batch: RequestBatch, ws: Excel.Worksheet, restore: FillRecord[]): Promise<void> {
    for (const run of runs(restore, (a, b) => a.original === b.original)) {
      await batch.add(OP_BYTES, () => {
        const range = ws.getRange(runAddress(run));
        if (run[0].original === null) range.format.fill.clear();
        else range.format.fill.color = run[0].original;
      });
    }
  }
}
