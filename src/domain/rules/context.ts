/**
 * What every rule sees: the rows as read (one value per mapped field), the programme, the
 * recommending unit, the as-of date, the reference lists — and one way to add a finding.
 */
import type { Cell, Grid } from "../cells";
import { FIELDS } from "../fields";
import type { HeaderResult, MappedColumn } from "../header";
import type { Programme } from "../programme";
import { fieldDefIn } from "../fields";
import type { PartialDate } from "../readers";
import type { City, ProvinceCode } from "../regions";
import type { Finding, FindingCode, RowSource, Severity } from "../report";
import type { UsccProblem } from "../uscc";

export interface ReferenceLists {
  /** Priority enterprises (集群 / 链主 / 产业链 member lists the bureau keeps). */
  priority?: { name: string; uscc?: string; cluster?: string; chain?: string }[];
  /** Enterprises barred by a list (前期155个省级重点平台, 第一批入围名单 …). */
  excluded?: { name: string; uscc?: string; list: string }[];
  /** Cluster and chain names the user adds to the confirmed ones (not presented as official). */
  clusterNames?: string[];
  chainNames?: string[];
  /** 榜单 tasks (工赋百景 附件1). */
  tasks?: string[];
}

/** A USCC cell as read: the compact code, or why there is none. */
export type UsccValue =
  | { status: "code"; code: string; shown: string; problem: UsccProblem | null }
  | { status: "truncated"; shown: string }
  | { status: "unreadable"; shown: string; problem: string; problemEn: string };

export type CertificateStatus = "yes" | "no" | "pending";

export interface ListValue {
  items: string[];
  /** Number of items covered (the cell may hold just a count). */
  count: number;
}

/** One applicant row, with each mapped field read by its kind. */
export interface RowData {
  /** Index into grid.rows. */
  index: number;
  /** Excel row number. */
  excelRow: number;
  cells: Cell[];
  /** Values read without problems; a field is absent when its cell was empty, unreadable or unmapped. */
  values: Map<string, unknown>;
  /** Fields whose cell held something that could not be read (already reported). */
  unreadable: ReadonlySet<string>;
  /** Where the row came from, when the list is a merged one (its 来源 column). */
  source?: RowSource;
  /** Province mode: the city the row belongs to (from its 城市 column or its source); null when unknown. */
  city?: City | null;
}

export interface CheckContext {
  programme: Programme;
  grid: Grid;
  header: HeaderResult;
  /** The recommending unit as resolved, or null when the given name is unknown (and in province mode). */
  unit: City | null;
  /** Province mode (--city 山东省): each row is judged against its own city. */
  province: ProvinceCode | null;
  asOf: PartialDate;
  asOfIso: string;
  references: ReferenceLists;
  /** Every setting's value in force, by id (programme.settings). */
  settings: Record<string, unknown>;
  /** Settings the user changed from their defaults. */
  settingsChanged: ReadonlySet<string>;
  quota: number | null;
  rows: RowData[];
  findings: Finding[];
  notes: string[];
}

export interface FindingInput {
  code: FindingCode;
  severity: Severity;
  message: string;
  messageEn: string;
  hint?: string;
  hintEn?: string;
  /** The command line's way to the remedy, said only by the CLI. */
  cli?: string;
  clause?: string;
  /** The field the finding concerns (its column is looked up). */
  field?: string;
  /** Column letter of a column that is no field of the programme (the 城市 column in province mode). */
  column?: string;
  row?: RowData;
  rows?: RowData[];
  /**
   * The rule reports each row of `rows` in a finding of its own (duplicates): list at most
   * ROWS_LISTED_IN_FINDING of them, the own row among them, or a group of n rows would make n findings
   * of n rows. A finding made once per group lists every row, so each row of the group gets its mark.
   */
  eachRowReported?: boolean;
  value?: string;
}

export function column(ctx: CheckContext, field: string): MappedColumn | undefined {
  return ctx.header.columns.get(field);
}

export function hasColumn(ctx: CheckContext, field: string): boolean {
  return ctx.header.columns.has(field);
}

/** A field's name as the programme has it: a field the notice defines itself is named as it defines it. */
export function fieldLabel(ctx: Pick<CheckContext, "programme">, field: string): string {
  return fieldDefIn(ctx.programme, field)?.zh ?? field;
}

export function fieldLabelEn(ctx: Pick<CheckContext, "programme">, field: string): string {
  return fieldDefIn(ctx.programme, field)?.en ?? field;
}

export function addFinding(ctx: CheckContext, f: FindingInput): void {
  const out: Finding = { code: f.code, severity: f.severity, message: f.message, messageEn: f.messageEn };
  if (f.row) out.row = f.row.excelRow;
  if (f.field) {
    out.field = f.field;
    const col = column(ctx, f.field);
    if (col && f.row) out.column = col.letter;
  }
  if (f.column && f.row) out.column = f.column;
  if (f.rows && f.rows.length > 0) out.rows = f.eachRowReported ? rowsOfFinding(f.rows, f.row?.excelRow) : [...distinctRows(f.rows)];
  if (f.value !== undefined && f.value !== "") out.value = f.value;
  if (f.hint) out.hint = f.hint;
  if (f.hintEn) out.hintEn = f.hintEn;
  if (f.cli) out.cli = f.cli;
  if (f.clause) out.clause = f.clause;
  ctx.findings.push(out);
}

/** The recommending unit a row is judged against: its own city in province mode, else the one unit. */
export function unitOf(ctx: CheckContext, row: RowData): City | null {
  return ctx.province ? (row.city ?? null) : ctx.unit;
}

/** "历下区第3行与历城区第2行" when every row has a source (merged lists); null otherwise. */
export function placeList(rows: readonly RowData[]): string | null {
  if (rows.length === 0 || rows.some((r) => !r.source)) return null;
  const places = rows.slice(0, ROWS_NAMED_IN_MESSAGE).map((r) => `${r.source!.district ?? (r.source!.file || r.source!.sheet)}第${r.source!.sourceRow}行`);
  const more = rows.length > places.length ? `等共${rows.length}行` : "";
  if (places.length === 1) return places[0]! + more;
  return more ? places.join("、") + more : `${places.slice(0, -1).join("、")}与${places[places.length - 1]}`;
}

export function value<T>(row: RowData, field: string): T | undefined {
  return row.values.get(field) as T | undefined;
}

/** The cell of a mapped field, for showing what the clerk typed. */
export function shownOf(ctx: CheckContext, row: RowData, field: string): string {
  const col = column(ctx, field);
  if (!col) return "";
  const cell = row.cells[col.index];
  if (!cell || cell.value === null) return "";
  return String(cell.value);
}

/** Rows named in one message; beyond this the message counts the rest, so a message stays readable and a report stays linear in size. */
export const ROWS_NAMED_IN_MESSAGE = 8;

/** Rows listed in a finding that is one of a finding per row of its group (see FindingInput.eachRowReported). */
export const ROWS_LISTED_IN_FINDING = 50;

// A set rule passes the same group to each of its findings: sort it once.
const sortedRows = new WeakMap<readonly RowData[], number[]>();

function distinctRows(rows: readonly RowData[]): number[] {
  let sorted = sortedRows.get(rows);
  if (!sorted) {
    sorted = [...new Set(rows.map((r) => r.excelRow))].sort((a, b) => a - b);
    sortedRows.set(rows, sorted);
  }
  return sorted;
}

function rowsOfFinding(rows: readonly RowData[], own: number | undefined): number[] {
  const all = distinctRows(rows);
  if (all.length <= ROWS_LISTED_IN_FINDING) return [...all];
  const listed = all.slice(0, ROWS_LISTED_IN_FINDING);
  if (own !== undefined && !listed.includes(own)) listed[ROWS_LISTED_IN_FINDING - 1] = own;
  return listed.sort((a, b) => a - b);
}

/** "4、15" or, for long lists, "4、15、…、31等共40". */
export function rowList(rows: readonly RowData[]): string {
  const all = distinctRows(rows);
  if (all.length <= ROWS_NAMED_IN_MESSAGE) return all.join("、");
  return `${all.slice(0, ROWS_NAMED_IN_MESSAGE).join("、")}等共${all.length}`;
}

export function rowListEn(rows: readonly RowData[]): string {
  const all = distinctRows(rows);
  if (all.length <= ROWS_NAMED_IN_MESSAGE) return all.join(", ");
  return `${all.slice(0, ROWS_NAMED_IN_MESSAGE).join(", ")} and ${all.length - ROWS_NAMED_IN_MESSAGE} more`;
}
