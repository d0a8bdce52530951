/** 能力覆盖: every basic aspect met, every manufacturing direction, at least N benchmark directions. */
import { z } from "zod";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, fieldLabel, fieldLabelEn, hasColumn, shownOf, value, type CheckContext, type ListValue, type RowData } from "../context";
import { defineRowKind } from "../kind";
import { allowedValues } from "../read";
import { label, sentence, specOf, zhOf } from "../words";

const schema = z.strictObject({
  type: z.literal("capability"), source: RuleSource.optional(),
  basic: z.strictObject({ field: FieldId, required: z.number().int().positive() }),
  /** Every direction the field allows (in force: the user's setting, else the definition's) must be covered. */
  manufacturing: z.strictObject({ field: FieldId }),
  /** At least this many of the directions the field allows. */
  benchmark: z.strictObject({ field: FieldId, atLeast: z.number().int().positive() }),
  clause: Clause,
});
type R = z.output<typeof schema>;

function checkCapability(ctx: CheckContext, row: RowData, rule: R): void {
  const report = (field: string, zh: string, en: string, shown: string) =>
    addFinding(ctx, {
      code: "capability-incomplete",
      severity: "error",
      row,
      field,
      value: shown,
      message: zh,
      messageEn: en,
      hint: "对照通知所附建设指南核实能力覆盖情况",
      hintEn: "Check coverage against the notice's guide",
      clause: rule.clause,
    });
  const { basic, manufacturing, benchmark } = rule;
  const inForce = (field: string) => {
    const spec = ctx.programme.fields.find((f) => f.field === field);
    return spec ? allowedValues(spec, ctx.settings) : [];
  };
  const allManufacturing = inForce(manufacturing.field);
  const benchmarkOf = inForce(benchmark.field);
  if (hasColumn(ctx, basic.field) && !row.unreadable.has(basic.field)) {
    const n = value<number>(row, basic.field);
    if (n === undefined || n < basic.required) {
      report(
        basic.field,
        `“${fieldLabel(ctx, basic.field)}”满足${n ?? 0}个方面（${n === undefined ? "未填写" : shownOf(ctx, row, basic.field)}），须${basic.required}个方面全部满足`,
        `${fieldLabelEn(ctx, basic.field)}: ${n ?? 0} of ${basic.required} aspects met; all are required`,
        shownOf(ctx, row, basic.field),
      );
    }
  }
  if (hasColumn(ctx, manufacturing.field) && !row.unreadable.has(manufacturing.field)) {
    const v = value<ListValue>(row, manufacturing.field);
    const covered = v ? (v.items.length > 0 ? allManufacturing.filter((d) => v.items.includes(d)).length : v.count) : 0;
    if (covered < allManufacturing.length) {
      const missing = v && v.items.length > 0 ? allManufacturing.filter((d) => !v.items.includes(d)) : [];
      report(
        manufacturing.field,
        `“${fieldLabel(ctx, manufacturing.field)}”只涉及${covered}个方向${missing.length ? `，缺少${missing.join("、")}` : ""}：${allManufacturing.join("、")}${allManufacturing.length}个方向都要涉及`,
        `${fieldLabelEn(ctx, manufacturing.field)} covers ${covered} of ${allManufacturing.length} directions; all are required`,
        shownOf(ctx, row, manufacturing.field),
      );
    }
  }
  if (hasColumn(ctx, benchmark.field) && !row.unreadable.has(benchmark.field)) {
    const v = value<ListValue>(row, benchmark.field);
    const covered = v ? Math.max(v.items.length, v.count) : 0;
    if (covered < benchmark.atLeast) {
      report(
        benchmark.field,
        `“${fieldLabel(ctx, benchmark.field)}”只涉及${covered}个方向${v ? "" : "（未填写）"}：应至少涉及${benchmarkOf.join("、")}中的${benchmark.atLeast}个`,
        `${fieldLabelEn(ctx, benchmark.field)} covers ${covered} direction(s); at least ${benchmark.atLeast} is required`,
        shownOf(ctx, row, benchmark.field),
      );
    }
  }
}

export const capability = defineRowKind({
  place: "row",
  type: "capability",
  schema,
  name: ["能力覆盖", "Capabilities covered"],
  codes: { "capability-incomplete": ["能力覆盖不满足要求", "Capabilities incomplete"] },
  refs: (r) => ({
    fields: [
      [["basic", "field"], r.basic.field],
      [["manufacturing", "field"], r.manufacturing.field],
      [["benchmark", "field"], r.benchmark.field],
    ],
    settings: [],
  }),
  check: checkCapability,
  describe: (r, p) => {
    const m = specOf(p, r.manufacturing.field);
    const b = specOf(p, r.benchmark.field);
    return sentence(
      r,
      `${label(p, r.basic.field)}${r.basic.required}个方面全部满足；${label(p, r.manufacturing.field)}的方向都要涉及；${label(p, r.benchmark.field)}至少涉及${r.benchmark.atLeast}个方向`,
      [m?.allowedFromSetting, b?.allowedFromSetting].filter((s): s is string => s !== undefined),
    );
  },
  unchecked: (r, input) => [
    { zh: `“${zhOf(input.programme, r.basic.field)}”${r.basic.required}个方面全部满足`, anyOf: [r.basic.field] },
    { zh: `“${zhOf(input.programme, r.manufacturing.field)}”方向都要涉及`, anyOf: [r.manufacturing.field] },
    { zh: `“${zhOf(input.programme, r.benchmark.field)}”至少涉及${r.benchmark.atLeast}个方向`, anyOf: [r.benchmark.field] },
  ],
  summary: () => "能力覆盖",
  editable: [],
});
