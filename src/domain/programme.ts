/**
 * A programme definition: everything a city bureau checks for one notice, as data. Next year's
 * notice is a new definition file reviewed by a person, with no change to the engine. Every
 * definition is parsed by `Programme` when it is loaded, so a malformed one fails at start, not
 * halfway through a check.
 */
import { z } from "zod";
import { FIELDS } from "./fields";
import { settingValueProblem } from "./setting-values";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ISO date YYYY-MM-DD");
const FieldId = z.string().refine((id) => id in FIELDS, { message: "unknown field id (see fields.ts)" });

/** Where a rule comes from: "苏工信融合〔2023〕27号 三(一)1". */
const Clause = z.string().min(3);

export const FieldSpec = z.object({
  field: FieldId,
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

/** The two fields naming one party of a row: the applicant, or a consortium's lead or site. */
export const Party = z.object({
  name: FieldId,
  uscc: FieldId,
  /** How messages call this party: "申报单位", "牵头单位". */
  role: z.string(),
  roleEn: z.string(),
});
export type Party = z.infer<typeof Party>;

export const RowRule = z.discriminatedUnion("type", [
  /** USCC format, checksum, truncation, province, city; branch names and 个体工商户. */
  z.object({
    type: z.literal("identity"),
    party: Party,
    /** "required": registered in the programme's province (error); "warn": a warning (the notice states no such clause); "none": not checked here. */
    province: z.enum(["required", "warn", "none"]),
    /** Warn when registered in another city of the province than the recommending unit. */
    otherCity: z.boolean(),
    legalPerson: z.boolean(),
    /** A branch or 个体工商户: an error where the notice asks for a legal person, a warning where it is only presumed. */
    legalPersonSeverity: z.enum(["error", "warning"]).optional(),
    /** A national (100000) registration is explained when this ownership column holds one of these words (中央驻鲁 …). */
    centralOwnership: z.object({ field: FieldId, words: z.array(z.string().min(1)).min(1) }).optional(),
    clause: Clause,
    legalPersonClause: Clause,
  }),
  z.object({ type: z.literal("min-age"), field: FieldId, years: z.number().int().positive(), clause: Clause }),
  z.object({
    type: z.literal("built"),
    field: FieldId,
    /** Statuses that are completed / operating. */
    ok: z.array(z.string()),
    /** Statuses a person should look at (warning). Any other status is an error. */
    warn: z.array(z.string()).default([]),
    clause: Clause,
  }),
  z.object({ type: z.literal("not-recognised"), field: FieldId, upgradeField: FieldId, clause: Clause }),
  z.object({
    type: z.literal("investment-min"),
    total: FieldId,
    /**
     * Items the total covers, named as examples ("…等投入总计"): the total is judged; their sum only
     * where no total is given; a total below their sum is a warning.
     */
    parts: z.array(FieldId).default([]),
    /** 万元. */
    min: z.number().positive(),
    clause: Clause,
  }),
  z.object({
    type: z.literal("certificate"),
    status: FieldId,
    validUntil: FieldId,
    /** The validity must run past this date. */
    after: IsoDate,
    /** What the certificate is, in messages: "两化融合管理体系贯标". */
    name: z.string().min(2),
    nameEn: z.string().min(2),
    /** A text column where a row may say its evidence is attached (佐证材料), for a pending certificate. */
    evidenceField: FieldId.optional(),
    clause: Clause,
  }),
  z.object({
    type: z.literal("capability"),
    basic: z.object({ field: FieldId, required: z.number().int().positive() }),
    /** Every direction the field allows (in force: the user's setting, else the definition's) must be covered. */
    manufacturing: z.object({ field: FieldId }),
    /** At least this many of the directions the field allows. */
    benchmark: z.object({ field: FieldId, atLeast: z.number().int().positive() }),
    clause: Clause,
  }),
  z.object({
    type: z.literal("star-ladder"),
    applied: FieldId,
    held: FieldId,
    /** Allowed star values in ascending order, and the value meaning "none held". */
    levels: z.array(z.string()).min(2),
    none: z.string(),
    clause: Clause,
  }),
  z.object({
    type: z.literal("cloud-window"),
    start: FieldId,
    end: FieldId,
    inUse: FieldId,
    from: IsoDate,
    to: IsoDate,
    minMonths: z.number().int().positive(),
    clause: Clause,
  }),
  z.object({
    type: z.literal("restricted"),
    conditions: z.array(
      z.object({
        field: FieldId,
        /** The yes/no answer that bars the row (是 for "发生过事故", 否 for "符合产业政策"). */
        barsWhen: z.boolean(),
        zh: z.string(),
        en: z.string(),
        clause: Clause,
      }),
    ),
    /** A free-text restrictions column: anything but 无/否/空 bars the row. */
    textField: FieldId.optional(),
    textClause: Clause.optional(),
    /**
     * The notice bars only accidents of some grades (较大以上): an accident stated (in `field`'s remark or the
     * text column) as a lesser grade or without one is a warning for a person to look at, not an error.
     */
    accidentGrades: z
      .object({
        field: FieldId,
        barred: z.array(z.string()).min(1),
        lesser: z.array(z.string()),
        /** Words that make a text about an accident (事故, 事件). */
        about: z.array(z.string()).min(1),
        /** Words that bar whatever the grade (失信, 黑名单 …): a text naming one is an error. */
        otherBars: z.array(z.string()),
        clause: Clause,
      })
      .optional(),
  }),
  z.object({
    type: z.literal("excluded-by-list"),
    party: Party,
    /** A yes/no column of the sheet saying the party is on the list. */
    field: FieldId.optional(),
    /** Name of the list this rule stands for ("前期155个省级重点平台"). */
    list: z.string(),
    listEn: z.string(),
    /** Setting (kind "units") holding the list's entries when the user has them. */
    listSetting: z.string().optional(),
    clause: Clause,
  }),
  z.object({ type: z.literal("prior-funding"), field: FieldId, clause: Clause }),
  z.object({
    type: z.literal("letter"),
    ownership: FieldId,
    letter: FieldId,
    /** A yes/no column saying the unit is a subsidiary. */
    subsidiaryField: FieldId.optional(),
    /** Words an ownership token ends with when it marks a subsidiary (子公司 …). */
    subsidiary: z.array(z.string()).min(1),
    /** Ownership words of the groups the sentence follows (央企、省属国企): their subsidiaries without a letter are errors. */
    stateOwnership: z.array(z.string().min(1)).min(1),
    /** Other groups' subsidiaries without a letter, where the notice's reading is open: how severe, and why. */
    otherSubsidiaries: z.object({ severity: z.enum(["warning", "error"]), reading: z.string().min(1), readingEn: z.string().min(1) }),
    clause: Clause,
  }),
  z.object({
    type: z.literal("consortium"),
    lead: Party,
    site: Party,
    members: FieldId,
    maxMembers: z.number().int().positive(),
    /** Province the lead must be registered in. */
    leadProvince: z.enum(["32", "37"]),
    clause: Clause,
  }),
  z.object({
    type: z.literal("task-listed"),
    field: FieldId,
    /** Setting (kind "names") holding the 榜单's tasks. */
    listSetting: z.string().optional(),
    clause: Clause,
  }),
]);
export type RowRule = z.infer<typeof RowRule>;

export const SetRule = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("duplicates"),
    party: Party,
    /** Rows that differ in this field are left to another rule (one direction per applicant). */
    unlessDiffers: FieldId.optional(),
    clause: Clause,
  }),
  z.object({ type: z.literal("one-direction"), party: Party, field: FieldId, clause: Clause }),
  z.object({
    type: z.literal("cap"),
    code: z.enum(["provider-cap", "enterprise-cap"]),
    party: Party,
    /** A list of other members: a unit named there (by code where given, else by name) takes part in that project too. */
    members: FieldId.optional(),
    max: z.number().int().positive(),
    clause: Clause,
  }),
  z.object({ type: z.literal("group-cap"), field: FieldId, max: z.number().int().positive(), clause: Clause }),
  z.object({
    type: z.literal("ranks"),
    field: FieldId,
    clause: Clause,
  }),
]);
export type SetRule = z.infer<typeof SetRule>;

export const Quota = z.object({
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
export const Setting = z.object({
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

export const Programme = z
  .object({
    id: z.string().regex(/^(js|sd)-\d{4}-[a-z0-9-]+$/),
    title: z.string(),
    titleEn: z.string(),
    province: z.enum(["32", "37"]),
    notice: z.object({
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
    deadlines: z.array(z.object({ what: z.string(), date: IsoDate })),
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
      .object({
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
  })
  .superRefine((p, ctx) => {
    const used = new Set(p.fields.map((f) => f.field));
    const need = (field: string, where: string) => {
      if (!used.has(field)) ctx.addIssue({ code: "custom", message: `${where} uses field ${field}, which the programme does not list` });
    };
    for (const r of p.rowRules) {
      for (const [k, v] of Object.entries(r)) {
        if (typeof v === "string" && v in FIELDS && k !== "type") need(v, `row rule ${r.type}.${k}`);
        if (v && typeof v === "object" && !Array.isArray(v)) {
          for (const [k2, v2] of Object.entries(v)) if (typeof v2 === "string" && (k2 === "field" || k2 === "name" || k2 === "uscc")) need(v2, `row rule ${r.type}.${k}.${k2}`);
        }
      }
    }
    for (const r of p.setRules) {
      if ("field" in r) need(r.field, `set rule ${r.type}`);
      if ("party" in r) {
        need(r.party.name, `set rule ${r.type}`);
        need(r.party.uscc, `set rule ${r.type}`);
      }
    }
    if (p.quota) need(p.quota.ownershipField, "quota");
    if (p.priority) {
      need(p.priority.party.name, "priority");
      need(p.priority.party.uscc, "priority");
      need(p.priority.declaredField, "priority");
    }
    for (const f of p.fields) {
      const kind = FIELDS[f.field]?.kind;
      if ((kind === "enum" || kind === "list") && !f.allowed?.length) {
        ctx.addIssue({ code: "custom", message: `field ${f.field} (${kind}) needs allowed values` });
      }
    }
    if (new Set(p.fields.map((f) => f.field)).size !== p.fields.length) ctx.addIssue({ code: "custom", message: "a field is listed twice" });
    // Every setting a rule names is declared, with the kind the rule needs, and its default is valid.
    const declared = new Map(p.settings.map((s) => [s.id, s]));
    const needSetting = (id: string | undefined, kind: SettingKind, where: string) => {
      if (id === undefined) return;
      const s = declared.get(id);
      if (!s) ctx.addIssue({ code: "custom", message: `${where} names setting ${id}, which the programme does not declare` });
      else if (s.kind !== kind) ctx.addIssue({ code: "custom", message: `${where} needs setting ${id} of kind ${kind}, not ${s.kind}` });
    };
    for (const f of p.fields) needSetting(f.allowedFromSetting, "names", `field ${f.field}`);
    for (const r of p.rowRules) if (r.type === "excluded-by-list") needSetting(r.listSetting, "units", `row rule ${r.type}`);
    for (const r of p.rowRules) if (r.type === "task-listed") needSetting(r.listSetting, "names", `row rule ${r.type}`);
    if (p.priority) {
      needSetting(p.priority.clusterSetting, "groups", "priority");
      needSetting(p.priority.chainSetting, "groups", "priority");
    }
    if (declared.size !== p.settings.length) ctx.addIssue({ code: "custom", message: "a setting is declared twice" });
    for (const s of p.settings) {
      if (s.id === "asOf" || s.id === "quota") ctx.addIssue({ code: "custom", message: `setting ${s.id} comes from the programme's asOf and quota` });
      const problem = settingValueProblem(s.kind, s.default);
      if (problem) ctx.addIssue({ code: "custom", message: `setting ${s.id}: default ${problem}` });
    }
  })
  // The as-of date and the quota are settings too: declared by asOf/asOfSource and quota, listed first.
  .transform((p) => ({ ...p, settings: [...derivedSettings(p), ...p.settings] }));
export type Programme = z.infer<typeof Programme>;
export type ProgrammeInput = z.input<typeof Programme>;

function derivedSettings(p: { asOf: string; asOfSource: string; quota: Quota | null }): Setting[] {
  const out: Setting[] = [
    { id: "asOf", kind: "date", zh: "基准日", en: "As-of date", decides: "计算注册年限等的日期", default: p.asOf, provenance: p.asOfSource },
  ];
  if (p.quota) {
    out.push({
      id: "quota",
      kind: "count",
      zh: p.quota.label === "推荐名额" ? "推荐名额" : `推荐名额（${p.quota.label}）`,
      en: `Quota (${p.quota.labelEn})`,
      decides: `本市可推荐的${p.quota.label}数（${p.quota.exemptOwnership.length ? `${p.quota.exemptOwnership.join("、")}单位不占名额` : "每行都计入"}）`,
      default: p.quota.value,
      provenance: p.quota.open ? `${p.quota.clause}；各市名额在附件中，未随通知正文公布：默认不设` : p.quota.clause,
    });
  }
  return out;
}
