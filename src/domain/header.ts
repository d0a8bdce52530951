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
import { rowKind, type SkipReason } from "./shape";
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
  /** Mapped by header and cells together (why "content"): the share of its cells that fit the field. */
  contentFit?: number;
  /** A field proposed for the clerk to confirm (unmapped or weak columns). */
  suggestion?: string;
  /** An unused column's suggestion rests on its header or on cells only that field holds: the report says the column is unused (column-unused). */
  suggestionFrom?: "header" | "content";
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

/**
 * Each column's labels for a header of one to three rows (levels, top first). A title carries right
 * over empty cells only while the rows below hold text (a group title merged over its children); an
 * empty column ends a group. A label repeated down a column (a vertical merge carried) counts once.
 */
function columnLabels(grid: Grid, levels: readonly number[]): Candidate[] {
  const width = Math.max(0, ...levels.map((r) => grid.rows[r]?.length ?? 0));
  const last = levels.length - 1;
  const out: Candidate[] = [];
  const carried: { key: string; raw: string }[] = levels.map(() => ({ key: "", raw: "" }));
  for (let c = 0; c < width; c++) {
    const own = levels.map((r) => labelOf(grid.rows[r]?.[c]));
    const raw = levels.map((r) => rawLabel(grid.rows[r]?.[c]));
    if (own.every((l) => !l)) {
      for (const k of carried) k.key = k.raw = "";
      out.push({ index: c, label: "", parent: "", child: "" });
      continue;
    }
    const parts: { key: string; raw: string }[] = [];
    for (let l = 0; l <= last; l++) {
      const below = own.slice(l + 1).some(Boolean);
      if (own[l]) {
        // A new title at this level starts a new group for the levels under it.
        carried[l] = below ? { key: own[l], raw: raw[l] } : { key: "", raw: "" };
        for (let k = l + 1; k < last; k++) if (!own[k]) carried[k] = { key: "", raw: "" };
        parts.push({ key: own[l], raw: raw[l] });
      } else if (l < last && below && carried[l].key) {
        parts.push(carried[l]);
      }
    }
    const distinct = parts.filter((p, i) => i === 0 || p.key !== parts[i - 1].key);
    const child = distinct.length > 1 ? distinct[distinct.length - 1] : own[last] ? distinct[distinct.length - 1] : { key: "", raw: "" };
    const parent = distinct.length > 1 ? distinct[distinct.length - 2] : own[last] ? { key: "", raw: "" } : (distinct[0] ?? { key: "", raw: "" });
    if (levels.length === 1) out.push({ index: c, label: raw[0], parent: own[0], child: "" });
    else out.push({ index: c, label: distinct.map((p) => p.raw).join("/"), parent: parent.key, child: child.key });
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

function mapColumns(grid: Grid, programme: Programme, levels: readonly number[], choices: readonly ColumnChoice[], withContent: boolean): Mapped {
  const allowed = new Set(programme.fields.map((f) => f.field));
  const cands = columnLabels(grid, levels);
  const dataStart = levels[levels.length - 1] + 1;
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
      ...(a.contentFit !== undefined ? { contentFit: a.contentFit } : {}),
      ...(a.suggestion ? { suggestion: a.suggestion } : {}),
      ...(a.suggestionFrom ? { suggestionFrom: a.suggestionFrom } : {}),
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

/**
 * A row above the header that holds its group titles: text only, two labels or more, no 填报单位-style
 * "key：value" line, and a label over an empty cell of the header (序号 merged down) or a title over
 * several header cells (企业基本情况 over 申报单位, 统一社会信用代码).
 */
function couldBeGroupRow(grid: Grid, up: number, header: number): boolean {
  const row = grid.rows[up];
  if (!couldBeSubHeader(row)) return false;
  const labels = row!.map(labelOf);
  if (labels.filter(Boolean).length < 2 || labels.some((l) => /[:：]/.test(l))) return false;
  const below = grid.rows[header] ?? [];
  for (let c = 0; c < labels.length; c++) {
    if (!labels[c]) continue;
    if (!labelOf(below[c])) return true;
    if (c + 1 < labels.length && !labels[c + 1] && labelOf(below[c + 1])) return true;
  }
  return false;
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

  // Up to three rows: group titles above the best row (merged over its columns, or over its empty
  // cells as 序号 and 备注 are when merged down), and a sub-header below it.
  let levels = [best];
  const tries = (ls: number[]) => mapColumns(grid, programme, ls, choices, false).distinct;
  for (let up = best - 1; up >= 0 && up >= best - 2 && levels.length < 3; up--) {
    if (!couldBeGroupRow(grid, up, levels[0])) break;
    const more = [up, ...levels];
    if (tries(more) < tries(levels)) break;
    levels = more;
  }
  if (levels.length < 3 && couldBeSubHeader(grid.rows[best + 1])) {
    const one = tries(levels);
    const two = tries([...levels, best + 1]);
    // A title merged over children ("近三年投入（万元）" over 平台和系统开发费 … 合计) makes a two-row header
    // even when the children name no more fields than the title: the title's own column is only the first child.
    if (two > one || (two === one && hasMergedChildren(grid, best, best + 1))) levels = [...levels, best + 1];
  }
  const mapped = mapColumns(grid, programme, levels, choices, true);

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
  return { rowIndices: levels, dataStart: levels[levels.length - 1] + 1, columns, ambiguous, all: mapped.all, unmatchedChoices: mapped.unmatched };
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

export type { SkipReason } from "./shape";

/** Why a row below the header is not an applicant row on its own look, or null when it is one (classifyRows sees the rows around it). */
export function skipReason(row: Cell[], identityIndices: readonly number[]): SkipReason | null {
  const kind = rowKind(row, identityIndices);
  return kind === "heading" ? "note" : kind;
}
