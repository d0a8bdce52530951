/**
 * The report a check returns, as a zod schema so that the CLI's JSON, the task pane and the
 * tests all agree on one shape. Finding codes are stable ids:
 * new ones may be added, none may change meaning.
 */
import { z } from "zod";
import { RULE_CODE_TITLES, type RuleCode } from "./rules/kinds";

/**
 * Codes of findings the engine makes outside the rule kinds (reading, headers, the file, the quota,
 * priority). Each rule kind declares its own codes with their titles (rules/kinds): together they are
 * every code a report may hold.
 */
export const ENGINE_CODES = [
  "header-missing",
  "header-ambiguous",
  "required-missing",
  "cell-error",
  "date-unreadable",
  "amount-unreadable",
  "phone-unreadable",
  "value-not-allowed",
  "quota-exceeded",
  "priority",
  // Added with issue 12: the file itself — a header with no data rows, a CSV quote that never
  // closes, rows in two encodings, cells far outside the list (warning).
  "no-rows",
  "csv-malformed",
  "encoding-mixed",
  "cells-outside-list",
  // Province mode: a row whose city neither its 城市 column nor its source names.
  "city-unknown",
  // Added with column matching by evidence: a required field read from a column matched only weakly (warning).
  "header-uncertain",
  // Added with issue 20: how an ownership was read as exempt from the quota (info).
  "quota-exempt",
  // Added with the format registry (issue 19): a file named as one format that is another (info).
  "format-mislabelled",
  // Added with sheet shapes (issue 19): a second list below or beside the list (info / warning),
  // formulas stored without a result (error), hidden or filtered rows and columns (warning).
  "second-list",
  "formula-uncached",
  "hidden-rows",
  // Added with issue 20: an amount far beyond what its unit makes plausible, with both readings (warning).
  "amount-implausible",
  // Added with issue 21: a column left unused whose header or cells point at a field the programme
  // reads, with the checks that did not run for it (warning; info when only the cells' form is read).
  "column-unused",
] as const;

export type FindingCode = (typeof ENGINE_CODES)[number] | RuleCode;
export const FINDING_CODES: readonly FindingCode[] = [...ENGINE_CODES, ...(Object.keys(RULE_CODE_TITLES) as RuleCode[])];

export const FindingCode = z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]);

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** Where a row of a merged (or multi-file) list came from. */
export const RowSource = z.object({
  /** Excel row in the merged list. */
  row: z.number().int().positive(),
  file: z.string(),
  sheet: z.string(),
  /** Excel row in the source sheet. */
  sourceRow: z.number().int().positive(),
  /** The district (or, in province mode, the city) the list came from, when known. */
  district: z.string().optional(),
});
export type RowSource = z.infer<typeof RowSource>;

export const Finding = z.object({
  code: FindingCode,
  severity: Severity,
  /** Excel row number (1-based) of the cell or row concerned; absent for sheet-level findings (header-missing). */
  row: z.number().int().positive().optional(),
  /** Column letter ("C") when the finding concerns one cell. */
  column: z.string().regex(/^[A-Z]{1,3}$/).optional(),
  /** Canonical field id ("uscc"). */
  field: z.string().optional(),
  /** Excel rows involved, for set findings (duplicates, caps, quota, ranks), sorted ascending: all of them up to 50, else the first ones and the finding's own row; the message gives the count. */
  rows: z.array(z.number().int().positive()).optional(),
  /** The value as found in the cell, shown to the user (text form). */
  value: z.string().optional(),
  /** One plain Chinese sentence naming the value found and what is expected. */
  message: z.string().min(1),
  /** The same in English (fallback for an English Office UI). */
  messageEn: z.string().min(1),
  /** What to do about it, in Chinese; and in English. */
  hint: z.string().optional(),
  hintEn: z.string().optional(),
  /** The command line's way to the remedy ("--map D=uscc"): the CLI says it after the hint; the pane and the return list never show command-line words. */
  cli: z.string().optional(),
  /** The clause of the notice the rule comes from, e.g. "苏工信融合〔2023〕27号 三(一)1". */
  clause: z.string().optional(),
  /** Merged or multi-file lists: the source of each row the finding concerns (its own row first). */
  sources: z.array(RowSource).optional(),
  /** The enterprise (申报单位, else the project's lead or site) of the finding's row, as the list names it. */
  enterprise: z.string().optional(),
  /** Where the finding's row comes from: its 所在区县 cell, else its merged list's source; in province mode its city. */
  district: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

export const QuotaStanding = z.object({
  id: z.string(),
  /** Province mode: the city this standing is for (one standing per city). */
  city: z.string().optional(),
  /** Short Chinese label for a gauge: "平台", "推荐名额". */
  label: z.string(),
  labelEn: z.string(),
  /** Rows that count toward the quota. */
  counted: z.number().int().nonnegative(),
  /** Rows reported but exempt (中央驻鲁、省属 …). */
  exempt: z.number().int().nonnegative(),
  /** Their Excel rows, ascending: the export places and marks exactly these. */
  exemptRows: z.array(z.number().int().positive()).optional(),
  /** null when the notice leaves it open and the user has not set it. */
  quota: z.number().int().nonnegative().nullable(),
  /** counted − quota when positive, else 0. */
  excess: z.number().int().nonnegative(),
  /** Rows that would count but fail a hard condition: they take no place (not in `counted`). */
  failing: z.number().int().nonnegative().optional(),
  /** The rows that take the places, in the order they took them. */
  placed: z.array(z.number().int().positive()).optional(),
  /** How the places were given: the clerk's choice (keep), the list's ranks, or sheet order (nothing ranks the rows). */
  placedBy: z.enum(["keep", "rank", "order"]).optional(),
  /** Every row that can be recommended and counts, in the order places are given (placed first): what the clerk ranks. */
  candidates: z.array(z.number().int().positive()).optional(),
  /** Rows that would count but fail a hard condition, ascending: ranked after the candidates when the clerk ranks. */
  failingRows: z.array(z.number().int().positive()).optional(),
});
export type QuotaStanding = z.infer<typeof QuotaStanding>;

export const RankStanding = z.object({
  /** Province mode: the city these ranks are for. */
  city: z.string().optional(),
  /** Ranks 1..N expected among the counted rows (N = counted rows, capped by the quota when set). */
  expected: z.number().int().nonnegative(),
  missing: z.array(z.number().int().positive()),
  duplicated: z.array(z.number().int().positive()),
  /** Counted rows without a rank. */
  unranked: z.number().int().nonnegative(),
});
export type RankStanding = z.infer<typeof RankStanding>;

export const PriorityMatch = z.object({
  row: z.number().int().positive(),
  applicant: z.string(),
  uscc: z.string().optional(),
  /** 集群 or 产业链 name that matched. */
  name: z.string(),
  kind: z.enum(["cluster", "chain"]),
  /** How it matched: the enterprise found in the reference list by USCC or by name, or the declared cluster/chain cell. */
  via: z.enum(["reference-uscc", "reference-name", "declared"]),
  /** Plain Chinese reason. */
  reason: z.string(),
});
export type PriorityMatch = z.infer<typeof PriorityMatch>;

export const SkippedRow = z.object({
  row: z.number().int().positive(),
  /**
   * header: the header repeated inside the list (districts pasting their own); signature: 填表人/审核人/
   * 填报日期/盖章 lines; block: a second list below this one (二、备选名单); continuation: a row of an
   * applicant merged over several rows.
   */
  reason: z.enum(["empty", "total", "note", "header", "signature", "block", "continuation"]),
});

/** Why a column reads as its field: its header, its content backing a weak header, the user's choice, or nothing. */
export const ColumnWhy = z.enum(["header", "content", "user", "none"]);
export type ColumnWhy = z.infer<typeof ColumnWhy>;

/** One column of the header, mapped or not. */
export const ColumnMapping = z.object({
  /** Column letter ("D"). */
  column: z.string().regex(/^[A-Z]{1,3}$/),
  /** The header as shown, parent and child joined with "/" for two-row headers; "" for a column without a header. */
  header: z.string(),
  /** The field the check reads this column as; null when unused. */
  field: z.string().nullable(),
  /** 0..1: how sure the match is (1 for the user's choice; 0 when unused). */
  confidence: z.number().min(0).max(1),
  why: ColumnWhy,
  /** Why "content": a header too unsure alone, mapped because this share of the column's cells fit the field (valid codes, star levels, the programme's answers …). */
  contentFit: z.number().min(0).max(1).optional(),
  /** A field proposed for an unused or weakly matched column (content or a near header), for the clerk to confirm. */
  suggestion: z.string().optional(),
  /** What an unused column's suggestion rests on — its header, or cells only that field holds — when it is grounded enough to be preselected in 列对应 (and said as column-unused). */
  suggestionFrom: z.enum(["header", "content"]).optional(),
  /** The next best fields, best first (at most 3). */
  alternatives: z.array(z.object({ field: z.string(), confidence: z.number().min(0).max(1) })).max(3).optional(),
  /** Up to three values from the column's first rows, as shown. */
  samples: z.array(z.string()).max(3),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const Report = z.object({
  programme: z.string(),
  programmeTitle: z.string(),
  city: z.string(),
  /** ISO date (YYYY-MM-DD) used for age checks. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sheet: z.string(),
  /** Excel row numbers of the header (one or two rows); empty when no header was found. */
  headerRows: z.array(z.number().int().positive()),
  /** Every column of the header, left to right, mapped or not. */
  columns: z.array(ColumnMapping),
  /** mappingKey() of the header's wording ("" when no header was found): what a saved mapping is keyed by. */
  mappingKey: z.string(),
  /** A required field has no column, or some field rests on a weak match: the clerk should look at the mapping. */
  mappingUncertain: z.boolean(),
  counts: z.object({
    rowsRead: z.number().int().nonnegative(),
    rowsChecked: z.number().int().nonnegative(),
    rowsSkipped: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    infos: z.number().int().nonnegative(),
    priority: z.number().int().nonnegative(),
    byCode: z.record(z.string(), z.number().int().nonnegative()),
  }),
  skipped: z.array(SkippedRow),
  quotas: z.array(QuotaStanding),
  /** The list's ranks; in province mode null, and the ranks of each city in cityRanks. */
  ranks: RankStanding.nullable(),
  /** Province mode (--city 山东省): the province checked city by city. */
  province: z.string().optional(),
  cityRanks: z.array(RankStanding).optional(),
  /** Province mode: each city's rows (Excel rows of the list), in the province's order of cities. */
  cities: z.array(z.object({ city: z.string(), rows: z.array(z.number().int().positive()) })).optional(),
  priority: z.array(PriorityMatch),
  /** Settings the notice leaves open and their state ("名额未设置：…"), in Chinese. */
  notes: z.array(z.string()),
  findings: z.array(Finding),
});
export type Report = z.infer<typeof Report>;
