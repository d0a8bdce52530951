/**
 * No silent loss in a folder merge (issue 19, item 3): random folders of readable files (every format
 * of the registry, written by the project's .xlsx writer, SheetJS's writers and CSV text in several
 * encodings), unreadable ones (corrupt, password-protected fixtures, not a spreadsheet) and empty ones
 * are merged through the application layer, as the CLI and the pane merge them. Every file ends among
 * the merge's sources or named in `skipped`, and every data row of every readable file is in the
 * merged list, once, from its own file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { mergeListFiles, type ListFile } from "../../src/app";
import { builtinProgramme } from "../../src/domain/catalogue";
import { gridFromValues } from "../../src/domain/cells";
import { gridsToXlsx } from "../../src/workbook/xlsx-write";
import { encodeGb18030 } from "../../scripts/gb18030";
import { uscc } from "../domain/check-helpers";

const PROGRAMME = builtinProgramme("js-2023-platform");
const HEADER = ["序号", "所在县（市、区）", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "平台名称", "建设情况", "是否已认定为省重点平台", "是否升级申报", "平台投入（万元）", "联系电话", "推荐排序"];
const DISTRICTS = ["江宁区", "秦淮区", "玄武区", "鼓楼区", "建邺区", "栖霞区", "雨花台区", "浦口区", "六合区", "溧水区", "高淳区"];
const FIXTURES = join(__dirname, "..", "data", "files");

type V = string | number | null;

type Readable = "xlsx" | "xls" | "xlsb" | "ods" | "fods" | "xml2003" | "html" | "csv-utf8" | "csv-utf8-bom" | "csv-gb18030" | "txt-utf16le" | "tsv-gb18030";
type Unreadable = "zero-bytes" | "blank-text" | "encrypted-xlsx" | "encrypted-xls" | "pdf" | "png" | "truncated-xlsx" | "one-line-note";

interface SheetSpec {
  rows: number;
  title: boolean;
  /** A blank row and a 合计 line between and after the rows: not data rows. */
  noise: boolean;
}

interface ReadableSpec {
  kind: "readable";
  format: Readable;
  district: number;
  sheets: SheetSpec[];
  /** A sheet of notes beside the lists (workbook formats only): named as no list. */
  notesSheet: boolean;
}

interface UnreadableSpec {
  kind: "unreadable";
  what: Unreadable;
}

type FileSpec = ReadableSpec | UnreadableSpec;

const sheetSpec = fc.record({ rows: fc.integer({ min: 0, max: 5 }), title: fc.boolean(), noise: fc.boolean() });
const readableSpec: fc.Arbitrary<ReadableSpec> = fc.record({
  kind: fc.constant("readable" as const),
  format: fc.constantFrom<Readable>("xlsx", "xls", "xlsb", "ods", "fods", "xml2003", "html", "csv-utf8", "csv-utf8-bom", "csv-gb18030", "txt-utf16le", "tsv-gb18030"),
  district: fc.integer({ min: 0, max: DISTRICTS.length - 1 }),
  sheets: fc.array(sheetSpec, { minLength: 1, maxLength: 3 }),
  notesSheet: fc.boolean(),
});
const unreadableSpec: fc.Arbitrary<UnreadableSpec> = fc.record({
  kind: fc.constant("unreadable" as const),
  what: fc.constantFrom<Unreadable>("zero-bytes", "blank-text", "encrypted-xlsx", "encrypted-xls", "pdf", "png", "truncated-xlsx", "one-line-note"),
});
const folder = fc.array(fc.oneof({ arbitrary: readableSpec, weight: 3 }, { arbitrary: unreadableSpec, weight: 1 }), { minLength: 1, maxLength: 7 });

const TEXT_FORMATS: readonly Readable[] = ["csv-utf8", "csv-utf8-bom", "csv-gb18030", "txt-utf16le", "tsv-gb18030"];
/** One sheet only: a text file, and an HTML page (its one table). */
const oneSheet = (f: Readable) => TEXT_FORMATS.includes(f) || f === "html";

const EXT: Record<Readable, string> = {
  xlsx: ".xlsx", xls: ".xls", xlsb: ".xlsb", ods: ".ods", fods: ".fods", xml2003: ".xml", html: ".xls",
  "csv-utf8": ".csv", "csv-utf8-bom": ".csv", "csv-gb18030": ".csv", "txt-utf16le": ".txt", "tsv-gb18030": ".txt",
};

/** A clean applicant of the platform programme; its name says where it was written, so the merged row can be traced. */
function enterprise(district: string, tag: string, n: number): V[] {
  return [n, district, `南京${district}${tag}智造科技有限公司`, uscc("320115", 1000 + n * 7 + tag.length), "2018-05-16", "综合型", `${tag}工业互联网平台`, "已建成", "否", "否", 1200, "13851926374", n];
}

/** A sheet's values and the applicant names of its data rows. */
function sheetValues(spec: SheetSpec, district: string, fileTag: string, sheetIndex: number): { values: V[][]; names: string[] } {
  const values: V[][] = [];
  const names: string[] = [];
  if (spec.title) values.push([`南京市${district}2023年度省重点工业互联网平台推荐汇总表`]);
  values.push(HEADER);
  for (let i = 1; i <= spec.rows; i++) {
    const tag = `${fileTag}表${sheetIndex + 1}第${i}`;
    const row = enterprise(district, tag, i);
    names.push(row[2] as string);
    values.push(row);
    if (spec.noise && i === 1) values.push(HEADER.map(() => null));
  }
  if (spec.noise) values.push(["合计", null, `${spec.rows}家`], ["填表人：张三", null, null, "审核人：李四"]);
  return { values, names };
}

function csvText(values: V[][], sep: string, eol: string): string {
  const field = (v: V) => {
    if (v === null) return "";
    const s = String(v);
    return /[",\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return values.map((r) => r.map(field).join(sep)).join(eol) + eol;
}

function utf16le(s: string): Uint8Array {
  const b = new Uint8Array(2 + s.length * 2);
  b[0] = 0xff;
  b[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    b[2 + 2 * i] = s.charCodeAt(i) & 255;
    b[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return b;
}

function sheetJs(sheets: { name: string; values: V[][] }[], bookType: XLSX.BookType): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.values), s.name);
  const out = XLSX.write(wb, { type: "array", bookType }) as ArrayBuffer | string;
  return typeof out === "string" ? new TextEncoder().encode(out) : new Uint8Array(out);
}

const NOTES: V[][] = [["填报说明"], ["1.本表由各区县工信部门填报"], ["2.平台投入以万元计"]];

async function writeReadable(spec: ReadableSpec, tag: string): Promise<{ bytes: Uint8Array; sheets: { name: string; names: string[] }[]; notes: string | null }> {
  const district = DISTRICTS[spec.district]!;
  const specs = oneSheet(spec.format) ? spec.sheets.slice(0, 1) : spec.sheets;
  const sheets = specs.map((s, i) => ({ name: specs.length === 1 ? district : `${district}${i + 1}`, ...sheetValues(s, district, tag, i) }));
  const notes = spec.notesSheet && !oneSheet(spec.format) ? "填报说明" : null;
  const all = [...sheets.map((s) => ({ name: s.name, values: s.values })), ...(notes ? [{ name: notes, values: NOTES }] : [])];
  let bytes: Uint8Array;
  switch (spec.format) {
    case "xlsx":
      bytes = await gridsToXlsx(all.map((s) => ({ ...gridFromValues(s.values), sheetName: s.name })));
      break;
    case "xls":
      bytes = sheetJs(all, "biff8");
      break;
    case "xlsb":
    case "ods":
    case "fods":
    case "html":
      bytes = sheetJs(all, spec.format);
      break;
    case "xml2003":
      bytes = sheetJs(all, "xlml");
      break;
    case "csv-utf8":
      bytes = new TextEncoder().encode(csvText(all[0]!.values, ",", "\n"));
      break;
    case "csv-utf8-bom":
      bytes = new TextEncoder().encode("\uFEFF" + csvText(all[0]!.values, ",", "\r\n"));
      break;
    case "csv-gb18030":
      bytes = encodeGb18030(csvText(all[0]!.values, ",", "\r\n"));
      break;
    case "txt-utf16le":
      bytes = utf16le(csvText(all[0]!.values, "\t", "\r\n"));
      break;
    case "tsv-gb18030":
      bytes = encodeGb18030(csvText(all[0]!.values, "\t", "\n"));
      break;
  }
  // A text file's or an HTML page's one sheet is named after the file by the reader.
  const named = oneSheet(spec.format) ? sheets.map((s) => ({ ...s, name: "" })) : sheets;
  return { bytes, sheets: named.map((s) => ({ name: s.name, names: s.names })), notes };
}

const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
let truncatedXlsx: Uint8Array | null = null;

async function writeUnreadable(what: Unreadable): Promise<{ bytes: Uint8Array; ext: string }> {
  switch (what) {
    case "zero-bytes":
      return { bytes: new Uint8Array(0), ext: ".xlsx" };
    case "blank-text":
      return { bytes: new TextEncoder().encode("\r\n  \r\n\t\r\n"), ext: ".csv" };
    case "encrypted-xlsx":
      return { bytes: fixture("加密.xlsx"), ext: ".xlsx" };
    case "encrypted-xls":
      return { bytes: fixture("加密.xls"), ext: ".xls" };
    case "pdf":
      return { bytes: new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), ext: ".xls" };
    case "png":
      return { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, i) => (i * 131) & 255)]), ext: ".xlsx" };
    case "truncated-xlsx": {
      if (!truncatedXlsx) {
        const whole = await gridsToXlsx([{ ...gridFromValues([HEADER, enterprise("江宁区", "截断", 1)]), sheetName: "江宁区" }]);
        truncatedXlsx = whole.slice(0, Math.floor(whole.length / 2));
      }
      return { bytes: truncatedXlsx, ext: ".xlsx" };
    }
    case "one-line-note":
      return { bytes: new TextEncoder().encode("本区无推荐项目\n"), ext: ".txt" };
  }
}

describe("a folder merge loses nothing in silence", () => {
  it("every file is merged or named, and every data row of every readable file is in the merged list", async () => {
    await fc.assert(
      fc.asyncProperty(folder, async (specs: FileSpec[]) => {
        const files: ListFile[] = [];
        const expected = new Map<string, { file: string; sheet: string }>();
        const listSheets: { file: string; sheet: string }[] = [];
        const notesSheets: { file: string; sheet: string }[] = [];
        const readable = new Set<string>();
        const unreadable = new Set<string>();
        for (const [i, spec] of specs.entries()) {
          const tag = `第${i + 1}件`;
          if (spec.kind === "readable") {
            const name = `${String(i + 1).padStart(2, "0")}-${DISTRICTS[spec.district]}-${spec.format}${EXT[spec.format]}`;
            const written = await writeReadable(spec, tag);
            files.push({ name, bytes: written.bytes });
            readable.add(name);
            for (const s of written.sheets) {
              const sheet = s.name || name.replace(/\.[^.]+$/, "");
              listSheets.push({ file: name, sheet });
              for (const n of s.names) expected.set(n, { file: name, sheet });
            }
            if (written.notes) notesSheets.push({ file: name, sheet: written.notes });
          } else {
            const { bytes, ext } = await writeUnreadable(spec.what);
            const name = `${String(i + 1).padStart(2, "0")}-${spec.what}${ext}`;
            files.push({ name, bytes });
            unreadable.add(name);
          }
        }

        const merged = await mergeListFiles(files, PROGRAMME, "南京市");

        // Every file: among the sources, or named in skipped — never neither.
        const sourceFiles = new Set(merged.summaries.map((s) => s.file));
        const skippedFiles = new Set(merged.skipped.filter((s) => s.sheet === undefined).map((s) => s.file));
        for (const f of files) expect(sourceFiles.has(f.name) || skippedFiles.has(f.name), f.name).toBe(true);
        // A readable file is a source (even with no rows: a district that reports none is noted, not fatal); an unreadable one is named with why.
        for (const f of readable) expect(sourceFiles.has(f), f).toBe(true);
        for (const f of unreadable) {
          expect(skippedFiles.has(f), f).toBe(true);
          expect(merged.skipped.find((s) => s.file === f)!.why.length).toBeGreaterThan(4);
        }
        // Every list sheet of a workbook is merged; a sheet of notes beside them is named.
        for (const s of listSheets) expect(merged.summaries.some((m) => m.file === s.file && m.sheet === s.sheet), `${s.file}“${s.sheet}”`).toBe(true);
        for (const s of notesSheets) expect(merged.skipped.some((m) => m.file === s.file && m.sheet === s.sheet && m.reason === "other-sheet"), `${s.file}“${s.sheet}”`).toBe(true);

        // Every data row once, from its own file and sheet; nothing else (no 合计, 填表人, blank or notes row).
        const header = merged.grid.rows[0]!.map((c) => String(c.value ?? ""));
        const applicant = header.findIndex((h) => h.includes("申报单位"));
        expect(applicant).toBeGreaterThanOrEqual(0);
        const got = merged.grid.rows.slice(1).map((r) => String(r[applicant]?.value ?? ""));
        expect(got.slice().sort()).toEqual([...expected.keys()].sort());
        expect(merged.sources).toHaveLength(expected.size);
        for (const s of merged.sources) {
          const name = String(merged.grid.rows[s.row - 1]![applicant]!.value);
          expect({ file: s.file, sheet: s.sheet }, name).toEqual(expected.get(name));
        }
        // The counts the report prints add up to the rows merged.
        expect(merged.summaries.reduce((n, s) => n + s.rowsTaken, 0)).toBe(expected.size);
      }),
      { numRuns: 40, seed: 19_2026 },
    );
  });
});
