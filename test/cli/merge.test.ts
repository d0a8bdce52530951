/**
 * `huizong merge` and the multi-file `check` / `export` in process: district lists of different
 * wording (one a GB18030 CSV, one with an instructions sheet first) merged with their sources; the
 * inputs are never written.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGb18030 } from "../../scripts/gb18030";
import { huizong } from "./run-cli";
import { Report } from "../../src/domain/report";
import { readXlsx } from "../../src/workbook/xlsx-adapter";
import { uscc } from "../domain/check-helpers";

let tmp = "";
let dir = "";
const files: string[] = [];

async function xlsx(path: string, sheets: { name: string; rows: (string | number | null)[][] }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => r.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = v;
      if (typeof v === "string") cell.numFmt = "@";
    }));
  }
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
const TWICE = uscc("370102", 2);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "huizong-merge-"));
  dir = join(tmp, "区县名单");
  mkdirSync(dir);
  // 历下区: the checker's wording, a title, a 合计 row.
  const a = join(dir, "历下区.xlsx");
  await xlsx(a, [{ name: "Sheet1", rows: [
    ["历下区2023年省级工业互联网平台推荐汇总表"],
    ["序号", "申报单位", "统一社会信用代码", "平台类型", "企业性质", "建设情况"],
    [1, "济南甲一科技有限公司", uscc("370102", 1), "综合型", "民营", "已建成"],
    [2, "济南甲二科技有限公司", TWICE, "综合型", "民营", "已建成"],
    [3, "济南甲三科技有限公司", uscc("370102", 3), "综合型", "民营", "已建成"],
    ["合计", "3家", null, null, null, null],
  ] }]);
  // 历城区: a GB18030 CSV in other words and order, as Chinese Windows Excel saves it.
  const b = join(dir, "历城区推荐.csv");
  const csv = ["企业名称,是否建成,社会信用代码,申报方向,单位性质", `济南乙一软件有限公司,已建成,${uscc("370112", 11)},综合型,民营`, `济南甲二科技有限公司,已建成,${TWICE},综合型,民营`].join("\r\n") + "\r\n";
  writeFileSync(b, encodeGb18030(csv));
  // 章丘区: named only in the title line; the instructions sheet comes first.
  const c = join(dir, "第三批.xlsx");
  await xlsx(c, [
    { name: "填报说明", rows: [["请按表格填写，6月20日前报送"]] },
    { name: "名单", rows: [["填报单位：章丘区工业和信息化局"], ["企业名称", "统一社会信用代码", "平台类型", "企业性质", "建设情况"], ["济南丙一有限公司", uscc("370114", 21), "综合型", "民营", "已建成"], ["济南丙二有限公司", uscc("370114", 22), "综合型", "民营", "已建成"]] },
  ]);
  files.push(a, b, c);
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("huizong merge", () => {
  it("merges a folder into 合并名单 with a 来源 column: every row kept, sources named, inputs unchanged", async () => {
    const before = files.map(hash);
    const out = join(tmp, "合并.xlsx");
    const r = await huizong("merge", dir, "-p", "sd-2023-platform", "-c", "济南", "-o", out, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { sources: { file: string; unit: string; rowsTaken: number; sheet: string }[]; report: unknown };
    expect(json.sources.map((s) => [s.file, s.sheet, s.unit, s.rowsTaken])).toEqual([
      ["第三批.xlsx", "名单", "章丘区", 2],
      ["历城区推荐.csv", "历城区推荐", "历城区", 2],
      ["历下区.xlsx", "Sheet1", "历下区", 3],
    ]);
    const report = Report.parse(json.report);
    const dup = report.findings.filter((f) => f.code === "duplicate-applicant");
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toContain("历城区第3行与历下区第4行为同一单位");
    expect(dup[0]!.sources!.map((s) => `${s.district}:${s.file}:${s.sourceRow}`).sort()).toEqual(["历下区:历下区.xlsx:4", "历城区:历城区推荐.csv:3"]);

    const book = await readXlsx(readFileSync(out));
    expect(book.sheetNames).toEqual(["合并名单"]);
    const grid = book.sheet("合并名单").grid;
    expect(grid.rows).toHaveLength(1 + 7);
    const header = grid.rows[0]!.map((x) => x.value);
    const col = (label: string) => header.indexOf(label);
    expect(grid.rows.slice(1).map((row) => row[col("来源")]!.value)).toContain("历城区 | 历城区推荐.csv | 历城区推荐 | 第3行");
    // Codes stay text with all 18 characters.
    for (const row of grid.rows.slice(1)) expect(row[col("统一社会信用代码")]).toMatchObject({ kind: "text", value: expect.stringMatching(/^[0-9A-Z]{18}$/) });
    expect(files.map(hash)).toEqual(before);
  });

  it("checking the merged file again gives the same findings, with the same sources", async () => {
    const out = join(tmp, "合并2.xlsx");
    await huizong("merge", ...files, "-p", "sd-2023-platform", "-c", "济南", "-o", out);
    const again = await huizong("check", out, "-p", "sd-2023-platform", "-c", "济南", "--json");
    const direct = await huizong("check", ...files, "-p", "sd-2023-platform", "-c", "济南", "--json");
    const strip = (s: string) => Report.parse(JSON.parse(s)).findings.map((f) => ({ ...f, sources: f.sources?.map((x) => ({ ...x })) }));
    expect(strip(again.stdout)).toEqual(strip(direct.stdout));
  });

  it("does not overwrite an existing output without --force", async () => {
    const out = join(tmp, "已有.xlsx");
    writeFileSync(out, "mine");
    const r = await huizong("merge", ...files, "-p", "sd-2023-platform", "-c", "济南", "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/已存在.*--force/);
    expect(readFileSync(out, "utf8")).toBe("mine");
    expect((await huizong("merge", ...files, "-p", "sd-2023-platform", "-c", "济南", "-o", out, "--force")).code).toBe(1);
  });

  it("names a list without a header (its rows cannot be placed) and merges the others; refuses when none is left", async () => {
    const bad = join(tmp, "说明.csv");
    writeFileSync(bad, "请按表格填写,截止6月20日\n报送时加盖公章,\n");
    const r = await huizong("merge", files[0]!, bad, "-p", "sd-2023-platform", "-c", "济南", "-o", join(tmp, "x.xlsx"));
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/× 说明\.csv“说明”：未并入，前30行中找不到表头/);
    const json = JSON.parse((await huizong("merge", files[0]!, bad, "-p", "sd-2023-platform", "-c", "济南", "-o", join(tmp, "x.xlsx"), "--force", "--json")).stdout) as { sources: { file: string }[]; skipped: { file: string; reason: string }[] };
    expect(json.sources.map((s) => s.file)).toEqual(["历下区.xlsx"]);
    expect(json.skipped).toEqual([expect.objectContaining({ file: "说明.csv", sheet: "说明", reason: "no-header" })]);
    const none = await huizong("merge", bad, "-p", "sd-2023-platform", "-c", "济南", "-o", join(tmp, "y.xlsx"));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/未合并：说明\.csv“说明”：前30行中找不到表头/);
  });
});

describe("merge checks the merged list as check does", () => {
  it("keeps a source's read findings", async () => {
    const broken = join(tmp, "槐荫区2.csv");
    writeFileSync(broken, ["企业名称,统一社会信用代码,平台类型,企业性质,建设情况", `济南丁一有限公司,${uscc("370104", 41)},综合型,民营,已建成`, `"济南丁二有限公司,${uscc("370104", 42)},综合型,民营,已建成`].join("\r\n") + "\r\n");
    const r = await huizong("merge", files[0]!, broken, "-p", "sd-2023-platform", "-c", "济南", "-o", join(tmp, "读问题.xlsx"), "--json");
    const codes = (s: string) => Report.parse(s).findings.filter((f) => f.code === "csv-malformed").map((f) => f.message);
    const checked = await huizong("check", files[0]!, broken, "-p", "sd-2023-platform", "-c", "济南", "--json");
    expect(codes(JSON.parse(r.stdout).report)).toHaveLength(1);
    expect(codes(JSON.parse(r.stdout).report)).toEqual(codes(JSON.parse(checked.stdout)));
  });

  it("uses --settings, --map and --mapping as check does", async () => {
    const settings = join(tmp, "基准日.json");
    writeFileSync(settings, JSON.stringify({ settings: { asOf: "2016-01-01" } }));
    const mapping = join(tmp, "列对应.json");
    writeFileSync(mapping, JSON.stringify({ version: 1, key: "", choices: [{ column: "建设情况", field: null }] }));
    const opts = ["-p", "sd-2023-platform", "-c", "济南", "--settings", settings, "--mapping", mapping, "--map", "企业性质=", "--json"];
    const merged = Report.parse(JSON.parse((await huizong("merge", ...files, "-o", join(tmp, "选项.xlsx"), ...opts)).stdout).report);
    const checked = Report.parse(JSON.parse((await huizong("check", ...files, ...opts)).stdout));
    expect(merged.asOf).toBe("2016-01-01");
    expect(merged.columns.filter((c) => c.why === "user").map((c) => c.header)).toEqual(["企业性质", "建设情况"]);
    expect(merged.findings.map((f) => [f.code, f.row])).toEqual(checked.findings.map((f) => [f.code, f.row]));
  });

  it.each([
    [["--reference", "参考.xlsx"], /merge 不用 --reference.*\/ merge takes no --reference/],
    [["--columns"], /merge 不用 --columns.*\/ merge takes no --columns/],
  ])("refuses %j in one bilingual line, writing nothing", async (extra, message) => {
    const out = join(tmp, "拒绝.xlsx");
    const r = await huizong("merge", ...files, "-p", "sd-2023-platform", "-c", "济南", "-o", out, ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe("province mode", () => {
  it("merges city lists, flags the city over its quota only, and exports a per-city summary", async () => {
    const cities = join(tmp, "各市名单");
    mkdirSync(cities);
    const HEADER = ["序号", "申报单位", "统一社会信用代码", "平台类型", "企业性质", "建设情况"];
    await xlsx(join(cities, "青岛市.xlsx"), [{ name: "Sheet1", rows: [HEADER, ...Array.from({ length: 12 }, (_, i) => [i + 1, `青岛${i + 1}号科技有限公司`, uscc("370202", 100 + i), "综合型", "民营", "已建成"])] }]);
    const jinan = [HEADER.join(","), `1,济南一号科技有限公司,${uscc("370102", 200)},综合型,民营,已建成`, `2,青岛1号科技有限公司,${uscc("370202", 100)},综合型,民营,已建成`].join("\r\n");
    writeFileSync(join(cities, "济南市.csv"), encodeGb18030(jinan));
    const r = await huizong("check", cities, "-p", "sd-2023-platform", "-c", "山东省", "--json");
    const report = Report.parse(JSON.parse(r.stdout));
    // 青岛's own 青岛1号 repeats 济南's row: failing, it takes no place (Corrections, third reading: Quota places),
    // so 11 of 青岛's 12 can be recommended, one over the quota.
    expect(report.quotas.map((q) => [q.city, q.counted, q.excess, q.failing])).toEqual([["济南市", 2, 0, 0], ["青岛市", 11, 1, 1]]);
    expect(report.findings.filter((f) => f.code === "quota-exceeded").map((f) => f.message.slice(0, 4))).toEqual(["青岛市："]);
    expect(report.findings.filter((f) => f.code === "duplicate-applicant").map((f) => f.message)).toEqual([expect.stringContaining("济南市第3行与青岛市第2行为同一单位")]);

    const out = join(tmp, "全省汇总表.xlsx");
    const e = await huizong("export", cities, "-p", "sd-2023-platform", "-c", "山东省", "-o", out);
    expect(e.stderr).toBe("");
    const book = await readXlsx(readFileSync(out));
    expect(book.sheetNames).toContain("各市汇总");
    const rows = book.sheet("各市汇总").grid.rows.map((row) => row.map((c) => c.value));
    expect(rows[1]).toEqual(["市", "报送项目数", "列入汇总表", "计入名额", "不占名额", "名额", "超出名额"]);
    // 济南 comes first (its file sorts first), so 青岛's own 青岛1号 is the duplicate's later row, an error;
    // so is the 12th platform over 青岛's quota: both left out of the table, and 青岛's 10 places are filled.
    expect(rows.slice(2)).toEqual([
      ["济南市", 2, 2, 2, 0, 10, 0],
      ["青岛市", 12, 10, 11, 0, 10, 1],
      ["合计", 14, 12, null, null, null, null],
    ]);
  });
});

describe("check and export take several files as one list", () => {
  it("check prints where each row came from", async () => {
    const r = await huizong("check", ...files, "-p", "sd-2023-platform", "-c", "济南");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("合并 3 份名单，共 7 行");
    expect(r.stdout).toMatch(/历下区 历下区\.xlsx“Sheet1”第4行/);
    expect(r.stdout).toMatch(/历城区 历城区推荐\.csv“历城区推荐”第3行/);
  });

  it("a source's read findings reach the merged check, naming the source (an unclosed quote is not silence)", async () => {
    const broken = join(tmp, "槐荫区.csv");
    const csv = ["企业名称,统一社会信用代码,平台类型,企业性质,建设情况", `济南丁一有限公司,${uscc("370104", 31)},综合型,民营,已建成`, `"济南丁二有限公司,${uscc("370104", 32)},综合型,民营,已建成`, `济南丁三有限公司,${uscc("370104", 33)},综合型,民营,已建成`].join("\r\n") + "\r\n";
    writeFileSync(broken, csv);
    const r = await huizong("check", files[0]!, broken, "-p", "sd-2023-platform", "-c", "济南", "--json");
    expect(r.code).toBe(1);
    const report = Report.parse(JSON.parse(r.stdout));
    const malformed = report.findings.filter((f) => f.code === "csv-malformed");
    expect(malformed).toHaveLength(1);
    expect(malformed[0]!.message).toMatch(/^槐荫区\.csv（工作表“槐荫区”）：第3行/);
    // Its row is the CSV's, not the merged sheet's: the finding concerns the whole list.
    expect(malformed[0]!.row).toBeUndefined();
  });

  it("export writes the summary of the merged list", async () => {
    const out = join(tmp, "汇总表.xlsx");
    const r = await huizong("export", dir, "-p", "sd-2023-platform", "-c", "济南", "-o", out);
    expect(r.stderr).toBe("");
    // 7 rows, the duplicate's later row has an error and is left out.
    expect(r.stdout).toMatch(/6 行/);
  });
});
