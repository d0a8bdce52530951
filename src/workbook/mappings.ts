/**
 * Confirmed column mappings as the adapters keep them: one list, most recent first, bounded in
 * count and in size, so a workbook passed between districts never grows without end. Both
 * adapters and the user store (user-store.ts) keep the same list through these functions.
 */
import { SavedMapping } from "../domain/columns";

/** The document setting (and user-store key) holding the list. */
export const MAPPINGS_SETTING = "columnMappings";
/** Header wordings remembered; saving one more forgets the least recently saved. */
export const MAX_SAVED_MAPPINGS = 20;
/** One mapping's size as stored (UTF-8 JSON); a sheet of some 300 columns with long headers passes it. */
export const MAX_MAPPING_BYTES = 16 * 1024;

/** Thrown when a mapping is too large to keep with the workbook; nothing was saved. */
export class MappingTooLargeError extends Error {
  readonly messageEn: string;
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `列对应过大（${Math.ceil(bytes / 1024)} KB，上限 ${limit / 1024} KB），未保存到工作簿：本次检查仍按您的选择进行，下次需重新确认。可把不需要的列设为“不使用此列”或删去多余的列后再确认。`,
    );
    this.name = "MappingTooLargeError";
    this.messageEn = `The column mapping is too large to keep (${Math.ceil(bytes / 1024)} KB, limit ${limit / 1024} KB) and was not saved; this check uses your choices, the next one will ask again.`;
  }
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The stored list, read leniently: entries that are not valid mappings (another version, hand edits) are dropped. */
export function readMappings(raw: unknown): SavedMapping[] {
  if (!Array.isArray(raw)) return [];
  const out: SavedMapping[] = [];
  for (const item of raw) {
    const parsed = SavedMapping.safeParse(item);
    if (parsed.success && !out.some((m) => m.key === parsed.data.key)) out.push(parsed.data);
  }
  return out;
}

export function findMapping(list: readonly SavedMapping[], key: string): SavedMapping | undefined {
  return list.find((m) => m.key === key);
}

/**
 * `mapping` first (replacing one of the same key), then the others, at most MAX_SAVED_MAPPINGS.
 * Throws MappingTooLargeError, leaving the list as it was, when the mapping passes MAX_MAPPING_BYTES.
 */
export function withMapping(list: readonly SavedMapping[], mapping: SavedMapping): SavedMapping[] {
  const valid = SavedMapping.parse(mapping);
  const bytes = utf8Bytes(JSON.stringify(valid));
  if (bytes > MAX_MAPPING_BYTES) throw new MappingTooLargeError(bytes, MAX_MAPPING_BYTES);
  return [valid, ...list.filter((m) => m.key !== valid.key)].slice(0, MAX_SAVED_MAPPINGS);
}

export function withoutMapping(list: readonly SavedMapping[], key: string): SavedMapping[] {
  return list.filter((m) => m.key !== key);
}
