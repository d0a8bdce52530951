/**
 * Verdicts on the answers districts really write (issue 20; spec "Corrections, third reading"): one
 * reading of yes/no answers, denials and ownership, each case on a small list, each naming its clause.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import { planExport } from "../../src/domain/export/plan";
import { readOwnership } from "../../src/domain/ownership";
import { FIRST, lister, listGrid, run, uscc, withCode, type RowSpec } from "./check-helpers";
import { VALID } from "./check-helpers";

const SD_HEADER = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "近三年是否发生较大以上安全、环境事故或严重质量问题", "是否纳入严重失信黑名单", "是否符合产业政策", "限制性条件"];
const { row: sd, rows: sdRows } = lister(SD_HEADER, (n) => ({ ...VALID.sdPlatform(n), "近三年是否发生较大以上安全、环境事故或严重质量问题": "否", 限制性条件: "无" }));
const sdRun = (...rows: RowSpec[]) => run("sd-2023-platform", listGrid(SD_HEADER, rows), { city: "济南" });
const errorsOn = (r: ReturnType<typeof sdRun>, row = FIRST) => r.findings.filter((f) => f.row === row && f.severity === "error").map((f) => f.code);
const verdictOf = (r: ReturnType<typeof sdRun>, row = FIRST) => {
  const own = r.findings.filter((f) => f.row === row);
  return own.some((f) => f.severity === "error") ? "error" : own.some((f) => f.severity === "warning") ? "warning" : "ok";
};

describe("sd-2023 二(二)3 and 二(二)5: a disqualifying answer bars the row however it is written", () => {
  for (const answer of ["1", "是（已整改）", "是(已移出)", "√", "有", "Y", "TRUE", "已纳入"]) {
    it(`是否纳入严重失信黑名单 “${answer}” → restricted (error) and the row is not exported`, () => {
      const grid = listGrid(SD_HEADER, [sd({ 是否纳入严重失信黑名单: answer }), sd({}, 2)]);
      const r = run("sd-2023-platform", grid, { city: "济南" });
      expect(withCode(r, "restricted").map((f) => [f.row, f.severity, f.field])).toEqual([[FIRST, "error", "restrictCredit"]]);
      expect(planExport(grid, r, builtinProgramme(r.programme)).rows.flatMap((x) => (x.kind === "data" ? [x.sourceRow] : []))).toEqual([FIRST + 1]);
    });
  }
  for (const answer of ["不符合", "0", "否（待核实）", "×", "N", "FALSE"]) {
    it(`是否符合产业政策 “${answer}” → restricted (error)`, () => {
      const r = sdRun(sd({ 是否符合产业政策: answer }));
      expect(withCode(r, "restricted").map((f) => [f.row, f.severity, f.field])).toEqual([[FIRST, "error", "policyCompliant"]]);
    });
  }
  for (const answer of ["符合", "1", "是（已核实）", "√"]) {
    it(`是否符合产业政策 “${answer}” passes`, () => {
      expect(verdictOf(sdRun(sd({ 是否符合产业政策: answer })))).toBe("ok");
    });
  }
  for (const answer of ["0", "否（已核实）", "无", "未纳入", "否，无", "无此情况", "×"]) {
    it(`是否纳入严重失信黑名单 “${answer}” passes`, () => {
      expect(verdictOf(sdRun(sd({ 是否纳入严重失信黑名单: answer })))).toBe("ok");
    });
  }
  for (const answer of ["待核实", "不清楚", "2", "符合"]) {
    it(`an answer that cannot be read (“${answer}”) to a disqualifying question is an error asking for 是 or 否`, () => {
      const grid = listGrid(SD_HEADER, [sd({ 是否纳入严重失信黑名单: answer }), sd({}, 2)]);
      const r = run("sd-2023-platform", grid, { city: "济南" });
      const own = r.findings.filter((f) => f.row === FIRST && f.field === "restrictCredit");
      expect(own.map((f) => f.severity)).toEqual(["error"]);
      expect(own[0]!.message).toContain("无法判断");
      expect(own[0]!.message).toContain("请填写是或否");
      expect(planExport(grid, r, builtinProgramme(r.programme)).rows.flatMap((x) => (x.kind === "data" ? [x.sourceRow] : []))).toEqual([FIRST + 1]);
    });
  }
});

describe("sd-2023 二(二): a free-text restriction cell that denies is clean", () => {
  for (const text of ["无", "无限制性条件", "不存在限制性情形", "以上情形均不存在", "均无", "无此情况", "否，无", "上述情形均未发生", "不存在上述情形"]) {
    it(`“${text}” passes`, () => expect(verdictOf(sdRun(sd({ 限制性条件: text })))).toBe("ok"));
  }
  for (const text of ["列入安全生产黑名单", "2021年被纳入失信被执行人名单", "存在严重产品质量问题"]) {
    it(`“${text}” bars the row`, () => expect(errorsOn(sdRun(sd({ 限制性条件: text })))).toEqual(["restricted"]));
  }
});

describe("sd-2023 二(二)1 bars 较大以上 accidents: a lesser or ungraded one is a warning to look at", () => {
  for (const text of ["2022年发生一般安全生产事故一起", "发生安全事故1起", "未发生较大以上事故，发生一般事故一起"]) {
    it(`限制性条件 “${text}” → warning`, () => {
      const r = sdRun(sd({ 限制性条件: text }));
      expect(withCode(r, "restricted").map((f) => [f.severity, f.clause?.includes("二(二)1")])).toEqual([["warning", true]]);
      expect(verdictOf(r)).toBe("warning");
    });
  }
  it("a 较大 accident stated is an error", () => {
    expect(errorsOn(sdRun(sd({ 限制性条件: "2022年发生较大安全生产事故一起" })))).toEqual(["restricted"]);
  });
  // Told in words in the yes/no column itself: judged by its grade, as in the free-text cell (not "cannot read").
  for (const [text, severity] of [["2022年发生一般安全生产事故一起", "warning"], ["发生安全事故1起", "warning"], ["2023年发生较大环境事故", "error"], ["发生重大质量事故", "error"]] as const) {
    it(`“${text}” in the 较大以上 question column → restricted (${severity})`, () => {
      const r = sdRun(sd({ "近三年是否发生较大以上安全、环境事故或严重质量问题": text }));
      expect(withCode(r, "value-not-allowed")).toEqual([]);
      expect(withCode(r, "restricted").map((f) => [f.severity, f.clause?.includes("二(二)1")])).toEqual([[severity, true]]);
    });
  }
  it("是（一般事故） in the 较大以上 question column is a warning; 是 alone an error", () => {
    expect(withCode(sdRun(sd({ "近三年是否发生较大以上安全、环境事故或严重质量问题": "是（一般事故）" })), "restricted").map((f) => f.severity)).toEqual(["warning"]);
    expect(withCode(sdRun(sd({ "近三年是否发生较大以上安全、环境事故或严重质量问题": "是" })), "restricted").map((f) => f.severity)).toEqual(["error"]);
  });
});

describe("exempt ownership as the notices word it (sd-2023 四(二): 中央驻鲁和省属单位; 工赋百景 三(二): 中央驻鲁企业、省属国企)", () => {
  const SD_FORMS = ["省管企业", "驻鲁央企", "山东省属国有企业", "中央企业在鲁子公司", "中央企业在鲁分公司", "省国资委监管企业", "中央驻鲁企业二级子公司", "中央企业（二级）子公司", "中央企业（三级）子公司", "省属国有（控股）企业", "省属事业单位", "中央驻鲁单位", "央企在鲁子公司", "省级国有企业", "山东省国有控股企业", "省直事业单位"];
  for (const words of SD_FORMS) {
    it(`sd-2023: “${words}” takes no slot, and the report says how it was read`, () => {
      const r = sdRun(...sdRows(11, (i) => (i === 11 ? { 单位性质: words } : {})));
      expect(r.quotas[0]).toMatchObject({ counted: 10, exempt: 1, excess: 0 });
      expect(withCode(r, "quota-exceeded")).toEqual([]);
      const said = r.findings.filter((f) => f.row === FIRST + 10 && f.field === "ownership" && f.severity === "info");
      expect(said).toHaveLength(1);
      expect(said[0]!.message).toContain(words);
    });
  }
  for (const words of ["非央企", "民营（非省属）", "市属国企", "区属企业", "县属国有企业", "民营企业（央企参股）"]) {
    it(`sd-2023: “${words}” takes a slot`, () => {
      const r = sdRun(...sdRows(11, (i) => (i === 11 ? { 单位性质: words } : {})));
      expect(r.quotas[0]).toMatchObject({ counted: 11, exempt: 0, excess: 1 });
    });
  }

  const GF_HEADER = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "企业性质", "是否有省级公司推荐函", "预期投入（万元）"];
  const { row: gf } = lister(GF_HEADER, VALID.gfbj);
  const gfRun = (...rows: RowSpec[]) => run("sd-2024-gfbj-2", listGrid(GF_HEADER, rows), { city: "青岛", quota: 5 });
  for (const words of ["省管企业", "驻鲁央企", "山东省属国有企业", "省国资委监管企业", "中央驻鲁企业二级子公司", "省属国有（控股）企业"]) {
    it(`工赋百景: “${words}” without a rank takes no slot and needs no rank`, () => {
      const r = gfRun(gf({}, 1), gf({ 推荐排序: null, 企业性质: words, 是否有省级公司推荐函: "是" }, 2));
      expect(r.quotas[0]).toMatchObject({ counted: 1, exempt: 1 });
      expect(withCode(r, "rank-invalid")).toEqual([]);
    });
  }
  for (const words of ["省属事业单位", "中央驻鲁事业单位", "非央企", "民营（非省属）", "市属"]) {
    it(`工赋百景: “${words}” is not 中央驻鲁企业 or 省属国企: it counts and needs a rank`, () => {
      const r = gfRun(gf({}, 1), gf({ 推荐排序: null, 企业性质: words }, 2));
      expect(r.quotas[0]).toMatchObject({ counted: 2, exempt: 0 });
      expect(withCode(r, "rank-invalid").flatMap((f) => (f.row ? [f.row] : []))).toEqual([FIRST + 1]);
    });
  }

  it("the reader names level and kind", () => {
    expect(readOwnership("省属事业单位")).toMatchObject({ level: "provincial", kind: "institution" });
    expect(readOwnership("驻鲁央企")).toMatchObject({ level: "central", kind: "enterprise" });
    expect(readOwnership("民营（非省属）")).toBeNull();
    expect(readOwnership("市属")).toBeNull();
  });
});

describe("remaining readings (Corrections, third reading)", () => {
  const BF_HEADER = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "投入合计（万元）", "是否通过贯标", "证书有效期至"];
  const { row: bf } = lister(BF_HEADER, VALID.benchmark);
  const bfRun = (o: RowSpec) => run("js-2023-benchmark-factory", listGrid(BF_HEADER, [bf(o)]), { city: "苏州" });
  for (const status of ["基本建成", "在建"]) {
    it(`js-2023-benchmark-factory 三(三)1 须为已建成项目: “${status}” is an error`, () => {
      const f = withCode(bfRun({ 是否建成: status }), "not-built");
      expect(f.map((x) => [x.severity, x.clause?.includes("三(三)1")])).toEqual([["error", true]]);
    });
  }
  for (const answer of ["1", "是（已提供）", "是(证书已提供)", "√"]) {
    it(`js-2023-benchmark-factory 三(三): 是否通过贯标 “${answer}” reads as 是`, () => {
      const r = bfRun({ 是否通过贯标: answer });
      expect(r.findings.filter((f) => f.field === "certified" && f.severity !== "info")).toEqual([]);
    });
  }

  const SC_HEADER = ["企业名称", "统一社会信用代码", "注册日期", "申报星级", "已获评星级", "上云开始时间", "上云截止时间", "是否仍在使用"];
  const { row: sc } = lister(SC_HEADER, VALID.starCloud);
  it("js-2023-star-cloud 三(四)1: a blank 已获评星级 on a 四星 row is a warning to confirm, not 尚未获评", () => {
    const r = run("js-2023-star-cloud", listGrid(SC_HEADER, [sc({ 申报星级: "四星级", 已获评星级: null }), sc({ 申报星级: "四星级", 已获评星级: "无" }, 2)]), { city: "泰州" });
    const ladder = withCode(r, "star-ladder");
    expect(ladder.map((f) => [f.row, f.severity])).toEqual([[FIRST, "warning"], [FIRST + 1, "error"]]);
    expect(ladder[0]!.message).not.toContain("尚未获评");
  });

  const JP_HEADER = ["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况"];
  const { row: jp } = lister(JP_HEADER, VALID.jsPlatform);
  for (const name of ["南京甲创业投资合伙企业（有限合伙）", "南京乙科技合伙企业", "南京丙软件个人独资企业", "南京庚软件开发中心（个人独资）", "南京辛信息服务部（个人独资企业）", "南京丁科技有限公司江宁分厂", "南京戊科技有限公司驻苏办事处"]) {
    it(`江苏 三(一)1 独立法人: “${name}” is not an independent legal person (an error)`, () => {
      const r = run("js-2023-platform", listGrid(JP_HEADER, [jp({ 申报单位: name })]));
      expect(withCode(r, "not-legal-person").map((f) => f.severity)).toEqual(["error"]);
    });
  }
  it("js-2020-666 only says 企业或机构: a 合伙企业 is a warning there", () => {
    const header = ["项目类型", "申报单位", "统一社会信用代码", "项目名称"];
    const r = run("js-2020-666", listGrid(header, [{ 项目类型: "上云上平台示范企业", 申报单位: "苏州甲科技合伙企业（有限合伙）", 统一社会信用代码: uscc("320506", 1), 项目名称: "上云项目1" }]), { city: "苏州" });
    expect(withCode(r, "not-legal-person").map((f) => f.severity)).toEqual(["warning"]);
  });
});
