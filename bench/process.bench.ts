/**
 * Whole-process figures for `npm run bench`, measured the way a user runs the command: the compiled
 * CLI started as its own process (`node huizong.js check 名单.xlsx -p … -c … --json`, start-up
 * included) with its stdout going to a file, against a process that only parses the same file with
 * the reader the project uses for it (exceljs Workbook.xlsx.load, nothing else). Each child's peak
 * memory is its own maxRSS (process.resourceUsage(), written by a --require'd probe on exit). Every
 * figure is the median of RUNS runs. Printed, never asserted.
 */
import { spawnSync, execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

const ROOT = join(__dirname, "..");
const RUNS = 3;

interface Run {
  ms: number;
  peakMb: number;
  code: number;
  outKb: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Writes its peak RSS to $HUIZONG_BENCH_RSS when the process exits, however it exits. */
const PROBE = `process.on("exit", (code) => require("node:fs").writeFileSync(process.env.HUIZONG_BENCH_RSS, JSON.stringify({ rss: process.resourceUsage().maxRSS, code })));\n`;

function child(dir: string, args: string[]): Run {
  const probe = join(dir, "rss-probe.cjs");
  const rssFile = join(dir, "rss.json");
  const outFile = join(dir, "out.json");
  writeFileSync(probe, PROBE);
  const out = openSync(outFile, "w");
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", probe, ...args], { cwd: ROOT, stdio: ["ignore", out, "pipe"], env: { ...process.env, HUIZONG_BENCH_RSS: rssFile }, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  let probed: { rss?: number; code?: number } = {};
  try {
    probed = JSON.parse(readFileSync(rssFile, "utf8"));
  } catch {
    throw new Error(`child failed (${r.status}): ${String(r.stderr).slice(-500)}`);
  }
  const outKb = statSync(outFile).size / 1024;
  rmSync(rssFile, { force: true });
  return { ms, peakMb: (probed.rss ?? 0) / 1024, code: probed.code ?? r.status ?? -1, outKb };
}

function medianRun(runs: Run[]): Run {
  return { ms: median(runs.map((r) => r.ms)), peakMb: median(runs.map((r) => r.peakMb)), code: runs[0].code, outKb: runs[0].outKb };
}

function checkProcess(dir: string, entry: string, file: string): Run {
  return child(dir, [entry, "check", file, "-p", "js-2023-platform", "-c", "南京", "--json"]);
}

/** The bare parse: the bytes read and handed to exceljs, the workbook kept until the process ends. */
function parseProcess(dir: string, file: string): Run {
  const script = `const ExcelJS = require("exceljs"); const wb = new ExcelJS.Workbook(); wb.xlsx.load(require("node:fs").readFileSync(${JSON.stringify(file)})).then(() => { if (wb.worksheets[0].rowCount < 2) process.exitCode = 1; });`;
  return child(dir, ["-e", script]);
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
    // What bin/huizong.js does, against this build.
    const entry = join(cli, "huizong-entry.js");
    writeFileSync(entry, `require(${JSON.stringify(join(cli, "cli", "huizong.js"))}).run();\n`);
    console.log("");
    console.log(`整个进程 / whole process：node huizong.js check 名单.xlsx -p js-2023-platform -c 南京 --json > 文件，对比只用 exceljs 解析同一文件的进程；峰值内存 = 子进程 maxRSS；${RUNS} 次取中位数`);
    console.log("| rows | check process ms | bare parse ms | time ratio (target ≤ 1.5) | check peak MB | parse peak MB | memory ratio (target ≤ 2) | --json output MB | exit |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const [rows, file] of lists) {
      const checks: Run[] = [];
      const parses: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        checks.push(checkProcess(cli, entry, file));
        parses.push(parseProcess(cli, file));
      }
      const c = medianRun(checks);
      const p = medianRun(parses);
      console.log(`| ${rows.toLocaleString("en-US")} | ${c.ms.toFixed(0)} | ${p.ms.toFixed(0)} | ${(c.ms / p.ms).toFixed(2)} | ${c.peakMb.toFixed(0)} | ${p.peakMb.toFixed(0)} | ${(c.peakMb / p.peakMb).toFixed(2)} | ${(c.outKb / 1024).toFixed(1)} | ${c.code} |`);
    }
    const base = [...lists.keys()].includes(10000) ? 10000 : [...lists.keys()][0];
    const stray = join(dir, `stray-${base}.xlsx`);
    await withStray(lists.get(base)!, stray);
    const s = checkProcess(cli, entry, stray);
    const clean = checkProcess(cli, entry, lists.get(base)!);
    console.log(`XFD1048576 处一个多余单元格 / one stray cell at XFD1048576 (${base.toLocaleString("en-US")} rows): ${s.ms.toFixed(0)} ms vs ${clean.ms.toFixed(0)} ms without (+${(s.ms - clean.ms).toFixed(0)} ms), peak ${s.peakMb.toFixed(0)} MB, exit ${s.code}`);
  } finally {
    rmSync(cli, { recursive: true, force: true });
  }
}
