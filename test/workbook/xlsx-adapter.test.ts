import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/domain/cells";
import { SAMPLES, sampleGrid } from "../../src/samples/index";
import { readXlsx, XlsxReadError } from "../../src/workbook/xlsx-adapter";
import { sampleXlsxBuffer } from "../../scripts/sample-files";

const SAMPLES_DIR = join(__dirname, "..", "..", "samples");

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Compare cells ignoring an absent vs "General" number format. */
function norm(c: Cell): Cell {
  const out: Cell = { kind: c.kind, value: c.value };
  if (c.formula) out.formula = c.formula;
  if (c.kind !== "empty" && c.numberFormat && c.numberFormat !== "General") out.numberFormat = c.numberFormat;
  return out;
}

describe("xlsx adapter: kinds", () => {
  it("reads text, numbers, booleans, dates as serials, errors and empties with their formats", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.getCell("A1").value = "南京云启智造科技有限公司";
    ws.getCell("B1").value = 913201152800408000;
    ws.getCell("C1").value = true;
    ws.getCell("D1").value = new Date(Date.UTC(2020, 2, 5));
    ws.getCell("D1").numFmt = "yyyy-mm-dd";
    ws.getCell("E1").value = { error: "#N/A" };
    ws.getCell("F1").value = "91320115MAHEGG3M0K";
    ws.getCell("F1").numFmt = "@";
    ws.getCell("G1").value = 2000.5;
    ws.getCell("G1").numFmt = "#,##0.00";
    const book = await readXlsx(await bytesOf(wb));
    const { grid } = book.sheet();
    expect(book.sheetNames).toEqual(["名单"]);
    expect(grid.sheetName).toBe("名单");
    expect(grid.rows[0].map((c) => c.kind)).toEqual(["text", "number", "boolean", "date", "error", "text", "number"]);
    expect(grid.rows[0][1].value).toBe(913201152800408000);
    expect(grid.rows[0][3]).toEqual({ kind: "date", value: 43895, numberFormat: "yyyy-mm-dd" });
    expect(grid.rows[0][4].value).toBe("#N/A");
    expect(grid.rows[0][5].numberFormat).toBe("@");
    expect(grid.rows[0][6]).toEqual({ kind: "number", value: 2000.5, numberFormat: "#,##0.00" });
  });

  it("keeps the time of day as the fraction of a date serial", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2023, 1, 28, 18, 0, 0));
    ws.getCell("A1").numFmt = "yyyy-mm-dd hh:mm";
    const { grid } = (await readXlsx(await bytesOf(wb))).sheet();
    expect(grid.rows[0][0].kind).toBe("date");
    expect(grid.rows[0][0].value).toBeCloseTo(44985.75, 8);
  });

  it("formulas: value is the cached result, formula kept with '=', shared formulas translated", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = { formula: "A1+1", result: 2 };
    ws.getCell("A3").value = { sharedFormula: "A2", result: 3 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("B1").value = { formula: "VLOOKUP(A1,X!A:B,2,0)", result: { error: "#N/A" } };
    ws.getCell("C1").value = { formula: "\"江\"&\"宁\"", result: "江宁" };
    ws.getCell("D1").value = { formula: "DATE(2013,6,1)", result: new Date(Date.UTC(2013, 5, 1)) };
    ws.getCell("D1").numFmt = "yyyy-mm-dd";
    ws.getCell("E1").value = { formula: "1>0", result: true };
    const { grid } = (await readXlsx(await bytesOf(wb))).sheet();
    expect(grid.rows[1][0]).toMatchObject({ kind: "number", value: 2, formula: "=A1+1" });
    expect(grid.rows[2][0]).toMatchObject({ kind: "number", value: 3, formula: "=A2+1" });
    expect(grid.rows[0][1]).toMatchObject({ kind: "error", value: "#N/A", formula: "=VLOOKUP(A1,X!A:B,2,0)" });
    expect(grid.rows[0][2]).toMatchObject({ kind: "text", value: "江宁" });
    expect(grid.rows[0][3]).toMatchObject({ kind: "date", value: 41426, formula: "=DATE(2013,6,1)" });
    expect(grid.rows[0][4]).toMatchObject({ kind: "boolean", value: true });
  });

  it("flattens rich text and hyperlinks to their text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { richText: [{ text: "南京" }, { font: { bold: true }, text: "瑞达" }, { text: "有限公司" }] };
    ws.getCell("B1").value = { text: "官网", hyperlink: "https://example.invalid" };
    const { grid } = (await readXlsx(await bytesOf(wb))).sheet();
    expect(grid.rows[0][0]).toMatchObject({ kind: "text", value: "南京瑞达有限公司" });
    expect(grid.rows[0][1]).toMatchObject({ kind: "text", value: "官网" });
  });

  it("merged cells: the value only in the top-left cell; merges reported", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "近三年投入（万元）";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = "开发费";
    ws.getCell("B2").value = "设备费";
    ws.getCell("C2").value = "合计";
    const sheet = (await readXlsx(await bytesOf(wb))).sheet();
    expect(sheet.grid.rows[0].map((c) => c.kind)).toEqual(["text", "empty", "empty"]);
    expect(sheet.merges).toEqual(["A1:C1"]);
  });

  it("used range: starts at the first non-empty row and column; empty sheet gives no rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("C3").value = "序号";
    ws.getCell("E7").value = 1;
    ws.getCell("F9").numFmt = "@"; // formatted but empty: not part of the values-only range
    wb.addWorksheet("空表");
    const book = await readXlsx(await bytesOf(wb));
    const { grid } = book.sheet("S");
    expect([grid.firstRow, grid.firstColumn, grid.rows.length, grid.rows[0].length]).toEqual([3, 3, 5, 3]);
    expect(grid.rows[4][2]).toMatchObject({ kind: "number", value: 1 });
    expect(book.sheet("空表").grid.rows).toEqual([]);
  });

  it("a missing sheet and non-xlsx bytes raise XlsxReadError with a Chinese reason", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("江宁区");
    const book = await readXlsx(await bytesOf(wb));
    expect(() => book.sheet("浦口区")).toThrow(XlsxReadError);
    expect(() => book.sheet("浦口区")).toThrow(/浦口区.*江宁区/);
    await expect(readXlsx(new TextEncoder().encode("序号,申报单位\n1,南京"))).rejects.toThrow(XlsxReadError);
  });

  it("reads a workbook written by another producer (SheetJS) the same way", async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ["申报单位", "统一社会信用代码", "注册时间", "投入"],
      ["南京瑞达精密机械有限公司", 913201152800408000, new Date(Date.UTC(2016, 2, 1)), 2000],
    ], { cellDates: true });
    ws["C2"].z = "yyyy-mm-dd";
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Sheet1");
    const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx", cellDates: false }) as Buffer;
    const { grid } = (await readXlsx(new Uint8Array(bytes))).sheet();
    expect(grid.rows[1].map((c) => c.kind)).toEqual(["text", "number", "date", "number"]);
    expect(grid.rows[1][2].value).toBe(42430);
  });
});

describe("xlsx adapter: samples round trip", () => {
  for (const sample of SAMPLES) {
    it(`${sample.id}: written .xlsx reads back as the sample grid, with its merges`, async () => {
      const sheet = (await readXlsx(await sampleXlsxBuffer(sample))).sheet();
      const expected = sampleGrid(sample);
      expect(sheet.grid.sheetName).toBe(sample.sheetName);
      expect(sheet.grid.rows.map((r) => r.map(norm))).toEqual(expected.rows.map((r) => r.map(norm)));
      expect([...sheet.merges].sort()).toEqual([...sample.merges].sort());
    });

    it(`${sample.id}: the committed samples/${sample.id}.xlsx is up to date`, async () => {
      const sheet = (await readXlsx(readFileSync(join(SAMPLES_DIR, `${sample.id}.xlsx`)))).sheet();
      expect(sheet.grid.rows.map((r) => r.map(norm))).toEqual(sampleGrid(sample).rows.map((r) => r.map(norm)));
    });
  }
});
