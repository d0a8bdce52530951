/**
 * The sheet's shape, read the same for every reader: merged cells carried to the rows they cover,
 * rows below the header that are not enterprises (小计/合计, 填表人/审核人, 注：…), a second block
 * below the list (二、备选名单) or beside it, formulas that carry no result, hidden and filtered rows.
 */
import { columnLetter, isBlankCell, type Cell, type CellArea, type Grid } from "./cells";
import { cleanText } from "./text";
import type { Finding } from "./report";

/**
 * Vertical merges carry the top-left value down to every row they cover (a district merged down its
 * rows is that district on each row); the other columns of a merge stay as Excel has them (empty).
 * The same grid back when nothing is carried.
 */
export function carryMerges(grid: Grid): Grid {
  const merges = grid.shape?.merges;
  if (!merges || merges.length === 0) return grid;
  let rows: Cell[][] | null = null;
  for (const m of merges) {
    if (m.bottom <= m.top) continue;
    const r0 = m.top - grid.firstRow;
    const c = m.left - grid.firstColumn;
    const source = grid.rows[r0]?.[c];
    if (!source || isBlankCell(source) || c < 0) continue;
    for (let r = Math.max(r0 + 1, 0); r <= m.bottom - grid.firstRow && r < grid.rows.length; r++) {
      if (!isBlankCell(grid.rows[r][c])) continue;
      rows ??= grid.rows.slice();
      if (rows[r] === grid.rows[r]) rows[r] = grid.rows[r].slice();
      rows[r][c] = source;
    }
  }
  return rows ? { ...grid, rows } : grid;
}

/** The merge covering a sheet cell, if any. */
export function mergeAt(merges: readonly CellArea[] | undefined, row: number, column: number): CellArea | undefined {
  return merges?.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
}

/**
 * Rows continuing an applicant merged over several rows (its name or code merged vertically): grid
 * row index → the Excel row of the applicant. One applicant, not one per row.
 */
export function continuationRows(grid: Grid, identityIndices: readonly number[], dataStart: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of grid.shape?.merges ?? []) {
    if (m.bottom <= m.top || m.top - grid.firstRow < dataStart) continue;
    if (!identityIndices.some((i) => grid.firstColumn + i >= m.left && grid.firstColumn + i <= m.right)) continue;
    if (isBlankCell(grid.rows[m.top - grid.firstRow]?.[m.left - grid.firstColumn])) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) if (!out.has(r - grid.firstRow)) out.set(r - grid.firstRow, m.top);
  }
  return out;
}

export type RowKind = "empty" | "total" | "note" | "signature" | "heading" | null;

const BLANK = /^[\s\u00A0\u2007\u202F\u3000\u200B-\u200D\u2060\uFEFF]*$/u;
/** 小计/合计 as a word of its own: "历下区小计", "合计：3家", "总计12家" — not "综合计算平台". */
const TOTAL = /^.{0,16}?(小计|合计|总计|共计|累计|总合计)(?:$|[\s:：（(\d一二三四五六七八九十]|[家个项户]|（家）)/u;
const SIGNATURE = /^(?:单位|推荐单位|填报单位)?(?:填表人|填报人|制表人|审核人|审批人|复核人|核稿人|负责人|单位负责人|主要负责人|分管领导|经办人|联系人|联系电话|填报日期|填表日期|报送日期|制表日期|日期|签发人)(?:（?签字）?|（?签名）?|签章)?\s*[:：]|^[^，。,]{0,14}[（(]\s*(?:盖章|公章|签章|签字)\s*[)）]|^(?:盖章|签字|签名)\s*[:：]?$|^(?:填表人|填报人|审核人|负责人|经办人|联系人)$/u;
const NOTE = /^(?:填报说明|填表说明|说明|备注|注|附注|注意|填写说明|审核意见|推荐意见|制表)\s*\d*\s*[:：.．、]|^(?:填报说明|填表说明|注意事项)|^注\s*[\d①-⑩]/u;
/** A heading opening a second list: 备选/候补 by name, or an ordinal (二、三、…) after the list began without one. */
const SECOND_WORDS = /备选|候补|后备|替补|预备|递补|储备项目|培育(?:名单|库|项目)|未推荐/u;
const ORDINAL = /^[（(]?[一二三四五六七八九十]+[)）]?[、.．\s]/u;
/** An 18-character credit code: a row holding one names an enterprise, whatever else it says. */
const CODE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/u;

function textOf(cell: Cell): string {
  return cell.kind === "text" ? cleanText(String(cell.value)).replace(/ /g, "") : "";
}

/** What a row below the header is when it is not an enterprise (null: an applicant row). */
export function rowKind(row: readonly Cell[], identityIndices: readonly number[]): RowKind {
  let first: string | null = null;
  let nonEmpty = 0;
  let onlyIndex = -1;
  const texts: string[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || isBlankCell(cell)) continue;
    if (cell.kind === "text" && BLANK.test(String(cell.value))) continue;
    nonEmpty++;
    onlyIndex = c;
    const t = textOf(cell);
    if (first === null) first = t;
    if (t) texts.push(t);
  }
  if (nonEmpty === 0) return "empty";
  if (texts.some((t) => CODE.test(t.toUpperCase()))) return null;
  if (first !== null && NOTE.test(first)) return "note";
  if (texts.some((t) => TOTAL.test(t))) return "total";
  if (texts.some((t) => SIGNATURE.test(t))) return "signature";
  // One text in a column that names no one: a section title or a heading ("一、历城区", "二、备选名单").
  if (nonEmpty === 1 && first !== null && first !== "" && !identityIndices.includes(onlyIndex) && row.length >= 4) return "heading";
  if (nonEmpty === 1 && first !== null && SECOND_WORDS.test(first) && first.length <= 30) return "heading";
  return null;
}

/** Does this heading open a second list (not a section of this one)? */
export function opensSecondBlock(heading: string, listOpenedWithOrdinal: boolean, afterGap: boolean): boolean {
  const t = heading.replace(/\s/g, "");
  if (SECOND_WORDS.test(t)) return true;
  if (ORDINAL.test(t)) return !listOpenedWithOrdinal;
  // A heading after blank rows, once the list has rows, starts something else.
  return afterGap;
}

export function isOrdinalHeading(text: string): boolean {
  return ORDINAL.test(text.replace(/\s/g, "")) && !SECOND_WORDS.test(text);
}

/** The heading's text (its only non-blank cell). */
export function headingText(row: readonly Cell[]): string {
  for (const cell of row) if (cell && !isBlankCell(cell)) return textOf(cell);
  return "";
}

const listed = (xs: readonly (string | number)[], n = 10) => (xs.length > n ? `${xs.slice(0, n).join("、")} 等 ${xs.length} 处` : xs.join("、"));
const listedEn = (xs: readonly (string | number)[], n = 10) => (xs.length > n ? `${xs.slice(0, n).join(", ")} (${xs.length} in all)` : xs.join(", "));

/** A second list below the first: its rows are not recommendations. */
export function secondBlockBelow(heading: string, headingRow: number, rows: readonly number[]): Finding {
  const span = rows.length ? `第${rows[0]}–${rows[rows.length - 1]}行` : `第${headingRow}行以下`;
  return {
    code: "second-list",
    severity: "info",
    rows: [headingRow, ...rows].slice(0, 50),
    value: heading,
    message: `第${headingRow}行“${heading}”起是另一份名单（${span}，${rows.length} 行）：这些行不是推荐名单，未核查、未计入名额，也不导出`,
    messageEn: `Row ${headingRow} “${heading}” starts another list (${rows.length} rows): they are not recommendations; not checked, not counted toward the quota, not exported`,
    hint: "如这些行也是推荐名单，请删去该标题行并把它们并入上面的名单；备选名单请另放一个工作表",
    hintEn: "If these rows are recommendations too, remove the heading and join them to the list above; keep a reserve list on its own sheet",
  };
}

/** A second list beside the first (after empty columns): named, not read. */
export function secondListBeside(area: string, headers: readonly string[]): Finding {
  return {
    code: "second-list",
    severity: "warning",
    value: area,
    message: `名单右侧 ${area} 还有一份名单（表头：${listed(headers, 6)}）：只核查了左边的名单，右侧这份未核查、未导出`,
    messageEn: `Another list sits beside this one at ${area} (header: ${listedEn(headers, 6)}): only the list on the left was checked; the other was neither checked nor exported`,
    hint: "把右侧的名单移到单独的工作表（或接在左边名单的下面）后再检查",
    hintEn: "Move the list on the right to a sheet of its own (or below the first list) and check again",
  };
}

/** Formulas whose file holds no result (written by a script, re-saved by another tool): one finding naming the cells. */
export function formulasUncached(cells: readonly { address: string; formula: string }[]): Finding {
  const shown = cells.slice(0, 8).map((c) => `${c.address}（${c.formula}）`);
  const more = cells.length > 8 ? ` 等 ${cells.length} 个单元格` : "";
  return {
    code: "formula-uncached",
    severity: "error",
    rows: [...new Set(cells.map((c) => Number(/\d+$/.exec(c.address)![0])))].slice(0, 50),
    value: cells.map((c) => c.address).slice(0, 50).join(" "),
    message: `公式没有计算结果：${shown.join("、")}${more}。这些单元格的值未知，未按空白处理，所在行未能核查这些项`,
    messageEn: `Formulas without a computed result: ${cells.slice(0, 8).map((c) => c.address).join(", ")}${cells.length > 8 ? ` (${cells.length} cells)` : ""}; their values are unknown (not read as blank) and were not checked`,
    hint: "公式没有计算结果：请在 Excel/WPS 中打开并保存后再检查",
    hintEn: "Open the file in Excel or WPS, save it, and check again",
  };
}

/** Hidden and filtered rows and columns of the list: named once; they are checked and exported like the rest. */
export function hiddenParts(rows: readonly number[], filtered: ReadonlySet<number>, columns: readonly number[]): Finding {
  const byHand = rows.filter((r) => !filtered.has(r));
  const byFilter = rows.filter((r) => filtered.has(r));
  const parts: string[] = [];
  const partsEn: string[] = [];
  if (byFilter.length) {
    parts.push(`第${listed(byFilter)}行被筛选隐藏`);
    partsEn.push(`rows ${listedEn(byFilter)} are filtered out`);
  }
  if (byHand.length) {
    parts.push(`第${listed(byHand)}行被隐藏`);
    partsEn.push(`rows ${listedEn(byHand)} are hidden`);
  }
  if (columns.length) {
    const letters = columns.map(columnLetter);
    parts.push(`${listed(letters)}列被隐藏`);
    partsEn.push(`columns ${listedEn(letters)} are hidden`);
  }
  return {
    code: "hidden-rows",
    severity: "warning",
    ...(rows.length ? { rows: rows.slice(0, 50) } : {}),
    value: parts.join("；"),
    message: `${parts.join("；")}：这些行列与其余内容一样已核查，导出时也包含在内（筛选和隐藏只改变显示，不改变名单）`,
    messageEn: `${partsEn.join("; ")}: they were checked like the rest and are included in the export (hiding and filtering change the view, not the list)`,
    hint: "如这些行不应报送，请删除它们；否则可取消隐藏（或清除筛选）后核对一遍",
    hintEn: "Delete the rows if they should not be sent; otherwise unhide them (or clear the filter) and look them over",
  };
}

export type SkipReason = "empty" | "total" | "note" | "header" | "signature" | "block" | "continuation";

export interface RowClasses {
  /** Grid row index → why it is not an applicant row. */
  skipped: Map<number, SkipReason>;
  /** The second list below, when there is one. */
  findings: Finding[];
}

/**
 * Which rows below the header are applicants, in one pass: an applicant merged over rows is one; a
 * heading that opens a second list (备选名单, or 二、… after a list that began without 一、, or any
 * heading after blank rows) puts every row below it out of the list.
 */
export function classifyRows(grid: Grid, dataStart: number, identityIndices: readonly number[], repeatsHeader: (index: number) => boolean): RowClasses {
  const skipped = new Map<number, SkipReason>();
  const findings: Finding[] = [];
  const continuing = continuationRows(grid, identityIndices, dataStart);
  let seenData = false;
  let afterGap = false;
  let openedWithOrdinal = false;
  let block: { heading: string; row: number; rows: number[] } | null = null;
  for (let i = dataStart; i < grid.rows.length; i++) {
    const cells = grid.rows[i] ?? [];
    const kind = rowKind(cells, identityIndices);
    if (block) {
      skipped.set(i, kind === "empty" ? "empty" : "block");
      if (kind !== "empty") block.rows.push(grid.firstRow + i);
      continue;
    }
    if (continuing.has(i)) {
      skipped.set(i, "continuation");
      continue;
    }
    if (kind === "heading") {
      const text = headingText(cells);
      if (seenData && opensSecondBlock(text, openedWithOrdinal, afterGap)) {
        block = { heading: text, row: grid.firstRow + i, rows: [] };
        skipped.set(i, "block");
        continue;
      }
      if (!seenData && isOrdinalHeading(text)) openedWithOrdinal = true;
      skipped.set(i, "note");
      continue;
    }
    if (kind === "empty") {
      if (seenData) afterGap = true;
      skipped.set(i, "empty");
      continue;
    }
    if (kind !== null) {
      skipped.set(i, kind);
      continue;
    }
    if (repeatsHeader(i)) {
      skipped.set(i, "header");
      continue;
    }
    seenData = true;
    afterGap = false;
  }
  if (block) findings.push(secondBlockBelow(block.heading, block.row, block.rows));
  return { skipped, findings };
}

/** Uncached formulas (a formula, no value) in the given rows: address and formula. */
export function uncachedFormulas(grid: Grid, indices: Iterable<number>): { address: string; formula: string }[] {
  const out: { address: string; formula: string }[] = [];
  for (const i of indices) {
    const row = grid.rows[i] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell && cell.kind === "empty" && cell.formula) out.push({ address: `${columnLetter(grid.firstColumn + c)}${grid.firstRow + i}`, formula: cell.formula });
    }
  }
  return out;
}

/**
 * Columns of blank (every row from the header down) split the header into runs; a run beside the
 * main one that names three fields or more, two of them fields the main run names too (its own
 * 申报单位, 统一社会信用代码 …), is a second list — a blank column inside one list is not. The main
 * run is the one naming the most fields (the first on a tie). Indices are into the grid row; null
 * when there is one list only.
 */
export function listsBeside(grid: Grid, headerTop: number, fieldAt: ReadonlyMap<number, string>): { main: [number, number]; others: [number, number][] } | null {
  const width = grid.rows[headerTop]?.length ?? 0;
  const occupied: boolean[] = new Array(width).fill(false);
  for (let r = headerTop; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    for (let c = 0; c < width; c++) if (!occupied[c] && !isBlankCell(row[c])) occupied[c] = true;
  }
  const runs: [number, number][] = [];
  for (let c = 0; c < width; c++) {
    if (!occupied[c]) continue;
    if (runs.length && runs[runs.length - 1][1] === c - 1) runs[runs.length - 1][1] = c;
    else runs.push([c, c]);
  }
  if (runs.length < 2) return null;
  const fieldsOf = ([a, b]: [number, number]) => new Set([...fieldAt].filter(([i]) => i >= a && i <= b).map(([, f]) => f));
  const named = runs.map(fieldsOf);
  let main = 0;
  for (let k = 1; k < runs.length; k++) if (named[k].size > named[main].size) main = k;
  const others = runs.filter((_, k) => k !== main && named[k].size >= 3 && [...named[k]].filter((f) => named[main].has(f)).length >= 2);
  if (others.length === 0) return null;
  return { main: runs[main], others };
}
