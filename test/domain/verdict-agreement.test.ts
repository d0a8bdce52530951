/**
 * One verdict per row everywhere: for every bundled sample (src/samples in memory, and the files in
 * samples/ as the CLI reads them) the sheet marks, the findings list, the CLI's JSON report and the
 * export give each data row the same verdict — error rows marked red and left out of the export,
 * warning rows marked yellow and exported, the rest unmarked and exported.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/huizong";
import { readInput } from "../../src/cli/input";
import type { Grid } from "../../src/domain/cells";
import { check } from "../../src/domain/check";
import { planExport } from "../../src/domain/export/plan";
import { Report } from "../../src/domain/report";
import { rowVerdicts, type RowVerdict } from "../../src/domain/verdict";
import { SAMPLES, sampleGrid } from "../../src/samples/index";
import { readCsv } from "../../src/workbook/csv";
import { dataRows, planMarks } from "../../src/workbook/marks";
import { encodeGb18030 } from "../../scripts/gb18030";
import { VALID } from "./check-helpers";

type Verdicts = Record<number, RowVerdict>;

function fromFindings(report: Report, rows: readonly number[]): Verdicts {
  const v = rowVerdicts(report);
  return Object.fromEntries(rows.map((r) => [r, v.get(r) ?? "ok"]));
}

function fromMarks(report: Report, grid: Grid): Verdicts {
  const plan = planMarks(report, grid);
  return Object.fromEntries(plan.results.map((r) => [r.row, r.level === "priority" ? "ok" : r.level]));
}

/** The export keeps what is not an error; with errors included, every data row is there once. */
function exportKept(report: Report, grid: Grid): { kept: number[]; all: number[] } {
  const rowsOf = (include: boolean) =>
    planExport(grid, report, builtinProgramme(report.programme), { includeErrors: include })
      .rows.flatMap((r) => (r.kind === "data" ? [r.sourceRow] : []))
      .sort((a, b) => a - b);
  return { kept: rowsOf(false), all: rowsOf(true) };
}

async function cliReport(file: string, programmeId: string, city: string): Promise<Report> {
  let out = "";
  const code = await main(["check", file, "-p", programmeId, "-c", city, "--json"], { stdout: (s) => void (out += s), stderr: () => undefined });
  const report = Report.parse(JSON.parse(out));
  expect(code).toBe(report.findings.some((f) => f.severity === "error") ? 1 : 0);
  return report;
}

function agree(report: Report, grid: Grid, cli: Report | null): Verdicts {
  const rows = dataRows(report, grid);
  const findings = fromFindings(report, rows);
  expect(rows.length).toBeGreaterThan(5);
  expect(fromMarks(report, grid), "sheet marks").toEqual(findings);
  if (cli) expect(fromFindings(cli, rows), "CLI report").toEqual(findings);
  const { kept, all } = exportKept(report, grid);
  expect(all, "export with errors included").toEqual(rows);
  expect(kept, "export").toEqual(rows.filter((r) => findings[r] !== "error"));
  // Every kind of verdict is exercised by the samples as a whole; each sample has errors and clean rows.
  expect(Object.values(findings)).toContain("error");
  expect(Object.values(findings)).toContain("ok");
  return findings;
}

const FILES = readdirSync(join(__dirname, "../../samples")).filter((f) => /\.(xlsx|csv)$/.test(f));

describe("one verdict per row: marks, findings, CLI report and export agree on every sample", () => {
  for (const sample of SAMPLES) {
    it(`src/samples ${sample.id}`, async () => {
      const grid = sampleGrid(sample);
      const report = Report.parse(check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city }));
      const verdicts = agree(report, grid, null);
      // The file the CLI reads holds the same list: the CLI's verdicts are these.
      const file = join(__dirname, "../../samples", `${sample.id}.xlsx`);
      const cli = await cliReport(file, sample.programmeId, sample.city);
      expect(fromFindings(cli, Object.keys(verdicts).map(Number))).toEqual(verdicts);
    });
  }

  for (const name of FILES) {
    it(`samples/${name} through the CLI`, async () => {
      const sample = SAMPLES.find((s) => name.startsWith(`${s.id}.`))!;
      const file = join(__dirname, "../../samples", name);
      const grid = (await readInput(file)).sheets[0]!.grid;
      const report = Report.parse(check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city }));
      agree(report, grid, await cliReport(file, sample.programmeId, sample.city));
    });
  }

  it("the samples as a whole hold rows of every verdict, warnings included, and the marks agree on them", () => {
    const all: string[] = [];
    for (const sample of SAMPLES) {
      const grid = sampleGrid(sample);
      const report = Report.parse(check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city }));
      all.push(...Object.values(agree(report, grid, null)));
    }
    expect(new Set(all)).toEqual(new Set(["error", "warning", "ok"]));
  });

  it("rows of a CSV in another encoding are each an error everywhere, not only the first of them", () => {
    const header = ["序号", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "是否已认定为省重点平台", "是否升级申报", "平台投入（万元）", "联系电话"];
    const line = (n: number) => header.map((h) => String(VALID.jsPlatform(n)[h] ?? "")).join(",") + "\r\n";
    const utf8 = (s: string) => new TextEncoder().encode(s);
    // Rows 4 and 6 (data rows 2 and 4) are GB18030 in a UTF-8 file.
    const parts = [utf8(`XX区2023年推荐汇总表\r\n${header.join(",")}\r\n${line(1)}`), encodeGb18030(line(2)), utf8(line(3)), encodeGb18030(line(4)), utf8(line(5) + line(6))];
    const bytes = new Uint8Array(parts.flatMap((p) => [...p]));
    const read = readCsv(bytes);
    const report = Report.parse(check(read.grid, { programme: builtinProgramme("js-2023-platform"), city: "南京", readFindings: read.findings }));
    expect(report.findings.filter((f) => f.code === "encoding-mixed").map((f) => f.row)).toEqual([4, 6]);
    const verdicts = agree(report, read.grid, null);
    expect(verdicts).toEqual({ 3: "ok", 4: "error", 5: "ok", 6: "error", 7: "ok", 8: "ok" });
  });

  it("the kept twin of a duplicate is exported and unmarked; the repeat is an error everywhere", () => {
    const grid = sampleGrid(SAMPLES.find((s) => s.id === "js-2023-platform")!);
    const report = Report.parse(check(grid, { programme: builtinProgramme("js-2023-platform"), city: "南京" }));
    const dup = report.findings.find((f) => f.code === "duplicate-applicant")!;
    expect(dup.rows).toEqual([4, 15]);
    const verdicts = fromFindings(report, [4, 15]);
    expect(verdicts[15]).toBe("error");
    expect(verdicts[4]).not.toBe("error");
    const marks = planMarks(report, grid);
    expect(marks.results.find((r) => r.row === 4)!.level).not.toBe("error");
    expect(marks.results.find((r) => r.row === 4)!.text).toContain("见第15行");
    expect(exportKept(report, grid).kept).toContain(4);
  });
});
