/**
 * Every finding code: a small list that triggers it, and a near-miss that must not. One table, so a
 * code added to report.ts without a case here fails the coverage test at the bottom.
 */
import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/domain/cells";
import type { CheckOptions } from "../../src/domain/check";
import { Programme } from "../../src/domain/programme";
import { FINDING_CODES, type FindingCode } from "../../src/domain/report";
import ExcelJS from "exceljs";
import { readCsv } from "../../src/workbook/csv";
import { formatMislabelled } from "../../src/domain/read-faults";
import { gridFromWorksheet } from "../../src/workbook/xlsx-adapter";
import { encodeGb18030 } from "../../scripts/gb18030";
import { FIRST, lister, listGrid, run, uscc, VALID, withCode, type RowSpec } from "./check-helpers";
import { builtinInput } from "../../src/domain/programmes/index";
const jsPlatformProgramme = builtinInput("js-2023-platform");

// ---------------------------------------------------------------- lists per programme

const JP_HEADER = ["序号", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "是否已认定为省重点平台", "是否升级申报", "平台投入（万元）", "所属集群/产业链", "联系电话"];
const BF_HEADER = ["申报单位", "统一社会信用代码", "成立日期", "业态模式创新方向", "是否建成", "平台和系统开发费（万元）", "智能设备（终端）购置费（万元）", "测试验证和项目咨询费（万元）", "投入合计（万元）", "是否通过贯标", "证书有效期至", "基础技术能力（满足项数/3）", "制造系统能力", "企业标杆能力"];
const SC_HEADER = ["企业名称", "统一社会信用代码", "注册日期", "申报星级", "已获评星级", "上云开始时间", "上云截止时间", "是否仍在使用"];
const SD_HEADER = ["申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否属于前期155个省级重点平台", "是否纳入严重失信黑名单", "是否符合产业政策"];
const GF_HEADER = ["推荐排序", "揭榜任务", "项目名称", "牵头单位名称", "牵头单位统一社会信用代码", "场景落地单位名称", "场景落地单位统一社会信用代码", "其他联合体成员", "所属集团", "企业性质", "是否有省级公司推荐函", "预期投入（万元）", "是否获得过省级财政资金支持"];
const { row: jp, grid: jpGrid } = lister(JP_HEADER, VALID.jsPlatform);
const { row: bf, grid: bfGrid } = lister(BF_HEADER, VALID.benchmark);
const { row: sc, grid: scGrid } = lister(SC_HEADER, VALID.starCloud);
const { row: sd, grid: sdGrid, rows: sdRows } = lister(SD_HEADER, VALID.sdPlatform);
const { row: gf, grid: gfGrid, rows: gfRows } = lister(GF_HEADER, VALID.gfbj);

const G666_HEADER = ["项目类型", "申报单位", "统一社会信用代码", "项目名称"];
const g666 = (o: RowSpec = {}, n = 1): RowSpec => ({
  项目类型: "上云上平台示范企业",
  申报单位: `昆山戊${n}有限公司`,
  统一社会信用代码: uscc("320583", n),
  项目名称: `上云项目${n}`,
  ...o,
});

// ---------------------------------------------------------------- what the readers find

/** A js-2023-platform list as CSV lines: title, header, then rows; `edit` changes a line's text. */
function jpCsvLines(rows: RowSpec[]): string[] {
  return ["XX区2023年推荐汇总表", JP_HEADER.join(","), ...rows.map((r) => JP_HEADER.map((h) => String(r[h] ?? "")).join(","))];
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};
/** Through the real CSV reader: the grid and the reader's findings as check options. */
function viaCsv(bytes: Uint8Array): { grid: Grid; options: Partial<CheckOptions> } {
  const r = readCsv(bytes);
  return { grid: r.grid, options: { readFindings: r.findings } };
}
const csvLines = jpCsvLines([jp({}, 1), jp({ 申报单位: "南京乙科技有限公司" }, 2), jp({}, 3)]);
const unclosed = viaCsv(utf8(csvLines.join("\r\n").replace("南京乙科技有限公司", '"南京乙科技有限公司')));
const quotedComma = viaCsv(utf8(csvLines.join("\r\n").replace("南京乙科技有限公司", '"南京乙,科技有限公司"')));
const mixed = viaCsv(concat(utf8(csvLines.slice(0, 3).join("\r\n") + "\r\n"), encodeGb18030(csvLines[3] + "\r\n"), utf8(csvLines[4] + "\r\n")));
const allGb = viaCsv(encodeGb18030(csvLines.join("\r\n")));

/** Through the real .xlsx reader's grid builder (exceljs in memory), with a value written at `address`. */
function viaSheet(address: string): { grid: Grid; options: Partial<CheckOptions> } {
  const ws = new ExcelJS.Workbook().addWorksheet("名单");
  for (const row of jpGrid(jp()).rows) ws.addRow(row.map((c) => c.value));
  ws.getCell(address).value = "x";
  const { grid, findings } = gridFromWorksheet(ws);
  return { grid, options: { readFindings: findings } };
}
const stray = viaSheet("XFD1048576");
const nearNote = viaSheet("P40");

// ---------------------------------------------------------------- the table

interface Case {
  code: FindingCode;
  what: string;
  programme: string;
  trigger: Grid;
  nearMiss: Grid;
  options?: Partial<CheckOptions>;
  /** Options for the near-miss, when they differ (a reference list naming someone else). */
  nearMissOptions?: Partial<CheckOptions>;
  /** Excel row the triggering finding names (row or rows), when one row is meant. */
  row?: number;
  severity?: "error" | "warning" | "info";
}

const other = uscc("320115", 77);
const CASES: Case[] = [
  {
    code: "header-missing",
    what: "no column for a required field; near-miss: the same field under a synonym with a bracketed unit",
    programme: "js-2023-platform",
    trigger: listGrid(JP_HEADER.filter((h) => h !== "统一社会信用代码"), [jp()].map(({ 统一社会信用代码: _, ...r }) => r)),
    nearMiss: listGrid(JP_HEADER.map((h) => (h === "统一社会信用代码" ? "社会信用代码（18位）" : h)), [jp()].map(({ 统一社会信用代码: c, ...r }) => ({ ...r, "社会信用代码（18位）": c }))),
  },
  {
    code: "header-ambiguous",
    what: "two columns both naming the applicant",
    programme: "js-2023-platform",
    trigger: listGrid([...JP_HEADER, "企业名称"], [{ ...jp(), 企业名称: "南京甲1科技有限公司" }]),
    nearMiss: jpGrid(jp()),
    severity: "warning",
  },
  {
    code: "header-uncertain",
    // 社会代码 is the code by its words now (vocabulary.ts); a bare 代码 over codes half of them bad is still a guess.
    what: "the credit codes under a loose header (代码), two of four bad: read, with a warning; near-miss: the clerk confirmed the column",
    programme: "js-2023-platform",
    trigger: listGrid(JP_HEADER.map((h) => (h === "统一社会信用代码" ? "代码" : h)), [jp({}, 1), jp({}, 2), jp({ 统一社会信用代码: "91320115MAHEGG3M0X" }, 3), jp({ 统一社会信用代码: "91320115MAHEGG3M1X" }, 4)].map(({ 统一社会信用代码: c, ...r }) => ({ ...r, 代码: c }))),
    nearMiss: listGrid(JP_HEADER.map((h) => (h === "统一社会信用代码" ? "代码" : h)), [jp({}, 1), jp({}, 2), jp({ 统一社会信用代码: "91320115MAHEGG3M0X" }, 3), jp({ 统一社会信用代码: "91320115MAHEGG3M1X" }, 4)].map(({ 统一社会信用代码: c, ...r }) => ({ ...r, 代码: c }))),
    nearMissOptions: { columnChoices: [{ column: "C", field: "uscc" }] },
    severity: "warning",
  },
  {
    code: "column-unused",
    what: "the ownership column headed 企业背景 (unused; its cells are ownership words): said, with the quota exemption not run; near-miss: the clerk chose 不使用此列",
    programme: "sd-2023-platform",
    trigger: listGrid(SD_HEADER.map((h) => (h === "单位性质" ? "企业背景" : h)), [1, 2, 3].map((n) => sd({ 单位性质: n === 2 ? "省管企业" : "民营" }, n)).map(({ 单位性质: o, ...r }) => ({ ...r, 企业背景: o }))),
    nearMiss: listGrid(SD_HEADER.map((h) => (h === "单位性质" ? "企业背景" : h)), [1, 2, 3].map((n) => sd({ 单位性质: n === 2 ? "省管企业" : "民营" }, n)).map(({ 单位性质: o, ...r }) => ({ ...r, 企业背景: o }))),
    nearMissOptions: { columnChoices: [{ column: "D", field: null }] },
    severity: "warning",
  },
  {
    code: "required-missing",
    what: "empty registration date; near-miss: a month-only date",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 注册时间: null })),
    nearMiss: jpGrid(jp({ 注册时间: "2015年3月" })),
    row: FIRST,
  },
  {
    code: "cell-error",
    what: "#N/A in a date cell",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 注册时间: "#N/A" })),
    nearMiss: jpGrid(jp({ 注册时间: "2015.3.1" })),
    row: FIRST,
  },
  {
    code: "uscc-format",
    what: "17 characters; near-miss: the right code in lower case with a space and a hyphen",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 统一社会信用代码: uscc("320115", 1).slice(0, 17) })),
    nearMiss: jpGrid(jp({ 统一社会信用代码: `${uscc("320115", 1).slice(0, 8).toLowerCase()} ${uscc("320115", 1).slice(8, 12)}-${uscc("320115", 1).slice(12)}` })),
    row: FIRST,
  },
  {
    code: "uscc-checksum",
    what: "inner organisation-code check fails (123456789012345678 passes the outer one)",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 统一社会信用代码: "123456789012345678" })),
    nearMiss: jpGrid(jp()),
    row: FIRST,
  },
  {
    code: "uscc-numeric-truncated",
    what: "an 18-digit code stored as a number; near-miss: the same digits as text",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 统一社会信用代码: 913201152800408000 })),
    nearMiss: jpGrid(jp({ 统一社会信用代码: uscc("320115", 5) })),
    row: FIRST,
  },
  {
    code: "uscc-outside-province",
    what: "registered in 安徽 (34); near-miss: registered in 南京高新区 (320191, a development zone)",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 统一社会信用代码: uscc("340100", 1) })),
    nearMiss: jpGrid(jp({ 统一社会信用代码: uscc("320191", 1) })),
    row: FIRST,
  },
  {
    code: "uscc-other-city",
    what: "苏州 code in a 南京 list (warning); near-miss: a retired 南京 district code",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 统一社会信用代码: uscc("320505", 1) })),
    nearMiss: jpGrid(jp({ 统一社会信用代码: uscc("320107", 1) })),
    row: FIRST,
    severity: "warning",
  },
  {
    code: "not-legal-person",
    what: "a 分公司; near-miss: 办事处 inside the name, not at its end",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 申报单位: "南京甲科技有限公司江宁分公司" })),
    nearMiss: jpGrid(jp({ 申报单位: "南京办事处服务科技有限公司" })),
    row: FIRST,
  },
  {
    code: "duplicate-applicant",
    what: "the same code twice, once in full-width; near-miss: two enterprises",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({}, 1), jp({ 统一社会信用代码: uscc("320115", 1).replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) }, 2)),
    nearMiss: jpGrid(jp({}, 1), jp({}, 2)),
    row: FIRST + 1,
  },
  {
    code: "similar-applicant",
    what: "有限责任公司 vs 有限公司 with different codes (warning, never merged); near-miss: different names",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 申报单位: "南京智联信息技术有限责任公司" }, 1), jp({ 申报单位: "南京智联信息技术有限公司" }, 2)),
    nearMiss: jpGrid(jp({ 申报单位: "南京智联信息技术有限公司" }, 1), jp({ 申报单位: "南京智和信息技术有限公司" }, 2)),
    severity: "warning",
  },
  {
    code: "date-unreadable",
    what: "a month 13; near-miss: 20200305",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 注册时间: "2015年13月" })),
    nearMiss: jpGrid(jp({ 注册时间: "20150305" })),
    row: FIRST,
  },
  {
    code: "amount-unreadable",
    what: "待定 as an amount; near-miss: 0.2亿元",
    programme: "js-2023-benchmark-factory",
    trigger: bfGrid(bf({ "投入合计（万元）": "待定" })),
    nearMiss: bfGrid(bf({ "投入合计（万元）": "0.2亿元" })),
    row: FIRST,
  },
  {
    code: "amount-implausible",
    what: "15000000 under 投入合计（万元）: 1500亿元, probably 元 (warning); near-miss: 999999 万元, under the 100亿元 bound",
    programme: "js-2023-benchmark-factory",
    trigger: bfGrid(bf({ "投入合计（万元）": 15000000 })),
    nearMiss: bfGrid(bf({ "投入合计（万元）": 999999 })),
    row: FIRST,
    severity: "warning",
  },
  {
    code: "phone-unreadable",
    what: "a landline without area code (warning); near-miss: two numbers in one cell",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 联系电话: "5218673" })),
    nearMiss: jpGrid(jp({ 联系电话: "025-52186731、13851926374" })),
    row: FIRST,
    severity: "warning",
  },
  {
    code: "value-not-allowed",
    what: "特色性 for 特色型 (with a suggestion); near-miss: full-width brackets around a sub-direction",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 平台类型: "特色性" })),
    nearMiss: jpGrid(jp({ 平台类型: "特色型(面向重点行业)" })),
    row: FIRST,
  },
  {
    code: "registered-too-recently",
    what: "2022年3月 at 2023-02-28; near-miss: 2022年2月 (month precision: could be a full year)",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 注册时间: "2022年3月" })),
    nearMiss: jpGrid(jp({ 注册时间: "2022年2月" })),
    row: FIRST,
  },
  {
    code: "not-built",
    what: "在建; near-miss: 运营中",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 建设情况: "在建" })),
    nearMiss: jpGrid(jp({ 建设情况: "运营中" })),
    row: FIRST,
  },
  {
    code: "already-recognised",
    what: "recognised, not an upgrade; near-miss: recognised and an upgrade",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ 是否已认定为省重点平台: "是", 是否升级申报: "否" })),
    nearMiss: jpGrid(jp({ 是否已认定为省重点平台: "√", 是否升级申报: "是" })),
    row: FIRST,
  },
  {
    code: "investment-below-minimum",
    what: "parts summing to 1500; near-miss: exactly 2000",
    programme: "js-2023-benchmark-factory",
    trigger: bfGrid(bf({ "平台和系统开发费（万元）": 500, "智能设备（终端）购置费（万元）": 500, "测试验证和项目咨询费（万元）": 500, "投入合计（万元）": 1500 })),
    nearMiss: bfGrid(bf()),
    row: FIRST,
  },
  {
    code: "investment-total-mismatch",
    what: "a total of 2000 below parts of 2100 (warning); near-miss: 2000万元 written with its unit",
    programme: "js-2023-benchmark-factory",
    trigger: bfGrid(bf({ "平台和系统开发费（万元）": 1000, "智能设备（终端）购置费（万元）": 800, "测试验证和项目咨询费（万元）": 300 })),
    nearMiss: bfGrid(bf({ "投入合计（万元）": "2000万元" })),
    row: FIRST,
    severity: "warning",
  },
  {
    code: "city-unknown",
    what: "province mode (江苏省), no 城市 column and no source; near-miss: a 城市 column saying 南京",
    programme: "js-2023-platform",
    options: { city: "江苏省" },
    trigger: jpGrid(jp()),
    nearMiss: listGrid([...JP_HEADER, "城市"], [{ ...jp(), 城市: "南京" }]),
    row: FIRST,
  },
  {
    code: "certificate-invalid",
    what: "valid only until 2023年3月 (month precision, still not after 03-31); near-miss: 2023年4月",
    programme: "js-2023-benchmark-factory",
    trigger: bfGrid(bf({ 证书有效期至: "2023年3月" })),
    nearMiss: bfGrid(bf({ 证书有效期至: "2023年4月" })),
    row: FIRST,
  },
  {
    code: "capability-incomplete",
    what: "two of three manufacturing directions; near-miss: 全部",
    programme: "js-2023-benchmark-factory",
    trigger: bfGrid(bf({ 制造系统能力: "生产现场优化、经营管理优化" })),
    nearMiss: bfGrid(bf({ 制造系统能力: "全部" })),
    row: FIRST,
  },
  {
    code: "star-ladder",
    what: "四星 without 三星; near-miss: 4星 holding 3星",
    programme: "js-2023-star-cloud",
    trigger: scGrid(sc({ 申报星级: "四星级", 已获评星级: "无" })),
    nearMiss: scGrid(sc({ 申报星级: "4星", 已获评星级: "3星" })),
    options: { city: "泰州" },
    row: FIRST,
  },
  {
    code: "cloud-window",
    what: "started 2023-01-10, under 3 months by 02-28; near-miss: 2022年12月 to 至今 (three whole months)",
    programme: "js-2023-star-cloud",
    trigger: scGrid(sc({ 上云开始时间: "2023-01-10" })),
    nearMiss: scGrid(sc({ 上云开始时间: "2022年12月" })),
    options: { city: "泰州" },
    row: FIRST,
  },
  {
    code: "restricted",
    what: "on the dishonesty blacklist; near-miss: 否",
    programme: "sd-2023-platform",
    trigger: sdGrid(sd({ 是否纳入严重失信黑名单: "是" })),
    nearMiss: sdGrid(sd({ 是否纳入严重失信黑名单: "×" })),
    options: { city: "济南" },
    row: FIRST,
  },
  {
    code: "excluded-by-list",
    what: "on the user's 155 list by code; near-miss: the list names another enterprise",
    programme: "sd-2023-platform",
    trigger: sdGrid(sd()),
    nearMiss: sdGrid(sd()),
    options: { city: "济南", references: { excluded: [{ name: "另一家公司", uscc: uscc("370112", 1), list: "前期155个省级重点平台" }] } },
    nearMissOptions: { city: "济南", references: { excluded: [{ name: "另一家公司", uscc: uscc("370112", 2), list: "前期155个省级重点平台" }] } },
    row: FIRST,
  },
  {
    code: "direction-repeated",
    what: "one applicant in two directions; near-miss: two applicants",
    programme: "sd-2023-platform",
    trigger: sdGrid(sd({}, 1), sd({ 申报方向: "专业型（面向特定技术）", 统一社会信用代码: uscc("370112", 1), 申报单位名称: "济南丁1信息技术有限公司" }, 2)),
    nearMiss: sdGrid(sd({}, 1), sd({ 申报方向: "专业型（面向特定技术）" }, 2)),
    options: { city: "济南" },
    row: FIRST + 1,
  },
  {
    code: "quota-exceeded",
    what: "11 counted platforms over a quota of 10; near-miss: the 11th is 中央驻鲁 (exempt)",
    programme: "sd-2023-platform",
    trigger: sdGrid(...sdRows(11)),
    nearMiss: sdGrid(...sdRows(11, (i) => (i === 11 ? { 单位性质: "中央驻鲁" } : {}))),
    options: { city: "济南" },
    row: FIRST + 10,
  },
  {
    code: "quota-exempt",
    what: "a 驻鲁央企 platform is said to take no slot; near-miss: 市属国企 takes one",
    programme: "sd-2023-platform",
    trigger: sdGrid(sd({}, 1), sd({ 单位性质: "驻鲁央企" }, 2)),
    nearMiss: sdGrid(sd({}, 1), sd({ 单位性质: "市属国企" }, 2)),
    options: { city: "济南" },
    row: FIRST + 1,
    severity: "info",
  },
  {
    code: "rank-invalid",
    what: "rank 1 twice; near-miss: 1, 2 and an exempt 省属国企 without a rank",
    programme: "sd-2024-gfbj-2",
    trigger: gfGrid(gf({}, 1), gf({ 推荐排序: 1 }, 2)),
    nearMiss: gfGrid(gf({}, 1), gf({}, 2), gf({ 推荐排序: null, 企业性质: "省属国企" }, 3)),
    options: { city: "青岛" },
    row: FIRST + 1,
  },
  {
    code: "provider-cap",
    what: "one provider in 3 projects; near-miss: in 2",
    programme: "sd-2024-gfbj-2",
    trigger: gfGrid(...gfRows(3, () => ({ 牵头单位名称: "青岛海川数字科技有限公司", 牵头单位统一社会信用代码: uscc("370211", 9) }))),
    nearMiss: gfGrid(...gfRows(3, (i) => (i < 3 ? { 牵头单位名称: "青岛海川数字科技有限公司", 牵头单位统一社会信用代码: uscc("370211", 9) } : {}))),
    options: { city: "青岛" },
    row: FIRST + 2,
  },
  {
    code: "enterprise-cap",
    what: "one manufacturer in 2 projects (matched by code though names differ); near-miss: distinct",
    programme: "sd-2024-gfbj-2",
    trigger: gfGrid(gf({}, 1), gf({ 场景落地单位统一社会信用代码: uscc("370211", 201) }, 2)),
    nearMiss: gfGrid(gf({}, 1), gf({}, 2)),
    options: { city: "青岛" },
    row: FIRST + 1,
  },
  {
    code: "group-cap",
    what: "6 tasks for one group; near-miss: 5",
    programme: "sd-2024-gfbj-2",
    trigger: gfGrid(...gfRows(6, () => ({ 所属集团: "青岛瑞海集团" }))),
    nearMiss: gfGrid(...gfRows(6, (i) => (i <= 5 ? { 所属集团: "青岛瑞海集团" } : { 所属集团: "无" }))),
    options: { city: "青岛" },
    row: FIRST + 5,
  },
  {
    code: "consortium-invalid",
    what: "4 members (one over the cap of 3); near-miss: 3",
    programme: "sd-2024-gfbj-2",
    trigger: gfGrid(gf({ 其他联合体成员: "青岛红岛检测有限公司、青岛上马科技有限公司" })),
    nearMiss: gfGrid(gf({ 其他联合体成员: "青岛红岛检测有限公司" })),
    options: { city: "青岛" },
    row: FIRST,
  },
  {
    code: "letter-missing",
    what: "a subsidiary without the letter; near-miss: with it",
    programme: "sd-2024-gfbj-2",
    trigger: gfGrid(gf({ 企业性质: "省属国企子公司", 是否有省级公司推荐函: "无" })),
    nearMiss: gfGrid(gf({ 企业性质: "省属国企子公司", 是否有省级公司推荐函: "有" })),
    options: { city: "青岛" },
    row: FIRST,
  },
  {
    code: "prior-funding",
    what: "already had provincial funds; near-miss: 否",
    programme: "sd-2024-gfbj-2",
    trigger: gfGrid(gf({ 是否获得过省级财政资金支持: "是" })),
    nearMiss: gfGrid(gf({ 是否获得过省级财政资金支持: "N" })),
    options: { city: "青岛" },
    row: FIRST,
  },
  {
    code: "priority",
    what: "declared 软件和信息服务 (alias of 核心信息技术) (info); near-miss: 新一代信息技术 (not a confirmed name)",
    programme: "js-2023-platform",
    trigger: jpGrid(jp({ "所属集群/产业链": "软件和信息服务" })),
    nearMiss: jpGrid(jp({ "所属集群/产业链": "新一代信息技术" })),
    row: FIRST,
    severity: "info",
  },
  {
    code: "no-rows",
    what: "a header and nothing below it; near-miss: one row",
    programme: "js-2023-platform",
    trigger: listGrid(JP_HEADER, []),
    nearMiss: jpGrid(jp()),
  },
  {
    code: "csv-malformed",
    what: "a quote opened in row 4 that never closes (rows before it still checked); near-miss: a quoted name holding a comma",
    programme: "js-2023-platform",
    trigger: unclosed.grid,
    options: unclosed.options,
    nearMiss: quotedComma.grid,
    nearMissOptions: quotedComma.options,
    row: FIRST + 1,
  },
  {
    code: "encoding-mixed",
    what: "a UTF-8 CSV with row 4 in GB18030; near-miss: the whole file in GB18030",
    programme: "js-2023-platform",
    trigger: mixed.grid,
    options: mixed.options,
    nearMiss: allGb.grid,
    nearMissOptions: allGb.options,
    row: FIRST + 1,
  },
  {
    code: "cells-outside-list",
    what: "a value at XFD1048576 (warning); near-miss: a note at P40, inside the grid limit, read with the list",
    programme: "js-2023-platform",
    trigger: stray.grid,
    options: stray.options,
    nearMiss: nearNote.grid,
    nearMissOptions: nearNote.options,
    severity: "warning",
  },
  {
    code: "format-mislabelled",
    what: "an HTML table saved as .xls, as the format registry reports it (info); near-miss: a true .xlsx read without it",
    programme: "js-2023-platform",
    trigger: jpGrid(jp()),
    options: { readFindings: [formatMislabelled(".xls", "网页表格（HTML）", "web page table (HTML)")] },
    nearMiss: jpGrid(jp()),
    nearMissOptions: { readFindings: [] },
    severity: "info",
  },
  {
    code: "second-list",
    what: "二、备选名单 below the list (info); near-miss: 一、二、 sections of one list",
    programme: "js-2023-platform",
    trigger: withRows(jpGrid(jp({}, 1), jp({}, 2)), [["二、备选名单"], ["", "南京备1有限公司", uscc("320115", 50)]]),
    nearMiss: withRows(jpGrid(), [["一、玄武区"], JP_HEADER.map((h) => jp({}, 1)[h] ?? null), ["二、秦淮区"], JP_HEADER.map((h) => jp({}, 2)[h] ?? null)]),
    severity: "info",
    row: FIRST + 2,
  },
  {
    code: "formula-uncached",
    what: "a formula stored without its result (a script wrote the file); near-miss: a formula with its result",
    programme: "js-2023-platform",
    trigger: withCell(jpGrid(jp({}, 1)), FIRST, 1, { kind: "empty", value: null, formula: "=Sheet2!B2" }),
    nearMiss: withCell(jpGrid(jp({}, 1)), FIRST, 1, { kind: "text", value: "南京甲1科技有限公司", formula: "=Sheet2!B2" }),
    row: FIRST,
  },
  {
    code: "hidden-rows",
    what: "a row hidden by a filter (warning); near-miss: a hidden row above the header (a title row)",
    programme: "js-2023-platform",
    trigger: { ...jpGrid(jp({}, 1), jp({}, 2)), shape: { hiddenRows: [FIRST + 1], filteredRows: [FIRST + 1] } },
    nearMiss: { ...jpGrid(jp({}, 1), jp({}, 2)), shape: { hiddenRows: [1] } },
    severity: "warning",
    row: FIRST + 1,
  },
];

/** A grid with rows added below (short rows padded). */
function withRows(g: Grid, more: (string | number | boolean | null)[][]): Grid {
  const width = g.rows[0]!.length;
  const pad = (r: (string | number | boolean | null)[]) => Array.from({ length: width }, (_, i) => r[i] ?? null);
  return { ...g, rows: [...g.rows, ...more.map((r) => pad(r).map((v) => (v === null || v === "" ? { kind: "empty" as const, value: null } : typeof v === "number" ? { kind: "number" as const, value: v } : { kind: "text" as const, value: String(v) })))] };
}

/** A grid with one cell replaced (Excel row, 0-based column). */
function withCell(g: Grid, excelRow: number, column: number, cell: Grid["rows"][number][number]): Grid {
  const rows = g.rows.map((r) => r.slice());
  rows[excelRow - g.firstRow]![column] = cell;
  return { ...g, rows };
}

describe("each finding code: a trigger and a near-miss", () => {
  for (const c of CASES) {
    it(`${c.code}: ${c.what}`, () => {
      const hit = withCode(run(c.programme, c.trigger, c.options), c.code);
      expect(hit.length, `trigger should raise ${c.code}`).toBeGreaterThan(0);
      if (c.row !== undefined) expect(hit.some((f) => f.row === c.row || f.rows?.includes(c.row!))).toBe(true);
      expect(hit[0]!.severity).toBe(c.severity ?? "error");
      for (const f of hit) {
        expect(f.message).toMatch(/[\u4e00-\u9fff]/);
        expect(f.messageEn.length).toBeGreaterThan(0);
      }
      const miss = withCode(run(c.programme, c.nearMiss, c.nearMissOptions ?? c.options), c.code);
      expect(miss, `near-miss should not raise ${c.code}`).toEqual([]);
    });
  }

  it("every code in report.ts has a case", () => {
    const covered = new Set(CASES.map((c) => c.code));
    expect(FINDING_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });
});

/** A command-line option ("--map", "--include-errors"): words the pane and a district's return list must never show. */
const COMMAND_LINE = /(^|[^-\w])--[a-z]/u;

describe("no command-line words in what the pane shows", () => {
  it("no finding's message or hint, nor any note, of any code's trigger names an option; the CLI's way goes in cli", () => {
    const said: string[] = [];
    let withCli = 0;
    for (const c of CASES) {
      const r = run(c.programme, c.trigger, c.options);
      for (const f of r.findings) {
        for (const text of [f.message, f.messageEn, f.hint ?? "", f.hintEn ?? "", f.value ?? ""]) if (COMMAND_LINE.test(text)) said.push(`${f.code}: ${text}`);
        if (f.cli) withCli++;
      }
      for (const n of r.notes) if (COMMAND_LINE.test(n)) said.push(`note: ${n}`);
    }
    expect(said).toEqual([]);
    // header-missing, header-uncertain, column-unused, no-rows, quota-exceeded carry the command line's way.
    expect(withCli).toBeGreaterThanOrEqual(5);
  });
});

describe("details the table does not show", () => {
  it("value-not-allowed names the near-miss in its hint", () => {
    const f = withCode(run("js-2023-platform", jpGrid(jp({ 平台类型: "特色性" }))), "value-not-allowed")[0]!;
    expect(f.hint).toContain("特色型");
    expect(f.column).toBe("E");
    expect(f.field).toBe("direction");
  });

  it("duplicate-applicant names both rows", () => {
    const f = withCode(run("js-2023-platform", jpGrid(jp({}, 1), jp({}, 2), jp({ 统一社会信用代码: uscc("320115", 1) }, 3))), "duplicate-applicant");
    expect(f).toHaveLength(1);
    expect(f[0]!.rows).toEqual([FIRST, FIRST + 2]);
  });

  it("certificate passed but not yet issued is a warning, not an error", () => {
    const f = withCode(run("js-2023-benchmark-factory", bfGrid(bf({ 是否通过贯标: "已贯标，证书待发", 证书有效期至: null }))), "certificate-invalid");
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
  });

  it("a 个体工商户 code (92…) is not a legal person", () => {
    const f = withCode(run("js-2023-platform", jpGrid(jp({ 统一社会信用代码: uscc("320115", 3, "92") }))), "not-legal-person");
    expect(f).toHaveLength(1);
    expect(f[0]!.column).toBe("C");
  });

  it("the as-of date decides age: the same row passes with a later as-of", () => {
    const g = jpGrid(jp({ 注册时间: "2022-06-18" }));
    expect(withCode(run("js-2023-platform", g), "registered-too-recently")).toHaveLength(1);
    const later = run("js-2023-platform", g, { asOf: "2023-06-18" });
    expect(later.asOf).toBe("2023-06-18");
    expect(withCode(later, "registered-too-recently")).toEqual([]);
  });

  it("cloud use that stopped before the window closed", () => {
    const r = run("js-2023-star-cloud", scGrid(sc({ 上云开始时间: "2021-06", 上云截止时间: "2022-09", 是否仍在使用: null })), { city: "泰州" });
    expect(withCode(r, "cloud-window").map((f) => f.column)).toEqual(["G"]);
  });

  it("star-ladder: applying again at a level already held", () => {
    const r = run("js-2023-star-cloud", scGrid(sc({ 申报星级: "三星级", 已获评星级: "三星级" })), { city: "泰州" });
    expect(withCode(r, "star-ladder")[0]!.message).toContain("不须重复申报");
  });

  it("consortium: lead and site the same unit, and a lead outside Shandong", () => {
    const same = gf({ 场景落地单位名称: "青岛服务商1科技有限公司", 场景落地单位统一社会信用代码: uscc("370212", 101) });
    expect(withCode(run("sd-2024-gfbj-2", gfGrid(same), { city: "青岛" }), "consortium-invalid")[0]!.message).toContain("同一单位");
    const outside = gf({ 牵头单位统一社会信用代码: uscc("440300", 5) });
    expect(withCode(run("sd-2024-gfbj-2", gfGrid(outside), { city: "青岛" }), "consortium-invalid")[0]!.message).toContain("省内服务商");
  });

  it("a national (100000) code is a warning unless the ownership column names a central unit", () => {
    const national = uscc("100000", 1);
    const privateUnit = run("sd-2023-platform", sdGrid(sd({ 统一社会信用代码: national, 单位性质: "民营" })), { city: "济南" });
    expect(withCode(privateUnit, "uscc-outside-province").map((f) => [f.row, f.severity])).toEqual([[FIRST, "warning"]]);
    const central = run("sd-2023-platform", sdGrid(sd({ 统一社会信用代码: national, 单位性质: "中央驻鲁" })), { city: "济南" });
    expect(withCode(central, "uscc-outside-province")).toEqual([]);
  });

  it("a definition whose priority column is not among its fields is refused when loaded", () => {
    const fields = jsPlatformProgramme.fields.filter((f) => f.field !== "clusterOrChain");
    expect(Programme.safeParse({ ...jsPlatformProgramme, fields }).success).toBe(false);
    expect(Programme.safeParse(jsPlatformProgramme).success).toBe(true);
  });

  it("excluded-by-list from the sheet's own yes/no column", () => {
    const r = run("sd-2023-platform", sdGrid(sd({ 是否属于前期155个省级重点平台: "是" })), { city: "济南" });
    expect(withCode(r, "excluded-by-list")).toHaveLength(1);
  });

  it("quota standings count exempt rows apart; a user quota overrides", () => {
    const r = run("sd-2023-platform", sdGrid(...sdRows(12, (i) => (i > 10 ? { 单位性质: i === 11 ? "中央驻鲁" : "省属" } : {}))), { city: "济南" });
    expect(r.quotas).toEqual([
      { id: "sd-2023-platform-quota", label: "平台", labelEn: "platforms", counted: 10, exempt: 2, exemptRows: [FIRST + 10, FIRST + 11], quota: 10, excess: 0, failing: 0, placed: Array.from({ length: 10 }, (_, i) => FIRST + i), placedBy: "order", candidates: Array.from({ length: 10 }, (_, i) => FIRST + i), failingRows: [] },
    ]);
    const tighter = run("sd-2023-platform", sdGrid(...sdRows(12)), { city: "济南", quota: 8 });
    expect(tighter.quotas[0]).toMatchObject({ counted: 12, quota: 8, excess: 4 });
    expect(withCode(tighter, "quota-exceeded")[0]!.rows).toEqual([FIRST + 8, FIRST + 9, FIRST + 10, FIRST + 11]);
  });

  it("sd-2024-gfbj-2 without a quota: a note says so, and ranks are still checked for gaps", () => {
    const r = run("sd-2024-gfbj-2", gfGrid(gf({}, 1), gf({ 推荐排序: 3 }, 2)), { city: "青岛" });
    expect(r.quotas[0]!.quota).toBeNull();
    expect(r.notes.some((n) => n.includes("推荐名额未设置"))).toBe(true);
    expect(r.ranks).toMatchObject({ expected: 2, missing: [2], duplicated: [] });
    expect(withCode(r, "rank-invalid")).toHaveLength(1);
    const withQuota = run("sd-2024-gfbj-2", gfGrid(...gfRows(3)), { city: "青岛", quota: 2 });
    expect(withCode(withQuota, "quota-exceeded")[0]!.rows).toEqual([FIRST + 2]);
    expect(withCode(withQuota, "rank-invalid")).toEqual([]);
  });

  it("task-listed: a task outside the user's 榜单 is value-not-allowed; without a 榜单 nothing is claimed", () => {
    const g = gfGrid(gf({ 揭榜任务: "2-99 元宇宙工厂" }));
    expect(withCode(run("sd-2024-gfbj-2", g, { city: "青岛" }), "value-not-allowed")).toEqual([]);
    const r = run("sd-2024-gfbj-2", g, { city: "青岛", references: { tasks: ["2-01 人工智能大模型赋能研发设计"] } });
    expect(withCode(r, "value-not-allowed")[0]!.field).toBe("task");
  });

  it("666: a county-level unit recommends; another county's enterprise is a warning", () => {
    const grid = listGrid(G666_HEADER, [g666({}, 1), g666({ 统一社会信用代码: uscc("321322", 2) }, 2)]);
    const r = run("js-2020-666", grid, { city: "昆山市" });
    expect(r.city).toBe("昆山市");
    expect(withCode(r, "uscc-other-city").map((f) => f.row)).toEqual([FIRST + 1]);
  });

  it("a city this programme does not know is a note, not a crash", () => {
    const r = run("js-2023-platform", jpGrid(jp()), { city: "火星" });
    expect(r.notes.some((n) => n.includes("火星"))).toBe(true);
    expect(withCode(r, "uscc-other-city")).toEqual([]);
  });

  it("an unknown declared cluster is info, and names the user added count (not as official)", () => {
    const g = jpGrid(jp({ "所属集群/产业链": "新一代信息技术" }));
    expect(withCode(run("js-2023-platform", g), "value-not-allowed").map((f) => f.severity)).toEqual(["info"]);
    const added = run("js-2023-platform", g, { references: { clusterNames: ["新一代信息技术"] } });
    expect(added.priority).toHaveLength(1);
    expect(added.priority[0]!.reason).toContain("非官方");
  });

  it("priority by reference list: USCC first, then the normalised name", () => {
    const g = jpGrid(jp({}, 1), jp({ 申报单位: "南京（江宁）乙软件有限公司" }, 2));
    const r = run("js-2023-platform", g, {
      references: {
        priority: [
          { name: "改过名的甲公司", uscc: uscc("320115", 1), cluster: "物联网" },
          { name: "南京乙软件有限公司", chain: "车联网" },
        ],
      },
    });
    expect(r.priority.map((p) => [p.row, p.via, p.kind, p.name])).toEqual([
      [FIRST, "reference-uscc", "cluster", "物联网"],
      [FIRST + 1, "reference-name", "chain", "车联网"],
    ]);
    expect(r.counts.priority).toBe(2);
  });

  it("no priority marks on Shandong programmes", () => {
    const r = run("sd-2023-platform", sdGrid(sd()), { city: "济南", references: { priority: [{ name: "济南丁1信息技术有限公司", cluster: "物联网" }] } });
    expect(r.priority).toEqual([]);
    expect(withCode(r, "priority")).toEqual([]);
  });

  it("a user setting replaces the platform directions", () => {
    const g = jpGrid(jp({ 平台类型: "双跨型" }));
    expect(withCode(run("js-2023-platform", g), "value-not-allowed")).toHaveLength(1);
    const r = run("js-2023-platform", g, { settings: { directions: ["双跨型", "综合型"] } });
    expect(withCode(r, "value-not-allowed")).toEqual([]);
    expect(r.notes.some((n) => n.startsWith("用户设置：平台方向名单"))).toBe(true);
  });

  it("counts by code and severity add up", () => {
    const r = run("js-2023-platform", jpGrid(jp({ 注册时间: "2022年3月", 联系电话: "123" }), jp({ 平台类型: "特色性" }, 2)));
    const total = Object.values(r.counts.byCode).reduce((a, b) => a + b, 0);
    expect(total).toBe(r.findings.length);
    expect(r.counts.errors + r.counts.warnings + r.counts.infos).toBe(r.findings.length);
    expect(r.counts.byCode["registered-too-recently"]).toBe(1);
  });
});
