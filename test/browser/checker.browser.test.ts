/**
 * 推荐汇总助手 网页版 (checker.html), on the production build, in Chromium with Microsoft's office.js
 * blocked: LibreOffice's 江宁区.xls is opened, checked, its findings filtered, and the summary and the
 * marked copy downloaded. The copy, read back with exceljs, holds every cell of the file unchanged,
 * the engine's result per row in 校验结果 and the marks' fills and notes. Then the same from the built
 * folder opened on disk (file://), as a bureau without a server would use it.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writtenCell, type Cell, type Grid } from "../../src/domain/cells";
import { getProgramme } from "../../src/domain/catalogue";
import type { Report } from "../../src/domain/report";
import { rowVerdicts } from "../../src/domain/verdict";
import { buildExportWorkbook } from "../../src/export/xlsx";
import { engine } from "../../src/workbook/engine";
import { MARK_COLOURS, planMarks } from "../../src/workbook/marks";
import type { MarkPlan } from "../../src/workbook/port";
import { PreviewHost } from "../../src/workbook/preview-host";
import { readXlsx } from "../../src/workbook/xlsx-adapter";
import { cellsFromA1 } from "../../src/app/files";
import { build } from "./global-setup";
import { openPane, OFFICE_JS_CDN, type Pane } from "./pane";
import { serveDirectory, type StaticServer } from "./static-server";

const FILE = join(__dirname, "..", "data", "files", "江宁区.xls");
const PROGRAMME = "js-2023-platform";
const CITY = "南京市";

const count = async (page: Page, id: string) => Number(await page.getByTestId(id).locator("span").last().textContent());

/**
 * What the engine makes of the file, in Node: the list as the file holds it (`grid`), and the report
 * and marks of the sheet it lands as (values, as Excel keeps what the pane writes: a formula's text
 * is not landed, only its result).
 */
async function expected(): Promise<{ grid: Grid; report: Report; plan: MarkPlan }> {
  const programme = getProgramme(PROGRAMME)!;
  const opened = await engine.openFile({ name: "江宁区.xls", bytes: new Uint8Array(readFileSync(FILE)) }, programme);
  const { grid, findings } = opened.lists[0];
  const host = new PreviewHost({ sheets: [{ name: "Sheet1", rows: [] }] });
  const sheet = await host.addSheet("江宁区", cellsFromA1(grid), grid.shape);
  const landed = await host.readGrid(sheet);
  const report = engine.check(landed, { programme, city: CITY, ...(findings.length ? { readFindings: findings } : {}) });
  return { grid, report, plan: planMarks(report, landed, "zh") };
}

/** Picks the programme and city, opens the .xls in the pane's file input and waits for its check. */
async function openAndCheck(page: Page): Promise<void> {
  await page.getByTestId("check").waitFor();
  await page.getByTestId("programme").selectOption(PROGRAMME);
  await page.getByTestId("city").selectOption(CITY);
  await page.getByTestId("open-file-input").setInputFiles({ name: "江宁区.xls", mimeType: "application/vnd.ms-excel", buffer: readFileSync(FILE) });
  await page.getByTestId("open-file-done").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("error").count()).toBe(0);
}

async function downloadMarkedCopy(page: Page): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("marked-copy-button").click()]);
  await page.getByTestId("marked-copy-done").waitFor();
  return download;
}

/** The marked copy against the file and the engine: cells unchanged, results, fills and notes. */
async function assertMarkedCopy(path: string, want: { grid: Grid; report: Report; plan: MarkPlan }): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  const book = await readXlsx(bytes);
  expect(book.sheetNames).toEqual(["江宁区"]);
  const { grid: read } = book.sheet("江宁区");
  const at = (row: number, column: number): Cell | undefined => read.rows[row - read.firstRow]?.[column - read.firstColumn];
  // Every cell of the district's file, as the pane writes a cell (text as text, numbers, dates), unchanged.
  let cells = 0;
  want.grid.rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      const w = writtenCell(cell);
      const got = writtenCell(at(want.grid.firstRow + i, want.grid.firstColumn + j));
      expect({ at: [want.grid.firstRow + i, want.grid.firstColumn + j], kind: got.kind, value: got.value }).toEqual({ at: [want.grid.firstRow + i, want.grid.firstColumn + j], kind: w.kind, value: w.value });
      if (w.kind !== "empty") cells++;
    }),
  );
  expect(cells).toBeGreaterThan(100);

  // 校验结果: the header, then the engine's line for every row, matching its verdict.
  const column = want.plan.resultColumn;
  expect(at(want.plan.headerRow, column)?.value).toBe("校验结果");
  expect(want.plan.results.length).toBe(want.report.counts.rowsChecked);
  const verdicts = rowVerdicts(want.report);
  for (const r of want.plan.results) {
    const text = String(at(r.row, column)?.value ?? "");
    expect({ row: r.row, text }).toEqual({ row: r.row, text: r.text });
    const v = verdicts.get(r.row) ?? "ok";
    expect(text.startsWith({ error: "错误", warning: "警告", ok: "通过" }[v])).toBe(true);
  }
  expect([...verdicts.values()].filter((v) => v === "error").length).toBeGreaterThan(0);

  // Fills and notes, read with exceljs itself.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet("江宁区")!;
  expect(want.plan.fills.length).toBeGreaterThan(5);
  for (const f of want.plan.fills) {
    const fill = ws.getCell(f.row, f.column).fill as ExcelJS.FillPattern | undefined;
    expect({ at: [f.row, f.column], argb: fill?.fgColor?.argb }).toEqual({ at: [f.row, f.column], argb: `FF${MARK_COLOURS[f.level].slice(1)}` });
  }
  // No fill anywhere else: the file's own cells came with none.
  let filled = 0;
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: true }, (cell) => void ((cell.fill as ExcelJS.FillPattern | undefined)?.pattern === "solid" && filled++)));
  expect(filled).toBe(want.plan.fills.length);
  expect(want.plan.notes.length).toBeGreaterThan(0);
  for (const n of want.plan.notes) {
    const note = ws.getCell(n.row, n.column).note;
    const text = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
    expect(text).toBe(n.text);
  }
}

describe("推荐汇总助手 网页版 (checker.html, production build, Chromium)", () => {
  let dist = "";
  let own = false;
  let server: StaticServer;
  let pane: Pane;
  let page: Page;
  let want: Awaited<ReturnType<typeof expected>>;

  beforeAll(async () => {
    // HUIZONG_TEST_PROD_DIST=<dir> serves a production build already made (quicker while iterating).
    dist = process.env.HUIZONG_TEST_PROD_DIST ?? "";
    if (!dist) {
      dist = mkdtempSync(join(tmpdir(), "huizong-dist-prod-"));
      own = true;
      await build(dist, "production");
    }
    server = await serveDirectory(dist);
    want = await expected();
    pane = await openPane("checker.html", { baseUrl: server.baseUrl, blockOfficeJs: true });
    page = pane.page;
  }, 300_000);

  afterAll(async () => {
    await pane?.close();
    await server?.close();
    if (own) rmSync(dist, { recursive: true, force: true });
  });

  it("says what it is and what it cannot do, loading nothing from outside the page (no office.js)", async () => {
    await page.getByTestId("check").waitFor();
    expect(await page.title()).toBe("推荐汇总助手 网页版");
    expect(await page.getByRole("heading", { level: 1, name: "推荐汇总助手 网页版" }).count()).toBe(1);
    expect(await page.getByTestId("checker-limits").textContent()).toContain("从不写回区县的原文件");
    expect(pane.requests.filter((u) => !u.startsWith(server.baseUrl) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
    expect(pane.requests.some((u) => u.includes("office.js") || u.startsWith(OFFICE_JS_CDN))).toBe(false);
  });

  it("opens the .xls as a sheet, checks it as the engine does and draws the marks", async () => {
    await openAndCheck(page);
    expect(await page.getByTestId("open-file-done").getAttribute("data-sheets")).toBe("江宁区");
    expect(await count(page, "count-read")).toBe(want.report.counts.rowsRead);
    expect(await count(page, "count-checked")).toBe(want.report.counts.rowsChecked);
    expect(await count(page, "count-errors")).toBe(want.report.counts.errors);
    expect(await count(page, "count-warnings")).toBe(want.report.counts.warnings);
    // The marks on the sheet drawn: one fill per planned mark (the file brings none of its own).
    await page.locator("[data-testid=sheet][data-sheet=江宁区]").waitFor();
    expect(await page.locator("[data-testid=sheet] td[data-fill]").count()).toBe(want.plan.fills.length);
    expect(await page.locator("[data-testid=sheet] td.note").count()).toBe(want.plan.notes.length);
    // The pane scrolls its results into view; the page itself stays put, its heading in sight.
    expect(await page.evaluate(() => document.documentElement.scrollTop)).toBe(0);
    expect(await page.getByRole("heading", { level: 1, name: "推荐汇总助手 网页版" }).isVisible()).toBe(true);
  });

  it("filters the findings by severity", async () => {
    await page.getByRole("radio", { name: new RegExp(`^错误 ${want.report.counts.errors}$`) }).check();
    const groups = page.getByTestId("finding-group");
    await expect.poll(async () => [...new Set(await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-severity"))))]).toEqual(["error"]);
    expect(Number(await page.getByTestId("findings-count").getAttribute("data-shown"))).toBe(want.report.counts.errors);
    const counts = await page.getByTestId("group-count").allTextContents();
    expect(counts.reduce((n, c) => n + Number(c), 0)).toBe(want.report.counts.errors);
    await page.getByRole("radio", { name: /^警告/ }).check();
    await expect.poll(async () => [...new Set(await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-severity"))))]).toEqual(["warning"]);
    await page.getByRole("radio", { name: "全部" }).check();
  });

  it("downloads the summary table: the engine's plan as the writer draws it", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-button").click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const got = await readXlsx(new Uint8Array(readFileSync(await download.path())));
    const plan = engine.summary(want.grid, want.report, getProgramme(PROGRAMME)!, {});
    const made = await readXlsx(await buildExportWorkbook(plan));
    expect(got.sheetNames).toEqual(made.sheetNames);
    const values = (g: Grid) => g.rows.map((r) => r.map((c) => c.value));
    for (const name of made.sheetNames) expect(values(got.sheet(name).grid)).toEqual(values(made.sheet(name).grid));
    expect(plan.rows.length).toBeGreaterThan(3);
  });

  it("downloads a marked copy of the list: every cell unchanged, the engine's results, fills and notes", async () => {
    const download = await downloadMarkedCopy(page);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^江宁区-已标注-${CITY}-重点工业互联网平台-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    await assertMarkedCopy(await download.path(), want);
    expect(pane.errors).toEqual([]);
  });

  it("works from the built folder opened on disk (file://), office.js blocked", async () => {
    const local = await openPane(pathToFileURL(join(dist, "checker.html")).href, { blockOfficeJs: true });
    try {
      await openAndCheck(local.page);
      expect(await count(local.page, "count-errors")).toBe(want.report.counts.errors);
      const download = await downloadMarkedCopy(local.page);
      await assertMarkedCopy(await download.path(), want);
      expect(local.requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
      expect(local.errors).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
