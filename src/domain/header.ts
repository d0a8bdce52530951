/**
 * Finding the header of a pasted list and mapping its columns to a programme's fields.
 *
 * Districts put a title or two and a 填报单位 line above the header, sometimes a second header row
 * under merged group titles ("近三年投入（万元）" over "合计"). The header is the row, among the first
 * rows, that names the most fields of the programme; the row below it is a sub-header when it is
 * all text and joining it to its parents names more fields than the first row alone.
 */
import type { Cell, Grid } from "./cells";
import { columnLetter } from "./cells";
import { type ColumnChoice, isColumnLetter } from "./columns";
import { FIELDS } from "./fields";
import type { Programme } from "./programme";
import { assign, columnContent, CONTENT_ROWS, headerField, scoreColumn } from "./matching";
import type { ColumnWhy } from "./report";
import { cleanText, headerKey, headerUnit } from "./text";

/** Below this a match is weak: the report calls the mapping uncertain and a required field so matched gets header-uncertain. */
export const WEAK_CONFIDENCE = 0.6;

/** How far down a header may sit. Titles and 填报单位 lines rarely take more than a few rows. */
const HEADER_SEARCH_ROWS = 30;

/** One column of the header, mapped to a field or not. */
export interface ColumnInfo {
  /** Index into the grid row. */
  index: number;
  letter: string;
  /** The header as shown, parent and child joined with "/" for two-row headers. */
  header: string;
  /** Unit from the header's brackets (child first, then parent), for amounts. */
  unit: string | null;
  field: string | null;
  /** 0..1; 1 for the user's choice, 0 when unmapped. */
  confidence: number;
  why: ColumnWhy;
  /** A field proposed for the clerk to confirm (unmapped or weak columns). */
  suggestion?: string;
  /** Next best fields, best first, at most 3. */
  alternatives?: { field: string; confidence: number }[];
  /** Names the same field as another column as plainly (header-ambiguous); left unused. */
  ambiguousWith?: string;
}

export interface MappedColumn extends ColumnInfo {
  field: string;
}

export interface AmbiguousField {
  field: string;
  /** The column used (the first) and the others. */
  used: MappedColumn;
  others: MappedColumn[];
}

export interface HeaderResult {
  /** Grid row indices of the header: one or two; empty when none was found. */
  rowIndices: number[];
  /** Index of the first row below the header. */
  dataStart: number;
  columns: Map<string, MappedColumn>;
  ambiguous: AmbiguousField[];
  /** Every column of the header row(s), left to right; empty when no header was found. */
  all: ColumnInfo[];
  /** The user's choices that name no column of the header (a letter past its last column, a header text it lacks); empty when no header was found. */
  unmatchedChoices: ColumnChoice[];
}

/** Header text of a cell (only text cells name fields; a number in a header row is not a label). */
function labelOf(cell: Cell | undefined): string {
  if (!cell || cell.kind !== "text" || typeof cell.value !== "string") return "";
  return cleanText(cell.value);
}

function rawLabel(cell: Cell | undefined): string {
  if (!cell || cell.kind !== "text" || typeof cell.value !== "string") return "";
  return cell.value.replace(/[\s\u00A0\u3000\u200B-\u200D\uFEFF]+/gu, " ").trim();
}

export interface FieldMatcher {
  /** The field a header label names on its own, or null. */
  match(label: string): string | null;
}

/** The header evidence alone, over the programme's fields only: a column the programme does not use stays unmapped. */
export function fieldMatcher(programme: Programme): FieldMatcher {
  return { match: (label: string) => headerField(programme, label) };
}

interface Candidate {
  index: number;
  label: string;
  parent: string;
  child: string;
}

/** Each column's labels for a one- or two-row header; a merged parent title carries right over empty cells. */
function columnLabels(grid: Grid, headerIndex: number, subIndex: number | null): Candidate[] {
  const width = grid.rows[headerIndex]?.length ?? 0;
  const out: Candidate[] = [];
  let carried = "";
  let carriedRaw = "";
  for (let c = 0; c < width; c++) {
    const own = labelOf(grid.rows[headerIndex]?.[c]);
    const child = subIndex === null ? "" : labelOf(grid.rows[subIndex]?.[c]);
    // Only a group title (one with children below) is carried to the right.
    if (own) carried = own;
    const parent = own || (subIndex !== null && child ? carried : "");
    // An empty column ends a merged group.
    if (!own && !child) carried = "";
    // Shown as the district wrote it (full-width brackets kept), only spaces tidied.
    const shownParent = own ? rawLabel(grid.rows[headerIndex]?.[c]) : parent ? carriedRaw : "";
    const shownChild = child ? rawLabel(grid.rows[subIndex!]?.[c]) : "";
    if (own) carriedRaw = shownParent;
    out.push({ index: c, label: shownParent && shownChild ? `${shownParent}/${shownChild}` : shownParent || shownChild, parent, child });
  }
  return out;
}

/** Does a choice name this column: its letter, or its header as shown (whole, the child alone, or parent+child)? */
function choiceNames(choice: ColumnChoice, cand: Candidate, letter: string): boolean {
  const named = choice.column.trim();
  if (isColumnLetter(named)) return named === letter;
  const key = headerKey(named);
  if (key === "") return false;
  return key === headerKey(cand.label) || key === headerKey(cand.parent + cand.child) || (cand.child !== "" && key === headerKey(cand.child)) || (cand.child === "" && key === headerKey(cand.parent));
}

/**
 * Which choice each column takes (the last naming it) and the choices naming no column. A lower-case
 * letter ("d") names a column by its letter only when no header reads so: a header "qq" stays a header.
 */
function resolveChoices(cands: readonly Candidate[], firstColumn: number, choices: readonly ColumnChoice[]): { byIndex: Map<number, ColumnChoice>; unmatched: ColumnChoice[] } {
  const byIndex = new Map<number, ColumnChoice>();
  const unmatched: ColumnChoice[] = [];
  for (const choice of choices) {
    let hits = cands.filter((cand) => choiceNames(choice, cand, columnLetter(firstColumn + cand.index)));
    const upper = choice.column.trim().toUpperCase();
    if (hits.length === 0 && isColumnLetter(upper)) hits = cands.filter((cand) => columnLetter(firstColumn + cand.index) === upper);
    if (hits.length === 0) unmatched.push(choice);
    for (const cand of hits) byIndex.set(cand.index, choice);
  }
  return { byIndex, unmatched };
}

interface Mapped {
  all: ColumnInfo[];
  distinct: number;
  unmatched: ColumnChoice[];
}

function mapColumns(grid: Grid, programme: Programme, headerIndex: number, subIndex: number | null, choices: readonly ColumnChoice[], withContent: boolean): Mapped {
  const allowed = new Set(programme.fields.map((f) => f.field));
  const cands = columnLabels(grid, headerIndex, subIndex);
  const dataStart = (subIndex ?? headerIndex) + 1;
  const resolved = resolveChoices(cands, grid.firstColumn, choices);
  const user = new Map<number, ColumnChoice>();
  for (const [index, choice] of resolved.byIndex) {
    if (choice.field === null || allowed.has(choice.field)) user.set(index, choice);
  }
  const taken = new Set([...user.values()].map((c) => c.field).filter((f): f is string => f !== null));
  const evidence = cands.map((cand) => {
    const content = withContent ? columnContent(columnCells(grid, cand.index, dataStart)) : null;
    return scoreColumn(programme, cand, content, cand.index);
  });
  // Columns the user decided take no part in the assignment.
  const open = evidence.filter((e) => !user.has(e.index));
  const assigned = new Map(assign(open, taken).map((a) => [a.index, a]));
  const all: ColumnInfo[] = cands.map((cand) => {
    const letter = columnLetter(grid.firstColumn + cand.index);
    const unit = (cand.child ? headerUnit(cand.child) : null) ?? (cand.parent ? headerUnit(cand.parent) : null);
    const base = { index: cand.index, letter, header: cand.label, unit };
    const choice = user.get(cand.index);
    if (choice) return { ...base, field: choice.field, confidence: choice.field === null ? 0 : 1, why: "user" as const };
    const a = assigned.get(cand.index)!;
    return {
      ...base,
      field: a.field,
      confidence: a.confidence,
      why: a.why,
      ...(a.suggestion ? { suggestion: a.suggestion } : {}),
      ...(a.alternatives.length > 0 ? { alternatives: a.alternatives } : {}),
      ...(a.ambiguousWith ? { ambiguousWith: a.ambiguousWith } : {}),
    };
  });
  return { all, distinct: new Set(all.filter((c) => c.field !== null).map((c) => c.field)).size, unmatched: resolved.unmatched };
}

/** The cells of one column below the header, the first rows only. */
function columnCells(grid: Grid, index: number, dataStart: number): Cell[] {
  const out: Cell[] = [];
  for (let r = dataStart; r < grid.rows.length && out.length < CONTENT_ROWS; r++) {
    const cell = grid.rows[r]?.[index];
    if (cell) out.push(cell);
  }
  return out;
}

/** Text in the second row under an empty first-row cell: the first row's title is merged over children. */
function hasMergedChildren(grid: Grid, headerIndex: number, subIndex: number): boolean {
  const top = grid.rows[headerIndex] ?? [];
  const sub = grid.rows[subIndex] ?? [];
  let carried = false;
  for (let c = 0; c < top.length; c++) {
    const own = labelOf(top[c]);
    const child = labelOf(sub[c]);
    if (own) carried = child !== "";
    else if (child && carried) return true;
    else if (!child) carried = false;
  }
  return false;
}

/** How many distinct fields a row's text cells name on their own (or by the user's choice): the header search's measure. */
function namedFields(grid: Grid, programme: Programme, rowIndex: number, choices: readonly ColumnChoice[]): number {
  const row = grid.rows[rowIndex];
  if (!row) return 0;
  const fields = new Set<string>();
  const cands: Candidate[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || cell.kind !== "text") continue;
    const label = labelOf(cell);
    if (!label || label.length > 60) continue;
    cands.push({ index: c, label, parent: label, child: "" });
  }
  const chosen = choices.length > 0 ? resolveChoices(cands, grid.firstColumn, choices).byIndex : null;
  for (const cand of cands) {
    const field = chosen?.has(cand.index) ? chosen.get(cand.index)!.field : headerField(programme, cand.label);
    if (field) fields.add(field);
  }
  return fields.size;
}

/** A row that could be a sub-header: some text, and nothing that looks like data (numbers, dates, codes). */
function couldBeSubHeader(row: Cell[] | undefined): boolean {
  if (!row) return false;
  let text = 0;
  for (const cell of row) {
    if (cell.kind === "empty") continue;
    if (cell.kind !== "text") return false;
    text++;
  }
  return text > 0;
}

export interface FindHeaderOptions {
  /** The user's column choices: they win over any evidence (field null leaves a column unused). */
  choices?: readonly ColumnChoice[];
}

/** Rows scored by the number of distinct programme fields they name; the best (first on a tie) wins. */
export function findHeader(grid: Grid, programme: Programme, options: FindHeaderOptions = {}): HeaderResult {
  const choices = options.choices ?? [];
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const distinct = namedFields(grid, programme, r, choices);
    if (distinct > bestScore) {
      bestScore = distinct;
      best = r;
    }
  }
  // Two fields could be chance (a 填报单位 line naming 联系人 and 联系电话); a header names more.
  if (best < 0 || bestScore < 3) return { rowIndices: [], dataStart: grid.rows.length, columns: new Map(), ambiguous: [], all: [], unmatchedChoices: [] };

  let subIndex: number | null = null;
  if (couldBeSubHeader(grid.rows[best + 1])) {
    const one = mapColumns(grid, programme, best, null, choices, false);
    const two = mapColumns(grid, programme, best, best + 1, choices, false);
    // A title merged over children ("近三年投入（万元）" over 平台和系统开发费 … 合计) makes a two-row header
    // even when the children name no more fields than the title: the title's own column is only the first child.
    if (two.distinct > one.distinct || (two.distinct === one.distinct && hasMergedChildren(grid, best, best + 1))) subIndex = best + 1;
  }
  const mapped = mapColumns(grid, programme, best, subIndex, choices, true);

  const columns = new Map<string, MappedColumn>();
  const ambiguous: AmbiguousField[] = [];
  for (const col of mapped.all) {
    if (col.ambiguousWith) {
      const used = columns.get(col.ambiguousWith);
      const twin = { ...col, field: col.ambiguousWith } as MappedColumn;
      const entry = ambiguous.find((a) => a.field === col.ambiguousWith);
      if (entry) entry.others.push(twin);
      else if (used) ambiguous.push({ field: col.ambiguousWith, used, others: [twin] });
      continue;
    }
    if (col.field === null) continue;
    const used = columns.get(col.field);
    const mc = col as MappedColumn;
    if (!used) {
      columns.set(col.field, mc);
      continue;
    }
    const entry = ambiguous.find((a) => a.field === col.field);
    if (entry) entry.others.push(mc);
    else ambiguous.push({ field: col.field, used, others: [mc] });
  }
  const rowIndices = subIndex === null ? [best] : [best, subIndex];
  return { rowIndices, dataStart: (subIndex ?? best) + 1, columns, ambiguous, all: mapped.all, unmatchedChoices: mapped.unmatched };
}

/** Is this row the header again (districts pasting their own header above their rows)? */
export function repeatsHeader(grid: Grid, programme: Programme, rowIndex: number, header: HeaderResult): boolean {
  if (header.rowIndices.length === 0) return false;
  const row = grid.rows[rowIndex];
  if (!row) return false;
  // Cheap test first: a data row holds numbers, dates or long digit runs (codes, phones); a header never does.
  let text = 0;
  for (const col of header.columns.values()) {
    const cell = row[col.index];
    if (!cell || cell.kind === "empty") continue;
    if (cell.kind !== "text" || typeof cell.value !== "string" || /\d{5}/.test(cell.value)) return false;
    text++;
  }
  if (text < 3) return false;
  let same = 0;
  for (const col of header.columns.values()) {
    const label = labelOf(row[col.index]);
    if (label && headerField(programme, label) === col.field) same++;
  }
  return same >= 3 && same >= header.columns.size / 2;
}

export type SkipReason = "empty" | "total" | "note" | "header";

/** Only spaces of any kind and zero-width characters: what a "blank" text cell holds. */
const BLANK = /^[\s\u00A0\u2007\u202F\u3000\u200B-\u200D\u2060\uFEFF]*$/u;
const TOTAL = /^(合计|小计|总计|共计|累计|总合计)/u;
const NOTE = /^(填报说明|填表说明|说明|备注|注|附注|注意|填写说明|审核意见|推荐意见|制表|审核人|填报人|负责人)[:：]|^(填报说明|填表说明|注意事项)/u;

/** Why a row below the header is not an applicant row, or null when it is one. */
export function skipReason(row: Cell[], identityIndices: readonly number[]): SkipReason | null {
  let first: string | null = null;
  let nonEmpty = 0;
  let onlyIndex = -1;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || cell.kind === "empty") continue;
    if (cell.kind === "text" && BLANK.test(String(cell.value))) continue;
    nonEmpty++;
    onlyIndex = c;
    if (first === null) first = cell.kind === "text" ? cleanText(String(cell.value)).replace(/ /g, "") : "";
  }
  if (nonEmpty === 0) return "empty";
  if (first !== null && TOTAL.test(first)) return "total";
  if (first !== null && NOTE.test(first)) return "note";
  // One long text in a column that names no one: a section title or a note ("一、历城区").
  if (nonEmpty === 1 && first !== null && first !== "" && !identityIndices.includes(onlyIndex) && row.length >= 4) return "note";
  return null;
}
