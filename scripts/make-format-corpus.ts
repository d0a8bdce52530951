/**
 * `npx tsx scripts/make-format-corpus.ts`: test/data/files/, one district list (samples/js-2023-platform.xlsx,
 * 江宁区) in every format districts send, made by the real producers where this machine has them:
 * LibreOffice (soffice --headless) for .xls/.ods/.fods/.csv, SheetJS's writer for .xlsb, python3-openpyxl
 * for a workbook with uncached formulas; HTML-as-.xls (what "导出Excel" of government systems saves) and
 * SpreadsheetML 2003 are written here as those systems write them; then the text encodings, names that
 * say another format, and two password-protected files (the OLE container of an encrypted .xlsx, and
 * an .xls with a FILEPASS record: LibreOffice's command line does not encrypt, so both are crafted).
 * The files are committed; run again only to remake them.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { encodeGb18030 } from "./gb18030";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "test", "data", "files");
const BASE = join(ROOT, "samples", "js-2023-platform.xlsx");
const NAME = "江宁区";

function soffice(to: string, file: string, outDir: string): string {
  execFileSync("soffice", ["--headless", "--convert-to", to, "--outdir", outDir, file], { stdio: "pipe", timeout: 180_000 });
  const ext = to.split(":")[0]!;
  return join(outDir, file.replace(/^.*\//, "").replace(/\.[^.]+$/, `.${ext}`));
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface Shown {
  text: string;
  kind: "string" | "number" | "date" | "error";
  value: string | number;
}

/** The sheet's rows as a person sees them (what an HTML export writes: Excel's shown text), with merges. */
function shownRows(): { rows: (Shown | null)[][]; merges: string[] } {
  const wb = XLSX.read(readFileSync(BASE), { type: "buffer", cellNF: true, dense: true });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: (Shown | null)[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: (Shown | null)[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const o = data[r]?.[c];
      if (!o || o.v === undefined || o.t === "z") row.push(null);
      else if (o.t === "n" && typeof o.z === "string" && XLSX.SSF.is_date(o.z)) {
        const d = XLSX.SSF.parse_date_code(o.v as number);
        const iso = `${d.y}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
        row.push({ text: o.w ?? iso, kind: "date", value: iso });
      } else if (o.t === "n") row.push({ text: o.w ?? String(o.v), kind: "number", value: o.v as number });
      else if (o.t === "e") row.push({ text: o.w ?? "#N/A", kind: "error", value: o.w ?? "#N/A" });
      else row.push({ text: String(o.w ?? o.v), kind: "string", value: String(o.v) });
    }
    rows.push(row);
  }
  return { rows, merges: (ws["!merges"] ?? []).map((m) => XLSX.utils.encode_range(m)) };
}

function spanOf(merges: string[], r: number, c: number): { colspan: number; covered: boolean } {
  for (const m of merges) {
    const d = XLSX.utils.decode_range(m);
    if (r - 1 >= d.s.r && r - 1 <= d.e.r && c - 1 >= d.s.c && c - 1 <= d.e.c) {
      return { colspan: d.s.r === r - 1 && d.s.c === c - 1 ? d.e.c - d.s.c + 1 : 0, covered: !(d.s.r === r - 1 && d.s.c === c - 1) };
    }
  }
  return { colspan: 1, covered: false };
}

/** An HTML table as report systems export it for Excel: GB2312 meta, mso-number-format '@' on codes, saved in GB18030. */
function htmlExport(rows: (Shown | null)[][], merges: string[]): Uint8Array {
  const lines = [
    `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">`,
    `<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><style>.txt{mso-number-format:"\\@";}</style></head>`,
    `<body><table border="1">`,
  ];
  rows.forEach((row, i) => {
    const tds: string[] = [];
    row.forEach((cell, j) => {
      const span = spanOf(merges, i + 1, j + 1);
      if (span.covered) return;
      const attrs = [span.colspan > 1 ? ` colspan="${span.colspan}"` : "", cell?.kind === "string" ? ` class="txt"` : ""].join("");
      tds.push(`<td${attrs}>${cell ? esc(cell.text) : ""}</td>`);
    });
    lines.push(`<tr>${tds.join("")}</tr>`);
  });
  lines.push(`</table></body></html>`);
  return encodeGb18030(lines.join("\r\n"));
}

/** SpreadsheetML 2003 (Excel 2003's "XML 表格"), as older systems still write it. */
function spreadsheetMl(rows: (Shown | null)[][], merges: string[]): string {
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<?mso-application progid="Excel.Sheet"?>`,
    `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">`,
    `<Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy\\-mm\\-dd"/></Style><Style ss:ID="t"><NumberFormat ss:Format="@"/></Style></Styles>`,
    `<Worksheet ss:Name="${NAME}"><Table>`,
  ];
  rows.forEach((row, i) => {
    const cells: string[] = [];
    let skipped = false;
    row.forEach((cell, j) => {
      const span = spanOf(merges, i + 1, j + 1);
      if (span.covered) {
        skipped = true;
        return;
      }
      const index = skipped ? ` ss:Index="${j + 1}"` : "";
      skipped = false;
      const across = span.colspan > 1 ? ` ss:MergeAcross="${span.colspan - 1}"` : "";
      if (!cell) {
        skipped = true;
        return;
      }
      if (cell.kind === "number") cells.push(`<Cell${index}${across}><Data ss:Type="Number">${cell.value}</Data></Cell>`);
      else if (cell.kind === "date") cells.push(`<Cell${index}${across} ss:StyleID="d"><Data ss:Type="DateTime">${cell.value}T00:00:00.000</Data></Cell>`);
      else if (cell.kind === "error") cells.push(`<Cell${index}${across}><Data ss:Type="Error">${esc(cell.text)}</Data></Cell>`);
      else cells.push(`<Cell${index}${across} ss:StyleID="t"><Data ss:Type="String">${esc(cell.text)}</Data></Cell>`);
    });
    out.push(`<Row>${cells.join("")}</Row>`);
  });
  out.push(`</Table></Worksheet></Workbook>`);
  return out.join("\n");
}

/** An .xlsx with an open password as Excel saves it: an OLE container holding EncryptionInfo and EncryptedPackage. */
function encryptedXlsx(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  // Agile encryption's version 4.4 header, then its XML descriptor (content does not matter to a reader that refuses it).
  const info = new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>')]);
  XLSX.CFB.utils.cfb_add(cfb, "EncryptionInfo", info);
  XLSX.CFB.utils.cfb_add(cfb, "EncryptedPackage", new Uint8Array(4096).map((_, i) => (i * 37) & 255));
  return XLSX.CFB.write(cfb, { type: "array" }) as unknown as Uint8Array;
}

/** A LibreOffice .xls with a FILEPASS record (RC4) right after the globals' BOF: how Excel marks an .xls with an open password. */
function encryptedXls(xls: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(xls, { type: "array" });
  const entry = XLSX.CFB.find(cfb, "Workbook")!;
  const stream = entry.content as Uint8Array;
  const bofLen = stream[2]! | (stream[3]! << 8);
  const filepass = new Uint8Array([0x2f, 0x00, 0x36, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, ...new Uint8Array(48)]);
  const out = new Uint8Array(stream.length + filepass.length);
  out.set(stream.subarray(0, 4 + bofLen), 0);
  out.set(filepass, 4 + bofLen);
  out.set(stream.subarray(4 + bofLen), 4 + bofLen + filepass.length);
  entry.content = out as unknown as typeof entry.content;
  entry.size = out.length;
  return XLSX.CFB.write(cfb, { type: "array", fileType: "cfb" }) as unknown as Uint8Array;
}

const OPENPYXL = `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "名单"
ws.append(["南京市江宁区2023年度省重点工业互联网平台推荐汇总表"])
ws.append(["序号", "所在县（市、区）", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "平台名称", "建设情况", "是否已认定为省重点平台", "是否升级申报", "平台投入（万元）", "联系电话", "推荐排序"])
ws.append([1, "江宁区", "南京云启智造科技有限公司", "91320115MAHEGG3M0K", "2018-05-16", "综合型", "云启工业互联网平台", "已建成", "否", "否", 1200, "13851926374", 1])
ws.append(["=A3+1", "江宁区", "=\\"南京瑞达\\"&\\"精密机械有限公司\\"", "91320115MA4H1WXE7F", "2016-03-01", "特色型", "瑞达平台", "已建成", "否", "否", "=600*2", "13905171234", 2])
wb.save(sys.argv[1])
`;

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "huizong-corpus-"));
  try {
    const base = join(tmp, `${NAME}.xlsx`);
    copyFileSync(BASE, base);
    copyFileSync(base, join(OUT, `${NAME}.xlsx`));
    const xls = soffice("xls", base, tmp);
    copyFileSync(xls, join(OUT, `${NAME}.xls`));
    // WPS 表格's .et is the same BIFF8 workbook in an OLE container under another name.
    copyFileSync(xls, join(OUT, `${NAME}.et`));
    copyFileSync(soffice("ods", base, tmp), join(OUT, `${NAME}.ods`));
    copyFileSync(soffice("fods", base, tmp), join(OUT, `${NAME}.fods`));
    const csv = readFileSync(soffice("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false", base, tmp), "utf8");
    writeFileSync(join(OUT, `${NAME}-GB18030.csv`), encodeGb18030(csv));
    const tabDir = join(tmp, "tab");
    mkdirSync(tabDir);
    const tsv = readFileSync(soffice("csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,false,false", base, tabDir), "utf8");
    const le = (s: string) => {
      const b = new Uint8Array(s.length * 2);
      for (let i = 0; i < s.length; i++) (b[2 * i] = s.charCodeAt(i) & 255), (b[2 * i + 1] = s.charCodeAt(i) >> 8);
      return b;
    };
    writeFileSync(join(OUT, `${NAME}-Unicode文本.txt`), new Uint8Array([0xff, 0xfe, ...le(tsv)]));
    writeFileSync(join(OUT, `${NAME}-UTF16无BOM.txt`), le(tsv));
    const { rows, merges } = shownRows();
    writeFileSync(join(OUT, `${NAME}-导出Excel.xls`), htmlExport(rows, merges));
    writeFileSync(join(OUT, `${NAME}-2003.xml`), spreadsheetMl(rows, merges));
    const book = XLSX.read(readFileSync(base), { type: "buffer", cellNF: true, cellStyles: true });
    writeFileSync(join(OUT, `${NAME}.xlsb`), XLSX.write(book, { type: "buffer", bookType: "xlsb" }) as Buffer);
    // Names that say another format than the bytes.
    copyFileSync(base, join(OUT, `实为xlsx.xls`));
    copyFileSync(join(OUT, `${NAME}.ods`), join(OUT, `实为ods.xlsx`));
    writeFileSync(join(OUT, `实为csv.xls`), csv);
    writeFileSync(join(OUT, `加密.xlsx`), encryptedXlsx());
    writeFileSync(join(OUT, `加密.xls`), encryptedXls(readFileSync(xls)));
    const py = join(tmp, "make_uncached.py");
    writeFileSync(py, OPENPYXL);
    execFileSync("/usr/bin/python3", [py, join(OUT, "openpyxl-未缓存公式.xlsx")], { stdio: "pipe" });
    // A district with nothing to recommend: the template's header and no rows.
    const empty = new ExcelJS.Workbook();
    const ws = empty.addWorksheet("秦淮区");
    ws.addRow(["南京市秦淮区2023年度省重点工业互联网平台推荐汇总表（本区无推荐项目）"]);
    ws.addRow(["序号", "所在县（市、区）", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "平台名称", "建设情况", "是否已认定为省重点平台", "是否升级申报", "平台投入（万元）", "联系电话", "推荐排序"]);
    writeFileSync(join(OUT, "秦淮区-本区无推荐项目.xlsx"), new Uint8Array((await empty.xlsx.writeBuffer()) as ArrayBuffer));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
