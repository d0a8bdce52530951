/**
 * What a reader takes on before it starts, so a hostile or huge file is refused in a line instead
 * of exhausting memory: the zip's declared sizes (a zip bomb), the cells it holds, and the grid a
 * sheet becomes. Browser-safe: bytes and DataView only. The figures: a 100,000-row list is about
 * 76 MB of XML and 1.6 million cells and peaks near 1.1 GB in exceljs (npm run bench).
 */

export const LIMITS = {
  /** Sum of the uncompressed sizes of a workbook's zip entries. */
  uncompressedBytes: 100 * 1024 * 1024,
  /** Cells (with a value or a style) in all worksheets of a workbook, or in the sheet read from Excel. */
  cells: 2_000_000,
  /** Rows × columns of the rectangular grid a check reads (after far cells are left out). */
  gridCells: 4_000_000,
};

export type Limits = typeof LIMITS;

/**
 * Cells one read of a range asks Excel for (desktop). A larger range is located first (bands'
 * used ranges), so only the list is read: blank borders and far cells cost nothing.
 */
export const READ_CHUNK_CELLS = 262_144;

/** A limit a file passes; the message names the limit, the file's figure and what to do. */
export class LimitError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "LimitError";
  }
}

export function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function tooLarge(bytes: number, limit: number, what: string, whatEn: string): LimitError {
  return new LimitError(
    `文件过大：${what}解压后 ${megabytes(bytes)}，超过上限 ${megabytes(limit)}；请只保留名单所在的工作表，或分成几个文件检查`,
    `Too large: ${whatEn} unpacks to ${megabytes(bytes)}, over the ${megabytes(limit)} limit; keep only the list's sheet, or split the file`,
  );
}

export function tooManyCells(cells: number, limit: number, where: string, whereEn: string): LimitError {
  return new LimitError(
    `单元格过多：${where}有 ${cells.toLocaleString("en-US")} 个单元格，超过上限 ${limit.toLocaleString("en-US")} 个；请只保留名单所在的区域，或分成几个文件检查`,
    `Too many cells: ${whereEn} has ${cells.toLocaleString("en-US")} cells, over the ${limit.toLocaleString("en-US")} limit; keep only the list, or split it`,
  );
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory of a zip, or null when the bytes are not a (readable) zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 > n || view.getUint32(at, true) !== 0x06064b50) return null;
    count = Number(view.getBigUint64(at + 32, true));
    cdOffset = Number(view.getBigUint64(at + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || view.getUint32(p, true) !== CENTRAL) return null;
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > n) return null;
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64: the real sizes sit in extra field 0x0001, in this order, for each one saturated above.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= e + 4 + size ? Number(view.getBigUint64(q, true)) : NaN;
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + size;
    }
    if (![compressedSize, uncompressedSize, localOffset].every(Number.isFinite)) return null;
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry, or null when its local header is not where the directory says. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.byteLength || view.getUint32(p, true) !== LOCAL) return null;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  return end <= bytes.byteLength ? bytes.subarray(start, end) : null;
}

/** Cells written in a worksheet's XML: `<c …>` elements, with or without a value (counted on the bytes). */
export function countCellElements(xml: Uint8Array): number {
  let n = 0;
  for (let i = xml.indexOf(60); i >= 0 && i + 2 < xml.length; i = xml.indexOf(60, i + 1)) {
    if (xml[i + 1] !== 99) continue; // "<c"
    const next = xml[i + 2];
    if (next === 32 || next === 62 || next === 47) n++; // "<c ", "<c>", "<c/"
  }
  return n;
}

/**
 * Inflates raw deflate data, refusing to give more than `maxBytes` (throws a RangeError past it).
 * Node passes zlib.inflateRawSync with maxOutputLength; without it only declared sizes are checked.
 */
export type BoundedInflate = (data: Uint8Array, maxBytes: number) => Uint8Array;

/**
 * Refuses a workbook before it is parsed: declared uncompressed sizes over the limit; with
 * `inflate`, also the real sizes (a zip may lie about them) and the cells its worksheets hold.
 * Returns the worksheets' cell count when it was counted.
 */
export function checkWorkbookLimits(bytes: Uint8Array, entries: ZipEntry[], limits: Limits = LIMITS, inflate?: BoundedInflate): number | undefined {
  let declared = 0;
  for (const e of entries) declared += e.uncompressedSize;
  if (declared > limits.uncompressedBytes) {
    const biggest = entries.reduce((a, b) => (b.uncompressedSize > a.uncompressedSize ? b : a));
    throw tooLarge(declared, limits.uncompressedBytes, `工作簿（其中 ${biggest.name} ${megabytes(biggest.uncompressedSize)}）`, `the workbook (${biggest.name}: ${megabytes(biggest.uncompressedSize)})`);
  }
  if (!inflate) return undefined;
  let total = 0;
  let cells = 0;
  for (const e of entries) {
    if (e.method !== 8 && e.method !== 0) continue;
    const data = entryData(bytes, e);
    if (!data) continue; // exceljs reports a broken zip in its own words
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else {
      try {
        out = inflate(data, limits.uncompressedBytes - total + 1);
      } catch (err) {
        if (err instanceof RangeError) throw tooLarge(limits.uncompressedBytes + 1, limits.uncompressedBytes, `工作簿（${e.name} 声明 ${megabytes(e.uncompressedSize)}，实际更大）`, `the workbook (${e.name} claims ${megabytes(e.uncompressedSize)} but is larger)`);
        continue; // corrupt data: exceljs says so when it reads it
      }
    }
    total += out.byteLength;
    if (total > limits.uncompressedBytes) throw tooLarge(total, limits.uncompressedBytes, "工作簿", "the workbook");
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      cells += countCellElements(out);
      if (cells > limits.cells) throw tooManyCells(cells, limits.cells, "工作簿", "the workbook");
    }
  }
  return cells;
}
