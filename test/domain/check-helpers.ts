/** Small lists for engine tests: a title row, a header row, then data rows (Excel row 3 on). */
import { builtinProgramme } from "../../src/domain/catalogue";
import { gridFromValues, type Grid } from "../../src/domain/cells";
import { check, type CheckOptions } from "../../src/domain/check";
import { Report, type Finding } from "../../src/domain/report";
import { organisationCodeCheckChar, usccCheckChar } from "../../src/domain/uscc";

/** A valid USCC for a 6-digit region and a sequence number (both checks computed). */
export function uscc(region: string, n: number, prefix = "91"): string {
  const body = String(10_000_000 + (n % 89_999_999)).slice(0, 8);
  const first17 = `${prefix}${region}${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export type Value = string | number | boolean | null;
export type RowSpec = Record<string, Value | undefined>;

/** Rows given by header label; labels not in `header` are an error in the test itself. */
export function listGrid(header: readonly string[], rows: readonly RowSpec[], title = "XX区2023年推荐汇总表"): Grid {
  for (const r of rows) for (const k of Object.keys(r)) if (!header.includes(k)) throw new Error(`row uses unknown header ${k}`);
  return gridFromValues([[title], [...header], ...rows.map((r) => header.map((h) => r[h] ?? null))]);
}

export function run(programmeId: string, grid: Grid, options: Partial<CheckOptions> = {}): Report {
  return Report.parse(check(grid, { programme: builtinProgramme(programmeId), city: "南京", ...options }));
}

export function withCode(report: Report, code: string): Finding[] {
  return report.findings.filter((f) => f.code === code);
}

/** First data row of listGrid is Excel row 3. */
export const FIRST = 3;

/**
 * A valid applicant of each programme, in every column the engine tests use (a test's header picks
 * its own columns from these). One place for what "a row that passes" is.
 */
export const VALID = {
  jsPlatform: (n: number): RowSpec => ({
    序号: n,
    申报单位: `南京甲${n}科技有限公司`,
    统一社会信用代码: uscc("320115", n),
    注册时间: "2015-03-01",
    平台类型: "综合型",
    建设情况: "已建成",
    是否已认定为省重点平台: "否",
    是否升级申报: "否",
    "平台投入（万元）": 3000,
    联系电话: "13851926374",
  }),
  benchmark: (n: number): RowSpec => ({
    申报单位: `苏州乙${n}机械有限公司`,
    统一社会信用代码: uscc("320506", n),
    成立日期: "2012-06-01",
    业态模式创新方向: "智能化制造",
    是否建成: "已建成",
    "平台和系统开发费（万元）": 1000,
    "智能设备（终端）购置费（万元）": 800,
    "测试验证和项目咨询费（万元）": 200,
    "投入合计（万元）": 2000,
    是否通过贯标: "是",
    证书有效期至: "2025-06-30",
    "基础技术能力（满足项数/3）": 3,
    制造系统能力: "生产现场优化、生产管理优化、经营管理优化",
    企业标杆能力: "产品全流程",
  }),
  starCloud: (n: number): RowSpec => ({
    企业名称: `泰州丙${n}电子有限公司`,
    统一社会信用代码: uscc("321202", n),
    注册日期: "2014-01-01",
    申报星级: "三星级",
    已获评星级: "无",
    上云开始时间: "2022-01-05",
    上云截止时间: "至今",
    是否仍在使用: "是",
  }),
  sdPlatform: (n: number): RowSpec => ({
    申报单位名称: `济南丁${n}信息技术有限公司`,
    统一社会信用代码: uscc("370112", n),
    申报方向: "综合型",
    单位性质: "民营",
    平台建设情况: "已建成运营",
    是否属于前期155个省级重点平台: "否",
    是否纳入严重失信黑名单: "否",
    是否符合产业政策: "是",
  }),
  gfbj: (n: number): RowSpec => ({
    推荐排序: n,
    揭榜任务: "2-01 人工智能大模型赋能研发设计",
    项目名称: `项目${n}`,
    牵头单位名称: `青岛服务商${n}科技有限公司`,
    牵头单位统一社会信用代码: uscc("370212", 100 + n),
    场景落地单位名称: `青岛制造${n}有限公司`,
    场景落地单位统一社会信用代码: uscc("370211", 200 + n),
    企业性质: "民营",
    "预期投入（万元）": 500,
    是否获得过省级财政资金支持: "否",
  }),
};

/**
 * Lists in `header`'s columns: `row(o, n)` is the n-th valid applicant (its columns in the header
 * only) with `o` over it; `rows(count, o)` several; `grid(...rows)` the list.
 */
export function lister(header: readonly string[], valid: (n: number) => RowSpec) {
  const row = (o: RowSpec = {}, n = 1): RowSpec => ({ ...Object.fromEntries(Object.entries(valid(n)).filter(([k]) => header.includes(k))), ...o });
  return {
    row,
    rows: (count: number, o: (i: number) => RowSpec = () => ({})) => Array.from({ length: count }, (_, i) => row(o(i + 1), i + 1)),
    grid: (...rows: RowSpec[]) => listGrid(header, rows),
  };
}
