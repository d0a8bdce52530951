/**
 * The one registry of list-file formats: what each is called, the names it is usually saved under,
 * and how it is read into Grids. A file is recognised by its bytes (sniff.ts); its name only decides
 * whether the report says "this .xls is really a web page". The CLI, the pane's merge picker, 打开名单文件
 * and the standalone page all read through readListFile and accept LIST_EXTENSIONS.
 */
import type { Grid } from "../../domain/cells";
import type { Finding } from "../../domain/report";
import { formatMislabelled } from "../../domain/read-faults";
import { readCsv, type CsvEncoding } from "../csv";
import { LIMITS, type BoundedInflate, type Limits } from "../limits";
import { XlsxReadError } from "../read-error";
import { decodeText } from "../csv";
import { sniff, type FormatId } from "./sniff";

export type { FormatId } from "./sniff";

export interface SheetRead {
  grid: Grid;
  findings: Finding[];
}

/** A workbook (or a one-sheet text file) read: its sheets by name, each read when asked. */
export interface BookRead {
  /** Every sheet but the very hidden ones, in workbook order. */
  sheetNames: string[];
  /** The sheet read when none is named: the active sheet if visible, else the first visible one. */
  defaultSheet: string | undefined;
  /** Throws XlsxReadError when it does not exist or passes a limit. */
  sheet(name?: string): SheetRead;
}

export interface ListBook extends BookRead {
  format: FormatId;
  /** "Excel 97-2003 工作簿（.xls）" / "Excel 97-2003 workbook (.xls)". */
  formatName: { zh: string; en: string };
  /** A CSV/TXT file's encoding. */
  encoding?: CsvEncoding;
  /** What reading found about the file as a whole (a name that says another format): for every sheet's check. */
  fileFindings: Finding[];
}

export interface FormatDef {
  id: FormatId;
  zh: string;
  en: string;
  /** The names it is usually saved under (lower case, with the dot). */
  extensions: readonly string[];
}

/** Every format read. Order is the order the help and the README name them in. */
export const FORMATS: readonly FormatDef[] = [
  { id: "xlsx", zh: "Excel 工作簿（.xlsx/.xlsm）", en: "Excel workbook (.xlsx/.xlsm)", extensions: [".xlsx", ".xlsm", ".xltx", ".xltm"] },
  { id: "xls", zh: "Excel 97-2003 工作簿（.xls）或 WPS 表格（.et）", en: "Excel 97-2003 workbook (.xls) or WPS sheet (.et)", extensions: [".xls", ".et", ".xlt", ".ett"] },
  { id: "xlsb", zh: "Excel 二进制工作簿（.xlsb）", en: "Excel binary workbook (.xlsb)", extensions: [".xlsb"] },
  { id: "ods", zh: "OpenDocument 表格（.ods）", en: "OpenDocument spreadsheet (.ods)", extensions: [".ods"] },
  { id: "fods", zh: "OpenDocument 平面表格（.fods）", en: "flat OpenDocument spreadsheet (.fods)", extensions: [".fods"] },
  { id: "uos", zh: "标文通 UOS 表格（.uos）", en: "UOS spreadsheet (.uos)", extensions: [".uos"] },
  { id: "xml2003", zh: "Excel 2003 XML 表格（SpreadsheetML）", en: "Excel 2003 XML spreadsheet (SpreadsheetML)", extensions: [".xml"] },
  { id: "html", zh: "网页表格（HTML）", en: "web page table (HTML)", extensions: [".html", ".htm"] },
  { id: "text", zh: "CSV/文本文件", en: "CSV/text file", extensions: [".csv", ".txt", ".tsv"] },
];

/** Every name a list file may have: the CLI's folder listing, the file pickers' accept attribute. */
export const LIST_EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);

/** For <input type=file accept=…>. */
export const ACCEPT_LIST_FILES = LIST_EXTENSIONS.join(",");

export function formatDef(id: FormatId): FormatDef {
  return FORMATS.find((f) => f.id === id)!;
}

/** The format a file's name says, or null when its extension names none. */
export function formatOfName(fileName: string): FormatDef | null {
  const dot = fileName.lastIndexOf(".");
  if (dot < 0) return null;
  const ext = fileName.slice(dot).toLowerCase();
  return FORMATS.find((f) => f.extensions.includes(ext)) ?? null;
}

export function hasListExtension(fileName: string): boolean {
  return formatOfName(fileName) !== null;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot).toLowerCase();
}

/**
 * A text file read as a list must be a table: something in it, and a line of several columns. Null
 * when it is one; else the refusal (a reference list may be one column: its reader says what it lacks).
 */
export function textIsNoTable(sheet: SheetRead): [string, string] | null {
  const findings = sheet.findings.filter((f) => f.code !== "format-mislabelled");
  if (findings.length > 0) return null;
  const filled = sheet.grid.rows.filter((r) => r.some((c) => c.kind !== "empty"));
  if (filled.length === 0) return ["中没有任何内容", "holds nothing"];
  if (filled.every((r) => r.filter((c) => c.kind !== "empty").length <= 1)) {
    return ["不是表格：没有一行含有用逗号或制表符分开的几列；请从 Excel 另存为 CSV 或 .xlsx", "is not a table: no line has columns separated by commas or tabs; save it from Excel as CSV or .xlsx"];
  }
  return null;
}

export interface ReadListFileOptions {
  limits?: Limits;
  /** Node's bounded inflate, so an .xlsx's real sizes are checked before exceljs parses it. */
  inflate?: BoundedInflate;
}

/** Why a file cannot be read as a list: a bilingual line. `reason` lets the CLI and the pane tell a password apart. */
export class ListFileError extends XlsxReadError {
  constructor(
    message: string,
    messageEn: string,
    readonly reason: "password" | "not-a-list" | "empty" | "unreadable",
  ) {
    super(message, messageEn);
    this.name = "ListFileError";
  }
}

/** The bytes of one list file → its book. Throws ListFileError (or XlsxReadError for a limit) with a line to show. */
export async function readListFile(bytes: Uint8Array, fileName: string, options: ReadListFileOptions = {}): Promise<ListBook> {
  const limits = options.limits ?? LIMITS;
  if (bytes.length === 0) throw new ListFileError("是空文件（0 字节）", "is empty (0 bytes)", "empty");
  const found = await sniff(bytes);
  if (found.kind === "encrypted") throw new ListFileError("该文件设有打开密码，请去掉密码后另存再检查", "The file is password-protected: remove the password, save it again and re-check", "password");
  if (found.kind === "unknown") {
    throw new ListFileError(
      `不是表格文件（看起来是${found.zh}）：请选择 Excel、WPS 或 CSV 名单（${FORMATS.map((f) => f.extensions[0]).join(" ")}）`,
      `Not a spreadsheet (it looks like ${found.en}): pick an Excel, WPS or CSV list (${FORMATS.map((f) => f.extensions[0]).join(" ")})`,
      "not-a-list",
    );
  }
  const def = formatDef(found.format);
  const named = formatOfName(fileName);
  const fileFindings: Finding[] = [];
  // A text file is text whatever it is called (.csv, .txt, .tsv); an HTML table saved as .xls is what many systems export, and still said.
  if (named && named.id !== def.id) fileFindings.push(formatMislabelled(extensionOf(fileName), def.zh, def.en));
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "Sheet1";
  const book = await readAs(found.format, bytes, stem, limits, options.inflate);
  return { ...book, format: found.format, formatName: { zh: def.zh, en: def.en }, fileFindings };
}

async function readAs(format: FormatId, bytes: Uint8Array, stem: string, limits: Limits, inflate: BoundedInflate | undefined): Promise<BookRead & { encoding?: CsvEncoding }> {
  switch (format) {
    case "xlsx": {
      // exceljs stays the .xlsx reader: cached values and number formats as Excel wrote them.
      const { readXlsx } = await import("../xlsx-adapter");
      const book = await readXlsx(bytes, { limits, ...(inflate ? { inflate } : {}) });
      return { sheetNames: book.sheetNames, defaultSheet: book.defaultSheet, sheet: (name) => {
        const s = book.sheet(name);
        return { grid: s.grid, findings: s.findings };
      } };
    }
    case "text": {
      const { grid, encoding, findings } = readCsv(bytes, stem);
      return { sheetNames: [stem], defaultSheet: stem, encoding, sheet: (name) => {
        if (name !== undefined && name !== stem) throw new XlsxReadError(`文本文件只有一张表“${stem}”，没有“${name}”`, `A text file has one sheet, "${stem}", not "${name}"`);
        return { grid, findings };
      } };
    }
    case "html":
    case "xml2003":
    case "fods": {
      const { readWithSheetJS } = await import("./sheetjs");
      const book = await readWithSheetJS({ text: decodeText(bytes).text }, format, limits);
      if (format === "html" && book.sheetNames.length === 1) return renameOnly(book, stem);
      return book;
    }
    default: {
      const { readWithSheetJS } = await import("./sheetjs");
      return readWithSheetJS({ bytes }, format, limits);
    }
  }
}

/** An HTML page's one table is named after the file, as a CSV's sheet is (SheetJS calls it Sheet1). */
function renameOnly(book: BookRead, stem: string): BookRead {
  const inner = book.sheetNames[0]!;
  return {
    sheetNames: [stem],
    defaultSheet: stem,
    sheet: (name) => {
      if (name !== undefined && name !== stem && name !== inner) return book.sheet(name);
      const s = book.sheet(inner);
      return { grid: { ...s.grid, sheetName: stem }, findings: s.findings };
    },
  };
}
