/** Calendar arithmetic the date rules share: partial dates (year and month only) read as favourably as they allow. */
import { dayNumber, formatPartialDate, type PartialDate } from "../readers";

export type Ymd = { year: number; month: number; day: number };

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same calendar day `years` later (29 Feb → 28 Feb). */
export function addYears(d: Ymd, years: number): Ymd {
  const year = d.year + years;
  return { year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) };
}

export function addMonths(d: Ymd, months: number): number {
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return dayNumber({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

export function earliest(d: PartialDate): Ymd {
  return { year: d.year, month: d.month, day: d.day ?? 1 };
}

export function latest(d: PartialDate): Ymd {
  return { year: d.year, month: d.month, day: d.day ?? daysInMonth(d.year, d.month) };
}

export function iso(d: Ymd): string {
  return formatPartialDate(d);
}

export function shownDate(d: PartialDate): string {
  return d.day === undefined ? `${d.year}年${d.month}月` : formatPartialDate(d);
}

export function latestFromDay(days: number): Ymd {
  const t = new Date(days * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
