/**
 * Reading one list file, for every caller alike (CLI, pane, standalone page): bytes of any format the
 * registry knows (workbook/formats) → its sheets, or a ListReadError naming the file and why.
 */
import type { Grid } from "../domain/cells";
import type { Finding } from "../domain/report";
import type { CsvEncoding } from "../workbook/csv";
import { FORMATS, readListFile, textIsNoTable, type ListBook, type ReadListFileOptions } from "../workbook/formats/book";
import type { FormatId } from "../workbook/formats/sniff";
import { XlsxReadError } from "../workbook/read-error";

export { ACCEPT_LIST_FILES, LIST_EXTENSIONS, FORMATS, formatOfName, hasListExtension as isListFileName, type FormatId } from "../workbook/formats/book";

/** The formats read, as messages and pickers name them: ".xlsx、.xls、.et、…". */
export const LIST_FILES_TEXT = FORMATS.map((f) => f.extensions[0]).join("、");
export const LIST_FILES_TEXT_EN = FORMATS.map((f) => f.extensions[0]).join(", ");

/** A list file as the caller holds it: its name (shown in messages and the 来源 column) and its bytes. */
export interface ListFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadSheet {
  name: string;
  grid: Grid;
  /** What reading found about the file and this sheet (format-mislabelled, csv-malformed …). */
  findings: Finding[];
}

/** Why a file gave no list: "password" | "not-a-list" | "empty" | "unreadable" (the registry's), or "limit" (too large). */
export type ReadFailure = "password" | "not-a-list" | "empty" | "unreadable" | "limit";

/** A file that cannot be read as a list: `message` names the file ("县甲.xls：该文件设有打开密码…"); `why` is the bare reason. */
export class ListReadError extends XlsxReadError {
  constructor(
    readonly file: string,
    readonly why: string,
    readonly whyEn: string,
    readonly reason: ReadFailure,
  ) {
    super(`${file}：${why}`, `${file}: ${whyEn}`);
    this.name = "ListReadError";
  }
}

/** A file read: its format, and its sheets, each read when asked (a large workbook's other sheets cost nothing). */
export interface OpenedBook {
  file: string;
  format: FormatId;
  formatName: { zh: string; en: string };
  encoding?: CsvEncoding;
  /** Every sheet but the very hidden ones, in workbook order. */
  sheetNames: string[];
  /** The sheet read when none is named. */
  defaultSheet: string | undefined;
  /** One sheet (default: defaultSheet); throws ListReadError when it is missing, too large, or a text file that is no table. */
  sheet(name?: string): ReadSheet;
}

const UNREADABLE: readonly [string, string] = ["无法读取该文件：请在 Excel 或 WPS 中打开后另存为 .xlsx 再试", "cannot read the file: open it in Excel or WPS and save it as .xlsx"];

function failure(file: string, e: unknown): ListReadError {
  if (e instanceof ListReadError) return e;
  if (e instanceof XlsxReadError) {
    const reason = (e as { reason?: ReadFailure }).reason ?? "limit";
    return new ListReadError(file, e.message, e.messageEn, reason);
  }
  // A library's own exception is never shown as it is: one line naming the file.
  return new ListReadError(file, UNREADABLE[0], UNREADABLE[1], "unreadable");
}

export interface OpenOptions extends ReadListFileOptions {
  /** A reference list may be one column of names: a text file is then refused only when it holds nothing. */
  oneColumn?: boolean;
}

/** Opens one list file. Throws ListReadError (never a library's own exception). */
export async function openListFile(file: ListFile, options: OpenOptions = {}): Promise<OpenedBook> {
  let book: ListBook;
  try {
    book = await readListFile(file.bytes, file.name, options);
  } catch (e) {
    throw failure(file.name, e);
  }
  return {
    file: file.name,
    format: book.format,
    formatName: book.formatName,
    ...(book.encoding ? { encoding: book.encoding } : {}),
    sheetNames: book.sheetNames,
    defaultSheet: book.defaultSheet,
    sheet: (name) => {
      const wanted = name ?? book.defaultSheet;
      if (wanted === undefined) throw new ListReadError(file.name, "工作簿中没有可见的工作表", "the workbook has no visible worksheet", "not-a-list");
      try {
        const s = book.sheet(wanted);
        const read = { name: wanted, grid: s.grid, findings: [...book.fileFindings, ...s.findings] };
        const why = book.format === "text" ? textIsNoTable(read) : null;
        if (why && !(options.oneColumn && read.grid.rows.some((r) => r.some((c) => c.kind !== "empty")))) throw new ListReadError(file.name, why[0].replace(/^中/, "文件中"), why[1], "not-a-list");
        return read;
      } catch (e) {
        throw failure(file.name, e);
      }
    },
  };
}

/**
 * A sheet's cells as a new sheet takes them from A1: the grid where it stood in the file (empty rows
 * and columns before it), so the rows and columns findings name are the district's own.
 */
export function cellsFromA1(grid: Grid): Grid["rows"] {
  const pad = Math.max(0, grid.firstColumn - 1);
  const empty = { kind: "empty", value: null } as const;
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0) + pad;
  const before = Array.from({ length: Math.max(0, grid.firstRow - 1) }, () => Array.from({ length: width }, () => ({ ...empty })));
  return [...before, ...grid.rows.map((r) => [...Array.from({ length: pad }, () => ({ ...empty })), ...r])];
}
