/**
 * office-addin-mock, extended so that it behaves like Excel where the adapter depends on it:
 * - API objects are OfficeMockObjects: reading a property before load() + context.sync() gives the
 *   mock's "not loaded" error value, as in Office.js;
 * - loads are answered at sync time from a workbook store, after the writes queued before them;
 * - writes (range.values = …, format.fill.color = …, fill.clear(), clear("Contents"), select()) are
 *   queued and applied at context.sync(), in order;
 * - every context.sync() is counted, with the bytes of its request and answer; with a payload limit
 *   (Excel on the web: 5 MB) a larger answer fails with ResponsePayloadSizeLimitExceeded;
 * - APIs above the configured ExcelApi version are missing; onChanged handlers fire (asynchronously)
 *   for the add-in's own value writes too, as Excel's do;
 * - the sheet's shape: merged areas (Range.getMergedAreasOrNullObject, 1.13: only those whose top-left
 *   cell is in the range, office-js issue 3611; the sync fails past 512), hidden rows and columns
 *   (getSpecialCellsOrNullObject("Visible"), 1.9: visible row runs × column runs; of one cell, the
 *   used range's, as SpecialCells does), the AutoFilter (1.9), merge(), rowHidden and columnHidden.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetter, isBlankCell, type Cell } from "../../src/domain/cells";
import { parseAddress, type Area } from "../../src/workbook/marks";
import type { PreviewInit, SheetInit, SheetSnapshot } from "../../src/workbook/preview-host";
import { readXlsx } from "../../src/workbook/xlsx-adapter";

export interface ExcelMockOptions {
  /** Highest ExcelApi minor version supported (2 = ExcelApi 1.2). Default 20. */
  excelApi?: number;
  platform?: "PC" | "OfficeOnline" | "Mac";
  /** Answer size limit per sync in bytes (Excel on the web: 5 MB); none by default, as on desktop. */
  payloadLimit?: number;
  displayLanguage?: string;
}

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** A sheet as the mock takes it: the preview's, plus the AutoFilter's range ("A2:L9"), which Excel knows and the preview does not. */
export type MockSheetInit = SheetInit & { autoFilter?: string };
export type MockInit = Omit<PreviewInit, "sheets"> & { sheets: MockSheetInit[] };

/** Excel's limit for getMergedAreasOrNullObject (its reference: "more than 512 … will fail"). */
export const MERGED_AREAS_LIMIT = 512;

/** What one load() adds to a request: the object path (getRange(…), format, fill) and the query action. */
const LOAD_REQUEST_BYTES = 300;

/** How much later than its sync an add-in write's onChanged event arrives (see fire). */
export const ADDIN_EVENT_DELAY_MS = 10;

interface MockSheet {
  name: string;
  cells: Map<string, Cell>;
  fills: Map<string, string>;
  notes: Map<string, string>;
  handlers: Set<(e: unknown) => Promise<void>>;
  merges: Area[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  autoFilter: Area | null;
}

function emptySheet(name: string): MockSheet {
  return { name, cells: new Map(), fills: new Map(), notes: new Map(), handlers: new Set(), merges: [], hiddenRows: new Set(), hiddenColumns: new Set(), autoFilter: null };
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

const key = (r: number, c: number) => `${r},${c}`;
/** Where a mock range is, for Workbook.functions (not part of Office.js). */
const AREA = Symbol("area");
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

function mockError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/** office-addin-mock answers an unloaded property with one of these strings; Excel throws instead, and so does this mock. */
const NOT_LOADED = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);

function loaded<T>(value: T, property: PropertyKey): T {
  if (typeof value === "string" && NOT_LOADED.has(value)) {
    throw mockError("PropertyNotLoaded", `The property '${String(property)}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
  return value;
}

export class ExcelMock {
  readonly sheets = new Map<string, MockSheet>();
  active: string;
  selection: { sheet: string; areas: Area[] };
  readonly settings = new Map<string, string>();
  readonly options: Required<Omit<ExcelMockOptions, "payloadLimit">> & { payloadLimit: number | null };
  /** Every context.sync(), in order. */
  readonly syncLog: SyncRecord[] = [];
  /** Options passed to each Excel.run. */
  readonly runOptions: unknown[] = [];
  /**
   * The user is typing in a cell: as in Excel, a sync fails with InvalidOperationInCellEditMode
   * unless the run asked for delayForCellEdit (then Excel waits; the mock just goes ahead).
   */
  cellEditMode = false;
  /** The base64 .xlsx of every Excel.createWorkbook call. */
  readonly createdWorkbooks: string[] = [];
  readonly Excel: typeof Excel;
  readonly Office: typeof Office;

  constructor(init: MockInit, options: ExcelMockOptions = {}) {
    this.options = {
      excelApi: options.excelApi ?? 20,
      platform: options.platform ?? "PC",
      payloadLimit: options.payloadLimit ?? null,
      displayLanguage: options.displayLanguage ?? "zh-CN",
    };
    for (const s of init.sheets) {
      const sheet = emptySheet(s.name);
      sheet.merges = (s.merges ?? []).flatMap((m) => parseAddress(m));
      sheet.hiddenRows = new Set(s.hiddenRows ?? []);
      sheet.hiddenColumns = new Set(s.hiddenColumns ?? []);
      sheet.autoFilter = s.autoFilter ? parseAddress(s.autoFilter)[0] : null;
      const r0 = s.firstRow ?? 1, c0 = s.firstColumn ?? 1;
      s.rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (!isBlankCell(cell) || (cell.numberFormat && cell.numberFormat !== "General")) sheet.cells.set(key(r0 + i, c0 + j), { ...cell });
        }),
      );
      for (const [addr, text] of Object.entries(s.notes ?? {})) {
        const [a] = parseAddress(addr);
        sheet.notes.set(key(a.top, a.left), text);
      }
      for (const [addr, colour] of Object.entries(s.fills ?? {})) this.eachCell(parseAddress(addr)[0], (r, c) => sheet.fills.set(key(r, c), colour.toUpperCase()));
      this.sheets.set(s.name, sheet);
    }
    this.active = init.active ?? init.sheets[0].name;
    this.selection = { sheet: this.active, areas: parseAddress(init.selection ?? "A1") };
    for (const [k, v] of Object.entries(init.settings ?? {})) this.settings.set(k, JSON.stringify(v));
    this.Excel = {
      run: (a: unknown, b?: unknown) => this.run(a, b),
      createWorkbook: async (base64?: string) => {
        if (this.options.excelApi < 8) throw new TypeError("Excel.createWorkbook is not a function (needs ExcelApi 1.8)");
        this.createdWorkbooks.push(base64 ?? "");
      },
    } as unknown as typeof Excel;
    this.Office = this.officeNamespace();
  }

  get syncs(): number {
    return this.syncLog.length;
  }

  // ------------------------------------------------------------------ looking behind the adapter's back

  snapshot(sheetName: string): SheetSnapshot {
    const sheet = this.sheet(sheetName);
    const cells: Record<string, Cell> = {};
    const fills: Record<string, string> = {};
    const notes: Record<string, string> = {};
    for (const [k, c] of [...sheet.cells.entries()].sort()) cells[addressOf(k)] = { ...c };
    for (const [k, f] of [...sheet.fills.entries()].sort()) fills[addressOf(k)] = f;
    for (const [k, n] of [...sheet.notes.entries()].sort()) notes[addressOf(k)] = n;
    return { cells, fills, notes };
  }

  userEdit(sheetName: string, address: string, value: Cell): void {
    const sheet = this.sheet(sheetName);
    const [a] = parseAddress(address);
    if (isBlankCell(value)) sheet.cells.delete(key(a.top, a.left));
    else sheet.cells.set(key(a.top, a.left), { ...value });
    this.fire(sheet, address, false);
  }

  // ------------------------------------------------------------------ Office namespace

  private officeNamespace(): typeof Office {
    const settings = this.settings;
    const api = this.options.excelApi;
    return {
      context: {
        platform: this.options.platform,
        displayLanguage: this.options.displayLanguage,
        requirements: {
          isSetSupported: (name: string, version?: string) => {
            if (name !== "ExcelApi") return false;
            const minor = Number((version ?? "1.1").split(".")[1] ?? 0);
            return minor <= api;
          },
        },
        document: {
          settings: {
            get: (k: string) => (settings.has(k) ? JSON.parse(settings.get(k)!) : null),
            set: (k: string, v: unknown) => void settings.set(k, JSON.stringify(v)),
            remove: (k: string) => void settings.delete(k),
            saveAsync: (cb?: (r: { status: string }) => void) => void setTimeout(() => cb?.({ status: "succeeded" }), 0),
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
      HostType: { Excel: "Excel" },
    } as unknown as typeof Office;
  }

  // ------------------------------------------------------------------ Excel.run and the request context

  private async run(a: unknown, b?: unknown): Promise<unknown> {
    const batch = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
    const options = typeof a === "function" ? undefined : (a as { delayForCellEdit?: boolean });
    this.runOptions.push(options);
    const ctx = new RequestContext(this, Boolean(options?.delayForCellEdit));
    return batch(ctx.api);
  }

  sheet(name: string): MockSheet {
    const s = this.sheets.get(name);
    if (!s) throw mockError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}`);
    return s;
  }

  eachCell(a: Area, f: (r: number, c: number) => void): void {
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(r, c);
  }

  usedArea(sheet: MockSheet): Area {
    // An empty sheet's used range is A1, as in Excel.
    return this.usedWithin(sheet) ?? { top: 1, left: 1, bottom: 1, right: 1 };
  }

  /** The box around the cells with a value (within `within`), or null when there are none. */
  usedWithin(sheet: MockSheet, within?: Area): Area | null {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [r, c] of this.positions(sheet)) {
      if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right)) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  private positionsCache: { sheet: MockSheet; at: number; list: [number, number][] } | null = null;

  /** The non-blank cells' positions; kept while one sync's answers are made (no write comes between). */
  positionsOf(sheet: MockSheet): [number, number][] {
    return this.positions(sheet);
  }

  private positions(sheet: MockSheet): [number, number][] {
    const c = this.positionsCache;
    if (c && c.sheet === sheet && c.at === this.syncLog.length && this.answering) return c.list;
    const list: [number, number][] = [];
    for (const [k, cell] of sheet.cells) if (!isBlankCell(cell)) list.push(k.split(",").map(Number) as [number, number]);
    this.positionsCache = { sheet, at: this.syncLog.length, list };
    return list;
  }

  /** True while a sync's answers are being made. */
  answering = false;

  /**
   * Range properties as Excel answers them. The cell matrices are built only when one of them is
   * loaded, as Excel does: loading a huge range's address and size costs nothing.
   */
  rangeData(sheet: MockSheet, a: Area): Record<string, unknown> {
    let cells: Record<string, unknown> | null = null;
    const matrix = (name: string) => (cells ??= this.rangeCells(sheet, a))[name];
    const tl = `${columnLetter(a.left)}${a.top}`;
    const address = `${sheet.name}!${a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom}`}`;
    return {
      address,
      rowIndex: a.top - 1,
      columnIndex: a.left - 1,
      rowCount: a.bottom - a.top + 1,
      columnCount: a.right - a.left + 1,
      get values() { return matrix("values"); },
      get valueTypes() { return matrix("valueTypes"); },
      get numberFormat() { return matrix("numberFormat"); },
      get formulas() { return matrix("formulas"); },
      get "format/fill/color"() { return matrix("format/fill/color"); },
      // Excel: true when every row (column) is hidden, false when none is, null when some are.
      get rowHidden() { return allSome(a.top, a.bottom, (r) => sheet.hiddenRows.has(r)); },
      get columnHidden() { return allSome(a.left, a.right, (c) => sheet.hiddenColumns.has(c)); },
    };
  }

  private rangeCells(sheet: MockSheet, a: Area): Record<string, unknown> {
    const values: unknown[][] = [], valueTypes: string[][] = [], numberFormat: string[][] = [], formulas: unknown[][] = [];
    const colours = new Set<string>();
    for (let r = a.top; r <= a.bottom; r++) {
      const v: unknown[] = [], t: string[] = [], nf: string[] = [], f: unknown[] = [];
      for (let c = a.left; c <= a.right; c++) {
        const cell = sheet.cells.get(key(r, c));
        const kind = cell?.kind ?? "empty";
        const value = kind === "empty" ? "" : cell!.value;
        v.push(value);
        t.push({ empty: "Empty", text: "String", number: "Double", date: "Double", boolean: "Boolean", error: "Error" }[kind]);
        nf.push(cell?.numberFormat ?? "General");
        f.push(cell?.formula ?? value);
        colours.add(sheet.fills.get(key(r, c)) ?? "#FFFFFF");
      }
      values.push(v);
      valueTypes.push(t);
      numberFormat.push(nf);
      formulas.push(f);
    }
    return { values, valueTypes, numberFormat, formulas, "format/fill/color": colours.size === 1 ? [...colours][0] : null };
  }

  /** Range.values = … as Excel does it: number formats stay, "" empties, numeric text in General becomes a number. */
  writeValues(sheet: MockSheet, a: Area, values: unknown[][]): void {
    const rows = a.bottom - a.top + 1, cols = a.right - a.left + 1;
    if (values.length !== rows || values.some((r) => r.length !== cols)) throw mockError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const k = key(a.top + i, a.left + j);
        const nf = sheet.cells.get(k)?.numberFormat;
        const keep = nf ? { numberFormat: nf } : {};
        if (v === "" || v === null) {
          if (nf && nf !== "General") sheet.cells.set(k, { kind: "empty", value: null, numberFormat: nf });
          else sheet.cells.delete(k);
        } else if (typeof v === "string" && v.startsWith("=")) {
          sheet.cells.set(k, { kind: "text", value: "", formula: v, ...keep });
        } else if (typeof v === "string" && (!nf || nf === "General") && /^-?\d+(\.\d+)?$/.test(v)) {
          sheet.cells.set(k, { kind: "number", value: Number(v), ...keep });
        } else if (typeof v === "string") {
          sheet.cells.set(k, { kind: "text", value: v, ...keep });
        } else if (typeof v === "number") {
          sheet.cells.set(k, { kind: "number", value: v, ...keep });
        } else if (typeof v === "boolean") {
          sheet.cells.set(k, { kind: "boolean", value: v, ...keep });
        }
      }),
    );
  }

  /** Excel's onChanged: after the change, for the add-in's own writes too; triggerSource only from ExcelApi 1.14. */
  fire(sheet: MockSheet, address: string, byAddin = true): void {
    const trigger = this.options.excelApi >= 14 ? { triggerSource: byAddin ? "ThisLocalAddin" : "Unknown" } : {};
    // Excel reports the add-in's own writes a round trip later, after the add-in has moved on.
    const later = byAddin ? ADDIN_EVENT_DELAY_MS : 0;
    for (const h of sheet.handlers) {
      setTimeout(() => void h({ address, source: "Local", changeType: "RangeEdited", type: "WorksheetChanged", worksheetId: sheet.name, ...trigger }), later);
    }
  }
}

function allSome(from: number, to: number, test: (i: number) => boolean): boolean | null {
  let yes = 0;
  for (let i = from; i <= to; i++) if (test(i)) yes++;
  return yes === 0 ? false : yes === to - from + 1 ? true : null;
}

/** Runs of consecutive numbers in [from, to] that pass `keep`. */
function runsOf(from: number, to: number, keep: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = from; i <= to; i++) {
    if (!keep(i)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** A RangeAreas address as Excel writes one: each block with its sheet, quoted where the name needs it. */
function areasAddress(sheet: string, areas: Area[]): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return areas.map((a) => `${name}!${rangeText(a)}`).join(", ");
}

function addressOf(k: string): string {
  const [r, c] = k.split(",").map(Number);
  return `${columnLetter(c)}${r}`;
}

interface Tracked {
  target: OfficeMockObject;
  loads: Set<string>;
  /** Property values at sync time, keyed by load path ("values", "format/fill/color", "name", "items"). */
  answer: () => Record<string, unknown>;
}

/** One Excel.run's RequestContext: a queue of writes and a list of objects with pending loads. */
class RequestContext {
  readonly api: { workbook: unknown; sync: () => Promise<void>; trackedObjects: { add(): void; remove(): void } };
  private queue: { bytes: number; apply: () => void | Promise<void> }[] = [];
  /** Answers that are not properties of a mock object (isNullObject). */
  afterSync: (() => void)[] = [];
  private tracked: Tracked[] = [];

  constructor(
    private readonly book: ExcelMock,
    private readonly waitsForCellEdit = false,
  ) {
    this.api = {
      workbook: this.workbook(),
      sync: () => this.sync(),
      trackedObjects: { add() {}, remove() {} },
    };
  }

  private requires(minor: number, what: string): void {
    if (this.book.options.excelApi < minor) throw new TypeError(`${what} is not a function (needs ExcelApi 1.${minor})`);
  }

  private enqueue(bytes: number, apply: () => void | Promise<void>): void {
    this.queue.push({ bytes: bytes + 64, apply });
  }

  /** Wraps a mock so load() is recorded and property writes are queued instead of applied. */
  private wrap(target: OfficeMockObject, answer: () => Record<string, unknown>, setters: Record<string, (v: unknown) => void> = {}, children: Record<string, unknown> = {}): any {
    const tracked: Tracked = { target, loads: new Set(), answer };
    this.tracked.push(tracked);
    return new Proxy(target, {
      get: (t, p) => {
        if (p === "load") {
          return (props: string | string[]) => {
            const list = (Array.isArray(props) ? props : props.split(",")).map((s) => s.trim().replace(/^items\/name$/, "items"));
            for (const l of list) tracked.loads.add(l);
            // A load goes out in the request too: the object's path and the query, a few hundred bytes.
            this.enqueue(LOAD_REQUEST_BYTES + list.join(",").length, () => {});
            return t.load(list);
          };
        }
        if (typeof p === "string" && p in children) return children[p];
        const v = (t as any)[p];
        return typeof v === "function" ? v.bind(t) : loaded(v, p);
      },
      set: (t, p, v) => {
        if (typeof p === "string" && setters[p]) {
          setters[p](v);
          return true;
        }
        (t as any)[p] = v;
        return true;
      },
    });
  }

  private workbook(): unknown {
    const book = this.book;
    const self = this;
    const worksheets = new OfficeMockObject({
      items: [],
      getItem: (name: string) => self.worksheet(() => name),
      getActiveWorksheet: () => self.worksheet(() => book.active),
      add: (name: string) => {
        self.enqueue(64 + bytes(name), () => {
          if ([...book.sheets.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw mockError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
          book.sheets.set(name, emptySheet(name));
        });
        return self.worksheet(() => name);
      },
    });
    const wrappedSheets = this.wrap(worksheets, () => ({ items: [...book.sheets.keys()].map((name) => ({ name })) }));
    // Workbook.functions (ExcelApi 1.2): COUNTA of a range, worked out at sync time.
    const functions = {
      countA: (range: { [AREA]?: () => [MockSheet, Area] }) => {
        const where = range[AREA];
        if (!where) throw new Error("mock: countA takes one range of this mock");
        const result = new OfficeMockObject({ value: 0 });
        return self.wrap(result, () => {
          const [sheet, a] = where();
          let n = 0;
          for (const [r, c] of book.positionsOf(sheet)) if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) n++;
          return { value: n };
        });
      },
    };
    const wb = new OfficeMockObject({
      insertWorksheetsFromBase64: (base64: string) => {
        self.requires(13, "Workbook.insertWorksheetsFromBase64");
        const result: { value: string[] | string } = { value: "Error, context.sync() was not called" };
        self.enqueue(base64.length, async () => {
          // Excel keeps the file's sheet names, numbering a name the workbook already has.
          const file = await readXlsx(Uint8Array.from(Buffer.from(base64, "base64")));
          const ids: string[] = [];
          for (const name of file.sheetNames) {
            const { grid } = file.sheet(name);
            let unique = name;
            for (let i = 2; self.book.sheets.has(unique); i++) unique = `${name} (${i})`;
            const sheet = emptySheet(unique);
            grid.rows.forEach((row, i) => row.forEach((cell, j) => !isBlankCell(cell) && sheet.cells.set(key(grid.firstRow + i, grid.firstColumn + j), { ...cell })));
            sheet.merges = [...(grid.shape?.merges ?? [])];
            sheet.hiddenRows = new Set(grid.shape?.hiddenRows ?? []);
            sheet.hiddenColumns = new Set(grid.shape?.hiddenColumns ?? []);
            self.book.sheets.set(unique, sheet);
            ids.push(unique);
          }
          result.value = ids;
        });
        return result;
      },
      getSelectedRange: () => {
        const sel = book.selection;
        return self.range(() => sel.sheet, () => sel.areas[0]);
      },
    });
    return this.wrap(wb, () => ({}), {}, { worksheets: wrappedSheets, functions });
  }

  private worksheet(name: () => string): any {
    const book = this.book;
    const self = this;
    const target = new OfficeMockObject({
      name: "",
      getUsedRange: (valuesOnly?: boolean) => {
        if (valuesOnly !== undefined) self.requires(2, "getUsedRange(valuesOnly)");
        return self.range(name, () => book.usedArea(book.sheet(name())));
      },
      getRange: (address: string) => self.range(name, () => parseAddress(address)[0]),
      getRanges: (address: string) => {
        self.requires(9, "Worksheet.getRanges");
        return self.range(name, () => parseAddress(address)[0], () => parseAddress(address));
      },
      activate: () => self.enqueue(32, () => void (book.sheet(name()), (book.active = name()))),
    });
    const onChanged = {
      add: (handler: (e: unknown) => Promise<void>) => {
        self.requires(7, "Worksheet.onChanged");
        self.enqueue(64, () => void book.sheet(name()).handlers.add(handler));
        return { context: self.api, remove: () => self.enqueue(32, () => void book.sheet(name()).handlers.delete(handler)) };
      },
    };
    const cellKey = (address: string) => {
      const [a] = parseAddress(address);
      return key(a.top, a.left);
    };
    const notes = {
      getItemOrNullObject: (address: string) => {
        self.requires(18, "NoteCollection.getItemOrNullObject");
        let answer: boolean | null = null;
        self.afterSync.push(() => void (answer = !book.sheet(name()).notes.has(cellKey(address))));
        return {
          get isNullObject() {
            return loaded(answer === null ? "Error, context.sync() was not called" : answer, "isNullObject");
          },
        };
      },
      getItem: (address: string) => {
        self.requires(18, "NoteCollection.getItem");
        const missing = () => {
          if (!book.sheet(name()).notes.has(cellKey(address))) throw mockError("ItemNotFound", `No note at ${address}`);
        };
        return {
          delete: () => self.enqueue(32, () => (missing(), void book.sheet(name()).notes.delete(cellKey(address)))),
          set content(text: string) {
            self.enqueue(bytes(text), () => (missing(), void book.sheet(name()).notes.set(cellKey(address), text)));
          },
        };
      },
      add: (address: string, text: string) => {
        self.requires(18, "NoteCollection.add");
        self.enqueue(bytes(text), () => {
          const s = book.sheet(name());
          if (s.notes.has(cellKey(address))) throw mockError("InvalidArgument", `The cell ${address} already has a note.`);
          s.notes.set(cellKey(address), text);
        });
      },
    };
    // Worksheet.autoFilter (ExcelApi 1.9): enabled, and the range it applies to (a null object when there is none).
    const autoFilter =
      book.options.excelApi >= 9
        ? this.wrap(
            new OfficeMockObject({
              enabled: false,
              isDataFiltered: false,
              getRangeOrNullObject: () => {
                const f = () => book.sheet(name()).autoFilter;
                return self.range(name, () => f() ?? { top: 1, left: 1, bottom: 1, right: 1 }, undefined, () => f() === null);
              },
            }),
            () => {
              const s = book.sheet(name());
              const f = s.autoFilter;
              return { enabled: f !== null, isDataFiltered: f !== null && [...s.hiddenRows].some((r) => r > f.top && r <= f.bottom) };
            },
          )
        : undefined;
    return this.wrap(target, () => ({ name: (book.sheet(name()), name()) }), {}, { onChanged, notes, ...(autoFilter ? { autoFilter } : {}) });
  }

  /**
   * A RangeAreas from an *OrNullObject method: `find` gives its areas at sync time (null: a null
   * object); it may throw, failing the sync, as Excel does past its limits.
   */
  private rangeAreas(sheetName: () => string, find: () => Area[] | null): any {
    let memo: { at: number; areas: Area[] | null } | null = null;
    const get = () => {
      if (!memo || memo.at !== this.book.syncLog.length) memo = { at: this.book.syncLog.length, areas: find() };
      return memo.areas;
    };
    const target = new OfficeMockObject({ address: "", areaCount: 0 });
    let isNull: boolean | null = null;
    this.afterSync.push(() => void (isNull = get() === null));
    Object.defineProperty(target, "isNullObject", { get: () => (isNull === null ? "Error, context.sync() was not called" : isNull) });
    return this.wrap(target, () => {
      const areas = get();
      return { address: areas ? areasAddress(sheetName(), areas) : "", areaCount: areas?.length ?? 0 };
    });
  }

  private range(sheetName: () => string, area: () => Area, areas: () => Area[] = () => [area()], isNull?: () => boolean): any {
    const book = this.book;
    const self = this;
    const sheet = () => book.sheet(sheetName());
    const target = new OfficeMockObject({
      // Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used cells within this range, found at sync time.
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        self.requires(4, "Range.getUsedRangeOrNullObject");
        if (valuesOnly !== true) throw new Error("mock: only getUsedRangeOrNullObject(true)");
        const used = () => book.usedWithin(sheet(), area());
        return self.range(sheetName, () => used() ?? area(), undefined, () => used() === null);
      },
      address: "",
      rowIndex: 0,
      columnIndex: 0,
      rowCount: 0,
      columnCount: 0,
      values: [],
      valueTypes: [],
      numberFormat: [],
      formulas: [],
      worksheet: { name: "" },
      format: { fill: { color: "" } },
      clear: (applyTo?: string) =>
        self.enqueue(32, () => {
          const s = sheet();
          book.eachCell(area(), (r, c) => {
            const k = key(r, c);
            const had = s.cells.get(k);
            if (applyTo === "Contents") {
              if (had?.numberFormat && had.numberFormat !== "General") s.cells.set(k, { kind: "empty", value: null, numberFormat: had.numberFormat });
              else s.cells.delete(k);
            } else {
              s.cells.delete(k);
              s.fills.delete(k);
            }
          });
          book.fire(s, rangeText(area()));
        }),
      select: () =>
        self.enqueue(32, () => {
          book.active = sheetName();
          book.selection = { sheet: sheetName(), areas: areas() };
        }),
      getMergedAreasOrNullObject: () => {
        self.requires(13, "Range.getMergedAreasOrNullObject");
        return self.rangeAreas(sheetName, () => {
          const a = area();
          const found = sheet().merges.filter((m) => m.top >= a.top && m.top <= a.bottom && m.left >= a.left && m.left <= a.right);
          if (found.length > MERGED_AREAS_LIMIT) throw mockError("GeneralException", "There was an internal error while processing the request.");
          return found.length ? found : null;
        });
      },
      getSpecialCellsOrNullObject: (cellType: string) => {
        self.requires(9, "Range.getSpecialCellsOrNullObject");
        if (cellType !== "Visible") throw new Error(`mock: special cells ${cellType} not supported`);
        return self.rangeAreas(sheetName, () => {
          const s = sheet();
          const one = area();
          const a = one.top === one.bottom && one.left === one.right ? book.usedArea(s) : one;
          const rows = runsOf(a.top, a.bottom, (r) => !s.hiddenRows.has(r));
          const columns = runsOf(a.left, a.right, (c) => !s.hiddenColumns.has(c));
          const out = rows.flatMap(([top, bottom]) => columns.map(([left, right]) => ({ top, bottom, left, right })));
          return out.length ? out : null;
        });
      },
      // Range.merge (ExcelApi 1.2): the top-left cell keeps its value, the others are emptied, as Excel does.
      merge: (across?: boolean) =>
        self.enqueue(32, () => {
          const s = sheet();
          const a = area();
          const parts = across ? runsOf(a.top, a.bottom, () => true).flatMap(([t, b]) => Array.from({ length: b - t + 1 }, (_, i) => ({ ...a, top: t + i, bottom: t + i }))) : [a];
          for (const p of parts) {
            if (p.top === p.bottom && p.left === p.right) continue;
            book.eachCell(p, (r, c) => void ((r !== p.top || c !== p.left) && s.cells.delete(key(r, c))));
            s.merges.push(p);
          }
        }),
    });
    const fillTarget = (target as any).format.fill as OfficeMockObject;
    const fill = new Proxy(fillTarget, {
      get: (t, p) => {
        if (p === "clear") return () => self.enqueue(32, () => book.eachCell(area(), (r, c) => sheet().fills.delete(key(r, c))));
        const v = (t as any)[p];
        return typeof v === "function" ? v.bind(t) : loaded(v, p);
      },
      set: (t, p, v) => {
        if (p !== "color") throw new Error(`mock: fill.${String(p)} not supported`);
        self.enqueue(bytes(v), () => book.eachCell(area(), (r, c) => sheet().fills.set(key(r, c), String(v).toUpperCase())));
        return true;
      },
    });
    const format = new Proxy((target as any).format as OfficeMockObject, {
      get: (t, p) => (p === "fill" ? fill : typeof (t as any)[p] === "function" ? (t as any)[p].bind(t) : (t as any)[p]),
    });
    // range.worksheet is a whole Worksheet in Office.js (getRange and all).
    const worksheet = this.worksheet(sheetName);
    (target as any)[AREA] = () => [sheet(), area()];
    // isNullObject is known after the sync that follows the *OrNullObject call, loaded or not, as in Office.js.
    let isNullAnswer: boolean | null = isNull ? null : false;
    if (isNull) self.afterSync.push(() => void (isNullAnswer = isNull()));
    Object.defineProperty(target, "isNullObject", { get: () => (isNullAnswer === null ? "Error, context.sync() was not called" : isNullAnswer) });
    return this.wrap(
      target,
      // Not spread: that would build the lazy cell matrices.
      () =>
        Object.defineProperties(book.rangeData(sheet(), area()), {
          "worksheet/name": { value: sheetName(), enumerable: true },
        }),
      {
        // Excel applies one format to every cell of the range, or one per cell from an array.
        numberFormat: (v) =>
          self.enqueue(bytes(v), () => {
            const s = sheet();
            const a = area();
            book.eachCell(a, (r, c) => {
              const nf = Array.isArray(v) ? String((v as unknown[][])[r - a.top]?.[c - a.left]) : String(v);
              const k = key(r, c);
              const had = s.cells.get(k);
              s.cells.set(k, had ? { ...had, numberFormat: nf } : { kind: "empty", value: null, numberFormat: nf });
            });
          }),
        values: (v) =>
          self.enqueue(bytes(v), () => {
            const s = sheet();
            book.writeValues(s, area(), v as unknown[][]);
            book.fire(s, rangeText(area()));
          }),
        rowHidden: (v) =>
          self.enqueue(32, () => {
            const a = area();
            for (let r = a.top; r <= a.bottom; r++) v ? sheet().hiddenRows.add(r) : sheet().hiddenRows.delete(r);
          }),
        columnHidden: (v) =>
          self.enqueue(32, () => {
            const a = area();
            for (let c = a.left; c <= a.right; c++) v ? sheet().hiddenColumns.add(c) : sheet().hiddenColumns.delete(c);
          }),
        // Range.formulas = …: a text starting with "=" is a formula, anything else a value, as Excel takes it.
        formulas: (v) =>
          self.enqueue(bytes(v), () => {
            const s = sheet();
            book.writeValues(s, area(), v as unknown[][]);
            book.fire(s, rangeText(area()));
          }),
      },
      { format, worksheet },
    );
  }

  private async sync(): Promise<void> {
    if (this.book.cellEditMode && !this.waitsForCellEdit) {
      this.queue = [];
      this.book.syncLog.push({ requestBytes: 0, responseBytes: 0 });
      throw mockError("InvalidOperationInCellEditMode", "The operation is not available while Excel is in cell-edit mode.");
    }
    const queue = this.queue;
    this.queue = [];
    const requestBytes = queue.reduce((n, q) => n + q.bytes, 0);
    const limit = this.book.options.payloadLimit;
    if (limit !== null && requestBytes > limit) {
      this.book.syncLog.push({ requestBytes, responseBytes: 0 });
      throw mockError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    for (const q of queue) await q.apply();
    const pending = this.tracked.filter((t) => t.loads.size > 0);
    this.book.answering = true;
    let answers: Record<string, unknown>[];
    try {
      answers = pending.map((t) => {
        const all = t.answer();
        const picked: Record<string, unknown> = {};
        for (const l of t.loads) {
          if (!(l in all)) throw new Error(`mock: cannot load ${l}`);
          picked[l] = all[l];
        }
        return picked;
      });
    } catch (e) {
      // A refused request answers nothing: its loads and null-object answers are gone, as in Excel.
      for (const t of pending) t.loads.clear();
      this.afterSync = [];
      this.book.syncLog.push({ requestBytes, responseBytes: 0 });
      throw e;
    } finally {
      this.book.answering = false;
    }
    const responseBytes = answers.reduce((n, a) => n + bytes(a), 0);
    this.book.syncLog.push({ requestBytes, responseBytes });
    if (limit !== null && responseBytes > limit) {
      for (const t of pending) t.loads.clear();
      throw mockError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    pending.forEach((t, i) => {
      const loads = [...t.loads];
      for (const [path, value] of Object.entries(answers[i])) {
        const parts = path.split("/");
        let obj: any = t.target;
        for (const p of parts.slice(0, -1)) obj = obj[p];
        obj.setValue(parts[parts.length - 1], value);
      }
      t.target.load(loads);
      t.loads.clear();
      void t.target.sync();
    });
    const after = this.afterSync;
    this.afterSync = [];
    for (const f of after) f();
    // office-addin-mock settles nested properties in microtasks.
    await new Promise((r) => setTimeout(r, 0));
  }
}

function rangeText(a: Area): string {
  const tl = `${columnLetter(a.left)}${a.top}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom}`;
}
