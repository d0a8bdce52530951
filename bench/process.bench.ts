/**
 * Whole-process figures for `npm run bench`, one child process per measurement: `huizong check` as
 * the user runs it (compiled CLI, start-up included) against a process that only parses the same
 * file (readXlsx → Grid), each child's peak memory from process.resourceUsage().maxRSS, and what a
 * stray cell at XFD1048576 adds. Printed, never asserted.
 */
import { spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

const ROOT = join(__dirname, "..");

interface Run {
  ms: number;
  peakMb: number;
  code: number;
}

function child(script: string): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const line = r.stderr.trim().split("\n").pop() ?? "";
  let out: { rss?: number; code?: number } = {};
  try {
    out = JSON.parse(line);
  } catch {
    throw new Error(`child failed (${r.status}): ${r.stderr.slice(-500)}`);
  }
  return { ms, peakMb: (out.rss ?? 0) / 1024, code: out.code ?? -1 };
}

const report = `process.stderr.write("\\n" + JSON.stringify({ rss: process.resourceUsage().maxRSS, code }))`;

function checkProcess(cli: string, file: string): Run {
  return child(`require(${JSON.stringify(join(cli, "cli", "huizong.js"))}).main(["check", ${JSON.stringify(file)}, "-p", "js-2023-platform", "-c", "南京"], { stdout: () => {}, stderr: () => {} }).then((code) => { ${report} })`);
}

function parseProcess(cli: string, file: string): Run {
  return child(`require(${JSON.stringify(join(cli, "workbook", "xlsx-adapter.js"))}).readXlsx(require("node:fs").readFileSync(${JSON.stringify(file)})).then((b) => { b.sheet(); const code = 0; ${report} })`);
}

async function withStray(file: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  wb.worksheets[0].getCell("XFD1048576").value = "x";
  writeFileSync(out, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** `lists`: size → an .xlsx list of that many rows already written by the caller. */
export async function processBench(dir: string, lists: Map<number, string>): Promise<void> {
  const cli = mkdtempSync(join(ROOT, ".bench-cli-"));
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json", "--outDir", cli], { cwd: ROOT, stdio: "pipe" });
    console.log("");
    console.log("整个进程 / whole process（编译后的 huizong check 对比只解析同一文件的进程；峰值内存 = 子进程 maxRSS）");
    console.log("| rows | check process ms | parse process ms | check:parse | check peak MB | parse peak MB |");
    console.log("|---|---|---|---|---|---|");
    const checks = new Map<number, Run>();
    for (const [rows, file] of lists) {
      const c = checkProcess(cli, file);
      const p = parseProcess(cli, file);
      checks.set(rows, c);
      console.log(`| ${rows.toLocaleString("en-US")} | ${c.ms.toFixed(0)} | ${p.ms.toFixed(0)} | ${(c.ms / p.ms).toFixed(2)} | ${c.peakMb.toFixed(0)} | ${p.peakMb.toFixed(0)} |`);
    }
    const base = [...lists.keys()].includes(10000) ? 10000 : [...lists.keys()][0];
    const stray = join(dir, `stray-${base}.xlsx`);
    await withStray(lists.get(base)!, stray);
    const s = checkProcess(cli, stray);
    const clean = checkProcess(cli, lists.get(base)!);
    console.log(`XFD1048576 处一个多余单元格 / one stray cell at XFD1048576 (${base.toLocaleString("en-US")} rows): ${s.ms.toFixed(0)} ms vs ${clean.ms.toFixed(0)} ms without (+${(s.ms - clean.ms).toFixed(0)} ms), peak ${s.peakMb.toFixed(0)} MB, exit ${s.code}`);
  } finally {
    rmSync(cli, { recursive: true, force: true });
  }
}
