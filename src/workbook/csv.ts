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
import type { Cell, Grid } from "../domain/cells";

export type CsvEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export interface CsvRead {
  grid: Grid;
  encoding: CsvEncoding;
  delimiter: "," | "\t" | ";";
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** RFC 4180 records: quoted fields with "" escapes and line breaks inside; CRLF, LF or CR between records. */
export function parseCsvText(text: string, delimiter = ","): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  let quoted = false;
  let fieldStarted = false;
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
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
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
      record = [];
      field = "";
      fieldStarted = false;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function detectDelimiter(text: string): "," | "\t" | ";" {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const count = (c: string) => firstLine.split(c).length - 1;
  const comma = count(","), tab = count("\t"), semi = count(";");
  if (tab > comma && tab >= semi) return "\t";
  if (semi > comma && semi > tab) return ";";
  return ",";
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
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  const records = parseCsvText(text, delimiter);
  while (records.length > 0 && records[records.length - 1].every((f) => f === "")) records.pop();
  const width = Math.max(0, ...records.map((r) => r.length));
  const rows = records.map((r) => {
    const out: Cell[] = [];
    for (let c = 0; c < width; c++) out.push(csvFieldCell(r[c] ?? ""));
    return out;
  });
  return { grid: { sheetName, firstRow: 1, firstColumn: 1, rows }, encoding, delimiter };
}
