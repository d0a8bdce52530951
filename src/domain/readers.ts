/**
 * One cell reader per field kind. Readers never throw: a cell they cannot read is a `bad` result
 * with Chinese and English text saying what was found and what was expected; the rules turn it
 * into a finding.
 */
import { isErrorText, type Cell } from "./cells";
import { cleanText, foldBrackets, saysNothing } from "./text";
import { compactUscc } from "./uscc";

export type Read<T> =
  | { status: "ok"; value: T; /** what the cell showed, as text */ shown: string }
  | { status: "empty"; shown: "" }
  | { status: "bad"; shown: string; /** zh: what is wrong and what is expected */ problem: string; problemEn: string };

/** Month precision stays month precision: { year: 2020, month: 3 } for "2020年3月". */
export interface PartialDate {
  year: number;
  month: number;
  /** absent when the cell gave only year and month */
  day?: number;
}

// ---------------------------------------------------------------- helpers

const EMPTY: { status: "empty"; shown: "" } = Object.freeze({ status: "empty", shown: "" }) as { status: "empty"; shown: "" };

type Bad = Extract<Read<never>, { status: "bad" }>;

function ok<T>(value: T, shown: string): { status: "ok"; value: T; shown: string } {
  return { status: "ok", value, shown };
}

function bad(shown: string, problem: string, problemEn: string): Bad {
  return { status: "bad", shown, problem, problemEn };
}

/** Error cells read the same way in every reader. */
function errorCell(shown: string): Bad {
  return bad(shown, `单元格为错误值“${shown}”，应填写实际内容（检查公式或引用）`, `The cell holds the error value “${shown}”; enter the actual content (check the formula or reference)`);
}

/** What a cell is, however it came: tolerate values that do not match the declared kind. */
type Seen =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; number: number }
  | { kind: "boolean"; bool: boolean }
  | { kind: "date"; serial: number }
  | { kind: "error"; text: string };

function see(cell: Cell | null | undefined): Seen {
  if (cell === null || cell === undefined || typeof cell !== "object") return { kind: "empty" };
  const v: unknown = cell.value;
  switch (cell.kind) {
    case "empty":
      return { kind: "empty" };
    case "error":
      return { kind: "error", text: typeof v === "string" && v !== "" ? v : "#错误" };
    case "boolean":
      if (typeof v === "boolean") return { kind: "boolean", bool: v };
      break;
    case "number":
      if (typeof v === "number") return { kind: "number", number: v };
      break;
    case "date":
      if (typeof v === "number") return { kind: "date", serial: v };
      break;
    case "text":
      if (typeof v === "string") return v === "" ? { kind: "empty" } : isErrorText(v) ? { kind: "error", text: v.trim() } : { kind: "text", text: v };
      break;
    default:
      break;
  }
  // Kind and value disagree (an adapter's slip): go by the value.
  if (v === null || v === undefined || v === "") return { kind: "empty" };
  if (typeof v === "number") return cell.kind === "date" ? { kind: "date", serial: v } : { kind: "number", number: v };
  if (typeof v === "boolean") return { kind: "boolean", bool: v };
  if (typeof v === "string") return { kind: "text", text: v };
  return { kind: "text", text: String(v) };
}

type FilledSeen = Exclude<Seen, { kind: "empty" } | { kind: "error" }>;

/** Every reader starts alike: an empty cell is empty, an error cell bad; what is left is the reader's to read. */
function lookAt(cell: Cell): { done: Read<never> } | { seen: FilledSeen; shown: string } {
  const seen = see(cell);
  const shown = shownValue(cell);
  if (seen.kind === "empty") return { done: EMPTY };
  if (seen.kind === "error") return { done: errorCell(shown) };
  return { seen, shown };
}

/** A number as General format shows it: at most 15 significant digits, no exponent for ordinary sizes. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "#NUM!" : n > 0 ? "∞" : "-∞";
  // The common case, exactly what the steps below give it.
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const rounded = Number(n.toPrecision(15));
  if (Number.isInteger(rounded) && Math.abs(rounded) >= 1e15 && Math.abs(rounded) < 1e21) {
    // Past 15 digits Excel shows zeros (913206913239795000), not the binary double's digits (…794944).
    const [mantissa = "", exponent = "0"] = rounded.toExponential(14).split("e");
    const sign = mantissa.startsWith("-") ? "-" : "";
    const digits = mantissa.replace(/[-.]/g, "").replace(/0+$/, "");
    return sign + digits.padEnd(Number(exponent) + 1, "0");
  }
  if (Number.isInteger(rounded) && Math.abs(rounded) < 1e21) return rounded.toFixed(0);
  return String(rounded);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// ---------------------------------------------------------------- dates

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "2020-03-05" or "2020-03". */
export function formatPartialDate(d: PartialDate): string {
  const head = `${String(d.year).padStart(4, "0")}-${pad2(d.month)}`;
  return d.day === undefined ? head : `${head}-${pad2(d.day)}`;
}

/** ISO "YYYY-MM-DD" (or "YYYY-MM") → PartialDate. Throws RangeError on anything else: it reads definitions, not cells. */
/** A full YYYY-MM-DD naming a day that exists (2023-02-30 does not). */
export function isRealIsoDate(s: string | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  try {
    parseIsoDate(s);
    return true;
  } catch {
    // parseIsoDate throws RangeError for a day that does not exist: that is the answer here.
    return false;
  }
}

export function parseIsoDate(s: string): PartialDate {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s.trim());
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): “${s}”`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (m[3] === undefined) {
    if (month < 1 || month > 12) throw new RangeError(`no such month: “${s}”`);
    return { year, month };
  }
  const day = Number(m[3]);
  if (!isRealDay(year, month, day)) throw new RangeError(`no such day: “${s}”`);
  return { year, month, day };
}

/** Compare: month-precision dates compare by their first day (earliest) unless `end` is true (last day). Returns days since 1970-01-01 UTC. */
export function dayNumber(d: PartialDate, end = false): number {
  const day = d.day ?? (end ? daysInMonth(d.year, d.month) : 1);
  return Math.round(Date.UTC(d.year, d.month - 1, day) / 86_400_000);
}

/** Days from 1970-01-01 back to a PartialDate with a day. */
export function dateOfDayNumber(days: number): PartialDate {
  const t = new Date(days * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Largest serial Excel accepts (9999-12-31). */
const MAX_EXCEL_SERIAL = 2_958_465;

/** Excel 1900-system serial → calendar day (time of day dropped); null outside Excel's range. */
export function excelSerialToDate(serial: number): PartialDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return null;
  const whole = Math.floor(serial);
  // Excel counts a 1900-02-29 that never was; from serial 61 on, day 0 is 1899-12-30.
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const epochOffset = whole < 60 ? 25_568 : 25_569;
  return dateOfDayNumber(whole - epochOffset);
}

/** Serials of number cells that are plausibly dates: 1954-10-03 … 2064-04-08. */
const PLAUSIBLE_SERIAL_MIN = 20_000;
const PLAUSIBLE_SERIAL_MAX = 60_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const DATE_EXPECTED_ZH = "应为如 2020-03-05 或 2020年3月 的日期";
const DATE_EXPECTED_EN = "expected a date such as 2020-03-05 or 2020年3月";

function notADate(shown: string): Bad {
  return bad(shown, `“${shown}”不是有效日期，${DATE_EXPECTED_ZH}`, `“${shown}” is not a valid date; ${DATE_EXPECTED_EN}`);
}

function ymd(year: number, month: number, day: number | undefined, shown: string): Read<PartialDate | null> {
  if (year < MIN_YEAR || year > MAX_YEAR) return notADate(shown);
  if (day === undefined) return month >= 1 && month <= 12 ? ok({ year, month }, shown) : notADate(shown);
  return isRealDay(year, month, day) ? ok({ year, month, day }, shown) : notADate(shown);
}

/** "yyyy-mm-dd", "yyyy\"年\"m\"月\"", "m/d/yy" … but not "General", "0.00" or "@"; quoted literals and colours ignored. */
function hasDateFormat(cell: Cell): boolean {
  const format = typeof cell.numberFormat === "string" ? cell.numberFormat : "";
  const code = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /y|d/i.test(code.replace(/general/gi, ""));
}

const ONGOING = /^(至今|今|现在|目前|迄今|长期|持续使用|仍在使用|now|present|ongoing)$/iu;

function dateFromSerial(serial: number, shown: string): Read<PartialDate | null> {
  const d = excelSerialToDate(serial);
  return d ? ymd(d.year, d.month, d.day, shown) : notADate(shown);
}

function dateFromNumber(n: number, shown: string): Read<PartialDate | null> {
  if (!Number.isFinite(n)) return notADate(shown);
  if (Number.isInteger(n)) {
    // 20200305 typed as a number
    if (n >= 19_000_101 && n <= 21_001_231) return ymd(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100, shown);
    // 202003 typed as a number
    if (n >= 190_001 && n <= 210_012) return ymd(Math.floor(n / 100), n % 100, undefined, shown);
    if (n >= MIN_YEAR && n <= MAX_YEAR) {
      return bad(shown, `“${shown}”只有年份，${DATE_EXPECTED_ZH}`, `“${shown}” gives only a year; ${DATE_EXPECTED_EN}`);
    }
  }
  if (n >= PLAUSIBLE_SERIAL_MIN && n <= PLAUSIBLE_SERIAL_MAX) {
    const d = excelSerialToDate(n);
    return d ? ok(d, shown) : notADate(shown);
  }
  // 2020.3 typed into a General cell becomes the number 2020.3: read it as shown, unless 2020.1 could be October.
  const dotted = /^(\d{4})\.(\d{1,2})$/.exec(shown);
  if (dotted) {
    if (dotted[2] === "1") {
      return bad(
        shown,
        `“${shown}”以数字存储，无法区分 ${dotted[1]}年1月 与 ${dotted[1]}年10月，请改为文本如 ${dotted[1]}-01 或 ${dotted[1]}-10`,
        `“${shown}” is stored as a number and could be January or October ${dotted[1]}; write it as text such as ${dotted[1]}-01 or ${dotted[1]}-10`,
      );
    }
    return ymd(Number(dotted[1]), Number(dotted[2]), undefined, shown);
  }
  return notADate(shown);
}

/** Text dates in the forms districts use; the time part of "2020-03-05 00:00:00" is ignored. */
function dateFromText(raw: string, shown: string, allowOngoing: boolean): Read<PartialDate | null> {
  const s = cleanText(raw)
    .replace(/(?<=\d)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u, "")
    .replace(/\s+/g, "");
  if (s === "") return EMPTY;
  if (ONGOING.test(s)) {
    if (allowOngoing) return ok(null, shown);
    return bad(shown, `“${shown}”不是具体日期，${DATE_EXPECTED_ZH}`, `“${shown}” is not a specific date; ${DATE_EXPECTED_EN}`);
  }
  let m = /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})[日号]?$/u.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  m = /^(\d{4})[年.\-/](\d{1,2})月?(份)?$/u.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), undefined, shown);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), undefined, shown);
  if (/^\d{4}年?$/u.test(s)) return bad(shown, `“${shown}”只有年份，${DATE_EXPECTED_ZH}`, `“${shown}” gives only a year; ${DATE_EXPECTED_EN}`);
  // An Excel serial pasted as text ("43895").
  if (/^\d{5}(\.\d+)?$/.test(s)) return dateFromNumber(Number(s), shown);
  return notADate(shown);
}

/**
 * Dates: Excel serials (date cells; number cells between 20000 and 60000), 8-digit numbers as yyyymmdd
 * (6-digit as yyyymm), "2020年3月5日", "2020年3月", "2020.3.5", "2020/3/5", "20200305", "2020-03", "2020-03-05".
 * The day must exist. Text like "至今"/"今" is `bad` unless `allowOngoing` → value null.
 */
export function readDate(cell: Cell, options?: { allowOngoing?: boolean }): Read<PartialDate | null> {
  const look = lookAt(cell);
  if ("done" in look) return look.done;
  const { seen, shown } = look;
  switch (seen.kind) {
    case "boolean":
      return notADate(shown);
    case "date":
      return dateFromSerial(seen.serial, shown);
    case "number":
      // A number the sheet formats as a date is a serial whatever its size (an adapter that missed the type).
      return hasDateFormat(cell) ? dateFromSerial(seen.number, shown) : dateFromNumber(seen.number, shown);
    case "text":
      return dateFromText(seen.text, shown, options?.allowOngoing === true);
  }
}

// ---------------------------------------------------------------- whole numbers

/**
 * A whole number as clerks write ranks and counts: 3, "3", "第3名", "3位". Past 999,999 it is a pasted
 * code, not a rank.
 */
export function readWholeNumber(cell: Cell): Read<number> {
  const look = lookAt(cell);
  if ("done" in look) return look.done;
  const { seen, shown } = look;
  if (seen.kind === "number" && Number.isInteger(seen.number) && seen.number >= 0 && seen.number <= 999_999) return ok(seen.number, shown);
  if (seen.kind === "text") {
    const t = cleanText(seen.text).replace(/\s/g, "");
    if (t === "") return EMPTY;
    const m = /^第?(\d{1,6})(位|名|个|项)?$/u.exec(t);
    if (m) return ok(Number(m[1]), shown);
  }
  return bad(shown, `“${shown}”不是整数，应填 1、2、3 这样的整数`, `“${shown}” is not a whole number; enter 1, 2, 3 …`);
}

// ---------------------------------------------------------------- amounts

/** Value of one Chinese numeral digit, ordinary or capital (大写). */
const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CHINESE_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** "贰仟万" → 20000000, "壹佰伍拾" → 150, "一亿五千万" → 150000000; null when not a well-formed numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (s === "") return null;
  let total = 0; // finished 亿 groups and 万 groups
  let section = 0; // below 万
  let digit: number | null = null;
  let sawDigitOrUnit = false;
  let sawDigitOrSmallUnit = false;
  for (const ch of s) {
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && d !== 0 && digit !== 0) return null; // "二三" is not a numeral
      digit = d;
      sawDigitOrUnit = true;
      sawDigitOrSmallUnit = true;
      continue;
    }
    const small = CHINESE_SMALL_UNITS[ch];
    if (small !== undefined) {
      // "十五" = 15: a leading 十 counts one ten.
      section += (digit === null || digit === 0 ? (digit === null ? 1 : 0) : digit) * small;
      digit = null;
      sawDigitOrUnit = true;
      sawDigitOrSmallUnit = true;
      continue;
    }
    const big = CHINESE_BIG_UNITS[ch];
    if (big !== undefined) {
      // "万" alone is a unit word, not the number 10000.
      if (!sawDigitOrSmallUnit) return null;
      const group = section + (digit ?? 0);
      if (big === 1e8) total = (total + group) * big;
      else total += (group === 0 ? 1 : group) * big;
      section = 0;
      digit = null;
      sawDigitOrUnit = true;
      continue;
    }
    return null;
  }
  if (!sawDigitOrUnit) return null;
  return total + section + (digit ?? 0);
}

/** Multipliers to 万元 for the units a header or a cell may name. */
const UNIT_TO_WAN: Readonly<Record<string, number>> = {
  元: 1e-4,
  千元: 0.1,
  万: 1,
  万元: 1,
  十万元: 10,
  百万元: 100,
  千万元: 1000,
  亿: 1e4,
  亿元: 1e4,
};

/** Magnitude words after an Arabic number: "2000万", "1.5亿", "2千万", "5百万". */
const MAGNITUDE: Readonly<Record<string, number>> = {
  "": 1, 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1e3, 仟: 1e3, 万: 1e4, 萬: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8, 億: 1e8,
};

const AMOUNT_EXPECTED_ZH = "应为金额，如 2000、2000万元、0.2亿元 或 贰仟万元";
const AMOUNT_EXPECTED_EN = "expected an amount such as 2000, 2000万元, 0.2亿元 or 贰仟万元";

function notAnAmount(shown: string, why?: { zh: string; en: string }) {
  return bad(
    shown,
    `“${shown}”${why ? why.zh : "不是可识别的金额"}，${AMOUNT_EXPECTED_ZH}`,
    `“${shown}” ${why ? why.en : "is not a readable amount"}; ${AMOUNT_EXPECTED_EN}`,
  );
}

/** Rounds away float noise (0.2 × 1e4) at a precision far below one 元 (1e-6 万元 = 0.01 元). */
function roundWan(x: number): number {
  const scaled = x * 1e6;
  return Number.isFinite(scaled) ? Math.round(scaled) / 1e6 : x;
}

/** An amount is ok only when it is a finite number (1e308 亿元 overflows) and not below zero: no investment is negative. */
function okAmount(r: Omit<AmountReading, "wan">, shown: string): Read<AmountReading> {
  const wan = r.number * r.factor;
  if (!Number.isFinite(wan)) return notAnAmount(shown, { zh: "超出可计算的范围", en: "is out of range" });
  if (wan < 0) return notAnAmount(shown, { zh: "是负数，金额不能小于 0", en: "is negative; an amount cannot be below 0" });
  return ok({ ...r, wan: roundWan(wan) }, shown);
}

/** The multiplier to 万元 a header unit gives bare numbers; null when the unit is not money in 人民币. */
export function headerMultiplier(unit: string | null | undefined): number | null {
  if (unit === null || unit === undefined) return 1;
  const key = cleanText(unit).replace(/\s|人民币|RMB/giu, "");
  if (key === "") return 1;
  return UNIT_TO_WAN[key] ?? null;
}

/** An amount as read: the figure in 万元, and the number and unit it was written in (for plausibility). */
export interface AmountReading {
  /** The amount in 万元, what every rule compares. */
  wan: number;
  /** The number as written, before its unit. */
  number: number;
  /** 万元 per unit of `number`: 1 for 万元, 1e-4 for 元, 1e4 for 亿元. */
  factor: number;
  /** The unit `number` was read in ("万元", "元", "亿元" …). */
  unit: string;
  /** Where the unit came from: the cell's own text, the column header, or neither (万元 by default). */
  unitFrom: "cell" | "header" | "default";
}

/** A unit word as a reading names it: "万" → 万元, "亿" → 亿元, "千" → 千元. */
function unitWord(magnitude: string): string {
  const m = magnitude.replace("萬", "万").replace("億", "亿").replace("拾", "十").replace("佰", "百").replace("仟", "千");
  return `${m}元`;
}

/** Amounts in 万元: "2,000", "2000万", "2000万元", "0.2亿元", "20000000元", "贰仟万元"; a bare number uses `headerUnit` ("万元" default, "元", "亿元"). */
export function readAmount(cell: Cell, headerUnit?: string | null): Read<number> {
  const r = readAmountReading(cell, headerUnit);
  return r.status === "ok" ? ok(r.value.wan, r.shown) : r;
}

/** readAmount with what the figure was read from: the one amount reader, which readAmount and the plausibility check share. */
export function readAmountReading(cell: Cell, headerUnit?: string | null): Read<AmountReading> {
  const look = lookAt(cell);
  if ("done" in look) return look.done;
  const { seen, shown } = look;
  const headerFactor = headerMultiplier(headerUnit);
  const headerKey = cleanText(headerUnit ?? "").replace(/\s|人民币|RMB/giu, "");
  const fromHeader = (n: number): Read<AmountReading> =>
    headerKey === ""
      ? okAmount({ number: n, factor: 1, unit: "万元", unitFrom: "default" }, shown)
      : okAmount({ number: n, factor: headerFactor!, unit: headerKey.endsWith("元") ? headerKey : `${headerKey}元`, unitFrom: "header" }, shown);
  const unitProblem = {
    zh: `所在列的表头单位“${headerUnit ?? ""}”不是人民币金额单位，无法换算为万元`,
    en: `sits in a column whose header unit “${headerUnit ?? ""}” is not a 人民币 amount unit, so it cannot be converted to 万元`,
  };
  switch (seen.kind) {
    case "boolean":
      return notAnAmount(shown);
    case "date":
      return notAnAmount(shown, { zh: "是日期，不是金额", en: "is a date, not an amount" });
    case "number":
      if (!Number.isFinite(seen.number)) return notAnAmount(shown);
      if (headerFactor === null) return notAnAmount(shown, unitProblem);
      return fromHeader(seen.number);
    case "text":
      break;
  }
  const s = cleanText(seen.text)
    .replace(/\s+/g, "")
    .replace(/^(人民币|RMB|CNY|¥|￥)/iu, "")
    .replace(/(人民币|RMB|CNY)$/iu, "")
    .replace(/(整|正)$/u, "");
  if (s === "") return EMPTY;
  if (/美元|USD|\$|欧元|日元|港元|港币/iu.test(s)) {
    return notAnAmount(shown, { zh: "不是人民币金额", en: "is not in 人民币" });
  }
  const arabic = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(十万|百万|千万|[十拾百佰千仟万萬亿億]?)(元|圆)?$/u.exec(s);
  if (arabic) {
    const n = Number((arabic[1] ?? "").replace(/,/g, ""));
    const magnitude = MAGNITUDE[arabic[2] ?? ""] ?? 1;
    const hasUnit = (arabic[2] ?? "") !== "" || arabic[3] !== undefined;
    if (!Number.isFinite(n)) return notAnAmount(shown);
    if (hasUnit) return okAmount({ number: n, factor: magnitude / 1e4, unit: unitWord(arabic[2] ?? ""), unitFrom: "cell" }, shown);
    if (headerFactor === null) return notAnAmount(shown, unitProblem);
    return fromHeader(n);
  }
  const chinese = /^(.+?)(元|圆)?$/u.exec(s);
  const numeral = chinese ? parseChineseNumeral(chinese[1] ?? "") : null;
  if (chinese && numeral !== null) {
    const hasUnit = chinese[2] !== undefined || /[万萬亿億]/u.test(chinese[1] ?? "");
    if (hasUnit) return okAmount({ number: numeral, factor: 1e-4, unit: "元", unitFrom: "cell" }, shown);
    if (headerFactor === null) return notAnAmount(shown, unitProblem);
    return fromHeader(numeral);
  }
  return notAnAmount(shown);
}

/** "1500", "0.25", "15000000": a figure for a message, without float noise or an exponent. */
function figure(x: number): string {
  const r = Number(x.toPrecision(10));
  return Number.isInteger(r) && Math.abs(r) < 1e21 ? r.toFixed(0) : String(r);
}

/** An amount in 万元 as a clerk says it: 亿元 from 1亿 up, else 万元. */
function inWords(wan: number): string {
  return wan >= 1e4 ? `${figure(wan / 1e4)}亿元` : `${figure(wan)}万元`;
}

/** The smaller units a figure may really have been written in, largest first. */
const SMALLER_UNITS: readonly { unit: string; factor: number }[] = [
  { unit: "万元", factor: 1 },
  { unit: "元", factor: 1e-4 },
];

export interface ImplausibleAmount {
  problem: string;
  problemEn: string;
  hint: string;
  hintEn: string;
}

/**
 * An amount at or above `ceilingWan` (万元) is implausible for a project: most often a figure in 元
 * under a 万元 header. Says what was read and, when one exists, the reading in a smaller unit that is
 * plausible. Null when the amount is below the ceiling.
 */
export function implausibleAmount(r: AmountReading, shown: string, ceilingWan: number): ImplausibleAmount | null {
  if (!(r.wan >= ceilingWan)) return null;
  const ceiling = inWords(ceilingWan);
  const written = r.unitFrom === "cell" ? `“${shown}”` : `${figure(r.number)}${r.unit}`;
  const read = written === inWords(r.wan) ? written : `${written}即${inWords(r.wan)}`;
  const lead = r.unitFrom === "default" ? `表头未注明单位，按万元读作${read}` : read;
  const en = `${r.unitFrom === "default" ? "With no unit in the header, " : ""}“${shown}” read as ${figure(r.number)} ${r.unit} = ${figure(r.wan)} 万元`;
  const alt = SMALLER_UNITS.find((u) => u.factor < r.factor && r.number * u.factor < ceilingWan);
  if (alt) {
    const altWan = r.number * alt.factor;
    return {
      problem: `${lead}，达到金额合理上限（${ceiling}），疑为以${alt.unit}填写（即${inWords(altWan)}）`,
      problemEn: `${en} reaches the plausible ceiling (${figure(ceilingWan)} 万元); it was probably written in ${alt.unit} (${figure(altWan)} 万元)`,
      hint: `核实金额的单位；如以${alt.unit}计，可在单元格中写明“${figure(r.number)}${alt.unit}”`,
      hintEn: `Check the unit; if the figure is in ${alt.unit}, write “${figure(r.number)}${alt.unit}” in the cell`,
    };
  }
  return {
    problem: `${lead}，达到金额合理上限（${ceiling}），请核实金额和单位`,
    problemEn: `${en} reaches the plausible ceiling (${figure(ceilingWan)} 万元); check the figure and its unit`,
    hint: "核实金额和单位",
    hintEn: "Check the figure and its unit",
  };
}

// ---------------------------------------------------------------- yes / no

const YES = new Set(["是", "有", "√", "✓", "✔", "☑", "y", "yes", "true", "是的", "1", "对", "存在", "已"]);
const NO = new Set(["否", "无", "没有", "×", "✗", "✘", "☒", "x", "n", "no", "false", "不是", "0", "错", "未", "不存在", "不涉及", "未涉及"]);

export interface YesNoOptions {
  /** Other answers a programme reads as yes or no ({ 升级申报: "是" }), compared as enumKey does. */
  aliases?: Readonly<Record<string, string>>;
  /** The question as the header asks it ("是否符合产业政策"): 符合/不符合 answer only a question about 符合. */
  question?: string;
}

/** 是/否 and the like, or null. */
function yesNoWord(key: string): boolean | null {
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}

/**
 * An answer that repeats the question's verb: "已入围" / "未入围" to 是否入围第一批, "有推荐函" to 是否有推荐函,
 * "不符合" to 是否符合产业政策. Only words of the question count, so "符合" says nothing to 是否纳入黑名单.
 */
function echoesQuestion(key: string, question: string): boolean | null {
  const q = question.replace(/^.*?是否/u, "");
  if (q === "") return null;
  // The question's own verb as the answer: "符合" to 是否符合…, "入围" to 是否入围….
  if ([...key].length >= 2 && q.startsWith(key)) return true;
  const m = /^(已经|已|有|是|没有|未|无|不|非)(.+)$/u.exec(key);
  if (!m) return null;
  const rest = m[2]!;
  if (!q.includes(rest) && !(rest.length >= 2 && q.startsWith(rest.slice(0, 2)))) return null;
  return ["已经", "已", "有", "是"].includes(m[1]!);
}

function readYesNoText(text: string, question: string): boolean | null {
  const key = foldBrackets(cleanText(text)).replace(/\s+/g, "").toLowerCase();
  const direct = yesNoWord(key) ?? echoesQuestion(key, question);
  if (direct !== null) return direct;
  // A remark after the answer: "是（已整改）", "否，无", "是,已提供".
  const head = /^([^(),，;；:：。]+?)(?:\(.*\)|[,，;；:：。].*)$/u.exec(key)?.[1];
  if (head !== undefined) {
    const h = yesNoWord(head) ?? echoesQuestion(head, question);
    if (h !== null) return h;
  }
  if (saysNothing(text)) return false;
  return null;
}

/**
 * One reading of a yes/no answer: 是/否, 有/无, 1/0 (number or text), √/×/✓/✗, Y/N, TRUE/FALSE, 对/错, 已/未,
 * any of these with a remark ("是（已整改）" is 是, "否，无" is 否), an echo of the question ("已入围", "不符合"
 * to 是否符合…), and a denial in words ("无此情况", "以上情形均不存在") as 否. 已建成/在建 are NOT yes/no (enum instead).
 * `aliases` (a record) is the older form of `options.aliases`.
 */
export function readYesNo(cell: Cell, aliasesOrOptions?: Readonly<Record<string, string>> | YesNoOptions): Read<boolean> {
  const options: YesNoOptions =
    aliasesOrOptions && ("aliases" in aliasesOrOptions || "question" in aliasesOrOptions) && typeof (aliasesOrOptions as YesNoOptions).aliases !== "string"
      ? (aliasesOrOptions as YesNoOptions)
      : { aliases: aliasesOrOptions as Readonly<Record<string, string>> | undefined };
  const look = lookAt(cell);
  if ("done" in look) return look.done;
  const { seen, shown } = look;
  switch (seen.kind) {
    case "boolean":
      return ok(seen.bool, shown);
    case "number":
      if (seen.number === 1) return ok(true, shown);
      if (seen.number === 0) return ok(false, shown);
      break;
    case "text": {
      const aliases = options.aliases;
      const alias = aliases ? Object.entries(aliases).find(([variant]) => enumKey(variant) === enumKey(seen.text)) : undefined;
      const text = alias ? alias[1] : seen.text;
      if (cleanText(text).replace(/\s+/g, "") === "") return EMPTY;
      const question = enumKey(options.question ?? "");
      const v = readYesNoText(text, question);
      if (v !== null) return ok(v, shown);
      break;
    }
    default:
      break;
  }
  return bad(
    shown,
    `无法判断“${shown}”是“是”还是“否”，请填写是或否（也可用 有/无、√/×、1/0）`,
    `Cannot tell whether “${shown}” means yes or no; enter 是 or 否 (有/无, √/×, 1/0 also work)`,
  );
}

// ---------------------------------------------------------------- phones

const PHONE_EXPECTED_ZH = "应为 11 位手机号或带区号的固定电话（如 025-69652717），多个号码用“、”分隔";
const PHONE_EXPECTED_EN = "expected an 11-digit mobile number or a landline with its area code (such as 025-69652717), several separated by “、”";

/** One phone number token → its normalised form, or why it is not one. */
function readOnePhone(token: string): { value: string } | { zh: string; en: string; complete?: boolean } {
  const t = token.replace(/^\+?86-?(?=1\d{10}$)/u, "");
  if (/^1[3-9]\d{9}$/.test(t)) return { value: t };
  const landline = /^(0\d{2,3})-?(\d{7,8})(?:(?:-|转|ext\.?|x)(\d{1,6}))?$/iu.exec(t);
  if (landline) {
    let area = landline[1] ?? "";
    let local = landline[2] ?? "";
    // Without a hyphen, "02569652717" splits by the area-code plan: 010 and 02x are 3 digits, the rest 4.
    if (!/^0\d{2,3}-/.test(t)) {
      const digits = area + local;
      const areaLength = /^0[12]/.test(digits) ? 3 : 4;
      area = digits.slice(0, areaLength);
      local = digits.slice(areaLength);
    }
    const areaOk = /^0[12]\d$/.test(area) ? local.length === 8 : /^0[3-9]\d{2}$/.test(area) && (local.length === 7 || local.length === 8);
    if (areaOk && !local.startsWith("0")) return { value: landline[3] ? `${area}-${local}-${landline[3]}` : `${area}-${local}` };
    return { zh: `“${token}”的区号与号码位数不符`, en: `“${token}” has an area code and number of mismatching lengths` };
  }
  if (/^[2-9]\d{6,7}$/.test(t)) {
    return {
      zh: `电话“${token}”缺少区号，应写成带区号的形式，如 025-${t}`,
      en: `the phone number “${token}” lacks its area code; write it with the area code, for example 025-${t}`,
      complete: true,
    };
  }
  if (/^1\d+$/.test(t)) return { zh: `“${token}”不是 11 位手机号`, en: `“${token}” is not an 11-digit mobile number` };
  return { zh: `“${token}”不是电话号码`, en: `“${token}” is not a phone number` };
}

function phoneProblem(shown: string, why: { zh: string; en: string; complete?: boolean }) {
  if (why.complete) return bad(shown, why.zh, why.en.charAt(0).toUpperCase() + why.en.slice(1));
  return bad(shown, `${why.zh}，${PHONE_EXPECTED_ZH}`, `${why.en.charAt(0).toUpperCase() + why.en.slice(1)}; ${PHONE_EXPECTED_EN}`);
}

/**
 * One or more phone numbers (mobile 11 digits, landline 0xx-8 digits or 0xxx-7/8 digits, extension allowed,
 * separated by 、，,;/ or spaces); ok value is the list, normalised ("025-69652717", "13812345678").
 * A 7- or 8-digit number without its area code is bad with a hint to add it.
 */
export function readPhone(cell: Cell): Read<string[]> {
  const look = lookAt(cell);
  if ("done" in look) return look.done;
  const { seen, shown } = look;
  switch (seen.kind) {
    case "boolean":
    case "date":
      return bad(shown, `“${shown}”不是电话号码，${PHONE_EXPECTED_ZH}`, `“${shown}” is not a phone number; ${PHONE_EXPECTED_EN}`);
    case "number": {
      const digits = numberText(seen.number);
      // A landline typed into a General cell loses its leading 0: 2569652717 was 025-69652717.
      const withZero = /^[1-9]\d{9,10}$/.test(digits) && !/^1[3-9]\d{9}$/.test(digits) ? readOnePhone(`0${digits}`) : null;
      if (withZero && "value" in withZero) {
        return bad(
          shown,
          `“${shown}”以数字存储，区号前的 0 已丢失（应为 ${withZero.value}），请将该列设为“文本”格式后重新填写`,
          `“${shown}” is stored as a number and lost the leading 0 of its area code (${withZero.value}); format the column as text and enter it again`,
        );
      }
      const one = readOnePhone(digits);
      if ("value" in one) return ok([one.value], shown);
      return phoneProblem(shown, one);
    }
    case "text":
      break;
  }
  const normalised = foldBrackets(cleanText(seen.text))
    // "(025)69652717" → "025-69652717"
    .replace(/\((0\d{2,3})\)\s*/g, "$1-")
    // "025 - 69652717", "025 69652717"
    .replace(/(?<!\d)(0\d{2,3})\s*[-—–]?\s+(?=\d{7,8}(?!\d))/g, "$1-")
    .replace(/(?<!\d)(0\d{2,3})\s+[-—–]\s*(?=\d{7,8}(?!\d))/g, "$1-")
    // "+86 13812345678", "+86-13812345678"
    .replace(/(?<![\d+])\+?86[\s-]+(?=1[3-9]\d{9}(?!\d))/g, "")
    .replace(/\+86(?=1[3-9]\d{9}(?!\d))/g, "")
    // "138 1234 5678", "138-1234-5678"
    .replace(/(?<!\d)(1[3-9]\d)[\s-](\d{4})[\s-](\d{4})(?!\d)/g, "$1$2$3")
    // labels around the numbers: "手机：", "电话:", "办公室"
    .replace(/(手机|电话|座机|固话|办公室|办|宅|tel|mobile|phone)[:：]?/giu, " ")
    .replace(/\(\s*\)/g, " ")
    .trim();
  const tokens = normalised.split(/[、,，;；/|\s]+|和|或|及/u).filter((t) => t !== "");
  if (tokens.length === 0) return EMPTY;
  const values: string[] = [];
  for (const token of tokens) {
    const one = readOnePhone(token);
    if (!("value" in one)) return phoneProblem(shown, one);
    values.push(one.value);
  }
  return ok(values, shown);
}

// ---------------------------------------------------------------- enums

/** Comparison key for allowed values: cleanText, brackets and quotes folded, spaces gone, lower-case. */
export function enumKey(s: string): string {
  return foldBrackets(cleanText(s))
    .replace(/[\s“”"'‘’「」]/gu, "")
    .toLowerCase();
}

/** Levenshtein distance over code points, capped: stops early beyond `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[y.length] ?? limit + 1;
}

function commonPrefixLength(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** The allowed value a near-miss most likely meant, or undefined. */
function suggestionFor(key: string, candidates: ReadonlyArray<{ key: string; canonical: string }>): string | undefined {
  const length = [...key].length;
  // Short values may differ in at most one character, or a two-character answer would match anything.
  const limit = length <= 3 ? 1 : 2;
  let best: { canonical: string; score: number } | undefined;
  for (const c of candidates) {
    const distance = editDistance(key, c.key, limit);
    const prefix = commonPrefixLength(key, c.key);
    const shorter = Math.min(length, [...c.key].length);
    let score = Number.POSITIVE_INFINITY;
    if (distance <= limit) score = distance;
    // "工业互联网平台" for "工业互联网标杆工厂": a long shared start, at least half the shorter name.
    else if (prefix >= 2 && prefix * 2 >= shorter) score = limit + 1 + 1 / (prefix + 1);
    if (score < (best?.score ?? Number.POSITIVE_INFINITY)) best = { canonical: c.canonical, score };
  }
  return best?.canonical;
}

/**
 * One of `allowed` (after cleanText; full-width and bracket-folded), with `aliases` mapping
 * variant → canonical. Bad results name a near-miss suggestion (edit distance ≤ 2 or shared prefix) when there is one.
 * A value that allowed ones only add to ("专业型" of "专业型（面向特定技术）") gets no suggestion: the rest
 * would be words the district never wrote, so the allowed values holding it are offered as `choices`.
 */
export function readEnum(
  cell: Cell,
  allowed: readonly string[],
  aliases?: Readonly<Record<string, string>>,
): Read<string> & { suggestion?: string; choices?: string[] } {
  const look = lookAt(cell);
  if ("done" in look) return look.done;
  const { seen, shown } = look;
  const key = enumKey(shown);
  if (key === "") return EMPTY;
  const candidates = allowed.map((a) => ({ key: enumKey(a), canonical: a }));
  const direct = candidates.find((c) => c.key === key);
  if (direct) return ok(direct.canonical, shown);
  for (const [variant, canonical] of Object.entries(aliases ?? {})) {
    if (enumKey(variant) === key) return ok(canonical, shown);
  }
  const aliasCandidates = Object.entries(aliases ?? {}).map(([variant, canonical]) => ({ key: enumKey(variant), canonical }));
  const listed = allowed.length <= 8 ? allowed.join("、") : `${allowed.slice(0, 8).join("、")} 等 ${allowed.length} 项`;
  const listedEn = allowed.length <= 8 ? allowed.join(", ") : `${allowed.slice(0, 8).join(", ")} and ${allowed.length - 8} more`;
  const choices = [...key].length >= 2 ? [...new Set([...candidates, ...aliasCandidates].filter((c) => c.key !== key && extendsText(c.key, key)).map((c) => c.canonical))] : [];
  if (choices.length > 0) {
    const result = bad(
      shown,
      `“${shown}”不是可选值，应为：${listed}；含“${shown}”的有${choices.length}项：${choices.join("、")}，请选定其中一项`,
      `“${shown}” is not one of the allowed values: ${listedEn}; ${choices.length} hold it: ${choices.join(", ")} — choose one`,
    );
    return { ...result, choices };
  }
  const suggestion = suggestionFor(key, [...candidates, ...aliasCandidates]);
  const result = bad(
    shown,
    `“${shown}”不是可选值，应为：${listed}${suggestion !== undefined ? `；是否应为“${suggestion}”？` : ""}`,
    `“${shown}” is not one of the allowed values: ${listedEn}${suggestion !== undefined ? `; did you mean “${suggestion}”?` : ""}`,
  );
  return suggestion !== undefined ? { ...result, suggestion } : result;
}

/** `longer` holds every character of `written` in order: it only adds to what was written ("特型" → "特色型"). */
function extendsText(longer: string, written: string): boolean {
  const w = [...written];
  let i = 0;
  for (const ch of longer) if (ch === w[i]) i++;
  return i === w.length;
}

/**
 * The hint for a value readEnum refused: "改为" only for a correction of what was written (a typo,
 * a near name); for a part of allowed values, the choices, never one of them picked for the district.
 */
export function enumHint(r: { suggestion?: string; choices?: readonly string[] }): { hint: string; hintEn: string } | Record<string, never> {
  if (r.choices && r.choices.length > 1) return { hint: `从可选值中选定一项：${r.choices.join("、")}`, hintEn: `Choose one of: ${r.choices.join(", ")}` };
  if (r.choices && r.choices.length === 1) {
    const only = r.choices[0]!;
    return { hint: `可选值中只有“${only}”含此内容：如申报的是这一项，请填写完整；否则从可选值中另选`, hintEn: `Only “${only}” holds it: if that is the one, write it in full; otherwise choose another allowed value` };
  }
  if (r.suggestion) return { hint: `改为“${r.suggestion}”`, hintEn: `Change it to “${r.suggestion}”` };
  return {};
}

// ---------------------------------------------------------------- text and USCC

/** What a cell of another kind is, for "X is a date, not text" messages. */
const KIND_WORDS: Readonly<Record<"number" | "boolean" | "date", { zh: string; en: string }>> = {
  number: { zh: "数字", en: "a number" },
  boolean: { zh: "逻辑值（TRUE/FALSE）", en: "a logical value (TRUE/FALSE)" },
  date: { zh: "日期", en: "a date" },
};

export interface TextExpectation {
  /** Cell kinds besides text that are read as their shown text (序号 1 in a text column is fine). */
  accept: ReadonlyArray<"number" | "boolean" | "date">;
  /** What the column expects, for the message: "单位全称" / "the full name of the organisation". */
  zh: string;
  en: string;
}

/**
 * Text cell (or any cell shown as text): cleanText; empty/whitespace → empty; error cells are `bad`.
 * With `expect`, a cell of a kind it does not accept is `bad`: Excel turns a typed "1-2" into a date
 * and "true" into TRUE, and a number is never a company's name.
 */
export function readText(cell: Cell, expect?: TextExpectation): Read<string> {
  const look = lookAt(cell);
  if ("done" in look) return look.done;
  const { seen, shown } = look;
  if (expect && seen.kind !== "text" && !expect.accept.includes(seen.kind)) {
    const kind = KIND_WORDS[seen.kind];
    return bad(shown, `“${shown}”是${kind.zh}，不是文字，应填写${expect.zh}`, `“${shown}” is ${kind.en}, not text; enter ${expect.en}`);
  }
  const text = cleanText(shown);
  return text === "" ? EMPTY : ok(text, shown);
}

/**
 * USCC cell: compacts; a number cell (kind "number") is `bad` with problem saying it is stored as a
 * number and digits may be lost (truncated: `truncated: true` when it has more digits than Excel keeps,
 * or is text in scientific notation such as "9.13206913239795E+17"). Does NOT validate checksums (identity does).
 */
export function readUsccCell(cell: Cell): Read<string> & { truncated?: boolean } {
  const look = lookAt(cell);
  if ("done" in look) return look.done;
  const { seen, shown } = look;
  const remedy = "请将该列设为“文本”格式后重新粘贴原始代码";
  const remedyEn = "format the column as text (文本) and paste the original codes again";
  switch (seen.kind) {
    case "boolean":
    case "date":
      return bad(shown, `“${shown}”不是统一社会信用代码，应为 18 位代码`, `“${shown}” is not a unified social credit code; expected 18 characters`);
    case "number": {
      // Excel keeps 15 significant digits: an 18-digit code stored as a number has lost its last digits.
      if (Math.abs(seen.number) >= 1e15) {
        return {
          ...bad(
            shown,
            `统一社会信用代码“${shown}”以数字形式存储，Excel 只保留 15 位有效数字，末尾几位已丢失；${remedy}`,
            `The unified social credit code “${shown}” is stored as a number; Excel keeps only 15 significant digits, so its last digits are lost; ${remedyEn}`,
          ),
          truncated: true,
        };
      }
      return bad(
        shown,
        `统一社会信用代码“${shown}”以数字形式存储且不足 18 位，应为 18 位代码；${remedy}`,
        `The unified social credit code “${shown}” is stored as a number and is shorter than 18 characters; ${remedyEn}`,
      );
    }
    case "text":
      break;
  }
  const compact = compactUscc(seen.text);
  if (compact === "") return EMPTY;
  if (/^\d(\.\d+)?E\+?\d+$/i.test(compact)) {
    return {
      ...bad(
        shown,
        `统一社会信用代码“${shown}”是科学计数法形式，原代码的末尾几位已丢失；${remedy}`,
        `The unified social credit code “${shown}” is in scientific notation; its last digits are lost; ${remedyEn}`,
      ),
      truncated: true,
    };
  }
  return ok(compact, shown);
}

// ---------------------------------------------------------------- display

/** The cell as the clerk sees it, for messages: text, number, formatted date, error text. */
export function shownValue(cell: Cell): string {
  const seen = see(cell);
  switch (seen.kind) {
    case "empty":
      return "";
    case "text":
    case "error":
      return seen.text;
    case "number":
      return numberText(seen.number);
    case "boolean":
      return seen.bool ? "TRUE" : "FALSE";
    case "date": {
      const d = excelSerialToDate(seen.serial);
      if (!d) return numberText(seen.serial);
      const fraction = seen.serial - Math.floor(seen.serial);
      const minutes = Math.round(fraction * 1440);
      if (minutes === 0 || minutes === 1440) return formatPartialDate(d);
      return `${formatPartialDate(d)} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
    }
  }
}
