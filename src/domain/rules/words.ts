/** Small helpers the rule kinds share to say what they check and what they could not. */
import { FIELDS } from "../fields";
import type { FieldSpec } from "../programme";
import type { ProgrammeView } from "./kind";
import type { RuleText } from "../rules-text";

/** A field's Chinese name as the programme has it (a field the notice defines is named as it defines it). */
export const zhOf = (p: Pick<ProgrammeView, "fields">, field: string): string => {
  const own = p.fields.find((f) => f.field === field)?.define;
  return own?.zh ?? FIELDS[field]?.zh ?? field;
};
/** “注册时间” — a field as rule sentences quote it. */
export const label = (p: Pick<ProgrammeView, "fields">, field: string): string => `“${zhOf(p, field)}”`;
export const labels = (p: Pick<ProgrammeView, "fields">, fields: readonly string[]): string => fields.map((f) => label(p, f)).join("、");

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
