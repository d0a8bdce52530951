/**
 * The clerk's say over the column mapping: a choice per column (a field, or 不使用此列), and a saved
 * mapping keyed by the header's wording so the next list headed the same way is read the same way.
 * Pure data; the pane stores it in the workbook, the CLI reads it from a file (--mapping).
 */
import { z } from "zod";
import { headerKey } from "./text";

export const ColumnChoice = z.object({
  /** A column letter ("D") or the header text as shown ("近三年投入（万元）/合计", or just the child "合计" when unique). */
  column: z.string().min(1),
  /** A field id; null = 不使用此列 (the column is left unused). */
  field: z.string().min(1).nullable(),
});
export type ColumnChoice = z.infer<typeof ColumnChoice>;

export const SavedMapping = z.object({
  version: z.literal(1),
  /** mappingKey() of the header the choices were made on. */
  key: z.string(),
  choices: z.array(ColumnChoice),
});
export type SavedMapping = z.infer<typeof SavedMapping>;

/** Column letters as a choice names them: "D", "AB" (upper case only, so a header "aa" stays a header). */
export function isColumnLetter(s: string): boolean {
  return /^[A-Z]{1,3}$/.test(s.trim());
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits: short, stable across runs and hosts. */
function fnv1a64(s: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, "0");
}

/**
 * A stable key of a header's wording: each column's header normalised (headerKey: width, spaces,
 * brackets and units, case), in column order, trailing empty columns dropped. Two lists headed the
 * same way (up to those differences) get the same key. Fixed length, so it can be stored freely.
 */
export function mappingKey(headerTexts: readonly string[]): string {
  const keys = headerTexts.map((t) => headerKey(t));
  while (keys.length > 0 && keys[keys.length - 1] === "") keys.pop();
  if (keys.length === 0) return "";
  return `h1-${keys.length}-${fnv1a64(keys.join("\u0001"))}`;
}

/**
 * The mapping of a checked header, to save and reuse: each column named by its header where that
 * header is unique (so the mapping survives moved columns), else by its letter.
 */
export function savedMappingOf(key: string, columns: readonly { column: string; header: string; field: string | null }[]): SavedMapping {
  const count = new Map<string, number>();
  for (const c of columns) count.set(headerKey(c.header), (count.get(headerKey(c.header)) ?? 0) + 1);
  return {
    version: 1,
    key,
    choices: columns.map((c) => ({ column: c.header.trim() !== "" && count.get(headerKey(c.header)) === 1 && !isColumnLetter(c.header) ? c.header : c.column, field: c.field })),
  };
}
