/** Reads the file named on the command line into Grids, whatever format its bytes are (workbook/formats). */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { inflateRawSync } from "node:zlib";
import type { Grid } from "../domain/cells";
import type { Finding } from "../domain/report";
import { ListReadError, openListFile, type FormatId, type ListFile } from "../app/files";
import type { CsvEncoding } from "../workbook/csv";
import { LIMITS, megabytes, type BoundedInflate } from "../workbook/limits";

/** A file that cannot be read as a list: one line on stderr, exit code 2. */
export class InputError extends Error {
  constructor(message: string, readonly messageEn: string) {
    super(message);
    this.name = "InputError";
  }
}

export interface InputSheet {
  name: string;
  grid: Grid;
  /** What reading found about the file itself (src/domain/read-faults.ts), for the report. */
  findings: Finding[];
}

export interface InputSheets {
  /** The sheets read: one for a CSV, the chosen one (or all, when `all`) for an .xlsx. */
  sheets: InputSheet[];
  format: FormatId;
  formatName: { zh: string; en: string };
  encoding?: CsvEncoding;
}

/** Node's zlib with a ceiling, so a zip that lies about its sizes is refused, not inflated. */
export const boundedInflate: BoundedInflate = (data, maxBytes) => inflateRawSync(data, { maxOutputLength: maxBytes });

function readBytes(path: string, maxBytes: number): Buffer {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`找不到文件：${path}`, `File not found: ${path}`);
  }
  if (stat.isDirectory()) throw new InputError(`${path} 是文件夹，不是名单文件：请给出其中的名单文件`, `${path} is a folder, not a list: name a list file in it`);
  if (!stat.isFile()) throw new InputError(`${path} 不是普通文件`, `${path} is not a regular file`);
  if (stat.size === 0) throw new InputError(`${path} 是空文件（0 字节）`, `${path} is empty (0 bytes)`);
  if (stat.size > maxBytes) throw new InputError(`${path} 过大：${megabytes(stat.size)}，超过上限 ${megabytes(maxBytes)}；请只保留名单，或分成几个文件检查`, `${path} is too large: ${megabytes(stat.size)}, over the ${megabytes(maxBytes)} limit; keep only the list, or split it`);
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    throw new InputError(`无法读取文件 ${path}${code ? `（${code}）` : ""}`, `Cannot read ${path}${code ? ` (${code})` : ""}`);
  }
}

/** A file on disk as the application layer takes it (stat, size limit, bytes); InputError when it cannot be. */
export function listFileAt(path: string, name: string = basename(path)): ListFile {
  const bytes = readBytes(path, LIMITS.uncompressedBytes);
  return { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** One file read (the application layer's openListFile): the sheet asked for, or all (`all`: a reference file). */
export async function readInput(path: string, options: { sheet?: string; all?: boolean } = {}): Promise<InputSheets> {
  const file = listFileAt(path);
  try {
    const book = await openListFile(file, { inflate: boundedInflate, oneColumn: options.all ?? false });
    const names = options.all ? book.sheetNames : [options.sheet ?? book.defaultSheet];
    if (names.length === 0 || names[0] === undefined) throw new InputError(`工作簿中没有可见的工作表：${path}`, `The workbook has no visible worksheet: ${path}`);
    const sheets = names.map((name) => book.sheet(name));
    return { sheets, format: book.format, ...(book.encoding ? { encoding: book.encoding } : {}), formatName: book.formatName };
  } catch (e) {
    // The CLI names the file as the user typed it, the path with it.
    if (e instanceof ListReadError) throw new InputError(`${path}：${e.why}`, `${path}: ${e.whyEn}`);
    throw e;
  }
}
