/**
 * Several lists named on the command line (files, or folders of them) read as one: each file's list
 * sheet (--sheet, else the first sheet with a header) goes through the domain's merge.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { listSheetOf, mergeLists, type MergeInput, type MergeResult, type SourceSummary } from "../domain/merge";
import type { Programme } from "../domain/programme";
import { hasListExtension } from "../workbook/formats/book";
import { InputError, readInput } from "./input";


function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Files named, folders replaced by their .xlsx/.csv files (sorted; Excel's ~$ lock files and hidden files left out). */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // readInput says "找不到文件" for it below.
    }
    if (!dir) {
      out.push(p);
      continue;
    }
    const files = readdirSync(p)
      .filter((f) => hasListExtension(f) && !f.startsWith("~$") && !f.startsWith(".") && isFile(join(p, f)))
      .sort((a, b) => a.localeCompare(b, "zh-CN"))
      .map((f) => join(p, f));
    if (files.length === 0) throw new InputError(`文件夹 ${p} 中没有名单文件（Excel、WPS、CSV 等表格）`, `The folder ${p} holds no list file (Excel, WPS, CSV…)`);
    out.push(...files);
  }
  return out;
}

/** Each file's list: the sheet asked for, else the first sheet where the programme's header is found (else the first sheet). */
export async function readLists(files: readonly string[], programme: Programme, sheet?: string): Promise<MergeInput[]> {
  const inputs: MergeInput[] = [];
  for (const file of files) {
    const read = await readInput(file, { all: sheet === undefined, ...(sheet !== undefined ? { sheet } : {}) });
    const chosen = listSheetOf(read.sheets, programme)!;
    inputs.push({ file: basename(file), sheet: chosen.name, grid: chosen.grid, ...(chosen.findings.length > 0 ? { findings: chosen.findings } : {}) });
  }
  return inputs;
}

/** Merges the lists; a list without a header is refused (its rows would be lost). */
export async function mergeFiles(paths: readonly string[], programme: Programme, city: string, sheet?: string): Promise<MergeResult> {
  const files = expandPaths(paths);
  const result = mergeLists(await readLists(files, programme, sheet), { programme, city });
  if (result.problems.length > 0) {
    throw new InputError(result.problems.map((p) => p.message).join("；"), result.problems.map((p) => p.messageEn).join("; "));
  }
  return result;
}

/** One line per source: where its rows went, its unit, what it lacked. */
export function summaryLines(summaries: readonly SourceSummary[]): string {
  return summaries
    .map((s) => {
      const bits = [`${s.file}（工作表“${s.sheet}”）`, `${s.unit ?? "区县未知"}`, `并入 ${s.rowsTaken} 行`];
      if (s.rowsSkipped > 0) bits.push(`跳过 ${s.rowsSkipped} 行（空行、合计、说明、签字行、备选名单等）`);
      if (s.missing.length > 0) bits.push(`缺少必需列：${s.missing.join("、")}`);
      if (s.unmapped.length > 0) bits.push(`未并入的列：${s.unmapped.join("、")}`);
      return `  · ${bits.join("，")}\n`;
    })
    .join("");
}
