/**
 * Reads a CSV file into a Grid. Browser-safe (TextDecoder only).
 *
 * Encoding: a UTF-8 BOM → UTF-8; a UTF-16 LE/BE BOM → UTF-16 (Excel's "Unicode 文本"); otherwise
 * strict UTF-8 is tried and, if the bytes are not valid UTF-8, GB18030 (what Chinese Windows Excel
 * writes for "CSV (逗号分隔)"; GB18030 is a superset of GBK and GB2312).
 *
 * Cell kinds: a CSV has no types, so we type a field the way Excel would on opening it, but only
 * where no information is lost:
 *  - `#N/A`, `#REF!` … → error; `TRUE`/`FALSE` → boolean;
 *  - a plain decimal with at most 15 significant digits and no leading zero (`3200`, `-1.5`,
 *    `13851926374`) → number;
 *  - scientific notation (`9.13201E+17`, Excel's display of a long number) → number: the digits
 *    were already lost when the CSV was written, and a number cell is how the check recognises a
 *    truncated 统一社会信用代码;
 *  - everything else stays text, including digit strings of 16+ digits (an intact 18-digit code
 *    written by another program must not be destroyed here), numbers with leading zeros
 *    (`0531…`), thousands separators (`2,000`) and dates (`2020/3/5`, `2020-03-05`): the field
 *    readers parse those texts themselves, without guessing a day/month order.
 */
import { columnLetter, type Cell, type Grid } from "../domain/cells";
import { csvUnclosedQuote, encodingMixed } from "../domain/read-faults";
import type { Finding } from "../domain/report";

export type CsvEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export interface CsvRead {
  grid: Grid;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  /** What reading found about the file itself: an unclosed quote, rows in another encoding. */
  findings: Finding[];
}

/** Lines (0-based) decoded in the other encoding than the file's, or not decodable at all. */
interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** Lines in the other of UTF-8 / GB18030 than `encoding`, and lines with undecodable bytes. */
  otherLines?: number[];
  otherEncoding?: CsvEncoding;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

/**
 * UTF-8 and GB18030 line by line: a file pasted together from two districts' CSVs can hold both.
 * The encoding of most non-ASCII lines wins; each line is decoded in its own.
 */
function decodeLines(bytes: Uint8Array): DecodedText {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const gb = new TextDecoder("gb18030");
  const lines: { bytes: Uint8Array; utf8: boolean | null }[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, Math.min(i + 1, bytes.length));
      let valid: boolean | null = null;
      if (!isAscii(line)) {
        try {
          utf8.decode(line);
          valid = true;
        } catch {
          valid = false;
        }
      }
      lines.push({ bytes: line, utf8: valid });
      start = i + 1;
    }
  }
  const utf8Lines = lines.filter((l) => l.utf8 === true).length;
  const gbLines = lines.filter((l) => l.utf8 === false).length;
  const main: CsvEncoding = utf8Lines >= gbLines && utf8Lines > 0 ? "utf-8" : "gb18030";
  const other: CsvEncoding = main === "utf-8" ? "gb18030" : "utf-8";
  const otherLines: number[] = [];
  const parts = lines.map((l, i) => {
    const asUtf8 = l.utf8 !== false;
    const text = asUtf8 ? new TextDecoder("utf-8").decode(l.bytes) : gb.decode(l.bytes);
    if (l.utf8 !== null && (asUtf8 ? "utf-8" : "gb18030") !== main) otherLines.push(i);
    else if (text.includes("\uFFFD")) otherLines.push(i);
    return text;
  });
  return { text: parts.join(""), encoding: main, otherLines, otherEncoding: other };
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const { text, encoding } = decode(bytes);
  return { text, encoding };
}

/** A text file's bytes as text (BOM, UTF-16 without BOM, UTF-8, else GB18030 line by line). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  return decodeCsvBytes(bytes);
}

/**
 * UTF-16 without a BOM (some exporters' "Unicode 文本"): delimiters, digits and line breaks have a
 * zero high byte, so one of the two byte positions is mostly zero and the other almost never.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.2 && evenZeros < half * 0.02) return "utf-16le";
  if (evenZeros > half * 0.2 && oddZeros < half * 0.02) return "utf-16be";
  return null;
}

function decode(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  const u16 = utf16WithoutBom(bytes);
  if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return decodeLines(bytes);
  }
}

export interface CsvParse {
  records: string[][];
  /** 0-based line on which each record starts. */
  startLines: number[];
  /** A quote that opens a field and never closes: where, and how many lines from there were not read. */
  unclosed?: { record: number; field: number; line: number; linesNotRead: number };
}

/**
 * RFC 4180 records: quoted fields with "" escapes and line breaks inside; CRLF, LF or CR between
 * records. Strict about one thing: a quote that never closes is reported, and the records before
 * it are kept, instead of the rest of the file becoming one field.
 */
export function parseCsv(text: string, delimiter = ","): CsvParse {
  const records: string[][] = [];
  const startLines: number[] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  let quoted = false;
  let fieldStarted = false;
  let line = 0;
  let recordLine = 0;
  let quoteLine = 0;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
      i++;
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = "";
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      record.push(field);
      records.push(record);
      startLines.push(recordLine);
      record = [];
      field = "";
      fieldStarted = false;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (quoted) {
    return { records, startLines, unclosed: { record: records.length, field: record.length, line: quoteLine, linesNotRead: line - recordLine + (/[\r\n]$/.test(text) ? 0 : 1) } };
  }
  if (fieldStarted || field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
    startLines.push(recordLine);
  }
  return { records, startLines };
}

/** The records of parseCsv (those before an unclosed quote, if any). */
export function parseCsvText(text: string, delimiter = ","): string[][] {
  return parseCsv(text, delimiter).records;
}

export type Delimiter = "," | "\t" | ";" | "|";

/**
 * The delimiter over many lines, not the first (often a title with none): each candidate splits the
 * first records, and the one giving the most records of one same width (2 columns or more) wins;
 * ties go to tab, then comma (a name with a comma in a tab-separated file stays whole).
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.length > 65536 ? text.slice(0, text.indexOf("\n", 65536) + 1 || 65536) : text;
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const d of ["\t", ",", ";", "|"] as const) {
    const widths = new Map<number, number>();
    for (const r of parseCsv(sample, d).records.slice(0, 500)) {
      if (r.length < 2) continue;
      widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
    }
    // The most common width, weighted a little by its columns (a list is wide).
    let score = 0;
    for (const [w, count] of widths) score = Math.max(score, count + Math.min(w, 30) / 100);
    if (score > bestScore + 1e-9) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const ERROR_LITERAL = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/;
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const SCIENTIFIC = /^-?\d+(\.\d+)?E[+-]?\d+$/i;

function significantDigits(s: string): number {
  return s.replace(/^-/, "").replace(".", "").replace(/^0+/, "").length;
}

/** Types one CSV field as documented above. */
export function csvFieldCell(field: string): Cell {
  if (field === "") return { kind: "empty", value: null };
  if (ERROR_LITERAL.test(field)) return { kind: "error", value: field };
  if (field === "TRUE" || field === "FALSE") return { kind: "boolean", value: field === "TRUE" };
  if (PLAIN_NUMBER.test(field) && significantDigits(field) <= 15) return { kind: "number", value: Number(field) };
  if (SCIENTIFIC.test(field)) return { kind: "number", value: Number(field) };
  return { kind: "text", value: field };
}

export function readCsv(bytes: Uint8Array, sheetName = "CSV"): CsvRead {
  const decoded = decode(bytes);
  const { text, encoding } = decoded;
  const delimiter = detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  const records = parsed.records;
  while (records.length > 0 && records[records.length - 1].every((f) => f === "")) records.pop();
  const width = Math.max(0, ...records.map((r) => r.length));
  const rows = records.map((r) => {
    const out: Cell[] = [];
    for (let c = 0; c < width; c++) out.push(csvFieldCell(r[c] ?? ""));
    return out;
  });
  const findings: Finding[] = [];
  if (decoded.otherLines && decoded.otherLines.length > 0) {
    // Line → the row (record) it belongs to; a record spanning lines is named once.
    const rowsOf = new Set<number>();
    let r = 0;
    for (const line of decoded.otherLines) {
      while (r + 1 < parsed.startLines.length && parsed.startLines[r + 1] <= line) r++;
      rowsOf.add(r + 1);
    }
    findings.push(...encodingMixed([...rowsOf].sort((a, b) => a - b), encoding === "utf-8" ? "UTF-8" : "GB18030", decoded.otherEncoding === "utf-8" ? "UTF-8" : "GB18030"));
  }
  if (parsed.unclosed) {
    const u = parsed.unclosed;
    findings.push(csvUnclosedQuote(u.record + 1, columnLetter(u.field + 1), u.linesNotRead));
  }
  return { grid: { sheetName, firstRow: 1, firstColumn: 1, rows }, encoding, delimiter, findings };
}
