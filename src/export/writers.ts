/**
 * The .xlsx writers the session is given (src/workbook/session.ts: Writers). Loaded on first use,
 * so the pane starts without exceljs.
 */
import type { Writers } from "../workbook/session";

export const writers: Writers = {
  summaryWorkbook: async (plan) => (await import("./xlsx")).buildExportWorkbook(plan),
  returnListWorkbook: async (plan) => (await import("./return-list")).returnListWorkbook(plan),
  templateWorkbook: async (plan) => (await import("./district-template")).buildTemplateWorkbook(plan),
  markedListWorkbook: async (copy) => (await import("./marked-copy")).markedListWorkbook(copy),
};
