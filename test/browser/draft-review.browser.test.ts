/**
 * Draft review in the pane (Chromium, preview host, benchmark-factory sample): the 2023 Jiangsu
 * notice (seed 000, three categories) pasted, 省工业互联网标杆工厂 picked, the draft reviewed — the
 * investment minimum corrected from the notice's 2000 to 3000 万元, the rest accepted — saved, and
 * the sample checked: every row's verdict is the engine's for the corrected draft, and rows whose
 * verdict the uncorrected draft gives otherwise show the corrected one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_FORMAT, BUNDLE_VERSION, parseProgrammeBundle } from "../../src/domain/bundle";
import { check } from "../../src/domain/check";
import { draftProgramme } from "../../src/domain/draft/draft";
import { rowVerdicts, type RowVerdict } from "../../src/domain/verdict";
import { jsBenchmarkFactory, sampleGrid } from "../../src/samples";
import { openPane, type Pane } from "./pane";

const NOTICE = readFileSync(join(__dirname, "../data/notices/000.txt"), "utf8");
const CATEGORY = "省工业互联网标杆工厂";
const CORRECTED_MIN = 3000;

/** The engine's report on the sample with the drafted programme, its investment minimum set to `min` (unchanged if undefined). */
function engineReport(min?: number) {
  const drafted = draftProgramme(NOTICE, { category: CATEGORY });
  if (!drafted.ok) throw new Error("seed 000 gives no draft");
  const programme = drafted.bundle.programme as unknown as { id: string; rowRules: Record<string, unknown>[] };
  const rule = programme.rowRules.find((r) => r.type === "investment-min");
  if (!rule) throw new Error("the draft has no investment minimum");
  const draftedMin = rule.min as number;
  if (min !== undefined) rule.min = min;
  const bundle = parseProgrammeBundle(JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, programme }));
  if (!bundle.ok) throw new Error("the draft's bundle does not read");
  return { id: programme.id, draftedMin: draftedMin, report: check(sampleGrid(jsBenchmarkFactory), { programme: bundle.programme, city: jsBenchmarkFactory.city }) };
}

/** Every row's verdict as the pane lists it: each finding group opened, every page shown. */
async function paneVerdicts(page: Page): Promise<Map<number, RowVerdict>> {
  const groups = page.locator("[data-testid=finding-group]");
  const out = new Map<number, RowVerdict>();
  for (let i = 0; i < (await groups.count()); i++) {
    const g = groups.nth(i);
    const severity = await g.getAttribute("data-severity");
    if ((await g.locator("[data-testid=finding]").count()) === 0) await g.locator("button").first().click();
    await g.locator("[data-testid=finding]").first().waitFor();
    while ((await g.locator("[data-testid=finding-more] button").count()) > 0) await g.locator("[data-testid=finding-more] button").first().click();
    const rows = await g.locator("[data-testid=finding]").evaluateAll((els) => els.map((el) => el.getAttribute("data-row") ?? ""));
    for (const r of rows.filter(Boolean).map(Number)) {
      if (severity === "error") out.set(r, "error");
      else if (severity === "warning" && out.get(r) !== "error") out.set(r, "warning");
    }
  }
  return out;
}

const sorted = (m: Map<number, RowVerdict>) => [...m.entries()].sort((a, b) => a[0] - b[0]);

describe("a draft from the notice, reviewed in the pane", () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=js-2023-benchmark-factory");
    await pane.page.getByTestId("check").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("pasted, reviewed (one threshold corrected, the rest accepted), saved: the verdicts follow the correction", async () => {
    const { page } = pane;
    const uncorrected = engineReport();
    const corrected = engineReport(CORRECTED_MIN);
    const before = rowVerdicts(uncorrected.report);
    const after = rowVerdicts(corrected.report);
    // The correction must change some row's verdict, or this test could not tell it was applied.
    const flipped = [...after.keys()].filter((r) => before.get(r) !== after.get(r));
    expect(uncorrected.draftedMin).not.toBe(CORRECTED_MIN);
    expect(flipped.length).toBeGreaterThan(0);

    await page.getByTestId("programmes-section-toggle").click();
    await page.getByTestId("draft-open").click();
    await page.getByTestId("draft-notice").fill(NOTICE);
    // Three categories: the first 起草 asks which, the second drafts the one picked.
    await page.getByTestId("draft-run").click();
    expect(await page.getByTestId("draft-category").locator("option").count()).toBe(3);
    await page.getByTestId("draft-category").selectOption(CATEGORY);
    await page.getByTestId("draft-run").click();
    await page.locator("[data-testid=editor][data-mode=draft]").waitFor();

    // Each drafted rule beside its sentence, to review; nothing can be saved before.
    expect(await page.locator("[data-testid^=editor-source-]").count()).toBeGreaterThan(3);
    expect(await page.getByTestId("editor-save").isEnabled()).toBe(false);
    const group = page.getByRole("group", { name: "投资额下限" });
    expect(await group.count()).toBe(1);
    const groupKey = (await group.getAttribute("data-testid"))!.slice("editor-group-".length);
    expect(await page.getByTestId(`editor-state-${groupKey}`).textContent()).toBe("待审核");
    expect(await page.getByTestId(`editor-source-${groupKey}`).textContent()).toContain(String(uncorrected.draftedMin));
    const min = group.locator("[data-testid^=editor-field-][data-testid$='.min']");
    expect(await min.inputValue()).toBe(String(uncorrected.draftedMin));
    await min.fill(String(CORRECTED_MIN));
    await expect.poll(() => page.getByTestId(`editor-state-${groupKey}`).textContent()).toBe("已更正");
    await expect.poll(() => page.getByTestId("editor-rules").textContent()).toContain(String(CORRECTED_MIN));
    expect(await page.getByTestId("editor-save").isEnabled()).toBe(false);

    await page.getByTestId("editor-accept-all").click();
    const states = await page.locator("[data-testid^=editor-state-]").allTextContents();
    expect(states.filter((s) => s === "已更正")).toHaveLength(1);
    expect(states.filter((s) => s === "已接受")).toHaveLength(states.length - 1);
    await expect.poll(() => page.getByTestId("editor-save").isEnabled()).toBe(true);
    await page.getByTestId("editor-save").click();
    await expect.poll(() => page.getByTestId("programmes-note").textContent()).toContain("已保存");
    expect(await page.getByTestId("programme").inputValue()).toBe(corrected.id);

    await page.getByTestId("check").click();
    await page.getByTestId("count-errors").waitFor();
    await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
    expect(await page.getByTestId("count-checked").locator("span").last().textContent()).toBe(String(corrected.report.counts.rowsChecked));
    expect(await page.getByTestId("count-errors").locator("span").last().textContent()).toBe(String(corrected.report.counts.errors));
    expect(await page.getByTestId("count-warnings").locator("span").last().textContent()).toBe(String(corrected.report.counts.warnings));
    const shown = await paneVerdicts(page);
    expect(sorted(shown)).toEqual(sorted(after));
    for (const r of flipped) expect(shown.get(r)).not.toBe(before.get(r));
    expect(pane.errors).toEqual([]);
  }, 180_000);
});
