/**
 * Merging district lists (grids in, one grid and its sources out) and checking the merged list:
 * rows kept, sources named in findings, province mode city by city.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import { gridFromValues, type Grid } from "../../src/domain/cells";
import { check } from "../../src/domain/check";
import { listProgrammes } from "../../src/domain/catalogue";
import { findHeader } from "../../src/domain/header";
import { encodingMixed } from "../../src/domain/read-faults";
import { formatSource, mergeLists, mergedLabel, parseSource, sourcesText, type MergeInput } from "../../src/domain/merge";
import { Report } from "../../src/domain/report";
import { lister, uscc, VALID, withCode } from "./check-helpers";

const sd = listProgrammes().find((p) => p.id === "sd-2023-platform")!;

/** 历下区: the checker's own wording, a title line, a 合计 row. */
function lixia(): Grid {
  return gridFromValues([
    ["2023年省级工业互联网平台推荐汇总表"],
    ["序号", "申报单位", "统一社会信用代码", "平台类型", "企业性质", "建设情况"],
    [1, "济南甲一科技有限公司", uscc("370102", 1), "综合型", "民营", "已建成"],
    [2, "济南甲二科技有限公司", uscc("370102", 2), "面向重点行业", "民营", "已建成"],
    [3, "济南甲三科技有限公司", uscc("370102", 3), "综合型", "民营", "已建成"],
    ["合计", "3家", null, null, null, null],
  ], "Sheet1");
}

/** 历城区: other wording, the columns in another order, one column the programme does not use. */
function licheng(): Grid {
  return gridFromValues([
    ["企业名称", "是否建成", "社会信用代码", "申报方向", "单位性质", "备用列"],
    ["济南乙一软件有限公司", "已建成", uscc("370112", 11), "综合型", "民营", "x"],
    ["济南甲二科技有限公司", "已建成", uscc("370102", 2), "面向重点行业", "民营", "y"],
  ], "Sheet1");
}

const inputs = (): MergeInput[] => [
  { file: "历下区.xlsx", sheet: "Sheet1", grid: lixia() },
  { file: "推荐名单.csv", sheet: "推荐名单", grid: licheng(), unit: "历城区" },
];

describe("mergeLists", () => {
  it("keeps every applicant row, in the programme's header, with its source", () => {
    const m = mergeLists(inputs(), { programme: sd, city: "济南" });
    expect(m.problems).toEqual([]);
    expect(m.grid.sheetName).toBe("合并名单");
    expect(m.grid.rows).toHaveLength(1 + 3 + 2);
    expect(m.sources.map((s) => [s.row, s.district, s.file, s.sourceRow])).toEqual([
      [2, "历下区", "历下区.xlsx", 3],
      [3, "历下区", "历下区.xlsx", 4],
      [4, "历下区", "历下区.xlsx", 5],
      [5, "历城区", "推荐名单.csv", 2],
      [6, "历城区", "推荐名单.csv", 3],
    ]);
    const header = m.grid.rows[0]!.map((c) => c.value);
    expect(header[header.length - 1]).toBe("来源");
    const col = (label: string) => header.indexOf(label);
    // 历城区's 企业名称 lands under 申报单位; its 备用列 is not carried but named.
    expect(m.grid.rows[4]![col("申报单位")]!.value).toBe("济南乙一软件有限公司");
    expect(m.summaries[1]!.unmapped).toEqual(["备用列"]);
    expect(m.summaries[0]!).toMatchObject({ unit: "历下区", unitFrom: "file", rowsTaken: 3, rowsSkipped: 1 });
    expect(m.grid.rows[5]![col("来源")]!.value).toBe("历城区 | 推荐名单.csv | 推荐名单 | 第3行");
  });

  it("leaves its inputs as they were", () => {
    const given = inputs();
    const before = JSON.stringify(given);
    mergeLists(given, { programme: sd, city: "济南" });
    expect(JSON.stringify(given)).toBe(before);
  });

  it("finds the district in a title line or in the district column when the file name does not say", () => {
    const titled = gridFromValues([["填报单位：章丘区工业和信息化局（盖章）"], ["申报单位", "统一社会信用代码", "平台类型", "企业性质"], ["济南丙科技有限公司", uscc("370114", 5), "综合型", "民营"]]);
    const column = gridFromValues([["申报单位", "统一社会信用代码", "平台类型", "企业性质", "所在县（市、区）"], ["济南丁科技有限公司", uscc("370105", 6), "综合型", "民营", "天桥区"]]);
    const m = mergeLists([{ file: "a.xlsx", sheet: "表1", grid: titled }, { file: "b.xlsx", sheet: "表1", grid: column }], { programme: sd, city: "济南" });
    expect(m.summaries.map((s) => [s.unit, s.unitFrom])).toEqual([["章丘区", "title"], ["天桥区", "column"]]);
  });

  it("refuses to drop a list silently: a sheet without a header is a problem", () => {
    const m = mergeLists([{ file: "说明.xlsx", sheet: "填报说明", grid: gridFromValues([["请按表填写"], ["截止日期：6月20日"]]) }], { programme: sd, city: "济南" });
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0]!.message).toContain("找不到表头");
    expect(m.grid.rows).toHaveLength(1);
  });

  it("writes a header every programme's check reads back in full, 来源 included", () => {
    for (const programme of listProgrammes()) {
      const m = mergeLists([], { programme, city: programme.province === "32" ? "南京" : "济南" });
      const header = findHeader(m.grid, programme);
      expect([...header.columns.keys()].sort(), programme.id).toEqual(programme.fields.map((f) => f.field).sort());
      expect(header.ambiguous, programme.id).toEqual([]);
    }
  });

  it("a source's per-row read findings are said once for the source (their rows are the source's, not the merged list's)", () => {
    const findings = encodingMixed([3, 5], "UTF-8", "GB18030");
    const m = mergeLists([{ file: "历下区.csv", sheet: "历下区", grid: lixia(), findings }], { programme: sd, city: "济南" });
    expect(findings).toHaveLength(2);
    expect(m.readFindings.map((f) => [f.code, f.row])).toEqual([["encoding-mixed", undefined]]);
    expect(m.readFindings[0]!.message).toMatch(/^历下区\.csv（工作表“历下区”）：.*第3、5行是 GB18030/);
  });

  it("formats and parses a source, a sheet name with a bar included", () => {
    const s = { file: "历下区 (1).xlsx", sheet: "A | B", sourceRow: 12, district: "历下区" };
    expect(parseSource(formatSource(s))).toEqual(s);
    expect(parseSource(formatSource({ file: "x.csv", sheet: "x", sourceRow: 2 }))).toEqual({ file: "x.csv", sheet: "x", sourceRow: 2 });
    expect(parseSource("历下区")).toBeNull();
  });
});

describe("checking a merged list", () => {
  const merged = () => mergeLists(inputs(), { programme: sd, city: "济南" }).grid;
  const report = () => Report.parse(check(merged(), { programme: builtinProgramme("sd-2023-platform"), city: "济南" }));

  it("a duplicate across districts names both districts and their own rows", () => {
    const dup = withCode(report(), "duplicate-applicant");
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toContain("历下区第4行与历城区第3行为同一单位");
    expect(dup[0]!.sources!.map((s) => [s.district, s.file, s.sheet, s.sourceRow])).toEqual([
      ["历城区", "推荐名单.csv", "推荐名单", 3],
      ["历下区", "历下区.xlsx", "Sheet1", 4],
    ]);
  });

  it("every finding about rows names the source of each row", () => {
    const r = report();
    const aboutRows = r.findings.filter((f) => f.row !== undefined || f.rows?.length);
    expect(aboutRows.length).toBeGreaterThan(0);
    for (const f of aboutRows) {
      const rows = new Set([...(f.row ? [f.row] : []), ...(f.rows ?? [])]);
      expect(new Set(f.sources!.map((s) => s.row))).toEqual(rows);
    }
  });

  it("an amount in another unit keeps it (the merged header says 万元) and is read in it", () => {
    const gfbj = listProgrammes().find((p) => p.id === "sd-2024-gfbj-2")!;
    const GF = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "预期投入（元）"];
    const row = (n: number, amount: number) => [n, "2-01 人工智能大模型赋能研发设计", `项目${n}`, `服务商${n}科技有限公司`, uscc("370212", 100 + n), `制造${n}有限公司`, uscc("370212", 200 + n), amount];
    // 3,000,000元 = 300万元 (over the 100万元 minimum); 500,000元 = 50万元 (under it).
    const m = mergeLists([{ file: "青岛.xlsx", sheet: "Sheet1", grid: gridFromValues([GF, row(1, 3_000_000), row(2, 500_000)]) }], { programme: gfbj, city: "青岛" });
    const header = m.grid.rows[0]!.map((c) => c.value);
    expect(header).toContain("投资额（万元）");
    expect(m.grid.rows[1]![header.indexOf(mergedLabel(gfbj, "investment"))]!.value).toBe("3000000元");
    const r = Report.parse(check(m.grid, { programme: builtinProgramme("sd-2024-gfbj-2"), city: "青岛", quota: 5 }));
    expect(withCode(r, "investment-below-minimum").map((f) => f.row)).toEqual([3]);
    expect(withCode(r, "amount-unreadable")).toEqual([]);
  });

  it("a bare amount in a 元 column reads the same merged as alone, full-width or in Chinese numerals", () => {
    const bf = listProgrammes().find((p) => p.id === "js-2023-benchmark-factory")!;
    const H = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "投资额（元）", "是否通过贯标", "证书有效期至", "基础技术能力（满足项数/3）", "制造系统能力", "企业标杆能力"];
    const L = lister(H, VALID.benchmark);
    // Minimum 2000万元: 1,500,000元 and 贰仟伍佰元 are far under it, read as 万元 they would pass.
    for (const amount of ["１５０００００", "1,500,000", "贰仟伍佰", 1_500_000, "150万元"]) {
      const grid = L.grid(L.row({ "投资额（元）": amount }));
      const verdict = (g: Grid) => withCode(Report.parse(check(g, { programme: builtinProgramme(bf.id), city: "苏州" })), "investment-below-minimum").length;
      const m = mergeLists([{ file: "姑苏区.xlsx", sheet: "Sheet1", grid }], { programme: bf, city: "苏州" });
      expect(verdict(grid), String(amount)).toBe(1);
      expect(verdict(m.grid), String(amount)).toBe(1);
    }
  });

  it("a list without a 来源 column gets no sources", () => {
    const r = Report.parse(check(lixia(), { programme: builtinProgramme("sd-2023-platform"), city: "济南" }));
    expect(r.findings.some((f) => f.sources)).toBe(false);
  });
});

describe("province mode", () => {
  const platform = (name: string, code: string, n: number) => [n, name, code, "综合型", "民营", "已建成"];
  const HEADER = ["序号", "申报单位", "统一社会信用代码", "平台类型", "企业性质", "建设情况"];
  /** 青岛: 11 platforms (quota 10); 济南: 3, one of them also in 青岛's list, one registered in 青岛. */
  function cityLists(): MergeInput[] {
    const qd = Array.from({ length: 11 }, (_, i) => platform(`青岛${i + 1}号科技有限公司`, uscc("370202", 100 + i), i + 1));
    const jn = [
      platform("济南一号科技有限公司", uscc("370102", 200), 1),
      platform("青岛1号科技有限公司", uscc("370202", 100), 2),
      platform("济南三号科技有限公司", uscc("370202", 300), 3),
    ];
    return [
      { file: "青岛市.xlsx", sheet: "Sheet1", grid: gridFromValues([HEADER, ...qd]) },
      { file: "济南推荐.csv", sheet: "济南推荐", grid: gridFromValues([HEADER, ...jn]) },
    ];
  }
  const run = (inputs: MergeInput[]) => {
    const m = mergeLists(inputs, { programme: sd, city: "山东省" });
    return Report.parse(check(m.grid, { programme: builtinProgramme("sd-2023-platform"), city: "山东省" }));
  };

  it("quotas per city: the city over its quota is flagged, the other is not", () => {
    const r = run(cityLists());
    expect(r.province).toBe("山东省");
    // 济南's copy of 青岛1号 is the duplicate: failing, it takes no place (Corrections, third reading: Quota places).
    expect(r.quotas.map((q) => [q.city, q.counted, q.quota, q.excess, q.failing])).toEqual([
      ["济南市", 2, 10, 0, 1],
      ["青岛市", 11, 10, 1, 0],
    ]);
    const over = withCode(r, "quota-exceeded");
    expect(over).toHaveLength(1);
    expect(over[0]!.message).toMatch(/^青岛市：/);
    expect(over[0]!.sources!.length).toBeGreaterThan(0);
    expect(over[0]!.sources!.every((s) => s.district === "青岛市")).toBe(true);
  });

  it("a duplicate across cities is found and names both cities", () => {
    const dup = withCode(run(cityLists()), "duplicate-applicant");
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toContain("青岛市第2行与济南市第3行为同一单位");
  });

  it("identity is judged against each row's own city", () => {
    const other = withCode(run(cityLists()), "uscc-other-city");
    // Only 济南's rows with 青岛 codes: its copy of 青岛1号 and 济南三号; none of 青岛's own rows.
    expect(other.map((f) => f.sources![0]!.district)).toEqual(["济南市", "济南市"]);
  });

  it("a 城市 column gives the city where the source does not", () => {
    const grid = gridFromValues([[...HEADER, "城市"], [...platform("青岛1号科技有限公司", uscc("370202", 100), 1), "青岛"], [...platform("济南一号科技有限公司", uscc("370102", 200), 2), "济南市"]]);
    const r = Report.parse(check(grid, { programme: builtinProgramme("sd-2023-platform"), city: "山东省" }));
    expect(withCode(r, "city-unknown")).toEqual([]);
    expect(r.quotas.map((q) => [q.city, q.counted])).toEqual([["济南市", 1], ["青岛市", 1]]);
  });

  it("a 城市 cell that is not text: a city code number is read, #N/A and a date are named with their column and value", () => {
    const grid = gridFromValues([
      [...HEADER, "城市"],
      [...platform("济南一号科技有限公司", uscc("370102", 200), 1), 3701],
      [...platform("济南二号科技有限公司", uscc("370102", 201), 2), null],
      [...platform("济南三号科技有限公司", uscc("370102", 202), 3), null],
    ]);
    grid.rows[2]![6] = { kind: "error", value: "#N/A" };
    grid.rows[3]![6] = { kind: "date", value: 45000 };
    const r = Report.parse(check(grid, { programme: builtinProgramme("sd-2023-platform"), city: "山东省" }));
    const unknown = withCode(r, "city-unknown");
    expect(unknown.map((f) => [f.row, f.column, f.value])).toEqual([[3, "G", "#N/A"], [4, "G", "2023-03-15"]]);
    for (const f of unknown) {
      expect(f.message).toContain("城市列（G列）");
      expect(f.message).not.toContain("没有“城市");
      expect(f.messageEn).toContain("城市 column (G)");
    }
    expect(unknown[1]!.message).toContain("是日期，不是文字");
    expect(r.quotas.map((q) => [q.city, q.counted])).toEqual([["济南市", 1]]);
  });

  it("an empty 城市 cell says the cell is empty; no 城市 column says there is none", () => {
    const withColumn = gridFromValues([[...HEADER, "城市"], [...platform("济南一号科技有限公司", uscc("370102", 200), 1), null]]);
    const a = withCode(Report.parse(check(withColumn, { programme: builtinProgramme("sd-2023-platform"), city: "山东省" })), "city-unknown");
    expect(a.map((f) => [f.row, f.column])).toEqual([[2, "G"]]);
    expect(a[0]!.message).toContain("城市列（G列）为空");
    const without = gridFromValues([HEADER, platform("济南一号科技有限公司", uscc("370102", 200), 1)]);
    const b = withCode(Report.parse(check(without, { programme: builtinProgramme("sd-2023-platform"), city: "山东省" })), "city-unknown");
    expect(b.map((f) => [f.row, f.column])).toEqual([[2, undefined]]);
    expect(b[0]!.message).toContain("没有“城市/推荐单位”列");
  });

  it("ranks per city, caps across the province: each city ranks from 1, a provider's cap names the cities of its projects", () => {
    const GF = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "预期投入（万元）"];
    const row = (rank: number, city: string, region: string, n: number, lead = n) => [rank, "2-01 人工智能大模型赋能研发设计", `项目${n}`, `服务商${lead}科技有限公司`, uscc(region, 100 + lead), `${city}制造${n}有限公司`, uscc(region, 200 + n), 500];
    const lists: MergeInput[] = [
      { file: "青岛.xlsx", sheet: "Sheet1", grid: gridFromValues([GF, row(1, "青岛", "370212", 1), row(2, "青岛", "370212", 2)]) },
      // 济南 ranks 1, 1: a duplicated rank there only; its provider takes 3 projects (cap 2).
      { file: "济南.xlsx", sheet: "Sheet1", grid: gridFromValues([GF, row(1, "济南", "370102", 3, 9), row(1, "济南", "370102", 4, 9), row(2, "济南", "370102", 5, 9)]) },
    ];
    const m = mergeLists(lists, { programme: listProgrammes().find((p) => p.id === "sd-2024-gfbj-2")!, city: "山东省" });
    const r = Report.parse(check(m.grid, { programme: builtinProgramme("sd-2024-gfbj-2"), city: "山东省", quota: 5 }));
    expect(r.cityRanks!.map((x) => [x.city, x.expected, x.duplicated])).toEqual([
      ["济南市", 3, [1]],
      ["青岛市", 2, []],
    ]);
    const ranks = withCode(r, "rank-invalid");
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks.every((f) => f.message.startsWith("济南市："))).toBe(true);
    const cap = withCode(r, "provider-cap");
    expect(cap).toHaveLength(1);
    // Corrections, third reading (Province-mode caps): counted over every list, the rows named by city.
    expect(cap[0]!.message).toContain("（济南市第");
    // The same lists checked as one city's list: ranks 1 and 2 repeat across the two.
    const asCity = Report.parse(check(m.grid, { programme: builtinProgramme("sd-2024-gfbj-2"), city: "济南", quota: 5 }));
    expect(withCode(asCity, "rank-invalid").some((f) => f.message.includes("第1位重复") && f.rows!.length === 3)).toBe(true);
  });
});

describe("sourcesText", () => {
  it("names the first eight sources and how many in all, in either language", () => {
    const sources = Array.from({ length: 10 }, (_, i) => ({ district: "历下区", file: i === 0 ? "" : "历下区.xlsx", sheet: "Sheet1", sourceRow: i + 3 }));
    const zh = sourcesText(sources);
    expect(zh.startsWith("来源：历下区 本工作簿“Sheet1”第3行；历下区 历下区.xlsx“Sheet1”第4行")).toBe(true);
    expect(zh.endsWith("第10行等10处")).toBe(true);
    expect(sourcesText(sources, "en")).toMatch(/^Source: 历下区 this workbook “Sheet1” row 3; .* and 2 more$/);
  });
});
