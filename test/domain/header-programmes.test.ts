/** Header finding and column mapping; programme definitions as data; the task pane's view of them. */
import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/domain/cells";
import { getProgramme, listProgrammes } from "../../src/domain/catalogue";
import { FIELDS } from "../../src/domain/fields";
import { findHeader, skipReason } from "../../src/domain/header";
import { Programme } from "../../src/domain/programme";
import { PROGRAMME_INPUTS } from "../../src/domain/programmes/index";
import { programmeView } from "../../src/workbook/engine";
import { listGrid, run, uscc, withCode } from "./check-helpers";

const platform = getProgramme("js-2023-platform")!;

describe("header", () => {
  it("is found below titles and a 填报单位 line; full-width, spaces and bracketed units are understood", () => {
    const grid = gridFromValues([
      ["南京市2023年度推荐汇总表"],
      ["填报单位：某区工信局　联系人：张三　联系电话：025-52186731"],
      [null],
      ["序 号", "企业名称", "统一社会信用代码（18位）", "成立日期：", "平台类型", "建设情况", "平台投入（单位：万元）"],
      [1, "南京甲公司", uscc("320115", 1), "2015-01-01", "综合型", "已建成", 100],
    ]);
    const h = findHeader(grid, platform);
    expect(h.rowIndices).toEqual([3]);
    expect(h.dataStart).toBe(4);
    expect(Object.fromEntries([...h.columns].map(([f, c]) => [f, c.letter]))).toEqual({
      seq: "A", applicant: "B", uscc: "C", registeredOn: "D", direction: "E", constructionStatus: "F", investment: "G",
    });
    expect(h.columns.get("investment")!.unit).toBe("万元");
  });

  it("columns the programme does not use stay unmapped; a missing required column is reported once", () => {
    const r = run("js-2023-platform", listGrid(["申报单位", "统一社会信用代码", "平台类型", "揭榜任务"], [{ 申报单位: "南京甲公司", 统一社会信用代码: uscc("320115", 1), 平台类型: "综合型", 揭榜任务: "x" }]));
    expect(r.columns.map((c) => c.field)).toEqual(["applicant", "uscc", "direction", null]);
    expect(withCode(r, "header-missing").map((f) => f.field).sort()).toEqual(["constructionStatus", "registeredOn"]);
    expect(withCode(r, "required-missing")).toEqual([]);
  });

  it("no header at all: one finding, no rows checked", () => {
    const r = run("js-2023-platform", gridFromValues([["随便写的"], ["内容", 1, 2]]));
    expect(r.headerRows).toEqual([]);
    expect(r.counts.rowsChecked).toBe(0);
    expect(withCode(r, "header-missing")).toHaveLength(1);
  });

  it("a district's header repeated inside the list is skipped, not checked", () => {
    const header = ["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况"];
    const grid = gridFromValues([header, ["南京甲科技有限公司", uscc("320115", 1), "2015-01-01", "综合型", "已建成"], ["企业名称", "社会信用代码", "成立日期", "申报方向", "建设情况"], ["南京乙科技有限公司", uscc("320115", 2), "2015-01-01", "综合型", "已建成"]]);
    const r = run("js-2023-platform", grid);
    expect(r.skipped).toEqual([{ row: 3, reason: "header" }]);
    expect(r.counts.rowsChecked).toBe(2);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("skip reasons: empty (also only spaces), 合计/小计, 填报说明 and a lone section title", () => {
    const t = (v: string) => ({ kind: "text" as const, value: v });
    const e = { kind: "empty" as const, value: null };
    expect(skipReason([e, t("\u3000 "), t("\u200B")], [1])).toBe("empty");
    expect(skipReason([t("合 计"), e, { kind: "number", value: 5 }], [1])).toBe("total");
    expect(skipReason([t("小计："), e], [1])).toBe("total");
    expect(skipReason([t("填报说明：1.…"), e, e, e], [1])).toBe("note");
    expect(skipReason([t("一、历城区"), e, e, e], [1])).toBe("note");
    expect(skipReason([e, t("南京甲公司"), e, e], [1])).toBeNull();
  });
});

describe("programme definitions", () => {
  it("six programmes with stable ids, each parsed by the schema", () => {
    expect(listProgrammes().map((p) => p.id)).toEqual(["js-2023-platform", "js-2023-benchmark-factory", "js-2023-star-cloud", "sd-2023-platform", "js-2020-666", "sd-2024-gfbj-2"]);
    for (const p of PROGRAMME_INPUTS) expect(Programme.safeParse(p).success).toBe(true);
  });

  it("every rule cites a clause, every field is known, every definition lists what it leaves open", () => {
    for (const p of listProgrammes()) {
      for (const r of [...p.rowRules, ...p.setRules]) expect(JSON.stringify(r)).toMatch(/"clause":"[^"]{3,}/);
      for (const f of p.fields) expect(FIELDS[f.field]).toBeDefined();
    }
    expect(getProgramme("sd-2024-gfbj-2")!.quota).toMatchObject({ value: null, open: true });
    expect(getProgramme("sd-2023-platform")!.quota).toMatchObject({ value: 10, open: false });
  });

  it("the schema refuses a rule on a field the programme does not list, and an enum without values", () => {
    const base = PROGRAMME_INPUTS.find((p) => p.id === "js-2023-platform")!;
    const noField = { ...base, fields: base.fields.filter((f) => f.field !== "registeredOn") };
    expect(Programme.safeParse(noField).success).toBe(false);
    const noValues = { ...base, fields: base.fields.map((f) => (f.field === "direction" ? { field: "direction", required: true } : f)) };
    expect(Programme.safeParse(noValues).success).toBe(false);
    expect(Programme.safeParse({ ...base, asOf: "2023-2-28" }).success).toBe(false);
  });

  it("the task pane's view: notice, deadline, as-of, units (county-level for 666), quota", () => {
    const views = Object.fromEntries(listProgrammes().map((p) => [p.id, programmeView(p)]));
    expect(views["js-2023-platform"]).toMatchObject({ title: "江苏省重点工业互联网平台", deadline: "2023-03-15", asOf: "2023-02-28", quota: null, quotaOpen: false });
    expect(views["js-2023-platform"]!.notice).toContain("苏工信融合〔2023〕27号");
    // The 13 cities, then the province itself (city lists checked city by city).
    expect(views["js-2023-platform"]!.units).toHaveLength(14);
    expect(views["js-2023-platform"]!.units.at(-1)).toEqual({ name: "江苏省", countyLevel: false, province: true });
    expect(views["js-2020-666"]!.units.filter((u) => u.countyLevel).map((u) => u.name)).toEqual(["昆山市", "泰兴市", "沭阳县"]);
    expect(views["sd-2023-platform"]).toMatchObject({ quota: 10, quotaOpen: false, deadline: "2023-06-20" });
    expect(views["sd-2023-platform"]!.units).toHaveLength(17);
    expect(views["sd-2024-gfbj-2"]).toMatchObject({ quota: null, quotaOpen: true, asOf: "2024-08-05" });
  });
});
