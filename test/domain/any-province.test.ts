/**
 * Any province (issue 17 item 5): the region table covers China, a programme names its province, and a
 * copy of a built-in for 广东 checks a 深圳 list with the same identity rules Jiangsu and Shandong get.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinProgramme } from "../../src/domain/catalogue";
import { check } from "../../src/domain/check";
import { CHINA_DIVISIONS } from "../../src/domain/data/divisions-china";
import { bundleText, parseProgrammeBundle, programmeToBundle } from "../../src/domain/bundle";
import { provinceMode } from "../../src/domain/merge";
import { citiesOf, cityOfRegion, COUNTY_LEVEL_UNITS, findCity, findProvince, PROVINCE_NAMES, resolveDistrict } from "../../src/domain/regions";
import { Report } from "../../src/domain/report";
import { listGrid, uscc, VALID } from "./check-helpers";

describe("the region table", () => {
  it("knows every province of the mainland", () => {
    expect(Object.keys(PROVINCE_NAMES)).toHaveLength(31);
    expect(PROVINCE_NAMES["45"]).toBe("广西壮族自治区");
    expect(findProvince("广西")).toBe("45");
    expect(findProvince("广东省")).toBe("44");
    expect(findProvince("650000")).toBe("65");
    expect(findProvince("99")).toBeNull();
  });

  it("finds cities of any province by name, short name, code and with the province in front", () => {
    expect(findCity("南宁")?.code).toBe("4501");
    expect(findCity("广东省深圳市")?.code).toBe("4403");
    expect(findCity("4403")?.name).toBe("深圳市");
    expect(findCity("哈尔滨市")?.province).toBe("23");
    expect(findCity("吉林市")?.code).toBe("2202");
    expect(citiesOf("44").length).toBe(21);
  });

  it("a municipality is a city (北京市 recommends its districts' lists), never a province-mode check", () => {
    expect(findCity("北京市")?.code).toBe("1101");
    expect(findCity("上海")?.name).toBe("上海市");
    expect(provinceMode("北京市")).toBeNull();
    expect(provinceMode("广东省")).toBe("44");
    expect(resolveDistrict("朝阳区", "北京")?.code).toBe("110105");
    expect(resolveDistrict("南山区", "深圳")?.city.code).toBe("4403");
  });

  it("directly administered counties recommend as county-level units", () => {
    expect(COUNTY_LEVEL_UNITS.find((u) => u.name === "济源市")?.code).toBe("419001");
    expect(COUNTY_LEVEL_UNITS.find((u) => u.name === "仙桃市")?.province).toBe("42");
    expect(cityOfRegion("440305")?.name).toBe("深圳市");
  });

  it("the generated data is the table in data/regions (run scripts/gen-regions.ts after changing it)", () => {
    const rows = readFileSync(join(__dirname, "..", "..", "data", "regions", "china-divisions.tsv"), "utf8").trim().split("\n").slice(1);
    expect(CHINA_DIVISIONS).toBe(rows.map((r) => r.split("\t").slice(0, 2).join(",")).join(";"));
  });
});

describe("a programme of another province", () => {
  const sd = builtinProgramme("sd-2023-platform");
  /** The sd built-in as a bundle's JSON, with `edit` applied to its programme. */
  const bundleWith = (edit: Record<string, unknown>) => {
    const b = JSON.parse(bundleText(programmeToBundle(sd)));
    return JSON.stringify({ ...b, programme: { ...b.programme, ...edit } });
  };
  const parsed = parseProgrammeBundle(bundleWith({ id: "gd-2027-platform", title: "广东省工业互联网平台（示例）", province: "44", countyLevelUnits: [] }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const gd = parsed.programme;
  const HEADER = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否属于前期155个省级重点平台", "是否纳入严重失信黑名单", "是否符合产业政策"];
  const row = (code: string, n: number) => ({ ...VALID.sdPlatform(n), 申报单位名称: `深圳${n}号科技有限公司`, 统一社会信用代码: code });

  it("checks a 深圳 list: a 4403 code passes, a 广州 one is another city, a 南京 one outside the province", () => {
    const grid = listGrid(HEADER, [row(uscc("440305", 1), 1), row(uscc("440106", 2), 2), row(uscc("320115", 3), 3)]);
    const r = Report.parse(check(grid, { programme: gd, city: "深圳" }));
    expect(r.city).toBe("深圳市");
    const codes = (row: number) => r.findings.filter((f) => f.row === row && f.severity !== "info").map((f) => f.code);
    expect(codes(3)).toEqual([]);
    expect(codes(4)).toEqual(["uscc-other-city"]);
    expect(codes(5)).toEqual(["uscc-outside-province"]);
    expect(r.findings.find((f) => f.row === 5)!.message).toContain("广东省");
  });

  it("a bundle names its province by code; one the table does not know is refused with its path", () => {
    const text = (province: string) => bundleWith({ id: "x-2027", province });
    expect(parseProgrammeBundle(text("45")).ok).toBe(true);
    const bad = parseProgrammeBundle(text("99"));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toContain("$.programme.province");
  });
});
