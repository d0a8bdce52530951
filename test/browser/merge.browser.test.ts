/**
 * 合并区县名单 in the task pane (Chromium, preview host): two district files picked in the file
 * input (one a GB18030 CSV) → a new sheet 合并名单 → the check names both districts; the sample
 * sheet the pane opened with is untouched. Then province mode: two city lists, a per-city table.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGb18030 } from "../../scripts/gb18030";
import { uscc } from "../domain/check-helpers";
import { openPane, type Pane } from "./pane";

type Host = { listSheets(): Promise<string[]>; activeSheet(): Promise<string>; snapshot(s: string): unknown };

async function sheets(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { previewHost: Host }).previewHost.listSheets());
}

async function snapshot(page: Page, sheet: string): Promise<unknown> {
  return page.evaluate((s) => (window as unknown as { previewHost: Host }).previewHost.snapshot(s), sheet);
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  rows.forEach((r, i) => r.forEach((v, j) => {
    const cell = ws.getCell(i + 1, j + 1);
    cell.value = v;
    if (typeof v === "string") cell.numFmt = "@";
  }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TWICE = uscc("370102", 2);

async function merge(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  if (await page.getByTestId("merge-open").count()) await page.getByTestId("merge-open").click();
  await page.getByTestId("merge-files").setInputFiles(files);
  const before = (await sheets(page)).length;
  await page.getByTestId("merge-run").click();
  // The button may still be enabled right after the click: wait for the new sheet (or an error) first.
  await expect.poll(async () => (await sheets(page)).length > before || (await page.getByTestId("error").count()) > 0, { timeout: 60_000 }).toBe(true);
  await expect.poll(() => page.getByTestId("merge-run").isEnabled(), { timeout: 60_000 }).toBe(true);
}

describe("合并区县名单 in the task pane (Chromium)", () => {
  let pane: Pane;
  let page: Page;
  let sample = "";
  let original: unknown;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=sd-2023-platform");
    page = pane.page;
    await page.getByTestId("check").waitFor();
    await page.getByTestId("programme").selectOption("sd-2023-platform");
    await page.getByTestId("city").selectOption("济南市");
    [sample] = await sheets(page);
    original = await snapshot(page, sample!);
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("merges two picked files into 合并名单 and the check names both districts", async () => {
    const lixia = await xlsx([
      ["历下区推荐汇总表"],
      ["序号", "申报单位", "统一社会信用代码", "平台类型", "企业性质", "建设情况"],
      [1, "济南甲一科技有限公司", uscc("370102", 1), "综合型", "民营", "已建成"],
      [2, "济南甲二科技有限公司", TWICE, "综合型", "民营", "已建成"],
    ]);
    const licheng = Buffer.from(encodeGb18030(["企业名称,社会信用代码,申报方向,单位性质,是否建成", `济南乙一软件有限公司,${uscc("370112", 11)},综合型,民营,已建成`, `济南甲二科技有限公司,${TWICE},综合型,民营,已建成`].join("\r\n")));
    await merge(page, [
      { name: "历下区.xlsx", mimeType: XLSX_TYPE, buffer: lixia },
      { name: "历城区.csv", mimeType: "text/csv", buffer: licheng },
    ]);
    expect(await page.getByTestId("error").count()).toBe(0);
    expect(await sheets(page)).toEqual([sample, "合并名单"]);
    expect(await page.getByTestId("merge-summary").textContent()).toContain("已合并 4 行");
    // The sheet drawn is the merged one, with its 来源 column.
    await expect.poll(() => page.locator("td[data-address]").allTextContents()).toContain("历城区 | 历城区.csv | 历城区 | 第3行");
    const dup = page.locator('[data-testid=finding][data-code="duplicate-applicant"]');
    await dup.first().waitFor();
    expect(await dup.count()).toBe(1);
    const text = (await dup.textContent()) ?? "";
    expect(text).toContain("历下区第4行与历城区第3行为同一单位");
    expect(await dup.getByTestId("finding-sources").textContent()).toMatch(/历城区 历城区\.csv“历城区”第3行；历下区 历下区\.xlsx“Sheet1”第4行/);
    expect(await snapshot(page, sample)).toEqual(original);
    expect(pane.errors).toEqual([]);
  });

  it("退回修改清单 of the merged list: one sheet per district holding the rows and findings of the report", async () => {
    // The rows the pane's findings judge with an error or a warning, and how many problems each has.
    const judged = await page.locator("[data-testid=finding-group]").evaluateAll((groups) =>
      groups
        .filter((g) => g.getAttribute("data-severity") !== "info")
        .flatMap((g) => [...g.querySelectorAll("[data-testid=finding]")].map((f) => Number(f.getAttribute("data-row"))))
        .filter((r) => r > 0),
    );
    expect(judged.length).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("return-list-button").click()]);
    expect(download.suggestedFilename()).toMatch(/^退回修改清单-济南市-省级工业互联网平台入库-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "历下区", "历城区"]);
    const perRow = new Map<number, number>();
    for (const ws of wb.worksheets.slice(1)) {
      ws.eachRow((row, n) => {
        const r = row.getCell(2).value;
        if (n <= 5 || typeof r !== "number") return;
        perRow.set(r, (perRow.get(r) ?? 0) + 1);
        // Each row sits in the sheet of the district it came from.
        expect(String(row.getCell(3).value)).toContain(`${ws.name}.`);
      });
    }
    const expected = new Map<number, number>();
    for (const r of judged) expected.set(r, (expected.get(r) ?? 0) + 1);
    expect([...perRow.entries()].sort((a, b) => a[0] - b[0])).toEqual([...expected.entries()].sort((a, b) => a[0] - b[0]));
    expect(await page.getByTestId("return-list-done").getAttribute("data-units")).toBe("2");
    expect(await snapshot(page, sample)).toEqual(original);
  });

  it("province mode: city lists merged and checked city by city, the city over its quota shown", async () => {
    await page.getByTestId("city").selectOption("山东省");
    const HEADER = ["序号", "申报单位", "统一社会信用代码", "平台类型", "企业性质", "建设情况"];
    const qingdao = await xlsx([HEADER, ...Array.from({ length: 11 }, (_, i) => [i + 1, `青岛${i + 1}号科技有限公司`, uscc("370202", 100 + i), "综合型", "民营", "已建成"])]);
    const jinan = await xlsx([HEADER, [1, "济南一号科技有限公司", uscc("370102", 200), "综合型", "民营", "已建成"]]);
    await merge(page, [
      { name: "青岛市.xlsx", mimeType: XLSX_TYPE, buffer: qingdao },
      { name: "济南市.xlsx", mimeType: XLSX_TYPE, buffer: jinan },
    ]);
    expect(await sheets(page)).toEqual([sample, "合并名单", "合并名单 (2)"]);
    const rows = page.getByTestId("city-row");
    await rows.first().waitFor();
    expect(await rows.evaluateAll((els) => els.map((e) => e.textContent))).toEqual([expect.stringMatching(/^济南市1\/10/), expect.stringMatching(/^青岛市11\/10/)]);
    expect(await page.locator('[data-testid=finding-group][data-code="quota-exceeded"]').count()).toBe(1);
    expect(await snapshot(page, sample)).toEqual(original);
  });
});
