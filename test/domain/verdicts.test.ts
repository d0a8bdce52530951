/**
 * Verdicts as the notices decide them (issue 10): one named case per point, each on a small list.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import { writtenCell } from "../../src/domain/cells";
import { planExport } from "../../src/domain/export/plan";
import { FIRST, lister, listGrid, run, uscc, VALID, withCode, type RowSpec } from "./check-helpers";

const SD_HEADER = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况"];
const { row: sd, rows: sdRows } = lister(SD_HEADER, VALID.sdPlatform);

const BF_HEADER = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "平台和系统开发费（万元）", "智能设备（终端）购置费（万元）", "测试验证和项目咨询费（万元）", "投入合计（万元）", "是否通过贯标", "证书有效期至"];
const { row: bf } = lister(BF_HEADER, VALID.benchmark);
const without = (header: readonly string[], drop: string[]) => header.filter((h) => !drop.includes(h));
const strip = (row: RowSpec, drop: string[]): RowSpec => Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k)));

describe("1. benchmark ≥2000万: the declared total is judged", () => {
  it("a total of 2100 over parts of 1900 passes (the parts are examples: 等投入总计)", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ "平台和系统开发费（万元）": 1000, "智能设备（终端）购置费（万元）": 700, "测试验证和项目咨询费（万元）": 200, "投入合计（万元）": 2100 })]), { city: "苏州" });
    expect(withCode(r, "investment-below-minimum")).toEqual([]);
    expect(withCode(r, "investment-total-mismatch")).toEqual([]);
  });

  it("a total below the sum of its parts is a warning, and the total is still what is judged", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ "平台和系统开发费（万元）": 1500, "智能设备（终端）购置费（万元）": 500, "测试验证和项目咨询费（万元）": 200, "投入合计（万元）": 1900 })]), { city: "苏州" });
    expect(withCode(r, "investment-total-mismatch").map((f) => [f.row, f.severity])).toEqual([[FIRST, "warning"]]);
    expect(withCode(r, "investment-below-minimum").map((f) => [f.row, f.value])).toEqual([[FIRST, "1900万元"]]);
  });

  it("without a total column the parts decide, and a note says so", () => {
    const header = without(BF_HEADER, ["投入合计（万元）"]);
    const r = run("js-2023-benchmark-factory", listGrid(header, [strip(bf(), ["投入合计（万元）"]), strip(bf({ "平台和系统开发费（万元）": 500 }, 2), ["投入合计（万元）"])]), { city: "苏州" });
    expect(withCode(r, "header-missing")).toEqual([]);
    expect(withCode(r, "investment-below-minimum").map((f) => f.row)).toEqual([FIRST + 1]);
    expect(r.notes.some((n) => n.includes("之和核对") && n.includes("分项"))).toBe(true);
  });

  it("an empty total beside complete parts: the parts decide, with an info on the row", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ "投入合计（万元）": null })]), { city: "苏州" });
    expect(r.findings.filter((f) => f.severity !== "info" && f.code !== "priority")).toEqual([]);
    expect(withCode(r, "required-missing").map((f) => [f.row, f.severity, f.field])).toEqual([[FIRST, "info", "investment"]]);
  });

  it("neither a total nor the parts: the total is missing", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ "投入合计（万元）": null, "平台和系统开发费（万元）": null })]), { city: "苏州" });
    expect(withCode(r, "required-missing").map((f) => [f.row, f.field])).toEqual([[FIRST, "investment"]]);
    const noColumns = without(BF_HEADER, ["投入合计（万元）", "平台和系统开发费（万元）", "智能设备（终端）购置费（万元）", "测试验证和项目咨询费（万元）"]);
    const h = run("js-2023-benchmark-factory", listGrid(noColumns, [strip(bf(), BF_HEADER.filter((x) => !noColumns.includes(x)))]), { city: "苏州" });
    expect(withCode(h, "header-missing").map((f) => f.field)).toEqual(["investment"]);
  });
});

describe("2. quota exemption reads the ownership words as a whole", () => {
  for (const words of ["民营（非央企）", "非省属", "非中央驻鲁", "民营企业（央企参股）"]) {
    it(`“${words}” takes a slot: an 11th platform so written exceeds the quota of 10`, () => {
      const r = run("sd-2023-platform", listGrid(SD_HEADER, sdRows(11, (i) => (i === 11 ? { 单位性质: words } : {}))), { city: "济南" });
      expect(r.quotas[0]).toMatchObject({ counted: 11, exempt: 0, excess: 1 });
      expect(withCode(r, "quota-exceeded").map((f) => f.row)).toEqual([FIRST + 10]);
    });
  }

  for (const words of ["中央驻鲁", "中央驻鲁企业", "省属事业单位", "国有（省属）", "央企全资子公司"]) {
    it(`“${words}” is exempt for the 山东 platform quota`, () => {
      const r = run("sd-2023-platform", listGrid(SD_HEADER, sdRows(11, (i) => (i === 11 ? { 单位性质: words } : {}))), { city: "济南" });
      expect(r.quotas[0]).toMatchObject({ counted: 10, exempt: 1, excess: 0 });
    });
  }

  it("the export leaves exactly the check's exempt rows out of the count", () => {
    const grid = listGrid(SD_HEADER, sdRows(4, (i) => ({ 单位性质: ["民营（非央企）", "中央驻鲁", "非省属", "省属"][i - 1] })));
    const report = run("sd-2023-platform", grid, { city: "济南" });
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const exempt = plan.rows.flatMap((r) => (r.kind === "data" && r.exempt ? [r.sourceRow] : []));
    expect(exempt.sort()).toEqual([FIRST + 1, FIRST + 3]);
    expect(report.quotas[0]).toMatchObject({ counted: 2, exempt: 2 });
  });

  it("a national code is explained by a central-unit word only when the word stands as a whole", () => {
    const national = uscc("100000", 3);
    const negated = run("sd-2023-platform", listGrid(SD_HEADER, [sd({ 统一社会信用代码: national, 单位性质: "民营（非央企）" })]), { city: "济南" });
    expect(withCode(negated, "uscc-outside-province")).toHaveLength(1);
    const central = run("sd-2023-platform", listGrid(SD_HEADER, [sd({ 统一社会信用代码: national, 单位性质: "央企子公司" })]), { city: "济南" });
    expect(withCode(central, "uscc-outside-province")).toEqual([]);
  });
});

const GF_HEADER = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "其他联合体成员", "企业性质", "是否有省级公司推荐函", "预期投入（万元）"];
const { row: gf } = lister(GF_HEADER, VALID.gfbj);
const gfRun = (...rows: RowSpec[]) => run("sd-2024-gfbj-2", listGrid(GF_HEADER, rows), { city: "青岛" });

describe("3. 工赋百景: 中央驻鲁企业 and 省属国企 take no slot and need no rank", () => {
  it("exempt rows without a rank raise nothing", () => {
    const r = gfRun(gf({}, 1), gf({}, 2), gf({ 推荐排序: null, 企业性质: "中央驻鲁企业" }, 3), gf({ 推荐排序: null, 企业性质: "省属国企" }, 4));
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.quotas[0]).toMatchObject({ counted: 2, exempt: 2 });
  });

  it("a 省属事业单位 is not a 省属国企: it counts and needs a rank", () => {
    const r = gfRun(gf({}, 1), gf({ 推荐排序: null, 企业性质: "省属事业单位" }, 2));
    expect(r.quotas[0]).toMatchObject({ counted: 2, exempt: 0 });
    expect(withCode(r, "rank-invalid").filter((f) => f.row === FIRST + 1)).toHaveLength(1);
    expect(withCode(r, "required-missing")).toEqual([]);
  });

  it("a counted row without a rank is told once, not twice", () => {
    const r = gfRun(gf({}, 1), gf({ 推荐排序: null }, 2));
    expect(r.findings.filter((f) => f.row === FIRST + 1 && f.severity === "error").map((f) => f.code)).toEqual(["rank-invalid"]);
  });

  it("without a rank column at all, the column is still missing", () => {
    const header = GF_HEADER.filter((h) => h !== "推荐排序");
    const r = run("sd-2024-gfbj-2", listGrid(header, [strip(gf(), ["推荐排序"])]), { city: "青岛" });
    expect(withCode(r, "header-missing").map((f) => f.field)).toEqual(["rank"]);
  });
});

const G666_HEADER = ["项目类型", "申报单位", "统一社会信用代码", "项目名称"];
const g666 = (o: RowSpec = {}, n = 1): RowSpec => ({ 项目类型: "上云上平台示范企业", 申报单位: `苏州戊${n}有限公司`, 统一社会信用代码: uscc("320506", n), 项目名称: `上云项目${n}`, ...o });

describe("4. provider ≤2 / manufacturer ≤1 count every project a unit takes part in", () => {
  const P = { name: "青岛海川数字科技有限公司", code: uscc("370211", 9) };
  const M = { name: "青岛瑞丰机械有限公司", code: uscc("370211", 300) };

  it("a provider leading two projects and a member of a third exceeds its cap on the third", () => {
    const r = gfRun(
      gf({ 牵头单位名称: P.name, 牵头单位统一社会信用代码: P.code }, 1),
      gf({ 牵头单位名称: P.name, 牵头单位统一社会信用代码: P.code }, 2),
      gf({ 其他联合体成员: "青岛海川数字科技有限公司" }, 3),
    );
    expect(withCode(r, "provider-cap").map((f) => f.row)).toEqual([FIRST + 2]);
  });

  it("a member given by its code counts though its name is written differently", () => {
    const r = gfRun(
      gf({ 牵头单位名称: P.name, 牵头单位统一社会信用代码: P.code }, 1),
      gf({ 牵头单位名称: P.name, 牵头单位统一社会信用代码: P.code }, 2),
      gf({ 其他联合体成员: `海川数字（${P.code}）` }, 3),
    );
    expect(withCode(r, "provider-cap").map((f) => f.row)).toEqual([FIRST + 2]);
  });

  it("a manufacturer that is a site once and a member once exceeds its cap of one", () => {
    const r = gfRun(gf({ 场景落地单位名称: M.name, 场景落地单位统一社会信用代码: M.code }, 1), gf({ 其他联合体成员: "青岛瑞丰机械有限公司、无" }, 2));
    expect(withCode(r, "enterprise-cap").map((f) => f.row)).toEqual([FIRST + 1]);
  });

  it("a provider that is a member of several projects, one of them its own: each project counted once, in sheet order", () => {
    const r = gfRun(
      gf({ 其他联合体成员: P.name }, 1),
      gf({ 牵头单位名称: P.name, 牵头单位统一社会信用代码: P.code }, 2),
      gf({ 其他联合体成员: `青岛红岛检测有限公司、${P.name}` }, 3),
      gf({ 牵头单位名称: P.name, 牵头单位统一社会信用代码: P.code, 其他联合体成员: P.name }, 4),
    );
    const caps = withCode(r, "provider-cap");
    expect(caps.map((f) => [f.row, f.field])).toEqual([[FIRST + 2, "members"], [FIRST + 3, "leadName"]]);
    expect(caps[0]!.rows).toEqual([FIRST, FIRST + 1, FIRST + 2, FIRST + 3]);
    expect(caps[0]!.message).toContain("参与4个项目");
    expect(caps[0]!.message).toContain("其中2个作为其他联合体成员");
  });

  it("near miss: a member that leads nowhere and is no site counts toward no cap", () => {
    const r = gfRun(gf({ 其他联合体成员: "青岛红岛检测有限公司" }, 1), gf({ 其他联合体成员: "青岛红岛检测有限公司" }, 2), gf({ 其他联合体成员: "青岛红岛检测有限公司" }, 3));
    expect([...withCode(r, "provider-cap"), ...withCode(r, "enterprise-cap")]).toEqual([]);
  });
});

describe("5. 子公司 letter: an error for subsidiaries of central/provincial state groups, a warning otherwise", () => {
  const header = [...GF_HEADER, "是否为子公司"];
  const one = (o: RowSpec) => run("sd-2024-gfbj-2", listGrid(header, [gf({ 推荐排序: 1, 是否有省级公司推荐函: "无", ...o })]), { city: "青岛" });
  const severities = (o: RowSpec) => withCode(one(o), "letter-missing").map((f) => f.severity);

  it("a private group's 全资子公司 without a letter is a warning saying the reading is open", () => {
    expect(severities({ 企业性质: "民营企业全资子公司" })).toEqual(["warning"]);
    expect(withCode(one({ 企业性质: "民营企业全资子公司" }), "letter-missing")[0]!.message).toContain("未明确");
  });

  it("a 省属国企 subsidiary without a letter is an error; with one, nothing", () => {
    expect(severities({ 企业性质: "省属国企控股子公司" })).toEqual(["error"]);
    expect(severities({ 企业性质: "省属国企控股子公司", 是否有省级公司推荐函: "有" })).toEqual([]);
  });

  it("the 是否为子公司 column marks a subsidiary too", () => {
    expect(severities({ 企业性质: "中央驻鲁企业", 是否为子公司: "是" })).toEqual(["error"]);
    expect(severities({ 企业性质: "民营", 是否为子公司: "是" })).toEqual(["warning"]);
    expect(severities({ 企业性质: "中央驻鲁企业", 是否为子公司: "否" })).toEqual([]);
  });
});

describe("6. certificate validity with no validity column is not silently passed", () => {
  it("a note says it was not checked, and each certified row gets a warning", () => {
    const header = without(BF_HEADER, ["证书有效期至"]);
    const r = run("js-2023-benchmark-factory", listGrid(header, [strip(bf(), ["证书有效期至"]), strip(bf({ 是否通过贯标: "否" }, 2), ["证书有效期至"])]), { city: "苏州" });
    expect(r.notes.some((n) => n.includes("证书有效期") && n.includes("未核对"))).toBe(true);
    expect(withCode(r, "certificate-invalid").map((f) => [f.row, f.severity])).toEqual([[FIRST, "warning"], [FIRST + 1, "error"]]);
  });

  it("with the column, a certified row without a date is a warning", () => {
    const r = run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf({ 证书有效期至: null })]), { city: "苏州" });
    expect(withCode(r, "certificate-invalid").map((f) => [f.row, f.severity])).toEqual([[FIRST, "warning"]]);
  });
});

const SC_HEADER = ["企业名称", "统一社会信用代码", "注册日期", "申报星级", "上云开始时间", "上云截止时间", "是否仍在使用"];
const { row: sc } = lister(SC_HEADER, VALID.starCloud);

describe("7. star ladder without a 已获评星级 column: unknown is not failed", () => {
  it("四星 and 五星 rows get an info, not an error, and a note says the ladder was not checked", () => {
    const r = run("js-2023-star-cloud", listGrid(SC_HEADER, [sc({}, 1), sc({ 申报星级: "四星级" }, 2), sc({ 申报星级: "五星级" }, 3)]), { city: "泰州" });
    expect(withCode(r, "star-ladder").map((f) => [f.row, f.severity])).toEqual([[FIRST + 1, "info"], [FIRST + 2, "info"]]);
    expect(r.notes.some((n) => n.includes("已获评星级") && n.includes("未核对"))).toBe(true);
    expect(r.counts.errors).toBe(0);
  });
});

describe("8. 666: no registration clause in the notice; 昆山/泰兴/沭阳 recommend for themselves", () => {
  it("an out-of-province applicant and a branch are warnings, not errors", () => {
    const r = run("js-2020-666", listGrid(G666_HEADER, [g666({ 统一社会信用代码: uscc("440300", 1) }, 1), g666({ 申报单位: "苏州戊科技有限公司吴中分公司" }, 2), g666({ 统一社会信用代码: uscc("320506", 3, "92") }, 3)]), { city: "苏州" });
    expect(withCode(r, "uscc-outside-province").map((f) => [f.row, f.severity])).toEqual([[FIRST, "warning"]]);
    expect(withCode(r, "not-legal-person").map((f) => [f.row, f.severity])).toEqual([[FIRST + 1, "warning"], [FIRST + 2, "warning"]]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a 昆山 enterprise in the 苏州 list is a warning naming 昆山市", () => {
    const r = run("js-2020-666", listGrid(G666_HEADER, [g666({}, 1), g666({ 统一社会信用代码: uscc("320583", 2) }, 2)]), { city: "苏州" });
    expect(withCode(r, "uscc-other-city").map((f) => [f.row, f.severity])).toEqual([[FIRST + 1, "warning"]]);
    expect(withCode(r, "uscc-other-city")[0]!.message).toContain("昆山市");
  });

  it("other programmes keep registration and legal person as errors", () => {
    const r = run("js-2023-platform", listGrid(["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况"], [{ 申报单位: "南京甲科技有限公司江宁分公司", 统一社会信用代码: uscc("440300", 1), 注册时间: "2015-01-01", 平台类型: "综合型", 建设情况: "已建成" }]));
    expect([...withCode(r, "uscc-outside-province"), ...withCode(r, "not-legal-person")].map((f) => f.severity)).toEqual(["error", "error"]);
  });
});

describe("also found: cluster shortenings are not official aliases", () => {
  const JP = ["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "所属集群/产业链"];
  const jp = (cluster: string) => listGrid(JP, [{ 申报单位: "南京甲科技有限公司", 统一社会信用代码: uscc("320115", 1), 注册时间: "2015-01-01", 平台类型: "综合型", 建设情况: "已建成", "所属集群/产业链": cluster }]);
  for (const short of ["新能源装备", "海工装备", "汽车零部件"]) {
    it(`“${short}” earns no priority mark by default, and does once the user configures it as an alias`, () => {
      expect(run("js-2023-platform", jp(short)).priority).toEqual([]);
      const clusters = [{ name: "海工装备和高技术船舶", aliases: ["海工装备"] }, { name: "汽车及零部件", aliases: ["汽车零部件"] }, { name: "新型电力（新能源）装备", aliases: ["新能源装备"] }];
      expect(run("js-2023-platform", jp(short), { settings: { clusters } }).priority).toHaveLength(1);
    });
  }
  it("the names' own spellings still match (软件和信息服务, 海工装备及高技术船舶)", () => {
    expect(run("js-2023-platform", jp("海工装备及高技术船舶")).priority).toHaveLength(1);
    expect(run("js-2023-platform", jp("软件和信息服务")).priority).toHaveLength(1);
  });
});

describe("also found: one list of the ways to write nothing", () => {
  it("暂无 in the restrictions text bars nothing", () => {
    const header = [...SD_HEADER, "限制性条件"];
    const r = run("sd-2023-platform", listGrid(header, [sd({ 限制性条件: "暂无" }), sd({ 限制性条件: "不涉及" }, 2), sd({ 限制性条件: "存在严重失信行为" }, 3)]), { city: "济南" });
    // The column is read: a real restriction on the third row is found, the two "nothing" words are not.
    expect(withCode(r, "restricted").map((f) => f.row)).toEqual([FIRST + 2]);
  });

  it("不涉及 as a group names no group", () => {
    const header = [...GF_HEADER, "所属集团"];
    const rows = Array.from({ length: 6 }, (_, i) => gf({ 所属集团: "不涉及" }, i + 1));
    expect(withCode(run("sd-2024-gfbj-2", listGrid(header, rows), { city: "青岛" }), "group-cap")).toEqual([]);
    // The same six rows under one real group pass its cap of 5.
    const named = rows.map((r) => ({ ...r, 所属集团: "青岛某集团" }));
    expect(withCode(run("sd-2024-gfbj-2", listGrid(header, named), { city: "青岛" }), "group-cap").length).toBeGreaterThan(0);
  });
});

describe("10. sd-2023-platform: 企业性质 is not a required column", () => {
  it("a list without it is checked, every row counted, and a note says so", () => {
    const header = without(SD_HEADER, ["单位性质"]);
    const r = run("sd-2023-platform", listGrid(header, sdRows(11).map((x) => strip(x, ["单位性质"]))), { city: "济南" });
    expect(withCode(r, "header-missing")).toEqual([]);
    expect(r.quotas[0]).toMatchObject({ counted: 11, exempt: 0 });
    expect(r.notes.some((n) => n.includes("所有行都计入名额"))).toBe(true);
  });
});

describe("an Excel error written as text (a CSV, a merged sheet) is the error it shows", () => {
  it("\"#N/A\" as text in a required column is cell-error, as the error value is; writtenCell writes an error as that text", () => {
    const asText = run("sd-2023-platform", listGrid(SD_HEADER, [sd({ 申报单位名称: "#N/A" })]), { city: "济南" });
    const grid = listGrid(SD_HEADER, [sd()]);
    grid.rows[2]![0] = { kind: "error", value: "#N/A" };
    const asError = run("sd-2023-platform", grid, { city: "济南" });
    expect(withCode(asText, "cell-error").map((f) => [f.row, f.severity])).toEqual([[FIRST, "error"]]);
    expect(withCode(asText, "cell-error")).toEqual(withCode(asError, "cell-error"));
    expect(writtenCell({ kind: "error", value: "#REF!" })).toEqual({ kind: "text", value: "#REF!", numberFormat: "@" });
    // Text that merely starts with # is text.
    expect(withCode(run("sd-2023-platform", listGrid(SD_HEADER, [sd({ 申报单位名称: "#1号工厂有限公司" })]), { city: "济南" }), "cell-error")).toEqual([]);
  });
});
