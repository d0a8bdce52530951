/** Check and plan, the same for every caller: the options of a check built in one place, the domain run on them. */
import type { Grid } from "../domain/cells";
import { check, type CheckOptions, type ReferenceLists } from "../domain/check";
import type { ColumnChoice } from "../domain/columns";
import { planExport, type ExportOptions, type ExportPlan } from "../domain/export/plan";
import type { Programme } from "../domain/programme";
import type { Finding, Report } from "../domain/report";

/** Everything a check takes apart from the grid. */
export interface CheckStep {
  programme: Programme;
  city: string;
  /** ISO date; absent or "" = the programme's. */
  asOf?: string;
  /** null or absent = the notice's quota (or none). */
  quota?: number | null;
  /** Sheet rows that take the quota's places first. */
  keep?: readonly number[];
  /** Setting values by id; asOf and quota win over them. */
  settings?: Record<string, unknown>;
  columnChoices?: readonly ColumnChoice[];
  references?: ReferenceLists;
  /** What reading the list (and its references) found, listed with the rule findings. */
  readFindings?: readonly Finding[];
}

/** The domain's options for a step: nothing set that the step leaves open. */
export function checkOptions(step: CheckStep): CheckOptions {
  const options: CheckOptions = { programme: step.programme, city: step.city };
  if (step.asOf) options.asOf = step.asOf;
  if (step.quota !== undefined && step.quota !== null) options.quota = step.quota;
  if (step.keep !== undefined) options.keep = step.keep;
  if (step.references) options.references = step.references;
  if (step.readFindings && step.readFindings.length > 0) options.readFindings = step.readFindings;
  if (step.settings && Object.keys(step.settings).length > 0) options.settings = step.settings;
  if (step.columnChoices && step.columnChoices.length > 0) options.columnChoices = step.columnChoices;
  return options;
}

export function checkGrid(grid: Grid, step: CheckStep): Report {
  return check(grid, checkOptions(step));
}

/** The summary table's plan from a checked list: what the preview shows and the writer writes. */
export function planSummary(grid: Grid, report: Report, programme: Programme, options: ExportOptions = {}): ExportPlan {
  return planExport(grid, report, programme, options);
}
