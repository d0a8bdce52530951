/**
 * Draws a TemplatePlan with exceljs: the 推荐名单 sheet (title, 填报单位 line, header, prepared rows
 * with dropdowns, formats and input messages; header frozen and protected without a password, data
 * cells unlocked) and the 填报说明 sheet. Browser-safe: the task pane builds the same bytes.
 */
import type ExcelJS from "exceljs";
import { columnLetter } from "../domain/cells";
import { lineCount } from "../domain/export/sheet-spec";
import { exampleText, inlineList, truncate, type TemplateColumn, type TemplatePlan, type TemplateRule } from "../domain/template/plan";
import { newWorkbook, workbookBytes } from "./xlsx";

const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
const FONTS = {
  title: { name: "黑体", size: 16 },
  line: { name: "仿宋", size: 12 },
  header: { name: "黑体", size: 11 },
  body: { name: "宋体", size: 11 },
  heading: { name: "黑体", size: 12 },
} as const;
const REQUIRED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };
const OPTIONAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };

/** Excel's limit on a validation's error message. */
const ERROR_MAX = 225;

const NUMBER_FORMATS: Record<TemplateColumn["format"], string> = { text: "@", date: "yyyy-mm-dd", amount: "#,##0.00", integer: "0" };

/** Where a dropdown's values come from: inline when Excel allows, else a very hidden 选项 sheet. */
function listSource(wb: ExcelJS.Workbook, values: string[]): string {
  const inline = inlineList(values);
  if (inline) return inline;
  let sheet = wb.getWorksheet("选项");
  if (!sheet) sheet = wb.addWorksheet("选项", { state: "veryHidden" });
  const col = sheet.columnCount + 1;
  values.forEach((v, i) => {
    const cell = sheet!.getCell(i + 1, col);
    cell.value = v;
    cell.numFmt = "@";
  });
  const letter = columnLetter(col);
  return `'选项'!$${letter}$1:$${letter}$${values.length}`;
}

function validation(wb: ExcelJS.Workbook, rule: TemplateRule, c: TemplateColumn): ExcelJS.DataValidation {
  const prompt = { showInputMessage: true, promptTitle: c.prompt.title, prompt: c.prompt.text };
  switch (rule.type) {
    case "list":
      return {
        type: "list",
        allowBlank: true,
        formulae: [listSource(wb, rule.values)],
        ...prompt,
        showErrorMessage: rule.strict,
        errorStyle: "stop",
        errorTitle: c.prompt.title,
        error: truncate(`请从下拉列表中选择：${rule.values.join("、")}`, ERROR_MAX),
      };
    case "textLength":
      return { type: "textLength", operator: "equal", allowBlank: true, formulae: [rule.length], ...prompt, showErrorMessage: true, errorStyle: "stop", errorTitle: c.prompt.title, error: `应为${rule.length}位` };
    case "date":
      return {
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: [new Date(Date.UTC(1949, 9, 1)), new Date(Date.UTC(2099, 11, 31))],
        ...prompt,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: c.prompt.title,
        error: "请填写日期，如 2020-05-18",
      };
    case "decimal":
      return { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [rule.min], ...prompt, showErrorMessage: true, errorStyle: "stop", errorTitle: c.prompt.title, error: "请只填数字（单位万元）" };
    case "whole":
      return { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [rule.min], ...prompt, showErrorMessage: true, errorStyle: "stop", errorTitle: c.prompt.title, error: `请填写不小于${rule.min}的整数` };
  }
}

/** Input message only: a validation that accepts anything. */
function promptOnly(c: TemplateColumn): ExcelJS.DataValidation {
  // exceljs writes type "any" as a validation without a type: Excel's "any value" with a message.
  return { type: "any", allowBlank: true, formulae: [], showInputMessage: true, promptTitle: c.prompt.title, prompt: c.prompt.text } as unknown as ExcelJS.DataValidation;
}

function drawList(wb: ExcelJS.Workbook, plan: TemplatePlan): ExcelJS.Worksheet {
  const n = plan.columns.length;
  const ws = wb.addWorksheet(plan.sheetName, {
    views: [{ state: "frozen", ySplit: plan.headerRow, topLeftCell: `A${plan.firstDataRow}`, activeCell: `A${plan.firstDataRow}` }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  const lastData = plan.firstDataRow + plan.preparedRows - 1;
  plan.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
  });
  const last = columnLetter(n);

  const title = ws.getCell(plan.titleRow, 1);
  title.value = plan.title;
  title.font = FONTS.title;
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(plan.titleRow).height = 32;
  const unit = ws.getCell(plan.unitRow, 1);
  unit.value = plan.unitLine;
  unit.font = FONTS.line;
  unit.alignment = { horizontal: "left", vertical: "middle" };
  ws.getRow(plan.unitRow).height = 24;

  let headerLines = 1;
  plan.columns.forEach((c, i) => {
    const cell = ws.getCell(plan.headerRow, i + 1);
    cell.value = c.header;
    cell.numFmt = "@";
    cell.font = FONTS.header;
    cell.fill = c.required ? REQUIRED_FILL : OPTIONAL_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
    cell.protection = { locked: true };
    headerLines = Math.max(headerLines, lineCount(c.header, c.width));
  });
  ws.getRow(plan.headerRow).height = Math.max(30, headerLines * 15 + 8);

  // Each prepared cell carries its format and is unlocked; bordered rows make the form to print. The
  // whole row is unlocked too: Excel deletes a row on a protected sheet only when none of its cells is locked.
  for (let r = plan.firstDataRow; r <= lastData; r++) {
    const row = ws.getRow(r);
    row.protection = { locked: false };
    plan.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.numFmt = NUMBER_FORMATS[c.format];
      cell.protection = { locked: false };
      cell.font = FONTS.body;
      cell.alignment = { vertical: "middle", wrapText: c.format === "text" && c.kind !== "uscc" };
      if (r < plan.firstDataRow + plan.borderedRows) cell.border = THIN;
    });
  }
  // One validation per column over the prepared rows, keyed by range (exceljs's typings omit the collection).
  const validations = (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations;
  plan.columns.forEach((c, i) => {
    const dv = c.rule ? validation(wb, c.rule, c) : promptOnly(c);
    const letter = columnLetter(i + 1);
    validations.add(`${letter}${plan.firstDataRow}:${letter}${lastData}`, dv);
  });

  ws.mergeCells(`A${plan.titleRow}:${last}${plan.titleRow}`);
  ws.mergeCells(`A${plan.unitRow}:${last}${plan.unitRow}`);
  ws.pageSetup.printTitlesRow = `${plan.headerRow}:${plan.headerRow}`;
  return ws;
}

function drawInstructions(wb: ExcelJS.Workbook, plan: TemplatePlan): ExcelJS.Worksheet {
  const ins = plan.instructions;
  const ws = wb.addWorksheet(ins.sheetName, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  const widths = [26, 34, 60];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const total = widths.reduce((a, b) => a + b, 0);
  let r = 1;
  const line = (text: string, font: Partial<ExcelJS.Font> = FONTS.body, height?: number) => {
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.numFmt = "@";
    cell.font = font;
    cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
    ws.mergeCells(`A${r}:C${r}`);
    ws.getRow(r).height = height ?? Math.max(18, lineCount(text, total) * 15 + 4);
    r++;
  };
  const heading = (text: string) => {
    r++;
    line(text, FONTS.heading, 22);
  };
  line(ins.title, FONTS.title, 30);
  heading("一、报送时间");
  ins.deadlines.forEach((d) => line(d));
  heading("二、怎样填写");
  ins.howToFill.forEach((t, i) => line(`${i + 1}. ${t}`));
  heading("三、申报条件（摘自通知，括号内为条款）");
  ins.conditions.forEach((c, i) => line(`${i + 1}. ${c.text}（${c.clause}）`));
  heading("四、不符合条件的行会怎样");
  ins.failing.forEach((t) => line(t));
  heading("五、各列填写示例（仅为示例，不要抄入名单）");
  // One line per column, so the example never reads as a list row.
  const head = ["列名", "示例", "填写要求"];
  head.forEach((h, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = h;
    cell.font = FONTS.header;
    cell.fill = OPTIONAL_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });
  ws.getRow(r).height = 20;
  r++;
  for (const c of plan.columns) {
    const values = [c.required ? `${c.header}（必填）` : c.header, exampleText(c.example), c.prompt.text];
    values.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      cell.numFmt = "@";
      cell.font = FONTS.body;
      cell.border = THIN;
      cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
    });
    ws.getRow(r).height = Math.max(20, Math.max(...values.map((v, i) => lineCount(v, widths[i]!))) * 15 + 4);
    r++;
  }
  return ws;
}

/** The template as a workbook: 推荐名单 first (what every reader takes by default), then 填报说明. */
export async function buildTemplateWorkbook(plan: TemplatePlan): Promise<Uint8Array> {
  const wb = newWorkbook();
  const list = drawList(wb, plan);
  drawInstructions(wb, plan);
  // No password: the header is guarded against slips, and anyone may lift the protection.
  await list.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
  const instructions = wb.getWorksheet(plan.instructions.sheetName)!;
  await instructions.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return workbookBytes(wb);
}

