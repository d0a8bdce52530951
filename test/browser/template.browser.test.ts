/**
 * 生成区县填报模板 in Chromium on the preview host, which cannot open a new workbook: the template
 * downloads as an .xlsx whose list sheet has the programme's header, and the open sheet is untouched.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../src/workbook/xlsx-adapter";
import { getProgramme } from "../../src/domain/catalogue";
import { planTemplate } from "../../src/domain/template/plan";
import { openPane, type Pane } from "./pane";

describe("生成区县填报模板 in the preview (Chromium)", () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=js-2023-platform");
    await pane.page.getByTestId("template-button").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("downloads the template for the chosen programme and city, leaving the sheet as it was", async () => {
    const { page } = pane;
    const snapshot = () => page.evaluate(() => (window as unknown as { previewHost: { snapshot(s: string): unknown } }).previewHost.snapshot("江宁区"));
    const before = await snapshot();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-button").click()]);
    // Named with what, city, programme and the clerk's day (the page's local date).
    const day = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    expect(download.suggestedFilename()).toBe(`区县填报模板-南京市-重点工业互联网平台-${day}.xlsx`);
    const path = await download.path();
    const book = await readXlsx(new Uint8Array(readFileSync(path)));
    expect(book.sheetNames).toEqual(["推荐名单", "填报说明"]);
    const plan = planTemplate({ programme: getProgramme("js-2023-platform")!, city: "南京市" });
    expect(book.sheet().grid.rows[plan.headerRow - 1]!.map((c) => c.value)).toEqual(plan.columns.map((c) => c.header));
    await expect.poll(() => page.getByTestId("template-done").textContent()).toContain("已下载区县填报模板");
    expect(await snapshot()).toEqual(before);
    expect(pane.errors).toEqual([]);
  }, 120_000);
});
