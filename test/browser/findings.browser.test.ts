/**
 * The findings list at 350 × 700 (issue 22 item 5): after checking the 济南 sample (three districts),
 * filtering by one district and by severity shows exactly the engine's findings for that district and
 * severity, with the count; every finding names its enterprise (the whole list's say so); the order can
 * be changed; filtering never changes the sheet; each 校验结果 cell says each problem once.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinProgramme } from "../../src/domain/catalogue";
import { check } from "../../src/domain/check";
import { Report, type Finding } from "../../src/domain/report";
import { SAMPLES, sampleGrid } from "../../src/samples/index";
import { huizong, ROOT } from "../cli/run-cli";
import { openPane, type Pane } from "./pane";
import { join } from "node:path";

const sample = SAMPLES.find((s) => s.id === "sd-2023-platform")!;
const grid = sampleGrid(sample);
/** The sample's own cells, read here without the engine: 所在区县 is column B, 申报单位名称 column C. */
const cellText = (row: number, col: number) => String(grid.rows[row - grid.firstRow]?.[col]?.value ?? "").trim();
const districtOf = (f: Finding) => (f.row === undefined ? undefined : cellText(f.row, 1));
const enterpriseOf = (f: Finding) => (f.row === undefined ? undefined : cellText(f.row, 2));

type Host = { snapshot(s: string): unknown; listSheets(): Promise<string[]>; readGrid(s: string): Promise<{ rows: ({ value: unknown } | undefined)[][] }> };
const previewHost = (page: Page) => ({
  listSheets: () => page.evaluate(() => (window as unknown as { previewHost: Host }).previewHost.listSheets()),
  snapshot: (s: string) => page.evaluate((name) => (window as unknown as { previewHost: Host }).previewHost.snapshot(name), s),
  readGrid: (s: string) => page.evaluate((name) => (window as unknown as { previewHost: Host }).previewHost.readGrid(name), s),
});

async function shownCount(page: Page): Promise<{ shown: number; total: number; text: string }> {
  const c = page.getByTestId("findings-count");
  return { shown: Number(await c.getAttribute("data-shown")), total: Number(await c.getAttribute("data-total")), text: (await c.textContent()) ?? "" };
}

/** Every finding the flat list holds, all its pages shown. */
async function allFindings(page: Page): Promise<{ code: string; severity: string; row: string; enterprise: string; district: string; text: string }[]> {
  const more = page.locator("[data-testid=findings-flat] [data-testid=finding-more] button");
  while ((await more.count()) > 0) await more.first().click();
  return page.locator("[data-testid=findings-flat] [data-testid=finding]").evaluateAll((els) =>
    els.map((el) => ({
      code: el.getAttribute("data-code") ?? "",
      severity: el.getAttribute("data-severity") ?? "",
      row: el.getAttribute("data-row") ?? "",
      enterprise: el.getAttribute("data-enterprise") ?? "",
      district: el.getAttribute("data-district") ?? "",
      text: el.querySelector("[data-testid=finding-enterprise]")?.textContent ?? "",
    })),
  );
}

describe("the findings list at 350 × 700 (Chromium)", () => {
  let pane: Pane;
  let page: Page;
  let sheet = "";
  let engine: Finding[] = [];

  beforeAll(async () => {
    pane = await openPane("preview.html?sample=sd-2023-platform", { width: 350, height: 700 });
    page = pane.page;
    await page.getByTestId("check").waitFor();
    await page.getByTestId("programme").selectOption("sd-2023-platform");
    await page.getByTestId("city").selectOption("济南市");
    [sheet] = await previewHost(page).listSheets();
    await page.getByTestId("check").click();
    await page.getByTestId("results").waitFor();
    await page.locator("[data-testid=check]:not([disabled])").waitFor();
    const cli = JSON.parse((await huizong("check", join(ROOT, "samples", "sd-2023-platform.xlsx"), "-p", "sd-2023-platform", "-c", "济南市", "--json")).stdout) as Report;
    engine = cli.findings.filter((f) => f.code !== "priority");
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("the CLI on the sample file and the engine on the sample's grid agree: the sample is what the pane checked", () => {
    const direct = Report.parse(check(grid, { programme: builtinProgramme("sd-2023-platform"), city: "济南" }));
    expect(direct.findings.filter((f) => f.code !== "priority").map((f) => [f.code, f.row])).toEqual(engine.map((f) => [f.code, f.row]));
  });

  it("shows every finding with the count, and a district filter naming the sample's three districts", async () => {
    await page.getByTestId("findings-section").scrollIntoViewIfNeeded();
    expect(await shownCount(page)).toEqual({ shown: engine.length, total: engine.length, text: `显示 ${engine.length} / 共 ${engine.length} 条` });
    const options = await page.getByTestId("findings-district").locator("option").allTextContents();
    expect(options[0]).toBe(`全部区县（${engine.length}）`);
    for (const d of ["历城区", "历下区", "莱芜区"]) {
      const n = engine.filter((f) => districtOf(f) === d).length;
      expect(n).toBeGreaterThan(0);
      expect(options).toContain(`${d}（${n}）`);
    }
    // The controls fit the pane: nothing sticks out to the right.
    for (const id of ["findings-district", "findings-code", "findings-query", "findings-sort"]) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(350);
    }
  });

  it("filters by one district, then by severity: the counts are the engine's for that district and severity", async () => {
    const before = await previewHost(page).snapshot(sheet!);
    const d = "历下区";
    await page.getByTestId("findings-district").selectOption(d);
    const inDistrict = engine.filter((f) => districtOf(f) === d);
    expect(await shownCount(page)).toEqual({ shown: inDistrict.length, total: engine.length, text: `显示 ${inDistrict.length} / 共 ${engine.length} 条` });
    // The groups hold exactly those findings.
    const groupTotal = (await page.getByTestId("group-count").allTextContents()).reduce((n, t) => n + Number(t), 0);
    expect(groupTotal).toBe(inDistrict.length);

    for (const [label, severity] of [["错误", "error"], ["警告", "warning"]] as const) {
      const expected = inDistrict.filter((f) => f.severity === severity);
      // The choice itself counts within the district.
      await page.getByRole("radio", { name: `${label} ${expected.length}`, exact: true }).check();
      expect((await shownCount(page)).shown, `${d} ${severity}`).toBe(expected.length);
      const groups = await page.getByTestId("finding-group").evaluateAll((els) => els.map((el) => el.getAttribute("data-severity")));
      expect(new Set(groups)).toEqual(expected.length ? new Set([severity]) : new Set());
    }
    // Severity over every district.
    await page.getByTestId("findings-district").selectOption("");
    expect((await shownCount(page)).shown).toBe(engine.filter((f) => f.severity === "warning").length);
    await page.getByTestId("findings-clear").click();
    expect((await shownCount(page)).shown).toBe(engine.length);
    // The list is a view of the report: the sheet is as the check left it.
    expect(await previewHost(page).snapshot(sheet!)).toEqual(before);
  });

  it("every finding names its enterprise beside its row, the whole list's say so; sorted by row it is the engine's", async () => {
    await page.getByTestId("findings-sort").selectOption("row");
    const shown = await allFindings(page);
    expect(shown).toHaveLength(engine.length);
    const byRow = [...engine].sort((a, b) => (a.row ?? a.rows?.[0] ?? 0) - (b.row ?? b.rows?.[0] ?? 0));
    expect(shown.map((f) => [f.code, f.row])).toEqual(byRow.map((f) => [f.code, String(f.row ?? "")]));
    shown.forEach((f, i) => {
      const e = byRow[i]!;
      const name = e.row === undefined ? "整份名单" : enterpriseOf(e)!;
      expect(name, `${e.code} row ${e.row}`).not.toBe("");
      expect(f.enterprise).toBe(name);
      expect(f.text).toBe(name);
      expect(f.district).toBe(e.row === undefined ? "" : districtOf(e));
    });
    // By district and row, then a row number typed in.
    await page.getByTestId("findings-sort").selectOption("district");
    const byDistrict = (await allFindings(page)).map((f) => f.district || "\uffff");
    expect(byDistrict).toEqual([...byDistrict].sort((a, b) => (a === "\uffff" ? 1 : b === "\uffff" ? -1 : a.localeCompare(b, "zh-CN"))));
    const row = byRow.find((f) => f.row !== undefined)!.row!;
    await page.getByTestId("findings-query").fill(String(row));
    expect((await shownCount(page)).shown).toBe(engine.filter((f) => f.row === row).length);
    await page.getByTestId("findings-query").fill("");
    await page.getByTestId("findings-sort").selectOption("code");
  });

  it("each 校验结果 cell says each problem once", async () => {
    const { cells } = (await previewHost(page).snapshot(sheet!)) as { cells: Record<string, { value: unknown }> };
    const head = Object.entries(cells).find(([, c]) => c.value === "校验结果")![0];
    const [, col, headRow] = /^([A-Z]+)(\d+)$/.exec(head)!;
    const texts = Object.entries(cells)
      .filter(([a]) => a.startsWith(col!) && /^\d+$/.test(a.slice(col!.length)) && Number(a.slice(col!.length)) > Number(headRow))
      .map(([, c]) => String(c.value ?? ""))
      .filter(Boolean);
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) {
      const parts = t.split("。").flatMap((p) => p.replace(/^[^：]+：/, "").split("；")).map((p) => p.replace(/（[^（）]*）$/, ""));
      expect(new Set(parts).size, t).toBe(parts.length);
    }
  });

  it("keeps every control's id its own with the filters shown, and raised no page errors", async () => {
    const ids = await page.locator("aside.pane").evaluate((root) => {
      const all = [...root.querySelectorAll("[id]")].map((el) => el.id);
      const controls = [...root.querySelectorAll("input, select, textarea, [role=radio]")].map((el) => el.id || "(none)");
      return { all, controls };
    });
    expect(ids.all.filter((id, i) => ids.all.indexOf(id) !== i)).toEqual([]);
    expect(ids.controls).not.toContain("(none)");
    expect(pane.errors).toEqual([]);
  });
});
