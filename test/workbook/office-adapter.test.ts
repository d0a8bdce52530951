import { describe, expect, it } from "vitest";
import { OfficeWorkbook } from "../../src/workbook/office-adapter";
import { PreviewHost } from "../../src/workbook/preview-host";
import { ExcelMock, WEB_PAYLOAD_LIMIT, type ExcelMockOptions, type MockInit } from "./excel-mock";
import { parseAreas } from "../../src/workbook/office-read";
import { largeBook } from "./large-book";
import { CONTRACT_BOOK, PLAN, mappingFor, portContract } from "./port-contract";
import { MAPPINGS_SETTING } from "../../src/workbook/mappings";
import { LimitError } from "../../src/workbook/limits";
import type { MarkPlan } from "../../src/workbook/port";

function adapter(init: MockInit = CONTRACT_BOOK, options: ExcelMockOptions = {}) {
  const mock = new ExcelMock(init, options);
  return { mock, port: new OfficeWorkbook({ Excel: mock.Excel, Office: mock.Office }) };
}

portContract("Office.js adapter on office-addin-mock (ExcelApi 1.20)", (init) => {
  const { mock, port } = adapter(init);
  return { port, snapshot: (s) => mock.snapshot(s), userEdit: (s, a, v) => mock.userEdit(s, a, v), syncs: () => mock.syncs };
});

portContract("Office.js adapter on office-addin-mock (ExcelApi 1.2 only)", (init) => {
  const { mock, port } = adapter(init, { excelApi: 2 });
  return { port, snapshot: (s) => mock.snapshot(s), userEdit: (s, a, v) => mock.userEdit(s, a, v), syncs: () => mock.syncs };
});

portContract("Office.js adapter on office-addin-mock (ExcelApi 1.7: change events without triggerSource)", (init) => {
  const { mock, port } = adapter(init, { excelApi: 7 });
  return { port, snapshot: (s) => mock.snapshot(s), userEdit: (s, a, v) => mock.userEdit(s, a, v), syncs: () => mock.syncs };
});

describe("Office.js adapter: sync budget and requirement sets", () => {
  it("reads in two syncs (extent, then values) and marks in two", async () => {
    const { mock, port } = adapter();
    await port.readGrid("名单");
    expect(mock.syncs).toBe(2);
    await port.applyMarks(PLAN);
    expect(mock.syncs).toBe(4);
    await port.clearMarks("名单");
    expect(mock.syncs).toBe(5);
  });

  it("adds a sheet in two syncs (the names, then the sheet and its values), a large one in blocks under the web limit", async () => {
    const { mock, port } = adapter();
    await port.addSheet("合并名单", [[{ kind: "text", value: "申报单位" }], [{ kind: "text", value: "南京甲有限公司" }]]);
    expect(mock.syncs).toBe(2);
    const web = adapter(CONTRACT_BOOK, { platform: "OfficeOnline", payloadLimit: WEB_PAYLOAD_LIMIT });
    const wide = Array.from({ length: 8000 }, (_, i) => Array.from({ length: 12 }, (_, c) => ({ kind: "text" as const, value: `第${i}行第${c}列：南京某某科技有限公司` })));
    await web.port.addSheet("合并名单", wide);
    expect(web.mock.syncLog.length).toBeGreaterThan(2);
    expect(web.mock.syncLog.every((s) => s.requestBytes <= WEB_PAYLOAD_LIMIT)).toBe(true);
    expect((await web.port.readGrid("合并名单")).rows).toHaveLength(8000);
  });

  it("detects the ExcelApi version and says what it lacks", async () => {
    const old = await adapter(CONTRACT_BOOK, { excelApi: 2, platform: "OfficeOnline" }).port.capabilities();
    expect(old).toMatchObject({ host: "Excel 网页版", excelApi: 2, changeEvents: false, mergeUndoGroup: false, conditionalFormats: false });
    const v16 = await adapter(CONTRACT_BOOK, { excelApi: 16 }).port.capabilities();
    expect(v16).toMatchObject({ excelApi: 16, changeEvents: true, conditionalFormats: true, dataValidation: true, mergeUndoGroup: false, cellNotes: false });
    const v20 = await adapter(CONTRACT_BOOK, { excelApi: 20 }).port.capabilities();
    expect(v20).toMatchObject({ excelApi: 20, mergeUndoGroup: true, cellNotes: true });
  });

  it("groups a check's writes into one undo step only where ExcelApi 1.20 allows", async () => {
    const modern = adapter();
    await modern.port.applyMarks(PLAN);
    expect(modern.mock.runOptions).toContainEqual({ mergeUndoGroup: true, delayForCellEdit: true });
    const old = adapter(CONTRACT_BOOK, { excelApi: 2 });
    await old.port.applyMarks(PLAN);
    expect(old.mock.runOptions.every((o) => o === undefined)).toBe(true);
  });

  it("waits out the user's cell editing where ExcelApi 1.11 allows, and says so plainly below", async () => {
    const modern = adapter();
    await modern.port.readGrid("名单");
    expect(modern.mock.runOptions).toEqual([{ delayForCellEdit: true }]);
    const old = adapter(CONTRACT_BOOK, { excelApi: 10 });
    old.mock.cellEditMode = true;
    const failed = await old.port.readGrid("名单").catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: "InvalidOperationInCellEditMode", message: expect.stringContaining("按 Enter 或 Esc"), messageEn: expect.stringContaining("Enter or Esc") });
    old.mock.cellEditMode = false;
    expect((await old.port.readGrid("名单")).rows.length).toBe(7);
  });

  it("selects several rows at once with ExcelApi 1.9, the first of them before", async () => {
    const modern = adapter();
    await modern.port.select("名单", "B4:F4,B6:F6");
    expect(modern.mock.selection.areas.length).toBe(2);
    const old = adapter(CONTRACT_BOOK, { excelApi: 8 });
    await old.port.select("名单", "B4:F4,B6:F6");
    expect(old.mock.selection.areas).toEqual([{ top: 4, left: 2, bottom: 4, right: 6 }]);
  });
});

/** A check's marks on a largeBook: every third row an error in D with its result, every fifth a warning in E. */
function planFor(rows: number): MarkPlan {
  const data = Array.from({ length: rows }, (_, i) => i + 4);
  return {
    sheet: "江宁区",
    resultColumn: 17,
    headerRow: 3,
    headerText: "校验结果",
    results: data.map((row) => ({ row, text: row % 3 === 0 ? "错误：统一社会信用代码校验位错误（D列）" : row % 5 === 0 ? "警告：日期无法识别（E列）" : "通过", level: row % 3 === 0 ? "error" : row % 5 === 0 ? "warning" : "ok" })),
    fills: data.flatMap((row): MarkPlan["fills"] =>
      row % 3 === 0
        ? [{ row, column: 4, level: "error" as const }, { row, column: 17, level: "error" as const }]
        : row % 5 === 0
          ? [{ row, column: 5, level: "warning" as const }, { row, column: 17, level: "warning" as const }]
          : [],
    ),
    notes: data.filter((row) => row % 3 === 0).slice(0, 50).map((row) => ({ row, column: 4, text: "校验位不对。" })),
  };
}

describe("Office.js adapter: confirmed column mappings", () => {
  it("keeps them in the document's settings, saved with the file, without a context.sync()", async () => {
    const { mock, port } = adapter(CONTRACT_BOOK, { excelApi: 2 });
    const m = mappingFor(["序号", "申报单位", "社会统一信用代码"], [{ column: "D", field: "uscc" }]);
    let saves = 0;
    const settings = mock.Office.context.document.settings;
    const saveAsync = settings.saveAsync.bind(settings);
    settings.saveAsync = ((cb: never) => {
      saves++;
      saveAsync(cb);
    }) as typeof settings.saveAsync;
    await port.saveMapping(m);
    expect(await port.loadMapping(m.key)).toEqual(m);
    expect(mock.syncs).toBe(0);
    expect(saves).toBe(1);
    expect(JSON.parse(mock.settings.get(MAPPINGS_SETTING)!)).toEqual([m]);
    // The workbook opened again (a new pane on the same document) still has it.
    const reopened = new OfficeWorkbook({ Excel: mock.Excel, Office: mock.Office });
    expect(await reopened.loadMapping(m.key)).toEqual(m);
    await reopened.forgetMapping(m.key);
    expect(mock.settings.has(MAPPINGS_SETTING)).toBe(false);
    expect(saves).toBe(2);
    expect(mock.syncs).toBe(0);
  });

  it("reads past an entry it does not understand (another version, a hand edit)", async () => {
    const m = mappingFor(["申报单位", "信用代码"], [{ column: "B", field: "uscc" }]);
    const { port } = adapter({ ...CONTRACT_BOOK, settings: { [MAPPINGS_SETTING]: [{ version: 2, key: m.key, columns: {} }, m, "x"] } });
    expect(await port.loadMapping(m.key)).toEqual(m);
  });
});

describe("Office.js adapter: syncs per check (read, then mark)", () => {
  for (const rows of [100, 10000]) {
    it(`takes at most 4 context.sync() calls at ${rows} rows and leaves the input cells unchanged`, async () => {
      const { mock, port } = adapter(largeBook(rows));
      const before = mock.snapshot("江宁区");
      const { grids } = await port.readGrids([{}]);
      expect(grids[0].rows.length).toBe(rows + 3);
      await port.applyMarks(planFor(rows));
      expect(mock.syncs).toBeLessThanOrEqual(4);
      const after = mock.snapshot("江宁区");
      const inputs = (cells: Record<string, unknown>) => Object.fromEntries(Object.entries(cells).filter(([a]) => !a.startsWith("Q")));
      expect(inputs(after.cells)).toEqual(before.cells);
      expect(after.fills.D6).toBe("#FFC7CE");
      await port.clearMarks("江宁区");
      expect(mock.snapshot("江宁区")).toEqual(before);
    }, 60000);
  }
});

describe("Office.js adapter: large sheets", () => {
  it("reads 10,000 rows in two syncs (extent, then values) where Excel accepts the answer (desktop)", async () => {
    const { mock, port } = adapter(largeBook(10000));
    const g = await port.readGrid("江宁区");
    expect(g.rows.length).toBe(10003);
    expect(mock.syncs).toBe(2);
  });

  it("on Excel on the web, locates the list and reads it in row blocks under 5 MB, the same grid as on desktop", async () => {
    const { mock, port } = adapter(largeBook(10000), { platform: "OfficeOnline", payloadLimit: WEB_PAYLOAD_LIMIT });
    const progress: number[] = [];
    const g = await port.readGrid("江宁区", { onProgress: (d, t) => progress.push(d / t) });
    expect(g.rows.length).toBe(10003);
    const desktop = await adapter(largeBook(10000)).port.readGrid("江宁区");
    expect(g).toEqual(desktop);
    // the extent, the row bands' used ranges, then the blocks: none refused, none over 4.5 MB
    expect(mock.syncLog[0].responseBytes).toBeLessThan(4096);
    expect(mock.syncLog[1].responseBytes).toBeLessThan(64 * 1024);
    expect(mock.syncs).toBe(2 + Math.ceil((10003 * 16) / 65536));
    expect(mock.syncLog.every((s) => s.responseBytes <= 4.5 * 1024 * 1024)).toBe(true);
    expect(progress[progress.length - 1]).toBe(1);
  });

  it("halves a block Excel still refuses as too large, and reads on", async () => {
    const { mock, port } = adapter(largeBook(10000), { platform: "OfficeOnline", payloadLimit: 1024 * 1024 });
    const g = await port.readGrid("江宁区");
    expect(g).toEqual(await adapter(largeBook(10000)).port.readGrid("江宁区"));
    expect(mock.syncLog.some((s) => s.responseBytes > 1024 * 1024)).toBe(true);
  });

  it("a stray cell at XFD1048576: one small sync locates the list, which reads as without it; the cell is named", async () => {
    const book = { sheets: [{ name: "名单", rows: [[{ kind: "text" as const, value: "申报单位" }], [{ kind: "text" as const, value: "南京甲有限公司" }]] }] };
    const clean = await adapter(book).port.readGrids([{ sheet: "名单" }]);
    const { mock, port } = adapter(book);
    mock.userEdit("名单", "XFD1048576", { kind: "text", value: "x" });
    const before = mock.syncs;
    const read = await port.readGrids([{ sheet: "名单" }]);
    expect(read.grids).toEqual(clean.grids);
    expect(read.findings[0].map((f) => f.code)).toEqual(["cells-outside-list"]);
    expect(read.findings[0][0].message).toContain("XFD1048576“x”");
    expect(read.findings[0][0].message).toContain("名单区域 A1:A2");
    // extent, row bands (whose used ranges also say how wide the list is), values: all small answers.
    expect(mock.syncs - before).toBe(3);
    expect(mock.syncLog.slice(before).every((s) => s.responseBytes < 256 * 1024)).toBe(true);
    expect(clean.findings).toEqual([[]]);
  });

  it("a stray cell beside a 10,000-row list (XFD5): row bands, then column bands, then the list; the same grid as without it", async () => {
    const clean = await adapter(largeBook(10000)).port.readGrids([{ sheet: "江宁区" }]);
    const { mock, port } = adapter(largeBook(10000));
    mock.userEdit("江宁区", "XFD5", { kind: "text", value: "草稿" });
    const before = mock.syncs;
    const read = await port.readGrids([{ sheet: "江宁区" }]);
    expect(read.grids).toEqual(clean.grids);
    expect(read.findings[0][0].message).toContain("XFD5“草稿”");
    expect(mock.syncs - before).toBe(4);
  }, 60_000);

  it("a far cell within a small used range (A1:P1500) is cut by the same rule after one read", async () => {
    const { mock, port } = adapter(largeBook(10));
    mock.userEdit("江宁区", "A1500", { kind: "text", value: "备用" });
    const before = mock.syncs;
    const read = await port.readGrids([{ sheet: "江宁区" }]);
    expect(read.grids[0].rows.length).toBe(13);
    expect(read.findings[0][0].message).toContain("A1500“备用”");
    expect(mock.syncs - before).toBe(2);
  });

  it("without getUsedRangeOrNullObject (ExcelApi below 1.4) a used range past the cell limit is refused after its extent, with Ctrl+End as the remedy", async () => {
    const { mock, port } = adapter({ sheets: [{ name: "名单", rows: [[{ kind: "text", value: "申报单位" }], [{ kind: "text", value: "南京甲有限公司" }]] }] }, { excelApi: 3 });
    mock.userEdit("名单", "XFD1048576", { kind: "text", value: "x" });
    const before = mock.syncs;
    const refused = await port.readGrid("名单").then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(LimitError);
    expect((refused as LimitError).message).toMatch(/已用区域 A1:XFD1048576 .*超过上限 2,000,000 个.*Ctrl\+End/);
    expect((refused as LimitError).messageEn).toMatch(/XFD1048576/);
    expect(mock.syncs - before).toBe(1);
  });

  it("a list area past the cell limit is refused after locating it, before any value is read", async () => {
    const { mock, port } = adapter({ sheets: [{ name: "名单", rows: [[{ kind: "text", value: "申报单位" }]] }] });
    // Cells every 900 rows, in A and CM: no gap is far, so the list spans them all.
    for (let i = 1; i * 900 <= 1_000_000; i++) mock.userEdit("名单", `${i % 2 ? "A" : "CM"}${i * 900}`, { kind: "text", value: "x" });
    const before = mock.syncs;
    const refused = await port.readGrid("名单").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LimitError);
    expect((refused as LimitError).message).toMatch(/名单区域 A1:CM\d+ .*超过上限 2,000,000 个/);
    expect(mock.syncLog.slice(before).every((s) => s.responseBytes < 512 * 1024)).toBe(true);
  });

  it("reads 100 rows in two syncs on the web too", async () => {
    const { mock, port } = adapter(largeBook(100), { platform: "OfficeOnline", payloadLimit: WEB_PAYLOAD_LIMIT });
    await port.readGrid("江宁区");
    expect(mock.syncs).toBe(2);
  });
});

describe("Office.js adapter: large mark plans", () => {
  it("splits the writes of a very large plan into requests Excel on the web accepts", async () => {
    const { mock, port } = adapter(largeBook(20000), { platform: "OfficeOnline", payloadLimit: WEB_PAYLOAD_LIMIT });
    const rows = Array.from({ length: 20000 }, (_, i) => i + 4);
    const plan: MarkPlan = {
      sheet: "江宁区",
      resultColumn: 17,
      headerRow: 3,
      headerText: "校验结果",
      results: rows.map((row) => ({ row, text: "错误：统一社会信用代码校验位错误（D列）；注册时间不满要求年限（E列）", level: "error" as const })),
      fills: rows.flatMap((row) => [4, 5, 11, 17].map((column) => ({ row, column, level: (column === 5 ? "warning" : "error") as "error" | "warning" }))),
      notes: [],
    };
    const before = mock.snapshot("江宁区");
    await port.applyMarks(plan);
    const writes = mock.syncLog.slice(1);
    expect(writes.length).toBeGreaterThan(2);
    expect(mock.syncLog.every((s) => s.requestBytes <= WEB_PAYLOAD_LIMIT)).toBe(true);
    const after = mock.snapshot("江宁区");
    expect(after.cells.Q20003).toMatchObject({ value: plan.results[19999].text });
    expect(after.fills.E20003).toBe("#FFEB9C");
    await port.clearMarks("江宁区");
    expect(mock.snapshot("江宁区")).toEqual(before);
  }, 60000);
});

describe("Office.js adapter: the summary table goes where this Excel can take it", () => {
  async function summaryXlsx(): Promise<string> {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.getCell("A1").value = "推荐项目汇总表";
    ws.getCell("B3").value = "91320115MAHEGG3M0K";
    return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
  }

  it("inserts it as a new sheet with ExcelApi 1.13, numbering a taken name, and opens a new workbook with 1.8", async () => {
    const { mock, port } = adapter();
    const base64 = await summaryXlsx();
    const before = mock.snapshot("名单");
    expect(await port.openXlsx(base64, "sheet")).toEqual(["名单 (2)"]);
    expect(mock.snapshot("名单 (2)").cells.B3).toMatchObject({ kind: "text", value: "91320115MAHEGG3M0K" });
    expect(mock.active).toBe("名单 (2)");
    expect(mock.snapshot("名单")).toEqual(before);
    expect(await port.openXlsx(base64, "workbook")).toEqual([]);
    expect(mock.createdWorkbooks).toEqual([base64]);
  });

  it("says plainly what an older Excel lacks instead of failing somewhere inside", async () => {
    const { mock, port } = adapter(CONTRACT_BOOK, { excelApi: 7 });
    const base64 = await summaryXlsx();
    await expect(port.openXlsx(base64, "sheet")).rejects.toThrow("此 Excel 不支持插入工作表（ExcelApi 1.13）");
    await expect(port.openXlsx(base64, "workbook")).rejects.toThrow("此 Excel 不支持新建工作簿（ExcelApi 1.8）");
    expect(mock.syncs).toBe(0);
    expect([...mock.sheets.keys()]).toEqual(["名单", "优先企业"]);
  });
});

describe("a whole-column selection (B:F): read as the list in it, on the Office.js adapter and the preview host alike", () => {
  it("is located, not read as a million rows, and gives the used part as the preview host does", async () => {
    const { mock, port } = adapter();
    await port.select("名单", "B1:F1048576");
    const before = mock.syncs;
    const office = await port.readGrid("名单", { scope: "selection" });
    expect(mock.syncLog.slice(before).every((s) => s.responseBytes < 256 * 1024)).toBe(true);
    const host = new PreviewHost(CONTRACT_BOOK);
    await host.select("名单", "B1:F1048576");
    const preview = await host.readGrid("名单", { scope: "selection" });
    expect([office.firstRow, office.firstColumn, office.rows.length, office.rows[0].length]).toEqual([1, 2, 7, 5]);
    // Both give the sheet's shape (its merged title) as well as its cells.
    expect(preview.shape?.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 6 }]);
    expect(office).toEqual(preview);
  });
});

describe("Office.js adapter: the list's shape (merged areas, hidden and filtered rows, hidden columns)", () => {
  /** largeBook with 所在区县-like merges down every 3 rows of column P, every 100th row hidden, an AutoFilter over the list. */
  function shapedBook(n: number): MockInit {
    const book = largeBook(n);
    const sheet = book.sheets[0];
    const merges = [...(sheet.merges ?? [])];
    for (let r = 4; r + 2 <= n + 3; r += 3) merges.push(`P${r}:P${r + 2}`);
    const hidden = Array.from({ length: Math.floor(n / 100) }, (_, i) => 5 + i * 100);
    return { ...book, sheets: [{ ...sheet, merges, hiddenRows: hidden, filteredRows: hidden, hiddenColumns: [15], autoFilter: `A3:P${n + 3}` }] };
  }

  it("reads 10,000 rows with 3,333 merges, 100 filtered rows and a hidden column in the values' own syncs, as the preview host gives them", async () => {
    const init = shapedBook(10000);
    const { mock, port } = adapter(init);
    const g = await port.readGrid("江宁区");
    expect(mock.syncs).toBe(2);
    expect(g.shape?.merges).toHaveLength(2 + 3333);
    expect(g.shape?.hiddenRows).toHaveLength(100);
    expect(g.shape?.filteredRows).toEqual(g.shape?.hiddenRows);
    expect(g.shape?.hiddenColumns).toEqual([15]);
    expect(g.shape).toEqual((await new PreviewHost(init).readGrid("江宁区")).shape);
    // On the web: no sync more than the same list without its shape, none over the limit.
    const web = adapter(init, { platform: "OfficeOnline", payloadLimit: WEB_PAYLOAD_LIMIT });
    const plain = adapter(largeBook(10000), { platform: "OfficeOnline", payloadLimit: WEB_PAYLOAD_LIMIT });
    expect(await web.port.readGrid("江宁区")).toEqual(g);
    await plain.port.readGrid("江宁区");
    expect(web.mock.syncs).toBe(plain.mock.syncs);
    expect(web.mock.syncLog.every((s) => s.responseBytes <= 4.5 * 1024 * 1024 && s.requestBytes <= WEB_PAYLOAD_LIMIT)).toBe(true);
  });

  it("asks for merged areas in bands of 128 rows (Excel fails past 512 in one call); a band still over is left out, the values and hidden rows kept", async () => {
    const letters = "ABCDEFGHIJKL";
    const rows = Array.from({ length: 128 }, (_, r) => Array.from({ length: 12 }, (_, c) => ({ kind: "text" as const, value: `${letters[c]}${r + 1}` })));
    const merges = [...letters].flatMap((c) => Array.from({ length: 64 }, (_, i) => `${c}${1 + 2 * i}:${c}${2 + 2 * i}`));
    const { mock, port } = adapter({ sheets: [{ name: "S", rows, merges, hiddenRows: [10] }] });
    const g = await port.readGrid("S");
    // the extent, the refused sync, the same again without the merges
    expect(mock.syncs).toBe(3);
    expect(g.rows).toHaveLength(128);
    expect(g.shape).toEqual({ hiddenRows: [10] });
    // 512 or fewer in a band are read.
    const fewer = adapter({ sheets: [{ name: "S", rows, merges: merges.slice(0, 512), hiddenRows: [10] }] });
    expect((await fewer.port.readGrid("S")).shape?.merges).toHaveLength(512);
    expect(fewer.mock.syncs).toBe(2);
  });

  it("uses each requirement set only where Excel has it: 1.12 hidden rows without merges, 1.8 no shape", async () => {
    const init = shapedBook(300);
    const v12 = await adapter(init, { excelApi: 12 }).port.readGrid("江宁区");
    expect(v12.shape?.merges).toBeUndefined();
    expect(v12.shape?.hiddenRows).toEqual([5, 105, 205]);
    expect(v12.shape?.filteredRows).toEqual([5, 105, 205]);
    expect((await adapter(init, { excelApi: 8 }).port.readGrid("江宁区")).shape).toBeUndefined();
  });

  it("tells filtered rows from rows hidden by hand by the AutoFilter's range, as the file readers do, and says none filtered with the filter off", async () => {
    const init = shapedBook(300);
    const sheet = { ...init.sheets[0], autoFilter: "A3:P150" };
    const g = await adapter({ ...init, sheets: [sheet] }).port.readGrid("江宁区");
    expect(g.shape).toMatchObject({ hiddenRows: [5, 105, 205], filteredRows: [5, 105] });
    const none = await adapter({ ...init, sheets: [{ ...sheet, autoFilter: undefined }] }).port.readGrid("江宁区");
    expect(none.shape?.hiddenRows).toEqual([5, 105, 205]);
    expect(none.shape?.filteredRows).toBeUndefined();
  });
});

describe("parseAreas: a RangeAreas address", () => {
  it("reads blocks with and without quoted sheet names, $ signs, whole rows and columns", () => {
    expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { top: 1, left: 1, bottom: 4, right: 2 },
      { top: 1, left: 4, bottom: 4, right: 4 },
    ]);
    expect(parseAreas("'济南市 汇总'!$B$3:$B$5,'济南市 汇总'!E6")).toEqual([
      { top: 3, left: 2, bottom: 5, right: 2 },
      { top: 6, left: 5, bottom: 6, right: 5 },
    ]);
    expect(parseAreas("'O''Brien, Ltd'!A2:C2")).toEqual([{ top: 2, left: 1, bottom: 2, right: 3 }]);
    expect(parseAreas("名单!3:4")).toEqual([{ top: 3, left: 1, bottom: 4, right: 16384 }]);
    expect(parseAreas("名单!C:D")).toEqual([{ top: 1, left: 3, bottom: 1048576, right: 4 }]);
    expect(parseAreas("")).toEqual([]);
    expect(parseAreas("名单!#REF!")).toBeNull();
  });
});
