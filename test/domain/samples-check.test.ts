/**
 * The bundled samples, checked: each row's 备注 says what it is meant to trigger; these are spot
 * checks of those intentions by code and Excel row, and of the standings each sample shows.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { Report } from "../../src/domain/report";
import { SAMPLES, sampleGrid } from "../../src/samples/index";

function reportOf(id: string): Report {
  const sample = SAMPLES.find((s) => s.id === id)!;
  return Report.parse(check(sampleGrid(sample), { programme: builtinProgramme(sample.programmeId), city: sample.city }));
}

/** [code, Excel row, column or null, severity] the sample's rows are meant to raise. */
const EXPECTED: Record<string, [string, number, string | null, string][]> = {
  "js-2023-platform": [
    ["uscc-numeric-truncated", 7, "D", "error"],
    ["not-legal-person", 8, "C", "error"],
    ["registered-too-recently", 9, "E", "error"],
    ["not-built", 10, "H", "error"],
    ["already-recognised", 11, "I", "error"],
    ["uscc-outside-province", 13, "D", "error"],
    ["uscc-other-city", 14, "D", "warning"],
    ["duplicate-applicant", 15, "D", "error"],
    ["uscc-checksum", 16, "D", "error"],
    ["cell-error", 17, "E", "error"],
    ["uscc-format", 17, "D", "error"],
    ["phone-unreadable", 18, "N", "warning"],
    ["value-not-allowed", 20, "F", "error"],
    ["similar-applicant", 20, "C", "warning"],
    ["not-legal-person", 21, "D", "error"],
    ["already-recognised", 23, "I", "error"],
    ["priority", 12, "L", "info"],
  ],
  "js-2023-benchmark-factory": [
    ["investment-below-minimum", 8, "K", "error"],
    ["certificate-invalid", 9, "M", "error"],
    ["certificate-invalid", 10, "L", "error"],
    ["certificate-invalid", 11, "L", "warning"],
    ["registered-too-recently", 12, "D", "error"],
    ["uscc-numeric-truncated", 13, "C", "error"],
    ["capability-incomplete", 13, "O", "error"],
    ["capability-incomplete", 14, "N", "error"],
    ["capability-incomplete", 14, "P", "error"],
    ["value-not-allowed", 14, "E", "error"],
    ["duplicate-applicant", 14, "C", "error"],
    ["not-built", 16, "G", "error"],
    ["uscc-other-city", 17, "C", "warning"],
    ["uscc-outside-province", 18, "C", "error"],
    ["not-legal-person", 20, "B", "error"],
    ["uscc-format", 20, "C", "error"],
    ["cell-error", 21, "K", "error"],
  ],
  "js-2023-star-cloud": [
    ["star-ladder", 7, "F", "error"],
    ["star-ladder", 8, "F", "error"],
    ["cloud-window", 9, "H", "error"],
    ["cloud-window", 10, "J", "error"],
    ["uscc-numeric-truncated", 11, "D", "error"],
    ["duplicate-applicant", 12, "D", "error"],
    ["not-legal-person", 13, "C", "error"],
    ["uscc-checksum", 14, "D", "error"],
    ["registered-too-recently", 15, "E", "error"],
    ["star-ladder", 19, "F", "error"],
    ["cell-error", 20, "E", "error"],
    ["phone-unreadable", 21, "O", "warning"],
    ["uscc-outside-province", 23, "D", "error"],
  ],
  "sd-2023-platform": [
    ["direction-repeated", 9, "G", "error"],
    ["excluded-by-list", 10, "J", "error"],
    ["restricted", 11, "K", "error"],
    ["not-built", 12, "I", "error"],
    ["uscc-numeric-truncated", 13, "D", "error"],
    ["restricted", 15, "M", "error"],
    ["uscc-checksum", 19, "D", "error"],
    ["value-not-allowed", 20, "G", "error"],
    ["not-legal-person", 21, "C", "error"],
    ["uscc-outside-province", 22, "D", "error"],
    ["restricted", 26, "N", "error"],
  ],
  "js-2020-666": [
    ["uscc-numeric-truncated", 8, "D", "error"],
    ["value-not-allowed", 10, "B", "error"],
    ["duplicate-applicant", 13, "D", "error"],
    ["not-legal-person", 14, "C", "warning"],
    ["uscc-outside-province", 15, "D", "warning"],
    ["uscc-checksum", 16, "D", "error"],
    ["uscc-checksum", 17, "D", "error"],
    ["phone-unreadable", 18, "K", "warning"],
    ["uscc-other-city", 19, "D", "warning"],
    ["similar-applicant", 20, "C", "warning"],
  ],
  "sd-2024-gfbj-2": [
    ["provider-cap", 7, "E", "error"],
    ["enterprise-cap", 8, "G", "error"],
    ["letter-missing", 9, "L", "error"],
    ["group-cap", 10, "J", "error"],
    ["consortium-invalid", 11, "I", "error"],
    ["consortium-invalid", 12, "F", "error"],
    ["rank-invalid", 12, "A", "error"],
    ["consortium-invalid", 13, "G", "error"],
    ["uscc-numeric-truncated", 14, "H", "error"],
    ["investment-below-minimum", 14, "M", "error"],
    ["prior-funding", 15, "N", "error"],
    ["uscc-checksum", 19, "F", "error"],
    ["excluded-by-list", 19, "O", "error"],
    ["cell-error", 20, "M", "error"],
    ["not-legal-person", 20, "G", "error"],
    ["enterprise-cap", 20, "G", "error"],
    ["uscc-format", 22, "F", "error"],
  ],
};

describe("each sample yields the findings its rows intend", () => {
  for (const sample of SAMPLES) {
    const report = reportOf(sample.id);
    it(`${sample.id}: intended findings at their rows and columns`, () => {
      const got = report.findings.map((f) => `${f.code} ${f.row ?? "-"} ${f.column ?? "-"} ${f.severity}`);
      for (const [code, row, col, severity] of EXPECTED[sample.id]!) {
        expect(got, `${code} at row ${row}`).toContain(`${code} ${row} ${col ?? "-"} ${severity}`);
      }
    });

    it(`${sample.id}: title, 填报单位, empty, 合计 and 填报说明 rows raise nothing and are counted`, () => {
      expect(report.headerRows.length).toBeGreaterThan(0);
      const skippedRows = new Set(report.skipped.map((s) => s.row));
      for (const f of report.findings) if (f.row !== undefined) expect(skippedRows.has(f.row), `finding on skipped row ${f.row}`).toBe(false);
      expect(report.skipped.filter((s) => s.reason === "total")).toHaveLength(1);
      expect(report.skipped.filter((s) => s.reason === "note")).toHaveLength(1);
      expect(report.counts.rowsRead).toBe(report.counts.rowsChecked + report.counts.rowsSkipped);
      for (const f of report.findings) expect(f.row === undefined || f.row > report.headerRows[report.headerRows.length - 1]!).toBe(true);
    });
  }

  it("js-2023-platform: the header below a title and a 填报单位 line; 16 columns mapped", () => {
    const r = reportOf("js-2023-platform");
    expect(r.headerRows).toEqual([3]);
    expect(r.columns.filter((c) => c.field !== null)).toHaveLength(16);
    expect(r.skipped).toEqual([
      { row: 19, reason: "empty" },
      { row: 25, reason: "empty" },
      { row: 26, reason: "total" },
      { row: 27, reason: "note" },
    ]);
    const dup = r.findings.find((f) => f.code === "duplicate-applicant")!;
    expect(dup.rows).toEqual([4, 15]);
    // Priority: declared names and aliases (软件和信息服务 → 核心信息技术), "大数据+" with its quotes.
    const names = r.priority.map((p) => `${p.row}:${p.name}`);
    expect(names).toContain("6:核心信息技术");
    expect(names).toContain("16:“大数据+”");
    expect(r.priority.every((p) => p.via === "declared")).toBe(true);
  });

  it("js-2023-benchmark-factory: a two-row header joins group titles to their children", () => {
    const r = reportOf("js-2023-benchmark-factory");
    expect(r.headerRows).toEqual([3, 4]);
    const byField = Object.fromEntries(r.columns.filter((c) => c.field !== null).map((c) => [c.field, c.column]));
    expect(byField).toMatchObject({ investPlatform: "H", investDevices: "I", investTesting: "J", investment: "K", certified: "L", certificateValidUntil: "M", capBasic: "N", capManufacturing: "O", capBenchmark: "P" });
    expect(r.columns.find((c) => c.field === "investment")!.header).toBe("近三年投入（万元）/合计");
  });

  it("sd-2023-platform: quota 10 with 中央驻鲁 and 省属 exempt; the central code raises no province finding", () => {
    const r = reportOf("sd-2023-platform");
    // Corrections, third reading (Quota places): the 11 rows failing another hard condition take no place; of the 12
    // that can be recommended, the first 10 in sheet order take the places (nothing ranks them, and the report says so).
    expect(r.quotas).toEqual([
      { id: "sd-2023-platform-quota", label: "平台", labelEn: "platforms", counted: 12, exempt: 3, exemptRows: [17, 18, 30], quota: 10, excess: 2, failing: 11, placed: [4, 5, 6, 7, 8, 16, 24, 25, 27, 28], placedBy: "order",
        candidates: [4, 5, 6, 7, 8, 16, 24, 25, 27, 28, 29, 31], failingRows: [9, 10, 11, 12, 13, 15, 19, 20, 21, 22, 26] },
    ]);
    // Each of the two rows beyond the quota is judged (and left out of the export).
    expect(r.findings.filter((f) => f.code === "quota-exceeded").map((f) => f.row)).toEqual([29, 31]);
    expect(r.notes.some((n) => n.includes("名单没有推荐排序") && n.includes("按表中顺序"))).toBe(true);
    expect(r.findings.filter((f) => (f.row === 16 || f.row === 24) && f.code.startsWith("uscc"))).toEqual([]);
    expect(r.findings.filter((f) => f.code === "duplicate-applicant")).toEqual([]);
  });

  it("sd-2024-gfbj-2: two USCC columns under merged titles; ranks and an unset quota", () => {
    const r = reportOf("sd-2024-gfbj-2");
    expect(r.headerRows).toEqual([3, 4]);
    expect(r.columns.filter((c) => ["leadName", "leadUscc", "siteName", "siteUscc"].includes(c.field ?? "")).map((c) => c.column)).toEqual(["E", "F", "G", "H"]);
    // Corrections, third reading (Quota places): of the 14 rows that would count, the 11 failing another condition take no place.
    expect(r.quotas[0]).toMatchObject({ counted: 3, failing: 11, exempt: 3, quota: null, excess: 0 });
    expect(r.ranks).toEqual({ expected: 14, missing: [5, 11, 12], duplicated: [7], unranked: 0 });
    expect(r.notes.some((n) => n.includes("推荐名额未设置"))).toBe(true);
    expect(r.findings.find((f) => f.code === "group-cap")!.rows).toHaveLength(9);
  });

  it("js-2020-666: 云基地 is an accepted short form; 示范企业 suggests the full type", () => {
    const r = reportOf("js-2020-666");
    expect(r.findings.filter((f) => f.row === 11 && f.code === "value-not-allowed")).toEqual([]);
    expect(r.findings.find((f) => f.row === 10 && f.code === "value-not-allowed")!.hint).toContain("上云上平台示范企业");
  });

  it("the same sample checked twice gives the same report, and the grid is untouched", () => {
    const sample = SAMPLES[0]!;
    const grid = sampleGrid(sample);
    const before = JSON.stringify(grid);
    const a = check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city });
    const b = check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city });
    expect(JSON.stringify(grid)).toBe(before);
    expect(b).toEqual(a);
  });
});
