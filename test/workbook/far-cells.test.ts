/**
 * Far cells, one rule for every reader: random lists with stray cells anywhere on the sheet (near,
 * under a thousand empty rows, at XFD1048576) read through the Office.js adapter (which locates a
 * large range by band used ranges), the preview host and the .xlsx reader give the same grid, and
 * every stray left out is named. Bounded by run counts.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnLetter, columnNumber, type Cell } from "../../src/domain/cells";
import { OfficeWorkbook } from "../../src/workbook/office-adapter";
import { PreviewHost, type PreviewInit } from "../../src/workbook/preview-host";
import { readXlsx } from "../../src/workbook/xlsx-adapter";
import { ExcelMock } from "./excel-mock";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const stray = fc.record({
  row: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1000, max: 3000 }), fc.integer({ min: 1, max: MAX_ROW }), fc.constant(MAX_ROW)),
  col: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 100, max: 300 }), fc.integer({ min: 1, max: MAX_COL }), fc.constant(MAX_COL)),
  value: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && s.length > 0 && !s.startsWith("=")),
});

const sheetArb = fc.record({
  top: fc.integer({ min: 1, max: 5 }),
  left: fc.integer({ min: 1, max: 4 }),
  // At least 9 cells: more than the (at most 4) strays, so the block is always the list.
  height: fc.integer({ min: 3, max: 40 }),
  width: fc.integer({ min: 3, max: 18 }),
  strays: fc.array(stray, { maxLength: 4 }),
});

type Sheet = { top: number; left: number; height: number; width: number; strays: { row: number; col: number; value: string }[] };

function cellsOf(s: Sheet): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (let r = 0; r < s.height; r++) for (let c = 0; c < s.width; c++) cells.set(`${s.top + r},${s.left + c}`, { kind: "text", value: r === 0 ? `列${c + 1}` : `值${r}-${c}` });
  for (const x of s.strays) cells.set(`${x.row},${x.col}`, { kind: "text", value: x.value });
  return cells;
}

function init(): PreviewInit {
  // A one-cell sheet, then every cell written by address (the mock and host take edits).
  return { sheets: [{ name: "名单", rows: [[]] }], active: "名单" };
}

const address = (k: string) => {
  const [r, c] = k.split(",").map(Number);
  return `${columnLetter(c)}${r}`;
};

describe("far cells: the Office.js adapter, the preview host and the .xlsx reader agree", () => {
  it("random lists with strays: the same grid from all three, every left-out stray named", async () => {
    await fc.assert(
      fc.asyncProperty(sheetArb, async (s) => {
        const cells = cellsOf(s);
        const mock = new ExcelMock(init());
        const host = new PreviewHost(init());
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("名单");
        for (const [k, cell] of cells) {
          mock.userEdit("名单", address(k), cell);
          host.editCell("名单", address(k), cell);
          const [r, c] = k.split(",").map(Number);
          ws.getCell(r, c).value = cell.value as string;
        }
        const office = await new OfficeWorkbook({ Excel: mock.Excel, Office: mock.Office }).readGrids([{ sheet: "名单" }]);
        const preview = await host.readGrids([{ sheet: "名单" }]);
        const file = (await readXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).sheet("名单");
        const plain = (g: { firstRow: number; firstColumn: number; rows: Cell[][] }) => ({ at: [g.firstRow, g.firstColumn], rows: g.rows.map((r) => r.map((c) => (c.kind === "empty" ? null : c.value))) });
        expect(plain(office.grids[0])).toEqual(plain(preview.grids[0]));
        expect(plain(file.grid)).toEqual(plain(preview.grids[0]));
        const g = preview.grids[0];
        const inGrid = (r: number, c: number) => r >= g.firstRow && r < g.firstRow + g.rows.length && c >= g.firstColumn && c < g.firstColumn + g.rows[0].length;
        // Independent of the readers: the block is read whole, and a stray from row 5000 or column 500 on
        // is left out (the block ends by row 45 and column 22; four strays cannot bridge that far).
        expect(inGrid(s.top, s.left) && inGrid(s.top + s.height - 1, s.left + s.width - 1)).toBe(true);
        const stays = (x: { row: number; col: number; value: string }) => cells.get(`${x.row},${x.col}`)?.value === x.value;
        for (const x of s.strays.filter((x) => stays(x) && (x.row >= 5000 || x.col >= 500))) expect(inGrid(x.row, x.col)).toBe(false);
        const left = s.strays.filter((x) => stays(x) && !inGrid(x.row, x.col));
        for (const read of [office.findings[0], preview.findings[0], file.findings]) {
          expect(read.length).toBe(left.length > 0 ? 1 : 0);
          // Each left-out stray named: by its address, or inside a region (the Office.js adapter names
          // regions over 64 cells by address). Only what follows "hold values:", not the list's own range.
          const named = read[0]?.messageEn.split("hold values:")[1] ?? "";
          const regions = [...named.matchAll(/([A-Z]+)(\d+):([A-Z]+)(\d+)/g)].map((m) => ({ top: +m[2], bottom: +m[4], left: columnNumber(m[1]), right: columnNumber(m[3]) }));
          for (const x of left) {
            const own = new RegExp(`(^|[^A-Z:])${columnLetter(x.col)}${x.row}(?![\\d:])`).test(named);
            expect(own || regions.some((a) => x.row >= a.top && x.row <= a.bottom && x.col >= a.left && x.col <= a.right)).toBe(true);
          }
        }
        expect(preview.findings[0][0]?.message).toEqual(file.findings[0]?.message);
      }),
      { numRuns: Number(process.env.FAR_RUNS ?? 40), seed: Number(process.env.FAR_SEED ?? 20261129) },
    );
  }, 300_000);
});
