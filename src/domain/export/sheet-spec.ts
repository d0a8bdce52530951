/**
 * The printed form, cell by cell: what an ExportPlan looks like on a worksheet — values, number
 * formats, fonts, borders, merges, widths, heights and the page setup. Pure data, so the .xlsx
 * writer (exceljs, src/export/xlsx.ts) and the task pane's new-sheet writer (Office.js) draw the
 * same form from one description.
 *
 * Government-form conventions: 附件 label top left in 黑体; title in 黑体 large, merged across the
 * table; the 推荐单位（盖章）line in 仿宋; header in 黑体; body in 宋体; thin borders around the
 * table; a 填表人/审核人 line and a 推荐单位（盖章）… 年 月 日 block at the bottom; landscape, one
 * page wide, title and header repeated on every page, page numbers in the footer. The paper is A4
 * while the body text, shrunk to fit the width, stays at 9 pt or more, else A3 (or as the user chose).
 */
import { columnLetter } from "../cells";
import { CELL_PADDING, CJK_FACTOR, displayWidth, planValueText, type ExportPlan, type PlanValue } from "./plan";

export type Paper = "A4" | "A3";
/** Smallest body text, in points, a reviewer reads comfortably on paper. */
export const MIN_PRINTED_PT = 9;
/** Landscape paper widths in points. */
const PAPER_WIDTH_PT: Record<Paper, number> = { A4: 841.9, A3: 1190.6 };
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** Points a column of `width` Excel character units takes (default font: 7-pixel digits, 5 pixels padding). */
export function columnPoints(width: number): number {
  return Math.trunc(width * 7 + 5) * 0.75;
}

/** How much fitting the table to one page wide shrinks it on `paper` (1 = not at all). */
export function fitScale(columnWidths: readonly number[], paper: Paper): number {
  const table = columnWidths.reduce((s, w) => s + columnPoints(w), 0);
  const printable = PAPER_WIDTH_PT[paper] - (MARGINS.left + MARGINS.right) * 72;
  return Math.min(1, printable / table);
}

/** A4 while the body text stays at MIN_PRINTED_PT or more once shrunk to the page width, else A3. */
export function choosePaper(columnWidths: readonly number[], bodyPt: number, wanted: ExportPlan["paper"] = "auto"): Paper {
  if (wanted === "A4" || wanted === "A3") return wanted;
  return bodyPt * fitScale(columnWidths, "A4") >= MIN_PRINTED_PT - 1e-9 ? "A4" : "A3";
}

/** Punctuation that may not begin a line (a lone "）") or end one (a dangling "（"). */
const NO_LINE_START = /^[）)」』”’、，,。.；;：:！!？?%％》〉]$/u;
const NO_LINE_END = /^[（(「『“‘《〈]$/u;

/** Greedy wrap of `text` into lines of at most `limit` display units, keeping punctuation with its word. */
function wrapBalanced(text: string, limit: number): string[] {
  const chars = [...text];
  const lines: string[][] = [[]];
  let used = 0;
  for (const ch of chars) {
    const w = displayWidth(ch);
    const line = lines[lines.length - 1];
    if (used + w > limit && line.length > 0 && !NO_LINE_START.test(ch) && !line.every((c) => NO_LINE_END.test(c))) {
      const next: string[] = [];
      // An opening bracket at the end of a line moves down with what it opens.
      while (line.length > 1 && NO_LINE_END.test(line[line.length - 1])) next.unshift(line.pop() as string);
      lines.push(next);
      used = next.reduce((s, c) => s + displayWidth(c), 0);
    }
    lines[lines.length - 1].push(ch);
    used += w;
  }
  return lines.map((l) => l.join("")).filter((l) => l !== "");
}

/**
 * A header as printed in a column of `width` units: one line when it fits; else the unit or
 * qualifier in brackets at the end ("（万元）") on its own line and the rest wrapped into lines of
 * even length. No line is only punctuation.
 */
export function headerLines(header: string, width: number): string[] {
  const usable = Math.max(2, Math.floor((width - CELL_PADDING) / CJK_FACTOR));
  if (displayWidth(header) <= usable) return [header];
  const m = /^(.+?)([（(][^（）()]+[）)])$/u.exec(header);
  const main = m ? m[1] : header;
  const unit = m ? [m[2]] : [];
  const total = displayWidth(main);
  const count = Math.max(1, Math.ceil(total / usable));
  // Even lines: "统一社会\n信用代码" rather than "统一社会信用\n代码".
  const target = Math.min(usable, Math.max(2, Math.ceil(total / count / 2) * 2));
  return [...wrapBalanced(main, target), ...unit.flatMap((u) => (displayWidth(u) <= usable ? [u] : wrapBalanced(u, usable)))];
}

export interface SheetFont {
  name: string;
  size: number;
  bold?: boolean;
}

export const FORM_FONTS = {
  attachment: { name: "黑体", size: 12 },
  title: { name: "黑体", size: 18 },
  line: { name: "仿宋", size: 12 },
  header: { name: "黑体", size: 11 },
  section: { name: "黑体", size: 11 },
  body: { name: "宋体", size: 11 },
  note: { name: "仿宋", size: 11 },
} as const satisfies Record<string, SheetFont>;

export interface SpecCell {
  /** 1-based. */
  row: number;
  column: number;
  /** A string is always text (never a formula, never converted to a number); numbers are numbers. */
  value: string | number | null;
  /** "@" (文本) for text; "#,##0.00" for amounts; "0" for whole numbers. */
  numberFormat: string;
  font: SheetFont;
  horizontal: "left" | "center" | "right";
  wrap: boolean;
  /** Thin border on all four sides. */
  border: boolean;
}

export interface SheetSpec {
  name: string;
  /** Excel character units, column A first. */
  columnWidths: number[];
  /** Row heights in points, by 1-based row. */
  rowHeights: { row: number; height: number }[];
  cells: SpecCell[];
  /** "A2:N2" */
  merges: string[];
  page: {
    paperSize: Paper;
    /** Body text size once the table is shrunk to one page wide (points). */
    printedBodyPt: number;
    orientation: "landscape";
    fitToWidth: 1;
    /** 0: as many pages tall as needed. */
    fitToHeight: 0;
    /** Rows repeated at the top of every page: title, unit line and header. */
    printTitleRows: { first: number; last: number };
    /** "A1:N30" */
    printArea: string;
    /** Inches. */
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
    horizontalCentered: true;
    /** Excel header/footer code: page x of y. */
    footer: string;
  };
  /** Rows frozen at the top on screen (through the header). */
  freezeRows: number;
  /** Where the form's parts are (1-based rows). */
  parts: { attachmentRow: number; titleRow: number; unitRow: number; headerRow: number; firstDataRow: number; lastTableRow: number; signatureRow: number; lastColumn: number };
}

const LINE_HEIGHT = 14.5;

/** Lines a text takes when wrapped in a column of `width` character units. */
export function lineCount(text: string, width: number): number {
  if (!text) return 1;
  const usable = Math.max(1, width - CELL_PADDING);
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil((displayWidth(part) * CJK_FACTOR) / usable)), 0);
}

function valueOf(v: PlanValue): { value: string | number | null; numberFormat: string } {
  if (v.kind === "number") return { value: v.value, numberFormat: v.format === "amount" ? "#,##0.00" : "0" };
  return { value: v.kind === "text" ? v.text : null, numberFormat: "@" };
}

export function sheetSpec(plan: ExportPlan): SheetSpec {
  const n = plan.columns.length;
  const cells: SpecCell[] = [];
  const merges: string[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const span = (row: number, from = 1, to = n) => {
    if (to > from) merges.push(`${columnLetter(from)}${row}:${columnLetter(to)}${row}`);
  };
  const put = (c: Omit<SpecCell, "wrap" | "border" | "numberFormat"> & Partial<Pick<SpecCell, "wrap" | "border" | "numberFormat">>) =>
    cells.push({ wrap: false, border: false, numberFormat: typeof c.value === "number" ? "0" : "@", ...c });
  const tableWidth = plan.columns.reduce((s, c) => s + c.width, 0);

  if (plan.attachment) put({ row: 1, column: 1, value: plan.attachment, font: FORM_FONTS.attachment, horizontal: "left" });
  rowHeights.push({ row: 1, height: plan.attachment ? 20 : 8 });
  put({ row: 2, column: 1, value: plan.title, font: FORM_FONTS.title, horizontal: "center", wrap: true });
  span(2);
  // The title font is about 1.6 times the body's: fewer characters per line.
  rowHeights.push({ row: 2, height: Math.max(36, lineCount(plan.title, tableWidth / 1.6) * 26) });
  put({ row: 3, column: 1, value: plan.unitLine, font: FORM_FONTS.line, horizontal: "left" });
  span(3);
  rowHeights.push({ row: 3, height: 24 });

  const headerRow = 4;
  let headerLineCount = 1;
  plan.columns.forEach((c, i) => {
    const lines = headerLines(c.header, c.width);
    put({ row: headerRow, column: i + 1, value: lines.join("\n"), font: FORM_FONTS.header, horizontal: "center", wrap: true, border: true });
    headerLineCount = Math.max(headerLineCount, lines.length);
  });
  rowHeights.push({ row: headerRow, height: Math.max(30, headerLineCount * 15 + 8) });

  let r = headerRow + 1;
  for (const row of plan.rows) {
    if (row.kind === "section") {
      put({ row: r, column: 1, value: row.label, font: FORM_FONTS.section, horizontal: "left", border: true });
      for (let c = 2; c <= n; c++) put({ row: r, column: c, value: null, font: FORM_FONTS.section, horizontal: "left", border: true });
      span(r);
      rowHeights.push({ row: r, height: 22 });
    } else {
      let lines = 1;
      row.values.forEach((v, i) => {
        const col = plan.columns[i];
        put({ row: r, column: i + 1, ...valueOf(v), font: FORM_FONTS.body, horizontal: col.align, wrap: true, border: true });
        lines = Math.max(lines, lineCount(planValueText(v), col.width));
      });
      rowHeights.push({ row: r, height: Math.max(20, lines * LINE_HEIGHT + 5) });
    }
    r++;
  }
  const lastTableRow = r - 1;

  for (const note of plan.notes) {
    put({ row: r, column: 1, value: note, font: FORM_FONTS.note, horizontal: "left", wrap: true });
    span(r);
    rowHeights.push({ row: r, height: Math.max(20, lineCount(note, tableWidth) * 16 + 4) });
    r++;
  }
  r++; // a blank row before signing
  const signatureRow = r;
  const split = Math.max(2, Math.ceil(n / 2));
  put({ row: r, column: 1, value: plan.signature.left, font: FORM_FONTS.line, horizontal: "left" });
  span(r, 1, split);
  put({ row: r, column: split + 1, value: plan.signature.right, font: FORM_FONTS.line, horizontal: "center" });
  span(r, split + 1, n);
  put({ row: r + 1, column: split + 1, value: plan.signature.date, font: FORM_FONTS.line, horizontal: "center" });
  span(r + 1, split + 1, n);
  rowHeights.push({ row: r, height: 28 }, { row: r + 1, height: 28 });
  const lastRow = r + 1;

  const columnWidths = plan.columns.map((c) => c.width);
  const paper = choosePaper(columnWidths, FORM_FONTS.body.size, plan.paper);
  return {
    name: plan.sheetName,
    columnWidths,
    rowHeights,
    cells,
    merges,
    page: {
      paperSize: paper,
      printedBodyPt: Math.round(FORM_FONTS.body.size * fitScale(columnWidths, paper) * 10) / 10,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: { first: 2, last: headerRow },
      printArea: `A1:${columnLetter(n)}${lastRow}`,
      margins: MARGINS,
      horizontalCentered: true,
      footer: "&C第 &P 页，共 &N 页",
    },
    freezeRows: headerRow,
    parts: { attachmentRow: 1, titleRow: 2, unitRow: 3, headerRow, firstDataRow: headerRow + 1, lastTableRow, signatureRow, lastColumn: n },
  };
}
