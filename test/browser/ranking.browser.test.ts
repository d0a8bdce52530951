/**
 * 推荐排序与名额 at 350 × 700, as a clerk of 青岛 has it: ranking three rows and confirming writes the
 * ranks into the list's 推荐排序 column (nothing before), the export follows them, and 撤销排序 puts the
 * cells back as they were. With HUIZONG_SCREENSHOTS=dir it also saves the panel as ranking.png.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openPane, type Pane } from "./pane";

const SHEET = "推荐汇总";
type Cell = { kind: string; value: unknown } | undefined;
type Host = { listSheets(): Promise<string[]>; readGrid(s: string): Promise<{ firstRow: number; firstColumn: number; rows: Cell[][] }>; select(s: string, a: string): Promise<void> };

const host = (page: Page) => (window as unknown as { previewHost: Host }).previewHost;
async function rankColumn(page: Page, rows: number[]): Promise<string[]> {
  return page.evaluate(
    async ({ sheet, rows }) => {
      const g = await (window as unknown as { previewHost: Host }).previewHost.readGrid(sheet);
      return rows.map((r) => String(g.rows[r - g.firstRow]?.[1 - g.firstColumn]?.value ?? ""));
    },
    { sheet: SHEET, rows },
  );
}

describe("ranking in the pane at 350 × 700", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=sd-2024-gfbj-2", { width: 350, height: 700 });
    page = pane.page;
    await page.getByTestId("check").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("ranking three rows and confirming writes the ranks, the export follows them, undo puts the cells back", async () => {
    void host;
    await page.getByTestId("quota").fill("2");
    await page.getByTestId("check").click();
    await page.getByTestId("ranking-panel").waitFor();
    await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
    const rows = page.getByTestId("ranking-row");
    const checked = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-row"))));
    expect(checked.length).toBe(3);
    const before = await rankColumn(page, checked);
    // The first row down twice: [b, c, a]; a falls below the line of places.
    const first = page.locator(`[data-testid=ranking-row][data-row="${checked[0]}"]`);
    await first.scrollIntoViewIfNeeded();
    await first.getByTestId("ranking-down").click();
    await page.locator(`[data-testid=ranking-row][data-row="${checked[0]}"]`).getByTestId("ranking-down").click();
    const order = [checked[1], checked[2], checked[0]];
    expect(await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-row"))))).toEqual(order);
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-placed")))).toEqual(["true", "true", "false"]);
    // Nothing written before she confirms.
    expect(await rankColumn(page, checked)).toEqual(before);
    if (process.env.HUIZONG_SCREENSHOTS) {
      mkdirSync(process.env.HUIZONG_SCREENSHOTS, { recursive: true });
      await page.getByTestId("ranking-section").screenshot({ path: join(process.env.HUIZONG_SCREENSHOTS, "ranking.png") });
    }
    await page.getByTestId("ranking-confirm").click();
    await page.getByTestId("ranking-done").waitFor();
    expect(await rankColumn(page, order)).toEqual(["1", "2", "3"]);
    // The panel shows the new standing: the same order, the first two placed.
    expect(await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-row"))))).toEqual(order);

    // The export follows the ranks: b then c, a (over the quota) left out.
    const names = await rows.evaluateAll((els) => els.map((el) => el.querySelector("button")?.textContent?.replace(/^第\d+行\s*/, "") ?? ""));
    const sheetsBefore = await page.evaluate(() => (window as unknown as { previewHost: Host }).previewHost.listSheets());
    await page.getByTestId("bar-export").click();
    await page.getByTestId("bar-export-done").waitFor();
    const added = (await page.evaluate(() => (window as unknown as { previewHost: Host }).previewHost.listSheets())).find((n) => !sheetsBefore.includes(n))!;
    const lines = await page.evaluate(
      (name) => (window as unknown as { previewHost: Host }).previewHost.readGrid(name).then((g) => g.rows.map((r) => r.map((c) => String(c?.value ?? "")).join("|"))),
      added,
    );
    const at = (name: string) => lines.findIndex((l) => l.includes(name));
    expect(at(names[0])).toBeGreaterThan(0);
    expect(at(names[1])).toBeGreaterThan(at(names[0]));
    expect(at(names[2])).toBe(-1);

    // 撤销排序: the rank cells as they were.
    await page.evaluate((sheet) => (window as unknown as { previewHost: Host }).previewHost.select(sheet, "A1"), SHEET);
    await page.getByTestId("ranking-undo").click();
    await expect.poll(() => page.getByTestId("ranking-undo").count()).toBe(0);
    expect(await rankColumn(page, checked)).toEqual(before);
  });

  it("raised no page errors", () => {
    expect(pane.errors).toEqual([]);
  });
});
