/** `huizong template` in process (main() of src/cli/huizong.ts), and the round trip template → filled → check → export. */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { huizong, tempFolder } from "./run-cli";
import { Report } from "../../src/domain/report";

const tmp = tempFolder("template");

describe("huizong template", () => {
  it("writes the template with its two sheets and says what it holds", async () => {
    const out = join(tmp(), "济南模板.xlsx");
    const r = await huizong("template", "-p", "sd-2023-platform", "-c", "济南", "--deadline", "2023-06-15", "-o", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^已生成“山东省级工业互联网平台入库推荐名单”区县填报模板（济南市）/);
    expect(r.stdout).toMatch(/18 列，其中 9 列为下拉选择；表头已保护（无密码）/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["推荐名单", "填报说明"]);
    const notes = wb.getWorksheet("填报说明")!;
    const text: string[] = [];
    notes.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text).toContain("请于2023年6月15日前将本表报济南市工业和信息化局。");
  });

  it("is in the help", async () => {
    const r = await huizong("--help");
    expect(r.stdout).toMatch(/huizong template --programme <项目编号> --city <城市> -o <模板\.xlsx>/);
    expect(r.stdout).toMatch(/--deadline <YYYY-MM-DD>/);
  });

  it("follows a --settings file: the direction dropdown is the user's list", async () => {
    const settings = join(tmp(), "设置.json");
    writeFileSync(settings, JSON.stringify({ programme: "js-2023-platform", settings: { directions: ["综合型", "专业型（面向特定技术）"] } }));
    const out = join(tmp(), "设置模板.xlsx");
    expect((await huizong("template", "-p", "js-2023-platform", "-c", "南京", "--settings", settings, "-o", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("推荐名单")!;
    const column = (ws.getRow(3).values as unknown[]).indexOf("申报方向");
    expect(ws.getCell(4, column).dataValidation).toMatchObject({ type: "list", formulae: ['"综合型,专业型（面向特定技术）"'], showErrorMessage: true });
    writeFileSync(settings, JSON.stringify({ programme: "sd-2023-platform", settings: {} }));
    const wrong = await huizong("template", "-p", "js-2023-platform", "-c", "南京", "--settings", settings, "-o", join(tmp(), "别的.xlsx"));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/是项目“sd-2023-platform”的/);
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const out = join(tmp(), "已有.xlsx");
    writeFileSync(out, "the clerk's own file");
    const r = await huizong("template", "-p", "js-2023-platform", "-c", "南京", "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/已存在.*--force/);
    expect(readFileSync(out, "utf8")).toBe("the clerk's own file");
    const forced = await huizong("template", "-p", "js-2023-platform", "-c", "南京", "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(5000);
  });

  it.each([
    [["-p", "js-2023-platform", "-c", "南京"], /缺少 -o/],
    [["-p", "js-2023-platform", "-c", "南京", "-o", "x.xls"], /应以 \.xlsx 结尾/],
    [["-p", "sd-2023-platform", "-c", "南京", "-o", "x.xlsx"], /南京市不在山东省/],
    [["-p", "nope", "-c", "南京", "-o", "x.xlsx"], /未知项目“nope”/],
    [["-p", "js-2023-platform", "-c", "南京", "--deadline", "2023-02-30", "-o", "x.xlsx"], /--deadline 应为 YYYY-MM-DD/],
    [["名单.xlsx", "-p", "js-2023-platform", "-c", "南京", "-o", "x.xlsx"], /不读取名单文件/],
    [["-p", "js-2023-platform", "-c", "南京", "--quota", "3", "-o", "x.xlsx"], /template 不读名单，不用 --quota/],
    [["-p", "js-2023-platform", "-c", "南京", "--map", "D=uscc", "--mapping", "m.json", "--columns", "-o", "x.xlsx"], /template 不读名单，不用 --map、--mapping、--columns \/ template reads no list and takes no --map, --mapping, --columns/],
    [["-p", "js-2023-platform", "-c", "南京", "--frobnicate", "-o", "x.xlsx"], /未知选项 --frobnicate/],
  ])("usage error %j → exit 2, one line, nothing written", async (args, message) => {
    // -o inside the test's folder, so a refusal that went missing writes nothing into the repository.
    const r = await huizong("template", ...args.map((a) => (/^x\.xlsx?$/.test(a) ? join(tmp(), a) : a)));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(tmp(), "x.xlsx"))).toBe(false);
  });

  it("round trip: a district fills the template, the city checks it and exports it", async () => {
    const template = join(tmp(), "南京模板.xlsx");
    expect((await huizong("template", "-p", "js-2023-star-cloud", "-c", "南京", "-o", template)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.getWorksheet("推荐名单")!;
    const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    const row: Record<string, unknown> = {
      序号: 1,
      "所在县（市、区）": "江宁区",
      申报单位: "南京云帆智能科技有限公司",
      统一社会信用代码: "91320115MA1MYU7X0D",
      注册时间: new Date("2016-04-12T00:00:00Z"),
      申报星级: "四星级",
      已获评星级: "三星级",
      上云开始时间: new Date("2022-03-01T00:00:00Z"),
      上云截止时间: "至今",
      是否仍在使用: "是",
      "投资额（万元）": 86.5,
    };
    header.forEach((h, i) => {
      if (h in row) ws.getCell(4, i + 1).value = row[h] as ExcelJS.CellValue;
    });
    const filled = join(tmp(), "江宁区.xlsx");
    await wb.xlsx.writeFile(filled);

    const checked = await huizong("check", filled, "-p", "js-2023-star-cloud", "-c", "南京", "--json");
    const report = Report.parse(JSON.parse(checked.stdout));
    expect(report.columns.map((c) => [c.header, c.confidence])).toEqual(header.map((h) => [h, 1]));
    expect(report.mappingUncertain).toBe(false);
    expect(report.findings.filter((f) => f.code.startsWith("header-"))).toEqual([]);
    expect(report.counts.rowsChecked).toBe(1);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(checked.code).toBe(0);

    const summary = join(tmp(), "汇总表.xlsx");
    const exported = await huizong("export", filled, "-p", "js-2023-star-cloud", "-c", "南京", "-o", summary);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/1 行/);
  });
});
