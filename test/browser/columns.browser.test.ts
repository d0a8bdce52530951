/**
 * The 列对应 panel in Chromium on the preview host: the js-2023-platform sample headed as another
 * district might head it (代码号 for the USCC column, 现状 for the construction status), so the
 * matcher reads neither by itself. The panel shows those columns with suggestions from their
 * content, the user chooses, the re-check reads the columns as chosen (row 7's USCC stored as a
 * number and row 10's platform still 在建 are flagged), and after a page reload the saved choice
 * is applied again. The input cells never change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPane, type Pane } from "./pane";

const SHEET = "江宁区";
const URL = `preview.html?sample=js-2023-platform&header.D=${encodeURIComponent("代码号")}&header.H=${encodeURIComponent("现状")}`;

/** The list's cells, without the 校验结果 column (Q) the check adds. */
async function inputCells(page: Page): Promise<Record<string, unknown>> {
  const snap = await page.evaluate((sheet) => (window as unknown as { previewHost: { snapshot(s: string): { cells: Record<string, unknown> } } }).previewHost.snapshot(sheet), SHEET);
  return Object.fromEntries(Object.entries(snap.cells).filter(([a]) => !a.startsWith("Q")));
}

async function codes(page: Page): Promise<string[]> {
  return page.getByTestId("finding-group").evaluateAll((els) => els.map((el) => el.getAttribute("data-code") ?? ""));
}

const column = (page: Page, letter: string) => page.locator(`[data-testid=column][data-column="${letter}"]`);

async function waitIdle(page: Page): Promise<void> {
  await page.getByTestId("finding-group").first().waitFor();
  await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
}

describe("the 列对应 panel on the preview host (Chromium)", () => {
  let pane: Pane;
  let page: Page;
  let original: Record<string, unknown>;

  beforeAll(async () => {
    pane = await openPane(URL);
    page = pane.page;
    await page.getByTestId("check").waitFor();
    original = await inputCells(page);
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("the sample is headed oddly in D and H", async () => {
    expect(await page.locator('td[data-address="D3"]').textContent()).toBe("代码号");
    expect(await page.locator('td[data-address="H3"]').textContent()).toBe("现状");
  });

  it("a check opens the panel by itself, the two odd columns with suggestions", async () => {
    await page.getByTestId("check").click();
    await waitIdle(page);
    await page.getByTestId("columns-panel").waitFor();
    expect(await codes(page)).toContain("header-missing");
    // Row 7's USCC column is not read yet: no mark on D7.
    expect(await page.locator('td[data-address="D7"]').getAttribute("data-fill")).toBeNull();
    expect(await page.getByTestId("column").count()).toBe(16);
    expect(await codes(page)).not.toContain("not-built");
    for (const [letter, header, suggestion] of [["D", "代码号", "uscc"], ["H", "现状", "constructionStatus"]]) {
      expect(await column(page, letter).getByTestId("column-header").textContent()).toBe(header);
      expect(await column(page, letter).getAttribute("data-field")).toBe("");
      expect(await column(page, letter).getByTestId("column-suggestion").getAttribute("data-field")).toBe(suggestion);
      expect((await column(page, letter).getByTestId("column-samples").textContent())?.split("；").length).toBe(3);
      // Preselected, marked 建议: one click on 确认 would take it.
      expect(await column(page, letter).getByTestId("column-field").inputValue()).toBe(suggestion);
      expect(await column(page, letter).getByTestId("column-preselected").count()).toBe(1);
    }
    expect(await column(page, "C").getAttribute("data-field")).toBe("applicant");
    // The check missed the USCC column, but the panel's preselected D covers it: nothing left missing there.
    expect(await page.getByTestId("columns-missing").count()).toBe(0);
    expect(await inputCells(page)).toEqual(original);
  });

  it("fits a 350 px pane", async () => {
    await page.addStyleTag({ content: ".pane { width: 350px !important; }" });
    const overflow = await page.locator(".pane").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await column(page, "D").scrollIntoViewIfNeeded();
    await page.locator(".pane").screenshot({ path: join(tmpdir(), "columns-panel.png") });
  });

  it("the user chooses by label and keyboard; one field for two columns is refused", async () => {
    // Every choice is a labelled control.
    await page.getByLabel("D 列 代码号").selectOption({ label: "统一社会信用代码（必需）（建议）" });
    await page.getByLabel("C 列 申报单位").selectOption("uscc");
    await page.getByTestId("columns-twice").waitFor();
    expect(await page.getByTestId("columns-confirm").isDisabled()).toBe(true);
    await page.getByLabel("C 列 申报单位").selectOption("applicant");
    expect(await page.getByTestId("columns-twice").count()).toBe(0);
    // From the keyboard: set H back to 不使用此列, then focus it and step down to the suggested field.
    const status = page.getByLabel("H 列 现状");
    await status.selectOption("");
    expect(await column(page, "H").getByTestId("column-preselected").count()).toBe(0);
    await status.focus();
    const options = await status.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    for (let i = 0; i < options.indexOf("constructionStatus"); i++) await page.keyboard.press("ArrowDown");
    await expect.poll(() => status.inputValue()).toBe("constructionStatus");
    expect(await page.getByTestId("columns-missing").count()).toBe(0);
  });

  let confirmedCodes: string[];

  it("confirming checks again with the choices: row 7's USCC and row 10's 在建 are flagged, the panel closes", async () => {
    await page.getByTestId("columns-confirm").click();
    await page.locator('[data-testid=mapping-note][data-source="confirmed"]').waitFor();
    await waitIdle(page);
    expect(await page.getByTestId("columns-panel").count()).toBe(0);
    confirmedCodes = await codes(page);
    expect(confirmedCodes).not.toContain("header-missing");
    expect(confirmedCodes).toContain("uscc-numeric-truncated");
    expect(confirmedCodes).toContain("not-built");
    expect(await page.locator('td[data-address="Q10"]').textContent()).toContain("未建成（H列）");
    expect(await page.locator('td[data-address="D7"]').getAttribute("data-fill")).toBe("#FFC7CE");
    expect(await page.locator('td[data-address="Q7"]').textContent()).toContain("错误");
    expect(await inputCells(page)).toEqual(original);
    // On demand the panel shows the columns as confirmed.
    await page.getByTestId("columns-button").click();
    expect(await column(page, "D").getAttribute("data-field")).toBe("uscc");
    expect(await column(page, "D").getByTestId("column-why").textContent()).toContain("您确认的");
    await page.getByTestId("columns-close").click();
    expect(await page.getByTestId("columns-panel").count()).toBe(0);
  });

  it("after a reload the saved choice is applied again, and said so", async () => {
    await page.reload();
    await page.getByTestId("check").waitFor();
    expect(await inputCells(page)).toEqual(original);
    await page.getByTestId("check").click();
    await page.locator('[data-testid=mapping-note][data-source="workbook"]').waitFor();
    await waitIdle(page);
    expect(await page.getByTestId("mapping-note").textContent()).toContain("保存的列对应");
    expect(await codes(page)).toEqual(confirmedCodes);
    expect(await page.locator('td[data-address="D7"]').getAttribute("data-fill")).toBe("#FFC7CE");
    expect(await page.getByTestId("columns-panel").count()).toBe(0);
    expect(await inputCells(page)).toEqual(original);
  });

  it("恢复自动识别 forgets it: the next check reads the columns as the matcher does", async () => {
    await page.getByTestId("mapping-reset").click();
    await page.getByTestId("columns-panel").waitFor();
    await waitIdle(page);
    expect(await page.getByTestId("mapping-note").count()).toBe(0);
    expect(await codes(page)).toContain("header-missing");
    expect(await page.locator('td[data-address="D7"]').getAttribute("data-fill")).toBeNull();
    await page.reload();
    await page.getByTestId("check").click();
    await waitIdle(page);
    expect(await page.getByTestId("mapping-note").count()).toBe(0);
    expect(await inputCells(page)).toEqual(original);
  });

  it("raised no page errors and requested nothing off localhost", () => {
    expect(pane.errors).toEqual([]);
    const off = pane.requests.filter((u) => !/^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:|about:)/.test(u));
    expect(off).toEqual([]);
  });
});
