/**
 * Header and content together (issue 21 item 3): a header too unsure to map alone (a broader head word
 * such as …代码, …等级, …类型, a question worded apart from the field's wordings) maps when the cells
 * strongly agree — valid credit codes, star levels, ownership words, the programme's own answers,
 * yes/no answers, dates — with the combined confidence and the reason in the report. The same header
 * over cells that do not fit stays unused; cells under a header that says nothing only suggest; and
 * cells that fit several fields the header hints at equally decide nothing.
 */
import { describe, expect, it } from "vitest";
import { getProgramme } from "../../src/domain/catalogue";
import { check } from "../../src/domain/check";
import { findHeader } from "../../src/domain/header";
import { HEADER_ASSIGN, headerScores } from "../../src/domain/matching";
import { listGrid, uscc } from "./check-helpers";

type V = string | number | null;

/** Columns a list of each programme carries besides the tested one (none of them the tested field). */
const BASE: Record<string, { header: string[]; row: (n: number) => Record<string, V> }> = {
  "js-2023-platform": {
    header: ["序号", "申报单位", "所在县（市、区）", "联系人", "联系电话"],
    row: (n) => ({ 序号: n, 申报单位: `南京甲${n}科技有限公司`, "所在县（市、区）": "玄武区", 联系人: "张三", 联系电话: "13851926374" }),
  },
  "js-2023-star-cloud": {
    header: ["序号", "企业名称", "统一社会信用代码", "联系人", "联系电话"],
    row: (n) => ({ 序号: n, 企业名称: `泰州丙${n}电子有限公司`, 统一社会信用代码: uscc("321202", n), 联系人: "李四", 联系电话: "13912345678" }),
  },
  "sd-2023-platform": {
    header: ["序号", "申报单位", "统一社会信用代码", "联系人", "联系电话"],
    row: (n) => ({ 序号: n, 申报单位: `济南乙${n}软件有限公司`, 统一社会信用代码: uscc("370102", n), 联系人: "王五", 联系电话: "13800000000" }),
  },
  "sd-2024-gfbj-2": {
    header: ["序号", "揭榜任务", "牵头单位", "场景落地单位", "联系人", "联系电话"],
    row: (n) => ({ 序号: n, 揭榜任务: "任务一", 牵头单位: `青岛丁${n}科技有限公司`, 场景落地单位: `烟台戊${n}机械有限公司`, 联系人: "赵六", 联系电话: "13800000001" }),
  },
};

interface Case {
  programme: string;
  field: string;
  /** Headers that say something of the field, too little to map it alone. */
  headers: string[];
  agree: V[];
  disagree: V[];
}

const codes = [1, 2, 3, 4].map((n) => uscc("320115", n + 10));
const CASES: Case[] = [
  // A broader head word and cells only the field holds.
  { programme: "js-2023-platform", field: "uscc", headers: ["企业代码", "单位代码", "公司代码", "主体代码"], agree: codes, disagree: ["南京甲科技有限公司", "南京乙科技有限公司", "南京丙科技有限公司", "南京丁科技有限公司"] },
  { programme: "js-2023-star-cloud", field: "starHeld", headers: ["往年认定等级", "以往评定等级", "原认定级别", "此前获评等级"], agree: ["三星级", "四星级", "三星级", "五星级"], disagree: ["2022-01-05", "2021-03-01", "2020-06-01", "2019-09-09"] },
  { programme: "sd-2023-platform", field: "ownership", headers: ["单位类型", "机构类型", "组织类型", "主体类型", "所属类型"], agree: ["民营", "中央驻鲁", "省属国企", "民营"], disagree: [120, 56, 300, 45] },
  { programme: "js-2023-platform", field: "direction", headers: ["所属类型", "平台所属类型"], agree: ["综合型", "特色型", "专业型", "综合型"], disagree: ["民营", "国有", "外资", "民营"] },
  // The programme's own answers under a header that also names other things.
  { programme: "js-2023-platform", field: "upgrade", headers: ["申报类型", "申报性质"], agree: ["新申报", "升级申报", "新申报", "新申报"], disagree: ["南京甲科技有限公司", "南京乙科技有限公司", "南京丙科技有限公司", "南京丁科技有限公司"] },
  // Yes/no answers under a header asking the question; dates under a header naming the date loosely.
  { programme: "sd-2024-gfbj-2", field: "subsidiary", headers: ["是否为下属企业"], agree: ["是", "否", "否", "是"], disagree: ["2020-01-01", "2021-05-06", "2019-03-03", "2018-08-08"] },
  { programme: "js-2023-star-cloud", field: "cloudStart", headers: ["开始用云日期"], agree: ["2022-01-05", "2021-03-01", "2020-06-01", "2019-09-09"], disagree: ["是", "否", "是", "否"] },
];

function listWith(programme: string, header: string, values: V[]) {
  const base = BASE[programme]!;
  const headers = [...base.header, header];
  return listGrid(headers, values.map((v, i) => ({ ...base.row(i + 1), [header]: v })));
}

function columnOf(programme: string, header: string, values: V[]) {
  const h = findHeader(listWith(programme, header, values), getProgramme(programme)!);
  return h.all[h.all.length - 1]!;
}

describe("a moderate header and cells that strongly agree map the column together", () => {
  for (const c of CASES) {
    for (const header of c.headers) {
      it(`${header} (${c.programme}): ${c.field} with cells that fit, unused with cells that do not`, () => {
        const p = getProgramme(c.programme)!;
        // The header alone says something of the field, too little to map it.
        const alone = headerScores(p, header).get(c.field) ?? 0;
        expect(alone).toBeGreaterThanOrEqual(0.3);
        expect(alone).toBeLessThan(HEADER_ASSIGN);
        expect(columnOf(c.programme, header, [null, null, null, null]).field).toBeNull();

        const agreed = columnOf(c.programme, header, c.agree);
        expect(agreed.field).toBe(c.field);
        expect(agreed.why).toBe("content");
        expect(agreed.confidence).toBeGreaterThan(alone);
        expect(agreed.contentFit).toBe(1);

        const disagreed = columnOf(c.programme, header, c.disagree);
        expect(disagreed.field).not.toBe(c.field);
        expect(disagreed.field).toBeNull();
      });
    }
  }

  it("the report says why: header and cells together, with the share of cells that fit", () => {
    const report = check(listWith("js-2023-star-cloud", "往年认定等级", ["三星级", "四星级", "三星级", "五星级"]), { programme: getProgramme("js-2023-star-cloud")!, city: "泰州" });
    const col = report.columns.find((x) => x.header === "往年认定等级")!;
    expect(col).toMatchObject({ field: "starHeld", why: "content", contentFit: 1 });
    expect(col.confidence).toBeGreaterThanOrEqual(0.6);
    // A column mapped by its header alone carries no such share.
    expect(report.columns.find((x) => x.header === "企业名称")).not.toHaveProperty("contentFit");
  });
});

describe("content alone, or content that cannot tell fields apart, only suggests", () => {
  it("cells that fit under a header saying nothing of the field: unused, the field suggested", () => {
    for (const c of CASES.filter((x) => x.field !== "upgrade" && x.field !== "subsidiary" && x.field !== "cloudStart")) {
      for (const header of ["备用栏", "自定义列", "附加"]) {
        expect(headerScores(getProgramme(c.programme)!, header).get(c.field) ?? 0, header).toBe(0);
        const col = columnOf(c.programme, header, c.agree);
        expect(col.field, `${header} ${c.field}`).toBeNull();
        // Star levels fit the level applied for as well as the level held: the cells suggest one of them.
        if (c.field === "starHeld") expect(["starApplied", "starHeld"]).toContain(col.suggestion);
        else expect(col.suggestion, `${header} ${c.field}`).toBe(c.field);
      }
    }
  });

  it("yes/no or dates under a blank-meaning header are assigned to nothing", () => {
    expect(columnOf("sd-2024-gfbj-2", "备用栏", ["是", "否", "否", "是"]).field).toBeNull();
    expect(columnOf("js-2023-star-cloud", "备用栏", ["2022-01-05", "2021-03-01", "2020-06-01", "2019-09-09"]).field).toBeNull();
  });

  it("cells that fit two fields the header hints at as much decide nothing (which date is 服务日期?)", () => {
    const star = getProgramme("js-2023-star-cloud")!;
    // A wording that says something of a field, too little alone (as 申报类型 does of the upgrade question), given to one date field, then to two.
    const hinted = (fields: string[]) => ({ ...star, fields: star.fields.map((f) => (fields.includes(f.field) ? { ...f, contentSynonyms: ["服务日期"] } : f)) });
    const dates = ["2022-01-05", "2021-03-01", "2020-06-01", "2019-09-09"];
    const grid = listWith("js-2023-star-cloud", "服务日期", dates);
    const one = findHeader(grid, hinted(["cloudStart"])).all.at(-1)!;
    expect(one).toMatchObject({ field: "cloudStart", why: "content" });
    const two = findHeader(grid, hinted(["cloudStart", "cloudEnd"])).all.at(-1)!;
    expect(two.field).toBeNull();
    expect(["cloudStart", "cloudEnd"]).toContain(two.suggestion);
  });

  it("cells half of one field's and half of another's fit neither strongly: 单位类型 over ownership and direction words stays unused", () => {
    expect(columnOf("sd-2023-platform", "单位类型", ["民营", "综合型", "国有", "特色型"]).field).toBeNull();
  });

  it("cells that fit only weakly (under the strong share) leave a moderate header unused", () => {
    const col = columnOf("js-2023-star-cloud", "往年认定等级", ["三星级", "四星级", "无", "不详"]);
    expect(col.field).toBeNull();
    expect(col.suggestion).toBe("starHeld");
  });
});
