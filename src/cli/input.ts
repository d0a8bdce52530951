/** Reads the file named on the command line into a Grid: .xlsx via exceljs, .csv via the CSV reader. */
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { inflateRawSync } from "node:zlib";
import type { Grid } from "../domain/cells";
import type { Finding } from "../domain/report";
import { readCsv, type CsvEncoding } from "../workbook/csv";
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
  format: "xlsx" | "csv";
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
  if (stat.isDirectory()) throw new InputError(`${path} 是文件夹，不是名单文件：请给出其中的 .xlsx 或 .csv 文件`, `${path} is a folder, not a list: name the .xlsx or .csv file in it`);
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

export async function readInput(path: string, options: { sheet?: string; all?: boolean } = {}): Promise<InputSheets> {
  const ext = extname(path).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm" && ext !== ".csv" && ext !== ".txt") {
    throw new InputError(
      `不支持的文件类型“${ext || "（无扩展名）"}”：请使用 .xlsx 或 .csv（.xls 请先在 Excel 中另存为 .xlsx）`,
      `Unsupported file type "${ext || "(none)"}": use .xlsx or .csv (save .xls as .xlsx first)`,
    );
  }
  const bytes = readBytes(path, LIMITS.uncompressedBytes);
  if (ext === ".csv" || ext === ".txt") {
    const name = basename(path, extname(path));
    const { grid, encoding, findings } = readCsv(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
    const filled = grid.rows.filter((r) => r.some((c) => c.kind !== "empty"));
    if (filled.length === 0 && findings.length === 0) throw new InputError(`${path} 中没有任何内容`, `${path} holds nothing`);
    // Reference lists (read `all`) name their own missing columns; a list must have columns at all.
    if (!options.all && findings.length === 0 && filled.every((r) => r.filter((c) => c.kind !== "empty").length <= 1)) {
      throw new InputError(`${path} 不是表格：没有一行含有用逗号或制表符分开的几列；请从 Excel 另存为 CSV 或 .xlsx`, `${path} is not a table: no line has columns separated by commas or tabs; save it from Excel as CSV or .xlsx`);
    }
    return { sheets: [{ name, grid, findings }], format: "csv", encoding };
  }
  // exceljs loads only when an .xlsx is read.
  const { readXlsx, XlsxReadError } = await import("../workbook/xlsx-adapter");
  try {
    const book = await readXlsx(bytes, { inflate: boundedInflate });
    const names = options.all ? book.sheetNames : [options.sheet ?? book.defaultSheet];
    if (names.length === 0 || names[0] === undefined) throw new InputError(`工作簿中没有可见的工作表：${path}`, `The workbook has no visible worksheet: ${path}`);
    return {
      sheets: names.map((name) => {
        const { grid, findings } = book.sheet(name);
        return { name: name!, grid, findings };
      }),
      format: "xlsx",
    };
  } catch (e) {
    if (e instanceof XlsxReadError) throw new InputError(`${path}：${e.message}`, `${path}: ${e.messageEn}`);
    throw e;
  }
}
