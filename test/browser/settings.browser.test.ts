/**
 * What the notice leaves open, in the pane (Chromium, preview host, js-2023-platform sample): the
 * rules show under the programme with their clauses; setting the platform direction list and
 * checking again makes a direction outside the list value-not-allowed (marked on the sheet,
 * reported as 用户设置, saved in the workbook); restoring the default judges the class only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openPane, type Pane } from "./pane";

const SHEET = "江宁区";

async function runCheck(page: Page): Promise<void> {
  await page.getByTestId("check").click();
  await page.getByTestId("finding-group").first().waitFor();
  await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
}

/** Cells of the direction column (平台类型, F) the findings point at as value-not-allowed. */
async function directionFindings(page: Page): Promise<string[]> {
  const group = page.locator('[data-testid=finding-group][data-code="value-not-allowed"][data-severity="error"]');
  if ((await group.count()) === 0) return [];
  if ((await group.locator("[data-testid=finding]").count()) === 0) await group.locator("button").first().click();
  const where = await group.locator("[data-testid=finding]").evaluateAll((els) => els.map((el) => el.getAttribute("data-where") ?? ""));
  return where.filter((w) => /^F\d+$/.test(w)).sort();
}

/** The sheet's 平台类型 cells holding `text`. */
async function cellsWith(page: Page, column: string, text: string): Promise<string[]> {
  const cells = await page.locator(`[data-testid=sheet] td[data-address^="${column}"]`).evaluateAll((tds) => tds.map((td) => [td.getAttribute("data-address") ?? "", td.textContent ?? ""]));
  return cells.filter(([a, t]) => /^F\d+$/.test(a) && t === text).map(([a]) => a).sort();
}

describe("open facts in the pane: the platform direction list", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=js-2023-platform");
    page = pane.page;
    await page.getByTestId("check").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("shows the programme's rules with their clauses and what is open", async () => {
    await page.getByTestId("rules-section").click();
    const rules = page.getByTestId("rules");
    await rules.waitFor();
    const text = (await rules.textContent()) ?? "";
    expect(text).toContain("“申报方向”须为综合型、特色型、专业型之一");
    expect(text).toContain("出处：苏工信融合〔2023〕27号 三(一)1");
    expect(await page.getByTestId("rule-open").allTextContents()).toContain("待定：平台方向名单 = 不设名单（默认）");
  });

  let typo: string[] = [];

  it("with no list, only the class is judged: only the sample's 特色性 names no class", async () => {
    typo = await cellsWith(page, "F", "特色性");
    expect(typo).toHaveLength(1);
    await runCheck(page);
    expect(await directionFindings(page)).toEqual(typo);
    expect(await page.getByRole("list", { name: "说明" }).textContent()).toContain("平台方向名单：不设名单（默认值。依据：");
  });

  it("a list set in the pane makes a direction outside it value-not-allowed, and is saved in the workbook", async () => {
    const featured = await cellsWith(page, "F", "特色型");
    expect(featured.length).toBeGreaterThan(2);
    await page.getByTestId("open-facts-section").click();
    await page.getByTestId("setting-directions").fill("综合型\n专业型");
    await runCheck(page);
    expect(await directionFindings(page)).toEqual([...featured, ...typo].sort());
    for (const cell of featured) expect(await page.locator(`td[data-address="${cell}"]`).getAttribute("data-fill")).toBe("#FFC7CE");
    expect(await page.getByRole("list", { name: "说明" }).textContent()).toContain("用户设置：平台方向名单 = 综合型、专业型");
    expect(await page.getByTestId("rule-open").allTextContents()).toContain("待定：平台方向名单 = 综合型、专业型（用户设置）");
    const saved = await page.evaluate(() => (window as unknown as { previewHost: { loadSetting(k: string): Promise<{ values?: Record<string, unknown> }> } }).previewHost.loadSetting("settings"));
    expect(saved.values).toEqual({ directions: ["综合型", "专业型"] });
  });

  it("a list that cannot be used says so and is not used", async () => {
    expect(await page.getByTestId("setting-benchmarkCapabilities").count()).toBe(0);
    const box = page.getByTestId("setting-clusters");
    const shipped = await box.inputValue();
    expect(shipped.split("\n")).toHaveLength(13);
    await box.fill("物联网：\n：别称");
    expect(await page.getByText(/无效，未采用/).count()).toBe(1);
    await box.fill(shipped);
    expect(await page.getByText(/无效，未采用/).count()).toBe(0);
    const saved = await page.evaluate(() => (window as unknown as { previewHost: { loadSetting(k: string): Promise<{ values?: Record<string, unknown> }> } }).previewHost.loadSetting("settings"));
    expect(Object.keys(saved.values ?? {})).toEqual(["directions"]);
  });

  it("restoring the default judges the class only again", async () => {
    await page.getByTestId("setting-reset-directions").click();
    await runCheck(page);
    expect(await directionFindings(page)).toEqual(typo);
    expect(await page.getByRole("list", { name: "说明" }).textContent()).not.toContain("用户设置：平台方向名单");
  });

  it("raised no page errors and requested nothing off localhost", () => {
    expect(pane.errors).toEqual([]);
    expect(pane.requests.filter((u) => !/^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:|about:)/.test(u))).toEqual([]);
  });
});
