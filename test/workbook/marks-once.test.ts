/**
 * Each 校验结果 cell says each problem once (issue 22 item 5). A rule that finds a group at fault gives
 * each row of it a finding naming the whole group (ten rows over the quota: ten findings of ten rows);
 * a row's own finding says the problem, the group's others only name it. Rows named by others' findings
 * (the kept twin of a duplicate) say the problem once with every row it concerns.
 */
import { describe, expect, it } from "vitest";
import { builtinProgramme } from "../../src/domain/catalogue";
import { gridFromValues } from "../../src/domain/cells";
import { check } from "../../src/domain/check";
import { planReturnLists } from "../../src/domain/export/return-list";
import { mergeLists } from "../../src/domain/merge";
import { Report, type Finding } from "../../src/domain/report";
import { SAMPLES, sampleGrid } from "../../src/samples/index";
import { planMarks } from "../../src/workbook/marks";
import { lister, listGrid, VALID } from "../domain/check-helpers";

const SD_HEADER = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否纳入严重失信黑名单"];
const { rows: sdRows } = lister(SD_HEADER, VALID.sdPlatform);

/** 历下区 12 rows, 历城区 8: merged, 20 rows for 济南's 10 places, so 10 rows are over the quota. */
function mergedOverQuota() {
  const lixia = listGrid(SD_HEADER, sdRows(12), "历下区推荐汇总表");
  const licheng = listGrid(
    SD_HEADER,
    sdRows(8).map((r, i) => ({ ...r, 申报单位名称: `济南乙${i + 1}软件有限公司`, 统一社会信用代码: VALID.sdPlatform(100 + i).统一社会信用代码 })),
    "历城区推荐汇总表",
  );
  const merged = mergeLists([{ file: "历下区.xlsx", sheet: "Sheet1", grid: lixia }, { file: "历城区.xlsx", sheet: "Sheet1", grid: licheng }], { programme: builtinProgramme("sd-2023-platform"), city: "济南" });
  const report = Report.parse(check(merged.grid, { programme: builtinProgramme("sd-2023-platform"), city: "济南" }));
  return { grid: merged.grid, report };
}

const times = (text: string, part: string) => text.split(part).length - 1;

/** The problems a result text names: "错误：A（C列）；B。提示：C（见第5行）" → A, B, C. */
function items(text: string): string[] {
  return text
    .split(/[。|]/)
    .flatMap((part) => part.replace(/^\s*[^：:]+[：:]\s*/, "").split(/[；;]\s*/))
    .map((s) => s.replace(/\s*[（(][^（()）]*[)）]$/, "").trim())
    .filter(Boolean);
}

describe("a merged list's rows over the quota", () => {
  const { grid, report } = mergedOverQuota();
  const over = report.findings.filter((f) => f.code === "quota-exceeded");

  it("are ten findings, each naming the ten rows", () => {
    expect(over).toHaveLength(10);
    for (const f of over) expect(f.rows).toHaveLength(10);
    expect(new Set(over.map((f) => f.sources?.[0]?.district))).toEqual(new Set(["历下区", "历城区"]));
  });

  it("each over row's 校验结果 says 超出推荐名额 once, without naming the other nine", () => {
    const plan = planMarks(report, grid, "zh");
    for (const f of over) {
      const line = plan.results.find((r) => r.row === f.row)!;
      expect(line.level).toBe("error");
      expect(times(line.text, "超出推荐名额"), line.text).toBe(1);
      expect(line.text).not.toContain("见第");
      expect(line.text).toBe("错误：超出推荐名额");
    }
    const en = planMarks(report, grid, "en");
    for (const f of over) expect(times(en.results.find((r) => r.row === f.row)!.text, "Quota exceeded")).toBe(1);
  });

  it("each over row's cell note and its return list row say it once too", () => {
    const plan = planMarks(report, grid, "zh");
    for (const n of plan.notes) expect(new Set(n.text.split("\n")).size).toBe(n.text.split("\n").length);
    const returned = planReturnLists(grid, report, { date: "2026-12-03" });
    const rows = returned.units.flatMap((u) => u.rows);
    for (const f of over) {
      const row = rows.find((r) => r.row === f.row)!;
      expect(row.items.filter((i) => i.code === "quota-exceeded")).toHaveLength(1);
    }
  });
});

describe("rows a finding names without judging them", () => {
  const grid = gridFromValues([
    ["XX区推荐汇总表"],
    ["序号", "申报单位", "统一社会信用代码", "推荐排序"],
    [1, "甲公司", "A", 1],
    [2, "甲公司", "A", 2],
    [3, "甲公司", "A", 3],
    [4, "乙公司", "B", 5],
  ]);
  const f = (x: Partial<Finding> & Pick<Finding, "code" | "severity">): Finding => ({ message: "测试", messageEn: "test", ...x });
  const report = (findings: Finding[]) =>
    Report.parse({
      programme: "js-2023-platform",
      programmeTitle: "江苏省重点工业互联网平台",
      city: "南京市",
      asOf: "2023-03-31",
      sheet: "Sheet1",
      headerRows: [2],
      columns: [],
      mappingKey: "",
      mappingUncertain: false,
      counts: { rowsRead: 4, rowsChecked: 4, rowsSkipped: 0, errors: findings.filter((x) => x.severity === "error").length, warnings: 0, infos: 0, priority: 0, byCode: {} },
      skipped: [],
      quotas: [],
      ranks: null,
      priority: [],
      notes: [],
      findings,
    });

  it("the kept twin of a group of three says the problem once, with both repeats; each repeat says its own once", () => {
    const plan = planMarks(report([f({ code: "duplicate-applicant", severity: "error", row: 4, rows: [3, 4, 5] }), f({ code: "duplicate-applicant", severity: "error", row: 5, rows: [3, 4, 5] })]), grid);
    const text = (row: number) => plan.results.find((r) => r.row === row)!.text;
    expect(text(3)).toBe("通过。提示：同一企业重复报送（见第4、5行）");
    expect(text(4)).toBe("错误：同一企业重复报送");
    expect(text(5)).toBe("错误：同一企业重复报送");
  });

  it("one problem in two cells of a row is said once, naming both columns", () => {
    const plan = planMarks(report([f({ code: "capability-incomplete", severity: "error", row: 3, column: "B" }), f({ code: "capability-incomplete", severity: "error", row: 3, column: "D" })]), grid);
    expect(plan.results.find((r) => r.row === 3)!.text).toBe("错误：能力覆盖不满足要求（B、D列）");
    expect(planMarks(report([f({ code: "capability-incomplete", severity: "error", row: 3, column: "B" }), f({ code: "capability-incomplete", severity: "error", row: 3, column: "D" })]), grid, "en").results.find((r) => r.row === 3)!.text).toMatch(/\(B, D\)$/);
  });

  it("a finding of the whole list names each of its rows once, with the others", () => {
    const plan = planMarks(report([f({ code: "rank-invalid", severity: "error", rows: [3, 4, 6] })]), grid);
    const text = (row: number) => plan.results.find((r) => r.row === row)!.text;
    expect(text(3)).toBe("通过。提示：推荐排序有误（见第4、6行）");
    expect(text(6)).toBe("通过。提示：推荐排序有误（见第3、4行）");
  });

  it("a long group names its first rows and counts the rest", () => {
    const big = gridFromValues([["标题"], ["序号", "申报单位"], ...Array.from({ length: 12 }, (_, i) => [i + 1, "甲公司"])]);
    const rows = Array.from({ length: 12 }, (_, i) => 3 + i);
    const r = report(rows.slice(1).map((row) => f({ code: "duplicate-applicant", severity: "error", row, rows })));
    const kept = planMarks(r, big).results.find((x) => x.row === 3)!.text;
    expect(kept).toBe("通过。提示：同一企业重复报送（见第4、5、6、7、8行等11行）");
    expect(planMarks(r, big, "en").results.find((x) => x.row === 3)!.text).toBe("OK | Info: Same USCC on several rows (see rows 4, 5, 6, 7, 8 and 6 more)");
  });
});

describe("every sample and the merged list: no 校验结果 cell says a thing twice", () => {
  const cases = [
    ...SAMPLES.map((s) => {
      const grid = sampleGrid(s);
      return { id: s.id, grid, report: Report.parse(check(grid, { programme: builtinProgramme(s.programmeId), city: s.city })) };
    }),
    { id: "merged over quota", ...mergedOverQuota() },
  ];
  for (const c of cases) {
    it(c.id, () => {
      for (const lang of ["zh", "en"] as const) {
        for (const line of planMarks(c.report, c.grid, lang).results) {
          const parts = items(line.text);
          expect(new Set(parts).size, `${c.id} row ${line.row}: ${line.text}`).toBe(parts.length);
        }
      }
    });
  }
});
