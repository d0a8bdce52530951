/**
 * The task pane in Chromium, on the preview host with the bundled js-2023-platform sample: check,
 * grouped findings, a finding selects its cell, clearing restores the sheet, twice = once.
 * Drives the real App and the real engine; the only stand-in is the in-memory workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPane, type Pane } from "./pane";

const SHEET = "江宁区";

/** What the user sees of the sheet: every drawn cell's text, fill and note marker. */
async function sheetView(page: Page): Promise<string[]> {
  return page.locator("[data-testid=sheet] td[data-address]").evaluateAll((tds) =>
    tds.map((td) => `${td.getAttribute("data-address")}|${td.textContent}|${td.getAttribute("data-fill") ?? ""}|${td.classList.contains("note") ? "note" : ""}`),
  );
}

/** The in-memory workbook behind the page. */
async function snapshot(page: Page): Promise<unknown> {
  return page.evaluate((sheet) => (window as unknown as { previewHost: { snapshot(s: string): unknown } }).previewHost.snapshot(sheet), SHEET);
}

async function groups(page: Page): Promise<{ code: string; severity: string; count: number; items: number }[]> {
  return page.getByTestId("finding-group").evaluateAll((els) =>
    els.map((el) => ({
      code: el.getAttribute("data-code") ?? "",
      severity: el.getAttribute("data-severity") ?? "",
      count: Number(el.querySelector("[data-testid=group-count]")?.textContent ?? "NaN"),
      items: el.querySelectorAll("[data-testid=finding]").length,
    })),
  );
}

async function runCheck(page: Page): Promise<void> {
  const before = await page.getByTestId("check").textContent();
  await page.getByTestId("check").click();
  await page.getByTestId("finding-group").first().waitFor();
  await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
  if (before === "检查") await expect.poll(() => page.getByTestId("check").textContent()).toBe("重新检查");
}

describe("task pane on the preview host (Chromium)", () => {
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

  it("renders the pane in Chinese beside the sample sheet", async () => {
    await expect.poll(() => page.getByTestId("check").textContent()).toBe("检查");
    expect(await page.locator("h1").first().textContent()).toBe("推荐汇总助手");
    expect(await page.getByTestId("notice").textContent()).toContain("截止");
    expect(await page.locator('td[data-address="A1"]').textContent()).toContain("推荐汇总表");
    expect(await page.locator('td[data-address="A1"]').getAttribute("colspan")).toBe("16");
  });

  let original: { view: string[]; book: unknown };
  let afterFirst: { view: string[]; book: unknown; groups: Awaited<ReturnType<typeof groups>>; counts: string };

  it("runs a check and shows the findings grouped by code, with marks on the sheet", async () => {
    original = { view: await sheetView(page), book: await snapshot(page) };
    await runCheck(page);
    const g = await groups(page);
    expect(g.length).toBeGreaterThanOrEqual(4);
    const codes = g.map((x) => x.code);
    expect(codes).toContain("uscc-numeric-truncated");
    expect(codes).toContain("duplicate-applicant");
    expect(codes).toContain("uscc-outside-province");
    // errors first, and every count matches the group's items
    const order = g.map((x) => x.severity);
    expect(order.indexOf("warning") === -1 || order.lastIndexOf("error") < order.indexOf("warning")).toBe(true);
    for (const x of g.filter((x) => x.items > 0)) expect(x.count).toBe(x.items);
    const errors = Number(await page.getByTestId("count-errors").locator("span").last().textContent());
    expect(g.filter((x) => x.severity === "error").reduce((n, x) => n + x.count, 0)).toBe(errors);

    // marks: the 校验结果 column right of the data (P is the last data column), fills on flagged cells
    expect(await page.locator('td[data-address="Q3"]').textContent()).toBe("校验结果");
    expect(await page.locator('td[data-address="D7"]').getAttribute("data-fill")).toBe("#FFC7CE");
    expect(await page.locator('td[data-address="Q7"]').textContent()).toContain("错误");
    expect(await page.locator("[data-testid=sheet] td[data-fill]").count()).toBeGreaterThan(10);

    afterFirst = { view: await sheetView(page), book: await snapshot(page), groups: g, counts: (await page.getByTestId("count-errors").textContent()) ?? "" };
    // A wide window shows the whole list with its 校验结果 column; the pane scrolls like the real one.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole("region", { name: "检查结果" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: process.env.HUIZONG_SCREENSHOT ?? join(tmpdir(), "preview-after-check.png") });
  });

  it("filters the findings by severity", async () => {
    await page.getByRole("radio", { name: /^警告/ }).check();
    const warnings = await groups(page);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((x) => x.severity === "warning")).toBe(true);
    await page.getByRole("radio", { name: "全部" }).check();
    expect((await groups(page)).length).toBe(afterFirst.groups.length);
  });

  it("clicking a finding selects its cell in the sheet", async () => {
    const finding = page.locator('[data-testid=finding][data-code="uscc-numeric-truncated"]').first();
    if (!(await finding.isVisible())) await page.locator('[data-testid=finding-group][data-code="uscc-numeric-truncated"] button').first().click();
    const where = await finding.getAttribute("data-where");
    expect(where).toBe("D7");
    await finding.click();
    await expect.poll(() => page.getByTestId("selection").textContent()).toBe(`${SHEET}!D7`);
    expect(await page.locator('td[data-address="D7"]').getAttribute("class")).toContain("sel");
  });

  it("selects from the keyboard too", async () => {
    const finding = page.locator('[data-testid=finding][data-code="uscc-outside-province"]').first();
    if (!(await finding.isVisible())) await page.locator('[data-testid=finding-group][data-code="uscc-outside-province"] button').first().click();
    const where = await finding.getAttribute("data-where");
    await finding.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("selection").textContent()).toBe(`${SHEET}!${where}`);
  });

  it("checking again leaves the same sheet and the same findings", async () => {
    await page.locator('[data-testid=sheet] td[data-address="A1"]').scrollIntoViewIfNeeded();
    await runCheck(page);
    expect(await snapshot(page)).toEqual(afterFirst.book);
    // Same groups and counts; how many items show depends on which groups the user opened.
    const summary = (gs: Awaited<ReturnType<typeof groups>>) => gs.map(({ code, severity, count }) => ({ code, severity, count }));
    expect(summary(await groups(page))).toEqual(summary(afterFirst.groups));
    expect(await page.getByTestId("count-errors").textContent()).toBe(afterFirst.counts);
  });

  it("exports the summary table to a new sheet, leaving the list as it was", async () => {
    const tabs = page.getByRole("navigation", { name: "工作表" }).getByRole("button");
    const before = await tabs.allTextContents();
    await page.getByTestId("export-button").click();
    await page.getByTestId("export-done").waitFor();
    expect(await page.getByTestId("export-done").textContent()).toMatch(/已导出 \d+ 行到工作表“.+”/);
    const after = await tabs.allTextContents();
    expect(after.length).toBe(before.length + 1);
    const added = after.find((t) => !before.includes(t))!;
    expect(await page.getByTestId("selection").textContent()).toBe(`${added}!A1`);
    expect((await page.locator("[data-testid=sheet]").textContent()) ?? "").toContain("汇总表");
    expect(await snapshot(page)).toEqual(afterFirst.book);
    await tabs.filter({ hasText: new RegExp(`^${SHEET}$`) }).click();
    await expect.poll(() => page.getByTestId("selection").textContent()).toBe(`${SHEET}!A1`);
  });

  it("clearing the marks gives back the sheet exactly as it was", async () => {
    await page.getByTestId("clear").click();
    await expect.poll(() => page.getByTestId("clear").isDisabled()).toBe(true);
    expect(await snapshot(page)).toEqual(original.book);
    const view = await sheetView(page);
    expect(view).toEqual(original.view);
  });

  it("says the results are stale after the user edits the sheet", async () => {
    await runCheck(page);
    expect(await page.getByTestId("stale").count()).toBe(0);
    await page.evaluate(
      (sheet) => (window as unknown as { previewHost: { editCell(s: string, a: string, v: unknown): void } }).previewHost.editCell(sheet, "C5", { kind: "text", value: "南京瑞达精密机械有限公司" }),
      SHEET,
    );
    await page.getByTestId("stale").waitFor();
    expect(await page.getByTestId("stale").textContent()).toContain("重新检查");
  });

  it("checking a selection whose next column holds the district's note: findings shown, nothing marked, the reason said", async () => {
    // A fresh pane on the fresh sample: whatever findings show come from this check.
    await page.reload();
    await page.getByTestId("check").waitFor();
    expect(await page.getByTestId("finding-group").count()).toBe(0);
    type Host = { editCell(s: string, a: string, v: unknown): void; select(s: string, a: string): Promise<void>; readGrid(s: string): Promise<{ firstRow: number; rows: unknown[] }> };
    await page.evaluate(async (sheet) => {
      const host = (window as unknown as { previewHost: Host }).previewHost;
      const grid = await host.readGrid(sheet);
      host.editCell(sheet, "Q5", { kind: "text", value: "区里备注：材料后补" });
      await host.select(sheet, `A${grid.firstRow}:P${grid.firstRow + grid.rows.length - 1}`);
    }, SHEET);
    const before = await snapshot(page);
    await page.getByRole("radio", { name: "当前选中区域" }).check();
    await page.getByTestId("check").click();
    await page.getByTestId("error").waitFor();
    expect(await page.getByTestId("error").textContent()).toMatch(/Q5.*已有内容.*未做标记/);
    expect(await snapshot(page)).toEqual(before);
    const summary = (gs: Awaited<ReturnType<typeof groups>>) => gs.map(({ code, severity, count }) => ({ code, severity, count }));
    expect(summary(await groups(page))).toEqual(summary(afterFirst.groups));
    expect(await page.getByTestId("clear").isDisabled()).toBe(true);
  });

  it("a stray value far from the list: the same findings, plus one warning titled and naming the cell", async () => {
    await page.reload();
    await page.getByTestId("check").waitFor();
    await page.evaluate(
      (sheet) => (window as unknown as { previewHost: { editCell(s: string, a: string, v: unknown): void } }).previewHost.editCell(sheet, "XFD1048576", { kind: "text", value: "测试" }),
      SHEET,
    );
    await runCheck(page);
    const all = await groups(page);
    const summary = (gs: typeof all) => gs.map(({ code, severity, count }) => ({ code, severity, count }));
    expect(summary(all.filter((g) => g.code !== "cells-outside-list"))).toEqual(summary(afterFirst.groups));
    const far = page.locator('[data-testid=finding-group][data-code="cells-outside-list"]');
    expect(await far.textContent()).toContain("名单以外还有单元格");
    if (!(await far.locator("[data-testid=finding]").first().isVisible())) await far.locator("button").first().click();
    expect(await far.locator("[data-testid=finding]").first().textContent()).toContain("XFD1048576“测试”");
    // Marked as without it; the preview draws its window and says the sheet reaches further.
    expect(((await snapshot(page)) as { fills: unknown }).fills).toEqual((afterFirst.book as { fills: unknown }).fills);
    expect(await page.getByTestId("sheet-cut").textContent()).toContain("1048576");
  });

  it("raised no page errors", () => {
    expect(pane.errors).toEqual([]);
  });

  it("requested nothing off localhost", () => {
    const off = pane.requests.filter((u) => !/^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:|about:)/.test(u));
    expect(off).toEqual([]);
  });
});
