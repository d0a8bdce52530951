/** Small lists for engine tests: a title row, a header row, then data rows (Excel row 3 on). */
import { gridFromValues, type Grid } from "../../src/domain/cells";
import { check, type CheckOptions } from "../../src/domain/check";
import { Report, type Finding } from "../../src/domain/report";
import { organisationCodeCheckChar, usccCheckChar } from "../../src/domain/uscc";

/** A valid USCC for a 6-digit region and a sequence number (both checks computed). */
export function uscc(region: string, n: number, prefix = "91"): string {
  const body = String(10_000_000 + (n % 89_999_999)).slice(0, 8);
  const first17 = `${prefix}${region}${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export type Value = string | number | boolean | null;
export type RowSpec = Record<string, Value | undefined>;

/** Rows given by header label; labels not in `header` are an error in the test itself. */
export function listGrid(header: readonly string[], rows: readonly RowSpec[], title = "XX区2023年推荐汇总表"): Grid {
  for (const r of rows) for (const k of Object.keys(r)) if (!header.includes(k)) throw new Error(`row uses unknown header ${k}`);
  return gridFromValues([[title], [...header], ...rows.map((r) => header.map((h) => r[h] ?? null))]);
}

export function run(programmeId: string, grid: Grid, options: Partial<CheckOptions> = {}): Report {
  return Report.parse(check(grid, { programmeId, city: "南京", ...options }));
}

export function withCode(report: Report, code: string): Finding[] {
  return report.findings.filter((f) => f.code === code);
}

/** First data row of listGrid is Excel row 3. */
export const FIRST = 3;
