/** Small helpers the rule kinds share to say what they check and what they could not. */
import { FIELDS } from "../fields";
import type { FieldSpec } from "../programme";
import type { ProgrammeView } from "./kind";
import type { RuleText } from "../rules-text";

/** “注册时间” — a field as rule sentences quote it. */
export const label = (field: string): string => `“${FIELDS[field]?.zh ?? field}”`;
export const labels = (fields: readonly string[]): string => fields.map(label).join("、");
export const zhOf = (field: string): string => FIELDS[field]?.zh ?? field;

/** One sentence under the rule's clause. */
export function sentence(rule: { clause: string }, zh: string, settings: string[] = []): RuleText[] {
  return [{ zh, clause: rule.clause, settings }];
}

export function specOf(p: ProgrammeView, field: string): FieldSpec | undefined {
  return p.fields.find((f) => f.field === field);
}

/** A list setting the user has filled. */
export function settingGiven(settings: Readonly<Record<string, unknown>>, id: string | undefined): boolean {
  if (!id) return false;
  const v = settings[id];
  return Array.isArray(v) && v.length > 0;
}

export function settingName(p: ProgrammeView, id: string | undefined): string {
  return p.settings.find((s) => s.id === id)?.zh ?? "";
}

/** A field the rule reads, as a ref at `key` (none when the rule leaves it out). */
export function fieldRef(key: string, id: string | undefined): [(string | number)[], string][] {
  return id === undefined ? [] : [[[key], id]];
}

/** The two fields of a party, as refs under `at`. */
export function partyRefs(at: string, party: { name: string; uscc: string }): [(string | number)[], string][] {
  return [
    [[at, "name"], party.name],
    [[at, "uscc"], party.uscc],
  ];
}
