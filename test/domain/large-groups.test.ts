/**
 * A set rule reports every row of a group; a huge group (one code pasted down a whole column) must
 * keep each finding small, so that a report grows with the rows, not with their square.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/domain/cells";
import { check } from "../../src/domain/check";
import { Report } from "../../src/domain/report";

const HEADER = ["序号", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "平台名称", "建设情况", "是否已认定为省重点平台", "是否升级申报"];

describe("a group of 3,000 rows with one code", () => {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 1; i <= 3000; i++) rows.push([i, `南京云启${i}科技有限公司`, "91320115MAHEGG3M0K", "2015-05-16", "综合型", `平台${i}`, "已建成", "否", "否"]);
  const report = Report.parse(check(gridFromValues(rows), { programme: builtinProgramme("js-2023-platform"), city: "南京" }));
  const duplicates = report.findings.filter((f) => f.code === "duplicate-applicant");

  it("flags every repeated row once", () => {
    expect(duplicates).toHaveLength(2999);
  });

  it("lists at most 50 rows in each finding, its own row among them, and counts the rest in the message", () => {
    for (const f of duplicates) {
      expect(f.rows!.length).toBeLessThanOrEqual(50);
      expect(f.rows).toContain(f.row);
    }
    expect(duplicates[0].message).toContain("等共3000");
    expect(duplicates[0].messageEn).toContain("and 2992 more");
  });
});

describe("a provider in 120 projects (a cap finding for each project beyond the cap)", () => {
  const header = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "预期投入（万元）"];
  const rows: (string | number)[][] = [header];
  for (let i = 1; i <= 120; i++) rows.push([i, "2-01 人工智能大模型赋能研发设计", `项目${i}`, "青岛海川数字科技有限公司", "91370211MA3CAAAA1X", `青岛制造${i}有限公司`, `制造${i}`, 500]);
  const report = Report.parse(check(gridFromValues(rows), { programme: builtinProgramme("sd-2024-gfbj-2"), city: "青岛" }));

  it("judges each project beyond the first two, and lists at most 50 rows in each", () => {
    const caps = report.findings.filter((f) => f.code === "provider-cap");
    expect(caps.map((f) => f.row)).toEqual(Array.from({ length: 118 }, (_, i) => i + 4));
    for (const f of caps) {
      expect(f.rows!.length).toBeLessThanOrEqual(50);
      expect(f.rows).toContain(f.row);
    }
    expect(caps[0]!.message).toContain("等共120");
  });
});
