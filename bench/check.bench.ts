/**
 * `npm run bench`: synthetic district lists of 1k, 10k and 100k rows, written as real .xlsx files in
 * a temp dir, then parsed (xlsx → Grid, exceljs) and checked (check()). Prints rows/s and the ratio
 * of check time to parse time. Timings are printed, never asserted.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import type { Grid } from "../src/domain/cells";
import { check } from "../src/domain/check";
import { bundleText, parseProgrammeBundle, programmeToBundle } from "../src/domain/bundle";
import { getProgramme, listProgrammes } from "../src/domain/catalogue";
import { mergeLists, type MergeInput } from "../src/domain/merge";
import { findHeader } from "../src/domain/header";
import { organisationCodeCheckChar, usccCheckChar } from "../src/domain/uscc";
import { readXlsx } from "../src/workbook/xlsx-adapter";
import { processBench } from "./process.bench";

/** A valid USCC for region code `region` and a sequence number (both check characters from the domain's own uscc.ts). */
function uscc(region: string, n: number): string {
  const body = String(10000000 + (n % 89999999)).slice(0, 8);
  const first17 = `91${region}${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

const DISTRICTS: [string, string][] = [["江宁区", "320115"], ["浦口区", "320111"], ["栖霞区", "320113"], ["六合区", "320116"], ["溧水区", "320117"]];
const WORDS = ["云启", "瑞达", "汇通", "天衡", "恒瑞", "极光", "钧和", "博远", "中鼎", "数衡", "智联", "明途", "瀚海", "卓驰", "高新"];
const TRADES = ["智造科技", "精密机械", "数据服务", "智能装备", "信息技术", "新材料", "工业软件", "自动化"];
const DIRECTIONS = ["综合型", "特色型", "专业型"];
const HEADER = ["序号", "所在县（市、区）", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "平台名称", "建设情况", "是否已认定为省重点平台", "是否升级申报", "平台投入（万元）", "所属集群/产业链", "联系人", "联系电话", "推荐排序", "备注"];

export async function writeList(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet("名单");
  ws.addRow(["南京市2023年度省重点工业互联网平台推荐汇总表（基准测试）"]).commit();
  ws.addRow(["填报单位：南京市工业和信息化局　联系人：张明　联系电话：025-52186731"]).commit();
  ws.addRow(HEADER).commit();
  for (let i = 1; i <= rows; i++) {
    const [district, region] = DISTRICTS[i % DISTRICTS.length];
    const name = `南京${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}${TRADES[i % TRADES.length]}${i}有限公司`;
    // About 1 row in 20 carries a problem: a truncated code, a text date, an amount with a unit.
    const code: string | number = i % 50 === 0 ? Number(Number(uscc(region, i)).toPrecision(15)) : uscc(region, i);
    const registered: Date | string = i % 40 === 0 ? `${2010 + (i % 12)}年${1 + (i % 12)}月` : new Date(Date.UTC(2005 + (i % 16), i % 12, 1 + (i % 28)));
    const amount: number | string = i % 30 === 0 ? `${500 + (i % 3000)}万元` : 500 + (i % 3000);
    const r = ws.addRow([
      i, district, name, code, registered, DIRECTIONS[i % 3], `${WORDS[i % WORDS.length]}工业互联网平台${i}`,
      i % 97 === 0 ? "在建" : "已建成", "否", "否", amount, i % 11 === 0 ? "集成电路" : "", "王磊",
      `138${String(10000000 + ((i * 7919) % 89999999))}`, i, "",
    ]);
    const codeCell = r.getCell(4);
    if (typeof code === "string") codeCell.numFmt = "@";
    if (registered instanceof Date) r.getCell(5).numFmt = "yyyy-mm-dd";
    r.commit();
  }
  ws.addRow(["合计"]).commit();
  ws.addRow(["填报说明：平台投入单位为万元。"]).commit();
  await wb.commit();
}

/** The wording another district uses for the same columns (and another order of two of them). */
const OTHER_WORDING: Record<string, string> = { 申报单位: "企业名称", 统一社会信用代码: "社会信用代码", 注册时间: "成立日期", 平台类型: "申报方向", 建设情况: "是否建成", 联系电话: "手机" };

/** 16 district lists of `rows` rows, half in other wording; every 100th row repeats a code of the list before (a cross-district duplicate). */
async function writeDistrictLists(dir: string, lists: number, rows: number): Promise<string[]> {
  const paths: string[] = [];
  for (let k = 0; k < lists; k++) {
    const [district, region] = DISTRICTS[k % DISTRICTS.length];
    const path = join(dir, `${district}-${k + 1}.xlsx`);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow([`${district}2023年度省重点工业互联网平台推荐汇总表`]).commit();
    ws.addRow(HEADER.map((h) => (k % 2 === 1 ? (OTHER_WORDING[h] ?? h) : h))).commit();
    for (let i = 1; i <= rows; i++) {
      const n = k * rows + i;
      const twin = i % 100 === 0 && k > 0 ? (k - 1) * rows + i - 1 : n;
      const r = ws.addRow([
        i, district, `南京${WORDS[n % WORDS.length]}${TRADES[n % TRADES.length]}${twin}有限公司`, uscc(twin === n ? region : DISTRICTS[(k - 1) % DISTRICTS.length][1], twin), new Date(Date.UTC(2005 + (n % 16), n % 12, 1 + (n % 28))),
        DIRECTIONS[n % 3], `平台${n}`, "已建成", "否", "否", 500 + (n % 3000), "", "王磊", `138${String(10000000 + ((n * 7919) % 89999999))}`, i, "",
      ]);
      r.getCell(4).numFmt = "@";
      r.getCell(5).numFmt = "yyyy-mm-dd";
      r.commit();
    }
    ws.addRow(["合计"]).commit();
    await wb.commit();
    paths.push(path);
  }
  return paths;
}

/** 合并区县名单: parse 16 files, merge them, check the merged list. */
async function measureMerge(dir: string, lists: number, rows: number): Promise<void> {
  const paths = await writeDistrictLists(dir, lists, rows);
  const programme = getProgramme("js-2023-platform")!;
  const t0 = performance.now();
  const inputs: MergeInput[] = [];
  for (const p of paths) {
    const { grid } = (await readXlsx(readFileSync(p))).sheet();
    inputs.push({ file: p.slice(dir.length + 1), sheet: grid.sheetName, grid });
  }
  const t1 = performance.now();
  const merged = mergeLists(inputs, { programme, city: "南京" });
  const t2 = performance.now();
  const cpu0 = process.cpuUsage();
  const report = check(merged.grid, { programme: getProgramme("js-2023-platform")!, city: "南京" });
  const cpu = process.cpuUsage(cpu0);
  const t3 = performance.now();
  const total = lists * rows;
  if (merged.sources.length !== total) throw new Error(`merged ${merged.sources.length} of ${total} rows`);
  const dups = report.findings.filter((f) => f.code === "duplicate-applicant" && (f.sources ?? []).length >= 2).length;
  console.log("");
  console.log(`合并 / merge — ${lists} 份名单 × ${rows} 行 = ${fmt(total)} 行（一半换了列名措辞）`);
  console.log(`| parse ms (${lists} files) | merge ms | check ms | check cpu ms | merged rows | cross-list duplicate findings |`);
  console.log(`|---|---|---|---|---|---|`);
  console.log(`| ${(t1 - t0).toFixed(0)} | ${(t2 - t1).toFixed(0)} | ${(t3 - t2).toFixed(0)} | ${((cpu.user + cpu.system) / 1000).toFixed(0)} | ${fmt(merged.sources.length)} | ${fmt(dups)} |`);
}

interface Result {
  rows: number;
  fileKb: number;
  parseMs: number;
  checkMs: number;
  /** Process CPU time during the check: on a busy machine wall time waits for other processes. */
  checkCpuMs: number;
  findings: number;
}

async function measure(dir: string, rows: number): Promise<Result> {
  const path = join(dir, `list-${rows}.xlsx`);
  await writeList(path, rows);
  const bytes = readFileSync(path);
  const t0 = performance.now();
  const { grid } = (await readXlsx(bytes)).sheet();
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const report = check(grid, { programme: getProgramme("js-2023-platform")!, city: "南京" });
  const cpu = process.cpuUsage(cpu0);
  const t2 = performance.now();
  if (report.counts.rowsChecked < rows * 0.99) throw new Error(`checked only ${report.counts.rowsChecked} of ${rows} rows`);
  return { rows, fileKb: statSync(path).size / 1024, parseMs: t1 - t0, checkMs: t2 - t1, checkCpuMs: (cpu.user + cpu.system) / 1000, findings: report.findings.length };
}

function cpuMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * What column matching costs inside a check: findHeader (the header search, every column scored by
 * its header and its first cells, the assignment) against the whole check(), CPU time, median of runs.
 */
async function matchingShare(dir: string, rows: number): Promise<{ matchMs: number; checkMs: number }> {
  const path = join(dir, `list-${rows}.xlsx`);
  await writeList(path, rows);
  const { grid } = (await readXlsx(readFileSync(path))).sheet();
  const programme = getProgramme("js-2023-platform")!;
  const run = (g: Grid) => check(g, { programme: getProgramme("js-2023-platform")!, city: "南京" });
  run(grid);
  const match: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < 5; i++) {
    match.push(cpuMs(() => findHeader(grid, programme)));
    whole.push(cpuMs(() => run(grid)));
  }
  return { matchMs: median(match), checkMs: median(whole) };
}

/** Loading a programme file as --programme-file does: the text parsed and validated (every built-in, largest first). */
function bundleLoading(): { id: string; kb: number; ms: number }[] {
  return listProgrammes()
    .map((p) => {
      const text = bundleText(programmeToBundle(p));
      parseProgrammeBundle(text);
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const r = parseProgrammeBundle(text);
        times.push(performance.now() - t0);
        if (!r.ok) throw new Error(`${p.id}: ${r.problems[0]?.path} ${r.problems[0]?.en}`);
      }
      return { id: p.id, kb: Buffer.byteLength(text) / 1024, ms: median(times) };
    })
    .sort((a, b) => b.kb - a.kb);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "1000,10000,100000").split(",").map(Number);
  const dir = mkdtempSync(join(tmpdir(), "huizong-bench-"));
  try {
    // Warm up the JIT on a small list so the 1k figure is not all start-up cost.
    await measure(dir, 200);
    const results: Result[] = [];
    for (const rows of sizes) results.push(await measure(dir, rows));
    const head = ["rows", "xlsx KB", "parse ms", "check ms", "check cpu ms", "parse rows/s", "check rows/s", "check/parse", "findings"];
    const lines = results.map((r) => [
      fmt(r.rows), fmt(r.fileKb), r.parseMs.toFixed(0), r.checkMs.toFixed(0), r.checkCpuMs.toFixed(0),
      fmt(r.rows / (r.parseMs / 1000)), fmt(r.rows / (r.checkMs / 1000)), (r.checkMs / r.parseMs).toFixed(3), fmt(r.findings),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const show = (cells: string[]) => "| " + cells.map((c, i) => c.padStart(widths[i])).join(" | ") + " |";
    console.log(`huizong bench — js-2023-platform, Node ${process.version}（parse = 解析 .xlsx → Grid；check = 校验 check()）`);
    console.log(show(head));
    console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
    for (const l of lines) console.log(show(l));
    await measureMerge(dir, 16, 500);
    const share = await matchingShare(dir, 10_000);
    console.log(`列匹配 / column matching (findHeader) in a 10,000-row check: ${share.matchMs.toFixed(1)} ms of ${share.checkMs.toFixed(0)} ms CPU = ${((share.matchMs / share.checkMs) * 100).toFixed(1)}%（目标 < 5% / target under 5%）`);
    const loads = bundleLoading();
    console.log(`项目定义文件的读取与校验 / loading + validating a programme file (median of 20; target under 50 ms added to a check):`);
    for (const l of loads) console.log(`  ${l.id.padEnd(28)} ${l.kb.toFixed(1).padStart(5)} KB  ${l.ms.toFixed(2)} ms`);
    const load = loadavg()[0] ?? 0;
    await processBench(dir, new Map(sizes.map((rows) => [rows, join(dir, `list-${rows}.xlsx`)])));
    if (load > cpus().length) console.log(`注意：本机负载 ${load.toFixed(1)}（${cpus().length} 核），墙钟时间偏长；check cpu ms 为本进程 CPU 时间。/ busy machine: wall times are inflated`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
