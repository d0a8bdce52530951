/**
 * An in-memory workbook behind the same port as Excel: sheets of cells with fills, a selection,
 * per-workbook settings. The preview page runs the real task pane against it, the tests run the
 * port contract against it. It keeps Excel's rules where the product depends on them: the used
 * range is the box around non-empty cells, writes never touch number formats, a merged title keeps
 * its value in the top-left cell.
 */
import { columnLetter, isBlankCell, writtenCell, type Cell, type CellArea, type Grid, type SheetShape } from "../domain/cells";
import { areaAddress, conflictError, MARK_COLOURS, markOps, markRecordKey, parseAddress, resultConflicts, RESULT_HEADERS, withoutResultColumn, type Area, type MarkRecord } from "./marks";
import type { SavedMapping } from "../domain/columns";
import { uniqueSheetName } from "../domain/export/plan";
import { areaText, inArea, listAreaOf, shownValue } from "../domain/list-area";
import { cellsOutsideList } from "../domain/read-faults";
import { LIMITS, READ_CHUNK_CELLS, tooManyCells } from "./limits";
import type { Finding } from "../domain/report";
import { findMapping, MAPPINGS_SETTING, readMappings, withMapping, withoutMapping } from "./mappings";
import { PROGRAMMES_SETTING } from "./programme-store";
import type { Capabilities, CellContent, ExportTarget, GridRequest, GridsRead, MarkPlan, ReadOptions, WorkbookPort } from "./port";

export interface SheetInit {
  name: string;
  /** Rows from `firstRow` (default 1), columns from `firstColumn` (default 1). */
  rows: Cell[][];
  firstRow?: number;
  firstColumn?: number;
  merges?: string[];
  columnWidths?: number[];
  /** Fills the user already has, by address: { "C4": "#FFFF00" }. */
  fills?: Record<string, string>;
  /** Notes (批注) the user already has, by cell address. */
  notes?: Record<string, string>;
  /** Rows hidden by hand or by a filter (1-based), columns hidden; filteredRows: those a filter hides. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  filteredRows?: number[];
}

export interface PreviewInit {
  sheets: SheetInit[];
  active?: string;
  /** Initial selection on the active sheet ("A1"). */
  selection?: string;
  settings?: Record<string, unknown>;
  capabilities?: Partial<Capabilities>;
}

/**
 * Where the preview keeps what a real workbook would keep in its file beyond one page load (the
 * confirmed column mappings): the page passes localStorage, tests a Map. Shaped like Storage.
 */
export interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PreviewOptions {
  /** Keeps the column mappings across page loads; without it they live as long as the host. */
  store?: TextStore;
}

export interface PreviewSheet {
  name: string;
  cells: Map<string, Cell>;
  fills: Map<string, string>;
  notes: Map<string, string>;
  merges: string[];
  columnWidths: number[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  filteredRows: Set<number>;
}

/** A plain copy of a sheet's state, for comparing before/after (tests, the preview). */
export interface SheetSnapshot {
  cells: Record<string, Cell>;
  fills: Record<string, string>;
  notes: Record<string, string>;
}

const k = (row: number, column: number) => `${row},${column}`;

/** Settings a real workbook keeps in its file that the preview keeps in its store across page loads (besides the mappings). */
const STORED_SETTINGS = new Set([PROGRAMMES_SETTING]);

/** Rows read between two turns of the page. */
const READ_PART_ROWS = 500;

export const PREVIEW_CAPABILITIES: Capabilities = {
  host: "预览",
  excelApi: null,
  cellNotes: true,
  conditionalFormats: false,
  dataValidation: false,
  changeEvents: true,
  createWorkbook: false,
  mergeUndoGroup: false,
  insertSheets: true,
};

export class PreviewHost implements WorkbookPort {
  private readonly sheets = new Map<string, PreviewSheet>();
  private active: string;
  private selection: { sheet: string; areas: Area[] };
  private readonly settings = new Map<string, string>();
  private readonly caps: Capabilities;
  private readonly watchers = new Set<(sheet: string) => void>();
  private readonly viewers = new Set<() => void>();
  private readonly store: TextStore | null;

  constructor(init: PreviewInit, options: PreviewOptions = {}) {
    this.store = options.store ?? null;
    if (init.sheets.length === 0) throw new Error("PreviewHost needs at least one sheet");
    for (const s of init.sheets) {
      const sheet: PreviewSheet = {
        ...emptySheet(s.name),
        merges: [...(s.merges ?? [])],
        columnWidths: [...(s.columnWidths ?? [])],
        hiddenRows: new Set(s.hiddenRows ?? []),
        hiddenColumns: new Set(s.hiddenColumns ?? []),
        filteredRows: new Set(s.filteredRows ?? []),
      };
      const r0 = s.firstRow ?? 1, c0 = s.firstColumn ?? 1;
      s.rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (!isBlankCell(cell)) sheet.cells.set(k(r0 + i, c0 + j), { ...cell });
          else if (cell.numberFormat && cell.numberFormat !== "General") sheet.cells.set(k(r0 + i, c0 + j), { kind: "empty", value: null, numberFormat: cell.numberFormat });
        }),
      );
      for (const [addr, colour] of Object.entries(s.fills ?? {})) {
        const [a] = parseAddress(addr);
        for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) sheet.fills.set(k(r, c), colour.toUpperCase());
      }
      for (const [addr, text] of Object.entries(s.notes ?? {})) {
        const [a] = parseAddress(addr);
        sheet.notes.set(k(a.top, a.left), text);
      }
      this.sheets.set(s.name, sheet);
    }
    this.active = init.active ?? init.sheets[0].name;
    this.selection = { sheet: this.active, areas: parseAddress(init.selection ?? "A1") };
    for (const [key, v] of Object.entries(init.settings ?? {})) this.settings.set(key, JSON.stringify(v));
    this.caps = { ...PREVIEW_CAPABILITIES, ...init.capabilities };
  }

  // ------------------------------------------------------------------ the port

  async capabilities(): Promise<Capabilities> {
    return { ...this.caps };
  }

  async listSheets(): Promise<string[]> {
    return [...this.sheets.keys()];
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  async readGrid(sheetName: string, options: ReadOptions = {}): Promise<Grid> {
    options.onProgress?.(0, 1);
    const { grid } = await this.read(sheetName, options.scope);
    options.onProgress?.(1, 1);
    return grid;
  }

  async readGrids(requests: GridRequest[], onProgress?: (done: number, total: number) => void): Promise<GridsRead> {
    const read: { grid: Grid; findings: Finding[] }[] = [];
    for (const r of requests) read.push(await this.read(r.sheet ?? this.active, r.scope));
    onProgress?.(1, 1);
    return { grids: read.map((r) => r.grid), sheets: [...this.sheets.keys()], findings: read.map((r) => r.findings) };
  }

  /** The used range (or selection) as Excel reads it, cut to the list when far cells lie in it (domain/list-area). */
  private async read(sheetName: string, scope: ReadOptions["scope"]): Promise<{ grid: Grid; findings: Finding[] }> {
    const sheet = this.sheet(sheetName);
    // One walk over the cells: the used range and every filled position (listAreaOf walks these
    // several times), each key parsed once.
    let all: [number, number][] = [];
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [key, cell] of sheet.cells) {
      if (isBlankCell(cell)) continue;
      const comma = key.indexOf(",");
      const r = Number(key.slice(0, comma));
      const c = Number(key.slice(comma + 1));
      all.push([r, c]);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    let area = scope === "selection" ? this.selectedArea(sheetName) : bottom === 0 ? null : { top, left, bottom, right };
    if (!area) return { grid: { sheetName, firstRow: 1, firstColumn: 1, rows: [] }, findings: [] };
    const within = area;
    const filled = scope === "selection" ? all.filter(([r, c]) => inArea(within, r, c)) : all;
    all = [];
    const positions = () => filled;
    // As Excel hands a long list over in parts, the page gets its turn between the steps of a read.
    await pause();
    const list = listAreaOf(positions);
    await pause();
    const findings: Finding[] = [];
    if (list) {
      const outside = [...positions()].filter(([r, c]) => !inArea(list, r, c));
      // As the Office.js adapter: a range larger than one read (a whole-column selection) is read as its list.
      if (outside.length > 0 || (area.bottom - area.top + 1) * (area.right - area.left + 1) > READ_CHUNK_CELLS) area = list;
      if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > LIMITS.cells) {
        throw tooManyCells((area.bottom - area.top + 1) * (area.right - area.left + 1), LIMITS.cells, `工作表“${sheetName}”的名单区域 ${areaText(area)} `, `the list area ${areaText(area)} of sheet “${sheetName}”`);
      }
      if (outside.length > 0) {
        findings.push(cellsOutsideList(outside.map(([r, c]) => ({ address: `${columnLetter(c)}${r}`, value: shownValue(sheet.cells.get(k(r, c))!) })), areaText(list)));
      }
    }
    const rows: Cell[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      // As Excel hands a long list over in parts, the page gets its turn between them.
      if ((r - area.top) % READ_PART_ROWS === READ_PART_ROWS - 1) await pause();
      const row: Cell[] = [];
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.cells.get(k(r, c));
        // Excel reports a number format for every cell.
        row.push(cell ? { ...cell, numberFormat: cell.numberFormat ?? "General" } : { kind: "empty", value: null, numberFormat: "General" });
      }
      rows.push(row);
    }
    const grid: Grid = { sheetName, firstRow: area.top, firstColumn: area.left, rows };
    const shape = shapeWithin(sheet, area);
    if (shape) grid.shape = shape;
    return { grid: withoutResultColumn(grid, this.record(sheetName), RESULT_HEADERS), findings };
  }

  async applyMarks(plan: MarkPlan): Promise<void> {
    const sheet = this.sheet(plan.sheet);
    const previous = this.record(plan.sheet);
    const conflicts = resultConflicts(plan, previous, (r, c) => !isBlankCell(sheet.cells.get(k(r, c))));
    if (conflicts.length) throw conflictError(conflicts);
    const effective = this.caps.cellNotes ? plan : { ...plan, notes: [] };
    const ops = markOps(effective, previous, (r, c) => sheet.fills.get(k(r, c)) ?? null, (r, c) => sheet.notes.has(k(r, c)));
    this.write(sheet, ops);
    this.settings.set(markRecordKey(plan.sheet), JSON.stringify(ops.record));
    this.notifyViewers();
  }

  async writeCells(sheetName: string, cells: CellContent[]): Promise<CellContent[]> {
    const sheet = this.sheet(sheetName);
    const before = cells.map(({ row, column }): CellContent => {
      const had = sheet.cells.get(k(row, column));
      const value = had && had.kind !== "empty" ? had.value : null;
      return had?.formula ? { row, column, value, formula: had.formula } : { row, column, value };
    });
    for (const c of cells) {
      const had = sheet.cells.get(k(c.row, c.column));
      const nf = had?.numberFormat;
      const keepFormat = nf ? { numberFormat: nf } : {};
      if (c.value === null && !c.formula) {
        if (nf && nf !== "General") sheet.cells.set(k(c.row, c.column), { kind: "empty", value: null, numberFormat: nf });
        else sheet.cells.delete(k(c.row, c.column));
        continue;
      }
      const kind = typeof c.value === "number" ? "number" : typeof c.value === "boolean" ? "boolean" : c.value === null ? "empty" : "text";
      // A date cell keeps reading as a date: its serial number and format stay together.
      const asDate = had?.kind === "date" && typeof c.value === "number";
      sheet.cells.set(k(c.row, c.column), { kind: asDate ? "date" : kind, value: c.value, ...(c.formula ? { formula: c.formula } : {}), ...keepFormat });
    }
    this.notifyViewers();
    return before;
  }

  async clearMarks(sheetName: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    const previous = this.record(sheetName);
    if (!previous) return;
    this.write(sheet, markOps(null, previous, () => null));
    this.settings.delete(markRecordKey(sheetName));
    this.notifyViewers();
  }

  async hasMarks(sheetName: string): Promise<boolean> {
    return this.record(sheetName) !== undefined;
  }

  async select(sheetName: string, address: string): Promise<void> {
    this.sheet(sheetName);
    this.active = sheetName;
    this.selection = { sheet: sheetName, areas: parseAddress(address) };
    this.notifyViewers();
  }

  async watchChanges(listener: (sheet: string) => void): Promise<() => void> {
    this.watchers.add(listener);
    return () => {
      this.watchers.delete(listener);
    };
  }

  /** A new sheet holds the export's values (read back with exceljs); the preview has no second workbook. */
  async openXlsx(base64: string, target: ExportTarget): Promise<string[]> {
    if (target === "workbook" || !this.caps.insertSheets) {
      throw Object.assign(new Error("预览中不能新建工作簿，请改用“下载”。"), { messageEn: "The preview cannot open a new workbook; download it instead." });
    }
    const { readXlsx } = await import("./xlsx-adapter");
    const book = await readXlsx(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)));
    const added: string[] = [];
    for (const name of book.sheetNames) {
      const { grid, merges } = book.sheet(name);
      const unique = uniqueSheetName(name, this.sheets.keys());
      const sheet: PreviewSheet = { ...emptySheet(unique), merges };
      grid.rows.forEach((row, i) => row.forEach((cell, j) => !isBlankCell(cell) && sheet.cells.set(k(grid.firstRow + i, grid.firstColumn + j), { ...cell })));
      this.sheets.set(unique, sheet);
      added.push(unique);
    }
    if (added.length) {
      this.active = added[0];
      this.selection = { sheet: added[0], areas: parseAddress("A1") };
    }
    this.notifyViewers();
    return added;
  }

  async addSheet(name: string, rows: Cell[][], shape?: SheetShape): Promise<string> {
    const unique = uniqueSheetName(name, this.sheets.keys());
    const sheet: PreviewSheet = {
      ...emptySheet(unique),
      merges: (shape?.merges ?? []).map(areaAddress),
      hiddenRows: new Set(shape?.hiddenRows ?? []),
      hiddenColumns: new Set(shape?.hiddenColumns ?? []),
      filteredRows: new Set(shape?.filteredRows ?? []),
    };
    rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (isBlankCell(cell)) return;
        // As Excel keeps what the Office.js adapter writes: a formula without a result stays a formula, for Excel to compute.
        const w = writtenCell(cell);
        if (w.kind === "empty" && cell.formula) sheet.cells.set(k(1 + i, 1 + j), { kind: "empty", value: null, formula: cell.formula, numberFormat: "General" });
        else if (w.kind !== "empty") sheet.cells.set(k(1 + i, 1 + j), { kind: w.kind, value: w.value, numberFormat: w.numberFormat });
      }),
    );
    this.sheets.set(unique, sheet);
    this.active = unique;
    this.selection = { sheet: unique, areas: parseAddress("A1") };
    this.notifyViewers();
    return unique;
  }

  async loadSetting<T>(key: string): Promise<T | undefined> {
    const v = this.store && STORED_SETTINGS.has(key) ? this.store.getItem(key) : this.settings.get(key);
    if (v === undefined || v === null) return undefined;
    try {
      return JSON.parse(v) as T;
    } catch {
      // Edited by hand in the browser's storage: as good as nothing saved.
      return undefined;
    }
  }

  async saveSetting<T>(key: string, value: T): Promise<void> {
    const gone = value === null || value === undefined;
    if (this.store && STORED_SETTINGS.has(key)) {
      if (gone) this.store.removeItem(key);
      else this.store.setItem(key, JSON.stringify(value));
    } else if (gone) this.settings.delete(key);
    else this.settings.set(key, JSON.stringify(value));
  }

  async loadMapping(key: string): Promise<SavedMapping | undefined> {
    return findMapping(this.mappings(), key);
  }

  async saveMapping(mapping: SavedMapping): Promise<void> {
    this.keepMappings(withMapping(this.mappings(), mapping));
  }

  async forgetMapping(key: string): Promise<void> {
    const list = this.mappings();
    if (findMapping(list, key)) this.keepMappings(withoutMapping(list, key));
  }

  // ------------------------------------------------------------------ beyond the port: the preview page and tests

  /** The user types into a cell (preview editing, tests of staleness). */
  editCell(sheetName: string, address: string, value: Cell): void {
    const sheet = this.sheet(sheetName);
    const [a] = parseAddress(address);
    if (isBlankCell(value)) sheet.cells.delete(k(a.top, a.left));
    else sheet.cells.set(k(a.top, a.left), { ...value });
    if (this.caps.changeEvents) for (const l of this.watchers) l(sheetName);
    this.notifyViewers();
  }

  /** Calls `viewer` after every change to cells, fills, selection or the active sheet. */
  subscribe(viewer: () => void): () => void {
    this.viewers.add(viewer);
    return () => this.viewers.delete(viewer);
  }

  view(sheetName: string): Readonly<PreviewSheet> {
    return this.sheet(sheetName);
  }

  selected(): { sheet: string; areas: Area[]; address: string } {
    return { ...this.selection, areas: [...this.selection.areas], address: this.selection.areas.map(areaAddress).join(",") };
  }

  snapshot(sheetName: string): SheetSnapshot {
    const sheet = this.sheet(sheetName);
    const cells: Record<string, Cell> = {};
    const fills: Record<string, string> = {};
    const notes: Record<string, string> = {};
    for (const [key, c] of [...sheet.cells.entries()].sort()) cells[addressOf(key)] = { ...c };
    for (const [key, f] of [...sheet.fills.entries()].sort()) fills[addressOf(key)] = f;
    for (const [key, n] of [...sheet.notes.entries()].sort()) notes[addressOf(key)] = n;
    return { cells, fills, notes };
  }

  /** The box the sheet's content and fills occupy, for drawing it. */
  extent(sheetName: string): { rows: number; columns: number } {
    const sheet = this.sheet(sheetName);
    let rows = 0, columns = sheet.columnWidths.length;
    for (const key of [...sheet.cells.keys(), ...sheet.fills.keys()]) {
      const [r, c] = key.split(",").map(Number);
      rows = Math.max(rows, r);
      columns = Math.max(columns, c);
    }
    for (const m of sheet.merges) for (const a of parseAddress(m)) {
      rows = Math.max(rows, a.bottom);
      columns = Math.max(columns, a.right);
    }
    return { rows, columns };
  }

  // ------------------------------------------------------------------ internals

  private sheet(name: string): PreviewSheet {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`工作簿中没有名为“${name}”的工作表。`);
    return s;
  }

  private record(sheetName: string): MarkRecord | undefined {
    const v = this.settings.get(markRecordKey(sheetName));
    return v === undefined ? undefined : (JSON.parse(v) as MarkRecord);
  }

  private mappings(): SavedMapping[] {
    const raw = this.store ? this.store.getItem(MAPPINGS_SETTING) : (this.settings.get(MAPPINGS_SETTING) ?? null);
    if (raw === null) return [];
    try {
      return readMappings(JSON.parse(raw));
    } catch {
      // Not JSON (edited by hand in the browser's storage): as good as nothing saved.
      return [];
    }
  }

  private keepMappings(list: SavedMapping[]): void {
    const text = JSON.stringify(list);
    if (this.store) {
      if (list.length) this.store.setItem(MAPPINGS_SETTING, text);
      else this.store.removeItem(MAPPINGS_SETTING);
    } else if (list.length) this.settings.set(MAPPINGS_SETTING, text);
    else this.settings.delete(MAPPINGS_SETTING);
  }

  private selectedArea(sheetName: string): Area | null {
    if (this.selection.sheet !== sheetName) {
      throw Object.assign(new Error(`选中的区域在工作表“${this.selection.sheet}”上，不在“${sheetName}”上：请先切换到要检查的工作表再选择区域。`), {
        messageEn: `The selection is on sheet "${this.selection.sheet}", not "${sheetName}".`,
      });
    }
    return this.selection.areas[0] ?? null;
  }

  private write(sheet: PreviewSheet, ops: ReturnType<typeof markOps>): void {
    for (const f of ops.restore) {
      if (f.original === null) sheet.fills.delete(k(f.row, f.column));
      else sheet.fills.set(k(f.row, f.column), f.original);
    }
    for (const c of ops.clearResults) this.setValueKeepingFormat(sheet, c.row, c.column, null);
    for (const f of ops.fill) sheet.fills.set(k(f.row, f.column), MARK_COLOURS[f.level]);
    for (const w of ops.write) this.setValueKeepingFormat(sheet, w.row, w.column, w.text);
    for (const n of ops.deleteNotes) sheet.notes.delete(k(n.row, n.column));
    for (const n of [...ops.addNotes, ...ops.updateNotes]) sheet.notes.set(k(n.row, n.column), n.text);
  }

  /** Like assigning Range.values: the number format stays. */
  private setValueKeepingFormat(sheet: PreviewSheet, row: number, column: number, text: string | null): void {
    const had = sheet.cells.get(k(row, column));
    const nf = had?.numberFormat;
    if (text === null || text === "") {
      if (nf && nf !== "General") sheet.cells.set(k(row, column), { kind: "empty", value: null, numberFormat: nf });
      else sheet.cells.delete(k(row, column));
    } else {
      sheet.cells.set(k(row, column), nf ? { kind: "text", value: text, numberFormat: nf } : { kind: "text", value: text });
    }
  }

  private notifyViewers(): void {
    for (const v of this.viewers) v();
  }
}

function emptySheet(name: string): PreviewSheet {
  return { name, cells: new Map(), fills: new Map(), notes: new Map(), merges: [], columnWidths: [], hiddenRows: new Set(), hiddenColumns: new Set(), filteredRows: new Set() };
}

/** The sheet's merges, hidden and filtered rows and hidden columns where they touch `area`, as Excel would report them. */
function shapeWithin(sheet: PreviewSheet, area: Area): SheetShape | null {
  const shape: SheetShape = {};
  const merges: CellArea[] = sheet.merges.flatMap((m) => parseAddress(m)).filter((m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left);
  if (merges.length) shape.merges = merges;
  const rows = [...sheet.hiddenRows].filter((r) => r >= area.top && r <= area.bottom).sort((a, b) => a - b);
  if (rows.length) shape.hiddenRows = rows;
  const filtered = rows.filter((r) => sheet.filteredRows.has(r));
  if (filtered.length) shape.filteredRows = filtered;
  const columns = [...sheet.hiddenColumns].filter((c) => c >= area.left && c <= area.right).sort((a, b) => a - b);
  if (columns.length) shape.hiddenColumns = columns;
  return Object.keys(shape).length ? shape : null;
}

function addressOf(key: string): string {
  const [r, c] = key.split(",").map(Number);
  return `${columnLetter(c)}${r}`;
}

/** Lets the page paint and handle input before the next step of a long read. */
function pause(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}
