/**
 * Settings on the command line (the BUILT command): a --settings file changes the verdict the
 * setting names and is reported as 用户设置; `programmes <id>` prints the rules with their clauses
 * and open facts; the template is a valid settings file; a bad file is a one-line usage error.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProgramme } from "../../src/domain/catalogue";
import { Report } from "../../src/domain/report";
import { settingsTemplate } from "../../src/domain/settings";
import { uscc } from "../domain/check-helpers";
import { huizongBin as huizong } from "./run-cli";

const ROOT = join(__dirname, "..", "..");
let tmp = "";
let list = "";

function settingsFile(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function check(...extra: string[]): { code: number; report: Report; stderr: string } {
  const r = huizong("check", list, "-p", "js-2023-platform", "-c", "南京", "--json", ...extra);
  if (r.code === 2 || r.code === 3) throw new Error(`huizong failed (${r.code}): ${r.stderr}`);
  return { code: r.code, report: Report.parse(JSON.parse(r.stdout)), stderr: r.stderr };
}

const directionRows = (r: Report) => r.findings.filter((f) => f.code === "value-not-allowed" && f.field === "direction").map((f) => f.row);

beforeAll(async () => {
  // dist-cli/ is compiled once for the run by test/build-cli.global-setup.ts.
  tmp = mkdtempSync(join(tmpdir(), "huizong-settings-"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名单");
  ws.addRow(["南京市2023年省重点工业互联网平台推荐汇总表"]);
  ws.addRow(["序号", "申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况"]);
  const types = ["综合型", "特色型（面向重点行业）", "特色型", "双跨型"];
  types.forEach((t, i) => ws.addRow([i + 1, `南京甲${i + 1}科技有限公司`, uscc("320115", i + 1), "2015-03-01", t, "已建成"]));
  list = join(tmp, "名单.xlsx");
  await wb.xlsx.writeFile(list);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// Each case spawns the built command several times: minutes on a loaded machine, never a verdict.
const SLOW = 240_000;

describe("huizong --settings", () => {
  it("without a direction list only the class is judged; with one, a direction outside it is value-not-allowed", () => {
    const plain = check();
    expect(directionRows(plain.report)).toEqual([6]);
    const file = settingsFile("directions.json", { programme: "js-2023-platform", settings: { directions: ["综合型", "特色型（面向重点行业）"] } });
    const set = check("--settings", file);
    expect(directionRows(set.report)).toEqual([5, 6]);
    expect(set.report.notes.some((n) => n.startsWith("用户设置：平台方向名单 = 综合型、特色型（面向重点行业）"))).toBe(true);
    const text = huizong("check", list, "-p", "js-2023-platform", "-c", "南京", "--settings", file);
    expect(text.stdout).toContain("用户设置：平台方向名单");
  }, SLOW);

  it("--as-of wins over the file's asOf", () => {
    const file = settingsFile("asof.json", { settings: { asOf: "2016-01-01" } });
    expect(check("--settings", file).report.asOf).toBe("2016-01-01");
    expect(check("--settings", file, "--as-of", "2023-01-01").report.asOf).toBe("2023-01-01");
  }, SLOW);

  it("a file the programme cannot take is a one-line usage error (exit 2)", () => {
    const cases: [string, unknown, RegExp][] = [
      ["unknown.json", { settings: { colours: ["红"] } }, /colours.*本项目没有这项设置/],
      ["bad.json", { settings: { directions: "综合型" } }, /directions（平台方向名单）/],
      ["other.json", { programme: "sd-2023-platform", settings: {} }, /sd-2023-platform/],
      ["notjson.json", "{directions: [", /不是有效的 JSON/],
      ["shape.json", { directions: ["综合型"] }, /未知的键/],
    ];
    for (const [name, content, pattern] of cases) {
      const r = huizong("check", list, "-p", "js-2023-platform", "-c", "南京", "--settings", settingsFile(name, content));
      expect(r.code, name).toBe(2);
      expect(r.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(r.stderr, name).toMatch(pattern);
    }
    expect(huizong("check", list, "-p", "js-2023-platform", "-c", "南京", "--settings", join(tmp, "missing.json")).code).toBe(2);
  }, SLOW);
});

describe("huizong programmes <id>", () => {
  it("prints every rule with its clause, and what is open with its setting now", () => {
    const r = huizong("programmes", "js-2023-platform");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("“申报方向”须为综合型、特色型、专业型之一");
    expect(r.stdout).toContain("出处：苏工信融合〔2023〕27号 三(一)1");
    expect(r.stdout).toContain("待定：平台方向名单 = 不设名单（默认）");
    expect(r.stdout).toContain("待定：基准日 = 2023-02-28（默认）");
    const file = settingsFile("dir2.json", { settings: { directions: ["综合型"] } });
    const set = huizong("programmes", "js-2023-platform", "--settings", file);
    expect(set.stdout).toContain("“申报方向”须为综合型之一");
    expect(set.stdout).toContain("待定：平台方向名单 = 综合型（用户设置）");
  }, SLOW);

  it("--settings-template prints a settings file that checks as the defaults", () => {
    const r = huizong("programmes", "sd-2024-gfbj-2", "--settings-template");
    expect(r.code).toBe(0);
    const template = JSON.parse(r.stdout);
    expect(template).toEqual(JSON.parse(JSON.stringify(settingsTemplate(getProgramme("sd-2024-gfbj-2")!))));
    expect(Object.keys(template.settings)).toEqual(["asOf", "quota", "amountCeiling", "tasks", "firstBatch"]);
    const file = settingsFile("template.json", r.stdout);
    const ok = huizong("programmes", "sd-2024-gfbj-2", "--settings", file);
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain("用户设置");
  }, SLOW);

  it("an unknown programme or a stray argument is a usage error", () => {
    expect(huizong("programmes", "js-2099-x").code).toBe(2);
    expect(huizong("programmes", "js-2023-platform", "sd-2023-platform").code).toBe(2);
    expect(huizong("programmes", "--settings-template").code).toBe(2);
  }, SLOW);
});
