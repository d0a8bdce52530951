/**
 * Row rules: what one row must satisfy on its own. Each takes its parameters from the programme
 * definition and cites the clause it comes from. A rule whose input is missing or unreadable says
 * nothing: that cell was already reported when it was read.
 */
import { normaliseCompanyName } from "../names";
import { ownershipTokens, ownershipWord } from "../ownership";
import type { RowRule } from "../programme";
import { dayNumber, enumHint, formatPartialDate, parseIsoDate, readEnum, readYesNo, type PartialDate } from "../readers";
import { PROVINCE_NAMES } from "../regions";
import { cleanText, saysNothing } from "../text";
import { describeUscc } from "../uscc";
import {
  addFinding,
  fieldLabel,
  fieldLabelEn,
  hasColumn,
  shownOf,
  value,
  type CertificateStatus,
  type CheckContext,
  type ListValue,
  type RowData,
} from "./context";
import { partyCode, partyName, validPartyCode } from "./identity";
import { accidentGrade, type AccidentGrades } from "./accident";
import { allowedValues } from "./read";

type Rule<T extends RowRule["type"]> = Extract<RowRule, { type: T }>;

// ------------------------------------------------------------------ dates

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same calendar day `years` later (29 Feb → 28 Feb). */
function addYears(d: { year: number; month: number; day: number }, years: number): { year: number; month: number; day: number } {
  const year = d.year + years;
  return { year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) };
}

function addMonths(d: { year: number; month: number; day: number }, months: number): number {
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return dayNumber({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

function earliest(d: PartialDate): { year: number; month: number; day: number } {
  return { year: d.year, month: d.month, day: d.day ?? 1 };
}

function latest(d: PartialDate): { year: number; month: number; day: number } {
  return { year: d.year, month: d.month, day: d.day ?? daysInMonth(d.year, d.month) };
}

function iso(d: { year: number; month: number; day: number }): string {
  return formatPartialDate(d);
}

function shownDate(d: PartialDate): string {
  return d.day === undefined ? `${d.year}年${d.month}月` : formatPartialDate(d);
}

// ------------------------------------------------------------------ rules

/** Only certainly too young is flagged: a month-only date is taken at its first day, the most favourable. */
export function checkMinAge(ctx: CheckContext, row: RowData, rule: Rule<"min-age">): void {
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

export function checkBuilt(ctx: CheckContext, row: RowData, rule: Rule<"built">): void {
  const status = value<string>(row, rule.field);
  if (!status || rule.ok.includes(status)) return;
  const warn = rule.warn.includes(status);
  const shown = shownOf(ctx, row, rule.field) || status;
  addFinding(ctx, {
    code: "not-built",
    severity: warn ? "warning" : "error",
    row,
    field: rule.field,
    value: shown,
    message: warn
      ? `“${fieldLabel(rule.field)}”为“${shown}”：应为已建成（运营）的项目，请核实是否已建成`
      : `“${fieldLabel(rule.field)}”为“${shown}”（${status}）：未建成的项目不得申报，应为已建成（运营）`,
    messageEn: warn
      ? `${fieldLabelEn(rule.field)} is “${shown}”: the project must be completed and operating; please confirm`
      : `${fieldLabelEn(rule.field)} is “${shown}” (${status}): projects not yet built may not apply`,
    clause: rule.clause,
  });
}

export function checkNotRecognised(ctx: CheckContext, row: RowData, rule: Rule<"not-recognised">): void {
  if (value<boolean>(row, rule.field) !== true) return;
  if (value<boolean>(row, rule.upgradeField) === true) return;
  const upgradeKnown = hasColumn(ctx, rule.upgradeField);
  addFinding(ctx, {
    code: "already-recognised",
    severity: "error",
    row,
    field: rule.field,
    value: shownOf(ctx, row, rule.field),
    message: `“${fieldLabel(rule.field)}”为“是”，${upgradeKnown ? `“${fieldLabel(rule.upgradeField)}”未填“是”` : `表中没有“${fieldLabel(rule.upgradeField)}”列`}：已认定的原则上不再重复申报，只可升级申报`,
    messageEn: "Already recognised as a provincial key platform and not marked as an upgrade application: recognised platforms may only apply for an upgrade",
    hint: "确属能力显著提升的，标明“升级申报”；否则删除该行",
    hintEn: "Mark the row as an upgrade application if the platform improved markedly; otherwise remove it",
    clause: rule.clause,
  });
}

function fmtWan(n: number): string {
  return `${Number(n.toFixed(4))}万元`;
}

/**
 * The declared total is judged ("…等投入总计": the named parts are examples, not the whole). The parts
 * decide only where no total is given, and the row says so; a total below the sum of its parts is a
 * warning. With parts named, the rule itself asks for a total or every part.
 */
export function checkInvestment(ctx: CheckContext, row: RowData, rule: Rule<"investment-min">): void {
  const total = value<number>(row, rule.total);
  const mappedParts = rule.parts.filter((p) => hasColumn(ctx, p));
  const given = mappedParts.filter((p) => value<number>(row, p) !== undefined);
  const sumOf = (parts: string[]) => parts.reduce((a, p) => a + (value<number>(row, p) ?? 0), 0);
  const partNames = (parts: string[]) => parts.map(fieldLabel).join("、");
  if (total !== undefined) {
    const sum = sumOf(given);
    if (given.length > 0 && total < sum - 0.005) {
      addFinding(ctx, {
        code: "investment-total-mismatch",
        severity: "warning",
        row,
        field: rule.total,
        value: shownOf(ctx, row, rule.total),
        message: `投入合计填${fmtWan(total)}，小于${partNames(given)}之和${fmtWan(sum)}：合计应不少于各分项之和，按合计${fmtWan(total)}核对`,
        messageEn: `The total says ${total} 万元, less than its parts (${Number(sum.toFixed(4))} 万元); the total is what is judged`,
        hint: "核对合计与各分项金额",
        hintEn: "Check the total against its parts",
        clause: rule.clause,
      });
    }
    if (total < rule.min - 1e-9) belowMinimum(ctx, row, rule, rule.total, total, "");
    return;
  }
  if (row.unreadable.has(rule.total) || mappedParts.length === 0 || given.length < mappedParts.length) return;
  const sum = sumOf(given);
  if (hasColumn(ctx, rule.total)) {
    addFinding(ctx, {
      code: "required-missing",
      severity: "info",
      row,
      field: rule.total,
      value: fmtWan(sum),
      message: `未填“${fieldLabel(rule.total)}”：按${partNames(given)}之和${fmtWan(sum)}核对（通知要求的是各项投入总计，所列分项只是其中几项）`,
      messageEn: `No total given: judged by the sum of the parts (${Number(sum.toFixed(4))} 万元); the notice asks for the total of all investment`,
      hint: `请补填“${fieldLabel(rule.total)}”`,
      hintEn: `Fill in ${fieldLabelEn(rule.total)}`,
      clause: rule.clause,
    });
  }
  if (sum < rule.min - 1e-9) belowMinimum(ctx, row, rule, given[0]!, sum, `（${partNames(given)}之和）`);
}

function belowMinimum(ctx: CheckContext, row: RowData, rule: Rule<"investment-min">, field: string, amount: number, basis: string): void {
  addFinding(ctx, {
    code: "investment-below-minimum",
    severity: "error",
    row,
    field,
    value: fmtWan(amount),
    message: `投入${fmtWan(amount)}${basis}，低于要求的${fmtWan(rule.min)}`,
    messageEn: `Investment ${Number(amount.toFixed(4))} 万元 is below the required ${rule.min} 万元`,
    hint: "核对金额与单位（表头单位为万元时，单元格不应再按元填写）",
    hintEn: "Check the amount and its unit",
    clause: rule.clause,
  });
}

/** How a rule was checked for want of a column, said once for the list (what went unchecked is unchecked.ts's). */
export function ruleColumnNotes(ctx: CheckContext, rule: RowRule): void {
  if (rule.type === "investment-min") investmentColumns(ctx, rule);
}

/** A list with no total column is judged by its parts: say so. */
export function investmentColumns(ctx: CheckContext, rule: Rule<"investment-min">): void {
  if (rule.parts.length === 0 || hasColumn(ctx, rule.total) || !rule.parts.every((p) => hasColumn(ctx, p))) return;
  ctx.notes.push(`表中没有“${fieldLabel(rule.total)}”列：按${rule.parts.map(fieldLabel).join("、")}之和核对投入是否达到${fmtWan(rule.min)}；通知要求的是各项投入总计，所列分项只是其中几项，和不足时请核对其他投入。`);
}

export function checkCertificate(ctx: CheckContext, row: RowData, rule: Rule<"certificate">): void {
  const status = value<CertificateStatus>(row, rule.status);
  if (!status) return;
  const after = parseIsoDate(rule.after);
  if (status === "no") {
    addFinding(ctx, {
      code: "certificate-invalid",
      severity: "error",
      row,
      field: rule.status,
      value: shownOf(ctx, row, rule.status),
      message: `未通过${rule.name}（填“${shownOf(ctx, row, rule.status)}”）：须通过${rule.name}并提供证书`,
      messageEn: `Not certified (${rule.nameEn}): the certificate is required`,
      clause: rule.clause,
    });
    return;
  }
  if (status === "pending") {
    const evidence = rule.evidenceField !== undefined && /佐证/u.test(value<string>(row, rule.evidenceField) ?? "");
    addFinding(ctx, {
      code: "certificate-invalid",
      severity: "warning",
      row,
      field: rule.status,
      value: shownOf(ctx, row, rule.status),
      message: `已通过${rule.name}但证书尚未下发：${evidence ? `“${fieldLabel(rule.evidenceField!)}”称已附佐证材料，` : ""}须提供相关佐证材料，请人工核对`,
      messageEn: `Certified but the certificate is not yet issued: supporting evidence is required${evidence ? " (the remarks say it is attached)" : ""}; check it by hand`,
      hint: "核对佐证材料（如贯标评定结果公示、证书发放通知）",
      hintEn: "Check the supporting evidence",
      clause: rule.clause,
    });
    return;
  }
  const until = value<PartialDate>(row, rule.validUntil);
  if (!until) {
    if (row.unreadable.has(rule.validUntil)) return;
    const noColumn = !hasColumn(ctx, rule.validUntil);
    addFinding(ctx, {
      code: "certificate-invalid",
      severity: "warning",
      row,
      field: noColumn ? rule.status : rule.validUntil,
      message: `已通过${rule.name}，但${noColumn ? `表中没有“${fieldLabel(rule.validUntil)}”列` : `“${fieldLabel(rule.validUntil)}”未填写`}，无法核对证书有效期是否在${rule.after}之后`,
      messageEn: `Certified, but the certificate's validity is not given; it must run past ${rule.after}`,
      hint: "补填证书有效期",
      hintEn: "Fill in the certificate's validity",
      clause: rule.clause,
    });
    return;
  }
  // Month-only validity is taken at the month's last day: flag only what certainly ends too early.
  if (dayNumber(latest(until)) > dayNumber(after)) return;
  addFinding(ctx, {
    code: "certificate-invalid",
    severity: "error",
    row,
    field: rule.validUntil,
    value: shownDate(until),
    message: `${rule.name}证书有效期至${shownDate(until)}，须在${rule.after}之后`,
    messageEn: `The certificate (${rule.nameEn}) is valid until ${shownDate(until)}; it must run past ${rule.after}`,
    hint: "提供换发后的有效证书",
    hintEn: "Provide a renewed certificate",
    clause: rule.clause,
  });
}

export function checkCapability(ctx: CheckContext, row: RowData, rule: Rule<"capability">): void {
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
        `“${fieldLabel(basic.field)}”满足${n ?? 0}个方面（${n === undefined ? "未填写" : shownOf(ctx, row, basic.field)}），须${basic.required}个方面全部满足`,
        `${fieldLabelEn(basic.field)}: ${n ?? 0} of ${basic.required} aspects met; all are required`,
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
        `“${fieldLabel(manufacturing.field)}”只涉及${covered}个方向${missing.length ? `，缺少${missing.join("、")}` : ""}：${allManufacturing.join("、")}${allManufacturing.length}个方向都要涉及`,
        `${fieldLabelEn(manufacturing.field)} covers ${covered} of ${allManufacturing.length} directions; all are required`,
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
        `“${fieldLabel(benchmark.field)}”只涉及${covered}个方向${v ? "" : "（未填写）"}：应至少涉及${benchmarkOf.join("、")}中的${benchmark.atLeast}个`,
        `${fieldLabelEn(benchmark.field)} covers ${covered} direction(s); at least ${benchmark.atLeast} is required`,
        shownOf(ctx, row, benchmark.field),
      );
    }
  }
}

export function checkStarLadder(ctx: CheckContext, row: RowData, rule: Rule<"star-ladder">): void {
  const applied = value<string>(row, rule.applied);
  if (!applied) return;
  if (!hasColumn(ctx, rule.held)) {
    // Unknown is not failed: the rows that need a held star are told it was not checked.
    const a = rule.levels.indexOf(applied);
    if (a > 0) {
      addFinding(ctx, {
        code: "star-ladder",
        severity: "info",
        row,
        field: rule.applied,
        value: applied,
        message: `申报${applied}须已评定为${rule.levels[a - 1]}：表中没有“${fieldLabel(rule.held)}”列，未核对，请人工确认`,
        messageEn: `Applying for ${applied} requires an existing ${rule.levels[a - 1]} rating; the sheet has no column for it, so it was not checked`,
        hint: `加一列“${fieldLabel(rule.held)}”后重新检查`,
        hintEn: `Add a column headed ${fieldLabel(rule.held)} and check again`,
        clause: rule.clause,
      });
    }
    return;
  }
  if (row.unreadable.has(rule.held)) return;
  const a = rule.levels.indexOf(applied);
  const heldValue = value<string>(row, rule.held);
  if (heldValue === undefined) {
    // A blank cell states nothing: not "尚未获评" (Corrections, third reading, 三(四)1) — a person confirms.
    if (a > 0) {
      addFinding(ctx, {
        code: "star-ladder",
        severity: "warning",
        row,
        field: rule.held,
        value: applied,
        message: `申报${applied}须已评定为${rule.levels[a - 1]}：“${fieldLabel(rule.held)}”未填写，请确认该企业已获评的星级`,
        messageEn: `Applying for ${applied} requires an existing ${rule.levels[a - 1]} rating; the held rating is blank — confirm it`,
        hint: `填写已获评星级（未获评的填“${rule.none}”）`,
        hintEn: `Fill in the rating held (${rule.none} if none)`,
        clause: rule.clause,
      });
    }
    return;
  }
  const h = heldValue && heldValue !== rule.none ? rule.levels.indexOf(heldValue) : -1;
  if (a < 0) return;
  const heldShown = h >= 0 ? rule.levels[h]! : "未获评星级";
  const base = { code: "star-ladder" as const, severity: "error" as const, row, field: rule.applied, value: applied, clause: rule.clause };
  if (h >= a) {
    addFinding(ctx, {
      ...base,
      message: `申报${applied}，但已获评${heldShown}：已获评星级的不须重复申报同一及以下星级`,
      messageEn: `Applies for ${applied} but already holds ${heldShown}: the same or a lower level may not be applied for again`,
      hint: h + 1 < rule.levels.length ? `可申报${rule.levels[h + 1]}` : "已是最高星级，无须申报",
      hintEn: "Apply for the next level, if any",
    });
    return;
  }
  if (a > 0 && h !== a - 1) {
    addFinding(ctx, {
      ...base,
      message: `申报${applied}须已评定为${rule.levels[a - 1]}，该企业${h >= 0 ? `已获评${heldShown}` : "尚未获评星级"}${hasColumn(ctx, rule.held) ? "" : `（表中没有“${fieldLabel(rule.held)}”列）`}`,
      messageEn: `Applying for ${applied} requires an existing ${rule.levels[a - 1]} rating; the enterprise holds ${h >= 0 ? heldShown : "none"}`,
      hint: `应逐级申报：先申报${rule.levels[h + 1] ?? rule.levels[0]}`,
      hintEn: "Apply one level at a time",
    });
  }
}

export function checkCloudWindow(ctx: CheckContext, row: RowData, rule: Rule<"cloud-window">): void {
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
      message: `“${fieldLabel(rule.inUse)}”为“${shownOf(ctx, row, rule.inUse)}”：云服务申报时须仍在使用`,
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

function latestFromDay(days: number): { year: number; month: number; day: number } {
  const t = new Date(days * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}


function gradeWarning(ctx: CheckContext, row: RowData, field: string, shown: string, grade: "lesser" | "ungraded", g: AccidentGrades): void {
  addFinding(ctx, {
    code: "restricted",
    severity: "warning",
    row,
    field,
    value: shown,
    message: `“${fieldLabel(field)}”填“${shown}”：${grade === "lesser" ? "所述事故为一般事故" : "所述事故未写明等级"}，通知只限${g.barred[0]}以上事故，请人工核实事故等级`,
    messageEn: `${fieldLabelEn(field)}: “${shown}” states an accident ${grade === "lesser" ? "of a lesser grade" : "without its grade"}; the notice bars only ${g.barred[0]} or graver accidents — check its grade`,
    hint: `核实事故等级：${g.barred[0]}以上的不得申报；一般事故的可在备注中说明`,
    hintEn: "Check the accident's grade",
    clause: g.clause,
  });
}

export function checkRestricted(ctx: CheckContext, row: RowData, rule: Rule<"restricted">): void {
  const g = rule.accidentGrades;
  for (const c of rule.conditions) {
    const v = value<boolean>(row, c.field);
    if (v === undefined || v !== c.barsWhen) continue;
    const shown = shownOf(ctx, row, c.field);
    // "是（一般事故）" to a question about 较大以上 accidents: the remark says less than the question asks.
    const grade = g && g.field === c.field ? accidentGrade(shown, g) : null;
    // An accident told in words without its grade (not a 是/否 answer): a person must judge it.
    const inWords = grade === "ungraded" && readYesNo({ kind: "text", value: shown }).status !== "ok";
    if (g && (grade === "lesser" || inWords)) {
      gradeWarning(ctx, row, c.field, shown, grade, g);
      continue;
    }
    addFinding(ctx, {
      code: "restricted",
      severity: "error",
      row,
      field: c.field,
      value: shown,
      message: `“${fieldLabel(c.field)}”填“${shown}”：${c.zh}的，不得申报`,
      messageEn: `${fieldLabelEn(c.field)}: ${c.en}; such applicants may not apply`,
      clause: c.clause,
    });
  }
  if (rule.textField) {
    const t = value<string>(row, rule.textField);
    if (t && !saysNothing(t)) {
      const grade = g ? accidentGrade(t, g) : null;
      if (g && (grade === "lesser" || grade === "ungraded")) {
        gradeWarning(ctx, row, rule.textField, t, grade, g);
        return;
      }
      addFinding(ctx, {
        code: "restricted",
        severity: "error",
        row,
        field: rule.textField,
        value: t,
        message: `“${fieldLabel(rule.textField)}”填有“${t}”：有限制性情形之一的，不得申报`,
        messageEn: `Restrictive condition stated (“${t}”): such applicants may not apply`,
        hint: "无限制性情形的请填“无”",
        hintEn: "Write 无 when none applies",
        ...(rule.textClause ? { clause: rule.textClause } : {}),
      });
    }
  }
}

/** The notice's own strength: 工赋百景 says 原则上不能再次申报, the 155 list 不得重复申报. */
function again(rule: Rule<"excluded-by-list">): string {
  return rule.clause.includes("原则上") ? "原则上不能再次申报" : "不得再次申报";
}

export function checkExcludedByList(ctx: CheckContext, row: RowData, rule: Rule<"excluded-by-list">): void {
  if (rule.field && value<boolean>(row, rule.field) === true) {
    addFinding(ctx, {
      code: "excluded-by-list",
      severity: "error",
      row,
      field: rule.field,
      value: shownOf(ctx, row, rule.field),
      message: `表中注明${rule.party.role}属于${rule.list}，${again(rule)}`,
      messageEn: `The sheet says the ${rule.party.roleEn} is on ${rule.listEn}; it may not apply again`,
      clause: rule.clause,
    });
    return;
  }
  const lists = ctx.references.excluded ?? [];
  if (lists.length === 0) return;
  const code = partyCode(row, rule.party);
  const name = partyName(row, rule.party);
  const key = name ? normaliseCompanyName(name) : "";
  const byCode = code ? lists.find((e) => e.uscc && e.uscc === code) : undefined;
  const byName = byCode ? undefined : key ? lists.find((e) => normaliseCompanyName(e.name) === key) : undefined;
  const hit = byCode ?? byName;
  if (!hit) return;
  addFinding(ctx, {
    code: "excluded-by-list",
    severity: "error",
    row,
    field: byCode ? rule.party.uscc : rule.party.name,
    value: byCode ? code! : name!,
    message: `${rule.party.role}“${name ?? ""}”在参考名单“${hit.list}”中（按${byCode ? "统一社会信用代码" : "名称"}匹配），${again(rule)}`,
    messageEn: `The ${rule.party.roleEn} is on the reference list “${hit.list}” (matched by ${byCode ? "credit code" : "name"})`,
    hint: byCode ? undefined : "按名称匹配：请核对是否为同一单位",
    hintEn: byCode ? undefined : "Matched by name: check it is the same unit",
    clause: rule.clause,
  });
}

export function checkPriorFunding(ctx: CheckContext, row: RowData, rule: Rule<"prior-funding">): void {
  if (value<boolean>(row, rule.field) !== true) return;
  addFinding(ctx, {
    code: "prior-funding",
    severity: "error",
    row,
    field: rule.field,
    value: shownOf(ctx, row, rule.field),
    message: "项目前期已获得过省级财政资金支持：只有未获省级财政资金支持的项目可以申报",
    messageEn: "The project already had provincial fiscal support; only projects without it may apply",
    clause: rule.clause,
  });
}

/**
 * "子公司申报的需有省级公司推荐函": a subsidiary of the groups the rule names without the letter is an
 * error; any other subsidiary as the rule's `otherSubsidiaries` says (the programme's reading).
 */
export function checkLetter(ctx: CheckContext, row: RowData, rule: Rule<"letter">): void {
  const ownership = value<string>(row, rule.ownership) ?? "";
  const byColumn = rule.subsidiaryField !== undefined && value<boolean>(row, rule.subsidiaryField) === true;
  const byWords = ownershipTokens(ownership).some((t) => !t.startsWith("非") && rule.subsidiary.some((w) => t.endsWith(w)));
  if (!byColumn && !byWords) return;
  // An answer that cannot be read is no letter: the row cannot go up on it.
  if (value<boolean>(row, rule.letter) === true) return;
  const state = ownershipWord(ownership, rule.stateOwnership);
  const said = byWords ? `企业性质为“${ownership}”` : `“${fieldLabel(rule.subsidiaryField!)}”为“是”${ownership ? `（企业性质“${ownership}”）` : ""}`;
  const lacking = hasColumn(ctx, rule.letter) ? `“${fieldLabel(rule.letter)}”不是“是”` : `表中没有“${fieldLabel(rule.letter)}”列`;
  addFinding(ctx, {
    code: "letter-missing",
    severity: state ? "error" : rule.otherSubsidiaries.severity,
    row,
    field: hasColumn(ctx, rule.letter) ? rule.letter : byWords ? rule.ownership : rule.subsidiaryField!,
    value: hasColumn(ctx, rule.letter) ? shownOf(ctx, row, rule.letter) : ownership,
    message: state
      ? `${said}，属${state}的子公司申报，但${lacking}：子公司申报须有省级公司推荐函`
      : `${said}，属子公司申报，但${lacking}：${rule.otherSubsidiaries.reading}`,
    messageEn: state
      ? `A subsidiary of a central or provincial state group applies without its provincial company's letter`
      : `A subsidiary applies without a provincial company's letter; ${rule.otherSubsidiaries.readingEn}`,
    hint: "补充省级公司推荐函",
    hintEn: "Obtain the provincial company's recommendation letter",
    clause: rule.clause,
  });
}

/** The other members a consortium cell names, one per item (无 and the like name none). */
export function splitMembers(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/u)
    .map((s) => cleanText(s))
    .filter((s) => s !== "" && !saysNothing(s));
}

export function checkConsortium(ctx: CheckContext, row: RowData, rule: Rule<"consortium">): void {
  const leadName = partyName(row, rule.lead);
  const siteName = partyName(row, rule.site);
  const leadCode = partyCode(row, rule.lead);
  const siteCode = partyCode(row, rule.site);
  const others = splitMembers(value<string>(row, rule.members) ?? "");
  const add = (field: string, message: string, messageEn: string, shown?: string) =>
    addFinding(ctx, { code: "consortium-invalid", severity: "error", row, field, message, messageEn, clause: rule.clause, ...(shown ? { value: shown } : {}) });

  const sameCode = leadCode !== null && leadCode === siteCode;
  const sameName = !!leadName && !!siteName && normaliseCompanyName(leadName) === normaliseCompanyName(siteName);
  if (sameCode || sameName) {
    add(
      rule.site.name,
      `牵头单位与场景落地单位为同一单位（${siteName ?? siteCode}）：联合体成员不能为同一单位或关联单位`,
      "The lead and the site enterprise are the same unit: consortium members must be distinct and unrelated",
      siteName ?? siteCode ?? "",
    );
  }
  const members = 1 + (sameCode || sameName || (!siteName && !siteCode) ? 0 : 1) + others.length;
  if (members > rule.maxMembers) {
    add(
      rule.members,
      `联合体共${members}家（牵头单位、场景落地单位和其他成员${others.length}家），原则上不超过${rule.maxMembers}家`,
      `The consortium has ${members} members; at most ${rule.maxMembers}`,
      value<string>(row, rule.members),
    );
  }
  const named = [leadName, siteName].filter((n): n is string => !!n).map((n) => normaliseCompanyName(n));
  const repeated = others.filter((o) => named.includes(normaliseCompanyName(o)));
  if (repeated.length > 0) {
    add(
      rule.members,
      `其他联合体成员“${repeated.join("、")}”与牵头单位或场景落地单位相同：联合体成员不能为同一单位`,
      "Another member repeats the lead or the site enterprise",
      value<string>(row, rule.members),
    );
  }
  const leadValid = validPartyCode(row, rule.lead);
  if (leadValid) {
    const d = describeUscc(leadValid);
    if (d.provinceCode !== rule.leadProvince) {
      add(
        rule.lead.uscc,
        `${rule.lead.role}“${leadName ?? ""}”的代码${leadValid}显示登记地${d.regionCode === "100000" ? "为国家登记机关" : `区划码${d.regionCode}`}，不在${PROVINCE_NAMES[rule.leadProvince]}：应由1家省内服务商牵头`,
        `The lead is not registered in ${rule.leadProvince === "37" ? "Shandong" : "Jiangsu"} (region ${d.regionCode}): an in-province service provider must lead`,
        leadValid,
      );
    }
  }
}

export function checkTaskListed(ctx: CheckContext, row: RowData, rule: Rule<"task-listed">): void {
  const tasks = ctx.references.tasks ?? [];
  if (tasks.length === 0) return;
  const task = value<string>(row, rule.field);
  if (!task) return;
  const r = readEnum({ kind: "text", value: task }, tasks);
  if (r.status === "ok") return;
  // A task written by its number alone ("2-01") still names a task of the list.
  const num = /^\s*(\d+-\d+)/u.exec(task)?.[1];
  if (num && tasks.some((t) => t.trim().startsWith(num) && task.replace(/\s/g, "").length <= num.length + 1)) return;
  const suggestion = r.status === "bad" ? r.suggestion : undefined;
  addFinding(ctx, {
    code: "value-not-allowed",
    severity: "error",
    row,
    field: rule.field,
    value: task,
    message: `揭榜任务“${task}”不在参考名单的任务榜单中${suggestion ? `；是否应为“${suggestion}”？` : ""}`,
    messageEn: `The task “${task}” is not on the task list supplied${suggestion ? `; did you mean “${suggestion}”?` : ""}`,
    ...(r.status === "bad" && (suggestion || r.choices) ? enumHint(r) : { hint: "对照参考名单中的任务榜单核对任务编号和名称", hintEn: "Check the task against the task list supplied" }),
    clause: rule.clause,
  });
}

export function runRowRule(ctx: CheckContext, row: RowData, rule: RowRule, identity: (row: RowData, rule: Rule<"identity">) => void): void {
  switch (rule.type) {
    case "identity":
      return identity(row, rule);
    case "min-age":
      return checkMinAge(ctx, row, rule);
    case "built":
      return checkBuilt(ctx, row, rule);
    case "not-recognised":
      return checkNotRecognised(ctx, row, rule);
    case "investment-min":
      return checkInvestment(ctx, row, rule);
    case "certificate":
      return checkCertificate(ctx, row, rule);
    case "capability":
      return checkCapability(ctx, row, rule);
    case "star-ladder":
      return checkStarLadder(ctx, row, rule);
    case "cloud-window":
      return checkCloudWindow(ctx, row, rule);
    case "restricted":
      return checkRestricted(ctx, row, rule);
    case "excluded-by-list":
      return checkExcludedByList(ctx, row, rule);
    case "prior-funding":
      return checkPriorFunding(ctx, row, rule);
    case "letter":
      return checkLetter(ctx, row, rule);
    case "consortium":
      return checkConsortium(ctx, row, rule);
    case "task-listed":
      return checkTaskListed(ctx, row, rule);
    default: {
      // A new row-rule kind must be run here: without a case this does not compile.
      const unhandled: never = rule;
      return unhandled;
    }
  }
}
