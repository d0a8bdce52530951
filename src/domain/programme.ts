/**
 * A programme definition: everything a city bureau checks for one notice, as data. Next year's
 * notice is a new definition file reviewed by a person, with no change to the engine. Every
 * definition is parsed by `Programme` when it is loaded, so a malformed one fails at start, not
 * halfway through a check.
 */
import { z } from "zod";
import { FIELD_KINDS, FIELDS, type FieldDef } from "./fields";
import { isRealIsoDate } from "./readers";
import { isProvinceCode } from "./regions";

/** Two digits of GB/T 2260 naming a province of the region table ("32" 江苏省, "44" 广东省). */
const ProvinceCodeSchema = z.string().refine((c) => /^\d{2}$/.test(c) && isProvinceCode(c), problem("省份应为 GB/T 2260 的两位代码，如 32（江苏省）、44（广东省）", "a province is its two-digit GB/T 2260 code, e.g. 32 (Jiangsu), 44 (Guangdong)"));
import { settingValueProblem } from "./setting-values";
import { ProgrammeLayout } from "./export/layout";

/** A problem of the definition, in both languages, at a path (bundle.ts shows them to whoever edits the file). */
function problem(zh: string, en: string) {
  return { message: en, params: { zh, en } };
}

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, problem("日期应写成 YYYY-MM-DD，如 2023-03-31", "a date is written YYYY-MM-DD, e.g. 2023-03-31"))
  .superRefine((s, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s) && !isRealIsoDate(s)) ctx.addIssue({ code: "custom", ...problem(`日期 ${s} 不存在（该月没有这一天）`, `the date ${s} does not exist`) });
  });
/**
 * A field id: one of the shared vocabulary (fields.ts) or one the programme defines itself
 * (FieldSpec.define). That the programme lists every field a rule names is checked below.
 */
const FieldId = z.string().regex(/^[a-z][A-Za-z0-9]*$/, problem("字段编号应为英文字母和数字，以小写字母开头（如 uscc、investTotal）", "a field id is letters and digits starting lower case (uscc, investTotal)"));

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

/** Where a rule comes from: "苏工信融合〔2023〕27号 三(一)1". */
const Clause = z.string().min(3);

/** The clause a rule was read from, as section and sentence (drafts add how sure the reading is). */
export const RuleSource = z.strictObject({
  section: z.string().min(1),
  text: z.string().min(1),
  confidence: z.number().min(0).max(1).optional(),
});

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

/** The two fields naming one party of a row: the applicant, or a consortium's lead or site. */
export const Party = z.strictObject({
  name: FieldId,
  uscc: FieldId,
  /** How messages call this party: "申报单位", "牵头单位". */
  role: z.string(),
  roleEn: z.string(),
});
export type Party = z.infer<typeof Party>;

export const RowRule = z.discriminatedUnion("type", [
  /** USCC format, checksum, truncation, province, city; branch names and 个体工商户. */
  z.strictObject({
    type: z.literal("identity"), source: RuleSource.optional(),
    party: Party,
    /** "required": registered in the programme's province (error); "warn": a warning (the notice states no such clause); "none": not checked here. */
    province: z.enum(["required", "warn", "none"]),
    /** Warn when registered in another city of the province than the recommending unit. */
    otherCity: z.boolean(),
    legalPerson: z.boolean(),
    /** A branch or 个体工商户: an error where the notice asks for a legal person, a warning where it is only presumed. */
    legalPersonSeverity: z.enum(["error", "warning"]).optional(),
    /** A national (100000) registration is explained when this ownership column holds one of these words (中央驻鲁 …). */
    centralOwnership: z.strictObject({ field: FieldId, words: z.array(z.string().min(1)).min(1) }).optional(),
    clause: Clause,
    legalPersonClause: Clause,
  }),
  z.strictObject({ type: z.literal("min-age"), source: RuleSource.optional(), field: FieldId, years: z.number().int().positive(), clause: Clause }),
  z.strictObject({
    type: z.literal("built"), source: RuleSource.optional(),
    field: FieldId,
    /** Statuses that are completed / operating. */
    ok: z.array(z.string()),
    /** Statuses a person should look at (warning). Any other status is an error. */
    warn: z.array(z.string()).default([]),
    clause: Clause,
  }),
  z.strictObject({ type: z.literal("not-recognised"), source: RuleSource.optional(), field: FieldId, upgradeField: FieldId, clause: Clause }),
  z.strictObject({
    type: z.literal("investment-min"), source: RuleSource.optional(),
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
  z.strictObject({
    type: z.literal("certificate"), source: RuleSource.optional(),
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
  z.strictObject({
    type: z.literal("capability"), source: RuleSource.optional(),
    basic: z.strictObject({ field: FieldId, required: z.number().int().positive() }),
    /** Every direction the field allows (in force: the user's setting, else the definition's) must be covered. */
    manufacturing: z.strictObject({ field: FieldId }),
    /** At least this many of the directions the field allows. */
    benchmark: z.strictObject({ field: FieldId, atLeast: z.number().int().positive() }),
    clause: Clause,
  }),
  z.strictObject({
    type: z.literal("star-ladder"), source: RuleSource.optional(),
    applied: FieldId,
    held: FieldId,
    /** Allowed star values in ascending order, and the value meaning "none held". */
    levels: z.array(z.string()).min(2),
    none: z.string(),
    clause: Clause,
  }),
  z.strictObject({
    type: z.literal("cloud-window"), source: RuleSource.optional(),
    start: FieldId,
    end: FieldId,
    inUse: FieldId,
    from: IsoDate,
    to: IsoDate,
    minMonths: z.number().int().positive(),
    clause: Clause,
  }),
  z.strictObject({
    type: z.literal("restricted"), source: RuleSource.optional(),
    conditions: z.array(
      z.strictObject({
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
      .strictObject({
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
  z.strictObject({
    type: z.literal("excluded-by-list"), source: RuleSource.optional(),
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
  z.strictObject({ type: z.literal("prior-funding"), source: RuleSource.optional(), field: FieldId, clause: Clause }),
  z.strictObject({
    type: z.literal("letter"), source: RuleSource.optional(),
    ownership: FieldId,
    letter: FieldId,
    /** A yes/no column saying the unit is a subsidiary. */
    subsidiaryField: FieldId.optional(),
    /** Words an ownership token ends with when it marks a subsidiary (子公司 …). */
    subsidiary: z.array(z.string()).min(1),
    /** Ownership words of the groups the sentence follows (央企、省属国企): their subsidiaries without a letter are errors. */
    stateOwnership: z.array(z.string().min(1)).min(1),
    /** Other groups' subsidiaries without a letter, where the notice's reading is open: how severe, and why. */
    otherSubsidiaries: z.strictObject({ severity: z.enum(["warning", "error"]), reading: z.string().min(1), readingEn: z.string().min(1) }),
    clause: Clause,
  }),
  z.strictObject({
    type: z.literal("consortium"), source: RuleSource.optional(),
    lead: Party,
    site: Party,
    members: FieldId,
    maxMembers: z.number().int().positive(),
    /** Province the lead must be registered in. */
    leadProvince: ProvinceCodeSchema,
    clause: Clause,
  }),
  z.strictObject({
    type: z.literal("task-listed"), source: RuleSource.optional(),
    field: FieldId,
    /** Setting (kind "names") holding the 榜单's tasks. */
    listSetting: z.string().optional(),
    clause: Clause,
  }),
]);
export type RowRule = z.infer<typeof RowRule>;

export const SetRule = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("duplicates"), source: RuleSource.optional(),
    party: Party,
    /** Rows that differ in this field are left to another rule (one direction per applicant). */
    unlessDiffers: FieldId.optional(),
    clause: Clause,
  }),
  z.strictObject({ type: z.literal("one-direction"), source: RuleSource.optional(), party: Party, field: FieldId, clause: Clause }),
  z.strictObject({
    type: z.literal("cap"), source: RuleSource.optional(),
    code: z.enum(["provider-cap", "enterprise-cap"]),
    party: Party,
    /** A list of other members: a unit named there (by code where given, else by name) takes part in that project too. */
    members: FieldId.optional(),
    max: z.number().int().positive(),
    clause: Clause,
  }),
  z.strictObject({ type: z.literal("group-cap"), source: RuleSource.optional(), field: FieldId, max: z.number().int().positive(), clause: Clause }),
  z.strictObject({
    type: z.literal("ranks"), source: RuleSource.optional(),
    field: FieldId,
    clause: Clause,
  }),
]);
export type SetRule = z.infer<typeof SetRule>;

/** The rule kinds a definition may use, by where they go. */
export const ROW_RULE_KINDS: readonly string[] = RowRule.options.map((o) => o.shape.type.value);
export const SET_RULE_KINDS: readonly string[] = SetRule.options.map((o) => o.shape.type.value);

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

type Path = (string | number)[];
/** What a rule reads, relative to the rule: fields, and settings with the kind each must have. */
interface Refs {
  fields: [Path, string][];
  settings: [Path, string, SettingKind][];
}

function partyRefs(at: string): (party: Party) => [Path, string][] {
  return (party) => [
    [[at, "name"], party.name],
    [[at, "uscc"], party.uscc],
  ];
}

/** Every field and setting a row rule names. Exhaustive: a new rule type must say what it reads. */
export function rowRuleRefs(r: RowRule): Refs {
  const f = (key: string, id: string | undefined): [Path, string][] => (id === undefined ? [] : [[[key], id]]);
  switch (r.type) {
    case "identity":
      return { fields: [...partyRefs("party")(r.party), ...(r.centralOwnership ? ([[["centralOwnership", "field"], r.centralOwnership.field]] as [Path, string][]) : [])], settings: [] };
    case "min-age":
    case "built":
    case "prior-funding":
      return { fields: f("field", r.field), settings: [] };
    case "not-recognised":
      return { fields: [...f("field", r.field), ...f("upgradeField", r.upgradeField)], settings: [] };
    case "investment-min":
      return { fields: [...f("total", r.total), ...r.parts.map((id, i): [Path, string] => [["parts", i], id])], settings: [] };
    case "certificate":
      return { fields: [...f("status", r.status), ...f("validUntil", r.validUntil), ...f("evidenceField", r.evidenceField)], settings: [] };
    case "capability":
      return {
        fields: [
          [["basic", "field"], r.basic.field],
          [["manufacturing", "field"], r.manufacturing.field],
          [["benchmark", "field"], r.benchmark.field],
        ],
        settings: [],
      };
    case "star-ladder":
      return { fields: [...f("applied", r.applied), ...f("held", r.held)], settings: [] };
    case "cloud-window":
      return { fields: [...f("start", r.start), ...f("end", r.end), ...f("inUse", r.inUse)], settings: [] };
    case "restricted":
      return {
        fields: [
          ...r.conditions.map((c, i): [Path, string] => [["conditions", i, "field"], c.field]),
          ...f("textField", r.textField),
          ...(r.accidentGrades ? ([[["accidentGrades", "field"], r.accidentGrades.field]] as [Path, string][]) : []),
        ],
        settings: [],
      };
    case "excluded-by-list":
      return { fields: [...partyRefs("party")(r.party), ...f("field", r.field)], settings: r.listSetting ? [[["listSetting"], r.listSetting, "units"]] : [] };
    case "letter":
      return { fields: [...f("ownership", r.ownership), ...f("letter", r.letter), ...f("subsidiaryField", r.subsidiaryField)], settings: [] };
    case "consortium":
      return { fields: [...partyRefs("lead")(r.lead), ...partyRefs("site")(r.site), ...f("members", r.members)], settings: [] };
    case "task-listed":
      return { fields: f("field", r.field), settings: r.listSetting ? [[["listSetting"], r.listSetting, "names"]] : [] };
    default:
      return unreachable(r);
  }
}

export function setRuleRefs(r: SetRule): Refs {
  const party = partyRefs("party");
  switch (r.type) {
    case "duplicates":
      return { fields: [...party(r.party), ...(r.unlessDiffers ? ([[["unlessDiffers"], r.unlessDiffers]] as [Path, string][]) : [])], settings: [] };
    case "one-direction":
      return { fields: [...party(r.party), [["field"], r.field]], settings: [] };
    case "cap":
      return { fields: [...party(r.party), ...(r.members ? ([[["members"], r.members]] as [Path, string][]) : [])], settings: [] };
    case "group-cap":
    case "ranks":
      return { fields: [[["field"], r.field]], settings: [] };
    default:
      return unreachable(r);
  }
}

function unreachable(r: never): never {
  throw new Error(`rule type ${(r as { type: string }).type} says nothing of what it reads`);
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
  p.rowRules.forEach((r, i) => {
    if (r.type === "cloud-window" && r.to < r.from) add(["rowRules", i, "to"], `统计期终止日 ${r.to} 早于起始日 ${r.from}`, `the window ends (${r.to}) before it starts (${r.from})`);
  });
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

/** A field's definition as this programme has it (its own, else the shared vocabulary's). */
export function fieldDefIn(programme: { fieldDefs?: Readonly<Record<string, FieldDef>> }, id: string): FieldDef | undefined {
  return programme.fieldDefs?.[id] ?? FIELDS[id];
}
