/**
 * Merging district lists (or, in province mode, city lists) into one list with the programme's header
 * and a 来源 column. Grids in, one merged grid and each row's source out: adapters write the sheet,
 * the check reads it back like any other list and finds the sources again in the 来源 column.
 *
 * Each source is read with the same header matcher as a check, so a district's own wording of a
 * column ("企业名称" for 申报单位) lands in the programme's column. Cells are copied as typed (values,
 * not formulas); an amount whose source header gave another unit (元, 亿元) keeps that unit written
 * after the number, because the merged header says 万元.
 */
import type { Cell, Grid } from "./cells";
import { FIELDS } from "./fields";
import { findHeader, repeatsHeader, type HeaderResult } from "./header";
import { carryMerges, classifyRows } from "./shape";
import type { Programme } from "./programme";
import { fieldDefIn } from "./fields";
import { headerMultiplier, readAmount } from "./readers";
import type { Finding, RowSource } from "./report";
import { citiesOf, COUNTY_LEVEL_UNITS, districtsOf, findCity, findProvince, placeNamedIn, resolveDistrict, type ProvinceCode } from "./regions";
import { cleanText, headerKey, headerUnit } from "./text";

export type { RowSource } from "./report";

export const MERGED_SHEET = "合并名单";

/** One list to merge: a sheet of a file, or a sheet of the open workbook (file = the workbook's name or ""). */
export interface MergeInput {
  file: string;
  sheet: string;
  grid: Grid;
  /** The district (or city, in province mode) the list comes from, when the caller knows it. */
  unit?: string;
  /** What reading the file found (csv-malformed, encoding-mixed …): carried into the merged check. */
  findings?: readonly Finding[];
}

export interface SourceSummary {
  file: string;
  sheet: string;
  unit: string | null;
  /** How the unit was found: given, the file name, the sheet name, a title line, the district column. */
  unitFrom: "given" | "file" | "sheet" | "title" | "column" | null;
  /** Excel rows of the source's header; empty when none was found (then no row is taken). */
  headerRows: number[];
  rowsTaken: number;
  rowsSkipped: number;
  /** Required columns the source lacks (labels): its rows are merged with those cells empty. */
  missing: string[];
  /** Source headers that name no field of the programme: their cells are not carried over. */
  unmapped: string[];
}

export interface MergeProblem {
  file: string;
  sheet: string;
  message: string;
  messageEn: string;
}

export interface MergeResult {
  /** Header in row 1, rows from row 2, sheet name 合并名单. */
  grid: Grid;
  /** One per merged row, in order. */
  sources: RowSource[];
  summaries: SourceSummary[];
  /** Sources that gave no rows because no header was found in them. */
  problems: MergeProblem[];
  /**
   * The sources' read findings, as findings of the whole list naming their source: their rows and
   * columns are the source file's, not the merged sheet's, so they are said in the message instead.
   */
  readFindings: Finding[];
}

export interface MergeOptions {
  programme: Programme;
  /** The recommending city (districts are looked for in it), or a province (山东省 / 江苏省): then the sources are city lists. */
  city: string;
}

const SEP = " | ";

/** "历下区 | 历下区推荐名单.xlsx | Sheet1 | 第3行" (the unit left out when unknown). */
export function formatSource(s: { file: string; sheet: string; sourceRow: number; district?: string }): string {
  return [...(s.district ? [s.district] : []), s.file || "本工作簿", s.sheet, `第${s.sourceRow}行`].join(SEP);
}

/** The inverse of formatSource; null for a cell that is not one (typed by hand, emptied). */
export function parseSource(text: string): Omit<RowSource, "row"> | null {
  const parts = cleanText(text).split(/\s*\|\s*/);
  const last = /^第(\d+)行$/.exec(parts[parts.length - 1] ?? "");
  if (!last || parts.length < 3) return null;
  const sourceRow = Number(last[1]);
  if (parts.length === 3) return { file: parts[0]!, sheet: parts[1]!, sourceRow };
  return { district: parts[0]!, file: parts[1]!, sheet: parts.slice(2, -1).join(SEP), sourceRow };
}

/**
 * "来源：历下区 历下区.xlsx“Sheet1”第3行；历城区 …" — where the rows of a merged list came from, the first
 * eight and how many in all (the pane's findings list and the CLI's report).
 */
export function sourcesText(sources: readonly Omit<RowSource, "row">[], lang: "zh" | "en" = "zh"): string {
  const list = sources.slice(0, 8);
  const more = sources.length - list.length;
  if (lang === "en") return `Source: ${list.map((x) => `${x.district ? `${x.district} ` : ""}${x.file || "this workbook"} “${x.sheet}” row ${x.sourceRow}`).join("; ")}${more > 0 ? ` and ${more} more` : ""}`;
  return `来源：${list.map((x) => `${x.district ? `${x.district} ` : ""}${x.file || "本工作簿"}“${x.sheet}”第${x.sourceRow}行`).join("；")}${more > 0 ? `等${sources.length}处` : ""}`;
}

/** A source's place as a message names it: "历下区第3行", or "历下区.xlsx第3行" when the unit is unknown. */
export function sourcePlace(s: { file: string; sheet: string; sourceRow: number; district?: string }): string {
  return `${s.district ?? (s.file || s.sheet)}第${s.sourceRow}行`;
}

/** The label the merged list gives a field: the checker's own wording, 万元 on amounts. */
export function mergedLabel(programme: Programme, field: string): string {
  const def = fieldDefIn(programme, field);
  if (!def) return field;
  return def.kind === "amount" ? `${def.zh}（万元）` : def.zh;
}

/** Index of a column headed by one of a field's wordings, in the header row(s) of a list; null when none. */
export function extraColumn(grid: Grid, header: HeaderResult, field: "source" | "city"): number | null {
  const def = FIELDS[field]!;
  const keys = new Set(def.synonyms.map((s) => headerKey(s)));
  const taken = new Set([...header.columns.values()].map((c) => c.index));
  for (const r of header.rowIndices) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (taken.has(c) || !cell || cell.kind !== "text") continue;
      if (keys.has(headerKey(String(cell.value)))) return c;
    }
  }
  return null;
}

/** The sheet of a file that holds the list: the first where the programme's header is found, else the first. */
export function listSheetOf<T extends { name: string; grid: Grid }>(sheets: readonly T[], programme: Programme): T | undefined {
  return sheets.find((s) => findHeader(s.grid, programme).rowIndices.length > 0) ?? sheets[0];
}

/** The province a `city` names in province mode, else null. */
export function provinceMode(city: string): ProvinceCode | null {
  return findCity(city) ? null : findProvince(city);
}

type Place = { name: string; short: string };

function placesFor(options: MergeOptions): { places: Place[]; resolve: (s: string) => string | null } {
  const province = provinceMode(options.city);
  if (province) {
    const units = COUNTY_LEVEL_UNITS.filter((u) => options.programme.countyLevelUnits.includes(u.name));
    return {
      places: [...units, ...citiesOf(province)],
      resolve: (s) => {
        const c = findCity(s);
        return c && c.province === province ? c.name : null;
      },
    };
  }
  const city = findCity(options.city);
  if (!city) return { places: [], resolve: () => null };
  const cityCode = city.parentCode ?? city.code;
  return {
    places: districtsOf(cityCode),
    resolve: (s) => {
      const d = resolveDistrict(s, cityCode);
      return d && d.city.code === cityCode ? d.name : null;
    },
  };
}

function textOf(cell: Cell | undefined): string {
  return cell && cell.kind === "text" ? String(cell.value) : "";
}

/** The unit a list comes from: given, else named by its file, its sheet, a title line, or every row of its district (city) column. */
function unitOfSource(input: MergeInput, header: HeaderResult, places: Place[], resolve: (s: string) => string | null, unitColumn: number | null): Pick<SourceSummary, "unit" | "unitFrom"> {
  if (input.unit) return { unit: resolve(input.unit) ?? input.unit, unitFrom: "given" };
  const fileStem = input.file.replace(/\.[^.]*$/, "");
  const byFile = placeNamedIn(fileStem, places);
  if (byFile) return { unit: byFile.name, unitFrom: "file" };
  const bySheet = placeNamedIn(input.sheet, places);
  if (bySheet) return { unit: bySheet.name, unitFrom: "sheet" };
  const first = header.rowIndices[0] ?? 0;
  for (let r = 0; r < first; r++) {
    const line = (input.grid.rows[r] ?? []).map(textOf).join(" ");
    const hit = placeNamedIn(line, places);
    if (hit) return { unit: hit.name, unitFrom: "title" };
  }
  if (unitColumn !== null) {
    const seen = new Set<string>();
    for (let r = header.dataStart; r < input.grid.rows.length && seen.size < 2; r++) {
      const t = textOf(input.grid.rows[r]?.[unitColumn]);
      if (!t) continue;
      seen.add(resolve(t) ?? `?${t}`);
    }
    const [only] = seen;
    if (seen.size === 1 && only && !only.startsWith("?")) return { unit: only, unitFrom: "column" };
  }
  return { unit: null, unitFrom: null };
}

/**
 * A cell as the merged list holds it: the value as typed, no formula. An amount whose source header
 * gave another unit says that unit when the merged 万元 header would read it otherwise (a bare
 * "１５０００００" or "贰仟伍佰" in a 元 column), so the merged check reads what the source's check read.
 */
function carried(cell: Cell | undefined, amountUnit: string | null): Cell {
  if (!cell || cell.kind === "empty") return { kind: "empty", value: null };
  const out: Cell = { kind: cell.kind, value: cell.value };
  if (cell.numberFormat && cell.numberFormat !== "General") out.numberFormat = cell.numberFormat;
  if (amountUnit === null) return out;
  const inWan = readAmount(cell);
  if (inWan.status !== "ok") return out;
  const inSource = readAmount(cell, amountUnit);
  if (inSource.status === "ok" && inSource.value === inWan.value) return out;
  const withUnit: Cell = { kind: "text", value: `${inWan.shown.trim()}${amountUnit}` };
  const reread = readAmount(withUnit);
  // A unit the cell text cannot carry ("人民币元" after the number) is written as the amount in 万元.
  if (inSource.status === "ok" && (reread.status !== "ok" || reread.value !== inSource.value)) return { kind: "number", value: inSource.value };
  return withUnit;
}

const EMPTY: Cell = { kind: "empty", value: null };

export function mergeLists(inputs: readonly MergeInput[], options: MergeOptions): MergeResult {
  const { programme } = options;
  const { places, resolve } = placesFor(options);
  const fields = programme.fields.map((f) => f.field);
  const heads = inputs.map((input) => {
    const grid = carryMerges(input.grid);
    return { input, grid, header: findHeader(grid, programme) };
  });
  const withCity = heads.some(({ input, header }) => header.rowIndices.length > 0 && extraColumn(input.grid, header, "city") !== null);
  const labels = [...fields.map((f) => mergedLabel(programme, f)), ...(withCity ? [FIELDS.city!.zh] : []), FIELDS.source!.zh];
  const rows: Cell[][] = [labels.map((l) => ({ kind: "text", value: l }) as Cell)];
  const sources: RowSource[] = [];
  const summaries: SourceSummary[] = [];
  const problems: MergeProblem[] = [];
  const readFindings: Finding[] = [];

  for (const { input, header, grid } of heads) {
    for (const f of input.findings ?? []) {
      // Said once per source: per-row findings (encoding-mixed) lose their rows here and read alike.
      const scoped = sourceScoped(f, input);
      if (!readFindings.some((g) => g.code === scoped.code && g.message === scoped.message)) readFindings.push(scoped);
    }
    if (header.rowIndices.length === 0) {
      problems.push({
        file: input.file,
        sheet: input.sheet,
        message: `${input.file ? `${input.file}“${input.sheet}”` : `工作表“${input.sheet}”`}：前30行中找不到表头（没有一行含有至少3个本项目的列名），未合并其中任何一行`,
        messageEn: `${input.file || "this workbook"} / ${input.sheet}: no header row found in the first 30 rows; none of its rows were merged`,
      });
      summaries.push({ file: input.file, sheet: input.sheet, unit: null, unitFrom: null, headerRows: [], rowsTaken: 0, rowsSkipped: 0, missing: [], unmapped: [] });
      continue;
    }
    const cityColumn = extraColumn(grid, header, "city");
    const unitColumn = provinceMode(options.city) ? cityColumn : (header.columns.get("district")?.index ?? null);
    const unit = unitOfSource(input, header, places, resolve, unitColumn);
    const amountUnits = new Map<string, string | null>();
    for (const [field, col] of header.columns) {
      if (fieldDefIn(programme, field)?.kind !== "amount") continue;
      const factor = headerMultiplier(col.unit);
      amountUnits.set(field, factor === 1 ? null : (col.unit ?? headerUnit(col.header)));
    }
    const identity = [...header.columns.values()].filter((c) => { const kind = fieldDefIn(programme, c.field)?.kind; return kind === "name" || kind === "uscc"; }).map((c) => c.index);
    const mappedIndices = new Set([...header.columns.values()].map((c) => c.index));
    if (cityColumn !== null) mappedIndices.add(cityColumn);
    const unmapped: string[] = [];
    const width = Math.max(0, ...header.rowIndices.map((r) => grid.rows[r]?.length ?? 0));
    for (let c = 0; c < width; c++) {
      if (mappedIndices.has(c)) continue;
      const label = header.rowIndices.map((r) => textOf(grid.rows[r]?.[c]).trim()).filter(Boolean).join("/");
      if (label) unmapped.push(label);
    }
    let taken = 0;
    let skipped = 0;
    // The same rows as check() takes: no 小计/填表人 line, no 备选名单 block, an applicant merged over rows once.
    const classes = classifyRows(grid, header.dataStart, identity, (i) => repeatsHeader(grid, programme, i, header));
    for (let i = header.dataStart; i < grid.rows.length; i++) {
      const cells = grid.rows[i] ?? [];
      if (classes.skipped.has(i)) {
        skipped++;
        continue;
      }
      const out: Cell[] = fields.map((f) => {
        const col = header.columns.get(f);
        return col ? carried(cells[col.index], amountUnits.get(f) ?? null) : EMPTY;
      });
      if (withCity) out.push(cityColumn !== null ? carried(cells[cityColumn], null) : EMPTY);
      const source: RowSource = {
        row: rows.length + 1,
        file: input.file,
        sheet: input.sheet,
        sourceRow: grid.firstRow + i,
        ...(unit.unit ? { district: unit.unit } : {}),
      };
      out.push({ kind: "text", value: formatSource(source) });
      rows.push(out);
      sources.push(source);
      taken++;
    }
    summaries.push({
      file: input.file,
      sheet: input.sheet,
      ...unit,
      headerRows: header.rowIndices.map((i) => grid.firstRow + i),
      rowsTaken: taken,
      rowsSkipped: skipped,
      missing: programme.fields.filter((f) => f.required && !header.columns.has(f.field)).map((f) => fieldDefIn(programme, f.field)?.zh ?? f.field),
      unmapped,
    });
  }
  return { grid: { sheetName: MERGED_SHEET, firstRow: 1, firstColumn: 1, rows }, sources, summaries, problems, readFindings };
}

/** A read finding of one source, restated for the merged list: "县甲.csv（工作表“县甲”）：…". */
function sourceScoped(f: Finding, input: MergeInput): Finding {
  const where = input.file ? `${input.file}（工作表“${input.sheet}”）` : `工作表“${input.sheet}”`;
  const whereEn = input.file ? `${input.file} (sheet “${input.sheet}”)` : `sheet “${input.sheet}”`;
  const { row: _row, rows: _rows, column: _column, field: _field, ...rest } = f;
  return { ...rest, message: `${where}：${f.message}`, messageEn: `${whereEn}: ${f.messageEn}` };
}
