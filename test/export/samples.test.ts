/**
 * End to end on the bundled samples: the engine checks each messy district list, the export plans
 * and writes the summary, and SheetJS — not the exceljs that wrote it — reads it back.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { layoutsOf } from "../../src/domain/export/layouts";
import { planExport, planValueText, type ExportPlan } from "../../src/domain/export/plan";
import { readText } from "../../src/domain/readers";
import type { Grid } from "../../src/domain/cells";
import { buildExportWorkbook } from "../../src/export/xlsx";
import { SAMPLES, sampleGrid, sdGfbj2, jsStarCloud } from "../../src/samples/index";
import { readBack } from "./readback";

function checked(id: string, quota?: number) {
  const sample = SAMPLES.find((s) => s.id === id)!;
  const grid = sampleGrid(sample);
  const report = check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city, ...(quota !== undefined ? { quota } : {}) });
  return { sample, grid, report };
}

function dataCount(plan: ExportPlan): number {
  return plan.rows.filter((r) => r.kind === "data").length;
}

function textAt(grid: Grid, excelRow: number, letter: string): string {
  const cell = grid.rows[excelRow - grid.firstRow][letter.charCodeAt(0) - 65 - (grid.firstColumn - 1)];
  const r = readText(cell);
  return r.status === "ok" ? r.value : "";
}

describe("every sample exports to a readable summary table", () => {
  for (const sample of SAMPLES) {
    for (const layout of layoutsOf(builtinProgramme(sample.programmeId))) {
      for (const includeErrors of [false, true]) {
        it(`${layout.id}${includeErrors ? " with rows that have errors" : ""}`, async () => {
          const { grid, report } = checked(sample.id, 8);
          const plan = planExport(grid, report, builtinProgramme(report.programme), { layoutId: layout.id, includeErrors });
          const errorRows = new Set(report.findings.filter((f) => f.severity === "error" && f.row !== undefined).map((f) => f.row));
          const listRows = report.headerRows.length === 0 ? 0 : grid.rows.length + grid.firstRow - 1 - Math.max(...report.headerRows) - report.skipped.length;
          const expected = includeErrors ? listRows : listRows - [...errorRows].filter((r) => !report.skipped.some((s) => s.row === r)).length;
          expect(dataCount(plan)).toBe(expected);
          expect(dataCount(plan)).toBeGreaterThan(2);
          if (!includeErrors) expect(plan.rows.every((r) => r.kind !== "data" || !errorRows.has(r.sourceRow))).toBe(true);

          const back = readBack(await buildExportWorkbook(plan));
          const n = plan.columns.length;
          expect(back.cell("A2")?.v).toBe(layout.title);
          expect(back.sheet["!merges"]).toContainEqual({ s: { r: 1, c: 0 }, e: { r: 1, c: n - 1 } });
          // Headers are written broken into lines ("平台投入\n（万元）").
          expect(back.rowText(4, n).map((h) => h.replace(/\n/g, ""))).toEqual(plan.columns.map((c) => c.header));
          expect(back.printTitles()).toMatch(/!\$2:\$4$/);
          expect(back.sheetXml).toMatch(/fitToWidth="1"/);
          expect(back.sheetXml).not.toMatch(/<f>|<f /);
          // every planned row, in order, on the sheet
          plan.rows.forEach((row, i) => {
            const got = back.rowText(5 + i, n);
            if (row.kind === "section") expect(got[0]).toBe(row.label);
            else expect(got.map((t) => t.replace(/,/g, ""))).toEqual(row.values.map((v) => planValueText(v).replace(/,/g, "")));
          });
          // USCC columns: text cells, 18 characters, exactly as planned
          plan.columns.forEach((c, ci) => {
            if (!c.header.includes("统一社会信用代码")) return;
            plan.rows.forEach((row, i) => {
              if (row.kind !== "data" || row.values[ci].kind === "empty") return;
              const cell = back.sheet[`${String.fromCharCode(65 + ci)}${5 + i}`];
              expect(cell?.t).toBe("s");
              if (!row.hasErrors) expect(cell?.v).toMatch(/^[0-9A-Z]{18}$/);
            });
          });
        });
      }
    }
  }
});

describe("the samples' particular orders", () => {
  it("工赋百景: ranked projects by rank, then the projects of 中央驻鲁 and 省属 units marked 不占名额", () => {
    const { grid, report } = checked(sdGfbj2.id, 8);
    const plan = planExport(grid, report, builtinProgramme(report.programme), { includeErrors: true });
    const rankCol = plan.columns.findIndex((c) => c.header === "推荐排序");
    const remarks = plan.columns.findIndex((c) => c.header === "备注");
    const rows = plan.rows.filter((r) => r.kind === "data");
    const ranks = rows.filter((r) => !r.exempt).map((r) => Number(planValueText(r.values[rankCol])));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const firstExempt = rows.findIndex((r) => r.exempt);
    expect(firstExempt).toBeGreaterThan(0);
    expect(rows.slice(firstExempt).every((r) => r.exempt)).toBe(true);
    for (const r of rows) {
      const ownership = textAt(grid, r.sourceRow, "K");
      expect(r.exempt, `row ${r.sourceRow} ${ownership}`).toBe(report.quotas[0]!.exemptRows!.includes(r.sourceRow));
      if (r.exempt) {
        expect(planValueText(r.values[remarks])).toContain("不占名额");
        expect(planValueText(r.values[rankCol])).toBe("");
      }
    }
    const exemptStanding = report.quotas[0];
    if (exemptStanding) expect(plan.counts.exempt).toBe(exemptStanding.exempt);
    expect(plan.rows.filter((r) => r.kind === "data").map((r) => planValueText(r.values[0]))).toEqual(rows.map((_, i) => String(i + 1)));
  });

  it("工赋百景: rows left out leave gaps in the ranks (1, 2, 16); the form renumbers them in the city's order and says so", () => {
    // Quota 14: every counted row fits, so only the rows with errors of their own are left out.
    const { grid, report } = checked(sdGfbj2.id, 14);
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const rankCol = plan.columns.findIndex((c) => c.header === "推荐排序");
    const rows = plan.rows.filter((r) => r.kind === "data" && !r.exempt);
    const listRanks = rows.map((r) => (r.kind === "data" ? Number(textAt(grid, r.sourceRow, "A")) : 0));
    expect(listRanks.some((r, i) => r !== i + 1)).toBe(true);
    expect(rows.map((r) => (r.kind === "data" ? planValueText(r.values[rankCol]) : ""))).toEqual(rows.map((_, i) => String(i + 1)));
    expect(plan.renumbered.map((r) => r.from)).toEqual(listRanks.filter((r, i) => r !== i + 1));
    const note = plan.warnings.find((w) => w.code === "ranks-renumbered");
    expect(note?.message).toContain(`${listRanks.join("、")} → ${rows.map((_, i) => i + 1).join("、")}`);
    expect(note?.message).toMatch(/先改正名单/);
  });

  it("星级上云: every 五星 row in the province section, every 三星/四星 row in the city section", () => {
    const { grid, report } = checked(jsStarCloud.id);
    const plan = planExport(grid, report, builtinProgramme(report.programme), { includeErrors: true });
    const star = plan.columns.findIndex((c) => c.header === "申报星级");
    let section = "";
    for (const r of plan.rows) {
      if (r.kind === "section") section = r.label;
      else if (/五|5/.test(planValueText(r.values[star]))) expect(section).toMatch(/^二、五星级/);
      else if (/三|四|3|4/.test(planValueText(r.values[star]))) expect(section).toMatch(/^一、三星级、四星级/);
    }
    expect(plan.rows.filter((r) => r.kind === "section").length).toBeGreaterThanOrEqual(2);
  });

  it("Jiangsu samples mark priority enterprises in 备注 with the cluster or chain", () => {
    const { grid, report } = checked("js-2023-platform");
    const plan = planExport(grid, report, builtinProgramme(report.programme), { includeErrors: true });
    const remarks = plan.columns.findIndex((c) => c.header === "备注");
    const marked = plan.rows.filter((r) => r.kind === "data" && r.priority);
    expect(marked.length).toBe(new Set(report.priority.map((p) => p.row)).size);
    for (const r of marked) if (r.kind === "data") expect(planValueText(r.values[remarks])).toMatch(/属(“531”产业链|先进制造业集群)（.+）/);
  });
});
