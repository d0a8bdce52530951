/**
 * 下载带标注的名单 (Session.markedCopy, the web checker's download): the copy holds exactly what the
 * marked sheet shows — every cell, fill and note of the sheet on the preview host, the 校验结果 column —
 * and the sheet's merges and hidden rows; the sheet itself is not changed by making it.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnLetter } from "../../src/domain/cells";
import { writers } from "../../src/export/writers";
import { engine } from "../../src/workbook/engine";
import { PreviewHost } from "../../src/workbook/preview-host";
import { markedCopyFileName, Session, type CheckSettings } from "../../src/workbook/session";

const SHAPES = join(__dirname, "..", "data", "shapes");
const SETTINGS: CheckSettings = { programmeId: "js-2023-platform", city: "南京市", asOf: "", quota: null, referenceSheets: [], scope: "used" };

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(wb.worksheets.length).toBe(1);
  return wb.worksheets[0];
}

const noteText = (note: ExcelJS.Cell["note"]) => (typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join(""));

describe("the marked copy is the marked sheet", () => {
  // What each file's shape must bring along: merged districts, hidden rows.
  const shapes: Record<string, { merges: boolean; hidden: boolean }> = {
    "区县合并单元格.xls": { merges: true, hidden: false },
    "隐藏与筛选行.xls": { merges: false, hidden: true },
    "小计与签字行.ods": { merges: false, hidden: false },
    // Its title and notes merged across the list, over a column of 序号.
    "../files/江宁区.xls": { merges: true, hidden: false },
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(name, async () => {
      const host = new PreviewHost({ sheets: [{ name: "Sheet1", rows: [] }] });
      const session = new Session(host, engine, "zh", writers);
      await session.start();
      const opened = await session.openAndCheck(SETTINGS, { name: basename(name), bytes: new Uint8Array(readFileSync(join(SHAPES, name))) });
      const sheet = opened.sheets[0];
      const before = host.snapshot(sheet);
      const out = await session.markedCopy("2026-12-03");
      expect(host.snapshot(sheet)).toEqual(before);
      expect(out.fileName).toBe(markedCopyFileName(sheet, "南京市", "江苏省重点工业互联网平台", "2026-12-03"));
      expect(out.rows).toBe(opened.check.report.counts.rowsChecked);
      const ws = await load(out.bytes);

      // Every cell the sheet holds, its marks' fills and notes, and nothing else.
      const cells: Record<string, unknown> = {};
      const fills: Record<string, string> = {};
      const notes: Record<string, string> = {};
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const at = `${columnLetter(Number(cell.col))}${cell.row}`;
          if (cell.value !== null && cell.value !== undefined && !cell.isMerged) cells[at] = cell.value;
          else if (cell.value !== null && cell.value !== undefined && cell.master === cell) cells[at] = cell.value;
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          if (fill?.pattern === "solid") fills[at] = `#${String(fill.fgColor?.argb).slice(2)}`;
          if (cell.note) notes[at] = noteText(cell.note);
        }),
      );
      const want = Object.fromEntries(Object.entries(before.cells).filter(([, c]) => c.value !== null).map(([at, c]) => [at, c.value]));
      // Dates come back from exceljs as Date objects: compare them as the serial days the sheet keeps.
      const got = Object.fromEntries(Object.entries(cells).map(([at, v]) => [at, v instanceof Date ? v.getTime() / 86400000 + 25569 : v]));
      expect(got).toEqual(want);
      expect(Object.values(before.cells).some((c) => c.value === "校验结果")).toBe(true);
      expect(fills).toEqual(before.fills);
      expect(Object.keys(fills).length).toBeGreaterThan(0);
      expect(notes).toEqual(before.notes);

      // The sheet's shape: its merges and hidden rows and columns.
      const view = host.view(sheet);
      const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
      expect([...merges].sort()).toEqual([...view.merges].filter((m) => m.includes(":")).sort());
      const hidden: number[] = [];
      ws.eachRow({ includeEmpty: true }, (row) => row.hidden && hidden.push(row.number));
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).hidden && !hidden.includes(r)) hidden.push(r);
      expect(hidden.sort((a, b) => a - b)).toEqual([...view.hiddenRows].sort((a, b) => a - b));
      expect(merges.length > 0).toBe(shape.merges);
      // Columns as wide as their text (at most 60), a title merged over them not counted.
      for (let c = 1; c < opened.check.lastColumn; c++) expect(ws.getColumn(c).width ?? 0).toBeGreaterThanOrEqual(6);
      if (name.includes("江宁区")) expect(ws.getColumn(1).width).toBeLessThan(12);
      expect(hidden.length > 0).toBe(shape.hidden);
    });
  }

  it("is refused before any check", async () => {
    const session = new Session(new PreviewHost({ sheets: [{ name: "Sheet1", rows: [] }] }), engine, "zh", writers);
    await session.start();
    await expect(session.markedCopy("2026-12-03")).rejects.toThrow("请先检查名单");
  });
});
