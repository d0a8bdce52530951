/**
 * One verdict per row, everywhere: the sheet marks, the findings list, the CLI report and the export
 * all read it from here. A finding judges its own row (`row`); the other rows it names (`rows`: the
 * twin that is kept, the rest of a group) are context, never judged by it. A rule that finds several
 * rows at fault gives each its own finding.
 */
import type { Finding, Report } from "./report";

export type RowVerdict = "error" | "warning" | "ok";

/** The Excel row a finding judges, or undefined for a finding about the list as a whole. */
export function judgedRow(f: Finding): number | undefined {
  return f.row;
}

/** Rows a finding names without judging them. */
export function contextRows(f: Finding): number[] {
  return (f.rows ?? []).filter((r) => r !== f.row);
}

/** Verdict of every row some finding judges with an error or a warning; every other data row is "ok". */
export function rowVerdicts(report: Pick<Report, "findings">): Map<number, RowVerdict> {
  const out = new Map<number, RowVerdict>();
  for (const f of report.findings) {
    const row = judgedRow(f);
    if (row === undefined) continue;
    if (f.severity === "error") out.set(row, "error");
    else if (f.severity === "warning" && out.get(row) !== "error") out.set(row, "warning");
  }
  return out;
}

/** Rows an error judges: what the export leaves out unless asked to include them. */
export function errorRows(report: Pick<Report, "findings">): Set<number> {
  const out = new Set<number>();
  for (const [row, v] of rowVerdicts(report)) if (v === "error") out.add(row);
  return out;
}
