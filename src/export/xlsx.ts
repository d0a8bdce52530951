/**
 * Draws an ExportPlan as a print-ready worksheet with exceljs: A4 landscape, one page wide, title
 * and header rows repeated on every page, thin borders, 宋体 body / 黑体 title / 仿宋 lines as
 * government forms use, a 推荐单位（盖章）… 年 月 日 line at the bottom. Browser-safe (no Node
 * imports): the task pane builds the same bytes for Excel.createWorkbook(base64) or a download.
 *
 * Safety: every text value is written as a string cell with the 文本 format "@" — never as a
 * formula, whatever it starts with — so USCCs and phone numbers keep every digit.
 */
import ExcelJS from "exceljs";
import { safeSheetName, uniqueSheetName, type ExportPlan } from "../domain/export/plan";
import { sheetSpec, type SheetSpec } from "../domain/export/sheet-spec";
import { toBase64 } from "../workbook/base64";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function newSheetName(wb: ExcelJS.Workbook, wanted: string): string {
  return uniqueSheetName(safeSheetName(wanted), wb.worksheets.map((w) => w.name));
}

/** Draws a SheetSpec on a new worksheet of `wb`. */
export function drawSheet(wb: ExcelJS.Workbook, spec: SheetSpec, sheetName: string = spec.name): ExcelJS.Worksheet {
  const p = spec.page;
  const ws = wb.addWorksheet(newSheetName(wb, sheetName), {
    pageSetup: {
      // Excel's paper codes: 9 = A4, 8 = A3 (exceljs writes the number as given; its enum lacks A3).
      paperSize: (p.paperSize === "A3" ? 8 : 9) as ExcelJS.PaperSize,
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      horizontalCentered: p.horizontalCentered,
      margins: p.margins,
    },
    headerFooter: { oddFooter: p.footer },
    views: [{ state: "frozen", ySplit: spec.freezeRows }],
  });
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const { row, height } of spec.rowHeights) ws.getRow(row).height = height;
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row, c.column);
    // A string value is a string cell in exceljs, even "=1+1": no formula is ever created from data.
    cell.value = c.value;
    cell.numFmt = c.numberFormat;
    cell.font = { name: c.font.name, size: c.font.size, ...(c.font.bold ? { bold: true } : {}) };
    cell.alignment = { horizontal: c.horizontal, vertical: "middle", wrapText: c.wrap };
    if (c.border) cell.border = THIN;
  }
  // Merge after writing: a value written to a merged cell's follower would land in its leader.
  for (const m of spec.merges) ws.mergeCells(m);
  // exceljs prefixes each end with "$" only; the row "$"s make the defined name fully absolute ($A$1:$N$30).
  const [from, to] = p.printArea.split(":");
  ws.pageSetup.printArea = `${from.replace(/(\d+)$/, "$$$1")}:${to.replace(/(\d+)$/, "$$$1")}`;
  ws.pageSetup.printTitlesRow = `${p.printTitleRows.first}:${p.printTitleRows.last}`;
  return ws;
}

/** Adds the summary as a new worksheet of `wb` (the workbook's other sheets are untouched). */
export function addExportSheet(wb: ExcelJS.Workbook, plan: ExportPlan, sheetName: string = plan.sheetName): { worksheet: ExcelJS.Worksheet; spec: SheetSpec } {
  const spec = sheetSpec(plan);
  return { worksheet: drawSheet(wb, spec, sheetName), spec };
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "推荐汇总助手";
  return wb;
}

/** Serialises a workbook to .xlsx bytes (exceljs gives a Buffer in Node and an ArrayBuffer in browsers). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

/** A new workbook holding only the summary sheet, as .xlsx bytes (the CLI's -o, a download). */
export async function buildExportWorkbook(plan: ExportPlan): Promise<Uint8Array> {
  const wb = newWorkbook();
  addExportSheet(wb, plan);
  if (plan.cities) addCitySheet(wb, plan);
  return workbookBytes(wb);
}

/** Province mode: 各市汇总 — each city's rows listed and exported, and its quota standing. */
export function addCitySheet(wb: ExcelJS.Workbook, plan: ExportPlan): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(newSheetName(wb, "各市汇总"), { views: [{ state: "frozen", ySplit: 2 }], pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const head = ["市", "报送项目数", "列入汇总表", "计入名额", "不占名额", "名额", "超出名额"];
  ws.addRow([`${plan.title}（各市汇总）`]).font = { name: "黑体", size: 14 };
  ws.mergeCells(1, 1, 1, head.length);
  const header = ws.addRow(head);
  const cities = plan.cities ?? [];
  for (const c of cities) ws.addRow([c.city, c.listed, c.exported, c.counted ?? "—", c.exempt ?? "—", c.quota ?? (c.counted === null ? "—" : "未设置"), c.excess ?? "—"]);
  const sum = (k: "listed" | "exported") => cities.reduce((n, c) => n + c[k], 0);
  const total = ws.addRow(["合计", sum("listed"), sum("exported")]);
  total.font = { name: "宋体", size: 11, bold: true };
  header.font = { name: "宋体", size: 11, bold: true };
  ws.getColumn(1).width = 14;
  for (let c = 2; c <= head.length; c++) ws.getColumn(c).width = 12;
  for (let r = 2; r <= ws.rowCount; r++) {
    for (let c = 1; c <= head.length; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.alignment = { horizontal: "center", vertical: "middle" };
      if (c === 1) cell.numFmt = "@";
    }
  }
  return ws;
}

export { toBase64 };

/** The summary workbook as base64, what Excel.createWorkbook expects (ExcelApi 1.8). */
export async function buildExportWorkbookBase64(plan: ExportPlan): Promise<string> {
  return toBase64(await buildExportWorkbook(plan));
}
