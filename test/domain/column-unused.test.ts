/**
 * Never silent about an unused column (issue 21): a column the matcher left unused while its header
 * says something of a field the programme reads, or its cells are what only that field holds, is a
 * column-unused finding naming the field and the checks that did not run; a header naming something
 * else (注册资本, 股权结构, 集团…代码) raises nothing, whatever its cells; the clerk's 不使用此列 is final.
 */
import { describe, expect, it } from "vitest";
import { getProgramme } from "../../src/domain/catalogue";
import { unusedColumns } from "../../src/domain/column-unused";
import { findHeader } from "../../src/domain/header";
import { corpusGrid, readCorpus } from "./header-corpus";
import { listGrid, run, uscc, VALID, withCode } from "./check-helpers";

const SD_HEADER = ["申报单位名称", "统一社会信用代码", "申报方向", "企业背景", "平台建设情况", "是否属于前期155个省级重点平台", "是否纳入严重失信黑名单", "是否符合产业政策"];
const OWNERSHIPS = ["省管企业", "民营", "民营", "驻鲁央企", "民营"];
const sdRows = OWNERSHIPS.map((o, i) => {
  const { 单位性质: _, ...r } = VALID.sdPlatform(i + 1);
  return { ...r, 企业背景: o };
});

describe("an unused column whose cells only one field holds (企业背景 over ownership words, sd-2023-platform)", () => {
  const grid = listGrid(SD_HEADER, sdRows);

  it("is not mapped on its header, and the report says what it may be and which checks did not run", () => {
    const report = run("sd-2023-platform", grid, { city: "济南" });
    expect(report.columns.find((c) => c.header === "企业背景")?.field).toBeNull();
    const f = withCode(report, "column-unused");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", field: "ownership", value: "D列“企业背景”" });
    expect(f[0]!.message).toContain("可能是“企业性质”");
    expect(f[0]!.message).toContain("不占名额");
    expect(f[0]!.messageEn).toContain("did not run");
    expect(f[0]!.cli).toContain("--map D=ownership");
    expect(f[0]!.hint).not.toContain("--");
    // The pane opens 列对应 by itself.
    expect(report.mappingUncertain).toBe(true);
    expect(withCode(report, "quota-exempt")).toEqual([]);
  });

  it("confirmed, the column is read and the check that was missing runs", () => {
    const report = run("sd-2023-platform", grid, { city: "济南", columnChoices: [{ column: "D", field: "ownership" }] });
    expect(withCode(report, "column-unused")).toEqual([]);
    expect(withCode(report, "quota-exempt").map((f) => f.row)).toEqual([3, 6]);
  });

  it("set to 不使用此列 by the clerk, nothing more is said", () => {
    const report = run("sd-2023-platform", grid, { city: "济南", columnChoices: [{ column: "D", field: null }] });
    expect(withCode(report, "column-unused")).toEqual([]);
  });
});

describe("an unused column whose header says something of an optional field (获星情况, left blank)", () => {
  const header = ["企业名称", "统一社会信用代码", "注册日期", "申报星级", "获星情况", "上云开始时间"];
  const rows = [1, 2, 3].map((n) => ({ 企业名称: `泰州丙${n}电子有限公司`, 统一社会信用代码: uscc("321202", n), 注册日期: "2014-01-01", 申报星级: "四星级", 获星情况: null, 上云开始时间: "2022-01-05" }));

  it("names the field from the header, and the star ladder as not run", () => {
    const f = withCode(run("js-2023-star-cloud", listGrid(header, rows), { city: "泰州" }), "column-unused");
    expect(f).toHaveLength(1);
    expect(f[0]!.field).toBe("starHeld");
    expect(f[0]!.message).toContain("从表头看");
    expect(f[0]!.message).toMatch(/未进行的核对：逐级申报/);
  });
});

describe("属性 is 性质 (vocabulary.ts)", () => {
  it("单位属性 over ownership words is the ownership column on its header: nothing to say", () => {
    const grid = listGrid(SD_HEADER.map((h) => (h === "企业背景" ? "单位属性" : h)), sdRows.map(({ 企业背景: o, ...r }) => ({ ...r, 单位属性: o })));
    const report = run("sd-2023-platform", grid, { city: "济南" });
    expect(report.columns.find((c) => c.header === "单位属性")?.field).toBe("ownership");
    expect(withCode(report, "column-unused")).toEqual([]);
    expect(withCode(report, "quota-exempt").map((f) => f.row)).toEqual([3, 6]);
  });
});

describe("headers that name something else raise nothing, whatever their cells", () => {
  const distractors = [...readCorpus(), ...readCorpus("unseen.tsv")].filter((e) => e.field === null);

  it("no distractor of either corpus is said to be an unused field", () => {
    const said = distractors.flatMap((e) => {
      const { grid, index } = corpusGrid(e);
      const programme = getProgramme(e.programme)!;
      return unusedColumns(programme, findHeader(grid, programme).all)
        .filter((u) => u.column.index === index)
        .map((u) => `${e.line} ${e.header} → ${u.field}`);
    });
    expect(distractors.length).toBeGreaterThan(100);
    expect(said).toEqual([]);
  });
});
