/**
 * The pane's findings list (issue 22 item 5): every finding about a row names its enterprise and its
 * district as the engine reads them — the 所在区县 cell, a merged list's source, the city in province
 * mode — and the list filters and sorts by district, row, enterprise, severity and code.
 */
import { describe, expect, it } from "vitest";
import { builtinProgramme } from "../../src/domain/catalogue";
import { columnNumber } from "../../src/domain/cells";
import { check } from "../../src/domain/check";
import { mergeLists } from "../../src/domain/merge";
import { Report, type Finding } from "../../src/domain/report";
import { SAMPLES, sampleGrid } from "../../src/samples/index";
import { ALL_FINDINGS, NO_DISTRICT, codeOptions, districtOptions, filtered, listedFindings, severityCounts, viewFindings, type FindingView } from "../../src/taskpane/findings-view";
import { lister, listGrid, VALID } from "../domain/check-helpers";

const sd = SAMPLES.find((s) => s.id === "sd-2023-platform")!;
const sdGrid = sampleGrid(sd);
const sdReport = Report.parse(check(sdGrid, { programme: builtinProgramme(sd.programmeId), city: sd.city }));
const view = (v: Partial<FindingView>): FindingView => ({ ...ALL_FINDINGS, ...v });

/** The text of a row's cell in the column headed `header` (the check's own mapping). */
function cellOf(report: Report, grid: ReturnType<typeof sampleGrid>, row: number, field: string): string {
  const col = report.columns.find((c) => c.field === field)!;
  return String(grid.rows[row - grid.firstRow]![columnNumber(col.column) - grid.firstColumn]!.value ?? "").trim();
}

describe("findings name their enterprise and district", () => {
  it("every sample: each finding about a row names the enterprise; where the list has 所在区县, that cell", () => {
    for (const s of SAMPLES) {
      const grid = sampleGrid(s);
      const report = Report.parse(check(grid, { programme: builtinProgramme(s.programmeId), city: s.city }));
      const hasDistrict = report.columns.some((c) => c.field === "district");
      for (const f of report.findings.filter((x) => x.row !== undefined)) {
        expect(f.enterprise, `${s.id} ${f.code} row ${f.row}`).toBeTruthy();
        if (hasDistrict) expect(f.district, `${s.id} row ${f.row}`).toBe(cellOf(report, grid, f.row!, "district").replace(/\s+/g, " "));
        else expect(f.district).toBeUndefined();
      }
      for (const f of report.findings.filter((x) => x.row === undefined)) expect(f.district).toBeUndefined();
    }
  });

  it("a merged list without a 所在区县 column: the district its source came from", () => {
    const H = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否纳入严重失信黑名单"];
    const { rows } = lister(H, VALID.sdPlatform);
    const a = listGrid(H, rows(7).map((r, i) => (i === 0 ? { ...r, 统一社会信用代码: "123" } : r)), "历下区推荐汇总表");
    const b = listGrid(H, rows(6).map((r, i) => ({ ...r, 申报单位名称: `济南乙${i + 1}软件有限公司`, 统一社会信用代码: VALID.sdPlatform(100 + i).统一社会信用代码 })), "历城区推荐汇总表");
    const m = mergeLists([{ file: "a.xlsx", sheet: "Sheet1", grid: a }, { file: "b.xlsx", sheet: "Sheet1", grid: b }], { programme: builtinProgramme("sd-2023-platform"), city: "济南" });
    const r = Report.parse(check(m.grid, { programme: builtinProgramme("sd-2023-platform"), city: "济南" }));
    const over = r.findings.filter((f) => f.code === "quota-exceeded");
    expect(over.length).toBe(2);
    for (const f of r.findings.filter((x) => x.row !== undefined)) expect(f.district).toBe(f.sources![0]!.district);
    expect(districtOptions(r.findings).map((o) => o.value).sort()).toEqual(["历下区", "历城区"].sort());
  });

  it("province mode: the row's city", () => {
    const H = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "城市"];
    const { rows } = lister(H, VALID.sdPlatform);
    const grid = listGrid(H, [...rows(2).map((r) => ({ ...r, 城市: "济南市" })), { ...rows(3)[2]!, 城市: "青岛市", 统一社会信用代码: "123" }]);
    const r = Report.parse(check(grid, { programme: builtinProgramme("sd-2023-platform"), city: "山东省" }));
    const bad = r.findings.filter((f) => f.row === 5);
    expect(bad.length).toBeGreaterThan(0);
    for (const f of bad) expect(f.district).toBe("青岛市");
  });
});

describe("filtering and sorting the list", () => {
  const listed = listedFindings(sdReport.findings);

  it("by district: exactly the findings of that district's rows, as the 所在区县 cells say", () => {
    const options = districtOptions(sdReport.findings);
    expect(options.map((o) => o.value).sort()).toEqual(["历下区", "历城区", "莱芜区"].sort());
    for (const o of options) {
      const shown = viewFindings(sdReport.findings, view({ district: o.value }));
      const expected = listed.filter((f) => f.row !== undefined && cellOf(sdReport, sdGrid, f.row, "district") === o.value);
      expect(shown).toHaveLength(expected.length);
      expect(o.count).toBe(expected.length);
      expect(new Set(shown)).toEqual(new Set(expected));
    }
    expect(options.reduce((n, o) => n + o.count, 0)).toBe(listed.length);
  });

  it("by severity and district together, and by code", () => {
    const errorsLixia = viewFindings(sdReport.findings, view({ severity: "error", district: "历下区" }));
    expect(errorsLixia.length).toBe(listed.filter((f) => f.severity === "error" && f.district === "历下区").length);
    expect(errorsLixia.every((f) => f.severity === "error")).toBe(true);
    // The severity choices count within the district chosen.
    const counts = severityCounts(sdReport.findings, view({ severity: "warning", district: "历下区" }));
    expect(counts.error).toBe(errorsLixia.length);
    expect(counts.error + counts.warning + counts.info).toBe(viewFindings(sdReport.findings, view({ district: "历下区" })).length);
    expect(severityCounts(sdReport.findings, ALL_FINDINGS)).toEqual({ error: sdReport.counts.errors, warning: sdReport.counts.warnings, info: listed.filter((f) => f.severity === "info").length });
    for (const o of codeOptions(sdReport.findings)) expect(viewFindings(sdReport.findings, view({ code: o.value })).length).toBe(o.count);
    expect(codeOptions(sdReport.findings).reduce((n, o) => n + o.count, 0)).toBe(listed.length);
  });

  it("by row number or part of an enterprise's name", () => {
    const f = listed.find((x) => x.row !== undefined)!;
    const byRow = viewFindings(sdReport.findings, view({ query: String(f.row) }));
    expect(byRow.length).toBeGreaterThan(0);
    expect(byRow.every((x) => x.row === f.row)).toBe(true);
    const part = f.enterprise!.slice(2, 6);
    const byName = viewFindings(sdReport.findings, view({ query: ` ${part} ` }));
    expect(byName).toContain(f);
    expect(byName.every((x) => x.enterprise!.includes(part))).toBe(true);
    expect(filtered(view({ query: "  " }))).toBe(false);
    expect(filtered(view({ sort: "row" }))).toBe(false);
  });

  it("sorted by row, district, enterprise or severity; nothing is lost or added", () => {
    const rows = (fs: Finding[]) => fs.map((f) => f.row ?? f.rows?.[0] ?? 0);
    const byRow = viewFindings(sdReport.findings, view({ sort: "row" }));
    expect(rows(byRow)).toEqual([...rows(byRow)].sort((a, b) => a - b));
    const byDistrict = viewFindings(sdReport.findings, view({ sort: "district" })).map((f) => f.district ?? "\uffff");
    expect(byDistrict).toEqual([...byDistrict].sort((a, b) => (a === "\uffff" ? 1 : b === "\uffff" ? -1 : a.localeCompare(b, "zh-CN"))));
    const byName = viewFindings(sdReport.findings, view({ sort: "enterprise" })).map((f) => f.enterprise ?? "\uffff");
    expect(byName).toEqual([...byName].sort((a, b) => (a === "\uffff" ? 1 : b === "\uffff" ? -1 : a.localeCompare(b, "zh-CN"))));
    const bySeverity = viewFindings(sdReport.findings, view({ sort: "severity" })).map((f) => f.severity);
    expect(bySeverity.indexOf("warning")).toBeGreaterThan(bySeverity.lastIndexOf("error"));
    for (const sort of ["code", "row", "district", "enterprise", "severity"] as const) expect(new Set(viewFindings(sdReport.findings, view({ sort })))).toEqual(new Set(listed));
  });

  it("findings that name no district are a choice of their own", () => {
    const fs: Finding[] = [
      { code: "header-missing", severity: "error", message: "缺列", messageEn: "missing" },
      { code: "uscc-format", severity: "error", row: 4, district: "江宁区", enterprise: "甲", message: "码", messageEn: "code" },
    ];
    expect(districtOptions(fs)).toEqual([{ value: "江宁区", count: 1 }, { value: NO_DISTRICT, count: 1 }]);
    expect(viewFindings(fs, view({ district: NO_DISTRICT }))).toEqual([fs[0]]);
  });
});
