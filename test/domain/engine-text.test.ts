/** The engine's words about priority groups come from the programme's settings, not from the built-in data. */
import { describe, expect, it } from "vitest";
import { parseBundleData, programmeToBundle } from "../../src/domain/bundle";
import { builtinProgramme } from "../../src/domain/catalogue";
import { check } from "../../src/domain/check";
import { planExport } from "../../src/domain/export/plan";
import { VALID, listGrid } from "./check-helpers";

const HEADER = ["序号", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "是否已认定为省重点平台", "是否升级申报", "平台投入（万元）", "联系电话", "所属集群/产业链"];

function renamedChains() {
  const bundle = programmeToBundle(builtinProgramme("js-2023-platform"));
  const settings = bundle.programme.settings!.map((s) =>
    s.id === "chains" ? { ...s, zh: "重点产业链名称", default: [{ name: "低空经济", aliases: [] }, { name: "人形机器人", aliases: [] }] } : s,
  );
  const parsed = parseBundleData({ ...bundle, programme: { ...bundle.programme, settings } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.programme;
}

describe("priority words follow the programme", () => {
  const grid = listGrid(HEADER, [
    { ...VALID.jsPlatform(1), "所属集群/产业链": "低空经济" },
    { ...VALID.jsPlatform(2), "所属集群/产业链": "元宇宙" },
  ]);

  it("counts and names the groups in force when a declared name is unknown", () => {
    const programme = renamedChains();
    const report = check(grid, { programme, city: "南京" });
    const unknown = report.findings.find((f) => f.code === "value-not-allowed" && f.field === "clusterOrChain");
    expect(unknown?.message).toContain("不是13个先进制造业集群或2个重点产业链的名称");
    const builtIn = check(grid, { programme: builtinProgramme("js-2023-platform"), city: "南京" });
    expect(builtIn.findings.filter((f) => f.field === "clusterOrChain").map((f) => f.message).join("\n")).toContain("不是13个先进制造业集群或10个“531”产业链的名称");
  });

  it("says why a row is priority in the programme's own words, never the built-in data's", () => {
    const report = check(grid, { programme: renamedChains(), city: "南京" });
    const reason = report.priority.find((p) => p.name === "低空经济")?.reason ?? "";
    expect(reason).toContain("属于重点产业链“低空经济”（本项目定义的重点产业链之一）");
    expect(reason).not.toMatch(/531|13个|2018/);
    const builtIn = check(listGrid(HEADER, [{ ...VALID.jsPlatform(1), "所属集群/产业链": "集成电路" }]), { programme: builtinProgramme("js-2023-platform"), city: "南京" });
    expect(builtIn.priority[0]?.reason).toMatch(/也是“531”产业链名称|属于“531”产业链/);
  });

  it("marks the export with the programme's own name of the group", () => {
    const programme = renamedChains();
    const report = check(grid, { programme, city: "南京" });
    const plan = planExport(grid, report, programme);
    const remarks = plan.columns.findIndex((c) => c.header === "备注");
    const marks = plan.rows.flatMap((r) => (r.kind === "data" && r.values[remarks]?.kind === "text" ? [r.values[remarks].text] : []));
    expect(marks).toContain("属重点产业链（低空经济）");
    expect(marks.join("")).not.toContain("531");
  });
});

describe("the quota's words", () => {
  it("name the exempt ownerships as the programme words them, without a doubled 单位", async () => {
    const { listProgrammes } = await import("../../src/domain/catalogue");
    const { describeProgramme } = await import("../../src/domain/rules-text");
    const { resolveSettings } = await import("../../src/domain/settings");
    const { aspectsOf } = await import("../../src/domain/unchecked");
    let exempting = 0;
    for (const p of listProgrammes()) {
      const t = describeProgramme(p, resolveSettings(p).states);
      const aspects = aspectsOf({ programme: p, mapped: new Set(), settings: {}, references: { excluded: false, tasks: false, priority: false } });
      const words = [...t.settings.map((s) => s.decides), ...t.rules.map((r) => r.zh), ...aspects.map((a) => a.zh)].join("\n");
      expect(words, p.id).not.toMatch(/(单位|企业|国企)单位|推荐名额数/);
      if (p.quota?.exemptOwnership.length) {
        exempting++;
        expect(words, p.id).toContain(`${p.quota.exemptOwnership.join("、")}不占名额`);
      }
    }
    expect(exempting).toBeGreaterThanOrEqual(2);
  });
});
