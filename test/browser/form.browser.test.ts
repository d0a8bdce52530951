/**
 * Issue 13 in Chromium: the export preview shows exactly what the export writes; clearing the
 * marks keeps the results shown until the next check (issue 22); switching to another province's programme says the city changed; the
 * production taskpane.html outside Excel (or without office.js) says what to do.
 *
 * HUIZONG_SCREENSHOTS=<dir> also saves the pane after a check at 350 and 500 px wide.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openPane, type Pane } from "./pane";

type Snapshot = { cells: Record<string, { kind: string; value: unknown }> };

async function runCheck(page: Page): Promise<void> {
  await page.getByTestId("check").click();
  await page.getByTestId("finding-group").first().waitFor();
  await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
}

async function previewTable(page: Page): Promise<{ header: string[]; body: string[][] }> {
  return page.getByTestId("export-preview-table").evaluate((t) => ({
    header: [...t.querySelectorAll("thead th")].map((th) => th.textContent ?? ""),
    body: [...t.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
  }));
}

describe("export preview and pane fixes (preview host, 工赋百景 sample)", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=sd-2024-gfbj-2");
    page = pane.page;
    await page.getByTestId("check").waitFor();
  }, 240_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("shows the whole programme title and the deadline's date", async () => {
    expect(await page.getByTestId("programme-title").textContent()).toMatch(/工赋百景/);
    // The notice's deadline (2024-08-05) is past on any day this test runs: said with its date.
    expect(await page.getByTestId("deadline-left").textContent()).toMatch(/已于 2024-08-05 截止，已过 \d+ 天/);
  });

  it("previews the form before writing: paper, first rows, rows left out and why, the renumbered ranks", async () => {
    await runCheck(page);
    await page.getByTestId("export-preview").waitFor();
    expect(await page.getByTestId("export-preview-paper").getAttribute("data-paper")).toBe("A3");
    const left = await page.getByTestId("export-left-out").locator("li").allTextContents();
    expect(left.length).toBeGreaterThan(0);
    for (const l of left) expect(l).toMatch(/^第 \d+ 行：.+/);
    // Renumbering is covered by test/export (plan, cli, samples): with this sample's errors the kept ranks have no gap.
    await page.getByTestId("export-paper").selectOption("A4");
    await expect.poll(() => page.getByTestId("export-preview-paper").getAttribute("data-paper")).toBe("A4");
    await page.getByTestId("export-paper").selectOption("auto");
  });

  it("writes exactly what it previewed", async () => {
    // The whole form (a narrow pane shows its main columns first).
    await page.getByTestId("export-preview-columns").click();
    const shown = await previewTable(page);
    expect(shown.body.length).toBeGreaterThan(2);
    const tabs = page.getByRole("navigation", { name: "工作表" }).getByRole("button");
    const before = await tabs.allTextContents();
    await page.getByTestId("export-button").click();
    await page.getByTestId("export-done").waitFor();
    const added = (await tabs.allTextContents()).find((t) => !before.includes(t))!;
    const written = await page.evaluate((s) => (window as unknown as { previewHost: { snapshot(n: string): Snapshot } }).previewHost.snapshot(s), added);
    const text = (address: string) => {
      const c = written.cells[address];
      return c === undefined || c.value === null ? "" : String(c.value);
    };
    const letter = (i: number) => String.fromCharCode(65 + i);
    expect(shown.header.map((_, i) => text(`${letter(i)}4`))).toEqual(shown.header);
    shown.body.forEach((row, r) =>
      row.forEach((v, i) => {
        const cell = written.cells[`${letter(i)}${5 + r}`];
        if (cell?.kind === "number") expect(Number(v.replace(/,/g, "")), `${letter(i)}${5 + r}`).toBe(cell.value);
        else expect(v, `${letter(i)}${5 + r}`).toBe(text(`${letter(i)}${5 + r}`));
      }),
    );
  });

  it("clearing the marks keeps the findings shown until the next check", async () => {
    const tabs = page.getByRole("navigation", { name: "工作表" }).getByRole("button");
    await tabs.first().click();
    const groups = await page.getByTestId("finding-group").count();
    expect(groups).toBeGreaterThan(0);
    await page.getByTestId("clear").click();
    await expect.poll(() => page.getByTestId("clear").isDisabled()).toBe(true);
    expect(await page.getByTestId("finding-group").count()).toBe(groups);
    expect(await page.getByTestId("check").textContent()).toBe("重新检查");
  });

  it("says so when another province's programme replaces the city", async () => {
    expect(await page.getByTestId("city").inputValue()).toBe("青岛市");
    await page.getByTestId("programme").selectOption("js-2023-platform");
    const note = await page.getByTestId("city-changed").textContent();
    expect(note).toContain("青岛市");
    expect(note).toContain(await page.getByTestId("city").inputValue());
    await page.getByTestId("programme").selectOption("js-2023-star-cloud");
    expect(await page.getByTestId("city-changed").count()).toBe(0);
  });

  it("raised no page errors", () => {
    expect(pane.errors).toEqual([]);
  });
});

describe("taskpane.html outside Excel", () => {
  it("opened in a browser: says in Chinese (and English) to open it in Excel", async () => {
    const pane = await openPane("taskpane.html", { officeJsFromCdn: true });
    try {
      const box = pane.page.getByTestId("outside-excel");
      await box.waitFor({ timeout: 30_000 });
      expect(await box.getAttribute("data-reason")).toBe("not-excel");
      const text = (await box.textContent()) ?? "";
      expect(text).toMatch(/需要在 Excel 中打开/);
      expect(text).toMatch(/Open it in Excel/);
    } finally {
      await pane.close();
    }
  });

  it("where the network blocks office.js: says what to ask for", async () => {
    const pane = await openPane("taskpane.html", { blockOfficeJs: true });
    try {
      const box = pane.page.getByTestId("outside-excel");
      await box.waitFor({ timeout: 30_000 });
      expect(await box.getAttribute("data-reason")).toBe("no-office-js");
      expect((await box.textContent()) ?? "").toMatch(/appsforoffice\.microsoft\.com/);
    } finally {
      await pane.close();
    }
  });
});

// Registered only when asked: CI counts a skipped test as a failure.
if (process.env.HUIZONG_SCREENSHOTS) describe("screenshots of the pane after a check", () => {
  for (const width of [350, 500]) {
    it(`${width} px`, async () => {
      const pane = await openPane("preview.html?sample=js-2023-star-cloud");
      try {
        const page = pane.page;
        await page.getByTestId("check").waitFor();
        await page.addStyleTag({ content: `.pane { width: ${width}px !important; }` });
        // Tall enough for the results and the export preview below the settings.
        await page.setViewportSize({ width: 1600, height: 3000 });
        await runCheck(page);
        const dir = process.env.HUIZONG_SCREENSHOTS!;
        mkdirSync(dir, { recursive: true });
        await page.locator("aside.pane").screenshot({ path: join(dir, `pane-${width}.png`) });
      } finally {
        await pane.close();
      }
    });
  }
});
