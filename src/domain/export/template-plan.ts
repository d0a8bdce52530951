/**
 * Filling the province's own blank form (模板) instead of our default layout: find the form's title
 * and header rows with the same header matcher the check uses (header.ts), map its columns to our
 * fields, and plan the rows that go below the header. Rows, order, sections and quota slots still
 * come from the programme's layout; only the columns are the form's. What the form asks for that we
 * cannot fill is reported, never silently left blank.
 */
import { columnLetter, columnNumber as columnNumberOf, type Cell, type Grid } from "../cells";
import { FIELDS } from "../fields";
import { findHeader } from "../header";
import type { Programme } from "../programme";
import type { Report } from "../report";
import { readAmount } from "../readers";
import { cleanText, headerUnit } from "../text";
import type { CellFormat, ColumnSource, LayoutColumn } from "./layout";
import { chineseDate, ExportError, planExport, recommendingUnit, type ExportOptions, type ExportPlan, type ExportWarning } from "./plan";

export interface TemplateColumn {
  /** Column letter in the form. */
  letter: string;
  header: string;
  /** Alignment to use where the form's own cell sets none: codes, dates, numbers and 是/否 centred, as on printed forms. */
  align: "center" | null;
  /**
   * Factor from our 万元 amounts to the form's unit (元 → 10000, 亿元 → 0.0001); 1 otherwise.
   * Applied by the writer to amount values of this column.
   */
  amountScale: number;
}

export interface UnfilledColumn {
  letter: string;
  header: string;
  reason: "unknown-header" | "not-in-list";
  message: string;
  messageEn: string;
}

export interface TemplateFill {
  /** Excel rows of the form's header (one or two). */
  headerRows: number[];
  /** Excel row of the form's title (the first text row above the header), if any. */
  titleRow: number | null;
  /** Excel row where the first planned row goes (just below the header). */
  firstDataRow: number;
  /**
   * Excel row of the first thing the form has below its blank rows (填报说明, a signature line):
   * rows are inserted above it when the list needs more rows than the form has. null: nothing below.
   */
  footerRow: number | null;
  /** Columns we fill, aligned with plan.columns and each plan row's values. */
  columns: TemplateColumn[];
  /** Lines above the header with blanks we fill (推荐单位（盖章）：…, 填报日期：  年 月 日): the cell's new text. */
  lineEdits: { row: number; letter: string; before: string; after: string }[];
  unfilled: UnfilledColumn[];
  plan: ExportPlan;
  warnings: ExportWarning[];
}

function labelOf(cell: Cell | undefined): string {
  return cell && cell.kind === "text" ? cleanText(String(cell.value)) : "";
}

function formatOfField(field: string): CellFormat {
  switch (FIELDS[field]?.kind) {
    case "uscc":
      return "uscc";
    case "date":
    case "dateOrOngoing":
      return "date";
    case "amount":
      return "amount";
    case "phone":
      return "phone";
    case "integer":
      return "integer";
    default:
      return "text";
  }
}

function sourceOfField(field: string): ColumnSource {
  if (field === "seq") return { kind: "seq" };
  if (field === "remarks") return { kind: "remarks", fields: ["remarks"] };
  if (field === "rank") return { kind: "rank", fields: ["rank"] };
  return { kind: "field", fields: [field], format: formatOfField(field) };
}

/**
 * Factor from our 万元 amounts to a form column's unit (元 → 10000, 亿元 → 0.0001), by the same unit
 * table the check reads amounts with: one 万元 is 1 / (what a bare 1 under that header reads as).
 */
function amountScale(unit: string | null): number {
  if (!unit) return 1;
  const one = readAmount({ kind: "number", value: 1 }, unit);
  return one.status === "ok" && one.value > 0 ? 1 / one.value : 1;
}

/** Labels of a form's line above the header, longest first, and which value fills each. */
const LINE_LABELS: [string, "unit" | "contact" | "phone" | "date"][] = [
  ["推荐单位（盖章）", "unit"], ["填报单位（盖章）", "unit"], ["报送单位（盖章）", "unit"],
  ["推荐单位(盖章)", "unit"], ["填报单位(盖章)", "unit"], ["报送单位(盖章)", "unit"],
  ["推荐单位", "unit"], ["填报单位", "unit"], ["报送单位", "unit"],
  ["联系电话", "phone"], ["联系人", "contact"], ["电话", "phone"],
  ["填报日期", "date"], ["报送日期", "date"],
];
const LABEL_RE = new RegExp(`(${LINE_LABELS.map(([l]) => l.replace(/[()]/g, (c) => `\\${c}`)).join("|")})[:：]`, "gu");

/**
 * Fills the blanks of a form's line above the header: "推荐单位（盖章）：        填报日期：   年  月  日"
 * → "推荐单位（盖章）：南京市工业和信息化局　　填报日期：2023年3月2日". Only blanks are filled (spaces,
 * underscores, an empty 年 月 日); what the form already says is kept.
 */
export function fillBlanks(text: string, values: { unit?: string; contact?: string; phone?: string; date?: string }): string {
  const hits = [...text.matchAll(LABEL_RE)];
  if (hits.length === 0) return text;
  let out = text.slice(0, hits[0].index);
  hits.forEach((m, i) => {
    const label = m[1];
    const contentStart = (m.index ?? 0) + m[0].length;
    const contentEnd = i + 1 < hits.length ? (hits[i + 1].index ?? text.length) : text.length;
    const content = text.slice(contentStart, contentEnd);
    const key = LINE_LABELS.find(([l]) => l === label)?.[1];
    const value = key ? values[key] : undefined;
    const blank = /^[\s\u3000_＿]*$/u.test(content) || (key === "date" && /^[\s\u3000_＿]*年[\s\u3000_＿]*月[\s\u3000_＿]*日[\s\u3000]*$/u.test(content));
    const last = i + 1 === hits.length;
    out += m[0] + (value && blank ? value + (last ? "" : "\u3000\u3000") : content);
  });
  return out;
}

/** A row the form leaves for writing: empty, or only a pre-printed 序号. */
function isSlotRow(row: Cell[], seqIndex: number | undefined): boolean {
  return row.every((cell, i) => cell.kind === "empty" || (cell.kind === "text" && cleanText(String(cell.value)) === "") || (i === seqIndex && cell.kind === "number"));
}

/**
 * Plans filling `template` (the form's sheet as a grid) with the checked list. Throws ExportError
 * when the form has no recognisable header: there is nothing sensible to fill.
 */
export function planTemplateFill(template: Grid, programme: Programme, grid: Grid, report: Report, options: ExportOptions = {}): TemplateFill {
  // A province form may ask for fields this programme's lists do not carry: recognise every known
  // field (the programme's own wordings first), so such a column is reported as "not in the list"
  // rather than as an unknown header.
  const listed = new Set(programme.fields.map((f) => f.field));
  const everyField: Programme = { ...programme, fields: [...programme.fields, ...Object.keys(FIELDS).filter((f) => !listed.has(f)).map((field) => ({ field, required: false }))] };
  const header = findHeader(template, everyField);
  if (header.rowIndices.length === 0) {
    throw new ExportError(
      `在模板“${template.sheetName}”中找不到表头：前 30 行中没有一行能认出 3 个以上的字段（如 申报单位、统一社会信用代码、联系人）。`,
      `No header found in the template "${template.sheetName}": no row among the first 30 names 3 or more known fields.`,
    );
  }
  const [headerIndex, subIndex] = [header.rowIndices[0], header.rowIndices[1] ?? null];
  const width = Math.max(0, ...template.rows.map((r) => r.length));
  const byIndex = new Map<number, { field: string; header: string; unit: string | null }>();
  for (const col of header.columns.values()) byIndex.set(col.index, { field: col.field, header: col.header, unit: col.unit });
  // An ambiguous field (two columns naming it) fills only the first; the others are reported.
  const ambiguousOthers = new Set(header.ambiguous.flatMap((a) => a.others.map((o) => o.index)));

  const layoutColumns: LayoutColumn[] = [];
  const columns: TemplateColumn[] = [];
  const unfilled: UnfilledColumn[] = [];
  let carried = "";
  for (let c = 0; c < width; c++) {
    const own = labelOf(template.rows[headerIndex]?.[c]);
    const child = subIndex === null ? "" : labelOf(template.rows[subIndex]?.[c]);
    if (own) carried = own;
    const label = own && child ? `${own}/${child}` : own || (child ? (carried ? `${carried}/${child}` : child) : "");
    if (!own && !child) carried = "";
    if (!label) continue;
    const letter = columnLetter(template.firstColumn + c);
    const mapped = byIndex.get(c);
    let source: ColumnSource | null = null;
    // One cell for two fields, as forms often do: "联系人及电话", "联系人/电话".
    if (/联系人/.test(label) && /电话|手机|方式/.test(label)) source = { kind: "joined", fields: ["contact", "phone"] };
    else if (mapped && !ambiguousOthers.has(c)) source = sourceOfField(mapped.field);
    else if (/占用?.*名额/.test(label)) source = { kind: "takesSlot" };
    if (!source) {
      unfilled.push({
        letter,
        header: label,
        reason: "unknown-header",
        message: `模板第 ${letter} 列“${label}”对应不到名单中的字段，未填写。`,
        messageEn: `Template column ${letter} "${label}" matches no field of the list; left blank.`,
      });
      continue;
    }
    const unit = mapped?.unit ?? headerUnit(label);
    layoutColumns.push({ header: label, headerEn: mapped ? (FIELDS[mapped.field]?.en ?? mapped.field) : "Takes a slot", source, minWidth: 4, maxWidth: 60 });
    const centred = source.kind === "seq" || source.kind === "rank" || source.kind === "takesSlot" || (source.kind === "field" && source.format !== "text");
    columns.push({ letter, header: label, align: centred ? "center" : null, amountScale: amountScale(unit) });
  }

  const plan = planExport(grid, report, programme, { ...options, columns: layoutColumns });
  // Our layout's missing-column warnings become the form's unfilled columns.
  const warnings: ExportWarning[] = [];
  for (const w of plan.warnings) {
    if (w.code !== "column-missing") {
      warnings.push(w);
      continue;
    }
    const col = w.column === undefined ? undefined : columns[w.column];
    if (!col) continue;
    unfilled.push({
      letter: col.letter,
      header: col.header,
      reason: "not-in-list",
      message: `模板第 ${col.letter} 列“${col.header}”在名单中没有对应的列，未填写。`,
      messageEn: `Template column ${col.letter} "${col.header}" has no column in the list; left blank.`,
    });
  }
  unfilled.sort((a, b) => a.letter.length - b.letter.length || a.letter.localeCompare(b.letter));
  if (!layoutColumns.some((c) => c.source.kind === "remarks") && plan.rows.some((r) => r.kind === "data" && (r.priority || r.exempt))) {
    warnings.push({
      code: "column-missing",
      message: "模板没有“备注”列：优先认定标记和“不占名额”标记无法写入，请手工注明。",
      messageEn: "The template has no 备注 column: priority and no-slot marks could not be written; add them by hand.",
    });
  }

  const lastHeader = subIndex ?? headerIndex;
  const seqIndex = [...header.columns.values()].find((c) => c.field === "seq")?.index;
  let footerIndex: number | null = null;
  for (let r = lastHeader + 1; r < template.rows.length; r++) {
    if (!isSlotRow(template.rows[r], seqIndex)) {
      footerIndex = r;
      break;
    }
  }
  // Rows the form already holds (a filled summary given as the form): values in two or more of the
  // columns we fill, from the first row that is not a blank slot. Filling again would list them twice.
  const labelled = new Set(columns.map((c) => columnNumberOf(c.letter) - template.firstColumn).filter((i) => i !== seqIndex));
  const isFilled = (row: Cell[] | undefined) => (row ?? []).filter((cell, i) => labelled.has(i) && !(cell.kind === "empty" || (cell.kind === "text" && cleanText(String(cell.value)) === ""))).length >= 2;
  let filledEnd = footerIndex ?? template.rows.length;
  while (filledEnd < template.rows.length && isFilled(template.rows[filledEnd])) filledEnd++;
  let firstDataIndex = lastHeader + 1;
  if (footerIndex !== null && filledEnd > footerIndex) {
    const first = template.firstRow + footerIndex, last = template.firstRow + filledEnd - 1;
    if (!options.append) {
      throw new ExportError(
        `表样第 ${first}–${last} 行已有 ${filledEnd - footerIndex} 行数据：请用空白表样，或加 --append 接在这些行后面填写`,
        `The form already holds ${filledEnd - footerIndex} rows (rows ${first}–${last}): use a blank form, or add --append to fill below them`,
      );
    }
    firstDataIndex = filledEnd;
    footerIndex = null;
    for (let r = filledEnd; r < template.rows.length; r++) {
      if (!isSlotRow(template.rows[r], seqIndex)) {
        footerIndex = r;
        break;
      }
    }
  }
  let titleIndex: number | null = null;
  for (let r = 0; r < headerIndex; r++) {
    if (template.rows[r].some((cell) => labelOf(cell) !== "")) {
      titleIndex = r;
      break;
    }
  }
  const excelRow = (i: number) => template.firstRow + i;
  const lineEdits: TemplateFill["lineEdits"] = [];
  for (let r = 0; r < headerIndex; r++) {
    template.rows[r].forEach((cell, c) => {
      if (cell.kind !== "text") return;
      const before = String(cell.value);
      const after = fillBlanks(before, { unit: recommendingUnit(report, options), contact: options.contact, phone: options.phone, date: options.fillDate ? chineseDate(options.fillDate) : undefined });
      if (after !== before) lineEdits.push({ row: excelRow(r), letter: columnLetter(template.firstColumn + c), before, after });
    });
  }
  return {
    headerRows: header.rowIndices.map(excelRow),
    titleRow: titleIndex === null ? null : excelRow(titleIndex),
    firstDataRow: excelRow(firstDataIndex),
    footerRow: footerIndex === null ? null : excelRow(footerIndex),
    columns,
    lineEdits,
    unfilled,
    plan: { ...plan, warnings },
    warnings,
  };
}
