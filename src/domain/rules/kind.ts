/**
 * A rule kind as one unit, in the manner of an ajv keyword: its schema, what it reads, its check,
 * how it is described, what it leaves unchecked, the finding codes it makes with their titles, and
 * the values a bureau may edit. The registry (kinds/index.ts) builds the programme's rule unions, the
 * reference validation, the rules text, the unchecked notes and the finding titles from these, so
 * adding a kind is one module and one registry line; a module missing a part does not compile.
 */
import type { z } from "zod";
import type { JsonPath, ValueKind } from "../bundle-edit";
import type { FieldSpec, Setting, SettingKind } from "../programme";
import type { RankStanding } from "../report";
import type { RuleText } from "../rules-text";
import type { Aspect } from "../unchecked";
import type { CheckContext, RowData } from "./context";
import type { CityScope } from "./set-rules";

export type Path = (string | number)[];

/**
 * What a kind sees of its programme outside a check. Declared here, not taken from Programme, whose
 * type is built from the kinds' schemas: a kind's parts must not depend on the union they make.
 */
export interface ProgrammeView {
  province: string;
  fields: readonly FieldSpec[];
  settings: readonly Setting[];
}

/** What the unchecked notes know: the programme, the settings in force, which reference lists were given. */
export interface UncheckedView {
  programme: ProgrammeView;
  settings: Readonly<Record<string, unknown>>;
  references: { excluded: boolean; tasks: boolean; priority: boolean };
}

/** What a rule reads, relative to the rule: fields, and settings with the kind each must have. */
export interface Refs {
  fields: [Path, string][];
  settings: [Path, string, SettingKind][];
}

/** A finding code's short title, Chinese and English (the findings list, the result column, the CLI). */
export type Title = readonly [zh: string, en: string];

/** A decisive value of a rule a clerk may edit in 新建项目 (path relative to the rule). */
export interface Editable {
  path: JsonPath;
  kind: ValueKind;
  zh: string;
  en: string;
}

/** Adds a problem of the definition at a path relative to the rule. */
export type AddProblem = (path: Path, zh: string, en: string) => void;

/** A rule schema: a strict object whose `type` is the kind's name. */
export type KindSchema<T extends string> = z.ZodObject<{ type: z.ZodLiteral<T> } & z.ZodRawShape>;

interface KindParts<T extends string, S extends KindSchema<T>, C extends string> {
  type: T;
  schema: S;
  /** What the kind is called where a bureau edits it. */
  name: Title;
  /** The finding codes this kind makes and no other part of the engine does, with their titles. */
  codes: Record<C, Title>;
  /** Every field and setting the rule names: a programme naming one it does not declare is refused. */
  refs(rule: z.output<S>): Refs;
  /** What the rule checks, one sentence per part, each with its clause and the settings that decide it. */
  describe(rule: z.output<S>, programme: ProgrammeView): RuleText[];
  /** The parts of the rule that read an optional column or an unpublished list. */
  unchecked(rule: z.output<S>, input: UncheckedView): Aspect[];
  /** One line of what a drafted rule checks (the draft's own rules are not yet parsed: read loosely). */
  summary(rule: Partial<z.output<S>>): string;
  /** The rule's decisive values for the edit form. */
  editable: readonly Editable[];
  /** Checks beyond the schema (dates in order …). */
  validate?(rule: z.output<S>, add: AddProblem): void;
}

export interface RowKind<T extends string = string, S extends KindSchema<T> = KindSchema<T>, C extends string = string> extends KindParts<T, S, C> {
  place: "row";
  check(ctx: CheckContext, row: RowData, rule: z.output<S>): void;
  /** Said once for the list: how the rule was checked for want of a column. */
  columnNotes?(ctx: CheckContext, rule: z.output<S>): void;
}

/** What a set rule is given: the rows in its scope; those that count toward the quota; the city in province mode. */
export interface SetInput {
  rows: readonly RowData[];
  counted: readonly RowData[];
  scope: CityScope | undefined;
}

/** A ranks rule's standing, which the quota reads. */
export type SetOutcome = void | { rankField: string; standing: RankStanding };

export interface SetKind<T extends string = string, S extends KindSchema<T> = KindSchema<T>, C extends string = string> extends KindParts<T, S, C> {
  place: "set";
  /**
   * "list": once over every row (in province mode the whole province: duplicates and caps see every
   * city's lists); "city": for each city in province mode, on the rows that count toward its quota.
   */
  over: "list" | "city";
  /** A limit the notice sets for the whole province: a single city's check is told it saw only its own list. */
  provinceWide?: boolean;
  check(ctx: CheckContext, input: SetInput, rule: z.output<S>): SetOutcome;
}

export function defineRowKind<T extends string, S extends KindSchema<T>, C extends string = never>(kind: RowKind<T, S, C>): RowKind<T, S, C> {
  return kind;
}

export function defineSetKind<T extends string, S extends KindSchema<T>, C extends string = never>(kind: SetKind<T, S, C>): SetKind<T, S, C> {
  return kind;
}
