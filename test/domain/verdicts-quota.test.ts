/**
 * Quota places (issue 20; spec "Corrections, third reading": Quota places): rows failing a hard condition
 * take no place; places go to rows that can be recommended — the clerk's choice first, then rank order,
 * else sheet order (said) — and the export fills exactly those places.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { planExport } from "../../src/domain/export/plan";
import { rowVerdicts } from "../../src/domain/verdict";
import { SAMPLES, sampleGrid } from "../../src/samples/index";
import { FIRST, lister, listGrid, run, withCode, VALID, type RowSpec } from "./check-helpers";

const SD_HEADER = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否纳入严重失信黑名单"];
const { rows: sdRows } = lister(SD_HEADER, VALID.sdPlatform);
const exported = (plan: ReturnType<typeof planExport>) => plan.rows.flatMap((r) => (r.kind === "data" ? [r.sourceRow] : []));

describe("sd-2023 四(二) 原则上不超过10个: places go to rows that can be recommended", () => {
  it("rows failing another condition take no place: 12 rows, 2 blacklisted, no row over the quota", () => {
    const grid = listGrid(SD_HEADER, sdRows(12, (i) => (i === 2 || i === 5 ? { 是否纳入严重失信黑名单: "是" } : {})));
    const r = run("sd-2023-platform", grid, { city: "济南" });
    expect(withCode(r, "quota-exceeded")).toEqual([]);
    expect(r.quotas[0]).toMatchObject({ counted: 10, failing: 2, excess: 0 });
    const plan = planExport(grid, r, builtinProgramme(r.programme));
    expect(exported(plan)).toHaveLength(10);
    expect(plan.notes.join("")).toContain("其中占推荐名额10个");
  });

  it("nothing ranks the rows: sheet order, and a note says so; the message keeps 原则上 and names the rows placed", () => {
    const grid = listGrid(SD_HEADER, sdRows(13, (i) => (i === 1 ? { 是否纳入严重失信黑名单: "1" } : {})));
    const r = run("sd-2023-platform", grid, { city: "济南" });
    const over = withCode(r, "quota-exceeded");
    expect(over.map((f) => [f.row, f.severity])).toEqual([[FIRST + 11, "error"], [FIRST + 12, "error"]]);
    expect(over[0]!.message).toContain("原则上不超过10个");
    expect(over[0]!.message).toContain(`按表中顺序给了第${Array.from({ length: 10 }, (_, i) => FIRST + 1 + i).join("、")}行`);
    expect(r.quotas[0]).toMatchObject({ placedBy: "order", placed: Array.from({ length: 10 }, (_, i) => FIRST + 1 + i) });
    expect(r.notes.some((n) => n.includes("名单没有推荐排序"))).toBe(true);
  });

  it("the clerk's choice (CheckOptions.keep) takes the places first; a failing or exempt row cannot be kept", () => {
    const grid = listGrid(SD_HEADER, sdRows(13, (i) => (i === 1 ? { 是否纳入严重失信黑名单: "是" } : i === 2 ? { 单位性质: "省管企业" } : {})));
    const r = run("sd-2023-platform", grid, { city: "济南", keep: [FIRST + 12, FIRST + 11, FIRST, FIRST + 1] });
    expect(r.quotas[0]).toMatchObject({ placedBy: "keep", counted: 11, excess: 1 });
    expect(r.quotas[0]!.placed!.slice(0, 2)).toEqual([FIRST + 12, FIRST + 11]);
    expect(withCode(r, "quota-exceeded").map((f) => f.row)).toEqual([FIRST + 10]);
    expect(r.notes.some((n) => n.includes(`第${FIRST}行有错误`) && n.includes(`第${FIRST + 1}行不占名额`))).toBe(true);
    const plan = planExport(grid, r, builtinProgramme(r.programme));
    expect(exported(plan)).toContain(FIRST + 12);
    expect(exported(plan)).not.toContain(FIRST + 10);
  });
});

describe("工赋百景 三(二) 按推荐数量名额要求排序推荐: places in rank order among rows that can be recommended", () => {
  const GF_HEADER = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "企业性质", "预期投入（万元）", "是否获得过省级财政资金支持"];
  const { row: gf } = lister(GF_HEADER, VALID.gfbj);
  it("rank 2 had earlier provincial funding: ranks 1, 3, 4 take the 3 places, rank 5 is over", () => {
    const rows: RowSpec[] = [gf({ 推荐排序: 5 }, 1), gf({ 推荐排序: 1 }, 2), gf({ 推荐排序: 2, 是否获得过省级财政资金支持: "是" }, 3), gf({ 推荐排序: 4 }, 4), gf({ 推荐排序: 3 }, 5)];
    const grid = listGrid(GF_HEADER, rows);
    const r = run("sd-2024-gfbj-2", grid, { city: "青岛", quota: 3 });
    expect(r.quotas[0]).toMatchObject({ placedBy: "rank", placed: [FIRST + 1, FIRST + 4, FIRST + 3], failing: 1, excess: 1 });
    expect(withCode(r, "quota-exceeded").map((f) => f.row)).toEqual([FIRST]);
    expect(withCode(r, "quota-exceeded")[0]!.message).toContain("按推荐排序");
    expect(exported(planExport(grid, r, builtinProgramme(r.programme))).sort()).toEqual([FIRST + 1, FIRST + 3, FIRST + 4]);
  });

  it("the first-batch rule keeps the notice's 原则上 (二(二) 原则上不能再次申报)", () => {
    const header = [...GF_HEADER, "场景落地单位是否入围第一批"];
    const r = run("sd-2024-gfbj-2", listGrid(header, [lister(header, VALID.gfbj).row({ 场景落地单位是否入围第一批: "是" })]), { city: "青岛" });
    expect(withCode(r, "excluded-by-list")[0]!.message).toContain("原则上不能再次申报");
    expect(withCode(r, "excluded-by-list")[0]!.severity).toBe("error");
  });
});

describe("sd-2023 二(一)4 每个申报单位原则上只能申报一个方向", () => {
  it("the message keeps 原则上 and stays an error", () => {
    const { row } = lister(SD_HEADER, VALID.sdPlatform);
    const r = run("sd-2023-platform", listGrid(SD_HEADER, [row({}, 1), row({ 申报方向: "专业型（面向特定技术）" }, 1)]), { city: "济南" });
    const f = withCode(r, "direction-repeated");
    expect(f.map((x) => x.severity)).toEqual(["error"]);
    expect(f[0]!.message).toContain("原则上只能申报一个方向");
  });
});

describe("the sd sample: the export fills all 10 places with rows that can be recommended", () => {
  it("10 counted rows exported, each with no error, and the report names them", () => {
    const sample = SAMPLES.find((s) => s.id === "sd-2023-platform")!;
    const grid = sampleGrid(sample);
    const report = check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city });
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const counted = plan.rows.filter((r) => r.kind === "data" && !r.exempt).map((r) => (r.kind === "data" ? r.sourceRow : 0));
    expect(counted).toHaveLength(10);
    expect(plan.counts.counted).toBe(10);
    const verdicts = rowVerdicts(report);
    for (const row of counted) expect(verdicts.get(row)).not.toBe("error");
    expect([...counted].sort((a, b) => a - b)).toEqual(report.quotas[0]!.placed);
    expect(plan.notes.join("")).toContain("其中占推荐名额10个");
  });
});

describe("工赋百景 二(二), 三(二): caps count every list of a province-mode check; group names across legal suffixes", () => {
  const GF = ["城市", "推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "其他联合体成员", "所属集团", "预期投入（万元）"];
  const mk = (o: RowSpec, n: number): RowSpec => ({ ...Object.fromEntries(Object.entries(VALID.gfbj(n)).filter(([k]) => GF.includes(k))), 城市: "青岛市", ...o });
  const provider = { 牵头单位名称: "青岛服务商甲科技有限公司", 牵头单位统一社会信用代码: VALID.gfbj(90).牵头单位统一社会信用代码 };

  it("a provider leading 2 projects in 青岛 and a member of a third in 济南 is over its cap of 2, naming both cities", () => {
    const rows = [mk({ ...provider, 推荐排序: 1 }, 1), mk({ ...provider, 推荐排序: 2 }, 2), mk({ 城市: "济南市", 推荐排序: 1, 其他联合体成员: "青岛服务商甲科技有限公司" }, 3)];
    const r = run("sd-2024-gfbj-2", listGrid(GF, rows), { city: "山东省", quota: 5 });
    const cap = withCode(r, "provider-cap");
    expect(cap.map((f) => f.row)).toEqual([FIRST + 2]);
    expect(cap[0]!.message).toContain("青岛市第");
    expect(cap[0]!.message).toContain("济南市第");
  });

  it("a manufacturer that is the site in two cities is over its cap of 1", () => {
    const site = { 场景落地单位名称: "潍坊制造乙有限公司", 场景落地单位统一社会信用代码: VALID.gfbj(80).场景落地单位统一社会信用代码 };
    const r = run("sd-2024-gfbj-2", listGrid(GF, [mk({ ...site, 推荐排序: 1 }, 1), mk({ ...site, 城市: "济南市", 推荐排序: 1 }, 2)]), { city: "山东省", quota: 5 });
    expect(withCode(r, "enterprise-cap").map((f) => f.row)).toEqual([FIRST + 1]);
  });

  it("one group with 3 tasks in each of two cities, written three ways, is over the group cap of 5", () => {
    const names = ["海尔集团", "海尔集团公司", "海尔集团有限公司", "海尔（集团）", "海尔集团股份有限公司", "海尔集团"];
    const rows = names.map((g, i) => mk({ 所属集团: g, 城市: i < 3 ? "青岛市" : "济南市", 推荐排序: (i % 3) + 1 }, i + 1));
    const r = run("sd-2024-gfbj-2", listGrid(GF, rows), { city: "山东省", quota: 5 });
    expect(withCode(r, "group-cap").map((f) => f.row)).toEqual([FIRST + 5]);
    const city = run("sd-2024-gfbj-2", listGrid(GF.filter((h) => h !== "城市"), rows.slice(0, 3).map(({ 城市: _c, ...rest }) => rest)), { city: "青岛", quota: 5 });
    expect(city.notes.some((n) => n.includes("看不到其他市报送的项目"))).toBe(true);
  });
});
