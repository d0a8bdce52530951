/**
 * The small schemas a programme and its rule kinds share (dates, field ids, clauses, parties). They
 * live apart from programme.ts so that each rule kind's module can build its schema from them while
 * programme.ts builds the rule unions from the kinds.
 */
import { z } from "zod";
import { isRealIsoDate } from "./readers";
import { isProvinceCode } from "./regions";

/** A problem of the definition, in both languages, at a path (bundle.ts shows them to whoever edits the file). */
export function problem(zh: string, en: string) {
  return { message: en, params: { zh, en } };
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, problem("日期应写成 YYYY-MM-DD，如 2023-03-31", "a date is written YYYY-MM-DD, e.g. 2023-03-31"))
  .superRefine((s, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s) && !isRealIsoDate(s)) ctx.addIssue({ code: "custom", ...problem(`日期 ${s} 不存在（该月没有这一天）`, `the date ${s} does not exist`) });
  });

/**
 * A field id: one of the shared vocabulary (fields.ts) or one the programme defines itself
 * (FieldSpec.define). That the programme lists every field a rule names is checked when it is loaded.
 */
export const FieldId = z.string().regex(/^[a-z][A-Za-z0-9]*$/, problem("字段编号应为英文字母和数字，以小写字母开头（如 uscc、investTotal）", "a field id is letters and digits starting lower case (uscc, investTotal)"));

/** Where a rule comes from: "苏工信融合〔2023〕27号 三(一)1". */
export const Clause = z.string().min(3);

/** The clause a rule was read from, as section and sentence (drafts add how sure the reading is). */
export const RuleSource = z.strictObject({
  section: z.string().min(1),
  text: z.string().min(1),
  confidence: z.number().min(0).max(1).optional(),
});

/** Two digits of GB/T 2260 naming a province of the region table ("32" 江苏省, "44" 广东省). */
export const ProvinceCodeSchema = z.string().refine((c) => /^\d{2}$/.test(c) && isProvinceCode(c), problem("省份应为 GB/T 2260 的两位代码，如 32（江苏省）、44（广东省）", "a province is its two-digit GB/T 2260 code, e.g. 32 (Jiangsu), 44 (Guangdong)"));

/** The two fields naming one party of a row: the applicant, or a consortium's lead or site. */
export const Party = z.strictObject({
  name: FieldId,
  uscc: FieldId,
  /** How messages call this party: "申报单位", "牵头单位". */
  role: z.string(),
  roleEn: z.string(),
});
export type Party = z.infer<typeof Party>;
