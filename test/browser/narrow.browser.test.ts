/**
 * The pane as a clerk has it: 350 × 700 px. After a check the summary is in view; the action bar's
 * 导出 is reachable without scrolling; a setting changed after a check marks the results 已过期 and
 * the export checks again first; every form control has an id of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { openPane, type Pane } from "./pane";

const SHEET = "江宁区";

/** Whether the element's box lies within the window (the pane scrolls inside it). */
async function inViewport(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

async function check(page: Page): Promise<void> {
  // An export goes to (and selects) a new sheet; the list is what gets checked.
  await page.evaluate((sheet) => (window as unknown as { previewHost: { select(s: string, a: string): Promise<void> } }).previewHost.select(sheet, "A1"), SHEET);
  await page.getByTestId("check").click();
  await page.getByTestId("results").waitFor();
  await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
}

type Host = { listSheets(): Promise<string[]>; readGrid(s: string): Promise<{ rows: { kind: string; value: unknown }[][] }> };

describe("the pane at 350 × 700", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=js-2023-platform", { width: 350, height: 700 });
    page = pane.page;
    await page.getByTestId("check").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("after a check the summary is in view and 导出 is in reach, however far the pane scrolls", async () => {
    await check(page);
    for (const id of ["count-read", "count-errors", "count-priority", "summary-quota"]) expect(await inViewport(page.getByTestId(id)), id).toBe(true);
    expect(await page.getByTestId("summary-quota").textContent()).toMatch(/截止日期/);
    // To the very bottom of the pane: the action bar stays.
    await page.locator("aside.pane").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await inViewport(page.getByTestId("bar-export"))).toBe(true);
    expect(await inViewport(page.getByTestId("check"))).toBe(true);
    await page.getByTestId("bar-export").click();
    await page.getByTestId("bar-export-done").waitFor();
    expect(await page.getByTestId("bar-export-done").textContent()).toMatch(/已导出 \d+ 行到工作表“.+”/);
  });

  it("shows the export preview's main columns across the pane, the whole form on demand", async () => {
    const table = page.getByTestId("export-preview-table");
    await table.scrollIntoViewIfNeeded();
    const narrow = await table.evaluate((el) => ({ width: el.getBoundingClientRect().width, box: el.parentElement!.getBoundingClientRect().width, columns: el.querySelectorAll("thead th").length }));
    expect(narrow.columns).toBeGreaterThanOrEqual(2);
    expect(narrow.columns).toBeLessThanOrEqual(4);
    expect(narrow.width).toBeLessThanOrEqual(narrow.box + 1);
    // A name keeps whole characters per line, never one a line: its cell is wider than two characters.
    const cellWidths = await table.locator("tbody td").evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
    expect(Math.max(...cellWidths)).toBeGreaterThan(60);
    await page.getByTestId("export-preview-columns").click();
    expect(await table.locator("thead th").count()).toBeGreaterThan(narrow.columns);
  });

  it("a setting changed after a check marks the results 已过期, and 导出 checks again first", async () => {
    await check(page);
    expect(await page.getByTestId("stale").count()).toBe(0);
    expect(await page.getByTestId("results").getAttribute("data-stale")).toBe("false");
    await page.getByTestId("settings-section").scrollIntoViewIfNeeded();
    await page.getByTestId("city").selectOption("苏州市");
    await page.getByTestId("stale-badge").waitFor();
    expect(await page.getByTestId("stale-badge").textContent()).toBe("已过期");
    expect(await page.getByTestId("stale").getAttribute("data-why")).toBe("settings");
    expect(await page.getByTestId("bar-export").textContent()).toBe("重新检查并导出");
    const before = await page.evaluate(() => (window as unknown as { previewHost: Host }).previewHost.listSheets());
    await page.getByTestId("bar-export").click();
    await page.getByTestId("bar-export-done").waitFor();
    // Checked again with 苏州市: the results stand again and the new table is 苏州's.
    expect(await page.getByTestId("stale").count()).toBe(0);
    expect(await page.getByTestId("results").getAttribute("data-stale")).toBe("false");
    const after = await page.evaluate(() => (window as unknown as { previewHost: Host }).previewHost.listSheets());
    const added = after.find((n) => !before.includes(n))!;
    // The form's title and header lines (附件7, the title, 推荐单位 …).
    const title = await page.evaluate(
      (name) => (window as unknown as { previewHost: Host }).previewHost.readGrid(name).then((g) => g.rows.slice(0, 4).map((r) => r.map((c) => String(c?.value ?? "")).join(" ")).join("\n")),
      added,
    );
    expect(title).toContain("苏州");
    expect(title).not.toContain("南京");
    // Back as it was: the results are as checked again.
    await page.getByTestId("city").selectOption("南京市");
    await page.getByTestId("stale").waitFor();
  });

  it("gives every form control an id of its own, merge dialog and columns panel open", async () => {
    await check(page);
    await page.getByTestId("merge-open").click();
    await page.getByTestId("merge-panel").waitFor();
    await page.getByTestId("columns-button").click();
    const ids = await page.locator("aside.pane").evaluate((root) => {
      const all = [...root.querySelectorAll("[id]")].map((el) => el.id);
      const controls = [...root.querySelectorAll("input, select, textarea, button[role=checkbox], [role=radio], [role=combobox]")].map((el) => el.id || `(none:${el.outerHTML.slice(0, 60)})`);
      const labelsFor = [...root.querySelectorAll("label[for]")].map((l) => l.getAttribute("for")!);
      return { all, controls, labelsFor };
    });
    const dupes = ids.all.filter((id, i) => ids.all.indexOf(id) !== i);
    expect(dupes).toEqual([]);
    expect(ids.controls.filter((id) => id.startsWith("(none"))).toEqual([]);
    // Every label points at one control, and no two labels at the same one.
    expect(ids.labelsFor.filter((id, i) => ids.labelsFor.indexOf(id) !== i)).toEqual([]);
    // Clicking a merge sheet's label ticks that sheet, not another.
    const boxes = page.getByTestId("merge-panel").getByRole("checkbox");
    const count = await boxes.count();
    expect(count).toBeGreaterThanOrEqual(2);
    await page.getByTestId("merge-panel").locator("label").filter({ hasText: /^优先企业名单$/ }).click();
    const checked = await boxes.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).checked));
    expect(checked.filter(Boolean).length).toBe(1);
    const name = await page.getByTestId("merge-panel").getByRole("checkbox", { checked: true }).evaluate((el) => document.querySelector(`label[for="${el.id}"]`)?.textContent);
    expect(name).toBe("优先企业名单");
  });

  it("raised no page errors", () => {
    expect(pane.errors).toEqual([]);
  });
});
