/**
 * The one place that runs a check: read the grid → check → plan the marks → apply them; clear;
 * select a finding's cells; remember the settings per workbook; notice when results go stale.
 * The task pane calls this and nothing else; it knows neither Office.js nor the preview host.
 */
import { planReturnLists, returnListFileName, type ReturnPlan } from "../domain/export/return-list";
import { downloadFileName, isoDay } from "../domain/export/file-names";
import { columnLetter, columnNumber, type Grid } from "../domain/cells";
import { ENTERPRISE_FIELDS } from "../domain/check";
import type { ColumnChoice, SavedMapping } from "../domain/columns";
import type { Finding, Report } from "../domain/report";
import { aboutReference } from "../domain/read-faults";
import { isRealIsoDate } from "../domain/readers";
import type { Lang } from "./i18n";
import { MappingTooLargeError } from "./mappings";
import { planMarks } from "./marks";
import { toBase64 } from "./base64";
import { MarkConflictError, type Capabilities, type CellContent, type ExportTarget, type MarkPlan, type ReadScope, type WorkbookPort } from "./port";
import { uniqueSheetName, type ExportOptions, type ExportPlan } from "../domain/export/plan";
import { templateFileName, type TemplatePlan } from "../domain/template/plan";
import { UserMappings, type UserStore } from "./user-store";
import { MERGED_SHEET, type MergeInput, type SourceSummary } from "../domain/merge";
import type { ListFile } from "../app/files";
import { cellsFromA1, LIST_FILES_TEXT, LIST_FILES_TEXT_EN } from "../app/files";
import { nothingMerged, type MergedLists, type OpenedList, type SkippedSource } from "../app/merge";
import { ProgrammeLibrary, type BundleProblem, type BundleRead, type LibraryEntry } from "./programme-store";

/** What the pane needs to know about a programme (from the engine's definitions). */
export interface ProgrammeView {
  id: string;
  /** 江苏省重点工业互联网平台 */
  title: string;
  /** The notice: 文号 and title, e.g. "苏工信融合〔2023〕27号 关于…的通知". */
  notice: string;
  /** ISO date the city must submit by, when the notice says. */
  deadline: string | null;
  /** Default as-of date (ISO). */
  asOf: string;
  /** Recommending units the user may pick: cities of the province, plus county-level units where allowed, then the province itself (city lists checked city by city). */
  units: { name: string; countyLevel: boolean; province?: boolean }[];
  /** Quota fixed by the notice (10 for sd-2023-platform), or null. */
  quota: number | null;
  /** The notice leaves the quota open: the user enters it. */
  quotaOpen: boolean;
  /** The fields a column may be read as (the 列对应 panel's choices), in the definition's order. */
  fields: { id: string; label: string; labelEn: string; required: boolean }[];
  /** What the notice leaves open besides the as-of date and the quota (those have fields of their own). */
  settings: SettingView[];
  /** Where the definition comes from: with the product, or imported / made in this workbook (set by the session). */
  origin?: ProgrammeOriginView;
}

/** 内置, or 导入 with its file name and date and where it is kept. */
export interface ProgrammeOriginView {
  kind: "builtin" | "file" | "copy";
  fileName?: string;
  /** ISO date-time it was imported or saved. */
  importedAt?: string;
  /** The programme it was copied from (kind "copy"). */
  copiedFrom?: string;
  inWorkbook?: boolean;
  forUser?: boolean;
}

/** An imported definition that no longer reads: listed with why, so it can be removed. */
export interface BrokenProgramme {
  id: string;
  title: string;
  fileName: string;
  importedAt: string;
  problems: BundleProblem[];
}

/** A draft from a notice's text, as the review opens it; or why none (several categories: pick one). */
export type DraftOutcome =
  | { ok: true; draft: unknown; categories: string[] }
  | { ok: false; categories: string[]; problems: { zh: string; en: string }[] };

/** One open fact as the pane edits it: text in a box, one item per line. */
export interface SettingView {
  id: string;
  kind: "date" | "count" | "names" | "groups" | "units";
  zh: string;
  en: string;
  decides: string;
  provenance: string;
  /** The default, written as the box shows it ("" when the default is "not set"). */
  defaultText: string;
}

/** A rule of the programme as the pane lists it. */
export interface RuleView {
  zh: string;
  clause: string;
  /** Open facts deciding it, with their value now: "平台方向名单 = 不设名单（默认）". */
  open: string[];
}

/**
 * The engine as the session uses it; bound to src/domain in engine.ts. `P` is the engine's
 * programme definition, opaque here: the session finds it by id and hands it back.
 */
export interface Engine<Refs = unknown, P = unknown> {
  /** The programmes that come with the product. */
  builtIns(): readonly P[];
  /** What the pane shows of a programme. */
  view(programme: P): ProgrammeView;
  /**
   * Picked files (read here: any format of the registry) and sheets of this workbook merged into one
   * list with sources, through the application layer (src/app/merge.ts): every file or sheet not
   * merged is in `skipped`, with why.
   */
  mergeFiles(files: readonly ListFile[], sheets: readonly MergeInput[], options: { programme: P; city: string }): Promise<MergedLists>;
  /**
   * One district's file of any format of the registry, for 打开名单文件: its sheets holding a list, the
   * others named. Throws ListReadError (the file named, and why) when it cannot be read.
   */
  openFile(file: ListFile, programme: P): Promise<OpenedList>;
  /** The summary table's plan from a checked list (the programme is the one the report was checked against). */
  summary(grid: Grid, report: Report, programme: P, options: ExportOptions): ExportPlan;
  /** The district template's plan (生成区县填报模板). */
  template(programme: P, city: string, settings?: Record<string, unknown>): TemplatePlan;
  check(
    grid: Grid,
    options: {
      programme: P;
      city: string;
      asOf?: string;
      quota?: number | null;
      references?: Refs;
      columnChoices?: readonly ColumnChoice[];
      settings?: Record<string, unknown>;
      readFindings?: readonly Finding[];
      /** Sheet rows that take the quota's places first (the ranking panel, on a list without a rank column). */
      keep?: readonly number[];
    },
  ): Report;
  /** The same check off the main thread where the host can (worker-engine.ts); absent: check() is used. */
  checkAsync?(grid: Grid, options: Parameters<Engine<Refs, P>["check"]>[1]): Promise<Report>;
  /** planExport off the main thread where the host can; absent: planExport is used. */
  planExportAsync?(grid: Grid, report: Report, programme: P, options: ExportOptions): Promise<ExportPlan>;
  /** The programme's rules with the open facts that decide them, under these setting values. */
  rules(programme: P, settings: Record<string, unknown>): RuleView[];
  /** A box's text → a setting value, or why not. */
  parseSetting(kind: SettingView["kind"], text: string): { ok: true; value: unknown } | { ok: false; problem: string; problemEn: string };
  /** A setting value → the box's text. */
  settingText(kind: SettingView["kind"], value: unknown): string;
  /** Reference lists from sheets the user picked; throws an Error with a Chinese message when a sheet means nothing. */
  references(sheets: { name: string; grid: Grid }[]): Refs;
  /** A programme definition file's text → the programme, or every problem (the reader of `programmes validate`). */
  readBundle(text: string): BundleRead<P>;
  /** A programme as a definition file's text (to copy a built-in into the editor). */
  bundleText(programme: P): string;
  /** A draft definition from a notice's text (one category of it when it has several). */
  draft(noticeText: string, category?: string): DraftOutcome;
}

export interface CheckSettings {
  programmeId: string;
  city: string;
  /** ISO date; "" = the programme's default. */
  asOf: string;
  quota: number | null;
  referenceSheets: string[];
  scope: ReadScope;
  /** Values of the programme's open facts the user changed, by setting id (ProgrammeView.settings); absent = default. */
  values?: Record<string, unknown>;
}

export const SETTINGS_KEY = "settings";

export type Phase = "read" | "check" | "mark" | "done";
export interface Progress {
  phase: Phase;
  /** 0..1 within the whole check. */
  fraction: number;
}

export interface CheckOutcome {
  report: Report;
  /** The sheet checked. */
  sheet: string;
  /** Every sheet of the workbook when it was checked. */
  sheets: string[];
  /** Columns of the data, for selecting whole rows. */
  firstColumn: number;
  lastColumn: number;
  /**
   * Set when the marks were not written because the result column holds the user's data: the sheet
   * is untouched (the previous check's marks included) and the report is still whole, to be shown.
   */
  marksRefused: MarkConflictError | null;
  /** Whose column mapping the check used beyond the matcher's own. */
  mapping: MappingUse;
}

/**
 * "confirmed": the choices the user just confirmed in the 列对应 panel; "workbook": the mapping
 * saved in this workbook for a header worded this way; "user": the one the user confirmed in
 * another workbook (remembered for the user where the host allows); null: the matcher alone.
 */
export interface MappingUse {
  source: "confirmed" | "workbook" | "user" | null;
  /**
   * Set when confirmed choices could not be kept (too large for the workbook, or the user's
   * storage refused): this check used them, the next one will not.
   */
  notSaved: Error | null;
}

/** A list file the user picked in the pane: read there, never uploaded. */
export type { ListFile } from "../app/files";

export interface MergeOutcome {
  /** The new sheet the merged list went to. */
  sheet: string;
  rows: number;
  summaries: SourceSummary[];
  /** Files that could not be read and sheets holding no list: named with why, the others merged all the same. */
  skipped: SkippedSource[];
  check: CheckOutcome;
}

export interface OpenOutcome {
  file: string;
  /** The format the file was read as ("Excel 97-2003 工作簿（.xls）…"). */
  formatName: { zh: string; en: string };
  /** The new sheets the file's lists went to (the first one is checked). */
  sheets: string[];
  /** The file's sheets holding no list: named, not landed. */
  skipped: SkippedSource[];
  check: CheckOutcome;
}

/** Where the pane sends the summary table: into the workbook through the port, or a file download. */
export type ExportDestination = ExportTarget | "download";

export interface ExportOutcome {
  plan: ExportPlan;
  destination: ExportDestination;
  /** Sheets added to this workbook ("sheet"). */
  sheets: string[];
  /** The .xlsx to save ("download"), with its file name. */
  download?: { fileName: string; bytes: Uint8Array };
}

/**
 * The .xlsx writers (src/export, above this layer), handed to the session by whoever builds it
 * (the task pane, the preview page, tests): the workbook layer never imports the writers itself.
 */
export interface Writers {
  summaryWorkbook(plan: ExportPlan): Promise<Uint8Array>;
  returnListWorkbook(plan: ReturnPlan): Promise<Uint8Array>;
  templateWorkbook(plan: TemplatePlan): Promise<Uint8Array>;
  /** A copy of the checked list with the check's marks on it (the standalone page's download). */
  markedListWorkbook(copy: MarkedCopy): Promise<Uint8Array>;
}

/**
 * The checked list as it stands marked: its cells, merges and hidden rows as read, and the marks
 * the check put on it (fills, notes, the 校验结果 column). What a marked copy is written from.
 */
export interface MarkedCopy {
  grid: Grid;
  plan: MarkPlan;
}

export interface MarkedCopyOutcome {
  fileName: string;
  bytes: Uint8Array;
  /** Rows given a result, and of them marked as errors / warnings. */
  rows: number;
  errors: number;
  warnings: number;
}

export interface TemplateOutcome {
  plan: TemplatePlan;
  /** "workbook": opened as a new workbook in Excel; "download": bytes to save. */
  destination: "workbook" | "download";
  download?: { fileName: string; bytes: Uint8Array };
}

export interface ReturnListOutcome {
  plan: ReturnPlan;
  destination: "workbook" | "download";
  download?: { fileName: string; bytes: Uint8Array };
}

/** A row the clerk may rank in the ranking panel. */
export interface RankRow {
  row: number;
  /** The enterprise as the list names it ("" when it names none). */
  enterprise: string;
  /** The rank written in the list now, as shown ("" when none). */
  rank: string;
}

/** The ranking panel's view of the last check: the rows that can be recommended, in the order places go now. */
export interface RankingView {
  label: string;
  labelEn: string;
  quota: number | null;
  rows: RankRow[];
  /** Rows that would count but fail a hard condition: ranked after the others, take no place. */
  failingRows: number[];
  /** The rank column's letter; null when the list has none (the choice then holds for checks and exports, unwritten). */
  rankColumn: string | null;
  placedBy: "keep" | "rank" | "order";
  /** A confirmed ranking can be taken back (its cells as they were, or the previous choice). */
  canUndo: boolean;
}

/** What the settings form needs of the engine, for the programmes of this session. */
export interface SettingEngine {
  rules(programmeId: string, settings: Record<string, unknown>): RuleView[];
  parseSetting: Engine["parseSetting"];
  settingText: Engine["settingText"];
}

interface CatalogEntry<P> {
  programme: P;
  view: ProgrammeView;
}

export class Session<Refs = unknown, P = unknown> {
  private unwatch: (() => void) | null = null;
  private last: CheckOutcome | null = null;
  /** The grid the last check read: the export plans its rows from it, never from a second read. */
  private lastGrid: Grid | null = null;
  /** The marks the last check put on the sheet (a marked copy carries exactly these). */
  private lastPlan: MarkPlan | null = null;
  /** What the last check read: confirming or resetting its columns reads the same (a merged sheet whole). */
  private lastScope: ReadScope | null = null;
  /** Sheets the last check read (the list and its reference sheets): edits there make it stale. */
  private readSheets: string[] = [];
  /** What the last check read and a fingerprint of it, to tell later whether the sheet still holds it. */
  private lastRead: { sheet: string; scope: ReadScope; refs: string[]; fingerprint: string } | null = null;
  /** What reading the merged files found, by the sheet they were merged into: every check of that sheet says it. */
  private mergedReadFindings = new Map<string, Finding[]>();
  /** The clerk's choice of rows for the places, on a list without a rank column: used by every check of that sheet. */
  private keep: { sheet: string; rows: number[] } | null = null;
  /** What confirming a ranking replaced, to take it back: the cells as they were, and the previous choice. */
  private rankingUndo: { sheet: string; cells: CellContent[]; keep: { sheet: string; rows: number[] } | null } | null = null;
  /** Called when the user edits a sheet the shown results came from. */
  onStale: (() => void) | null = null;
  /** Mappings remembered for the user beyond this workbook; null where the host has no storage for it. */
  readonly userMappings: UserMappings | null;
  /** The programmes this session offers, by id: what a check, merge or template is run against. */
  protected catalog: CatalogEntry<P>[];
  /** Definitions imported or made in the pane (workbook and user); loaded by start(). */
  readonly library: ProgrammeLibrary<P>;
  private libraryEntries: LibraryEntry<P>[] = [];
  /** Set when start() could not read the imported definitions (the pane says it; the built-ins still work). */
  libraryError: Error | null = null;
  private readonly builtInCount: number;

  constructor(
    readonly port: WorkbookPort,
    readonly engine: Engine<Refs, P>,
    readonly lang: Lang,
    readonly writers: Writers,
    userStore: UserStore | null = null,
  ) {
    this.userMappings = userStore ? new UserMappings(userStore) : null;
    this.catalog = engine.builtIns().map((programme) => ({ programme, view: { ...engine.view(programme), origin: { kind: "builtin" as const } } }));
    this.builtInCount = this.catalog.length;
    this.library = new ProgrammeLibrary<P>(port, userStore, (text) => engine.readBundle(text), new Set(this.catalog.map((e) => e.view.id)));
  }

  /** Reads the imported definitions again (workbook and user) into the programmes offered. */
  async loadLibrary(): Promise<void> {
    this.libraryEntries = await this.library.load();
    const builtIns = this.catalog.slice(0, this.builtInCount);
    const imported = this.libraryEntries.flatMap((e) => {
      if (!e.programme) return [];
      const origin: ProgrammeOriginView = {
        kind: e.stored.origin,
        fileName: e.stored.fileName,
        importedAt: e.stored.importedAt,
        ...(e.stored.copiedFrom ? { copiedFrom: e.stored.copiedFrom } : {}),
        inWorkbook: e.inWorkbook,
        forUser: e.forUser,
      };
      return [{ programme: e.programme, view: { ...this.engine.view(e.programme), origin } }];
    });
    this.catalog = [...builtIns, ...imported];
  }

  /** Imported definitions that no longer read (a newer format, a hand edit): named with why, removable. */
  brokenProgrammes(): BrokenProgramme[] {
    return this.libraryEntries
      .filter((e) => !e.programme)
      .map((e) => ({ id: e.stored.id, title: e.stored.title, fileName: e.stored.fileName, importedAt: e.stored.importedAt, problems: e.problems }));
  }

  /**
   * 导入项目定义: the file's text read by the engine's reader and kept in the workbook (and for the
   * user where the host allows). Refused with every problem, nothing changed, when it does not read,
   * is too large or takes a built-in's id; an imported id already there needs `replace`.
   */
  async importProgramme(fileName: string, text: string, options: { replace?: boolean } = {}): Promise<{ view: ProgrammeView; userNotSaved: Error | null }> {
    const out = await this.library.add(fileName, text, { ...(options.replace ? { replace: true } : {}), origin: "file" });
    await this.loadLibrary();
    return { view: this.view(out.entry.stored.id), userNotSaved: out.userNotSaved };
  }

  /** 新建项目 / a reviewed draft: the edited definition kept like an imported one. */
  async saveProgramme(fileName: string, text: string, options: { replace?: boolean; copiedFrom?: string } = {}): Promise<{ view: ProgrammeView; userNotSaved: Error | null }> {
    const out = await this.library.add(fileName, text, { origin: "copy", ...(options.replace ? { replace: true } : {}), ...(options.copiedFrom ? { copiedFrom: options.copiedFrom } : {}) });
    await this.loadLibrary();
    return { view: this.view(out.entry.stored.id), userNotSaved: out.userNotSaved };
  }

  /** Removes an imported definition from the workbook and the user's storage (the pane asked first). */
  async removeProgramme(id: string): Promise<void> {
    await this.library.remove(id);
    await this.loadLibrary();
  }

  /** The definition file of a programme offered: the imported text as kept, a built-in written out. */
  bundleTextOf(id: string): string {
    const stored = this.libraryEntries.find((e) => e.stored.id === id && e.programme);
    if (stored) return stored.stored.text;
    return this.engine.bundleText(this.programme(id));
  }

  /** What the editor shows of a definition's text as typed: its rules in words, or every problem. */
  previewBundle(text: string, settings: Record<string, unknown> = {}): { ok: true; view: ProgrammeView; rules: RuleView[] } | { ok: false; problems: BundleProblem[] } {
    const read = this.engine.readBundle(text);
    if (!read.ok) return read;
    return { ok: true, view: this.engine.view(read.programme), rules: this.engine.rules(read.programme, settings) };
  }

  /** A draft from a notice's text, for review in the editor: never offered to a check until saved. */
  draftFromNotice(noticeText: string, category?: string): DraftOutcome {
    return this.engine.draft(noticeText, category);
  }

  private view(id: string): ProgrammeView {
    const e = this.catalog.find((x) => x.view.id === id);
    if (!e) throw new Error(`programme ${id} not loaded`);
    return e.view;
  }

  async start(): Promise<{ capabilities: Capabilities; sheets: string[]; active: string; settings: CheckSettings; marked: boolean }> {
    const [capabilities, sheets, active, saved] = await Promise.all([
      this.port.capabilities(),
      this.port.listSheets(),
      this.port.activeSheet(),
      this.port.loadSetting<Partial<CheckSettings>>(SETTINGS_KEY),
      // The saved programme may be an imported one: the list is read before the settings are made valid.
      this.loadLibrary().then(
        () => (this.libraryError = null),
        (e: unknown) => (this.libraryError = e instanceof Error ? e : new Error(String(e))),
      ),
    ]);
    const settings = this.normalise(saved, sheets);
    const marked = await this.port.hasMarks(active);
    if (!this.unwatch) {
      this.unwatch = await this.port.watchChanges((sheet) => {
        // Edited by hand since: taking the ranking back would overwrite the clerk's own edit.
        if (this.rankingUndo?.sheet === sheet) this.rankingUndo = null;
        if (this.last && this.readSheets.includes(sheet)) this.onStale?.();
      });
    }
    return { capabilities, sheets, active, settings, marked };
  }

  /** Every programme the pane offers. */
  programmes(): ProgrammeView[] {
    return this.catalog.map((e) => e.view);
  }

  /** The engine's programme for an id of `programmes()`. */
  programme(id: string): P {
    const e = this.catalog.find((x) => x.view.id === id);
    if (!e) throw Object.assign(new Error(`未知项目“${id}”：请重新选择申报项目。`), { messageEn: `Unknown programme “${id}”: pick the programme again.` });
    return e.programme;
  }

  /** The settings form's view of the engine, over this session's programmes. */
  readonly settingEngine: SettingEngine = {
    rules: (programmeId, settings) => {
      const e = this.catalog.find((x) => x.view.id === programmeId);
      return e ? this.engine.rules(e.programme, settings) : [];
    },
    parseSetting: (kind, text) => this.engine.parseSetting(kind, text),
    settingText: (kind, value) => this.engine.settingText(kind, value),
  };

  /** Saved settings made valid against the current programmes and sheets. */
  normalise(saved: Partial<CheckSettings> | undefined, sheets: string[]): CheckSettings {
    const programmes = this.programmes();
    const programme = programmes.find((p) => p.id === saved?.programmeId) ?? programmes[0];
    // A city may be saved short ("青岛", as the CLI takes it) or in full ("青岛市").
    const savedCity = saved?.city ?? "";
    const unit = programme.units.find((u) => u.name === savedCity || (savedCity !== "" && u.name.replace(/[市县]$/, "") === savedCity));
    const city = unit?.name ?? programme.units[0]?.name ?? "";
    return {
      programmeId: programme.id,
      city,
      asOf: saved?.asOf && isRealIsoDate(saved.asOf) ? saved.asOf : "",
      quota: typeof saved?.quota === "number" && saved.quota >= 0 ? Math.floor(saved.quota) : null,
      referenceSheets: (saved?.referenceSheets ?? []).filter((s) => sheets.includes(s)),
      scope: saved?.scope === "selection" ? "selection" : "used",
      values: savedValues(saved?.values, programme),
    };
  }

  /**
   * One check of the active sheet (or of `sheet`): one read (the list, its reference sheets and the
   * sheet names together), the engine, one applyMarks. Replaces the marks of the previous check.
   */
  async run(settings: CheckSettings, onProgress: (p: Progress) => void = () => {}, sheet?: string): Promise<CheckOutcome> {
    return this.checkWith(settings, onProgress, sheet, null);
  }

  /**
   * The user confirmed the 列对应 panel: checks again with `choices` (they win over the matcher),
   * then keeps them with the workbook, and for the user where the host allows, under the wording
   * of the header just read, so the next list headed the same way is read the same way.
   */
  async confirmColumns(settings: CheckSettings, choices: ColumnChoice[], onProgress: (p: Progress) => void = () => {}): Promise<CheckOutcome> {
    return this.checkWith(settings, onProgress, this.last?.sheet, choices, this.lastScope ?? settings.scope);
  }

  /** Forgets the mapping saved for the last check's header (workbook and user) and checks again by the matcher alone. */
  async resetColumns(settings: CheckSettings, onProgress: (p: Progress) => void = () => {}): Promise<CheckOutcome> {
    const key = this.last?.report.mappingKey;
    const sheet = this.last?.sheet;
    const scope = this.lastScope ?? settings.scope;
    if (key) {
      await this.port.forgetMapping(key);
      await this.userMappings?.forget(key);
    }
    return this.checkWith(settings, onProgress, sheet, null, scope);
  }

  private async checkWith(settings: CheckSettings, onProgress: (p: Progress) => void, sheet: string | undefined, confirmed: ColumnChoice[] | null, scope: ReadScope = settings.scope): Promise<CheckOutcome> {
    this.last = null;
    this.lastGrid = null;
    this.lastPlan = null;
    onProgress({ phase: "read", fraction: 0 });
    const read = await this.port.readGrids(
      [{ sheet, scope }, ...settings.referenceSheets.map((name) => ({ sheet: name, scope: "used" as const }))],
      (done, total) => onProgress({ phase: "read", fraction: (0.4 * done) / Math.max(1, total) }),
    );
    const [grid, ...refGrids] = read.grids;
    const checked = grid.sheetName;
    // What reading found (far cells left out), for the list and the reference sheets it used.
    const readFindings = [...(this.mergedReadFindings.get(checked) ?? []), ...read.findings[0]];
    // A reference sheet that is the list itself is no reference.
    const refs = refGrids.filter((g) => g.sheetName !== checked && read.sheets.includes(g.sheetName));
    refGrids.forEach((g, i) => refs.includes(g) && readFindings.push(...read.findings[i + 1].map((f) => aboutReference(f, g.sheetName))));
    onProgress({ phase: "check", fraction: 0.4 });
    const programme = this.programme(settings.programmeId);
    const references = refs.length ? this.engine.references(refs.map((g) => ({ name: g.sheetName, grid: g }))) : undefined;
    const check = (columnChoices?: readonly ColumnChoice[]) =>
      (this.engine.checkAsync ?? (async (g: Grid, o: Parameters<Engine<Refs, P>["check"]>[1]) => this.engine.check(g, o)))(grid, {
        programme,
        city: settings.city,
        asOf: settings.asOf || undefined,
        quota: settings.quota,
        references,
        settings: settings.values ?? {},
        ...(columnChoices ? { columnChoices } : {}),
        ...(readFindings.length > 0 ? { readFindings } : {}),
        ...(this.keep && this.keep.sheet === checked ? { keep: this.keep.rows } : {}),
      });
    let report = await check(confirmed ?? undefined);
    const mapping: MappingUse = { source: confirmed ? "confirmed" : null, notSaved: null };
    if (confirmed && report.mappingKey) {
      mapping.notSaved = await this.keepMapping({ version: 1, key: report.mappingKey, choices: confirmed });
    } else if (!confirmed && report.mappingKey) {
      // The header's wording is known only once the matcher has found the header: a saved mapping
      // means checking again with it (in memory; nothing is read twice).
      const inBook = await this.port.loadMapping(report.mappingKey);
      const saved = inBook ?? (await this.userMappings?.load(report.mappingKey));
      if (saved) {
        report = await check(saved.choices);
        mapping.source = inBook ? "workbook" : "user";
      }
    }
    onProgress({ phase: "mark", fraction: 0.8 });
    // Each phase its own task: the pane repaints its progress between them and never freezes.
    await pause();
    const plan = planMarks({ ...report, sheet: checked }, grid, this.lang);
    let marksRefused: MarkConflictError | null = null;
    await pause();
    try {
      await this.port.applyMarks(plan);
    } catch (e) {
      if (!(e instanceof MarkConflictError)) throw e;
      marksRefused = e;
    }
    await this.port.saveSetting(SETTINGS_KEY, settings);
    const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
    this.last = { report, sheet: checked, sheets: read.sheets, firstColumn: grid.firstColumn, lastColumn: grid.firstColumn + Math.max(0, width - 1), marksRefused, mapping };
    this.readSheets = [checked, ...refs.map((g) => g.sheetName)];
    this.lastRead = { sheet: checked, scope, refs: refs.map((g) => g.sheetName), fingerprint: fingerprint([grid, ...refs]) };
    this.lastGrid = grid;
    this.lastPlan = plan;
    this.lastScope = scope;
    onProgress({ phase: "done", fraction: 1 });
    return this.last;
  }

  /** The last check again, on the same sheet and range (a merged sheet whole), with `settings`. */
  async recheck(settings: CheckSettings, onProgress: (p: Progress) => void = () => {}): Promise<CheckOutcome> {
    const read = this.lastRead;
    return this.checkWith(settings, onProgress, read?.sheet, null, read?.scope ?? settings.scope);
  }

  /**
   * Whether the sheets the last check read still hold what it read (values and formulas within the
   * checked columns; its own marks right of them do not count). For hosts without change events,
   * asked before an export. True when nothing was checked.
   */
  async contentChanged(): Promise<boolean> {
    const read = this.lastRead;
    if (!read || !this.lastGrid) return true;
    const again = await this.port.readGrids([{ sheet: read.sheet, scope: read.scope }, ...read.refs.map((name) => ({ sheet: name, scope: "used" as const }))]);
    const [grid, ...refs] = again.grids;
    const width = this.lastGrid.rows.reduce((w, r) => Math.max(w, r.length), 0);
    const trimmed: Grid = { ...grid, rows: grid.rows.map((r) => r.slice(0, Math.max(0, this.lastGrid!.firstColumn + width - grid.firstColumn))) };
    return fingerprint([trimmed, ...refs]) !== read.fingerprint;
  }

  /**
   * Keeps a confirmed mapping in the workbook and for the user. A mapping too large for the
   * workbook, or storage the user's browser refuses, is returned for the pane to say so; the
   * check goes on with the choices either way.
   */
  private async keepMapping(mapping: SavedMapping): Promise<Error | null> {
    try {
      await this.port.saveMapping(mapping);
    } catch (e) {
      if (e instanceof MappingTooLargeError) return e;
      throw e;
    }
    if (!this.userMappings) return null;
    try {
      await this.userMappings.save(mapping);
    } catch (e) {
      // Saved in the workbook all the same; the user's copy is what failed (quota, private mode).
      return Object.assign(new Error(`列对应已保存在本工作簿中，但未能为您本人记住（${errorMessage(e)}）。`), {
        messageEn: `The column mapping is saved in this workbook but could not be remembered for you (${errorMessage(e)}).`,
      });
    }
    return null;
  }

  /**
   * 合并区县名单: the picked files (read here) and sheets of this workbook merged into a new sheet
   * 合并名单, which is then checked. The sources are only read; a list without a header stops the
   * merge before anything is written.
   */
  async mergeAndCheck(settings: CheckSettings, files: ListFile[], sheets: string[], onProgress: (p: Progress) => void = () => {}): Promise<MergeOutcome> {
    if (files.length + sheets.length === 0) {
      throw Object.assign(new Error(`请先选择要合并的名单文件（${LIST_FILES_TEXT}）或本工作簿中的工作表。`), { messageEn: `Pick the list files (${LIST_FILES_TEXT_EN}) or sheets of this workbook to merge first.` });
    }
    onProgress({ phase: "read", fraction: 0 });
    const inBook: MergeInput[] = [];
    const programme = this.programme(settings.programmeId);
    if (sheets.length > 0) {
      const read = await this.port.readGrids(sheets.map((name) => ({ sheet: name, scope: "used" as const })));
      read.grids.forEach((grid, i) => inBook.push({ file: "", sheet: grid.sheetName, grid, ...(read.findings[i].length > 0 ? { findings: read.findings[i] } : {}) }));
    }
    const merged = await this.engine.mergeFiles(files, inBook, { programme, city: settings.city });
    const refusal = nothingMerged(merged);
    if (refusal) throw Object.assign(new Error(`${refusal[0]}。`), { messageEn: `${refusal[1]}.` });
    const sheet = await this.port.addSheet(MERGED_SHEET, merged.grid.rows);
    if (merged.readFindings.length > 0) this.mergedReadFindings.set(sheet, merged.readFindings);
    // The whole new sheet is the list; the clerk's own scope is still what gets saved.
    const check = await this.checkWith(settings, onProgress, sheet, null, "used");
    return { sheet, rows: merged.sources.length, summaries: merged.summaries, skipped: merged.skipped, check };
  }

  /**
   * 打开名单文件: a district's file of any format (the way past Excel greying add-ins out on .xls) read
   * here, each sheet holding a list copied into a new sheet of this workbook where it stood in the file
   * (rows and columns as the district numbers them, merges and hidden rows kept), then the first one
   * checked. The file is only read; a file that cannot be read throws, naming it and why, before
   * anything is written.
   */
  async openAndCheck(settings: CheckSettings, file: ListFile, onProgress: (p: Progress) => void = () => {}): Promise<OpenOutcome> {
    onProgress({ phase: "read", fraction: 0 });
    const opened = await this.engine.openFile(file, this.programme(settings.programmeId));
    const base = file.name.replace(/\.[^.]*$/, "") || file.name;
    const added: string[] = [];
    for (const list of opened.lists) {
      const name = opened.lists.length > 1 ? `${base}-${list.name}` : base;
      const sheet = await this.port.addSheet(name, cellsFromA1(list.grid), list.grid.shape);
      // What reading the file found (its format mislabelled, a CSV's faults) is said by every check of the sheet.
      if (list.findings.length > 0) this.mergedReadFindings.set(sheet, list.findings);
      added.push(sheet);
    }
    const check = await this.checkWith(settings, onProgress, added[0], null, "used");
    return { file: opened.file, formatName: opened.formatName, sheets: added, skipped: opened.skipped, check };
  }

  /** Removes the marks; the report stays shown, its findings still select their cells. */
  async clear(sheet: string): Promise<void> {
    await this.port.clearMarks(sheet);
  }

  async saveSettings(settings: CheckSettings): Promise<void> {
    await this.port.saveSetting(SETTINGS_KEY, settings);
  }

  /** The address a finding points at: its cell, else its rows across the data, else the header. */
  findingAddress(f: Finding, outcome: CheckOutcome | null = this.last): string | null {
    if (f.row !== undefined && f.column) return `${f.column}${f.row}`;
    const first = columnLetter(outcome?.firstColumn ?? 1);
    const last = columnLetter(outcome?.lastColumn ?? 1);
    const rows = f.rows && f.rows.length ? f.rows : f.row !== undefined ? [f.row] : (outcome?.report.headerRows ?? []);
    if (rows.length === 0) return null;
    if (f.column) return rows.map((r) => `${f.column}${r}`).join(",");
    return rows.map((r) => `${first}${r}:${last}${r}`).join(",");
  }

  async selectFinding(f: Finding): Promise<string | null> {
    if (!this.last) return null;
    const address = this.findingAddress(f);
    if (address) await this.port.select(this.last.sheet, address);
    return address;
  }

  async selectRow(row: number): Promise<void> {
    if (!this.last) return;
    await this.port.select(this.last.sheet, `${columnLetter(this.last.firstColumn)}${row}:${columnLetter(this.last.lastColumn)}${row}`);
  }

  /**
   * The summary table as it will be written, from the last check: the pane's preview and the export
   * both come from here, so what the preview shows is what gets written.
   */
  planSummary(options: ExportOptions = {}): ExportPlan {
    if (!this.last || !this.lastGrid) {
      throw Object.assign(new Error("请先检查名单，再导出汇总表。"), { messageEn: "Check the list before exporting the summary." });
    }
    return this.engine.summary(this.lastGrid, this.last.report, this.programme(this.last.report.programme), options);
  }

  /** planSummary, off the pane's main thread where the host can: the preview of a long list. */
  async planSummaryAsync(options: ExportOptions = {}): Promise<ExportPlan> {
    if (!this.last || !this.lastGrid || !this.engine.planExportAsync) return this.planSummary(options);
    return this.engine.planExportAsync(this.lastGrid, this.last.report, this.programme(this.last.report.programme), options);
  }

  /**
   * The province's summary table from the last check (helper modules in src/domain/export and
   * src/export): into a new sheet or a new workbook through the port, or as .xlsx bytes to download.
   * The exceljs writer is loaded only now, so the pane starts without it.
   */
  async exportSummary(destination: ExportDestination, options: ExportOptions = {}, today = isoDay(new Date())): Promise<ExportOutcome> {
    const planned = this.planSummary(options);
    if (destination === "download") {
      const bytes = await this.writers.summaryWorkbook(planned);
      const report = this.last!.report;
      const fileName = downloadFileName({ what: planned.sheetName, city: report.city, programmeTitle: report.programmeTitle, date: today, ext: "xlsx" });
      return { plan: planned, destination, sheets: [], download: { fileName, bytes } };
    }
    // A name the workbook already has would make Excel number it; say what it will be called.
    const plan = destination === "sheet" ? { ...planned, sheetName: uniqueSheetName(planned.sheetName, await this.port.listSheets()) } : planned;
    const sheets = await this.port.openXlsx(toBase64(await this.writers.summaryWorkbook(plan)), destination);
    return { plan, destination, sheets };
  }

  /**
   * 退回修改清单 from the last check: a sheet per district with its rows to correct, opened as a new
   * workbook where Excel can (the clerk saves or sends it), else as .xlsx bytes to download.
   */
  async returnList(today: string): Promise<ReturnListOutcome> {
    if (!this.last || !this.lastGrid) {
      throw Object.assign(new Error("请先检查名单，再生成退回修改清单。"), { messageEn: "Check the list before making the return list." });
    }
    const plan = planReturnLists(this.lastGrid, this.last.report, { date: today });
    const fileName = returnListFileName(plan);
    const [bytes, capabilities] = await Promise.all([this.writers.returnListWorkbook(plan), this.port.capabilities()]);
    if (!capabilities.createWorkbook) return { plan, destination: "download", download: { fileName, bytes } };
    await this.port.openXlsx(toBase64(bytes), "workbook");
    return { plan, destination: "workbook" };
  }

  /**
   * 下载带标注的名单: a copy of the checked list (.xlsx) — its cells as read, merges and hidden rows
   * kept — with the marks of the last check: fills, notes and the 校验结果 column. Nothing in the
   * workbook changes; where the list came from a district's file, that file is never written.
   */
  async markedCopy(today: string): Promise<MarkedCopyOutcome> {
    const last = this.last;
    if (!last || !this.lastGrid || !this.lastPlan) {
      throw Object.assign(new Error("请先检查名单，再下载带标注的名单。"), { messageEn: "Check the list before downloading the marked copy." });
    }
    const plan = this.lastPlan;
    const bytes = await this.writers.markedListWorkbook({ grid: this.lastGrid, plan });
    const results = plan.results;
    return {
      fileName: markedCopyFileName(last.sheet, last.report.city, last.report.programmeTitle, today),
      bytes,
      rows: results.length,
      errors: results.filter((r) => r.level === "error").length,
      warnings: results.filter((r) => r.level === "warning").length,
    };
  }

  /**
   * The ranking panel from the last check: the rows that can be recommended and count, in the order the
   * places go now (one quota standing; a province checked city by city has several: null, as without a quota).
   */
  ranking(): RankingView | null {
    const last = this.last;
    const grid = this.lastGrid;
    if (!last || !grid || last.report.quotas.length !== 1) return null;
    const q = last.report.quotas[0];
    if (!q.candidates) return null;
    const colOf = (field: string) => {
      const c = last.report.columns.find((m) => m.field === field);
      return c ? { letter: c.column, index: columnNumber(c.column) - grid.firstColumn } : null;
    };
    const rank = colOf("rank");
    const names = ENTERPRISE_FIELDS.map(colOf).filter((c): c is NonNullable<typeof c> => c !== null);
    const text = (row: number, index: number) => {
      const v = grid.rows[row - grid.firstRow]?.[index]?.value;
      return v === null || v === undefined ? "" : String(v).trim();
    };
    const rows = q.candidates.map((row) => ({
      row,
      enterprise: names.map((c) => text(row, c.index)).find((n) => n !== "") ?? "",
      rank: rank ? text(row, rank.index) : "",
    }));
    return {
      label: q.label,
      labelEn: q.labelEn,
      quota: q.quota,
      rows,
      failingRows: q.failingRows ?? [],
      rankColumn: rank?.letter ?? null,
      placedBy: q.placedBy ?? "order",
      canUndo: this.rankingUndo !== null && this.rankingUndo.sheet === last.sheet,
    };
  }

  /**
   * The clerk confirmed an order in the ranking panel: the rows in `order` get ranks 1, 2 … in the rank
   * column (rows failing a hard condition after them, in their order), else — a list without a rank
   * column — the first of them take the places in every check of this sheet; then the list is checked
   * again, so the report, the marks and the export follow. Nothing is written before this call.
   */
  async confirmRanking(settings: CheckSettings, order: number[], onProgress: (p: Progress) => void = () => {}): Promise<CheckOutcome> {
    const view = this.ranking();
    if (!view || !this.last || !this.lastGrid) {
      throw Object.assign(new Error("请先检查名单，再确定推荐排序。"), { messageEn: "Check the list before ranking it." });
    }
    const sheet = this.last.sheet;
    const known = new Set(view.rows.map((r) => r.row));
    const rows = [...new Set(order)].filter((r) => known.has(r));
    // Rows the order leaves out keep their place after it, as the panel showed them.
    for (const r of view.rows) if (!rows.includes(r.row)) rows.push(r.row);
    const previousKeep = this.keep;
    if (view.rankColumn) {
      const column = columnNumber(view.rankColumn);
      const ranked = [...rows, ...view.failingRows.filter((r) => !rows.includes(r))];
      const cells = await this.port.writeCells(sheet, ranked.map((row, i) => ({ row, column, value: i + 1 })));
      this.rankingUndo = { sheet, cells, keep: previousKeep };
    } else {
      this.keep = { sheet, rows: view.quota === null ? rows : rows.slice(0, view.quota) };
      this.rankingUndo = { sheet, cells: [], keep: previousKeep };
    }
    return this.recheck(settings, onProgress);
  }

  /** Takes the confirmed ranking back: the rank cells as they were before it (values and formulas), the previous choice; checks again. */
  async undoRanking(settings: CheckSettings, onProgress: (p: Progress) => void = () => {}): Promise<CheckOutcome> {
    const undo = this.rankingUndo;
    if (!undo) throw Object.assign(new Error("没有可撤销的推荐排序。"), { messageEn: "There is no ranking to undo." });
    if (undo.cells.length > 0) await this.port.writeCells(undo.sheet, undo.cells);
    this.keep = undo.keep;
    this.rankingUndo = null;
    return this.recheck(settings, onProgress);
  }

  /**
   * 生成区县填报模板: the template for the chosen programme and city, opened as a new workbook where
   * Excel can (ExcelApi 1.8), else as .xlsx bytes to download. Needs no check and touches no sheet.
   */
  async districtTemplate(settings: Pick<CheckSettings, "programmeId" | "city" | "values">, today = isoDay(new Date())): Promise<TemplateOutcome> {
    const programme = this.programme(settings.programmeId);
    // The open facts the user set (a direction list …) shape the dropdowns as they shape the check.
    const plan = this.engine.template(programme, settings.city, settings.values);
    const [bytes, capabilities] = await Promise.all([this.writers.templateWorkbook(plan), this.port.capabilities()]);
    const fileName = templateFileName(plan, today);
    if (!capabilities.createWorkbook) return { plan, destination: "download", download: { fileName, bytes } };
    await this.port.openXlsx(toBase64(bytes), "workbook");
    return { plan, destination: "workbook" };
  }

  /** Stops listening for edits (the pane is going away). */
  dispose(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.onStale = null;
  }
}

/** 江宁区-已标注-南京市-重点工业互联网平台-2026-12-03.xlsx: the list, then city, programme and day, as the other downloads. */
export function markedCopyFileName(sheet: string, city: string, programmeTitle: string, today: string): string {
  return downloadFileName({ what: `${sheet}-已标注`, city, programmeTitle, date: today, ext: "xlsx" });
}

/** A short text standing for what grids hold (position, values, formulas): equal grids, equal text. */
export function fingerprint(grids: Grid[]): string {
  // FNV-1a over the cells: cheap, and a 2,000-row list never becomes one huge string.
  let h = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  };
  for (const g of grids) {
    add(`\u0001${g.sheetName}|${g.firstRow}|${g.firstColumn}|${g.rows.length}`);
    for (const row of g.rows) {
      // Trailing empty cells do not count: a re-read may stop at the last filled one.
      let end = row.length;
      while (end > 0 && (!row[end - 1] || (row[end - 1].kind === "empty" && !row[end - 1].formula))) end--;
      add("\u0002");
      for (let c = 0; c < end; c++) add(`${row[c]?.kind ?? ""}:${String(row[c]?.value ?? "")}:${row[c]?.formula ?? ""}\u0003`);
    }
  }
  return h.toString(16);
}

/** Lets the page paint and handle input before the next phase of a check. */
function pause(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Saved setting values the programme still declares; the check validates the values themselves. */
function savedValues(saved: unknown, programme: ProgrammeView): Record<string, unknown> {
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) return {};
  const ids = new Set(programme.settings.map((s) => s.id));
  return Object.fromEntries(Object.entries(saved as Record<string, unknown>).filter(([id, v]) => ids.has(id) && v !== undefined && v !== null));
}

/** `name`, or `name (2)`, `name (3)` … — at most 31 characters, as Excel allows — not among `taken`. */
