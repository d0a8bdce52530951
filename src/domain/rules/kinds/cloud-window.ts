/** 上云时间: cloud use within a window, long enough, and still in use. */
import { z } from "zod";
import { dayNumber, parseIsoDate, type PartialDate } from "../../readers";
import { Clause, FieldId, IsoDate, RuleSource } from "../../schema-atoms";
import { addFinding, fieldLabel, shownOf, value, type CheckContext, type RowData } from "../context";
import { addMonths, earliest, iso, latest, latestFromDay, shownDate } from "../dates";
import { defineRowKind } from "../kind";
import { fieldRef, labels, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("cloud-window"), source: RuleSource.optional(),
  start: FieldId,
  end: FieldId,
  inUse: FieldId,
  from: IsoDate,
  to: IsoDate,
  minMonths: z.number().int().positive(),
  clause: Clause,
});
type R = z.output<typeof schema>;

function checkCloudWindow(ctx: CheckContext, row: RowData, rule: R): void {
  const start = value<PartialDate>(row, rule.start);
  if (!start) return;
  const from = dayNumber(parseIsoDate(rule.from));
  const to = dayNumber(parseIsoDate(rule.to));
  const endValue = value<PartialDate | "ongoing">(row, rule.end);
  const inUse = value<boolean>(row, rule.inUse);
  const base = { code: "cloud-window" as const, severity: "error" as const, row, clause: rule.clause };
  const startFirst = earliest(start);
  if (dayNumber(startFirst) > to) {
    addFinding(ctx, {
      ...base,
      field: rule.start,
      value: shownDate(start),
      message: `上云开始时间${shownDate(start)}晚于统计截止日${rule.to}：上云时间按${rule.from}至${rule.to}计算`,
      messageEn: `Cloud use starts ${shownDate(start)}, after the window closes on ${rule.to}`,
    });
    return;
  }
  let stopped = false;
  if (inUse === false) {
    stopped = true;
    addFinding(ctx, {
      ...base,
      field: rule.inUse,
      value: shownOf(ctx, row, rule.inUse),
      message: `“${fieldLabel(ctx, rule.inUse)}”为“${shownOf(ctx, row, rule.inUse)}”：云服务申报时须仍在使用`,
      messageEn: "The cloud service is no longer in use: it must still be in use when applying",
      hint: "已停用的云服务不能计入",
      hintEn: "Services no longer in use do not count",
    });
  }
  let endDay = to;
  if (endValue && endValue !== "ongoing") {
    const endLast = dayNumber(latest(endValue));
    endDay = Math.min(endLast, to);
    if (endLast < to && !stopped) {
      stopped = true;
      addFinding(ctx, {
        ...base,
        field: rule.end,
        value: shownDate(endValue),
        message: `上云截止时间${shownDate(endValue)}早于${rule.to}：云服务申报时须仍在使用（仍在使用的填“至今”）`,
        messageEn: `Cloud use ended ${shownDate(endValue)}, before ${rule.to}: the service must still be in use`,
        hint: "仍在使用的，截止时间填“至今”",
        hintEn: "Write 至今 when still in use",
      });
    }
  }
  // Duration within the window, taken as favourably as the cell allows (month-only start → 1st of the month).
  const effectiveStart = Math.max(dayNumber(startFirst), from);
  const startDate = dayNumber(startFirst) >= from ? startFirst : earliest(parseIsoDate(rule.from));
  if (addMonths(startDate, rule.minMonths) > endDay + 1 && effectiveStart <= endDay) {
    addFinding(ctx, {
      ...base,
      field: rule.start,
      value: shownDate(start),
      message: `统计期内连续使用自${iso(startDate)}至${iso(latestFromDay(endDay))}，不足${rule.minMonths}个月：各项云服务连续使用时间不得少于${rule.minMonths}个月`,
      messageEn: `Continuous use within the window runs from ${iso(startDate)} to ${iso(latestFromDay(endDay))}, less than ${rule.minMonths} months`,
    });
  }
}

export const cloudWindow = defineRowKind({
  place: "row",
  type: "cloud-window",
  schema,
  name: ["上云时间", "Cloud usage window"],
  codes: { "cloud-window": ["上云时间不符合要求", "Cloud usage outside the window"] },
  refs: (r) => ({ fields: [...fieldRef("start", r.start), ...fieldRef("end", r.end), ...fieldRef("inUse", r.inUse)], settings: [] }),
  check: checkCloudWindow,
  validate: (r, add) => {
    if (r.to < r.from) add(["to"], `统计期终止日 ${r.to} 早于起始日 ${r.from}`, `the window ends (${r.to}) before it starts (${r.from})`);
  },
  describe: (r, p) => sentence(r, `上云时间在${r.from}至${r.to}之间，各项云服务连续使用不少于${r.minMonths}个月，且申报时仍在使用（${labels(p, [r.start, r.end, r.inUse])}）`),
  unchecked: (r) => [{ zh: "云服务申报时仍在使用", anyOf: [r.end, r.inUse] }],
  summary: (r) => `上云时间${r.from}至${r.to}，连续使用不少于${r.minMonths}个月`,
  editable: [
    { path: ["from"], kind: "date", zh: "上云起始日期不早于", en: "Usage from" },
    { path: ["to"], kind: "date", zh: "上云截至日期", en: "Usage to" },
    { path: ["minMonths"], kind: "positive", zh: "至少使用（月）", en: "At least (months)" },
  ],
});
