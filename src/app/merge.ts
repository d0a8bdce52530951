/**
 * Merging list files (and sheets the caller already holds) into one list, for the CLI and the pane
 * alike. Nothing is dropped in silence: every file and sheet ends either among the merge's sources
 * or in `skipped`, with why.
 */
import { findHeader } from "../domain/header";
import { mergeLists, type MergeInput, type MergeResult } from "../domain/merge";
import type { Programme } from "../domain/programme";
import { ListReadError, openListFile, type ListFile, type OpenOptions, type ReadFailure, type ReadSheet } from "./files";

/** Why a file or a sheet gave no rows to the merge. */
export type SkipReason = ReadFailure | "no-header" | "other-sheet";

export interface SkippedSource {
  file: string;
  /** The sheet, when the file was read and one of its sheets is meant. */
  sheet?: string;
  reason: SkipReason;
  why: string;
  whyEn: string;
}

export interface MergedLists extends MergeResult {
  /** Files that could not be read, sheets that hold no list: named, never merged. */
  skipped: SkippedSource[];
}

/** The sheets of a book that hold a list of the programme (a header is found), and the others named. */
export function listSheets(sheets: readonly ReadSheet[], programme: Programme, file: string): { lists: ReadSheet[]; others: SkippedSource[] } {
  const lists: ReadSheet[] = [];
  const others: SkippedSource[] = [];
  for (const s of sheets) {
    if (findHeader(s.grid, programme).rowIndices.length > 0) lists.push(s);
    else others.push({ file, sheet: s.name, reason: "other-sheet", why: "没有本项目的表头，不是名单", whyEn: "no header of the programme: not a list" });
  }
  return { lists, others };
}

export interface ReadForMerge {
  /** One sheet of every file (as `--sheet`); else every sheet that holds a list. */
  sheet?: string;
  read?: OpenOptions;
}

/** Each file's list sheets as merge inputs; what could not be read, or holds no list, in `skipped`. */
export async function readMergeInputs(files: readonly ListFile[], programme: Programme, options: ReadForMerge = {}): Promise<{ inputs: MergeInput[]; skipped: SkippedSource[] }> {
  const inputs: MergeInput[] = [];
  const skipped: SkippedSource[] = [];
  for (const file of files) {
    let sheets: ReadSheet[];
    try {
      const book = await openListFile(file, options.read);
      sheets = options.sheet !== undefined ? [book.sheet(options.sheet)] : book.sheetNames.map((name) => book.sheet(name));
    } catch (e) {
      if (!(e instanceof ListReadError)) throw e;
      skipped.push({ file: file.name, reason: e.reason, why: e.why, whyEn: e.whyEn });
      continue;
    }
    const { lists, others } = listSheets(sheets, programme, file.name);
    // A file with no list sheet goes to the merge whole (its first sheet), which names it as having no header.
    const taken = lists.length > 0 ? lists : sheets.slice(0, 1);
    if (lists.length > 0 && sheets.length > 1) skipped.push(...others);
    else if (lists.length === 0 && sheets.length > 1) skipped.push(...others.slice(1));
    for (const s of taken) inputs.push({ file: file.name, sheet: s.name, grid: s.grid, ...(s.findings.length > 0 ? { findings: s.findings } : {}) });
  }
  return { inputs, skipped };
}

/** The domain's merge; a source where no header was found is named in `skipped` (its rows cannot be placed). */
export function mergeInputs(inputs: readonly MergeInput[], skipped: readonly SkippedSource[], programme: Programme, city: string): MergedLists {
  const merged = mergeLists(inputs, { programme, city });
  const noHeader: SkippedSource[] = merged.problems.map((p) => ({
    file: p.file,
    sheet: p.sheet,
    reason: "no-header",
    why: "前30行中找不到表头（没有一行含有至少3个本项目的列名），未合并其中任何一行",
    whyEn: "no header row in the first 30 rows; none of its rows were merged",
  }));
  return { ...merged, summaries: merged.summaries.filter((s) => s.headerRows.length > 0), problems: [], skipped: [...skipped, ...noHeader] };
}

/** Nothing could be merged (every file unreadable or without a list): the refusal, Chinese and English; null when something was. */
export function nothingMerged(merged: MergedLists): [string, string] | null {
  if (merged.summaries.length > 0) return null;
  if (merged.skipped.length === 0) return ["没有要合并的名单", "no list to merge"];
  return [`未合并：${merged.skipped.map((s) => `${skippedPlace(s)}：${s.why}`).join("；")}`, `nothing merged: ${merged.skipped.map((s) => `${skippedPlaceEn(s)}: ${s.whyEn}`).join("; ")}`];
}

/** "县甲.xls" or "县甲.xlsx“Sheet2”" (a sheet of this workbook: 工作表“Sheet2”). */
export function skippedPlace(s: Pick<SkippedSource, "file" | "sheet">): string {
  if (!s.file) return `工作表“${s.sheet ?? ""}”`;
  return s.sheet !== undefined ? `${s.file}“${s.sheet}”` : s.file;
}

export function skippedPlaceEn(s: Pick<SkippedSource, "file" | "sheet">): string {
  if (!s.file) return `sheet “${s.sheet ?? ""}”`;
  return s.sheet !== undefined ? `${s.file} “${s.sheet}”` : s.file;
}

/** Files (and `sheets` the caller read itself: the open workbook's) merged into one list; see nothingMerged. */
export async function mergeListFiles(files: readonly ListFile[], programme: Programme, city: string, options: ReadForMerge & { sheets?: readonly MergeInput[] } = {}): Promise<MergedLists> {
  const { inputs, skipped } = await readMergeInputs(files, programme, options);
  return mergeInputs([...inputs, ...(options.sheets ?? [])], skipped, programme, city);
}

/** One district's file opened to land in a sheet of its own (打开名单文件): its list sheets, the others named. */
export interface OpenedList {
  file: string;
  formatName: { zh: string; en: string };
  /** The sheets holding a list; a file with none gives its first sheet, whose check then says why. */
  lists: ReadSheet[];
  /** Sheets of the file holding no list (named, not landed). */
  skipped: SkippedSource[];
}

/** Opens a list file for 打开名单文件. Throws ListReadError when the file cannot be read (password, not a spreadsheet …). */
export async function openListSheets(file: ListFile, programme: Programme, options: OpenOptions = {}): Promise<OpenedList> {
  const book = await openListFile(file, options);
  const sheets: ReadSheet[] = [];
  const unread: SkippedSource[] = [];
  for (const name of book.sheetNames) {
    try {
      sheets.push(book.sheet(name));
    } catch (e) {
      if (!(e instanceof ListReadError)) throw e;
      unread.push({ file: file.name, sheet: name, reason: e.reason, why: e.why, whyEn: e.whyEn });
    }
  }
  if (sheets.length === 0) {
    // Every sheet refused: the first one's reason is the file's.
    book.sheet(book.defaultSheet);
  }
  const { lists, others } = listSheets(sheets, programme, file.name);
  const landed = lists.length > 0 ? lists : sheets.slice(0, 1);
  return { file: file.name, formatName: book.formatName, lists: landed, skipped: [...unread, ...others.filter((o) => !landed.some((s) => s.name === o.sheet))] };
}
