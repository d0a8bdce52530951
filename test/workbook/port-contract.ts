/**
 * The workbook port contract: one suite, run against every adapter (preview host, Office.js on the
 * mock). A harness gives the port plus a way to look at the workbook behind the port's back.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Cell, Grid } from "../../src/domain/cells";
import { builtinProgramme } from "../../src/domain/catalogue";
import { check } from "../../src/domain/check";
import { carryMerges } from "../../src/domain/shape";
import { organisationCodeCheckChar, usccCheckChar } from "../../src/domain/uscc";
import type { Finding } from "../../src/domain/report";
import { readXlsx } from "../../src/workbook/xlsx-adapter";
import type { MarkPlan, WorkbookPort } from "../../src/workbook/port";
import { MarkConflictError } from "../../src/workbook/port";
import { MARK_COLOURS } from "../../src/workbook/marks";
import type { PreviewInit, SheetInit, SheetSnapshot } from "../../src/workbook/preview-host";
import { mappingKey, type SavedMapping } from "../../src/domain/columns";
import { MappingTooLargeError, MAX_MAPPING_BYTES, MAX_SAVED_MAPPINGS } from "../../src/workbook/mappings";

export interface ContractHarness {
  port: WorkbookPort;
  /** Cells (kind, value, formula, number format) and fills, read directly from the workbook. */
  snapshot(sheet: string): SheetSnapshot;
  /** The user types a value. */
  userEdit(sheet: string, address: string, value: Cell): void;
  /** Round trips to the workbook so far, where the adapter has them (Office.js: context.sync()). */
  syncs?(): number;
}

export type HarnessFactory = (init: PreviewInit) => Promise<ContractHarness> | ContractHarness;

const t = (value: string, numberFormat?: string): Cell => (numberFormat ? { kind: "text", value, numberFormat } : { kind: "text", value });
const n = (value: number, numberFormat = "General"): Cell => ({ kind: "number", value, numberFormat });
const E: Cell = { kind: "empty", value: null };

/** Data from B1: a merged title, a header on row 3, five applicants, a formula, a date, an error. */
export const CONTRACT_BOOK: PreviewInit = {
  sheets: [
    {
      name: "名单",
      firstColumn: 2,
      merges: ["B1:F1"],
      rows: [
        [t("江宁区推荐汇总表"), E, E, E, E],
        [E, E, E, E, E],
        [t("序号"), t("申报单位"), t("统一社会信用代码", "@"), t("注册时间"), t("投入（万元）")],
        [n(1), t("南京甲有限公司"), t("91320115MAHEGG3M0K", "@"), { kind: "date", value: 43236, numberFormat: "yyyy-mm-dd" }, n(3200)],
        [{ kind: "number", value: 2, formula: "=B4+1", numberFormat: "General" }, t("南京乙有限公司"), t("91320115maakngjt0x", "@"), t("2016年3月"), t("2,000")],
        [n(3), t("南京丙有限公司"), n(913201152800408000), { kind: "error", value: "#N/A", formula: "=VLOOKUP(C6,库!A:D,4,0)", numberFormat: "General" }, n(900)],
        [n(4), t("南京丁有限公司"), t("91320115MA7CUJMB6J", "@"), { kind: "date", value: 42958, numberFormat: "yyyy-mm-dd" }, { kind: "boolean", value: true, numberFormat: "General" }],
      ],
      fills: { "B3:F3": "#D9D9D9", D5: "#FFFF00" },
      notes: { E6: "区里说：企业库查不到，待补" },
    },
    { name: "优先企业", rows: [[t("企业名称"), t("所属集群")], [t("南京丁有限公司"), t("前沿新材料")]] },
  ],
  active: "名单",
  selection: "B3",
};

/** Marks for CONTRACT_BOOK: D5 (user-filled yellow) and E6 errors, C7 priority, results in G. */
export const PLAN: MarkPlan = {
  sheet: "名单",
  resultColumn: 7,
  headerRow: 3,
  headerText: "校验结果",
  results: [
    { row: 4, text: "通过", level: "ok" },
    { row: 5, text: "错误：统一社会信用代码校验位错误（D列）", level: "error" },
    { row: 6, text: "错误：单元格为错误值（E列）", level: "error" },
    { row: 7, text: "通过。优先：前沿新材料", level: "priority" },
  ],
  fills: [
    { row: 5, column: 4, level: "error" },
    { row: 5, column: 7, level: "error" },
    { row: 6, column: 5, level: "error" },
    { row: 6, column: 7, level: "error" },
    { row: 7, column: 3, level: "priority" },
    { row: 7, column: 7, level: "priority" },
  ],
  notes: [
    { row: 5, column: 4, text: "统一社会信用代码“91320115maakngjt0x”的校验位不对。" },
    { row: 6, column: 5, text: "单元格是错误值 #N/A。" },
  ],
};

/** Same sheet after the district fixed row 5: only row 6 flagged. */
export const PLAN_FIXED: MarkPlan = {
  ...PLAN,
  results: [
    { row: 4, text: "通过", level: "ok" },
    { row: 5, text: "通过", level: "ok" },
    { row: 6, text: "错误：单元格为错误值（E列）", level: "error" },
  ],
  fills: [
    { row: 6, column: 5, level: "error" },
    { row: 6, column: 7, level: "error" },
  ],
  notes: [{ row: 6, column: 5, text: "单元格是错误值 #N/A。" }],
};

/** A confirmed mapping for a header worded `headers`. */
export function mappingFor(headers: string[], choices: SavedMapping["choices"]): SavedMapping {
  return { version: 1, key: mappingKey(headers), choices };
}

const LIST_HEADERS = ["序号", "申报单位", "社会统一信用代码", "注册时间", "投入（万元）"];
const OTHER_HEADERS = ["序号", "企业名称", "信用代码", "成立日期", "经济类型"];

function inputCells(s: SheetSnapshot): Record<string, Cell> {
  return Object.fromEntries(Object.entries(s.cells).filter(([a]) => !a.startsWith("G")));
}

/** A sheet as every adapter's test workbook takes it, with the AutoFilter's range that Excel and a file know. */
export type ShapeSheetInit = SheetInit & { autoFilter?: string };

const HEADER = ["序号", "所在区县", "申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否属于前期155个省级重点平台", "是否纳入严重失信黑名单", "是否符合产业政策", "联系电话", "备注"];
/** A valid code per applicant; the fourth's check character is wrong (one error a row of its own). */
function code(k: number): string {
  const org = `MA3C4R${String(k).padStart(2, "0")}`;
  const first17 = `91370112${org}${organisationCodeCheckChar(org)}`;
  const valid = first17 + usccCheckChar(first17);
  return k === 4 ? first17 + (valid.endsWith("0") ? "1" : "0") : valid;
}
const applicant = (k: number, district: string | null, direction: string | null = "特色型（面向重点行业）"): Cell[] =>
  [k, district, `济南丁${k}信息技术有限公司`, code(k), direction, k % 3 === 0 ? "国有" : "民营", k % 4 === 0 ? "在建" : "已建成运营", "否", "否", "是", "13851926374", k === 7 ? "区里复核中" : null].map(
    (v, i): Cell => (v === null ? E : typeof v === "number" ? n(v) : t(v, i === 3 ? "@" : undefined)),
  );
export const SHAPE_SHEET = "济南市 汇总";

/**
 * A list as districts send it (sheet name with a space, so Excel quotes it in addresses): a title merged
 * over the header's width, 历下区 merged down rows 3–5 and the required 申报方向 综合型 down rows 6–8,
 * an AutoFilter on A2:L7 hiding row 7, row 9 hidden by hand below the filter, the 备注 column L hidden.
 */
export const SHAPE_BOOK: PreviewInit & { sheets: ShapeSheetInit[] } = {
  sheets: [
    {
      name: SHAPE_SHEET,
      rows: [[t("济南市推荐汇总表"), ...Array<Cell>(11).fill(E)], HEADER.map((h) => t(h)), applicant(1, "历下区"), applicant(2, null), applicant(3, null), applicant(4, "市中区", "综合型"), applicant(5, "市中区", null), applicant(6, "槐荫区", null), applicant(7, "槐荫区")],
      merges: ["A1:L1", "B3:B5", "E6:E8"],
      hiddenRows: [7, 9],
      filteredRows: [7],
      hiddenColumns: [12],
      autoFilter: "A2:L7",
    },
  ],
  active: SHAPE_SHEET,
};

/** The same sheet as an .xlsx file (exceljs), read by the file reader: what every adapter must match. */
export async function shapeBookAsFile(init: PreviewInit & { sheets: ShapeSheetInit[] } = SHAPE_BOOK): Promise<{ grid: Grid; findings: Finding[] }> {
  const wb = new ExcelJS.Workbook();
  for (const s of init.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (cell.kind === "empty") return;
        const c = ws.getCell((s.firstRow ?? 1) + i, (s.firstColumn ?? 1) + j);
        c.value = cell.value as string | number | boolean;
        if (cell.numberFormat && cell.numberFormat !== "General") c.numFmt = cell.numberFormat;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
  }
  const book = await readXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const { grid, findings } = book.sheet(init.sheets[0].name);
  return { grid, findings };
}

/**
 * What the check makes of each row: its district (所在区县, column B, after merged cells are carried),
 * findings with row and column, rows checked, rows skipped and why, the hidden-rows warning.
 */
export function checkedRows(grid: Grid, readFindings: Finding[]) {
  const report = check(grid, { programme: builtinProgramme("sd-2023-platform"), city: "济南", readFindings });
  const carried = carryMerges(grid);
  return {
    districts: carried.rows.slice(2).map((r) => r[2 - carried.firstColumn]?.value ?? null),
    rowsChecked: report.counts.rowsChecked,
    rows: report.findings.filter((f) => f.row !== undefined).map((f) => `${f.code}:${f.row}:${f.column ?? ""}:${f.severity}`).sort(),
    skipped: report.skipped.map((x) => `${x.row}:${x.reason}`),
    hidden: report.findings.filter((f) => f.code === "hidden-rows").map((f) => f.message),
  };
}

export function portContract(name: string, factory: HarnessFactory): void {
  describe(`workbook port contract: ${name}`, () => {
    it("lists the sheets and the active one", async () => {
      const h = await factory(CONTRACT_BOOK);
      expect(await h.port.listSheets()).toEqual(["名单", "优先企业"]);
      expect(await h.port.activeSheet()).toBe("名单");
    });

    it("reads the used range with kinds, formulas and number formats, from where it starts", async () => {
      const h = await factory(CONTRACT_BOOK);
      const g = await h.port.readGrid("名单");
      expect(g.sheetName).toBe("名单");
      expect([g.firstRow, g.firstColumn, g.rows.length, g.rows[0].length]).toEqual([1, 2, 7, 5]);
      expect(g.rows[0][0]).toMatchObject({ kind: "text", value: "江宁区推荐汇总表" });
      expect(g.rows[1].every((c) => c.kind === "empty")).toBe(true);
      expect(g.rows[3][2]).toEqual({ kind: "text", value: "91320115MAHEGG3M0K", numberFormat: "@" });
      expect(g.rows[3][3]).toEqual({ kind: "date", value: 43236, numberFormat: "yyyy-mm-dd" });
      expect(g.rows[4][0]).toEqual({ kind: "number", value: 2, formula: "=B4+1", numberFormat: "General" });
      expect(g.rows[5][2]).toEqual({ kind: "number", value: 913201152800408000, numberFormat: "General" });
      expect(g.rows[5][3]).toEqual({ kind: "error", value: "#N/A", formula: "=VLOOKUP(C6,库!A:D,4,0)", numberFormat: "General" });
      expect(g.rows[6][4]).toEqual({ kind: "boolean", value: true, numberFormat: "General" });
    });

    it("reads the list and a reference sheet together, in request order", async () => {
      const h = await factory(CONTRACT_BOOK);
      const { grids, sheets } = await h.port.readGrids([{ sheet: "优先企业" }, { sheet: "名单" }]);
      const [a, b] = grids;
      expect(a.sheetName).toBe("优先企业");
      expect(a.rows[1][1]).toMatchObject({ kind: "text", value: "前沿新材料" });
      expect(b.rows.length).toBe(7);
      expect(sheets).toEqual(["名单", "优先企业"]);
    });

    it("reads the active sheet when no sheet is named", async () => {
      const h = await factory(CONTRACT_BOOK);
      await h.port.select("优先企业", "A1");
      const { grids } = await h.port.readGrids([{}, { sheet: "名单" }]);
      expect(grids.map((g) => g.sheetName)).toEqual(["优先企业", "名单"]);
      expect(grids[0].rows.length).toBe(2);
    });

    it("leaves out a cell far below the list (1000 empty rows) and names it; the reference sheet's stays with it", async () => {
      const h = await factory(CONTRACT_BOOK);
      const clean = await h.port.readGrids([{ sheet: "名单" }, { sheet: "优先企业" }]);
      expect(clean.findings).toEqual([[], []]);
      h.userEdit("名单", "B1007", t("近处的备注"));
      const near = await h.port.readGrids([{ sheet: "名单" }]);
      expect(near.grids[0].rows.length).toBe(1007);
      expect(near.findings).toEqual([[]]);
      h.userEdit("名单", "B1007", E);
      h.userEdit("名单", "B1008", t("草稿"));
      const far = await h.port.readGrids([{ sheet: "名单" }, { sheet: "优先企业" }]);
      expect(far.grids).toEqual(clean.grids);
      expect(far.findings[0].map((f) => [f.code, f.severity])).toEqual([["cells-outside-list", "warning"]]);
      expect(far.findings[0][0].message).toContain("名单区域 B1:F7 以外很远处还有内容：B1008“草稿”");
      expect(far.findings[1]).toEqual([]);
    });

    it("reads the selection when asked", async () => {
      const h = await factory(CONTRACT_BOOK);
      await h.port.select("名单", "C3:D5");
      const g = await h.port.readGrid("名单", { scope: "selection" });
      expect([g.firstRow, g.firstColumn, g.rows.length, g.rows[0].length]).toEqual([3, 3, 3, 2]);
      expect(g.rows[1][0]).toMatchObject({ value: "南京甲有限公司" });
      await h.port.select("优先企业", "A1:B2");
      await expect(h.port.readGrid("名单", { scope: "selection" })).rejects.toThrow(/优先企业/);
    });

    it("marks: 校验结果 column and fills, input cells untouched", async () => {
      const h = await factory(CONTRACT_BOOK);
      const before = h.snapshot("名单");
      await h.port.applyMarks(PLAN);
      const after = h.snapshot("名单");
      expect(inputCells(after)).toEqual(inputCells(before));
      expect(after.cells.G3).toMatchObject({ kind: "text", value: "校验结果" });
      expect(after.cells.G5).toMatchObject({ kind: "text", value: "错误：统一社会信用代码校验位错误（D列）" });
      expect(after.cells.G7).toMatchObject({ value: "通过。优先：前沿新材料" });
      expect(after.fills.D5).toBe(MARK_COLOURS.error);
      expect(after.fills.E6).toBe(MARK_COLOURS.error);
      expect(after.fills.C7).toBe(MARK_COLOURS.priority);
      expect(after.fills.G6).toBe(MARK_COLOURS.error);
      expect(after.fills.B3).toBe("#D9D9D9");
      expect(after.fills.G4).toBeUndefined();
      expect(await h.port.hasMarks("名单")).toBe(true);
      if ((await h.port.capabilities()).cellNotes) {
        expect(after.notes.D5).toBe("统一社会信用代码“91320115maakngjt0x”的校验位不对。");
        expect(after.notes.E6).toBe("区里说：企业库查不到，待补"); // the user's note stays
      } else {
        expect(after.notes).toEqual(before.notes);
      }
    });

    it("reads the same grid after marking as before", async () => {
      const h = await factory(CONTRACT_BOOK);
      const before = await h.port.readGrid("名单");
      await h.port.applyMarks(PLAN);
      expect(await h.port.readGrid("名单")).toEqual(before);
    });

    it("marking twice leaves the sheet as marking once", async () => {
      const h = await factory(CONTRACT_BOOK);
      await h.port.applyMarks(PLAN);
      const once = h.snapshot("名单");
      await h.port.applyMarks(PLAN);
      expect(h.snapshot("名单")).toEqual(once);
    });

    it("clearing restores the sheet exactly, the user's own fills included", async () => {
      const h = await factory(CONTRACT_BOOK);
      const original = h.snapshot("名单");
      await h.port.applyMarks(PLAN);
      await h.port.applyMarks(PLAN);
      await h.port.clearMarks("名单");
      expect(h.snapshot("名单")).toEqual(original);
      expect(await h.port.hasMarks("名单")).toBe(false);
      await h.port.clearMarks("名单"); // nothing left: a no-op
      expect(h.snapshot("名单")).toEqual(original);
    });

    it("a re-check replaces the marks: cells no longer flagged get their fill back", async () => {
      const h = await factory(CONTRACT_BOOK);
      await h.port.applyMarks(PLAN);
      await h.port.applyMarks(PLAN_FIXED);
      const s = h.snapshot("名单");
      expect(s.fills.D5).toBe("#FFFF00");
      expect(s.notes.D5).toBeUndefined();
      expect(s.notes.E6).toBe("区里说：企业库查不到，待补");
      expect(s.fills.C7).toBeUndefined();
      expect(s.fills.G5).toBeUndefined();
      expect(s.cells.G7).toBeUndefined();
      expect(s.cells.G5).toMatchObject({ value: "通过" });
      await h.port.clearMarks("名单");
      expect(h.snapshot("名单")).toEqual((await factory(CONTRACT_BOOK)).snapshot("名单"));
    });

    it("refuses to write the result column over the user's data and changes nothing", async () => {
      const h = await factory(CONTRACT_BOOK);
      h.userEdit("名单", "G6", t("区里的备注"));
      const before = h.snapshot("名单");
      await expect(h.port.applyMarks(PLAN)).rejects.toBeInstanceOf(MarkConflictError);
      expect(h.snapshot("名单")).toEqual(before);
      expect(await h.port.hasMarks("名单")).toBe(false);
    });

    it("takes a formula that shows nothing in the result column for the user's data too", async () => {
      const h = await factory(CONTRACT_BOOK);
      h.userEdit("名单", "G6", { kind: "text", value: "", formula: '=IF(F6>1000,"超","")', numberFormat: "General" });
      const before = h.snapshot("名单");
      const refused = await h.port.applyMarks(PLAN).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(MarkConflictError);
      expect((refused as MarkConflictError).message).toContain("G6");
      expect(h.snapshot("名单")).toEqual(before);
    });

    it("refuses a result row the user filled in since the last check, keeping that check's marks", async () => {
      const h = await factory(CONTRACT_BOOK);
      await h.port.applyMarks(PLAN_FIXED);
      h.userEdit("名单", "G7", t("待区里确认"));
      const before = h.snapshot("名单");
      await expect(h.port.applyMarks(PLAN)).rejects.toBeInstanceOf(MarkConflictError);
      expect(h.snapshot("名单")).toEqual(before);
      expect(await h.port.hasMarks("名单")).toBe(true);
    });

    it("gives the result column's cells back their own fill and number format", async () => {
      // The district had pre-formatted the column right of its data: green, and text in G6.
      const [list, ...rest] = CONTRACT_BOOK.sheets;
      const formatted: PreviewInit = {
        ...CONTRACT_BOOK,
        sheets: [{ ...list, rows: list.rows.map((r, i) => (i === 5 ? [...r, { kind: "empty", value: null, numberFormat: "@" }] : r)), fills: { ...list.fills, "G3:G8": "#E2EFDA" } }, ...rest],
      };
      const h = await factory(formatted);
      const original = h.snapshot("名单");
      expect(original.cells.G6).toEqual({ kind: "empty", value: null, numberFormat: "@" });
      await h.port.applyMarks(PLAN);
      const marked = h.snapshot("名单");
      expect(marked.cells.G6).toEqual({ kind: "text", value: "错误：单元格为错误值（E列）", numberFormat: "@" });
      expect(marked.fills.G6).toBe(MARK_COLOURS.error);
      expect(marked.fills.G4).toBe("#E2EFDA"); // a row that passed: no fill of ours
      await h.port.applyMarks(PLAN_FIXED);
      expect(h.snapshot("名单").fills.G7).toBe("#E2EFDA");
      await h.port.clearMarks("名单");
      expect(h.snapshot("名单")).toEqual(original);
    });

    it("selects a cell or rows and activates the sheet", async () => {
      const h = await factory(CONTRACT_BOOK);
      await h.port.select("优先企业", "A2");
      expect(await h.port.activeSheet()).toBe("优先企业");
      await h.port.select("名单", "B5:F5");
      expect(await h.port.activeSheet()).toBe("名单");
      const g = await h.port.readGrid("名单", { scope: "selection" });
      expect([g.firstRow, g.firstColumn, g.rows[0].length]).toEqual([5, 2, 5]);
    });

    it("keeps settings in the workbook", async () => {
      const h = await factory(CONTRACT_BOOK);
      expect(await h.port.loadSetting("settings")).toBeUndefined();
      await h.port.saveSetting("settings", { programmeId: "sd-2023-platform", quota: 10, referenceSheets: ["优先企业"] });
      expect(await h.port.loadSetting("settings")).toEqual({ programmeId: "sd-2023-platform", quota: 10, referenceSheets: ["优先企业"] });
    });

    it("keeps a confirmed column mapping per header wording, the sheet untouched", async () => {
      const h = await factory(CONTRACT_BOOK);
      const before = h.snapshot("名单");
      const a = mappingFor(LIST_HEADERS, [{ column: "D", field: "uscc" }, { column: "F", field: "investment" }]);
      const b = mappingFor(OTHER_HEADERS, [{ column: "经济类型", field: "ownership" }, { column: "A", field: null }]);
      expect(await h.port.loadMapping(a.key)).toBeUndefined();
      await h.port.saveMapping(a);
      await h.port.saveMapping(b);
      expect(await h.port.loadMapping(a.key)).toEqual(a);
      expect(await h.port.loadMapping(b.key)).toEqual(b);
      // Confirming again for the same wording replaces the choices.
      const a2 = mappingFor(LIST_HEADERS, [{ column: "D", field: null }]);
      await h.port.saveMapping(a2);
      expect(await h.port.loadMapping(a.key)).toEqual(a2);
      expect(await h.port.loadMapping(b.key)).toEqual(b);
      // Settings stay apart from mappings.
      await h.port.saveSetting("settings", { programmeId: "js-2023-platform" });
      expect(await h.port.loadMapping(a.key)).toEqual(a2);
      await h.port.forgetMapping(a.key);
      expect(await h.port.loadMapping(a.key)).toBeUndefined();
      expect(await h.port.loadMapping(b.key)).toEqual(b);
      await h.port.forgetMapping(a.key); // nothing saved: a no-op
      expect(h.snapshot("名单")).toEqual(before);
    });

    it(`keeps the ${MAX_SAVED_MAPPINGS} most recently confirmed header wordings`, async () => {
      const h = await factory(CONTRACT_BOOK);
      const all = Array.from({ length: MAX_SAVED_MAPPINGS + 2 }, (_, i) => mappingFor([...LIST_HEADERS, `备注${i}`], [{ column: "F", field: "investment" }]));
      for (const m of all.slice(0, MAX_SAVED_MAPPINGS)) await h.port.saveMapping(m);
      // Confirming the oldest again makes it the most recent.
      await h.port.saveMapping(all[0]);
      await h.port.saveMapping(all[MAX_SAVED_MAPPINGS]);
      await h.port.saveMapping(all[MAX_SAVED_MAPPINGS + 1]);
      const kept = await Promise.all(all.map(async (m) => (await h.port.loadMapping(m.key)) !== undefined));
      expect(kept.filter(Boolean).length).toBe(MAX_SAVED_MAPPINGS);
      expect(kept[0]).toBe(true);
      expect(kept[1]).toBe(false);
      expect(kept[2]).toBe(false);
      expect(kept.slice(3)).toEqual(Array(MAX_SAVED_MAPPINGS - 1).fill(true));
    });

    it("refuses a mapping past the size bound with a clear message, keeping what was saved", async () => {
      const h = await factory(CONTRACT_BOOK);
      const small = mappingFor(LIST_HEADERS, [{ column: "D", field: "uscc" }]);
      await h.port.saveMapping(small);
      const headers = Array.from({ length: 400 }, (_, i) => `第${i + 1}列：近三年研发投入及技术改造投入情况说明（万元）`);
      const huge = mappingFor(headers, headers.map((column) => ({ column, field: null })));
      expect(new TextEncoder().encode(JSON.stringify(huge)).length).toBeGreaterThan(MAX_MAPPING_BYTES);
      const refused = await h.port.saveMapping(huge).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(MappingTooLargeError);
      expect((refused as Error).message).toMatch(/列对应过大.*上限 16 KB.*未保存/);
      expect((refused as MappingTooLargeError).messageEn).toContain("too large");
      expect(await h.port.loadMapping(huge.key)).toBeUndefined();
      expect(await h.port.loadMapping(small.key)).toEqual(small);
      // Just under the bound is kept.
      const fits = mappingFor(headers.slice(0, 100), headers.slice(0, 100).map((column) => ({ column, field: null })));
      expect(new TextEncoder().encode(JSON.stringify(fits)).length).toBeLessThan(MAX_MAPPING_BYTES);
      await h.port.saveMapping(fits);
      expect(await h.port.loadMapping(fits.key)).toEqual(fits);
    });

    it("adds a sheet of values: kinds kept, codes as text, the other sheets untouched, a taken name numbered", async () => {
      const h = await factory(CONTRACT_BOOK);
      const before = [h.snapshot("名单"), h.snapshot("优先企业")];
      const rows: Cell[][] = [
        [t("申报单位"), t("统一社会信用代码"), t("联系电话"), t("注册时间"), t("投资额（万元）"), t("来源")],
        [t("南京甲有限公司"), t("913201150000000001"), t("02584561234"), { kind: "date", value: 43236 }, n(3200), t("江宁区 | 江宁.xlsx | Sheet1 | 第4行")],
        [t("南京乙有限公司"), n(913201152800408000), E, E, { kind: "number", value: 12, formula: "=B4+1" }, t("浦口区 | 浦口.csv | 浦口 | 第2行")],
      ];
      expect(await h.port.addSheet("合并名单", rows)).toBe("合并名单");
      expect(await h.port.listSheets()).toEqual(["名单", "优先企业", "合并名单"]);
      expect(await h.port.activeSheet()).toBe("合并名单");
      const grid = await h.port.readGrid("合并名单");
      expect(grid.firstRow).toBe(1);
      expect(grid.firstColumn).toBe(1);
      expect(grid.rows.map((r) => r.map((c) => [c.kind, c.value]))).toEqual([
        rows[0]!.map((c) => ["text", c.value]),
        [["text", "南京甲有限公司"], ["text", "913201150000000001"], ["text", "02584561234"], ["date", 43236], ["number", 3200], ["text", "江宁区 | 江宁.xlsx | Sheet1 | 第4行"]],
        // A formula's result only: the new sheet holds values.
        [["text", "南京乙有限公司"], ["number", 913201152800408000], ["empty", null], ["empty", null], ["number", 12], ["text", "浦口区 | 浦口.csv | 浦口 | 第2行"]],
      ]);
      expect(grid.rows[2]![4]!.formula).toBeUndefined();
      expect([h.snapshot("名单"), h.snapshot("优先企业")]).toEqual(before);
      expect(await h.port.addSheet("合并名单", rows)).toBe("合并名单 (2)");
      expect(await h.port.listSheets()).toEqual(["名单", "优先企业", "合并名单", "合并名单 (2)"]);
      expect(h.snapshot("合并名单 (2)").cells).toEqual(h.snapshot("合并名单").cells);
      // Excel compares sheet names without case.
      expect(await h.port.addSheet("List", rows)).toBe("List");
      expect(await h.port.addSheet("LIST", rows)).toBe("LIST (2)");
    });

    it("writes the user's cells when asked, says what they held, and writing that back puts the sheet as it was", async () => {
      const h = await factory(CONTRACT_BOOK);
      const caps = await h.port.capabilities();
      const seen: string[] = [];
      if (caps.changeEvents) await h.port.watchChanges((sheet) => seen.push(sheet));
      await h.port.readGrid("名单");
      const before = h.snapshot("名单");
      const old = await h.port.writeCells("名单", [
        { row: 4, column: 2, value: 3 },
        { row: 6, column: 2, value: 1 },
        { row: 7, column: 2, value: "2" },
      ]);
      expect(old).toEqual([
        { row: 4, column: 2, value: 1 },
        { row: 6, column: 2, value: 3 },
        { row: 7, column: 2, value: 4 },
      ]);
      const grid = await h.port.readGrid("名单");
      const at = (row: number) => grid.rows[row - grid.firstRow][2 - grid.firstColumn];
      expect([at(4).value, at(6).value, at(7).value].map(Number)).toEqual([3, 1, 2]);
      // Every other cell as it was; number formats kept.
      const after = h.snapshot("名单");
      expect(Object.keys(after.cells).filter((a) => JSON.stringify(after.cells[a]) !== JSON.stringify(before.cells[a]))).toEqual(["B4", "B6", "B7"]);
      expect(after.cells.B4.numberFormat ?? "General").toBe(before.cells.B4.numberFormat ?? "General");
      await h.port.writeCells("名单", old);
      expect(h.snapshot("名单")).toEqual(before);
      // A formula is put back as a formula.
      const formula = await h.port.writeCells("名单", [{ row: 5, column: 2, value: 9 }]);
      expect(formula).toEqual([{ row: 5, column: 2, value: 2, formula: "=B4+1" }]);
      await h.port.writeCells("名单", formula);
      const back = await h.port.readGrid("名单");
      expect(back.rows[5 - back.firstRow][0].formula).toBe("=B4+1");
      await new Promise((r) => setTimeout(r, 30));
      expect(seen).toEqual([]);
    });

    it("reports the user's edits on a read sheet, not its own marks", async () => {
      const h = await factory(CONTRACT_BOOK);
      if (!(await h.port.capabilities()).changeEvents) return;
      const seen: string[] = [];
      await h.port.watchChanges((sheet) => seen.push(sheet));
      await h.port.readGrid("名单");
      await h.port.applyMarks(PLAN);
      await new Promise((r) => setTimeout(r, 0));
      expect(seen).toEqual([]);
      h.userEdit("名单", "C4", t("南京甲科技有限公司"));
      await new Promise((r) => setTimeout(r, 0));
      expect(seen).toEqual(["名单"]);
    });

    it("does not take its own clearing of the marks for the user's edit", async () => {
      const h = await factory(CONTRACT_BOOK);
      if (!(await h.port.capabilities()).changeEvents) return;
      const seen: string[] = [];
      await h.port.watchChanges((sheet) => seen.push(sheet));
      await h.port.readGrid("名单");
      await h.port.applyMarks(PLAN);
      await h.port.applyMarks(PLAN_FIXED);
      await h.port.clearMarks("名单");
      // Excel reports its add-in's writes late; wait past the mock's delay for them.
      await new Promise((r) => setTimeout(r, 30));
      expect(seen).toEqual([]);
    });

    it("reads a district merged down 3 rows, a filtered row, a hidden row and a hidden column as the file reader does: the same findings per row", async () => {
      const file = await shapeBookAsFile();
      const expected = checkedRows(file.grid, file.findings);
      // The file reader itself: 历下区 on rows 3–5, 综合型 on 6–8, rows 7 and 9 and column L named once.
      expect(expected.rowsChecked).toBe(7);
      expect(expected.districts).toEqual(["历下区", "历下区", "历下区", "市中区", "市中区", "槐荫区", "槐荫区"]);
      expect(expected.rows).toEqual(["not-built:6:G:error", "uscc-checksum:6:D:error"]);
      expect(expected.hidden).toEqual([expect.stringMatching(/^第7行被筛选隐藏；第9行被隐藏；L列被隐藏：/)]);
      const h = await factory(SHAPE_BOOK);
      const api = (await h.port.capabilities()).excelApi ?? Infinity;
      const before = h.syncs?.();
      const read = await h.port.readGrids([{ sheet: SHAPE_SHEET }]);
      // The shape costs no sync of its own: the extent, then the values and the shape together.
      if (before !== undefined) expect(h.syncs!() - before).toBe(2);
      const grid = read.grids[0];
      const got = checkedRows(grid, read.findings[0]);
      if (api >= 13) {
        expect(grid.shape).toEqual(file.grid.shape);
        expect(got).toEqual(expected);
        return;
      }
      // An Excel without a requirement set says nothing of what it cannot read, and nothing false.
      expect(grid.shape?.merges).toBeUndefined();
      if (api >= 9) {
        expect(grid.shape).toEqual({ hiddenRows: [7, 9], filteredRows: [7], hiddenColumns: [12] });
        expect(got.hidden).toEqual(expected.hidden);
      } else {
        expect(grid.shape).toBeUndefined();
        expect(got.hidden).toEqual([]);
      }
      expect(got.rowsChecked).toBe(expected.rowsChecked);
      // Without the merges the rows they cover read blank there (the required 申报方向 says so), the rest alike.
      expect(got.districts).toEqual(["历下区", null, null, "市中区", "市中区", "槐荫区", "槐荫区"]);
      const inMerges = (r: string) => /:[78]:E:/.test(r);
      expect(got.rows.filter((r) => !inMerges(r))).toEqual(expected.rows);
      expect(got.rows.filter(inMerges).length).toBeGreaterThan(0);
    });

    it("reads the shape of a selection and of a sheet with no shape as nothing", async () => {
      const h = await factory(SHAPE_BOOK);
      const api = (await h.port.capabilities()).excelApi ?? Infinity;
      await h.port.select(SHAPE_SHEET, "A6:K9");
      const part = await h.port.readGrid(SHAPE_SHEET, { scope: "selection" });
      const merged = api >= 13 ? { merges: [{ top: 6, left: 5, bottom: 8, right: 5 }] } : {};
      if (api >= 9) expect(part.shape).toEqual({ ...merged, hiddenRows: [7, 9], filteredRows: [7] });
      const other = await factory(CONTRACT_BOOK);
      const g = await other.port.readGrid("优先企业");
      expect(g.shape).toBeUndefined();
    });

    it("a new sheet written with a file's shape reads back with it", async () => {
      const file = await shapeBookAsFile();
      const h = await factory(CONTRACT_BOOK);
      const api = (await h.port.capabilities()).excelApi ?? Infinity;
      const name = await h.port.addSheet("济南市", file.grid.rows, file.grid.shape);
      const back = await h.port.readGrid(name);
      // The filter itself is not written (only the rows it hid), so the warning may call row 7 hidden, not filtered.
      const { hidden, ...rows } = checkedRows(back, []);
      const { hidden: fileHidden, ...fileRows } = checkedRows(file.grid, []);
      if (api >= 13) expect(rows).toEqual(fileRows);
      if (api >= 9) {
        expect(back.shape).toMatchObject({ hiddenRows: [7, 9], hiddenColumns: [12] });
        expect(hidden).toHaveLength(fileHidden.length);
      }
    });
  });
}
