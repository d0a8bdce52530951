/** 退回修改清单 as .xlsx bytes: the overview and one print-ready sheet per district, drawn as the summary is. */
import { returnListSheets, type ReturnPlan } from "../domain/export/return-list";
import { drawSheet, newWorkbook, workbookBytes } from "./xlsx";

export async function returnListWorkbook(plan: ReturnPlan): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const spec of returnListSheets(plan)) drawSheet(wb, spec);
  return workbookBytes(wb);
}
