/**
 * Names of the files the pane and the CLI offer for download: what it is, the city, the programme and the
 * day, so a clerk's downloads folder tells 南京's 标杆工厂 table of 3 December from the others —
 * 推荐项目汇总表-南京市-工业互联网标杆工厂-2026-12-03.xlsx. Safe on Windows, macOS and Linux.
 */
import { PROVINCE_NAMES, type ProvinceCode } from "../regions";

/** Characters no Windows file name may hold, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/gu;
/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/iu;
/** Characters of the name before its extension: well within every file system's 255. */
export const FILE_NAME_MAX = 120;

/** `name` safe as a file name: unsafe characters become "-", spaces one, no leading or trailing dots or dashes. */
export function safeFileName(name: string, ext: string): string {
  let stem = name
    .normalize("NFC")
    .replace(UNSAFE, "-")
    .replace(/\s+/gu, " ")
    .replace(/-{2,}/gu, "-")
    .replace(/^[\s.-]+|[\s.-]+$/gu, "");
  if (stem === "" || RESERVED.test(stem)) stem = `_${stem}`;
  const chars = [...stem];
  if (chars.length > FILE_NAME_MAX) stem = chars.slice(0, FILE_NAME_MAX).join("").replace(/[\s.-]+$/u, "");
  const suffix = ext.replace(/^\.+/u, "").replace(UNSAFE, "");
  return suffix ? `${stem}.${suffix}` : stem;
}

/**
 * The programme as a file name says it: its title without the province's name in front (the city says
 * where) — 江苏省工业互联网标杆工厂 → 工业互联网标杆工厂, 山东省级工业互联网平台入库 → 省级工业互联网平台入库.
 */
export function programmeShortName(title: string, province?: ProvinceCode | string): string {
  const full = province ? (PROVINCE_NAMES as Record<string, string>)[province] ?? "" : "";
  const names = Object.values(PROVINCE_NAMES as Record<string, string>);
  for (const name of full ? [full] : names) {
    const short = name.replace(/省$/u, "");
    // "山东省级…" is 山东 + 省级: only the short name goes.
    if (title.startsWith(name) && !title.startsWith(`${name}级`) && title.length > name.length) return title.slice(name.length);
    if (title.startsWith(short) && title.length > short.length + 1) return title.slice(short.length);
  }
  return title;
}

export interface DownloadName {
  /** What the file is: 推荐项目汇总表, 退回修改清单, 区县填报模板, 项目定义. */
  what: string;
  /** The city (or, in province mode, the province) it is for. */
  city: string;
  programmeTitle: string;
  province?: ProvinceCode | string;
  /** YYYY-MM-DD. */
  date: string;
  ext: "xlsx" | "json";
}

/** 推荐项目汇总表-南京市-工业互联网标杆工厂-2026-12-03.xlsx; a part already said by another is left out. */
export function downloadFileName(n: DownloadName): string {
  const programme = programmeShortName(n.programmeTitle.trim(), n.province);
  // A layout named after its programme ("推荐项目汇总表（标杆工厂）") says it once.
  const what = n.what.trim().replace(/（([^（）]+)）$/u, (whole, inner: string) => (programme.includes(inner) ? "" : whole));
  const parts = [what, n.city.trim(), programme, n.date.trim()].filter((p) => p !== "");
  return safeFileName(parts.join("-"), n.ext);
}

/** YYYY-MM-DD of `d` in local time: the clerk's own day. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
