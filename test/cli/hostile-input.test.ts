/**
 * `huizong check` in process on files a hostile tester (or an unlucky clerk) gives it: every one
 * ends in a report or a one-line bilingual refusal with exit 2 — never a crash, never silence.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { huizong, tempFolder } from "./run-cli";
import { Report } from "../../src/domain/report";
import { makeZip } from "../workbook/zip";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "js-2023-platform.xlsx");

const check = (file: string, ...more: string[]) => huizong("check", file, "-p", "js-2023-platform", "-c", "南京", ...more);

/** One line, Chinese then " / " then English, no stray quote marks from a library. */
function expectRefusal(r: { code: number; stdout: string; stderr: string }, zh: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(zh);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff].* \/ .*[A-Za-z]{3}/);
  for (const [open, close] of [["“", "”"], ["（", "）"], ["(", ")"]]) expect(lines[0].split(open).length).toBe(lines[0].split(close).length);
  expect((lines[0].match(/"/g) ?? []).length % 2).toBe(0);
}

async function xlsx(edit: (wb: ExcelJS.Workbook) => void, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  edit(wb);
  const path = join(tmp(), name);
  writeFileSync(path, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

const tmp = tempFolder("hostile");

describe("files that are not lists: exit 2, one bilingual line", () => {
  it("an empty .csv", async () => {
    writeFileSync(join(tmp(), "empty.csv"), "");
    expectRefusal(await check(join(tmp(), "empty.csv")), /空文件/);
    writeFileSync(join(tmp(), "blank.csv"), "\r\n,,\r\n\r\n");
    expectRefusal(await check(join(tmp(), "blank.csv")), /没有任何内容/);
  });

  it("a .txt of prose", async () => {
    writeFileSync(join(tmp(), "notes.txt"), "关于推荐的说明\n请于月底前报送。\n");
    expectRefusal(await check(join(tmp(), "notes.txt")), /不是表格/);
  });

  it("a directory, even one named like a list", async () => {
    mkdirSync(join(tmp(), "名单.xlsx"));
    // A folder is read as several lists (merge); one holding no list is refused.
    expectRefusal(await check(join(tmp(), "名单.xlsx")), /文件夹 .*名单\.xlsx 中没有名单文件/);
    // A folder of lists is merged; a sub-folder named like a list is not one of them.
    const folder = join(tmp(), "区县名单");
    mkdirSync(join(folder, "历下区.xlsx"), { recursive: true });
    expectRefusal(await check(folder), /文件夹 .*区县名单 中没有名单文件/);
  });

  it("a CSV renamed .xlsx is read as the CSV it is and said; a PDF renamed .xlsx is refused naming what it is; an unknown option", async () => {
    writeFileSync(join(tmp(), "renamed.xlsx"), "序号,申报单位\n1,甲\n");
    const r = await check(join(tmp(), "renamed.xlsx"), "--json");
    expect(r.code).toBe(1);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.findings.filter((f) => f.code === "format-mislabelled").map((f) => [f.severity, f.message])).toEqual([["info", "文件扩展名是“.xlsx”，内容实际是CSV/文本文件：已按实际格式读取"]]);
    writeFileSync(join(tmp(), "scan.xlsx"), "%PDF-1.4\n%\xe2\xe3\n1 0 obj\n");
    expectRefusal(await check(join(tmp(), "scan.xlsx")), /不是表格文件（看起来是PDF 文件）/);
    expectRefusal(await check(SAMPLE, "--frobnicate"), /未知选项 --frobnicate/);
  });

  it("a zip bomb (a 101 MB sheet in a small file) is refused before it is unpacked, naming the limit", async () => {
    const bomb = makeZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(101 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    writeFileSync(join(tmp(), "bomb.xlsx"), bomb);
    expectRefusal(await check(join(tmp(), "bomb.xlsx")), /超过上限 100 MB/);
  });
});

describe("lists that read, with what reading found", () => {
  it("a stray value at XFD1048576: the list is checked as without it, and the cell is named", async () => {
    const path = await xlsx((wb) => (wb.worksheets[0].getCell("XFD1048576").value = "x"), "stray.xlsx");
    const clean = Report.parse(JSON.parse((await check(SAMPLE, "--json")).stdout));
    const r = await check(path, "--json");
    expect(r.code).toBe(1);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.counts.rowsChecked).toBe(clean.counts.rowsChecked);
    expect(report.findings.filter((f) => f.code === "cells-outside-list").map((f) => f.message.includes("XFD1048576"))).toEqual([true]);
  });

  it("a hidden first sheet is passed over; the report names the sheet checked", async () => {
    const path = await xlsx((wb) => {
      const decoy = wb.addWorksheet("旧表", { state: "hidden" });
      decoy.getCell("A1").value = "作废";
      // exceljs orders sheets by orderNo: put the hidden one first.
      (wb.worksheets[0] as unknown as { orderNo: number }).orderNo = 1;
      (decoy as unknown as { orderNo: number }).orderNo = 0;
    }, "hidden-first.xlsx");
    const r = await check(path);
    expect(r.stdout).toContain("工作表 sheet “江宁区”");
    expect(r.code).toBe(1);
  });

  it("a header with no rows under it is a no-rows finding and exit 1, not 未发现问题", async () => {
    writeFileSync(join(tmp(), "header-only.csv"), "序号,申报单位,统一社会信用代码,注册时间,平台类型,建设情况\r\n");
    const r = await check(join(tmp(), "header-only.csv"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("[no-rows]");
    expect(r.stdout).not.toContain("未发现问题");
  });

  it("an unclosed quote in a 27-row CSV: the rows before it are checked and the clerk is told", async () => {
    const lines = ["序号,申报单位,统一社会信用代码,注册时间,平台类型,建设情况,平台投入（万元）"];
    for (let i = 1; i <= 27; i++) lines.push(`${i},南京甲${i}科技有限公司,91320115MA1MXXXX${i},2015-03-01,综合型,已建成,3000`);
    lines[3] = lines[3].replace("南京甲3", '"南京甲3');
    writeFileSync(join(tmp(), "quote.csv"), lines.join("\r\n") + "\r\n");
    const r = await check(join(tmp(), "quote.csv"), "--json");
    expect(r.code).toBe(1);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.counts.rowsChecked).toBe(2);
    const f = report.findings.find((x) => x.code === "csv-malformed");
    expect([f?.row, f?.column]).toEqual([4, "B"]);
    expect(f?.message).toContain("25 行");
  });
});
