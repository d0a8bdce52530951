/** Reads the file named on the command line into a Grid: .xlsx via exceljs, .csv via the CSV reader. */
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Grid } from "../domain/cells";
import { readCsv, type CsvEncoding } from "../workbook/csv";
import { readXlsx, XlsxReadError } from "../workbook/xlsx-adapter";

export class InputError extends Error {
  constructor(message: string, readonly messageEn: string) {
    super(message);
    this.name = "InputError";
  }
}

export interface InputSheets {
  /** The sheets read: one for a CSV, the chosen one (or all, when `all`) for an .xlsx. */
  sheets: { name: string; grid: Grid }[];
  format: "xlsx" | "csv";
  encoding?: CsvEncoding;
}

function readBytes(path: string): Buffer {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new InputError(`找不到文件：${path}`, `File not found: ${path}`);
  }
  if (!isFile) throw new InputError(`不是文件：${path}`, `Not a file: ${path}`);
  try {
    return readFileSync(path);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new InputError(`无法读取文件 ${path}（${reason}）`, `Cannot read ${path} (${reason})`);
  }
}

export async function readInput(path: string, options: { sheet?: string; all?: boolean } = {}): Promise<InputSheets> {
  const ext = extname(path).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm" && ext !== ".csv" && ext !== ".txt") {
    throw new InputError(
      `不支持的文件类型“${ext || "（无扩展名）"}”：请使用 .xlsx 或 .csv（.xls 请先在 Excel 中另存为 .xlsx）。`,
      `Unsupported file type "${ext || "(none)"}": use .xlsx or .csv (save .xls as .xlsx first).`,
    );
  }
  const bytes = readBytes(path);
  if (ext === ".csv" || ext === ".txt") {
    const name = basename(path, extname(path));
    const { grid, encoding } = readCsv(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
    return { sheets: [{ name, grid }], format: "csv", encoding };
  }
  try {
    const book = await readXlsx(bytes);
    const names = options.all ? book.sheetNames : [options.sheet ?? book.sheetNames[0]];
    if (names.length === 0 || names[0] === undefined) throw new InputError(`工作簿中没有工作表：${path}`, `The workbook has no worksheet: ${path}`);
    return { sheets: names.map((name) => ({ name, grid: book.sheet(name).grid })), format: "xlsx" };
  } catch (e) {
    if (e instanceof XlsxReadError) throw new InputError(`${path}：${e.message}`, `${path}: ${e.messageEn}`);
    throw e;
  }
}
