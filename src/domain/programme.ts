/**
 * A programme definition: everything a city bureau checks for one notice, as data. Next year's
 * notice is a new definition file reviewed by a person, with no change to the engine. Every
 * definition is parsed by `Programme` when it is loaded, so a malformed one fails at start, not
 * halfway through a check.
 */
import { z } from "zod";
import { FIELD_KINDS, FIELDS, type FieldDef } from "./fields";
import { settingValueProblem } from "./setting-values";
import { ProgrammeLayout } from "./export/layout";
import { Clause, FieldId, IsoDate, Party, ProvinceCodeSchema, RuleSource, problem } from "./schema-atoms";
import { kindByType, RowRuleSchema, SetRuleSchema, type RowRule as RowRuleType, type SetRule as SetRuleType } from "./rules/kinds";
import type { Path, Refs } from "./rules/kind";

export { Party, RuleSource } from "./schema-atoms";
export { ROW_RULE_KINDS, SET_RULE_KINDS } from "./rules/kinds";

/** A field a notice introduces: its names, how its cells are read, and the header wordings districts use. */
export const FieldDefinition = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
  kind: z.enum(FIELD_KINDS),
  /** Header wordings besides the zh name (compared as fields.ts compares them). */
  synonyms: z.array(z.string().min(1)).default([]),
  /** Fallback for long free headers: the header contains every word of one group. */
  keywords: z.array(z.array(z.string().min(1)).min(1)).optional(),
  content: z.enum(["rank", "ownership"]).optional(),
});
export type FieldDefinition = z.infer<typeof FieldDefinition>;

export const FieldSpec = z.strictObject({
  field: FieldId,
  /** The field's definition, for a field the shared vocabulary (fields.ts) does not have; it may also replace a shared one for this programme. */
  define: FieldDefinition.optional(),
  required: z.boolean().default(false),
  /** Allowed values (enum and list kinds), canonical spelling first. */
  allowed: z.array(z.string().min(1)).optional(),
  /** Variant spelling → canonical allowed value (for yes/no fields: → 是 or 否). */
  aliases: z.record(z.string(), z.string()).optional(),
  /** Extra header wordings for this programme. */
  synonyms: z.array(z.string()).optional(),
  /**
   * A required field that these fields may stand in for, all of them given (a total and its parts):
   * the column may be absent when they are all mapped, the cell empty when they are all filled.
   */
  unlessAll: z.array(FieldId).optional(),
  /**
   * Required only on rows that count toward the quota (a rank): the column must be there, an exempt
   * row may leave the cell empty, and a counted row's empty cell is the ranks rule's to report.
   */
  onlyWhereCounted: z.boolean().optional(),
  /** Wordings that name this field only when the column's cells hold its values ("申报类型" holding 新申报/升级申报). */
  contentSynonyms: z.array(z.string()).optional(),
  /** Setting id whose value (a string list) replaces `allowed` when the user sets it. */
  allowedFromSetting: z.string().optional(),
  /**
   * While the allowed values are the definition's own (no user list): a value that starts with one
   * of them and adds a qualifier ("特色型（面向重点行业）") is read as naming that value.
   */
  qualifiable: z.boolean().optional(),
});
export type FieldSpec = z.infer<typeof FieldSpec>;

/** A rule on one row; its kinds are the registry's (rules/kinds). */
export const RowRule = RowRuleSchema;
export type RowRule = RowRuleType;
/** A rule on the list as a whole. */
export const SetRule = SetRuleSchema;
export type SetRule = SetRuleType;

export const Quota = z.strictObject({
  source: RuleSource.optional(),
  /** null when the notice leaves the number open. */
  value: z.number().int().nonnegative().nullable(),
  /** The user must enter the number (附件4 per city, not published with the notice). */
  open: z.boolean(),
  label: z.string(),
  labelEn: z.string(),
  ownershipField: FieldId,
  /** Ownership text stating one of these as a whole word (see ownership.ts) does not count toward the quota. */
  exemptOwnership: z.array(z.string()),
  clause: Clause,
});
export type Quota = z.infer<typeof Quota>;

/** Marks a default no notice states: shown as the setting's provenance. */
export const UNVERIFIED = "未经核实的默认值";

/**
 * What kind of value a setting holds (the value's schema is in settings.ts):
 * date (YYYY-MM-DD), count (a whole number or null = unset), names (a list of names or null = no
 * list), groups (names with aliases: clusters, chains), units (enterprises by name and/or code).
 */
export const SettingKind = z.enum(["date", "count", "names", "groups", "units"]);
export type SettingKind = z.infer<typeof SettingKind>;

/** A fact the notice leaves open: the user may set it; the default is honest and says where it comes from. */
export const Setting = z.strictObject({
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  kind: SettingKind,
  zh: z.string().min(2),
  en: z.string().min(2),
  /** What the setting decides, one Chinese sentence. */
  decides: z.string().min(4),
  default: z.unknown(),
  /** Where the default comes from: the clause, or UNVERIFIED and why. */
  provenance: z.string().min(3),
});
export type Setting = z.infer<typeof Setting>;

const ProgrammeObject = z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, problem("项目编号应为小写字母、数字和连字符，如 js-2027-platform", "a programme id is lower-case letters, digits and hyphens, e.g. js-2027-platform")),
    title: z.string(),
    titleEn: z.string(),
    province: ProvinceCodeSchema,
    notice: z.strictObject({
      /** 文号, when the notice shows one. */
      number: z.string().nullable(),
      title: z.string(),
      issuer: z.string(),
      /** Date of issue, when the notice shows it. */
    issued: IsoDate.nullable(),
      seeds: z.array(z.string()).min(1),
    }),
    /** County-level units that recommend directly besides the cities (昆山市 …), by name. */
    countyLevelUnits: z.array(z.string()).default([]),
    /** The date the city must submit by. */
    cityDeadline: IsoDate,
    deadlines: z.array(z.strictObject({ what: z.string(), date: IsoDate })),
    /** Default as-of date for age checks. */
    asOf: IsoDate,
    /** Why that date: the clause it is taken from. */
    asOfSource: z.string().min(3),
    fields: z.array(FieldSpec).min(2),
    rowRules: z.array(RowRule),
    setRules: z.array(SetRule),
    quota: Quota.nullable(),
    /** Priority marks (cluster / chain membership): whose name and code are matched, and the column where a row declares its cluster or chain. */
    priority: z
      .strictObject({
        source: RuleSource.optional(),
        party: Party,
        declaredField: FieldId,
        /** Settings (kind "groups") holding the cluster and the chain names with their aliases. */
        clusterSetting: z.string(),
        chainSetting: z.string(),
        clause: Clause,
      })
      .nullable(),
    settings: z.array(Setting).default([]),
    /** What the notice leaves to the bureau beyond the settings, in Chinese: listed in every report. */
    notes: z.array(z.string()).default([]),
    /**
     * The province's summary-table forms (汇总表格式), first one the default. A programme without one
     * exports to a form built from its fields (export/layouts.ts).
     */
    layouts: z.array(ProgrammeLayout).default([]),
  });
type ProgrammeObject = z.output<typeof ProgrammeObject>;

export const Programme = ProgrammeObject
  .superRefine((p, ctx) => crossCheck(p, ctx))
  // The as-of date and the quota are settings too: declared by asOf/asOfSource and quota, listed first.
  .transform((p) => {
    const fieldDefs = fieldDefsOf(p.fields);
    return { ...p, settings: [...derivedSettings(p, fieldDefs), ...p.settings], fieldDefs };
  });
export type Programme = z.infer<typeof Programme>;
export type ProgrammeInput = z.input<typeof Programme>;

/** The plausibility ceiling of amounts (in 亿元), declared for every programme with an amount column. */
export const AMOUNT_CEILING: Setting = {
  id: "amountCeiling",
  kind: "count",
  zh: "金额合理上限（亿元）",
  en: "Plausible amount ceiling (亿元)",
  decides: "金额读作万元后达到此数（亿元）的为警告，并给出按更小单位（如元）的读法",
  default: 100,
  provenance: `${UNVERIFIED}：通知未规定；各项目的单个申报投入远低于100亿元，达到的多为把以元计的数填在万元列（15000000万元即1500亿元）`,
};

/** Setting ids the parse derives from the definition: a definition may not declare them itself. */
export const DERIVED_SETTING_IDS: readonly string[] = ["asOf", "quota", AMOUNT_CEILING.id];

function derivedSettings(p: { asOf: string; asOfSource: string; quota: Quota | null }, fieldDefs: Readonly<Record<string, FieldDef>>): Setting[] {
  const out: Setting[] = [
    { id: "asOf", kind: "date", zh: "基准日", en: "As-of date", decides: "计算注册年限等的日期", default: p.asOf, provenance: p.asOfSource },
  ];
  if (p.quota) {
    out.push({
      id: "quota",
      kind: "count",
      zh: p.quota.label === "推荐名额" ? "推荐名额" : `推荐名额（${p.quota.label}）`,
      en: `Quota (${p.quota.labelEn})`,
      decides: `本市可推荐的${p.quota.label === "推荐名额" ? "项目" : p.quota.label}数（${p.quota.exemptOwnership.length ? `${p.quota.exemptOwnership.join("、")}不占名额` : "每行都计入"}）`,
      default: p.quota.value,
      provenance: p.quota.open ? `${p.quota.clause}；各市名额在附件中，未随通知正文公布：默认不设` : p.quota.clause,
    });
  }
  if (Object.values(fieldDefs).some((d) => d.kind === "amount")) out.push(AMOUNT_CEILING);
  return out;
}

/** Every field and setting a row rule names (its kind says). */
export function rowRuleRefs(r: RowRule): Refs {
  return kindByType(r.type)!.refs(r as never);
}

export function setRuleRefs(r: SetRule): Refs {
  return kindByType(r.type)!.refs(r as never);
}

function crossCheck(p: ProgrammeObject, ctx: z.RefinementCtx): void {
  const add = (path: Path, zh: string, en: string) => ctx.addIssue({ code: "custom", path, message: en, params: { zh, en } });
  // Fields: each listed once, each defined (shared vocabulary or its own definition).
  const firstAt = new Map<string, number>();
  p.fields.forEach((f, i) => {
    if (firstAt.has(f.field)) add(["fields", i, "field"], `字段 ${f.field} 重复列出（已在 fields[${firstAt.get(f.field)}]）`, `field ${f.field} is listed twice (first at fields[${firstAt.get(f.field)}])`);
    else firstAt.set(f.field, i);
    if (!f.define && !(f.field in FIELDS)) {
      add(["fields", i, "field"], `字段 ${f.field} 不在共用字段表中，须用 define 给出其中英文名称、类型和表头写法`, `field ${f.field} is not in the shared vocabulary: give its names, kind and header wordings in define`);
    }
    const kind = f.define?.kind ?? FIELDS[f.field]?.kind;
    if ((kind === "enum" || kind === "list") && !f.allowed?.length) add(["fields", i, "allowed"], `字段 ${f.field}（${kind}）须列出可填的值（allowed）`, `field ${f.field} (${kind}) needs its allowed values`);
    for (const [j, other] of (f.unlessAll ?? []).entries()) needField(["fields", i, "unlessAll", j], other);
  });
  function needField(path: Path, id: string) {
    if (!firstAt.has(id)) add(path, `引用了字段 ${id}，但本项目的 fields 中没有列出它`, `names field ${id}, which the programme's fields do not list`);
  }
  // Settings: each declared once, with a valid default; the derived ids are the programme's own.
  const declared = new Map<string, { kind: SettingKind; at: number }>();
  p.settings.forEach((s, i) => {
    if (declared.has(s.id)) add(["settings", i, "id"], `设置 ${s.id} 重复声明`, `setting ${s.id} is declared twice`);
    else declared.set(s.id, { kind: s.kind, at: i });
    if (DERIVED_SETTING_IDS.includes(s.id)) add(["settings", i, "id"], `设置 ${s.id} 由项目的 asOf、quota 和金额列给出，不另行声明`, `setting ${s.id} comes from the programme's asOf, quota and amount columns`);
    const bad = settingValueProblem(s.kind, s.default);
    if (bad) add(["settings", i, "default"], `设置 ${s.id} 的默认值有误：${bad}`, `setting ${s.id}: its default ${bad}`);
  });
  const needSetting = (path: Path, id: string, kind: SettingKind) => {
    const s = declared.get(id);
    if (!s) add(path, `引用了设置 ${id}，但 settings 中没有声明它`, `names setting ${id}, which the programme's settings do not declare`);
    else if (s.kind !== kind) add(path, `设置 ${id} 应为 ${kind} 类，实为 ${s.kind}`, `setting ${id} must be of kind ${kind}, not ${s.kind}`);
  };
  p.fields.forEach((f, i) => f.allowedFromSetting !== undefined && needSetting(["fields", i, "allowedFromSetting"], f.allowedFromSetting, "names"));
  const checkRefs = (base: Path, refs: Refs) => {
    for (const [path, id] of refs.fields) needField([...base, ...path], id);
    for (const [path, id, kind] of refs.settings) needSetting([...base, ...path], id, kind);
  };
  p.rowRules.forEach((r, i) => checkRefs(["rowRules", i], rowRuleRefs(r)));
  p.setRules.forEach((r, i) => checkRefs(["setRules", i], setRuleRefs(r)));
  if (p.quota) needField(["quota", "ownershipField"], p.quota.ownershipField);
  if (p.priority) {
    needField(["priority", "party", "name"], p.priority.party.name);
    needField(["priority", "party", "uscc"], p.priority.party.uscc);
    needField(["priority", "declaredField"], p.priority.declaredField);
    needSetting(["priority", "clusterSetting"], p.priority.clusterSetting, "groups");
    needSetting(["priority", "chainSetting"], p.priority.chainSetting, "groups");
  }
  // Layouts: each form named once; every field a column or section reads is one the programme lists.
  const forms = new Set<string>();
  p.layouts.forEach((l, i) => {
    if (forms.has(l.form)) add(["layouts", i, "form"], `汇总表格式 ${l.form} 重复`, `layout ${l.form} is given twice`);
    forms.add(l.form);
    l.columns.forEach((c, j) => {
      if ("fields" in c.source) c.source.fields.forEach((id, k) => needField(["layouts", i, "columns", j, "source", "fields", k], id));
    });
    l.sections?.fields.forEach((id, k) => needField(["layouts", i, "sections", "fields", k], id));
  });
  // Dates in order: the city's deadline is not before the as-of date's notice was issued.
  if (p.notice.issued && p.cityDeadline < p.notice.issued) add(["cityDeadline"], `市级截止日 ${p.cityDeadline} 早于通知印发日 ${p.notice.issued}`, `the city deadline ${p.cityDeadline} is before the notice was issued (${p.notice.issued})`);
  // What each kind checks beyond its schema.
  p.rowRules.forEach((r, i) => kindByType(r.type)!.validate?.(r as never, (path, zh, en) => add(["rowRules", i, ...path], zh, en)));
  p.setRules.forEach((r, i) => kindByType(r.type)!.validate?.(r as never, (path, zh, en) => add(["setRules", i, ...path], zh, en)));
}

/** Each listed field's definition: its own, else the shared one. */
function fieldDefsOf(fields: readonly FieldSpec[]): Readonly<Record<string, FieldDef>> {
  const out: Record<string, FieldDef> = {};
  for (const f of fields) {
    const d = f.define;
    const shared = FIELDS[f.field];
    if (d) out[f.field] = { id: f.field, zh: d.zh, en: d.en, kind: d.kind, synonyms: [d.zh, ...d.synonyms], ...(d.keywords ? { keywords: d.keywords } : {}), ...(d.content ? { content: d.content } : {}) };
    else if (shared) out[f.field] = shared;
  }
  return out;
}

/** A field's definition as this programme has it (fields.ts: importable without the programme schema). */
export { fieldDefIn } from "./fields";
