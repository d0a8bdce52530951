import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIVISIONS } from "../../src/domain/data/divisions";
import {
  cityOfRegion,
  citiesOf,
  COUNTY_LEVEL_UNITS,
  countyUnitOfRegion,
  divisionOf,
  findCity,
  PROVINCE_NAMES,
  resolveDistrict,
} from "../../src/domain/regions";

describe("citiesOf", () => {
  it("gives the 13 Jiangsu 设区市 3201–3213", () => {
    const cities = citiesOf("32");
    expect(cities.map((c) => c.code)).toEqual(["3201", "3202", "3203", "3204", "3205", "3206", "3207", "3208", "3209", "3210", "3211", "3212", "3213"]);
    expect(cities.map((c) => c.short).join(" ")).toBe("南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁");
    expect(cities.every((c) => c.province === "32" && !c.countyLevel && c.name === `${c.short}市`)).toBe(true);
  });

  it("gives the 16 Shandong 市, without 莱芜 3712", () => {
    const cities = citiesOf("37");
    expect(cities).toHaveLength(16);
    expect(cities.map((c) => c.code)).not.toContain("3712");
    expect(cities.map((c) => c.short).join(" ")).toBe("济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽");
  });

  it("names the provinces", () => {
    expect(PROVINCE_NAMES).toMatchObject({ "32": "江苏省", "37": "山东省" });
    expect(Object.keys(PROVINCE_NAMES)).toHaveLength(31);
  });
});

describe("COUNTY_LEVEL_UNITS", () => {
  it("holds 昆山市, 泰兴市 and 沭阳县 with their cities", () => {
    expect(COUNTY_LEVEL_UNITS.filter((u) => /^3[27]/.test(u.code)).map((u) => [u.code, u.name, u.short, u.parentCode, u.countyLevel, u.province])).toEqual([
      ["320583", "昆山市", "昆山", "3205", true, "32"],
      ["321283", "泰兴市", "泰兴", "3212", true, "32"],
      ["321322", "沭阳县", "沭阳", "3213", true, "32"],
    ]);
  });
});

describe("findCity", () => {
  it.each([
    ["南京", "3201"],
    ["南京市", "3201"],
    ["3201", "3201"],
    ["320100", "3201"],
    [" 江苏省南京市 ", "3201"],
    ["济南", "3701"],
    ["连云港", "3207"],
    ["昆山市", "320583"],
    ["昆山", "320583"],
    ["沭阳", "320583".replace("320583", "321322")],
    ["泰兴市", "321283"],
    ["320583", "320583"],
  ])("%s → %s", (typed, code) => {
    expect(findCity(typed)?.code).toBe(code);
  });

  it.each(["", "莱芜", "3712", "江宁区", "1234", "南"])("%s → null", (typed) => {
    expect(findCity(typed)).toBeNull();
  });
});

describe("cityOfRegion", () => {
  it.each([
    ["320115", "3201"],
    ["320594", "3205"],
    ["320691", "3206"],
    ["320191", "3201"],
    ["320684", "3206"],
    ["371202", "3701"],
    ["371203", "3701"],
    ["320583", "3205"],
    ["370102", "3701"],
  ])("%s → %s", (region, city) => {
    expect(cityOfRegion(region)?.code).toBe(city);
  });

  it.each(["100000", "990105", "320000", "329999", "3201", "abcdef", ""])("%s → null", (region) => {
    expect(cityOfRegion(region)).toBeNull();
  });

  it("maps every county-level code of the region table to a city of its province", () => {
    const counties = DIVISIONS.filter((d) => d.kind === "county" || d.kind === "zone");
    expect(counties.length).toBeGreaterThan(250);
    for (const d of counties) expect(cityOfRegion(d.code)?.province, d.code).toBe(d.code.slice(0, 2));
  });
});

describe("countyUnitOfRegion / divisionOf", () => {
  it("knows the directly recommending units and the table's names", () => {
    expect(countyUnitOfRegion("320583")?.name).toBe("昆山市");
    expect(countyUnitOfRegion("320582")).toBeNull();
    expect(divisionOf("320684")).toMatchObject({ name: "海门市", current: false, kind: "county", lastSeen: "201904" });
    expect(divisionOf("320576")).toMatchObject({ name: "苏州工业园区", current: true, kind: "zone" });
    expect(divisionOf("999999")).toBeNull();
  });
});

describe("resolveDistrict", () => {
  it.each([
    ["江宁区", undefined, "320115", "3201"],
    ["江宁", undefined, "320115", "3201"],
    ["南京市江宁区", undefined, "320115", "3201"],
    ["南京江宁", undefined, "320115", "3201"],
    ["江苏省南京市江宁区", undefined, "320115", "3201"],
    [" 江宁区 ", undefined, "320115", "3201"],
    ["鼓楼区", "南京", "320106", "3201"],
    ["鼓楼区", "3203", "320302", "3203"],
    ["徐州市鼓楼区", undefined, "320302", "3203"],
    ["市中区", "枣庄市", "370402", "3704"],
    ["昆山市", undefined, "320583", "3205"],
    ["昆山", undefined, "320583", "3205"],
    ["沭阳县", "沭阳", "321322", "3213"],
    ["海门", undefined, "320614", "3206"],
    ["海门区", undefined, "320614", "3206"],
    ["海门市", undefined, "320684", "3206"],
    ["崇川区", undefined, "320613", "3206"],
    ["莱芜区", undefined, "370116", "3701"],
    ["莱城区", undefined, "371202", "3701"],
    ["苏州工业园区", undefined, "320576", "3205"],
    ["丰县", undefined, "320321", "3203"],
    ["320115", undefined, "320115", "3201"],
  ] as const)("%s (in %s) → %s in %s", (typed, within, code, city) => {
    const r = resolveDistrict(typed, within);
    expect(r?.code).toBe(code);
    expect(r?.city.code).toBe(city);
  });

  it("reports whether the code is still in use", () => {
    expect(resolveDistrict("海门市")?.current).toBe(false);
    expect(resolveDistrict("海门区")?.current).toBe(true);
  });

  it.each([["鼓楼区"], ["鼓楼"], ["市中区"], ["高新区"], ["园区"], ["开发区"], ["经开区"], ["江宁开发区"], ["南京市"], ["江苏省"], [""], ["天津市朝阳区"]])(
    "%s → null (ambiguous, unknown or not a district)",
    (typed) => {
      expect(resolveDistrict(typed)).toBeNull();
    },
  );

  it("a name that does not occur in the given city is not resolved there", () => {
    expect(resolveDistrict("江宁区", "徐州")).toBeNull();
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), (s, within) => {
        const r = resolveDistrict(s, within);
        return r === null || /^(32|37)\d{4}$/.test(r.code);
      }),
      { numRuns: 1000 },
    );
  });
});
