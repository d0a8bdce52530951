/** The .xlsx the application writes; each writer (exceljs) loads only when something is written. */
import type { Grid } from "../domain/cells";
import type { ExportPlan } from "../domain/export/plan";

/** A merged list (or any grids) as the sheets of a new workbook. */
export async function writeListWorkbook(grids: readonly Grid[]): Promise<Uint8Array> {
  const { gridsToXlsx } = await import("../workbook/xlsx-write");
  return gridsToXlsx([...grids]);
}

/** The province's summary table in the programme's default layout. */
export async function writeSummary(plan: ExportPlan): Promise<Uint8Array> {
  const { buildExportWorkbook } = await import("../export/xlsx");
  return buildExportWorkbook(plan);
}
