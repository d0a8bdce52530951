/**
 * Never silent about an optional decisive column (issue 21), in Chromium on the preview host: the
 * sd-2023-platform sample with its ownership column (H) headed 企业背景, a wording in neither header
 * corpus. The matcher does not read it on that header, but its cells are ownership words: the check
 * says so (column-unused, naming the quota exemption that did not run) and opens 列对应 with the
 * suggestion preselected and marked 建议; one click on 确认 reads the column and the exemption runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openPane, type Pane } from "./pane";

const URL = `preview.html?sample=sd-2023-platform&header.H=${encodeURIComponent("企业背景")}`;

async function codes(page: Page): Promise<string[]> {
  return page.getByTestId("finding-group").evaluateAll((els) => els.map((el) => el.getAttribute("data-code") ?? ""));
}

async function waitIdle(page: Page): Promise<void> {
  await page.getByTestId("finding-group").first().waitFor();
  await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
}

describe("an unseen wording for an optional decisive column (Chromium)", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane(URL);
    page = pane.page;
    await page.getByTestId("check").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("the check says the column is unused and opens 列对应 with the suggestion preselected", async () => {
    expect(await page.locator('td[data-address="H3"]').textContent()).toBe("企业背景");
    await page.getByTestId("check").click();
    await waitIdle(page);
    await page.getByTestId("columns-panel").waitFor();
    const found = await codes(page);
    expect(found).toContain("column-unused");
    expect(found).not.toContain("quota-exempt");
    const h = page.locator('[data-testid=column][data-column="H"]');
    expect(await h.getAttribute("data-field")).toBe("");
    expect(await h.getByTestId("column-field").inputValue()).toBe("ownership");
    expect(await h.getByTestId("column-preselected").textContent()).toBe("建议");
    expect(await page.getByTestId("columns-preselected-note").count()).toBe(1);
  });

  it("one click on 确认 reads the column: the quota exemption that was missing runs", async () => {
    await page.getByTestId("columns-confirm").click();
    await page.locator('[data-testid=mapping-note][data-source="confirmed"]').waitFor();
    await waitIdle(page);
    expect(await page.getByTestId("columns-panel").count()).toBe(0);
    const found = await codes(page);
    expect(found).toContain("quota-exempt");
    expect(found).not.toContain("column-unused");
  });

  it("raised no page errors", () => {
    expect(pane.errors).toEqual([]);
  });
});
