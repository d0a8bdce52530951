/** `huizong export` in process (main() of src/cli/huizong.ts, so the dispatch line is covered too). */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { huizong, tempFolder } from "../cli/run-cli";
import { readBack } from "./readback";

const ROOT = join(__dirname, "..", "..");

const sample = (id: string) => join(ROOT, "samples", `${id}.xlsx`);

const tmp = tempFolder("export");

describe("huizong export", () => {
  it("writes the default layout, says how many rows and which were left out, exit 1 for a list with errors", async () => {
    const out = join(tmp(), "济南汇总.xlsx");
    const r = await huizong("export", sample("sd-2023-platform"), "-p", "sd-2023-platform", "-c", "济南", "-o", out, "--contact", "赵琦", "--date", "2023-06-18");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^已导出“2023年省级工业互联网平台入库申报信息汇总表”（sd-2023-platform\/附件2）\d+ 行/);
    expect(r.stdout).toMatch(/行有错误，未列入汇总表/);
    const back = readBack(new Uint8Array(readFileSync(out)));
    expect(back.cell("A1")?.v).toBe("附件2");
    expect(String(back.cell("A3")?.v)).toMatch(/济南市工业和信息化局.*联系人：赵琦.*2023年6月18日/);
  });

  it("writes 附件3 when asked, and includes rows with errors only with --include-errors", async () => {
    const out = join(tmp(), "推荐表.xlsx");
    const r = await huizong("export", sample("sd-2023-platform"), "-p", "sd-2023-platform", "-c", "济南", "--layout", "sd-2023-platform/附件3", "--include-errors", "-o", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/按您的选择，\d+ 行有错误的数据也已列入汇总表/);
    const back = readBack(new Uint8Array(readFileSync(out)));
    expect(back.cell("A1")?.v).toBe("附件3");
    expect(back.cell("A2")?.v).toBe("2023年省级工业互联网平台入库推荐表");
  });

  it("renumbers 工赋百景 ranks and says so; --paper and --keep-remarks reach the form", async () => {
    const out = join(tmp(), "工赋百景.xlsx");
    const r = await huizong("export", sample("sd-2024-gfbj-2"), "-p", "sd-2024-gfbj-2", "-c", "青岛", "--quota", "14", "-o", out);
    expect(r.stdout).toMatch(/推荐排序已按本市原顺序重新编号/);
    expect(r.stdout).toMatch(/纸张 A3 横向/);
    expect(r.stdout).toMatch(/--include-errors/);
    expect(r.stdout).not.toMatch(/“包含有错误的行”/);
    const plain = readBack(new Uint8Array(readFileSync(out)));
    const a4 = join(tmp(), "工赋百景-A4.xlsx");
    const r2 = await huizong("export", sample("sd-2024-gfbj-2"), "-p", "sd-2024-gfbj-2", "-c", "青岛", "--quota", "8", "--paper", "a4", "--keep-remarks", "-o", a4);
    expect(r2.stdout).toMatch(/纸张 A4 横向/);
    const kept = readBack(new Uint8Array(readFileSync(a4)));
    expect(kept.sheetXml).toContain('paperSize="9"');
    const cells = (b: typeof plain) => Object.values(b.sheet).map((c) => String((c as { v?: unknown }).v ?? ""));
    expect(cells(plain).some((v) => v.includes("央企，不占名额"))).toBe(false);
    expect(cells(kept).some((v) => v.includes("央企，不占名额"))).toBe(true);
    const bad = await huizong("export", sample("sd-2024-gfbj-2"), "-p", "sd-2024-gfbj-2", "-c", "青岛", "--paper", "B5", "-o", join(tmp(), "x.xlsx"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--paper 应为 A4 或 A3/);
  });

  it("fills the province's form given with --template and lists the columns it could not fill", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("推荐表");
    ws.addRow(["星级上云企业推荐汇总表"]);
    ws.addRow(["序号", "企业名称", "统一社会信用代码", "申报星级", "上云投入（万元）", "企业规模", "备注"]);
    const form = join(tmp(), "表样.xlsx");
    await wb.xlsx.writeFile(form);
    const out = join(tmp(), "填好的表样.xlsx");
    const r = await huizong("export", sample("js-2023-star-cloud"), "-p", "js-2023-star-cloud", "-c", "泰州", "--template", form, "-o", out);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/已按表样“表样.xlsx”（工作表“推荐表”，表头第 2 行）填写 \d+ 行/);
    expect(r.stdout).toContain("模板第 F 列“企业规模”对应不到名单中的字段，未填写。");
    const back = readBack(new Uint8Array(readFileSync(out)));
    expect(back.cell("A3")?.v).toMatch(/^一、三星级、四星级上云企业/);
    expect(back.cell("A1")?.v).toBe("星级上云企业推荐汇总表");
  });

  it("refuses bad usage with one line on stderr and exit 2, writing nothing", async () => {
    const out = join(tmp(), "不该写.xlsx");
    const base = [sample("js-2023-platform"), "-p", "js-2023-platform", "-c", "南京"];
    const cases: [string[], RegExp][] = [
      [["export", ...base], /缺少 -o/],
      [["export", ...base, "-o", join(tmp(), "x.xls")], /\.xlsx 结尾/],
      [["export", ...base, "-o", sample("js-2023-platform")], /就是名单/],
      [["export", ...base, "-o", out, "--layout", "sd-2023-platform/附件3"], /没有“sd-2023-platform\/附件3”格式/],
      [["export", ...base, "-o", out, "--date", "2023-02-30"], /--date 应为 YYYY-MM-DD/],
      [["export", ...base, "-o", out, "--template-sheet", "表1"], /--template-sheet 需与 --template 一起使用/],
      [["export", ...base, "-o", out, "--template", join(ROOT, "package.json")], /不支持|无法读取模板/],
      [["export", ...base, "-o", out, "--template", sample("js-2023-platform"), "--template-sheet", "没有这张表"], /没有名为“没有这张表”的工作表/],
      [["export", ...base, "-o", out, "--template", join(ROOT, "samples", "js-2020-666.xlsx"), "--oops"], /未知选项 --oops/],
      [["export", sample("js-2023-platform"), "-p", "nope", "-c", "南京", "-o", out], /未知项目/],
      [["export", join(tmp(), "没有的文件.xlsx"), "-p", "js-2023-platform", "-c", "南京", "-o", out], /找不到文件/],
    ];
    for (const [args, reason] of cases) {
      const r = await huizong(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr, args.join(" ")).toMatch(reason);
    }
    expect(existsSync(out)).toBe(false);
  });

  it("a template without a recognisable header is a usage error, not a crash", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空白").addRow(["这里什么都没有"]);
    const form = join(tmp(), "空白.xlsx");
    await wb.xlsx.writeFile(form);
    const r = await huizong("export", sample("js-2023-platform"), "-p", "js-2023-platform", "-c", "南京", "--template", form, "-o", join(tmp(), "y.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/找不到表头/);
  });

  it("is documented in --help with its layouts", async () => {
    const r = await huizong("--help");
    expect(r.stdout).toContain("huizong export <名单.xlsx|名单.csv>");
    expect(r.stdout).toContain("sd-2023-platform/附件3");
    expect(r.stdout).toContain("--include-errors");
  });
});
