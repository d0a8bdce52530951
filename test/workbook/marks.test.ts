import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/domain/cells";
import { Report, type Finding } from "../../src/domain/report";
import {
  dataRows,
  fillsToRead,
  MARK_COLOURS,
  markOps,
  parseAddress,
  planMarks,
  resultConflicts,
  withoutResultColumn,
  type MarkRecord,
} from "../../src/workbook/marks";

// A small list: title row, header on row 2, four applicants, a 合计 row.
const grid = gridFromValues(
  [
    ["南京市江宁区推荐汇总表"],
    ["序号", "申报单位", "统一社会信用代码", "注册时间", "推荐排序"],
    [1, "南京甲科技有限公司", "91320115MAHEGG3M0K", "2018-05-16", 1],
    [2, "南京乙科技有限公司", "91320115MAHEGG3M0X", "2022-06-18", 2],
    [3, "南京丙科技有限公司", "91320115MAHEGG3M0K", "2016-01-01", 3],
    [4, "南京丁科技有限公司", "91320115MA7CUJMB6J", "2017-08-09", 4],
    ["合计", "", "", "", ""],
  ],
  "江宁区",
);

function finding(f: Partial<Finding> & Pick<Finding, "code" | "severity">): Finding {
  return { message: "测试信息", messageEn: "test message", ...f };
}

function report(findings: Finding[], extra: Partial<Report> = {}): Report {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  return Report.parse({
    programme: "js-2023-platform",
    programmeTitle: "江苏省重点工业互联网平台",
    city: "南京市",
    asOf: "2023-02-28",
    sheet: "江宁区",
    headerRows: [2],
    columns: [
      { field: "seq", column: "A", header: "序号", confidence: 1, why: "header", samples: [] },
      { field: "applicant", column: "B", header: "申报单位", confidence: 1, why: "header", samples: [] },
      { field: "uscc", column: "C", header: "统一社会信用代码", confidence: 1, why: "header", samples: [] },
    ],
    mappingKey: "",
    mappingUncertain: false,
    counts: { rowsRead: 7, rowsChecked: 4, rowsSkipped: 1, errors, warnings, infos: 0, priority: 0, byCode: {} },
    skipped: [{ row: 7, reason: "total" }],
    quotas: [],
    ranks: null,
    priority: [],
    notes: [],
    findings,
    ...extra,
  });
}

const sample = report(
  [
    finding({ code: "uscc-checksum", severity: "error", row: 4, column: "C", field: "uscc", value: "91320115MAHEGG3M0X" }),
    finding({ code: "registered-too-recently", severity: "error", row: 4, column: "D", field: "registeredOn" }),
    // As the check gives them: the repeat (row 5) is judged, the first (row 3) is kept and only named.
    finding({ code: "duplicate-applicant", severity: "error", row: 5, rows: [3, 5], column: "C", field: "uscc" }),
    finding({ code: "similar-applicant", severity: "warning", row: 5, rows: [3, 5] }),
    finding({ code: "rank-invalid", severity: "warning", row: 6 }),
    finding({ code: "header-missing", severity: "error", field: "phone" }),
  ],
  {
    priority: [{ row: 6, applicant: "南京丁科技有限公司", name: "前沿新材料", kind: "cluster", via: "reference-uscc", reason: "在优先企业名单中" }],
  },
);

describe("planMarks", () => {
  const plan = planMarks(sample, grid, "zh");

  it("puts 校验结果 in the first column right of the data, on the header row", () => {
    expect(plan.resultColumn).toBe(6);
    expect(plan.headerRow).toBe(2);
    expect(plan.headerText).toBe("校验结果");
  });

  it("writes one result line per checked row, none for the skipped 合计 row", () => {
    expect(dataRows(sample, grid)).toEqual([3, 4, 5, 6]);
    expect(plan.results.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    const byRow = new Map(plan.results.map((r) => [r.row, r]));
    expect(byRow.get(4)!.level).toBe("error");
    expect(byRow.get(4)!.text).toBe("错误：统一社会信用代码校验位错误（C列）；注册时间不满要求年限（D列）");
    expect(byRow.get(5)!.text).toContain("同一企业重复报送（C列）");
    expect(byRow.get(5)!.text).toContain("警告：名称相近、代码不同");
    // The kept row is not judged: it passes, and its result says where its twin is.
    expect(byRow.get(3)!.level).toBe("ok");
    expect(byRow.get(3)!.text).toBe("通过。提示：同一企业重复报送（见第5行）；名称相近、代码不同（见第5行）");
    expect(byRow.get(6)!.level).toBe("warning");
    expect(byRow.get(6)!.text).toContain("优先：前沿新材料");
  });

  it("fills flagged cells red or amber, the priority applicant blue, and the result cell by the row's worst", () => {
    const fill = new Map(plan.fills.map((f) => [`${f.row},${f.column}`, f.level]));
    expect(fill.get("4,3")).toBe("error");
    expect(fill.get("4,4")).toBe("error");
    expect(fill.has("3,3")).toBe(false);
    expect(fill.get("5,3")).toBe("error");
    expect(fill.get("6,2")).toBe("priority");
    expect(fill.get("4,6")).toBe("error");
    expect(fill.get("6,6")).toBe("warning");
    // a row-level warning without a column marks only the result cell
    expect([...fill.keys()].filter((k) => k.startsWith("6,"))).toEqual(["6,2", "6,6"]);
    // nothing outside the data and result column; nothing on the header, title or 合计 rows
    for (const f of plan.fills) {
      expect(f.column).toBeLessThanOrEqual(6);
      expect([3, 4, 5, 6]).toContain(f.row);
    }
  });

  it("puts the finding's message and hint in a note on each flagged cell", () => {
    expect(plan.notes.map((n) => `${n.row},${n.column}`)).toEqual(["4,3", "4,4", "5,3"]);
    const withHint = planMarks(report([finding({ code: "uscc-numeric-truncated", severity: "error", row: 4, column: "C", message: "代码被存成数字。", hint: "把该列设为文本后重新粘贴。" })]), grid);
    expect(withHint.notes).toEqual([{ row: 4, column: 3, text: "代码被存成数字。 把该列设为文本后重新粘贴。" }]);
  });

  it("is deterministic and in English when asked", () => {
    expect(planMarks(sample, grid, "zh")).toEqual(plan);
    const en = planMarks(sample, grid, "en");
    expect(en.results.find((r) => r.row === 4)!.text).toBe("Error: USCC check character wrong (C); Registered too recently (D)");
    expect(en.headerText).toBe("校验结果");
  });

  it("marks nothing but the header when the header was not found", () => {
    const p = planMarks(report([finding({ code: "header-missing", severity: "error", field: "uscc" })], { headerRows: [], skipped: [] }), grid);
    expect(p.results).toEqual([]);
    expect(p.fills).toEqual([]);
    expect(p.headerRow).toBe(1);
  });

  it("marks a passing row 通过 with no fill", () => {
    const p = planMarks(report([]), grid);
    expect(p.results.every((r) => r.text === "通过" && r.level === "ok")).toBe(true);
    expect(p.fills).toEqual([]);
  });
});

describe("mark records", () => {
  const plan = planMarks(sample, grid, "zh");
  const userFills = new Map([["4,3", "#FFFF00"]]); // the user had highlighted C4 yellow
  const current = (r: number, c: number) => userFills.get(`${r},${c}`) ?? null;

  it("records each marked cell's original fill, so clear restores it", () => {
    const ops = markOps(plan, undefined, current);
    const rec = ops.record!;
    expect(rec.fills.find((f) => f.row === 4 && f.column === 3)!.original).toBe("#FFFF00");
    expect(rec.fills.find((f) => f.row === 4 && f.column === 4)!.original).toBeNull();
    expect(rec.resultRows).toEqual([2, 3, 4, 5, 6]);
    const clear = markOps(null, rec, () => "#FFC7CE");
    expect(clear.restore).toEqual(rec.fills);
    expect(clear.clearResults).toEqual(rec.resultRows.map((row) => ({ row, column: 6 })));
    expect(clear.record).toBeUndefined();
  });

  it("applying the same plan twice gives the same writes and record as once", () => {
    const first = markOps(plan, undefined, current);
    // After the first apply the sheet shows our colours; the record still knows the originals.
    const painted = (r: number, c: number) => MARK_COLOURS[plan.fills.find((f) => f.row === r && f.column === c)?.level ?? "error"];
    expect(fillsToRead(plan, first.record)).toEqual([]);
    const second = markOps(plan, first.record, painted);
    expect(second.record).toEqual(first.record);
    expect(second.restore).toEqual([]);
    expect(second.clearResults).toEqual([]);
    expect(second.fill).toEqual(first.fill);
    expect(second.write).toEqual(first.write);
  });

  it("a re-check with fewer findings restores the cells no longer flagged", () => {
    const first = markOps(plan, undefined, current).record!;
    const fixed = planMarks(report([finding({ code: "rank-invalid", severity: "warning", row: 6 })]), grid);
    const ops = markOps(fixed, first, () => "#FFC7CE");
    const restored = new Map(ops.restore.map((f) => [`${f.row},${f.column}`, f.original]));
    expect(restored.get("4,3")).toBe("#FFFF00");
    expect(restored.get("4,4")).toBeNull();
    expect(restored.has("6,6")).toBe(false); // still flagged
    expect(ops.record!.fills.map((f) => `${f.row},${f.column}`)).toEqual(["6,6"]);
  });

  it("refuses to write the result column over the user's data, but overwrites its own", () => {
    const taken = (r: number, c: number) => r === 5 && c === 6;
    expect(resultConflicts(plan, undefined, taken)).toEqual(["F5"]);
    const rec: MarkRecord = markOps(plan, undefined, current).record!;
    const ours = (_r: number, c: number) => c === 6;
    expect(resultConflicts(plan, rec, ours)).toEqual([]);
  });

  it("leaves the result column out when reading the sheet again", () => {
    const rec = markOps(plan, undefined, current).record!;
    const marked = gridFromValues(grid.rows.map((r, i) => [...r.map((c) => c.value), i === 1 ? "校验结果" : i >= 2 && i <= 5 ? "通过" : null]), "江宁区");
    expect(withoutResultColumn(marked, rec, ["校验结果"])).toEqual(grid);
    // A column the user titled differently is not ours: kept.
    const other = gridFromValues(grid.rows.map((r, i) => [...r.map((c) => c.value), i === 1 ? "备注" : null]), "江宁区");
    expect(withoutResultColumn(other, rec, ["校验结果"]).rows[1].length).toBe(6);
  });
});

describe("parseAddress", () => {
  it("reads cells, ranges, absolute refs, sheet prefixes, whole rows and several areas", () => {
    expect(parseAddress("C5")).toEqual([{ top: 5, left: 3, bottom: 5, right: 3 }]);
    expect(parseAddress("江宁区!$A$3:P9")).toEqual([{ top: 3, left: 1, bottom: 9, right: 16 }]);
    expect(parseAddress("A4:P4,A15:P15").length).toBe(2);
    expect(parseAddress("4:4", { rows: 100, columns: 20 })).toEqual([{ top: 4, left: 1, bottom: 4, right: 20 }]);
  });
});
