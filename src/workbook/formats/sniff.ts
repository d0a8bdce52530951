/**
 * What a file is, from its bytes, never its name: a zip's entries (xlsx, xlsb, ods), an OLE
 * compound file's streams (xls, WPS .et, an encrypted workbook), an XML root (SpreadsheetML 2003,
 * flat ODS), an HTML table (what "导出Excel" of many government systems saves as .xls), or text.
 * Browser-safe; SheetJS (for the compound file's directory) is loaded only when one is met.
 */
import { zipEntries } from "../limits";
import { decodeText } from "../csv";

export type FormatId = "xlsx" | "xlsb" | "ods" | "xls" | "fods" | "xml2003" | "html" | "text" | "uos";

export type Sniffed =
  | { kind: "format"; format: FormatId }
  | { kind: "encrypted" }
  /** Not a list file at all: what it looks like, for the refusal ("PDF 文件" / "a PDF file"). */
  | { kind: "unknown"; zh: string; en: string };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** BIFF FILEPASS (0x002F) among the workbook globals, before their EOF: the .xls is encrypted. */
export function biffHasFilePass(content: Uint8Array | ArrayLike<number>): boolean {
  // SheetJS's CFB gives a stream as a Buffer, a Uint8Array or a plain array, depending on the host.
  const stream = content instanceof Uint8Array ? content : Uint8Array.from(content);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let p = 0;
  for (let n = 0; p + 4 <= stream.length && n < 10_000; n++) {
    const type = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (type === 0x002f) return true;
    if (type === 0x000a && n > 0) return false;
    p += 4 + len;
  }
  return false;
}

async function sniffCfb(bytes: Uint8Array): Promise<Sniffed> {
  const { CFB } = await import("@e965/xlsx");
  let names: string[];
  let container: ReturnType<typeof CFB.read>;
  try {
    container = CFB.read(bytes, { type: "array" });
    names = (container.FullPaths as string[]).map((p: string) => p.replace(/\/$/, "").split("/").pop() ?? "");
  } catch {
    return { kind: "unknown", zh: "损坏的 Office 文件", en: "a damaged Office file" };
  }
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  // ECMA-376 encryption: an .xlsx with an open password is a compound file holding the package encrypted.
  if (has("EncryptionInfo") || has("EncryptedPackage")) return { kind: "encrypted" };
  const stream = has("Workbook") ? "Workbook" : has("Book") ? "Book" : null;
  if (stream) {
    const entry = CFB.find(container, stream);
    const content = entry?.content as Uint8Array | undefined;
    if (content && biffHasFilePass(content)) return { kind: "encrypted" };
    return { kind: "format", format: "xls" };
  }
  if (has("WordDocument")) return { kind: "unknown", zh: "Word 文档", en: "a Word document" };
  if (has("PowerPoint Document")) return { kind: "unknown", zh: "PowerPoint 演示文稿", en: "a PowerPoint file" };
  return { kind: "unknown", zh: "不是表格的 Office 文件", en: "an Office file that is not a spreadsheet" };
}

function sniffZip(bytes: Uint8Array): Sniffed | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const names = new Set(entries.map((e) => e.name.replace(/^\//, "").toLowerCase()));
  if (names.has("xl/workbook.xml")) return { kind: "format", format: "xlsx" };
  if (names.has("xl/workbook.bin")) return { kind: "format", format: "xlsb" };
  // Parts of a workbook without its workbook part: the .xlsx reader checks its sizes and says what is wrong.
  if ([...names].some((n) => n.startsWith("xl/")) || names.has("[content_types].xml")) return { kind: "format", format: "xlsx" };
  if (names.has("content.xml") && (names.has("mimetype") || names.has("meta-inf/manifest.xml"))) return { kind: "format", format: "ods" };
  // 标文通 UOS (Uniform Office Format): a zip whose content is in content.xml without ODF's mimetype.
  if (names.has("content.xml")) return { kind: "format", format: "uos" };
  if (names.has("word/document.xml")) return { kind: "unknown", zh: "Word 文档（.docx）", en: "a Word document (.docx)" };
  return { kind: "unknown", zh: "压缩包（不是工作簿）", en: "a zip archive that is not a workbook" };
}

/** A text file's first characters, lower-cased, with its BOM and leading blanks gone. */
function head(text: string): string {
  return text.slice(0, 4000).replace(/^\uFEFF/, "").trimStart().toLowerCase();
}

/**
 * Bytes that are no text: NULs (outside UTF-16) or many control characters. ESC and BEL are left
 * out of the count: terminal escapes pasted into cells still make a text file (the report strips them).
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4000);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27 && c !== 7)) bad++;
  }
  return bad > Math.max(2, sample.length / 50);
}

export function sniffText(text: string): Sniffed {
  const h = head(text);
  if (h.startsWith("%pdf")) return { kind: "unknown", zh: "PDF 文件", en: "a PDF file" };
  if (h.startsWith("{\\rtf")) return { kind: "unknown", zh: "RTF 文档", en: "an RTF document" };
  if (/<\?xml|^<workbook|^<office:document/.test(h) || h.startsWith("<?mso-application")) {
    if (h.includes("urn:schemas-microsoft-com:office:spreadsheet") || h.includes("progid=\"excel.sheet\"")) return { kind: "format", format: "xml2003" };
    if (h.includes("<office:document") && h.includes("spreadsheet")) return { kind: "format", format: "fods" };
    if (/<html|<table/.test(h)) return { kind: "format", format: "html" };
    return { kind: "unknown", zh: "XML 文件（不是表格）", en: "an XML file that is not a spreadsheet" };
  }
  if (/^<(!doctype html|html|table|meta|head|body|style|div|\?php)/.test(h) || (/^</.test(h) && /<table[\s>]/.test(text.slice(0, 200_000).toLowerCase()))) {
    return /<table[\s>]/.test(text.slice(0, 2_000_000).toLowerCase()) ? { kind: "format", format: "html" } : { kind: "unknown", zh: "网页（其中没有表格）", en: "a web page without a table" };
  }
  if (looksBinary(text)) return { kind: "unknown", zh: "无法识别的二进制文件", en: "an unrecognised binary file" };
  return { kind: "format", format: "text" };
}

/** What the bytes are. Never throws. */
export async function sniff(bytes: Uint8Array): Promise<Sniffed> {
  if (startsWith(bytes, CFB_MAGIC)) return sniffCfb(bytes);
  if (startsWith(bytes, [0x50, 0x4b])) {
    const zip = sniffZip(bytes);
    if (zip) return zip;
  }
  // BIFF2–4 worksheets are raw records: BOF 0x0009 / 0x0209 / 0x0409 / 0x0809.
  if (bytes.length >= 4 && bytes[1] !== undefined && [0x00, 0x02, 0x04, 0x08].includes(bytes[1]) && bytes[0] === 0x09 && bytes[3] === 0x00) return { kind: "format", format: "xls" };
  return sniffText(decodeText(bytes).text);
}
