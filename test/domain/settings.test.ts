/**
 * Every setting a programme declares changes the verdict it names, is reported as 用户设置 when
 * changed and by its provenance otherwise; bad values become notes, never a crash.
 */
import { describe, expect, it } from "vitest";
import { getProgramme } from "../../src/domain/catalogue";
import { FIELDS } from "../../src/domain/fields";
import { Programme } from "../../src/domain/programme";
import { PROGRAMMES } from "../../src/domain/programmes/index";
import { parseSettingText, settingText } from "../../src/domain/setting-values";
import { resolveSettings, settingsTemplate } from "../../src/domain/settings";
import { FIRST, lister, listGrid, run, uscc, VALID, withCode, type RowSpec } from "./check-helpers";
import { builtinInput } from "../../src/domain/programmes/index";
const jsPlatformProgramme = builtinInput("js-2023-platform");

const JP = ["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "所属集群/产业链"];
const { row: jp } = lister(JP, VALID.jsPlatform);
const jpGrid = (...rows: RowSpec[]) => listGrid(JP, rows);

const BF = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "投入合计（万元）", "是否通过贯标", "证书有效期至", "制造系统能力", "企业标杆能力"];
const { row: bf } = lister(BF, VALID.benchmark);

const SD = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况"];
const { row: sd, rows: sdRows } = lister(SD, VALID.sdPlatform);

const GF = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "企业性质", "预期投入（万元）"];
const { row: gf } = lister(GF, VALID.gfbj);

const directionFindings = (r: ReturnType<typeof run>) => withCode(r, "value-not-allowed").filter((f) => f.field === "direction");

describe("js-2023-platform directions (3大类5个方向)", () => {
  it("with no list, only the class is judged, as the notice does", () => {
    const r = run("js-2023-platform", jpGrid(jp({ 平台类型: "特色型（面向重点行业）" }, 1), jp({ 平台类型: "专业型-面向特定技术" }, 2), jp({ 平台类型: "双跨型" }, 3), jp({ 平台类型: "面向重点行业" }, 4), jp({ 平台类型: "专业" }, 5)));
    expect(directionFindings(r).map((f) => f.row)).toEqual([FIRST + 2, FIRST + 3]);
    expect(directionFindings(r)[0]!.severity).toBe("error");
    expect(r.notes.some((n) => n.startsWith("平台方向名单：不设名单（默认值。依据：苏工信融合〔2023〕27号 二、1"))).toBe(true);
  });

  it("with the user's list, a direction outside it is value-not-allowed, and the report says 用户设置", () => {
    const list = ["综合型", "特色型（面向重点行业）", "双跨型"];
    const r = run("js-2023-platform", jpGrid(jp({ 平台类型: "特色型（面向重点行业）" }, 1), jp({ 平台类型: "特色型" }, 2), jp({ 平台类型: "双跨型" }, 3), jp({ 平台类型: "专业" }, 4)), { settings: { directions: list } });
    expect(directionFindings(r).map((f) => f.row)).toEqual([FIRST + 1, FIRST + 3]);
    expect(r.notes).toContain(`用户设置：平台方向名单 = 综合型、特色型（面向重点行业）、双跨型（默认：不设名单；${getProgramme("js-2023-platform")!.settings.find((s) => s.id === "directions")!.provenance}）`);
  });

  it("an alias counts only when the class it names is in the user's list", () => {
    const r = run("js-2023-platform", jpGrid(jp({ 平台类型: "综合" })), { settings: { directions: ["综合型（跨行业跨领域）"] } });
    expect(directionFindings(r)).toHaveLength(1);
  });
});

describe("js-2023-benchmark-factory capability names", () => {
  it("企业标杆能力 names follow the setting, in reading and in the rule's message", () => {
    const g = listGrid(BF, [bf({ 企业标杆能力: "全链条协同" })]);
    expect(withCode(run("js-2023-benchmark-factory", g, { city: "苏州" }), "value-not-allowed").map((f) => f.field)).toEqual(["capBenchmark"]);
    const set = run("js-2023-benchmark-factory", g, { city: "苏州", settings: { benchmarkCapabilities: ["全链条协同", "产品全流程"] } });
    expect(withCode(set, "value-not-allowed")).toEqual([]);
    expect(withCode(set, "capability-incomplete")).toEqual([]);
    const none = run("js-2023-benchmark-factory", listGrid(BF, [bf({ 企业标杆能力: "无" })]), { city: "苏州", settings: { benchmarkCapabilities: ["全链条协同", "产品全流程"] } });
    expect(withCode(none, "capability-incomplete")[0]!.message).toContain("应至少涉及全链条协同、产品全流程中的1个");
    expect(set.notes.some((n) => n.startsWith("用户设置：“企业标杆能力”方向名称 = 全链条协同、产品全流程"))).toBe(true);
    expect(run("js-2023-benchmark-factory", g, { city: "苏州" }).notes.some((n) => n.includes("“企业标杆能力”方向名称：产品全流程、资产全流程、商业全流程、跨链条优化（默认值。依据：未经核实的默认值"))).toBe(true);
  });

  it("制造系统能力: every direction in force must be covered", () => {
    const g = listGrid(BF, [bf({ 制造系统能力: "现场、管理" })]);
    expect(withCode(run("js-2023-benchmark-factory", g, { city: "苏州" }), "value-not-allowed")).toHaveLength(1);
    const r = run("js-2023-benchmark-factory", g, { city: "苏州", settings: { manufacturingDirections: ["现场", "管理"] } });
    expect(withCode(r, "value-not-allowed")).toEqual([]);
    expect(withCode(r, "capability-incomplete")).toEqual([]);
    const short = run("js-2023-benchmark-factory", listGrid(BF, [bf({ 制造系统能力: "现场" })]), { city: "苏州", settings: { manufacturingDirections: ["现场", "管理"] } });
    expect(withCode(short, "capability-incomplete")[0]!.message).toContain("缺少管理");
  });
});

describe("cluster and chain names", () => {
  it("the user's clusters replace the shipped ones: a removed name marks nothing, an added one marks as the user's", () => {
    const g = jpGrid(jp({ "所属集群/产业链": "物联网" }, 1), jp({ "所属集群/产业链": "智能电网装备" }, 2));
    const shipped = run("js-2023-platform", g);
    expect(shipped.priority.map((p) => p.row)).toEqual([FIRST]);
    expect(shipped.priority[0]!.reason).toContain("本项目定义的先进制造业集群之一");
    const own = run("js-2023-platform", g, { settings: { clusters: [{ name: "智能电网装备", aliases: ["智能电网"] }] } });
    expect(own.priority.map((p) => [p.row, p.name])).toEqual([[FIRST + 1, "智能电网装备"]]);
    expect(own.priority[0]!.reason).toContain("用户设置的先进制造业集群名称");
    expect(own.notes.some((n) => n.startsWith("用户设置：先进制造业集群名称 = 智能电网装备（1个）"))).toBe(true);
    const alias = run("js-2023-platform", jpGrid(jp({ "所属集群/产业链": "智能电网" })), { settings: { clusters: [{ name: "智能电网装备", aliases: ["智能电网"] }] } });
    expect(alias.priority.map((p) => p.name)).toEqual(["智能电网装备"]);
  });

  it("chains likewise: a chain left out of the user's list marks nothing, an alias the user adds marks", () => {
    const g = jpGrid(jp({ "所属集群/产业链": "大数据+" }, 1), jp({ "所属集群/产业链": "大数据" }, 2));
    expect(run("js-2023-platform", g).priority.map((p) => [p.row, p.kind])).toEqual([[FIRST, "chain"]]);
    expect(run("js-2023-platform", g, { settings: { chains: [{ name: "车联网", aliases: [] }] } }).priority).toEqual([]);
    const alias = run("js-2023-platform", g, { settings: { chains: [{ name: "“大数据+”", aliases: ["大数据"] }] } });
    expect(alias.priority.map((p) => p.row)).toEqual([FIRST, FIRST + 1]);
  });
});

describe("quota and as-of date", () => {
  it("settings.quota is the city's quota; the flag wins over it", () => {
    const g = listGrid(SD, sdRows(3));
    const r = run("sd-2023-platform", g, { city: "济南", settings: { quota: 2 } });
    expect(r.quotas[0]).toMatchObject({ quota: 2, excess: 1 });
    expect(r.notes.some((n) => n.startsWith("用户设置：推荐名额（平台） = 2（默认：10；"))).toBe(true);
    expect(run("sd-2023-platform", g, { city: "济南", settings: { quota: 2 }, quota: 5 }).quotas[0]).toMatchObject({ quota: 5, excess: 0 });
    expect(run("sd-2023-platform", g, { city: "济南" }).notes.some((n) => n.startsWith("推荐名额（平台）：10（默认值。依据：") && n.includes("四(二)"))).toBe(true);
  });

  it("settings.asOf moves the age check; a date that does not exist is a note and the default is used", () => {
    const g = jpGrid(jp({ 注册时间: "2022-06-01" }));
    expect(withCode(run("js-2023-platform", g), "registered-too-recently")).toHaveLength(1);
    const later = run("js-2023-platform", g, { settings: { asOf: "2023-07-01" } });
    expect(later.asOf).toBe("2023-07-01");
    expect(withCode(later, "registered-too-recently")).toEqual([]);
    const bad = run("js-2023-platform", g, { settings: { asOf: "2023-02-30" } });
    expect(bad.asOf).toBe("2023-02-28");
    expect(bad.notes.some((n) => n.startsWith("设置“基准日”的值无效"))).toBe(true);
  });
});

describe("lists the notice does not publish", () => {
  it("前期155个省级重点平台: an entry by code or by name bars the row", () => {
    const g = listGrid(SD, sdRows(3));
    const r = run("sd-2023-platform", g, { city: "济南", settings: { earlier155: [{ uscc: uscc("370112", 1) }, { name: "济南丁2信息技术有限公司" }] } });
    expect(withCode(r, "excluded-by-list").map((f) => f.row)).toEqual([FIRST, FIRST + 1]);
    expect(withCode(r, "excluded-by-list")[0]!.message).toContain("前期155个省级重点平台");
    expect(withCode(run("sd-2023-platform", g, { city: "济南" }), "excluded-by-list")).toEqual([]);
  });

  it("第一批入围名单 bars the site enterprise", () => {
    const g = listGrid(GF, [gf({}, 1), gf({}, 2)]);
    const r = run("sd-2024-gfbj-2", g, { city: "青岛", settings: { firstBatch: [{ name: "青岛制造2有限公司" }] } });
    expect(withCode(r, "excluded-by-list").map((f) => [f.row, f.field])).toEqual([[FIRST + 1, "siteName"]]);
  });

  it("the 榜单 set as a setting is checked like a reference list", () => {
    const g = listGrid(GF, [gf({}, 1), gf({ 揭榜任务: "2-99 元宇宙工厂" }, 2)]);
    expect(withCode(run("sd-2024-gfbj-2", g, { city: "青岛" }), "value-not-allowed")).toEqual([]);
    const r = run("sd-2024-gfbj-2", g, { city: "青岛", settings: { tasks: ["2-01 人工智能大模型赋能研发设计"] } });
    expect(withCode(r, "value-not-allowed").map((f) => [f.row, f.field])).toEqual([[FIRST + 1, "task"]]);
  });
});

describe("settings themselves", () => {
  it("an unknown id or a bad value is a note; the check still runs", () => {
    const r = run("js-2023-platform", jpGrid(jp()), { settings: { colour: "red", directions: [""] } });
    expect(r.notes.some((n) => n.includes("设置“colour”") && n.includes("本项目没有这项设置"))).toBe(true);
    expect(r.notes.some((n) => n.startsWith("设置“平台方向名单”的值无效"))).toBe(true);
    expect(r.counts.rowsChecked).toBe(1);
  });

  it("a value equal to the default is not reported as the user's", () => {
    const p = getProgramme("js-2023-benchmark-factory")!;
    const same = resolveSettings(p, { benchmarkCapabilities: ["产品全流程", "资产全流程", "商业全流程", "跨链条优化"] });
    expect(same.states.find((s) => s.id === "benchmarkCapabilities")!.changed).toBe(false);
  });

  it("every programme declares the as-of date, and the quota where it has one; every default has its provenance", () => {
    for (const p of PROGRAMMES) {
      expect(p.settings[0]).toMatchObject({ id: "asOf", default: p.asOf });
      expect(p.settings.some((s) => s.id === "quota")).toBe(p.quota !== null);
      for (const s of p.settings) expect(s.provenance.length).toBeGreaterThan(8);
      expect(settingsTemplate(p).settings.asOf).toBe(p.asOf);
    }
  });

  it("the schema refuses a setting a rule names but the programme does not declare, and an invalid default", () => {
    const missing = Programme.safeParse({ ...jsPlatformProgramme, settings: jsPlatformProgramme.settings!.filter((s) => s.id !== "directions") });
    expect(missing.success).toBe(false);
    const bad = Programme.safeParse({ ...jsPlatformProgramme, settings: jsPlatformProgramme.settings!.map((s) => (s.id === "clusters" ? { ...s, default: "物联网" } : s)) });
    expect(bad.success).toBe(false);
  });

  it("no text of a programme promises a setting that does not exist", () => {
    for (const p of PROGRAMMES) {
      const texts = [...p.notes, ...p.settings.flatMap((s) => [s.provenance, s.decides])];
      for (const t of texts) {
        for (const m of t.matchAll(/在设置[“"]([^”"]+)[”"]/gu)) expect(p.settings.map((s) => s.zh)).toContain(m[1]);
        expect(t).not.toMatch(/可在设置中修改|在设置中修改/u);
      }
    }
  });

  it("the pane's text form reads back what it writes", () => {
    const p = getProgramme("js-2023-platform")!;
    const clusters = p.settings.find((s) => s.id === "clusters")!;
    expect(parseSettingText("groups", settingText("groups", clusters.default))).toEqual({ ok: true, value: clusters.default });
    expect(parseSettingText("units", "某某有限公司，9132")).toMatchObject({ ok: false });
    expect(parseSettingText("units", `某某有限公司，${uscc("370112", 2)}\n${uscc("370112", 1)}\n另一家有限公司`)).toEqual({
      ok: true,
      value: [{ name: "某某有限公司", uscc: uscc("370112", 2) }, { uscc: uscc("370112", 1) }, { name: "另一家有限公司" }],
    });
    expect(parseSettingText("names", "  \n")).toEqual({ ok: true, value: null });
    expect(parseSettingText("count", "八")).toMatchObject({ ok: false });
  });

  it("every problem with a box's text is said in English too (the English pane shows that)", () => {
    const cases: [Parameters<typeof parseSettingText>[0], string, RegExp][] = [
      ["date", "", /enter a date/],
      ["date", "2023-02-30", /real date/],
      ["count", "八", /not a whole number/],
      ["units", "某某有限公司，9132", /item 1: .*credit code/],
      ["groups", "：别称", /item 1: a name cannot be empty/],
    ];
    for (const [kind, text, en] of cases) {
      const r = parseSettingText(kind, text);
      if (r.ok) throw new Error(`${kind} “${text}” was taken`);
      expect(r.problemEn).toMatch(en);
      expect(r.problemEn.replace(/“[^”]*”/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
      expect(r.problem).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("names lose zero-width characters (not turned into spaces); a code typed full-width or with dashes is a code", () => {
    expect(parseSettingText("names", "某某\u200B有限公司\n  甲\u3000乙公司 ")).toEqual({ ok: true, value: ["某某有限公司", "甲 乙公司"] });
    const code = uscc("370112", 3);
    const wide = [...code].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("");
    const dashed = `${code.slice(0, 8)}-${code.slice(8)}`;
    expect(parseSettingText("units", `${wide}\n${dashed}`)).toEqual({ ok: true, value: [{ uscc: code }] });
  });
});

describe("not-checked notes, derived from the rules and the columns found", () => {
  it("a rule part whose optional column is absent is named, with the column; adding the column removes the note", () => {
    const noValidity = run("js-2023-benchmark-factory", listGrid(BF.filter((h) => h !== "证书有效期至"), [(({ 证书有效期至: _, ...r }) => r)(bf())]), { city: "苏州" });
    expect(noValidity.notes).toContain("未核对：两化融合管理体系贯标证书有效期在2023-03-31之后，名单中没有“证书有效期至”列。");
    const full = run("js-2023-benchmark-factory", listGrid(BF, [bf()]), { city: "苏州" });
    expect(full.notes.filter((n) => n.includes("证书有效期在"))).toEqual([]);
    const stars = run("js-2023-star-cloud", listGrid(["企业名称", "统一社会信用代码", "注册日期", "申报星级", "上云开始时间"], [{ 企业名称: "泰州丙电子有限公司", 统一社会信用代码: uscc("321202", 1), 注册日期: "2014-01-01", 申报星级: "三星级", 上云开始时间: "2022-01-05" }]), { city: "泰州" });
    expect(stars.notes.some((n) => n.startsWith("未核对：逐级申报") && n.includes("名单中没有“已获评星级”列"))).toBe(true);
  });

  it("a list the notice does not publish: noted until a column, a setting or a reference list gives it", () => {
    const g = listGrid(SD, [sd({}, 1)]);
    const note = (r: ReturnType<typeof run>) => r.notes.filter((n) => n.startsWith("未核对：申报单位是否属于前期155个省级重点平台"));
    expect(note(run("sd-2023-platform", g, { city: "济南" }))).toEqual([
      "未核对：申报单位是否属于前期155个省级重点平台，名单中没有“是否属于前期155个省级重点平台”列，也未提供名单（可在设置“前期155个省级重点平台名单”中填写，或提供参考名单）。",
    ]);
    expect(note(run("sd-2023-platform", g, { city: "济南", settings: { earlier155: [{ name: "某平台有限公司" }] } }))).toEqual([]);
    expect(note(run("sd-2023-platform", g, { city: "济南", references: { excluded: [{ name: "某平台有限公司", list: "前期155个省级重点平台" }] } }))).toEqual([]);
    const tasks = (r: ReturnType<typeof run>) => r.notes.filter((n) => n.startsWith("未核对：揭榜任务是否在任务榜单内"));
    expect(tasks(run("sd-2024-gfbj-2", listGrid(GF, [gf({}, 1)]), { city: "青岛" }))).toHaveLength(1);
    expect(tasks(run("sd-2024-gfbj-2", listGrid(GF, [gf({}, 1)]), { city: "青岛", settings: { tasks: ["2-01 人工智能大模型赋能研发设计"] } }))).toEqual([]);
  });

  it("a list with every column of its programme leaves no column unchecked", () => {
    for (const p of PROGRAMMES) {
      const header = p.fields.map((f) => FIELDS[f.field]!.zh);
      const r = run(p.id, listGrid(header, []), { city: p.province === "32" ? "南京" : "济南" });
      expect(r.notes.filter((n) => n.includes("名单中没有")), p.id).toEqual([]);
    }
  });
});
