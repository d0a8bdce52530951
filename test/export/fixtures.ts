/** Small hand-made lists and reports for the export tests: the engine is not needed to plan or draw a table. */
import { columnLetter, gridFromValues, type Grid } from "../../src/domain/cells";
import { getProgramme } from "../../src/domain/catalogue";
import { ownershipWord } from "../../src/domain/ownership";
import { Report, type Finding, type PriorityMatch } from "../../src/domain/report";

type Value = string | number | boolean | null | undefined;

export interface ListSpec {
  programme: string;
  city?: string;
  /** Rows above the header (title, 填报单位 line). */
  above?: Value[][];
  /** Header labels and the field each maps to (null: a column the check did not map). */
  header: [label: string, field: string | null][];
  rows: Value[][];
  findings?: Partial<Finding>[];
  priority?: Omit<PriorityMatch, "applicant">[];
  skipped?: { row: number; reason: "empty" | "total" | "note" }[];
}

/** A grid and a report as the check would give them (rows numbered as Excel shows them). */
export function makeList(spec: ListSpec): { grid: Grid; report: Report; headerRow: number } {
  const above = spec.above ?? [];
  const grid = gridFromValues([...above, spec.header.map(([l]) => l), ...spec.rows]);
  const headerRow = above.length + 1;
  const findings: Finding[] = (spec.findings ?? []).map((f) => ({
    code: "required-missing",
    severity: "error",
    message: "测试用问题",
    messageEn: "test finding",
    ...f,
  })) as Finding[];
  // Exempt rows as the check finds them: the programme's words, read by the domain's matcher.
  const quota = getProgramme(spec.programme)?.quota;
  const ownershipAt = spec.header.findIndex(([, field]) => field === quota?.ownershipField);
  const exemptRows = quota && ownershipAt >= 0 ? spec.rows.flatMap((r, i) => (ownershipWord(typeof r[ownershipAt] === "string" ? (r[ownershipAt] as string) : null, quota.exemptOwnership) ? [headerRow + 1 + i] : [])) : [];
  const report = Report.parse({
    programme: spec.programme,
    programmeTitle: spec.programme,
    city: spec.city ?? "南京",
    asOf: "2023-02-28",
    sheet: "Sheet1",
    headerRows: [headerRow],
    columns: spec.header.map(([header, field], i) => ({ field: field ?? null, column: columnLetter(i + 1), header, confidence: field ? 1 : 0, why: field ? "header" : "none", samples: [] })),
    mappingKey: "",
    mappingUncertain: false,
    counts: {
      rowsRead: spec.rows.length,
      rowsChecked: spec.rows.length - (spec.skipped?.length ?? 0),
      rowsSkipped: spec.skipped?.length ?? 0,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
      priority: spec.priority?.length ?? 0,
      byCode: {},
    },
    skipped: spec.skipped ?? [],
    quotas: quota ? [{ id: `${spec.programme}-quota`, label: quota.label, labelEn: quota.labelEn, counted: spec.rows.length - exemptRows.length, exempt: exemptRows.length, exemptRows, quota: quota.value, excess: 0 }] : [],
    ranks: null,
    priority: (spec.priority ?? []).map((p) => ({ applicant: "", ...p })),
    notes: [],
    findings,
  });
  return { grid, report, headerRow };
}
