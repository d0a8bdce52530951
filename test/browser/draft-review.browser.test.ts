/**
 * Draft review in the pane (Chromium, preview host, benchmark-factory sample): the 2023 Jiangsu
 * notice pasted, its category picked, the draft reviewed (one threshold corrected, the rest
 * accepted), saved, and the sample checked: the investment findings are the engine's for the
 * corrected draft, row for row.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { draftProgramme } from "../../src/domain/draft/draft";
import { Programme } from "../../src/domain/programme";
import { jsBenchmarkFactory, sampleGrid } from "../../src/samples";
import { openPane, type Pane } from "./pane";

const NOTICE = readFileSync(join(__dirname, "../data/notices/000.txt"), "utf8");
const CATEGORY = "省工业互联网标杆工厂";

describe("a draft from the notice, reviewed in the pane", () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=js-2023-benchmark-factory");
    await pane.page.getByTestId("check").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("pasted, reviewed with one threshold corrected, saved: the check follows the correction", async () => {
    const { page } = pane;
    await page.getByTestId("programmes-section-toggle").click();
    await page.getByTestId("draft-open").click();
    await page.getByTestId("draft-notice").fill(NOTICE);
    await page.getByTestId("draft-run").click();
    await page.getByTestId("draft-category").selectOption(CATEGORY);
    await page.getByTestId("draft-run").click();
    await page.locator("[data-testid=editor][data-mode=draft]").waitFor();
    // Nothing is saved before review.
    expect(await page.getByTestId("editor-save").isEnabled()).toBe(false);
    expect(await page.locator("[data-testid^=editor-source-]").count()).toBeGreaterThan(3);
    const min = page.locator("[data-testid^=editor-field-][data-testid$='.min']").first();
    const key = (await min.getAttribute("data-testid"))!.slice("editor-field-".length);
    await min.fill("3000");
    const group = key.split(".").slice(0, 3).join(".");
    await expect.poll(() => page.getByTestId(`editor-state-${group}`).textContent()).toBe("已更正");
    await page.getByTestId("editor-accept-all").click();
    await expect.poll(() => page.getByTestId("editor-save").isEnabled()).toBe(true);
    await page.getByTestId("editor-save").click();
    await expect.poll(() => page.getByTestId("programmes-note").textContent()).toContain("已保存");
    await page.getByTestId("check").click();
    await page.getByTestId("count-errors").waitFor();
    await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
    const group2 = page.locator('[data-testid=finding-group][data-code="investment-below-minimum"]');
    const rows: number[] = [];
    for (let i = 0; i < (await group2.count()); i++) {
      const g = group2.nth(i);
      if ((await g.locator("[data-testid=finding]").count()) === 0) await g.locator("button").first().click();
      rows.push(...(await g.locator("[data-testid=finding]").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-row"))))));
    }
    const drafted = draftProgramme(NOTICE, { category: CATEGORY });
    if (!drafted.ok) throw new Error("no draft");
    const p = drafted.bundle.programme as unknown as { rowRules: Record<string, unknown>[] };
    p.rowRules.find((r) => r.type === "investment-min")!.min = 3000;
    const expected = check(sampleGrid(jsBenchmarkFactory), { programme: Programme.parse(p), city: jsBenchmarkFactory.city });
    const want = [...new Set(expected.findings.filter((f) => f.code === "investment-below-minimum" && f.row !== undefined).map((f) => f.row!))].sort((a, b) => a - b);
    expect([...new Set(rows)].sort((a, b) => a - b)).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
    expect(pane.errors).toEqual([]);
  }, 180_000);
});
