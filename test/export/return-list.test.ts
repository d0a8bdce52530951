/**
 * 退回修改清单: one sheet per district holding exactly the report's rows with an error or a warning
 * and every one of their findings (info left out); a clean district told so; list-level findings on
 * the overview; province mode by city; and the .xlsx as drawn.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtinProgramme } from "../../src/domain/catalogue";
import { gridFromValues, type Grid } from "../../src/domain/cells";
import { check } from "../../src/domain/check";
import { planReturnLists, returnListFileName, returnListSheets, type ReturnPlan } from "../../src/domain/export/return-list";
import { mergeLists, type MergeInput } from "../../src/domain/merge";
import { Report } from "../../src/domain/report";
import { rowVerdicts } from "../../src/domain/verdict";
import { returnListWorkbook } from "../../src/export/return-list";
import { lister, uscc, VALID } from "../domain/check-helpers";

const sd = builtinProgramme("sd-2023-platform");
const HEADER = ["序号", "申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否纳入严重失信黑名单"];

function district(rows: (string | number | null)[][]): Grid {
  return gridFromValues([HEADER, ...rows], "Sheet1");
}

/** 历下区: one clean row, one blacklisted (error), one bad code (error); 历城区: clean; 章丘区: a 建设中 platform (error) and an unreadable answer. */
function inputs(): MergeInput[] {
  return [
    { file: "历下区.xlsx", sheet: "Sheet1", grid: district([
      [1, "济南甲一科技有限公司", uscc("370102", 1), "综合型", "民营", "已建成运营", "否"],
      [2, "济南甲二科技有限公司", uscc("370102", 2), "综合型", "民营", "已建成运营", "是（已整改）"],
      [3, "济南甲三科技有限公司", "91370102MA3C1234X9", "综合型", "民营", "已建成运营", "否"],
    ]) },
    { file: "历城区.xlsx", sheet: "Sheet1", grid: district([[1, "济南乙一软件有限公司", uscc("370112", 11), "综合型", "民营", "已建成运营", "否"]]) },
    { file: "章丘区.xlsx", sheet: "名单", grid: district([
      [1, "济南丙一智能有限公司", uscc("370114", 21), "综合型", "民营", "建设中", "否"],
      [2, "济南丙二智能有限公司", uscc("370114", 22), "综合型", "民营", "已建成运营", "不清楚"],
    ]) },
  ];
}

function merged(): { grid: Grid; report: Report } {
  const m = mergeLists(inputs(), { programme: sd, city: "济南" });
  const report = Report.parse(check(m.grid, { programme: sd, city: "济南", readFindings: m.readFindings }));
  return { grid: m.grid, report };
}

describe("planReturnLists on a merged list", () => {
  const { grid, report } = merged();
  const plan = planReturnLists(grid, report, { date: "2026-12-03" });

  it("has one unit per district, in the list's order, each with its row count", () => {
    expect(plan.by).toBe("district");
    expect(plan.units.map((u) => [u.unit, u.total])).toEqual([["历下区", 3], ["历城区", 1], ["章丘区", 2]]);
  });

  it("holds exactly the rows the report judges with an error or a warning, each in its district", () => {
    const verdicts = rowVerdicts(report);
    const listed = plan.units.flatMap((u) => u.rows.map((r) => r.row)).sort((a, b) => a - b);
    expect(listed).toEqual([...verdicts.keys()].sort((a, b) => a - b));
    expect(listed.length).toBeGreaterThanOrEqual(3);
    for (const u of plan.units) {
      for (const r of u.rows) {
        const src = report.findings.find((f) => f.row === r.row && f.sources)?.sources?.[0];
        if (src?.district) expect(src.district).toBe(u.unit);
        expect(r.items.some((i) => i.severity === "error")).toBe(verdicts.get(r.row) === "error");
      }
      expect(u.errors + u.warnings).toBe(u.rows.length);
    }
  });

  it("lists every error and warning finding of a row once, and no info", () => {
    for (const u of plan.units) {
      for (const r of u.rows) {
        const own = report.findings.filter((f) => f.row === r.row && f.severity !== "info");
        const distinct = new Set(own.map((f) => `${f.code}|${f.message}`));
        expect(r.items).toHaveLength(distinct.size);
        expect(new Set(r.items.map((i) => `${i.code}|${i.message}`))).toEqual(distinct);
      }
    }
  });

  it("names the enterprise, the district's own file and row, what to do and the clause", () => {
    const lixia = plan.units.find((u) => u.unit === "历下区")!;
    const black = lixia.rows.find((r) => r.applicant === "济南甲二科技有限公司")!;
    expect(black.place).toBe("历下区.xlsx（Sheet1）第3行");
    const item = black.items.find((i) => i.code === "restricted")!;
    expect(item.severity).toBe("error");
    expect(item.clause).toMatch(/鲁工信/);
    expect(item.todo.length).toBeGreaterThan(0);
    const zhang = plan.units.find((u) => u.unit === "章丘区")!;
    expect(zhang.rows.find((r) => r.applicant === "济南丙二智能有限公司")!.place).toBe("章丘区.xlsx（名单）第3行");
  });

  it("says errors before warnings within a row", () => {
    for (const u of plan.units) for (const r of u.rows) {
      const firstWarning = r.items.findIndex((i) => i.severity === "warning");
      const lastError = r.items.map((i) => i.severity).lastIndexOf("error");
      if (firstWarning >= 0 && lastError >= 0) expect(lastError).toBeLessThan(firstWarning);
    }
  });

  it("tells a clean district it has nothing to correct", () => {
    const specs = returnListSheets(plan);
    expect(specs.map((s) => s.name)).toEqual(["汇总", "历下区", "历城区", "章丘区"]);
    const licheng = specs[2]!;
    expect(licheng.cells.some((c) => c.value === "本名单未发现问题，无需修改。")).toBe(true);
    const overview = specs[0]!;
    const rowOf = (name: string) => overview.cells.find((c) => c.value === name)!.row;
    const valuesIn = (row: number) => overview.cells.filter((c) => c.row === row).sort((a, b) => a.column - b.column).map((c) => c.value);
    expect(valuesIn(rowOf("历城区"))).toEqual([2, "历城区", 1, 0, 0, 0, "历城区"]);
  });

  it("names the file after the city, programme and date", () => {
    expect(returnListFileName(plan)).toBe("退回修改清单-济南市-省级工业互联网平台入库-2026-12-03.xlsx");
  });
});

describe("planReturnLists without a merge", () => {
  const js = builtinProgramme("js-2023-platform");
  const l = lister(["序号", "所在县（市、区）", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "是否已认定为省重点平台", "是否升级申报", "平台投入（万元）"], VALID.jsPlatform);

  it("groups by the district column, a district merged down its rows carried to each", () => {
    const grid = l.grid(
      l.row({ "所在县（市、区）": "江宁区" }, 1),
      l.row({ "所在县（市、区）": "江宁区", 注册时间: "2024-05-01", 建设情况: "在建" }, 2),
      l.row({ "所在县（市、区）": "秦淮区", 统一社会信用代码: "123" }, 3),
    );
    const report = Report.parse(check(grid, { programme: js, city: "南京" }));
    const plan = planReturnLists(grid, report, { date: "2026-12-03" });
    expect(plan.units.map((u) => [u.unit, u.total, u.rows.map((r) => r.row)])).toEqual([["江宁区", 2, [4]], ["秦淮区", 1, [5]]]);
    const row4 = plan.units[0]!.rows[0]!;
    expect(row4.applicant).toBe("南京甲2科技有限公司");
    expect(row4.items.filter((i) => i.severity === "error").length).toBeGreaterThanOrEqual(2);
    expect(row4.place).toBe("第4行");
  });

  it("is one unit named after the city when the list names no district", () => {
    const plain = lister(["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "平台投入（万元）"], VALID.jsPlatform);
    const grid = plain.grid(plain.row({}, 1), plain.row({ 建设情况: "在建" }, 2));
    const report = Report.parse(check(grid, { programme: js, city: "南京" }));
    const plan = planReturnLists(grid, report, { date: "2026-12-03" });
    expect(plan.by).toBe("list");
    expect(plan.units.map((u) => [u.unit, u.total, u.rows.length])).toEqual([["南京市", 2, 1]]);
  });

  it("puts findings about the whole list on the overview", () => {
    const grid = gridFromValues([["名称", "代码"], ["某公司", "x"]]);
    const report = Report.parse(check(grid, { programme: js, city: "南京" }));
    const plan = planReturnLists(grid, report, { date: "2026-12-03" });
    expect(plan.listLevel.some((i) => i.code === "header-missing")).toBe(true);
    const overview = returnListSheets(plan)[0]!;
    expect(overview.cells.some((c) => typeof c.value === "string" && c.value.includes("整份名单的问题"))).toBe(true);
  });
});

describe("province mode", () => {
  it("has one unit per city", () => {
    const qd = district([[1, "青岛甲一科技有限公司", uscc("370212", 1), "综合型", "民营", "建设中", "否"]]);
    const jn = district([[1, "济南甲一科技有限公司", uscc("370102", 1), "综合型", "民营", "已建成运营", "否"]]);
    const m = mergeLists([{ file: "青岛市.xlsx", sheet: "Sheet1", grid: qd, unit: "青岛市" }, { file: "济南市.xlsx", sheet: "Sheet1", grid: jn, unit: "济南市" }], { programme: sd, city: "山东省" });
    const report = Report.parse(check(m.grid, { programme: sd, city: "山东省" }));
    const plan = planReturnLists(m.grid, report, { date: "2026-12-03" });
    expect(plan.by).toBe("city");
    expect(plan.city).toBe("山东省");
    const units = Object.fromEntries(plan.units.map((u) => [u.unit, u.rows.length]));
    expect(Object.keys(units).sort()).toEqual(["济南市", "青岛市"].sort());
    expect(Object.values(units).reduce((a, b) => a + b, 0)).toBe(rowVerdicts(report).size);
  });
});

describe("the .xlsx", () => {
  it("draws one sheet per district whose table rows are the plan's findings", async () => {
    const { grid, report } = merged();
    const plan: ReturnPlan = planReturnLists(grid, report, { date: "2026-12-03" });
    const specs = returnListSheets(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await returnListWorkbook(plan)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(specs.map((s) => s.name));
    plan.units.forEach((u, i) => {
      const ws = wb.worksheets[i + 1]!;
      const spec = specs[i + 1]!;
      expect(ws.getCell(spec.parts.headerRow, 4).value).toBe("申报单位");
      const read: string[] = [];
      for (let r = spec.parts.firstDataRow; r <= spec.parts.lastTableRow; r++) read.push(`${ws.getCell(r, 4).value}|${ws.getCell(r, 7).value}`);
      expect(read).toEqual(u.rows.flatMap((row) => row.items.map((it) => `${row.applicant}|${it.message}`)));
      expect(ws.pageSetup.orientation).toBe("landscape");
    });
  });
});
