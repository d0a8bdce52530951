/**
 * 打开名单文件 in the pane (Chromium, preview host) with a district's .xls made by LibreOffice: its
 * rows land in a new sheet and are checked, and the pane's counts are the CLI's for the same file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { huizong } from "../cli/run-cli";
import { openPane, type Pane } from "./pane";

const FILE = join(__dirname, "..", "data", "files", "江宁区.xls");

type Host = { listSheets(): Promise<string[]> };
const sheets = (page: Page) => page.evaluate(() => (window as unknown as { previewHost: Host }).previewHost.listSheets());
const count = async (page: Page, id: string) => Number(await page.getByTestId(id).locator("span").last().textContent());

describe("打开名单文件 with a .xls (Chromium)", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=js-2023-platform");
    page = pane.page;
    await page.getByTestId("check").waitFor();
    await page.getByTestId("programme").selectOption("js-2023-platform");
    await page.getByTestId("city").selectOption("南京市");
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("lands the file's rows in a new sheet and checks them as the CLI does", async () => {
    const before = await sheets(page);
    await page.getByTestId("open-file-input").setInputFiles({ name: "江宁区.xls", mimeType: "application/vnd.ms-excel", buffer: readFileSync(FILE) });
    await page.getByTestId("open-file-done").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("error").count()).toBe(0);
    // The sample the pane opened with is already called 江宁区: the new sheet takes Excel's next name.
    expect(before).toContain("江宁区");
    expect(await sheets(page)).toEqual([...before, "江宁区 (2)"]);
    expect(await page.getByTestId("open-file-done").getAttribute("data-sheets")).toBe("江宁区 (2)");

    const cli = JSON.parse((await huizong("check", FILE, "-p", "js-2023-platform", "-c", "南京市", "--json")).stdout) as { counts: { rowsRead: number; rowsChecked: number; errors: number; warnings: number } };
    expect(cli.counts.rowsChecked).toBeGreaterThan(10);
    expect(await count(page, "count-read")).toBe(cli.counts.rowsRead);
    expect(await count(page, "count-checked")).toBe(cli.counts.rowsChecked);
    expect(await count(page, "count-errors")).toBe(cli.counts.errors);
    expect(await count(page, "count-warnings")).toBe(cli.counts.warnings);
    // The new sheet is the one shown, marked.
    expect(await page.locator("[data-testid=sheet] td[data-fill]").count()).toBeGreaterThan(5);
  });
});
