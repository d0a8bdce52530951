/**
 * Writing a file the user named with -o, for every command that writes one (export, template,
 * merge): never onto an input (same file after links, hard links, or a case-insensitive name),
 * never over an existing file without --force, and never half a file — the bytes go to a temporary
 * file beside the target, which is then renamed over it.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./common-options";
import { InputError } from "./input";

export interface NamedInput {
  /** 名单, 表样, 参考名单 … */
  what: string;
  whatEn: string;
  path: string | undefined;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The input `output` would overwrite: the same file after links, or (not yet existing) the same folder and name up to case. */
function overwrittenInput(output: string, inputs: readonly NamedInput[]): NamedInput | undefined {
  const out = statOrNull(output);
  const outDir = statOrNull(dirname(resolve(output)));
  const outName = basename(output).normalize("NFC").toLowerCase();
  for (const input of inputs) {
    if (!input.path) continue;
    const inStat = statOrNull(input.path);
    if (!inStat) continue;
    if (out && sameFile(out, inStat)) return input;
    if (out) continue;
    // Not there yet: on a case-insensitive or normalising file system "名单.XLSX" may still be the input.
    let real: string;
    try {
      real = realpathSync(input.path);
    } catch {
      continue;
    }
    const inDir = statOrNull(dirname(real));
    if (outDir && inDir && sameFile(outDir, inDir) && basename(real).normalize("NFC").toLowerCase() === outName) return input;
  }
  return undefined;
}

/** Refuses an -o that is an input, or that exists when `force` is not given. Call before any work. */
export function checkOutput(output: string, inputs: readonly NamedInput[], force: boolean): void {
  const hit = overwrittenInput(output, inputs);
  if (hit) {
    throw new UsageError(`输出文件“${output}”就是${hit.what}“${hit.path}”（同一文件或其链接）：请另选输出文件名`, `the output "${output}" is the ${hit.whatEn} "${hit.path}" (the same file or a link to it): choose another name`);
  }
  const existing = statOrNull(output);
  if (existing?.isDirectory()) throw new UsageError(`输出位置“${output}”是文件夹：请给出文件名`, `the output "${output}" is a folder: give a file name`);
  if (existing && !force) {
    throw new UsageError(`输出文件“${output}”已存在：换一个文件名，或加 --force 覆盖`, `the output "${output}" already exists: choose another name, or add --force to replace it`);
  }
}

/** Writes `bytes` to `output` through a temporary file beside it: the target is whole or untouched. */
export function writeOutput(output: string, bytes: Uint8Array): void {
  const temp = join(dirname(resolve(output)), `.${basename(output)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx");
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, output);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed: nothing to clean up
    }
    throw writeFailure(output, (e as { code?: string }).code ?? "");
  }
}

/** Why `output` could not be written, as the clerk can act on it: on Windows a file open in Excel is locked (EBUSY, EPERM). */
export function writeFailure(output: string, code: string): InputError {
  if (code === "EBUSY" || code === "EPERM") {
    return new InputError(`无法写入 ${output}：该文件可能正在 Excel 中打开，请关闭后重试（${code}），原文件未改动`, `Cannot write ${output}: it is probably open in Excel; close it and retry (${code}); nothing was changed`);
  }
  return new InputError(`无法写入 ${output}${code ? `（${code}）` : ""}，原文件未改动`, `Cannot write ${output}${code ? ` (${code})` : ""}; nothing was changed`);
}
