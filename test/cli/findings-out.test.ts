/**
 * `huizong check --findings-out FILE.xlsx`: the 退回修改清单 written beside the report, one sheet per
 * district holding the report's rows; never over an existing file without --force, never onto an input.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Report } from "../../src/domain/report";
import { rowVerdicts } from "../../src/domain/verdict";
import { huizong, ROOT, tempFolder } from "./run-cli";

const dir = tempFolder("findings-out");
const SAMPLE = join(ROOT, "samples", "sd-2023-platform.xlsx");

describe("check --findings-out", () => {
  it("writes the return list for the sample: its rows are the report's judged rows", async () => {
    const out = join(dir(), "退回.xlsx");
    const run = await huizong("check", SAMPLE, "-p", "sd-2023-platform", "-c", "济南", "--json", "--findings-out", out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/已写出退回修改清单/);
    const report = Report.parse(JSON.parse(run.stdout));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe("汇总");
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(2);
    // Every row the report judges appears in some district sheet's 本表行号 column, and nothing else does.
    const rows = new Set<number>();
    for (const ws of wb.worksheets.slice(1)) {
      ws.eachRow((row, n) => {
        if (n <= 5) return;
        const v = row.getCell(2).value;
        if (typeof v === "number") rows.add(v);
      });
    }
    expect([...rows].sort((a, b) => a - b)).toEqual([...rowVerdicts(report).keys()].sort((a, b) => a - b));
  });

  it("refuses an existing file without --force and leaves it as it was; --force replaces it", async () => {
    const out = join(dir(), "已有.xlsx");
    writeFileSync(out, "keep me");
    const refused = await huizong("check", SAMPLE, "-p", "sd-2023-platform", "-c", "济南", "--findings-out", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/已存在/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = await huizong("check", SAMPLE, "-p", "sd-2023-platform", "-c", "济南", "--findings-out", out, "--force");
    expect(forced.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses a name that is not .xlsx, or the list itself", async () => {
    const csv = join(dir(), "清单.csv");
    expect((await huizong("check", SAMPLE, "-p", "sd-2023-platform", "-c", "济南", "--findings-out", csv)).code).toBe(2);
    expect(existsSync(csv)).toBe(false);
    const onto = await huizong("check", SAMPLE, "-p", "sd-2023-platform", "-c", "济南", "--findings-out", SAMPLE, "--force");
    expect(onto.code).toBe(2);
    expect(onto.stderr).toMatch(/就是名单/);
  });
});
