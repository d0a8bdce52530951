/**
 * Which findings the pane's list shows and in what order: filtered by severity, district, code and an
 * enterprise or row, sorted by code (grouped), row, district, enterprise or severity. Pure: the list
 * only looks at the report, it never touches the sheet.
 */
import type { Finding, Severity } from "../domain/report";

export type SeverityFilter = Severity | "all";
export type FindingSort = "code" | "row" | "district" | "enterprise" | "severity";

export interface FindingView {
  severity: SeverityFilter;
  /** A district as findings name it, NO_DISTRICT for rows that name none, "" for all. */
  district: string;
  /** A finding code, "" for all. */
  code: string;
  /** Digits: a row number; else part of an enterprise's name. "" for all. */
  query: string;
  sort: FindingSort;
}

export const ALL_FINDINGS: FindingView = { severity: "all", district: "", code: "", query: "", sort: "code" };

/** Filter value of findings whose row names no district (and of findings about the whole list). */
export const NO_DISTRICT = "\u0000none";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings a list shows at all: a priority match is shown in the priority list. */
export function listedFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code !== "priority");
}

/** First row a finding concerns; a finding about the whole list has none and sorts first. */
export function firstRow(f: Finding): number {
  return f.row ?? f.rows?.[0] ?? 0;
}

const compact = (s: string) => s.replace(/\s+/g, "").toLowerCase();

export function matches(f: Finding, view: FindingView): boolean {
  if (view.severity !== "all" && f.severity !== view.severity) return false;
  if (view.district && (f.district ?? NO_DISTRICT) !== view.district) return false;
  if (view.code && f.code !== view.code) return false;
  const q = compact(view.query);
  if (q) {
    if (/^\d+$/.test(q)) {
      const row = Number(q);
      if (f.row !== row && !(f.row === undefined && f.rows?.includes(row))) return false;
    } else if (!compact(f.enterprise ?? "").includes(q)) return false;
  }
  return true;
}

// One collator: localeCompare builds one per call, too slow for thousands of findings per keystroke.
const collator = new Intl.Collator("zh-CN");
const byText = (a: string | undefined, b: string | undefined) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : collator.compare(a, b));

/** The shown findings in the chosen order; ties keep the report's order (stable sort). */
export function viewFindings(findings: readonly Finding[], view: FindingView): Finding[] {
  const shown = listedFindings(findings).filter((f) => matches(f, view));
  const row = (a: Finding, b: Finding) => firstRow(a) - firstRow(b);
  switch (view.sort) {
    case "row":
      return shown.sort(row);
    case "district":
      return shown.sort((a, b) => byText(a.district, b.district) || row(a, b));
    case "enterprise":
      return shown.sort((a, b) => byText(a.enterprise, b.enterprise) || row(a, b));
    case "severity":
    case "code":
      return shown.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || row(a, b));
  }
}

export interface Option {
  value: string;
  count: number;
}

/** The districts findings name, by name, with how many findings each has; NO_DISTRICT last when some name none. */
export function districtOptions(findings: readonly Finding[]): Option[] {
  const counts = new Map<string, number>();
  for (const f of listedFindings(findings)) counts.set(f.district ?? NO_DISTRICT, (counts.get(f.district ?? NO_DISTRICT) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => Number(a.value === NO_DISTRICT) - Number(b.value === NO_DISTRICT) || byText(a.value, b.value));
}

/** The codes of the findings, worst severity first, with how many each has. */
export function codeOptions(findings: readonly Finding[]): Option[] {
  const counts = new Map<string, { count: number; worst: number; first: number }>();
  for (const f of listedFindings(findings)) {
    const c = counts.get(f.code) ?? { count: 0, worst: 2, first: firstRow(f) };
    c.count++;
    c.worst = Math.min(c.worst, SEVERITY_ORDER[f.severity]);
    counts.set(f.code, c);
  }
  return [...counts]
    .sort((a, b) => a[1].worst - b[1].worst || a[1].first - b[1].first || a[0].localeCompare(b[0]))
    .map(([value, c]) => ({ value, count: c.count }));
}

/** How many findings of each severity the other filters (district, code, enterprise or row) leave: the severity choices' counts. */
export function severityCounts(findings: readonly Finding[], view: FindingView): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of listedFindings(findings)) if (matches(f, { ...view, severity: "all" })) out[f.severity]++;
  return out;
}

/** Whether any filter narrows the list (the order alone does not). */
export function filtered(view: FindingView): boolean {
  return view.severity !== "all" || view.district !== "" || view.code !== "" || view.query.trim() !== "";
}
