/**
 * 操作说明 and the user guide's screenshots, at 350 × 700 as a clerk has the pane: the panel opens from its
 * heading and says the six steps, what each mark means and what is never changed, in the words of
 * src/taskpane/text.ts (docs/使用说明.md carries the same text, test/docs/user-guide.test.ts). Each run
 * saves the pane after a check, the ranking panel and the 操作说明 panel as PNGs — into
 * HUIZONG_SCREENSHOTS (docs/screenshots to refresh the guide) or else a temp directory.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { paneText } from "../../src/taskpane/text";
import { MARK_COLOURS } from "../../src/workbook/marks";
import { openPane, type Pane } from "./pane";

const DIR = process.env.HUIZONG_SCREENSHOTS ?? join(tmpdir(), "huizong-screenshots");
const help = paneText("zh").help;

async function checked(page: Page): Promise<void> {
  await page.getByTestId("check").click();
  await page.getByTestId("results").waitFor();
  await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
}

describe("操作说明 and the guide's screenshots at 350 × 700", () => {
  const panes: Pane[] = [];
  afterAll(async () => {
    for (const p of panes) await p.close();
  });
  mkdirSync(DIR, { recursive: true });

  it("操作说明 opens from its heading: six steps, every mark with its colour, what is never changed", async () => {
    const pane = await openPane("preview.html?sample=js-2023-star-cloud", { width: 350, height: 700 });
    panes.push(pane);
    const { page } = pane;
    await page.getByTestId("check").waitFor();
    // Folded at first: the pane opens on its work, help one click away.
    expect(await page.getByTestId("help-panel").count()).toBe(0);
    await page.getByTestId("help-section-toggle").click();
    const panel = page.getByTestId("help-panel");
    await panel.waitFor();
    expect(await page.getByTestId("help-section-toggle").textContent()).toContain("操作说明");
    expect(await page.getByTestId("help-steps").locator("li").allTextContents()).toEqual(help.steps);
    const marks = page.getByTestId("help-marks").locator("li");
    expect(await marks.allTextContents()).toEqual(help.marks.map((m) => `${m.label}：${m.text}`));
    // The swatches are the colours the marks are drawn in.
    const swatches = await marks.evaluateAll((lis) => lis.map((li) => (li.querySelector("span[aria-hidden]") as HTMLElement | null)?.style.background ?? ""));
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
    expect(swatches.slice(0, 3)).toEqual([rgb(MARK_COLOURS.error), rgb(MARK_COLOURS.warning), rgb(MARK_COLOURS.priority)]);
    expect(await page.getByTestId("help-never").locator("li").allTextContents()).toEqual(help.never);
    // Readable in the narrow pane: no line wider than the pane.
    const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The whole panel in one picture: taller than the window, so the window grows for the shot (same width).
    await page.setViewportSize({ width: 350, height: 1600 });
    await page.getByTestId("help-section").screenshot({ path: join(DIR, "help.png") });
    expect(pane.errors).toEqual([]);
  }, 240_000);

  it("the pane after a check, as the clerk sees it: the summary in view", async () => {
    const pane = await openPane("preview.html?sample=js-2023-star-cloud", { width: 350, height: 700 });
    panes.push(pane);
    const { page } = pane;
    await page.getByTestId("check").waitFor();
    await checked(page);
    const top = await page.getByTestId("count-errors").evaluate((el) => el.getBoundingClientRect().bottom);
    expect(top).toBeLessThanOrEqual(700);
    await page.screenshot({ path: join(DIR, "pane-after-check.png") });
    expect(pane.errors).toEqual([]);
  }, 240_000);

  it("the ranking panel after a check with a quota", async () => {
    const pane = await openPane("preview.html?sample=sd-2024-gfbj-2", { width: 350, height: 700 });
    panes.push(pane);
    const { page } = pane;
    await page.getByTestId("check").waitFor();
    await page.getByTestId("quota").fill("2");
    await checked(page);
    await page.getByTestId("ranking-panel").waitFor();
    expect(await page.getByTestId("ranking-row").count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId("ranking-section").screenshot({ path: join(DIR, "ranking.png") });
    expect(pane.errors).toEqual([]);
  }, 240_000);
});
