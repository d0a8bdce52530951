/**
 * The registry of rule kinds: one line per kind. The programme's rule unions, the reference
 * validation, the rules text, the unchecked notes, the finding titles and the edit form are all
 * built from these lists, so a kind not listed here cannot be used and one listed is used everywhere.
 */
import { z } from "zod";
import type { KindSchema, RowKind, SetKind } from "../kind";
import { built } from "./built";
import { cap } from "./cap";
import { capability } from "./capability";
import { certificate } from "./certificate";
import { cloudWindow } from "./cloud-window";
import { consortium } from "./consortium";
import { duplicates } from "./duplicates";
import { excludedByList } from "./excluded-by-list";
import { groupCap } from "./group-cap";
import { identity } from "./identity";
import { investmentMin } from "./investment-min";
import { letter } from "./letter";
import { minAge } from "./min-age";
import { notRecognised } from "./not-recognised";
import { oneDirection } from "./one-direction";
import { priorFunding } from "./prior-funding";
import { ranks } from "./ranks";
import { restricted } from "./restricted";
import { starLadder } from "./star-ladder";
import { taskListed } from "./task-listed";

/** Rules one row must satisfy on its own. */
export const ROW_KINDS = [identity, minAge, built, notRecognised, investmentMin, certificate, capability, starLadder, cloudWindow, restricted, excludedByList, priorFunding, letter, consortium, taskListed] as const;

/** Rules over the list as a whole. */
export const SET_KINDS = [duplicates, oneDirection, cap, groupCap, ranks] as const;

type Schemas<T extends readonly { schema: unknown }[]> = { -readonly [K in keyof T]: T[K]["schema"] };
const schemasOf = <T extends readonly { schema: unknown }[]>(kinds: T) => kinds.map((k) => k.schema) as unknown as Schemas<T>;

export const RowRuleSchema = z.discriminatedUnion("type", schemasOf(ROW_KINDS));
export type RowRule = z.output<typeof RowRuleSchema>;
export const SetRuleSchema = z.discriminatedUnion("type", schemasOf(SET_KINDS));
export type SetRule = z.output<typeof SetRuleSchema>;

type AnyRowKind = (typeof ROW_KINDS)[number];
type AnySetKind = (typeof SET_KINDS)[number];
/** Every finding code a rule kind makes. */
export type RuleCode = KindCodes<AnyRowKind | AnySetKind>;
type KindCodes<K> = K extends { codes: infer C } ? keyof C & string : never;

const rowByType = new Map<string, RowKind<string, KindSchema<string>, string>>(ROW_KINDS.map((k) => [k.type, k as unknown as RowKind<string, KindSchema<string>, string>]));
const setByType = new Map<string, SetKind<string, KindSchema<string>, string>>(SET_KINDS.map((k) => [k.type, k as unknown as SetKind<string, KindSchema<string>, string>]));

/** The kind of a parsed row rule. The union is built from ROW_KINDS, so every rule has one. */
export function rowKindOf<T extends RowRule>(rule: T): RowKind<string, KindSchema<string>, string> & { check(ctx: Parameters<RowKind["check"]>[0], row: Parameters<RowKind["check"]>[1], rule: T): void } {
  return rowByType.get(rule.type)! as never;
}

export function setKindOf<T extends SetRule>(rule: T): SetKind<string, KindSchema<string>, string> & { check(ctx: Parameters<SetKind["check"]>[0], input: Parameters<SetKind["check"]>[1], rule: T): ReturnType<SetKind["check"]> } {
  return setByType.get(rule.type)! as never;
}

export function kindByType(type: string): RowKind | SetKind | undefined {
  return rowByType.get(type) ?? setByType.get(type);
}

export const ROW_RULE_KINDS: readonly string[] = ROW_KINDS.map((k) => k.type);
export const SET_RULE_KINDS: readonly string[] = SET_KINDS.map((k) => k.type);

/** The titles of every code a rule kind makes; a code made by two kinds would be a registry error (tested). */
export const RULE_CODE_TITLES: Record<RuleCode, readonly [string, string]> = Object.assign({}, ...[...ROW_KINDS, ...SET_KINDS].map((k) => k.codes));
