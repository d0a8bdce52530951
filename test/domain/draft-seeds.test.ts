/**
 * A draft from each seed notice (test/data/notices/, two in traditional characters) checks that
 * programme's bundled sample with the built-in definition's verdict per row (error / warning / clean),
 * and names the thresholds, dates and quotas of the programme with the sentence each comes from.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { draftProgramme, draftRules, type DraftBundle } from "../../src/domain/draft/draft";
import { Programme, type ProgrammeInput } from "../../src/domain/programme";
import { rowVerdicts } from "../../src/domain/verdict";
import { SAMPLES, sampleGrid } from "../../src/samples/index";

const notice = (seed: string) => readFileSync(join(__dirname, "../data/notices", `${seed}.txt`), "utf8");

function draft(seed: string, category?: string): DraftBundle {
  const r = draftProgramme(notice(seed), category ? { category } : {});
  if (!r.ok) throw new Error(`draft of ${seed} failed: ${r.problems.map((p) => p.zh).join("; ")}`);
  return r.bundle;
}

/** Rows where the draft and the built-in agree, of the sample's checked rows. */
function agreement(programmeId: string, bundle: DraftBundle): { agree: number; rows: number; differ: string[] } {
  const sample = SAMPLES.find((s) => s.programmeId === programmeId)!;
  const grid = sampleGrid(sample);
  const builtIn = check(grid, { programme: builtinProgramme(programmeId), city: sample.city });
  const programme = Programme.parse(bundle.programme);
  const drafted = check(grid, { programme, city: sample.city });
  const a = rowVerdicts(builtIn);
  const b = rowVerdicts(drafted);
  const header = Math.max(...builtIn.headerRows);
  const skipped = new Set(builtIn.skipped.map((s) => s.row));
  let agree = 0;
  let rows = 0;
  const differ: string[] = [];
  for (let row = header + 1; row <= header + builtIn.counts.rowsRead; row++) {
    if (skipped.has(row)) continue;
    rows++;
    const x = a.get(row) ?? "ok";
    const y = b.get(row) ?? "ok";
    if (x === y) agree++;
    else differ.push(`${row}: ${x} → ${y}`);
  }
  expect(rows).toBe(builtIn.counts.rowsChecked);
  return { agree, rows, differ };
}

/** The rule of a kind, with the source the review shows. */
function rule(p: ProgrammeInput, type: string): Record<string, unknown> & { source: { section: string; text: string; confidence: number } } {
  const r = [...p.rowRules, ...p.setRules].find((x) => x.type === type);
  expect(r, `a ${type} rule`).toBeDefined();
  return r as never;
}

const CASES: { seed: string; programmeId: string; category?: string }[] = [
  { seed: "000", programmeId: "js-2023-platform", category: "省重点工业互联网平台" },
  { seed: "000", programmeId: "js-2023-benchmark-factory", category: "省工业互联网标杆工厂" },
  { seed: "000", programmeId: "js-2023-star-cloud", category: "省星级上云企业" },
  { seed: "002", programmeId: "js-2023-platform", category: "省重点工业互联网平台" },
  { seed: "002", programmeId: "js-2023-benchmark-factory", category: "省工业互联网标杆工厂" },
  { seed: "002", programmeId: "js-2023-star-cloud", category: "省星级上云企业" },
  { seed: "001", programmeId: "sd-2023-platform" },
  { seed: "003", programmeId: "js-2020-666" },
  { seed: "004", programmeId: "sd-2024-gfbj-2" },
];

describe("drafts from the seed notices decide the samples as the built-ins do", () => {
  const figures: string[] = [];
  for (const c of CASES) {
    it(`${c.seed} ${c.category ?? ""} → ${c.programmeId}`, () => {
      const bundle = draft(c.seed, c.category);
      expect(bundle.draft).toBe(true);
      expect(bundle.reviewed).toBe(false);
      for (const r of draftRules(bundle.programme)) {
        expect(r.source, `${r.where} carries its source`).toBeDefined();
        expect(r.source!.text.length).toBeGreaterThan(3);
        expect(r.source!.confidence).toBeGreaterThan(0);
        expect(r.source!.confidence).toBeLessThanOrEqual(1);
      }
      const { agree, rows, differ } = agreement(c.programmeId, bundle);
      figures.push(`${c.seed} ${c.programmeId}: ${agree}/${rows} rows (${((100 * agree) / rows).toFixed(1)}%)${differ.length ? ` differ ${differ.join(", ")}` : ""}`);
      console.log(`draft agreement ${figures[figures.length - 1]}`);
      expect(agree / rows).toBeGreaterThanOrEqual(0.9);
    });
  }
});

describe("the Jiangsu 2023 notice lists its three categories and drafts each", () => {
  for (const seed of ["000", "002"]) {
    it(`${seed}: without --category it names the categories and drafts nothing`, () => {
      const r = draftProgramme(notice(seed));
      expect(r.ok).toBe(false);
      expect(r.categories).toEqual(["省重点工业互联网平台", "省工业互联网标杆工厂", "省星级上云企业"]);
      if (!r.ok) {
        expect(r.problems[0]!.zh).not.toContain("--");
        expect(r.problems[0]!.cli).toContain("--category");
      }
    });
  }
  it("an unknown category is refused naming the ones there are", () => {
    const r = draftProgramme(notice("000"), { category: "省级智能工厂" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.zh).toContain("省星级上云企业");
  });
  it("a notice with no categories refuses --category", () => {
    expect(draftProgramme(notice("001"), { category: "平台" }).ok).toBe(false);
  });
});

describe("each draft names the thresholds, dates and quotas of its programme with their sentences", () => {
  for (const seed of ["000", "002"]) {
    it(`${seed} 省重点工业互联网平台`, () => {
      const p = draft(seed, "省重点工业互联网平台").programme;
      const age = rule(p, "min-age");
      expect(age.years).toBe(1);
      expect(age.source.section).toBe("三(一)1");
      expect(age.source.text).toContain("不少于1年");
      expect(rule(p, "built").source.text).toContain("未建或在建项目不得申报");
      expect(rule(p, "built").ok).toEqual(["已建成", "已建成运营", "运营中"]);
      const rec = rule(p, "not-recognised");
      expect(rec.source.text).toContain("原则上不再重复申报");
      expect(String(rec.clause)).toContain("原则上");
      expect(p.fields.find((f) => f.field === "direction")?.allowed).toEqual(["综合型", "特色型", "专业型"]);
      expect(p.cityDeadline).toBe("2023-03-15");
      expect(p.asOf).toBe("2023-02-28");
      expect(p.asOfSource).toContain("2月28日前");
      expect((p.priority as { source: { section: string } } | null)?.source.section).toBe("五2");
      expect(p.notes?.join("\n")).toContain("5个方向");
    });
    it(`${seed} 省工业互联网标杆工厂`, () => {
      const p = draft(seed, "省工业互联网标杆工厂").programme;
      expect(rule(p, "min-age").years).toBe(3);
      expect(rule(p, "min-age").source.text).toContain("标杆工厂类不少于3年");
      const inv = rule(p, "investment-min");
      expect(inv.min).toBe(2000);
      expect(inv.total).toBe("investment");
      expect(inv.parts).toEqual(["investPlatform", "investDevices", "investTesting"]);
      expect(inv.source.text).toContain("不低于2000万元");
      const cert = rule(p, "certificate");
      expect(cert.after).toBe("2023-03-31");
      expect(cert.name).toBe("两化融合管理体系贯标");
      expect(cert.source.text).toContain("2023年3月31日之后");
      expect(rule(p, "built").ok).toEqual(["已建成", "已建成运营", "运营中"]);
      expect(rule(p, "built").warn).toEqual([]);
      expect(p.fields.find((f) => f.field === "direction")?.allowed).toHaveLength(7);
      expect(p.cityDeadline).toBe("2023-03-15");
      // The capability coverage names its directions only in 附件2: a note citing the sentence.
      expect(p.notes?.some((n) => n.startsWith("三(三)3：") && n.includes("制造系统能力"))).toBe(true);
    });
    it(`${seed} 省星级上云企业`, () => {
      const p = draft(seed, "省星级上云企业").programme;
      expect(rule(p, "min-age").years).toBe(1);
      const w = rule(p, "cloud-window");
      expect([w.from, w.to, w.minMonths]).toEqual(["2022-01-01", "2023-02-28", 3]);
      expect(w.source.text).toContain("从2022年1月1日起至2023年2月28日止");
      expect(rule(p, "star-ladder").levels).toEqual(["三星级", "四星级", "五星级"]);
      expect(p.cityDeadline).toBe("2023-04-17");
      expect(p.asOf).toBe("2023-02-28");
      // The 2月28日 applicant deadline belongs to the platform and factory system, not to this category.
      expect(p.deadlines?.map((d) => d.date)).toEqual(["2023-04-17"]);
    });
  }
  it("001 sd-2023-platform", () => {
    const p = draft("001").programme;
    expect(p.province).toBe("37");
    const q = p.quota as NonNullable<ProgrammeInput["quota"]> & { source: { text: string } };
    expect(q.value).toBe(10);
    expect(q.exemptOwnership).toEqual(["中央驻鲁单位", "省属单位"]);
    expect(q.source.text).toContain("原则上不超过10个");
    expect(q.clause).toContain("原则上");
    expect(rule(p, "one-direction").source.text).toContain("原则上只能申报一个方向");
    expect(rule(p, "excluded-by-list").list).toBe("前期155个省级重点平台");
    expect(rule(p, "excluded-by-list").field).toBe("excludedListed");
    const r = rule(p, "restricted") as unknown as { conditions: { field: string; barsWhen: boolean }[] };
    expect(r.conditions.map((c) => [c.field, c.barsWhen])).toEqual([
      ["restrictAccident", true],
      ["restrictBlacklist", true],
      ["restrictCredit", true],
      ["policyCompliant", false],
    ]);
    expect(rule(p, "built").source.section).toBe("二(一)2、二(二)4");
    expect(p.fields.find((f) => f.field === "direction")?.allowed).toEqual(["综合型（跨行业跨领域）", "特色型（面向重点行业）", "特色型（面向重点区域）", "专业型（面向产业链供应链协同）", "专业型（面向特定技术）"]);
    expect(p.cityDeadline).toBe("2023-06-20");
    expect(p.notice.issued).toBe("2023-06-05");
    // Checked with the draft, a finding keeps 原则上 and cites the section and sentence.
    const sample = SAMPLES.find((s) => s.programmeId === "sd-2023-platform")!;
    const report = check(sampleGrid(sample), { programme: Programme.parse(p), city: sample.city });
    const repeated = report.findings.find((f) => f.code === "direction-repeated");
    expect(repeated?.message).toContain("原则上只能申报一个方向");
    expect(repeated?.clause).toContain("二(一)4：每个申报单位原则上只能申报一个方向");
  });
  it("003 js-2020-666 (traditional characters)", () => {
    const b = draft("003");
    const p = b.programme;
    expect(b.notice.traditional).toBe(true);
    expect(p.province).toBe("32");
    expect(p.countyLevelUnits).toEqual(["昆山市", "泰兴市", "沭阳县"]);
    expect(p.fields.find((f) => f.field === "category")?.allowed).toEqual(["省级工业互联网云服务中心（云基地）", "工业互联网服务骨干企业", "上云上平台示范企业"]);
    expect(p.deadlines?.map((d) => d.date)).toEqual(["2020-07-15", "2020-08-30", "2020-08-30", "2020-09-30"]);
    expect(p.cityDeadline).toBe("2020-08-30");
    expect(b.notes.some((n) => n.text.includes("6家") && n.text.includes("600家"))).toBe(true);
  });
  it("004 sd-2024-gfbj-2 (traditional characters)", () => {
    const b = draft("004");
    const p = b.programme;
    expect(b.notice.traditional).toBe(true);
    expect(rule(p, "consortium").maxMembers).toBe(3);
    expect(rule(p, "consortium").source.text).toContain("原则上不超过3家");
    const caps = p.setRules.filter((r) => r.type === "cap").map((r) => r.type === "cap" && [r.code, r.party.role, r.max]);
    expect(caps).toEqual([
      ["provider-cap", "牵头单位", 2],
      ["enterprise-cap", "场景落地单位", 1],
    ]);
    expect(rule(p, "group-cap").max).toBe(5);
    expect(rule(p, "investment-min").min).toBe(100);
    expect(rule(p, "prior-funding").source.section).toBe("二(三)");
    expect(rule(p, "letter").source.text).toContain("推荐函");
    expect(rule(p, "excluded-by-list").party).toMatchObject({ role: "场景落地单位" });
    expect(rule(p, "ranks").source.section).toBe("三(二)");
    const q = p.quota!;
    expect([q.value, q.open]).toEqual([null, true]);
    expect(q.exemptOwnership).toEqual(["中央驻鲁企业", "省属国企"]);
    expect(p.cityDeadline).toBe("2024-08-05");
    expect(b.notes.some((n) => n.reason.includes("奖补") && n.text.includes("最高100万元"))).toBe(true);
  });
});

describe("notices in traditional characters and with pinyin glosses read as simplified text", () => {
  it("003 and 004", async () => {
    const { normaliseNotice, traditionalCount } = await import("../../src/domain/draft/normalise");
    const t3 = normaliseNotice(notice("003"));
    expect(t3).toContain("关于组织实施江苏省工业互联网加速器工程的通知");
    expect(t3).toContain("2020年8月30日前完成第一批项目申报工作");
    const t4 = normaliseNotice(notice("004"));
    // "關(guān)于" on the page: the gloss goes with the conversion.
    expect(t4).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/u);
    expect(t4).toContain("每个制造业企业参与揭榜挂帅项目数量原则上不超过1个");
    expect(traditionalCount(t4)).toBe(0);
    expect(traditionalCount(notice("004"))).toBeGreaterThan(200);
    expect(traditionalCount(notice("001"))).toBe(0);
  });
});
