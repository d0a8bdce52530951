/**
 * The parties a row names (the applicant, a consortium's lead and site), as the rule kinds compare
 * them across rows: codes, names and the keys that join them.
 */
import { normaliseCompanyName } from "../names";
import type { Party } from "../schema-atoms";
import { cleanText, saysNothing } from "../text";
import { column, value, type CheckContext, type RowData, type UsccValue } from "./context";

/** The compact code of a party when the cell holds one of the right shape (checks may fail). */
export function partyCode(row: RowData, party: Party): string | null {
  const v = value<UsccValue>(row, party.uscc);
  if (!v || v.status !== "code") return null;
  return v.problem === "format" ? null : v.code;
}

/** The code when it passes every check. */
export function validPartyCode(row: RowData, party: Party): string | null {
  const v = value<UsccValue>(row, party.uscc);
  if (!v || v.status !== "code") return null;
  return v.problem === null ? v.code : null;
}

export function partyName(row: RowData, party: Party): string | null {
  return value<string>(row, party.name) ?? null;
}

const nameKeys = new Map<string, string>();

/** Names compared across rows; empty when the row names no one. Remembered: several rules ask for the same name. */
export function nameKey(name: string | null): string {
  if (!name) return "";
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = normaliseCompanyName(name);
    if (nameKeys.size > 200_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

/** Looser than nameKey: the legal form goes too, so 有限责任公司 and 有限公司 meet (for a warning only). */
export function looseNameKey(name: string | null): string {
  return nameKey(name).replace(/(股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|总公司|公司|有限合伙|厂)$/u, "");
}

/**
 * One key per party across rows: the code when known, else the name — and a name seen elsewhere with
 * a code takes that code, so a row whose code was truncated still meets its twin.
 */
export function partyKeys(rows: readonly RowData[], party: Party): Map<RowData, string> {
  const codeOfName = new Map<string, string>();
  for (const row of rows) {
    const code = partyCode(row, party);
    const name = nameKey(partyName(row, party));
    if (code && name && !codeOfName.has(name)) codeOfName.set(name, code);
  }
  const keys = new Map<RowData, string>();
  for (const row of rows) {
    const code = partyCode(row, party);
    const name = nameKey(partyName(row, party));
    const key = code ?? (name ? (codeOfName.get(name) ?? `name:${name}`) : "");
    if (key) keys.set(row, key);
  }
  return keys;
}

export function groupBy<K>(rows: readonly RowData[], keyOf: (r: RowData) => K | null | undefined): Map<K, RowData[]> {
  const groups = new Map<K, RowData[]>();
  for (const row of rows) {
    const k = keyOf(row);
    if (k === null || k === undefined || k === "") continue;
    const g = groups.get(k);
    if (g) g.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}


/** What tells one row's direction (or other field) from another's: the value read, else the cell as typed. */
export function differKey(ctx: CheckContext, row: RowData, field: string): string {
  const v = row.values.get(field);
  if (typeof v === "string") return v;
  const col = column(ctx, field);
  const cell = col ? row.cells[col.index] : undefined;
  return cell && cell.value !== null ? `raw:${String(cell.value)}` : "empty";
}

/** The other members a consortium cell names, one per item (无 and the like name none). */
export function splitMembers(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/u)
    .map((s) => cleanText(s))
    .filter((s) => s !== "" && !saysNothing(s));
}
