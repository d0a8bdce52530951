/**
 * Amounts far beyond what their unit makes plausible (issue 20 item 4; spec "Corrections, third
 * reading", Amounts): a warning naming both readings, the bound a setting (amountCeiling, 亿元), the
 * figure the rules judge unchanged. One case per way a unit is given.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/huizong";
import { builtinProgramme } from "../../src/domain/catalogue";
import { planExport } from "../../src/domain/export/plan";
import { describeProgramme } from "../../src/domain/rules-text";
import { Report } from "../../src/domain/report";
import { resolveSettings } from "../../src/domain/settings";
import { rowVerdicts } from "../../src/domain/verdict";
import { FIRST, lister, listGrid, run, VALID, withCode, type RowSpec } from "./check-helpers";

/** A benchmark-factory list whose investment column is headed `header` (三(三)1: 投入总计不低于2000万元). */
function bf(header: string, ...amounts: (string | number)[]) {
  const cols = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", header, "是否通过贯标", "证书有效期至"];
  const { row } = lister(cols, VALID.benchmark);
  const rows: RowSpec[] = amounts.map((a, i) => row({ [header]: a }, i + 1));
  return listGrid(cols, rows);
}
const bfRun = (grid: ReturnType<typeof bf>, settings?: Record<string, unknown>) => run("js-2023-benchmark-factory", grid, { city: "苏州", ...(settings ? { settings } : {}) });
const implausible = (r: Report) => withCode(r, "amount-implausible").map((f) => [f.row, f.severity, f.field, f.message]);
const verdicts = (r: Report, n: number) => Array.from({ length: n }, (_, i) => rowVerdicts(r).get(FIRST + i) ?? "ok");

describe("an amount implausible for its unit is a warning naming both readings", () => {
  it("万元 header: 15000000 under 近三年投入合计（万元） is 1500亿元, probably 元 (1500万元); 2500 passes", () => {
    const r = bfRun(bf("近三年投入合计（万元）", 15000000, 2500));
    expect(implausible(r)).toEqual([[FIRST, "warning", "investment", "“投资额”：15000000万元即1500亿元，达到金额合理上限（100亿元），疑为以元填写（即1500万元）"]]);
    const f = withCode(r, "amount-implausible")[0]!;
    expect(f.value).toBe("15000000");
    expect(f.hint).toBe("核实金额的单位；如以元计，可在单元格中写明“15000000元”");
    // The rules judge the figure as read (≥ 2000万元 passes); the row is a warning, exported.
    expect(withCode(r, "investment-below-minimum")).toEqual([]);
    expect(verdicts(r, 2)).toEqual(["warning", "ok"]);
    const kept = planExport(bf("近三年投入合计（万元）", 15000000, 2500), r, builtinProgramme(r.programme)).rows.flatMap((x) => (x.kind === "data" ? [x.sourceRow] : []));
    expect(kept).toEqual([FIRST, FIRST + 1]);
  });

  it("元 header: 25000000 元 is 2500万元 and passes; 2000亿元 written in 元 warns with no smaller reading", () => {
    const r = bfRun(bf("近三年投入合计（元）", 25000000, 200000000000));
    expect(implausible(r)).toEqual([[FIRST + 1, "warning", "investment", "“投资额”：200000000000元即2000亿元，达到金额合理上限（100亿元），请核实金额和单位"]]);
    expect(verdicts(r, 2)).toEqual(["ok", "warning"]);
  });

  it("no unit in the header: read as 万元 by default, and the message says so", () => {
    const r = bfRun(bf("近三年投入合计", 15000000, 3000));
    expect(implausible(r)).toEqual([[FIRST, "warning", "investment", "“投资额”：表头未注明单位，按万元读作15000000万元即1500亿元，达到金额合理上限（100亿元），疑为以元填写（即1500万元）"]]);
    expect(verdicts(r, 2)).toEqual(["warning", "ok"]);
  });

  it("亿元 header: 500 is 500亿元, probably 万元 (500万元); 15000000 is neither 亿元 nor 万元 but 元", () => {
    const r = bfRun(bf("近三年投入合计（亿元）", 500, 15000000, 0.25));
    expect(implausible(r)).toEqual([
      [FIRST, "warning", "investment", "“投资额”：500亿元，达到金额合理上限（100亿元），疑为以万元填写（即500万元）"],
      [FIRST + 1, "warning", "investment", "“投资额”：15000000亿元，达到金额合理上限（100亿元），疑为以元填写（即1500万元）"],
    ]);
    // 0.25亿元 = 2500万元: plausible, and above the 2000万元 minimum.
    expect(verdicts(r, 3)).toEqual(["warning", "warning", "ok"]);
  });

  it("a unit in the cell itself is the reading: “15000000万元” warns, “15000000元” is 1500万元", () => {
    const r = bfRun(bf("近三年投入合计", "15000000万元", "25000000元"));
    expect(implausible(r)).toEqual([[FIRST, "warning", "investment", "“投资额”：“15000000万元”即1500亿元，达到金额合理上限（100亿元），疑为以元填写（即1500万元）"]]);
    expect(verdicts(r, 2)).toEqual(["warning", "ok"]);
  });

  it("the boundary: 999999.99万元 passes, 1000000万元 (100亿元) warns", () => {
    const r = bfRun(bf("近三年投入合计（万元）", 999999.99, 1000000));
    expect(implausible(r).map((f) => f[0])).toEqual([FIRST + 1]);
    expect(withCode(r, "amount-implausible")[0]!.message).toBe("“投资额”：1000000万元即100亿元，达到金额合理上限（100亿元），疑为以元填写（即100万元）");
  });

  it("the bound is the amountCeiling setting: 10 (亿元) catches 15亿元, 2000 lets 1500亿元 pass; the report says which", () => {
    const grid = bf("近三年投入合计（万元）", 150000, 15000000);
    expect(implausible(bfRun(grid)).map((f) => f[0])).toEqual([FIRST + 1]);
    const ten = bfRun(grid, { amountCeiling: 10 });
    expect(implausible(ten).map((f) => f[0])).toEqual([FIRST, FIRST + 1]);
    expect(withCode(ten, "amount-implausible")[0]!.message).toBe("“投资额”：150000万元即15亿元，达到金额合理上限（10亿元），疑为以元填写（即15万元）");
    expect(ten.notes.some((n) => n.startsWith("用户设置：金额合理上限（亿元） = 10"))).toBe(true);
    expect(implausible(bfRun(grid, { amountCeiling: null }))).toHaveLength(1); // null = the default
    expect(implausible(bfRun(grid, { amountCeiling: 2000 }))).toEqual([]);
  });

  it("every parts column is read the same way (平台和系统开发费 in 元 under a 万元 header)", () => {
    const cols = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "平台和系统开发费（万元）", "智能设备（终端）购置费（万元）", "测试验证和项目咨询费（万元）", "是否通过贯标", "证书有效期至"];
    const { row } = lister(cols, VALID.benchmark);
    const r = bfRun(listGrid(cols, [row({ "平台和系统开发费（万元）": 12000000 })]));
    expect(withCode(r, "amount-implausible").map((f) => [f.field, f.severity])).toEqual([["investPlatform", "warning"]]);
  });

  it("plausible rows keep their verdicts in every programme with an amount column", () => {
    const cases: [string, readonly string[], (n: number) => RowSpec, string][] = [
      ["js-2023-platform", ["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "平台投入（万元）"], VALID.jsPlatform, "南京"],
      ["sd-2024-gfbj-2", Object.keys(VALID.gfbj(1)), VALID.gfbj, "青岛"],
    ];
    for (const [id, cols, valid, city] of cases) {
      const { rows } = lister(cols, valid);
      const r = run(id, listGrid(cols, rows(3)), { city });
      expect(withCode(r, "amount-implausible"), id).toEqual([]);
    }
    // 工赋百景: 预期投入 5000000 (万元) is 500亿元 — a warning beside the ≥100万元 rule, which it passes.
    const { row } = lister(Object.keys(VALID.gfbj(1)), VALID.gfbj);
    const r = run("sd-2024-gfbj-2", listGrid(Object.keys(VALID.gfbj(1)), [row({ "预期投入（万元）": 5000000 })]), { city: "青岛" });
    expect(implausible(r).map((f) => [f[0], f[1], f[2]])).toEqual([[FIRST, "warning", "investment"]]);
  });

  it("the rule is listed with its setting, and a programme without an amount column has no such setting", () => {
    const p = builtinProgramme("js-2023-benchmark-factory");
    const t = describeProgramme(p, resolveSettings(p).states);
    expect(t.rules.find((x) => x.settings.includes("amountCeiling"))?.zh).toContain("达到100亿元的为警告");
    expect(t.settings.find((s) => s.id === "amountCeiling")?.provenance).toContain("未经核实的默认值");
    expect(builtinProgramme("sd-2023-platform").settings.map((s) => s.id)).not.toContain("amountCeiling");
  });
});

describe("the CLI takes the bound from --settings", () => {
  const tmp = mkdtempSync(join(tmpdir(), "huizong-amounts-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  async function cli(...extra: string[]): Promise<Report> {
    let out = "";
    await main(["check", join(tmp, "名单.csv"), "-p", "js-2023-benchmark-factory", "-c", "苏州", "--json", ...extra], { stdout: (s) => void (out += s), stderr: () => undefined });
    return Report.parse(JSON.parse(out));
  }

  it("default 100亿元, then 10亿元 from a settings file", async () => {
    const cols = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "近三年投入合计（万元）", "是否通过贯标", "证书有效期至"];
    const { row } = lister(cols, VALID.benchmark);
    const lines = [cols.join(","), ...[row({ "近三年投入合计（万元）": 150000 }, 1), row({ "近三年投入合计（万元）": 15000000 }, 2)].map((r) => cols.map((c) => String(r[c] ?? "")).join(","))];
    writeFileSync(join(tmp, "名单.csv"), lines.join("\r\n"));
    expect(withCode(await cli(), "amount-implausible").map((f) => f.row)).toEqual([3]);
    const file = join(tmp, "设置.json");
    writeFileSync(file, JSON.stringify({ programme: "js-2023-benchmark-factory", settings: { amountCeiling: 10 } }));
    expect(withCode(await cli("--settings", file), "amount-implausible").map((f) => f.row)).toEqual([2, 3]);
  });
});
