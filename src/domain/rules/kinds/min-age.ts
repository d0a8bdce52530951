/** 注册时间不少于N年: registered long enough before the as-of date. */
import { z } from "zod";
import { dayNumber, type PartialDate } from "../../readers";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, value, type CheckContext, type RowData } from "../context";
import { addYears, earliest, iso, shownDate } from "../dates";
import { defineRowKind } from "../kind";
import { fieldRef, label, sentence } from "../words";

const schema = z.strictObject({ type: z.literal("min-age"), source: RuleSource.optional(), field: FieldId, years: z.number().int().positive(), clause: Clause });
type R = z.output<typeof schema>;

/** Only certainly too young is flagged: a month-only date is taken at its first day, the most favourable. */
function checkMinAge(ctx: CheckContext, row: RowData, rule: R): void {
  const registered = value<PartialDate>(row, rule.field);
  if (!registered) return;
  const reachesAge = dayNumber(addYears(earliest(registered), rule.years));
  if (reachesAge <= dayNumber(ctx.asOf)) return;
  const latestAllowed = addYears({ year: ctx.asOf.year, month: ctx.asOf.month, day: ctx.asOf.day ?? 1 }, -rule.years);
  addFinding(ctx, {
    code: "registered-too-recently",
    severity: "error",
    row,
    field: rule.field,
    value: shownDate(registered),
    message: `注册时间${shownDate(registered)}，到基准日${ctx.asOfIso}不满${rule.years}年（应在${iso(latestAllowed)}或之前注册）`,
    messageEn: `Registered ${shownDate(registered)}: less than ${rule.years} year(s) by ${ctx.asOfIso} (must be registered on or before ${iso(latestAllowed)})`,
    hint: registered.day === undefined ? "只填了年月时按当月1日计算；如注册日期更早，请填写完整日期" : "核对营业执照上的成立日期",
    hintEn: "Check the date of establishment on the business licence",
    clause: rule.clause,
  });
}

export const minAge = defineRowKind({
  place: "row",
  type: "min-age",
  schema,
  name: ["注册年限", "Years registered"],
  codes: { "registered-too-recently": ["注册时间不满要求年限", "Registered too recently"] },
  refs: (r) => ({ fields: fieldRef("field", r.field), settings: [] }),
  check: checkMinAge,
  describe: (r, p) => sentence(r, `${label(p, r.field)}到基准日不少于${r.years}年`, ["asOf"]),
  unchecked: (r) => [{ zh: `单位注册时间不少于${r.years}年`, anyOf: [r.field] }],
  summary: (r) => `注册时间不少于${r.years}年`,
  editable: [{ path: ["years"], kind: "positive", zh: "注册时间不少于（年）", en: "Registered at least (years)" }],
});
