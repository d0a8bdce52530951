/**
 * Runs the BUILT command (`node bin/huizong.js`, compiled by tsc -p tsconfig.cli.json) on every
 * sample and on broken input: exit codes, JSON against the Report schema, CSV encodings.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Report } from "../../src/domain/report";
import { SAMPLES, js666, jsPlatform, sdPlatform } from "../../src/samples/index";
import type { SampleSheet } from "../../src/samples/model";
import { sampleCsvBytes, sampleXlsxBuffer } from "../../scripts/sample-files";
import { huizongBin as huizong } from "./run-cli";

const ROOT = join(__dirname, "..", "..");
let tmp = "";

function sampleArgs(s: SampleSheet, file = `samples/${s.id}.xlsx`): string[] {
  return ["check", file, "--programme", s.programmeId, "--city", s.city];
}

function jsonReport(args: string[]): { code: number; report: Report } {
  const r = huizong(...args, "--json");
  if (r.code === 2 || r.code === 3) throw new Error(`huizong failed (${r.code}): ${r.stderr}`);
  return { code: r.code, report: Report.parse(JSON.parse(r.stdout)) };
}

/** What must not change between the .xlsx and a CSV of the same list. */
function where(report: Report): string[] {
  return report.findings.map((f) => `${f.severity} ${f.code} ${f.row ?? "-"} ${f.column ?? "-"} ${(f.rows ?? []).join(",")}`).sort();
}

function expectOneLineReason(stderr: string, pattern: RegExp): void {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).toMatch(pattern);
}

beforeAll(() => {
  // dist-cli/ is compiled once for the run by test/build-cli.global-setup.ts.
  tmp = mkdtempSync(join(tmpdir(), "huizong-cli-"));
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("huizong check on every sample", () => {
  for (const sample of SAMPLES) {
    it(`${sample.id}: readable Chinese report, exit 1 (the samples carry errors)`, () => {
      const r = huizong(...sampleArgs(sample));
      expect(r.stderr).toBe("");
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("校验报告");
      expect(r.stdout).toContain(sample.programmeId);
      expect(r.stdout).toMatch(/■ 错误（\d+）/);
      expect(r.stdout).toMatch(/第\d+行 [A-Z]+列/);
    });

    it(`${sample.id}: --json is a Report; exit code agrees with its error findings`, () => {
      const { code, report } = jsonReport(sampleArgs(sample));
      expect(report.programme).toBe(sample.programmeId);
      expect(report.sheet).toBe(sample.sheetName);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(report.counts.rowsChecked).toBeGreaterThanOrEqual(12);
      expect(report.counts.rowsSkipped).toBeGreaterThanOrEqual(3); // empty rows, 合计, 填报说明
      const errors = report.findings.filter((f) => f.severity === "error").length;
      expect(errors).toBeGreaterThan(0);
      expect(code).toBe(errors > 0 ? 1 : 0);
      // The truncated numeric code every sample carries is reported as such.
      expect(report.findings.some((f) => f.code === "uscc-numeric-truncated")).toBe(true);
    });
  }

  it("a clean one-row list exits 0", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("江宁区");
    ws.addRow(jsPlatform.rows[2].map((c) => c.value as string));
    const clean = jsPlatform.rows[3].map((c) => (c.kind === "date" ? new Date(Math.round(((c.value as number) - 25569) * 86400000)) : c.value));
    const row = ws.addRow(clean);
    row.getCell(5).numFmt = "yyyy-mm-dd";
    const file = join(tmp, "clean.xlsx");
    await wb.xlsx.writeFile(file);
    const r = huizong("check", file, "--programme", "js-2023-platform", "--city", "南京", "--json");
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.code).toBe(0);
    expect(huizong("check", file, "--programme", "js-2023-platform", "--city", "南京").code).toBe(0);
  });

  it("--as-of and --quota reach the report", () => {
    const gfbj = SAMPLES.find((s) => s.id === "sd-2024-gfbj-2")!;
    const unset = jsonReport(sampleArgs(gfbj)).report;
    expect(unset.quotas.some((q) => q.quota === null)).toBe(true);
    const set = jsonReport([...sampleArgs(gfbj), "--quota", "8", "--as-of", "2024-08-01"]).report;
    expect(set.asOf).toBe("2024-08-01");
    expect(set.quotas.some((q) => q.quota === 8)).toBe(true);
  });

  it("--keep gives the quota's places to the rows chosen first, and the text report names the rows placed", () => {
    const kept = jsonReport([...sampleArgs(sdPlatform), "--keep", "31,29"]).report;
    expect(kept.quotas[0]).toMatchObject({ placedBy: "keep", excess: 2 });
    expect(kept.quotas[0]!.placed!.slice(0, 2)).toEqual([31, 29]);
    const text = huizong(...sampleArgs(sdPlatform), "--keep", "31,29");
    expect(text.stdout).toContain("占名额 Places：第31、29、");
    const bad = huizong(...sampleArgs(sdPlatform), "--keep", "三");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--keep 应为逗号分隔的行号");
  });

  it("--sheet picks a named worksheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sampleXlsxBuffer(jsPlatform)) as unknown as ExcelJS.Buffer);
    wb.addWorksheet("说明").getCell("A1").value = "本工作簿第二页为说明";
    const file = join(tmp, "two-sheets.xlsx");
    await wb.xlsx.writeFile(file);
    const { report } = jsonReport([...sampleArgs(jsPlatform, file), "--sheet", jsPlatform.sheetName]);
    expect(report.sheet).toBe(jsPlatform.sheetName);
    const missing = huizong(...sampleArgs(jsPlatform, file), "--sheet", "浦口区");
    expect(missing.code).toBe(2);
    expectOneLineReason(missing.stderr, /浦口区/);
  });
});

describe("CSV input gives the same findings as the .xlsx", () => {
  for (const sample of [js666, sdPlatform]) {
    it(`${sample.id}: GB18030 and UTF-8-BOM CSV`, () => {
      const xlsx = jsonReport(sampleArgs(sample)).report;
      for (const encoding of ["gb18030", "utf8-bom"] as const) {
        const file = join(tmp, `${sample.id}-${encoding}.csv`);
        writeFileSync(file, sampleCsvBytes(sample, encoding));
        const csv = jsonReport(sampleArgs(sample, file)).report;
        expect(where(csv), encoding).toEqual(where(xlsx));
      }
    });
  }

  it("the committed samples/js-2020-666.csv (GB18030) and samples/sd-2023-platform.csv (UTF-8 BOM) run", () => {
    expect(jsonReport(sampleArgs(js666, "samples/js-2020-666.csv")).code).toBe(1);
    expect(jsonReport(sampleArgs(sdPlatform, "samples/sd-2023-platform.csv")).code).toBe(1);
    expect(huizong(...sampleArgs(js666, "samples/js-2020-666.csv")).stdout).toContain("gb18030");
  });
});

describe("--reference lists", () => {
  it("an exclusion list bars an applicant; a priority list marks one", async () => {
    const wb = new ExcelJS.Workbook();
    const ex = wb.addWorksheet("排除名单");
    ex.addRow(["企业名称", "统一社会信用代码", "名单"]);
    ex.addRow(["济南泉智工业互联网有限公司", "91370112MA818B76XJ", "前期155个省级重点平台"]);
    const pr = wb.addWorksheet("优先企业");
    pr.addRow(["企业名称", "统一社会信用代码", "所属集群"]);
    pr.addRow(["南京明途科技有限公司", "91320115MA4H1WXE7F", "高端装备"]);
    const file = join(tmp, "reference.xlsx");
    await wb.xlsx.writeFile(file);

    const sd = jsonReport([...sampleArgs(sdPlatform), "--reference", file]).report;
    const barred = sd.findings.filter((f) => f.code === "excluded-by-list");
    expect(barred.map((f) => f.row ?? f.rows?.[0])).toContain(4);

    const js = jsonReport([...sampleArgs(jsPlatform), "--reference", file]).report;
    const mark = js.priority.find((p) => p.applicant.includes("南京明途科技"));
    expect(mark?.via).toBe("reference-uscc");
  });

  it("a far cell on a reference sheet is left out of it and said, naming the file and sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const pr = wb.addWorksheet("优先企业");
    pr.addRow(["企业名称", "统一社会信用代码", "所属集群"]);
    pr.addRow(["南京明途科技有限公司", "91320115MA4H1WXE7F", "高端装备"]);
    pr.getCell("A5000").value = "旧数据";
    const file = join(tmp, "reference-far.xlsx");
    await wb.xlsx.writeFile(file);
    const js = jsonReport([...sampleArgs(jsPlatform), "--reference", file]).report;
    expect(js.priority.find((p) => p.applicant.includes("南京明途科技"))?.via).toBe("reference-uscc");
    const far = js.findings.filter((f) => f.code === "cells-outside-list");
    expect(far.map((f) => f.message)).toEqual(["参考名单“reference-far.xlsx”的工作表“优先企业”：名单区域 A1:C2 以外很远处还有内容：A5000“旧数据”；这些单元格未作为名单读取"]);
    expect(far[0].row).toBeUndefined();
  });

  it("a reference file that cannot be understood is a usage error (2)", () => {
    const file = join(tmp, "names-only.csv");
    writeFileSync(file, "企业名称\r\n甲公司\r\n");
    const r = huizong(...sampleArgs(jsPlatform), "--reference", file);
    expect(r.code).toBe(2);
    expectOneLineReason(r.stderr, /所属集群|名单/);
  });
});

describe("bad usage and unreadable files exit 2 with one line on stderr", () => {
  it.each([
    [["check", "samples/js-2023-platform.xlsx", "--programme", "js-2099-nothing", "--city", "南京"], /未知项目.*js-2099-nothing/],
    [["check", "samples/no-such-file.xlsx", "--programme", "js-2023-platform", "--city", "南京"], /找不到文件/],
    [["check", "samples/js-2023-platform.xlsx", "--city", "南京"], /--programme/],
    [["check", "samples/js-2023-platform.xlsx", "--programme", "js-2023-platform"], /--city/],
    [["check", "samples/js-2023-platform.xlsx", "--programme", "js-2023-platform", "--city", "火星"], /城市/],
    [["check", "samples/js-2023-platform.xlsx", "--programme", "js-2023-platform", "--city", "南京", "--as-of", "2023-02-30"], /--as-of/],
    [["check", "samples/js-2023-platform.xlsx", "--programme", "js-2023-platform", "--city", "南京", "--quota", "-1"], /--quota|参数/],
    [["check", "samples/js-2023-platform.xlsx", "--programme", "js-2023-platform", "--city", "南京", "--colour"], /未知选项 --colour/],
    [["check", "--programme", "js-2023-platform", "--city", "南京"], /缺少要校验的文件/],
    [["frobnicate"], /未知命令/],
  ])("%j", (args, pattern) => {
    const r = huizong(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expectOneLineReason(r.stderr, pattern as RegExp);
  });

  it("a zip that is no workbook named .xlsx is refused; a one-column text named .xls is no table", () => {
    const fake = join(tmp, "fake.xlsx");
    writeFileSync(fake, Buffer.from("UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==", "base64"));
    const r = huizong("check", fake, "--programme", "js-2023-platform", "--city", "南京");
    expect(r.code).toBe(2);
    expectOneLineReason(r.stderr, /不是表格文件（看起来是压缩包（不是工作簿））/);
    const xls = join(tmp, "old.xls");
    writeFileSync(xls, "x");
    const r2 = huizong("check", xls, "--programme", "js-2023-platform", "--city", "南京");
    expect(r2.code).toBe(2);
    expectOneLineReason(r2.stderr, /\.xls/);
  });
});

describe("programmes and help", () => {
  it("huizong programmes lists the six programmes", () => {
    const r = huizong("programmes");
    expect(r.code).toBe(0);
    for (const s of SAMPLES) expect(r.stdout).toContain(s.programmeId);
  });

  it("--help documents commands, options and exit codes in Chinese and English", () => {
    const r = huizong("--help");
    expect(r.code).toBe(0);
    for (const word of ["check", "programmes", "--programme", "--city", "--sheet", "--as-of", "--quota", "--reference", "--json", "退出码", "Exit codes", "GB18030"]) {
      expect(r.stdout).toContain(word);
    }
    expect(huizong("check", "--help").code).toBe(0);
    const none = huizong();
    expect(none.code).toBe(2);
    expectOneLineReason(none.stderr, /缺少命令/);
  });
});
