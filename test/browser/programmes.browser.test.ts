/**
 * Programme definitions in the pane (Chromium, preview host, benchmark-factory sample): a bundle
 * imported from a file checks the sample, is still offered after a reload, and is removed after a
 * confirm; a broken bundle is refused with its JSON paths and messages and the list stays as it
 * was; a built-in copied in the editor with a later certificate date checks the sample with more
 * certificate errors, on exactly the rows whose certificate ends before the new date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { builtinProgramme } from "../../src/domain/catalogue";
import { bundleText, programmeToBundle } from "../../src/domain/bundle";
import { check } from "../../src/domain/check";
import { parseProgrammeBundle } from "../../src/domain/bundle";
import { jsBenchmarkFactory, sampleGrid } from "../../src/samples";
import { openPane, type Pane } from "./pane";

const BASE = "js-2023-benchmark-factory";

/** The built-in's definition file with another id and title. */
function bundleFile(id: string, edit: (p: Record<string, any>) => void = () => {}): string {
  const b = programmeToBundle(builtinProgramme(BASE)) as unknown as { programme: Record<string, any> };
  b.programme.id = id;
  b.programme.title = `${b.programme.title}（2027年）`;
  edit(b.programme);
  return bundleText(b as never);
}

async function runCheck(page: Page): Promise<void> {
  await page.getByTestId("check").click();
  await page.getByTestId("count-errors").waitFor();
  await expect.poll(() => page.getByTestId("check").isEnabled()).toBe(true);
}

/** Rows the pane lists under a finding code (its group opened). */
async function rowsOf(page: Page, code: string): Promise<number[]> {
  const group = page.locator(`[data-testid=finding-group][data-code="${code}"]`);
  if ((await group.count()) === 0) return [];
  const rows: number[] = [];
  for (let i = 0; i < (await group.count()); i++) {
    const g = group.nth(i);
    if ((await g.locator("[data-testid=finding]").count()) === 0) await g.locator("button").first().click();
    rows.push(...(await g.locator("[data-testid=finding]").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-row"))))));
  }
  return [...new Set(rows)].sort((a, b) => a - b);
}

async function openProgrammes(page: Page): Promise<void> {
  if ((await page.getByTestId("programmes").count()) === 0) await page.getByTestId("programmes-section-toggle").click();
  await page.getByTestId("programmes").waitFor();
}

async function chooserOptions(page: Page): Promise<string[]> {
  return page.getByTestId("programme").locator("option").allTextContents();
}

describe("programme definitions in the pane", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane(`preview.html?sample=${BASE}`);
    page = pane.page;
    await page.getByTestId("check").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("imports a bundle, checks the sample with it, keeps it across a reload, removes it after a confirm", async () => {
    await runCheck(page);
    const builtInErrors = await page.getByTestId("count-errors").textContent();
    const before = await chooserOptions(page);
    await openProgrammes(page);
    await page.getByTestId("programme-import-file").setInputFiles({ name: "bf-2027.json", mimeType: "application/json", buffer: Buffer.from(bundleFile("js-2027-bf")) });
    await expect.poll(() => page.getByTestId("programmes-note").textContent()).toContain("已导入");
    expect(await chooserOptions(page)).toEqual([...before, expect.stringContaining("（导入）")]);
    expect(await page.getByTestId("programme").inputValue()).toBe("js-2027-bf");
    expect(await page.getByTestId("programme-origin").textContent()).toMatch(/导入 · bf-2027\.json · \d{4}-\d{2}-\d{2}/);
    await runCheck(page);
    expect(await page.getByTestId("count-errors").textContent()).toBe(builtInErrors);

    await page.reload();
    await page.getByTestId("check").waitFor();
    // The preview keeps the imported list across loads, as a workbook file does (not the chosen settings).
    expect(await chooserOptions(page)).toEqual([...before, expect.stringContaining("（导入）")]);
    await page.getByTestId("programme").selectOption("js-2027-bf");
    expect(await page.getByTestId("programme-origin").textContent()).toContain("bf-2027.json");
    await runCheck(page);
    expect(await page.getByTestId("count-errors").textContent()).toBe(builtInErrors);
    await openProgrammes(page);
    await page.getByTestId("imported-remove-js-2027-bf").click();
    expect(await page.getByTestId("remove-ask").textContent()).toContain("移除");
    await page.getByTestId("remove-confirm").click();
    await expect.poll(() => chooserOptions(page)).toEqual(before);
    expect(await page.getByTestId("programme-origin").textContent()).toContain("内置");
    await page.reload();
    await page.getByTestId("check").waitFor();
    expect(await chooserOptions(page)).toEqual(before);
  }, 180_000);

  it("refuses a broken bundle with each problem's path and message; the list is unchanged", async () => {
    await openProgrammes(page);
    const before = await chooserOptions(page);
    const broken = bundleFile("js-2027-broken", (p) => {
      p.rowRules.find((r: { type: string }) => r.type === "certificate").after = "2023-02-30";
    });
    const expected = parseProgrammeBundle(broken);
    expect(expected.ok).toBe(false);
    await page.getByTestId("programme-import-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
    await page.getByTestId("import-refused").waitFor();
    expect(await page.getByTestId("import-refused").textContent()).toContain("“broken.json”不是可用的项目定义，未导入");
    const shown = await page.getByTestId("import-problem").allTextContents();
    expect(shown).toEqual(expected.ok ? [] : expected.problems.map((p) => `${p.path}：${p.zh}`));
    expect(shown.some((x) => /rowRules\[\d+\]\.after：/.test(x))).toBe(true);
    await page.getByTestId("programme-import-file").setInputFiles({ name: "not.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
    await expect.poll(() => page.getByTestId("import-problem").first().textContent()).toContain("不是有效的 JSON");
    expect(await chooserOptions(page)).toEqual(before);
    expect(await page.getByTestId("imported").count()).toBe(0);
  }, 120_000);

  it("copies a built-in, changes its certificate date: the rules say it, and the check follows", async () => {
    await page.getByTestId("programme").selectOption(BASE);
    await runCheck(page);
    const builtInRows = await rowsOf(page, "certificate-invalid");
    await openProgrammes(page);
    await page.getByTestId("copy-from").selectOption(BASE);
    await page.getByTestId("copy-start").click();
    await page.getByTestId("editor").waitFor();
    expect(await page.getByTestId("editor-id").inputValue()).toBe(`${BASE}-copy`);
    const certKey = await page.locator("[data-testid^=editor-field-][data-testid$=after]").first().getAttribute("data-testid");
    const cert = page.getByTestId(certKey!);
    expect(await cert.inputValue()).toBe("2023-03-31");
    // A value that is no date is said on its box and not used.
    await cert.fill("2025-02-30");
    await expect.poll(() => page.getByTestId("editor").textContent()).toContain("不是 YYYY-MM-DD 格式的有效日期");
    await cert.fill("2025-06-30");
    await expect.poll(() => page.getByTestId("editor-rules").textContent()).toMatch(/2025-06-30|2025年6月30日/);
    await page.getByTestId("editor-save").click();
    await expect.poll(() => page.getByTestId("programmes-note").textContent()).toContain("已保存");
    expect(await page.getByTestId("programme").inputValue()).toBe(`${BASE}-copy`);
    expect(await page.getByTestId("programme-origin").textContent()).toContain("新建");
    await runCheck(page);
    const copyRows = await rowsOf(page, "certificate-invalid");
    // What the engine says with the same date, row for row.
    const edited = parseProgrammeBundle(bundleFile(`${BASE}-copy`, (p) => (p.rowRules.find((r: { type: string }) => r.type === "certificate").after = "2025-06-30")));
    if (!edited.ok) throw new Error("edited bundle does not read");
    const expected = check(sampleGrid(jsBenchmarkFactory), { programme: edited.programme, city: jsBenchmarkFactory.city });
    const expectedRows = [...new Set(expected.findings.filter((f) => f.code === "certificate-invalid" && f.row !== undefined).map((f) => f.row!))].sort((a, b) => a - b);
    expect(copyRows).toEqual(expectedRows);
    expect(copyRows.length).toBeGreaterThan(builtInRows.length);
    for (const r of builtInRows) expect(copyRows).toContain(r);
    expect(pane.errors).toEqual([]);
  }, 180_000);
});
