/**
 * Reads every mapped cell of a row by its field's kind. What cannot be read becomes one finding
 * here (cell-error, required-missing, date-/amount-/phone-unreadable, value-not-allowed), so the
 * rules downstream see only values they can trust and never report the same cell twice.
 */
import { isErrorCell, type Cell } from "../cells";
import { FIELDS, type FieldKind } from "../fields";
import type { FieldSpec, Programme } from "../programme";
import { fieldDefIn } from "../fields";
import { accidentGrade } from "./accident";
import { enumHint, enumKey, implausibleAmount, readAmountReading, readDate, readEnum, readPhone, readText, readUsccCell, readWholeNumber, readYesNo, shownValue, type Read, type TextExpectation } from "../readers";
import { cleanText, saysNothing } from "../text";
import { usccProblem } from "../uscc";
import type { FindingCode, Severity } from "../report";
import { addFinding, fieldLabel, fieldLabelEn, type CheckContext, type ListValue, type RowData, type UsccValue, type CertificateStatus } from "./context";

/** The user's list for this field, when the field takes one from a setting and the user set it. */
function userList(spec: FieldSpec, settings: Record<string, unknown>): string[] | null {
  if (!spec.allowedFromSetting) return null;
  const set = settings[spec.allowedFromSetting];
  if (Array.isArray(set) && set.length > 0 && set.every((v) => typeof v === "string" && v.trim() !== "")) return set as string[];
  return null;
}

/** The allowed values in force: a setting the user gave replaces the definition's list. */
export function allowedValues(spec: FieldSpec, settings: Record<string, unknown>): string[] {
  return userList(spec, settings) ?? spec.allowed ?? [];
}

/** The definition's aliases that lead to a value in force: with a user list, "综合" → 综合型 only if 综合型 is listed. */
function aliasesInForce(spec: FieldSpec, allowed: readonly string[]): Record<string, string> | undefined {
  if (!spec.aliases) return undefined;
  return Object.fromEntries(Object.entries(spec.aliases).filter(([, canonical]) => allowed.includes(canonical)));
}

/**
 * A value naming an allowed value and adding a qualifier ("特色型（面向重点行业）" for 特色型): read as
 * written, cleaned, with the allowed value's own spelling at the start. Null when it names none.
 */
function readQualified(cell: Cell, allowed: readonly string[]): string | null {
  const text = readText(cell);
  if (text.status !== "ok") return null;
  const key = enumKey(text.value);
  const hit = allowed.find((a) => key.startsWith(enumKey(a)));
  if (!hit) return null;
  // The qualifier keeps its own words; only the leading allowed value is respelled.
  const chars = [...text.value];
  const target = enumKey(hit);
  let end = 1;
  while (end < chars.length && enumKey(chars.slice(0, end).join("")) !== target) end++;
  return `${hit}${chars.slice(end).join("")}`;
}

/** Text cleanText leaves as it is: no leading/trailing or doubled space, no NBSP/U+3000/zero-width, no full-width ASCII. */
export const PLAIN = /^(?! )(?!.* $)(?!.*  )[^\t\n\r\f\v\u00A0\u2007\u202F\u3000\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\u1680\u2000-\u200A\u2028\u2029\u205F\u0085]+$/u;

/** A value read that still deserves a look (an amount far beyond what its unit makes plausible): a warning beside the value. */
export interface ReadWarning {
  code: FindingCode;
  problem: string;
  problemEn: string;
  hint: string;
  hintEn: string;
}

export type Outcome = { status: "ok"; value: unknown; warn?: ReadWarning } | { status: "empty" } | { status: "bad"; code: FindingCode; problem: string; problemEn: string; hint?: string; hintEn?: string };

function fromRead<T>(r: Read<T>, code: FindingCode, map?: (v: T) => unknown): Outcome {
  if (r.status === "ok") return { status: "ok", value: map ? map(r.value) : r.value };
  if (r.status === "empty") return { status: "empty" };
  return { status: "bad", code, problem: r.problem, problemEn: r.problemEn };
}

/** The amountCeiling setting (亿元) in 万元; null when the programme has none or the user set none. */
function amountCeilingWan(settings: Record<string, unknown>): number | null {
  const v = settings.amountCeiling;
  return typeof v === "number" && Number.isFinite(v) ? v * 1e4 : null;
}

/** A company name is only ever text: a number, date or TRUE/FALSE there is a paste slip. */
const NAME_EXPECTED: TextExpectation = { accept: [], zh: "单位全称", en: "the full name of the organisation" };
/** A date or TRUE/FALSE in a text column is Excel's conversion of what was typed ("1-2", "true"), never the clerk's text. */
const TEXT_EXPECTED: TextExpectation = { accept: ["number"], zh: "文字内容", en: "the text itself" };

const ALL_WORDS = /^(全部|均涉及|全部涉及|全部满足|均满足|全覆盖)$/u;

/** Several allowed items in one cell, or a count of them. */
function readList(cell: Cell, allowed: readonly string[]): Outcome {
  if (cell.kind === "number" && typeof cell.value === "number" && Number.isInteger(cell.value) && cell.value >= 0 && cell.value <= 999) {
    return { status: "ok", value: { items: [], count: cell.value } satisfies ListValue };
  }
  const text = readText(cell);
  if (text.status === "empty") return { status: "empty" };
  if (text.status === "bad") return { status: "bad", code: "value-not-allowed", problem: text.problem, problemEn: text.problemEn };
  const t = text.value.replace(/\s/g, "");
  if (ALL_WORDS.test(t)) return { status: "ok", value: { items: [...allowed], count: allowed.length } satisfies ListValue };
  if (saysNothing(t)) return { status: "ok", value: { items: [], count: 0 } satisfies ListValue };
  const items: string[] = [];
  for (const part of text.value.split(/[、,，;；/\s]+/u).filter((p) => p !== "")) {
    const r = readEnum({ kind: "text", value: part }, allowed);
    if (r.status !== "ok") {
      return {
        status: "bad",
        code: "value-not-allowed",
        problem: `“${part}”不是可选的方向，应为：${allowed.join("、")}${r.status === "bad" && r.choices ? `；含“${part}”的有：${r.choices.join("、")}，请选定其中一项` : r.status === "bad" && r.suggestion ? `；是否应为“${r.suggestion}”？` : ""}`,
        problemEn: `“${part}” is not one of: ${allowed.join(", ")}`,
        ...(r.status === "bad" ? enumHint(r) : {}),
      };
    }
    if (!items.includes(r.value)) items.push(r.value);
  }
  return { status: "ok", value: { items, count: items.length } satisfies ListValue };
}

const PENDING = /待发|待下发|未下发|尚未下发|未颁发|待颁发|证书在办|审核通过.*未/u;

function readCertificate(cell: Cell, question: string): Outcome {
  const text = readText(cell);
  if (text.status === "ok" && PENDING.test(text.value)) return { status: "ok", value: "pending" satisfies CertificateStatus };
  const yn = readYesNo(cell, { question });
  if (yn.status === "ok") return { status: "ok", value: (yn.value ? "yes" : "no") satisfies CertificateStatus };
  if (yn.status === "empty") return { status: "empty" };
  // The negatives first: "未通过" contains "通过".
  if (text.status === "ok" && /未通过|不通过|没有通过|没通过|未贯标|未开展/u.test(text.value)) return { status: "ok", value: "no" satisfies CertificateStatus };
  if (text.status === "ok" && /已通过|已贯标|通过/u.test(text.value)) return { status: "ok", value: "yes" satisfies CertificateStatus };
  return {
    status: "bad",
    code: "value-not-allowed",
    problem: `“${yn.shown}”无法判断是否通过贯标，应填 是、否 或“已通过贯标、证书待发”`,
    problemEn: `“${yn.shown}” does not say whether the certification passed; enter 是, 否 or “已通过贯标、证书待发”`,
  };
}

function readUscc(cell: Cell): Outcome {
  const r = readUsccCell(cell);
  if (r.status === "empty") return { status: "empty" };
  if (r.status === "ok") return { status: "ok", value: { status: "code", code: r.value, shown: r.shown, problem: usccProblem(r.value) } satisfies UsccValue };
  if (isErrorCell(cell)) return { status: "bad", code: "cell-error", problem: r.problem, problemEn: r.problemEn };
  // Truncated or otherwise unreadable codes are the identity rule's to report, with the remedy.
  if (r.truncated || cell.kind === "number") return { status: "ok", value: { status: "truncated", shown: r.shown } satisfies UsccValue };
  return { status: "ok", value: { status: "unreadable", shown: r.shown, problem: r.problem, problemEn: r.problemEn } satisfies UsccValue };
}

function readByKind(kind: FieldKind, cell: Cell, spec: FieldSpec, unit: string | null, settings: Record<string, unknown>, question?: string): Outcome {
  switch (kind) {
    case "text":
    case "name":
      // Most cells are plain already: nothing cleanText would change (no odd spaces, full-width or zero-width).
      if (cell.kind === "text" && typeof cell.value === "string" && PLAIN.test(cell.value)) return { status: "ok", value: cell.value };
      return fromRead(readText(cell, kind === "name" ? NAME_EXPECTED : TEXT_EXPECTED), "value-not-allowed");
    case "uscc":
      return readUscc(cell);
    case "date":
      return fromRead(readDate(cell), "date-unreadable");
    case "dateOrOngoing": {
      const r = readDate(cell, { allowOngoing: true });
      // null = 至今: kept as the string "ongoing" so that "absent" still means empty.
      return fromRead(r, "date-unreadable", (v) => v ?? "ongoing");
    }
    case "amount": {
      const r = readAmountReading(cell, unit);
      if (r.status !== "ok") return fromRead(r, "amount-unreadable");
      const ceiling = amountCeilingWan(settings);
      const odd = ceiling === null ? null : implausibleAmount(r.value, r.shown, ceiling);
      return { status: "ok", value: r.value.wan, ...(odd ? { warn: { code: "amount-implausible" as const, ...odd } } : {}) };
    }
    case "yesno":
      // A programme may read other answers as yes or no (升级申报 → 是).
      return fromRead(readYesNo(cell, { ...(spec.aliases ? { aliases: spec.aliases } : {}), question: question ?? spec.define?.zh ?? FIELDS[spec.field]?.zh ?? "" }), "value-not-allowed");
    case "phone":
      return fromRead(readPhone(cell), "phone-unreadable");
    case "enum": {
      const own = userList(spec, settings);
      const allowed = own ?? spec.allowed ?? [];
      const r = readEnum(cell, allowed, aliasesInForce(spec, allowed));
      if (r.status === "bad" && spec.qualifiable && own === null) {
        const qualified = readQualified(cell, allowed);
        if (qualified !== null) return { status: "ok", value: qualified };
        return {
          status: "bad",
          code: "value-not-allowed",
          problem: `“${r.shown}”不属于${allowed.join("、")}中的任何一类：应写明所属的类（可附具体方向，如“${allowed[allowed.length - 1]}（…）”）`,
          problemEn: `“${r.shown}” names none of the classes ${allowed.join(", ")}; write the class (a direction may follow it)`,
          ...enumHint(r),
        };
      }
      if (r.status === "bad" && cell.kind !== "error") {
        return {
          status: "bad",
          code: "value-not-allowed",
          problem: r.problem,
          problemEn: r.problemEn,
          ...enumHint(r),
        };
      }
      return fromRead(r, "value-not-allowed");
    }
    case "integer":
      return fromRead(readWholeNumber(cell), "value-not-allowed");
    case "list":
      return readList(cell, allowedValues(spec, settings));
    case "certificate":
      return readCertificate(cell, question ?? spec.define?.zh ?? FIELDS[spec.field]?.zh ?? "");
  }
}

/**
 * A cell of `field` as the check understands it (canonical enum value, 是/否 as a boolean, a date,
 * an amount in 万元 …): the export writes these, so the form and the check cannot disagree.
 * undefined when the programme has no such field.
 */
export function understoodValue(programme: Programme, field: string, cell: Cell, unit: string | null, settings: Record<string, unknown> = {}, header = ""): Outcome | undefined {
  const spec = programme.fields.find((f) => f.field === field);
  const def = fieldDefIn(programme, field);
  if (!spec || !def) return undefined;
  if (isErrorCell(cell)) return { status: "bad", code: "cell-error", problem: shownValue(cell), problemEn: shownValue(cell) };
  // The question as the check asked it, so the form reads "不符合" as the check did.
  return readByKind(def.kind, cell, spec, unit, settings, `${header} ${def.zh}`);
}

/** Kinds whose reading depends only on the cell's kind and value (and the field): worth remembering. */
const CACHED_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(["enum", "yesno", "list", "certificate", "integer", "text", "date", "dateOrOngoing", "amount"]);

type ValueCache = Map<string, Map<string, Map<string, Map<unknown, Outcome>>>>;
const caches = new WeakMap<CheckContext, ValueCache>();

/** Enumerations and yes/no columns repeat a handful of values over thousands of rows: read each once. */
function readCached(ctx: CheckContext, kind: FieldKind, cell: Cell, spec: FieldSpec, unit: string | null, question: string): Outcome {
  if (!CACHED_KINDS.has(kind) || cell.formula !== undefined) return readByKind(kind, cell, spec, unit, ctx.settings, question);
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new Map();
    caches.set(ctx, cache);
  }
  let byKind = cache.get(spec.field);
  if (!byKind) cache.set(spec.field, (byKind = new Map()));
  let byFormat = byKind.get(cell.kind);
  if (!byFormat) byKind.set(cell.kind, (byFormat = new Map()));
  const format = cell.numberFormat ?? "";
  let byValue = byFormat.get(format);
  if (!byValue) byFormat.set(format, (byValue = new Map()));
  const hit = byValue.get(cell.value);
  if (hit) return hit;
  const outcome = readByKind(kind, cell, spec, unit, ctx.settings, question);
  // Unique values (project names) would only fill memory: remember up to a bound per field.
  if (byValue.size < 5_000) byValue.set(cell.value, outcome);
  return outcome;
}

const disqualifyingCache = new WeakMap<Programme, ReadonlySet<string>>();

/**
 * Fields whose answer can bar a row (restrictions, the 155 list, earlier funding, already recognised …): an
 * answer there that cannot be read leaves the row unjudged, so it cannot be recommended until answered.
 */
export function disqualifyingFields(programme: Programme): ReadonlySet<string> {
  const known = disqualifyingCache.get(programme);
  if (known) return known;
  const out = new Set<string>();
  for (const r of programme.rowRules) {
    if (r.type === "restricted") for (const c of r.conditions) out.add(c.field);
    if (r.type === "not-recognised") out.add(r.field);
    if (r.type === "excluded-by-list" && r.field) out.add(r.field);
    if (r.type === "prior-funding") out.add(r.field);
    if (r.type === "certificate") out.add(r.status);
  }
  disqualifyingCache.set(programme, out);
  return out;
}

/** The text tells of an accident, in the field a restriction's accident grades are about. */
function statesAccident(programme: Programme, field: string, shown: string): boolean {
  for (const r of programme.rowRules) if (r.type === "restricted" && r.accidentGrades?.field === field && accidentGrade(shown, r.accidentGrades) !== null) return true;
  return false;
}

/** Severity of a cell that cannot be read: an error where the programme needs the field or its answer can bar the row, else a warning. */
function severityFor(spec: FieldSpec, code: FindingCode, programme: Programme): Severity {
  if (code === "phone-unreadable") return "warning";
  return spec.required || disqualifyingFields(programme).has(spec.field) ? "error" : "warning";
}

const EMPTY_CELL: Cell = { kind: "empty", value: null };
/** Shared by the many rows where every cell read: a row gets its own set on its first unreadable cell. */
const NOTHING_UNREADABLE: ReadonlySet<string> = new Set<string>();

export function readRow(ctx: CheckContext, programme: Programme, index: number): RowData {
  const cells = ctx.grid.rows[index] ?? [];
  const row: RowData = { index, excelRow: ctx.grid.firstRow + index, cells, values: new Map(), unreadable: NOTHING_UNREADABLE };
  const markUnreadable = (field: string) => {
    const own = row.unreadable === NOTHING_UNREADABLE ? new Set<string>() : (row.unreadable as Set<string>);
    own.add(field);
    row.unreadable = own;
  };
  let standIns: FieldSpec[] | undefined;
  for (const spec of programme.fields) {
    const col = ctx.header.columns.get(spec.field);
    if (!col) continue;
    const def = fieldDefIn(programme, spec.field);
    if (!def) continue;
    const cell = cells[col.index] ?? EMPTY_CELL;
    // A formula the file stores without its result: unknown, not blank (check() names these cells once).
    if (cell.kind === "empty" && cell.formula) {
      markUnreadable(spec.field);
      continue;
    }
    if (isErrorCell(cell)) {
      markUnreadable(spec.field);
      const shown = shownValue(cell);
      addFinding(ctx, {
        code: "cell-error",
        severity: spec.required ? "error" : "warning",
        row,
        field: spec.field,
        value: shown,
        message: `“${def.zh}”单元格为错误值“${shown}”${cell.formula ? `（公式 ${cell.formula}）` : ""}，应填写实际内容`,
        messageEn: `The ${def.en} cell holds the error value “${shown}”${cell.formula ? ` (formula ${cell.formula})` : ""}; enter the actual content`,
        hint: cell.formula ? "检查公式引用的单元格或工作表，或改为直接填写数值" : "改为实际内容",
        hintEn: cell.formula ? "Check what the formula refers to, or type the value itself" : "Enter the actual content",
      });
      continue;
    }
    const outcome = readCached(ctx, def.kind, cell, spec, col.unit, `${col.header} ${def.zh}`);
    if (outcome.status === "ok") {
      row.values.set(spec.field, outcome.value);
      if (outcome.warn) {
        addFinding(ctx, {
          code: outcome.warn.code,
          severity: "warning",
          row,
          field: spec.field,
          value: shownValue(cell),
          message: `“${def.zh}”：${outcome.warn.problem}`,
          messageEn: `${def.en}: ${outcome.warn.problemEn}`,
          hint: outcome.warn.hint,
          hintEn: outcome.warn.hintEn,
        });
      }
    } else if (outcome.status === "empty") {
      if (spec.onlyWhereCounted) {
        // the ranks rule names a counted row without one; an exempt row needs none
      } else if (spec.required && spec.unlessAll?.length) {
        (standIns ??= []).push(spec);
      } else if (spec.required) {
        addFinding(ctx, {
          code: "required-missing",
          severity: "error",
          row,
          field: spec.field,
          message: `必填项“${fieldLabel(ctx, spec.field)}”为空`,
          messageEn: `Required field “${fieldLabelEn(ctx, spec.field)}” is empty`,
          hint: `请补填“${fieldLabel(ctx, spec.field)}”`,
          hintEn: `Fill in ${fieldLabelEn(ctx, spec.field)}`,
        });
      }
    } else if (def.kind === "yesno" && statesAccident(programme, spec.field, shownValue(cell))) {
      // "2023年发生一般事故一起" under 是否发生较大以上事故: an answer in words, judged by its grade (the rule).
      row.values.set(spec.field, true);
    } else {
      markUnreadable(spec.field);
      addFinding(ctx, {
        code: outcome.code,
        severity: severityFor(spec, outcome.code, programme),
        row,
        field: spec.field,
        value: shownValue(cell),
        message: `“${def.zh}”：${outcome.problem}`,
        messageEn: `${def.en}: ${outcome.problemEn}`,
        ...(outcome.hint ? { hint: outcome.hint } : {}),
        ...(outcome.hintEn ? { hintEn: outcome.hintEn } : {}),
      });
    }
  }
  // An empty cell others stand in for: missing only when they are not all given.
  for (const spec of standIns ?? []) {
    if (spec.unlessAll!.every((f) => row.values.has(f))) continue;
    if (spec.unlessAll!.some((f) => row.unreadable.has(f))) continue;
    addFinding(ctx, {
      code: "required-missing",
      severity: "error",
      row,
      field: spec.field,
      message: `必填项“${fieldLabel(ctx, spec.field)}”为空，${spec.unlessAll!.map((f) => fieldLabel(ctx, f)).join("、")}也未填全`,
      messageEn: `Required field “${fieldLabelEn(ctx, spec.field)}” is empty and ${spec.unlessAll!.map((f) => fieldLabelEn(ctx, f)).join(", ")} are not all given`,
      hint: `请补填“${fieldLabel(ctx, spec.field)}”`,
      hintEn: `Fill in ${fieldLabelEn(ctx, spec.field)}`,
    });
  }
  return row;
}
