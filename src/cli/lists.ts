/**
 * Several lists named on the command line (files, or folders of them) read as one, through the
 * application layer's merge: every file of a folder is read or named in `skipped`, with why.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { mergeListFiles, nothingMerged, skippedPlace, type ListFile, type MergedLists, type SkippedSource } from "../app";
import type { SourceSummary } from "../domain/merge";
import type { Programme } from "../domain/programme";
import { boundedInflate, InputError, listFileAt } from "./input";

/** A path to read, and how it was named: on the command line, or found in a folder. */
export interface ListPath {
  path: string;
  /** The name messages and the 来源 column give it: the file's own name. */
  name: string;
  inFolder: boolean;
}

/**
 * Files named, folders replaced by their files (sorted). Excel's ~$ lock files and hidden files are
 * not lists and are left out; every other file of a folder is listed, to be read or named.
 */
export function expandPaths(paths: readonly string[]): string[] {
  return listPaths(paths).map((p) => p.path);
}

export function listPaths(paths: readonly string[]): ListPath[] {
  const out: ListPath[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // Read below, which says "找不到文件".
    }
    if (!dir) {
      out.push({ path: p, name: basename(p), inFolder: false });
      continue;
    }
    const files = readdirSync(p)
      .filter((f) => !f.startsWith("~$") && !f.startsWith("."))
      .sort((a, b) => a.localeCompare(b, "zh-CN"))
      .map((f) => join(p, f))
      .filter((f) => !isFolder(f));
    if (files.length === 0) throw new InputError(`文件夹 ${p} 中没有名单文件（Excel、WPS、CSV 等表格）`, `The folder ${p} holds no list file (Excel, WPS, CSV…)`);
    out.push(...files.map((f) => ({ path: f, name: basename(f), inFolder: true })));
  }
  return out;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The lists merged. A file named on the command line that cannot be found is a usage error; any other
 * file that cannot be read is named in `skipped`. Refused only when nothing at all could be merged.
 */
export async function mergeFiles(paths: readonly string[], programme: Programme, city: string, sheet?: string): Promise<MergedLists> {
  const files: ListFile[] = [];
  const unread: SkippedSource[] = [];
  for (const p of listPaths(paths)) {
    try {
      files.push(listFileAt(p.path, p.name));
    } catch (e) {
      if (!(e instanceof InputError) || (!p.inFolder && /^找不到文件/.test(e.message))) throw e;
      unread.push({ file: p.name, reason: "unreadable", why: e.message.replace(`${p.path} `, "").replace(`${p.path}`, ""), whyEn: e.messageEn.replace(`${p.path} `, "").replace(`${p.path}`, "") });
    }
  }
  const merged = await mergeListFiles(files, programme, city, { ...(sheet !== undefined ? { sheet } : {}), read: { inflate: boundedInflate } });
  merged.skipped.unshift(...unread);
  const refusal = nothingMerged(merged);
  if (refusal) throw new InputError(refusal[0], refusal[1]);
  return merged;
}

/** One line per source: where its rows went, its unit, what it lacked; then one per file or sheet not merged. */
export function summaryLines(summaries: readonly SourceSummary[], skipped: readonly SkippedSource[] = []): string {
  const taken = summaries.map((s) => {
    const bits = [`${s.file}（工作表“${s.sheet}”）`, `${s.unit ?? "区县未知"}`, `并入 ${s.rowsTaken} 行`];
    if (s.rowsSkipped > 0) bits.push(`跳过 ${s.rowsSkipped} 行（空行、合计、说明、签字行、备选名单等）`);
    if (s.missing.length > 0) bits.push(`缺少必需列：${s.missing.join("、")}`);
    if (s.unmapped.length > 0) bits.push(`未并入的列：${s.unmapped.join("、")}`);
    return `  · ${bits.join("，")}\n`;
  });
  const left = skipped.map((s) => `  × ${skippedPlace(s)}：未并入，${s.why}\n`);
  return [...taken, ...left].join("");
}
