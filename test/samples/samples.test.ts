import { describe, expect, it } from "vitest";
import { SAMPLES, sampleGrid } from "../../src/samples/index";
import type { Cell } from "../../src/domain/cells";

// Independent of the engine's USCC code on purpose: the samples must be right by GB 32100 itself.
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function usccValid(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(code)) return false;
  let s = 0;
  for (let i = 0; i < 17; i++) s += CHARSET.indexOf(code[i]) * WEIGHTS[i];
  if (CHARSET[(31 - (s % 31)) % 31] !== code[17]) return false;
  let o = 0;
  for (let i = 0; i < 8; i++) {
    const c = code[8 + i];
    o += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * ORG_WEIGHTS[i];
  }
  const r = 11 - (o % 11);
  return (r === 10 ? "X" : r === 11 ? "0" : String(r)) === code[16];
}
function compact(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00A0\u3000-]/g, "")
    .toUpperCase();
}

/** Codes written wrong on purpose (checksum or length); every other text code must be valid. */
const INTENDED_INVALID = new Set([
  "91320115MALBFWA832", "91320115MADNDM897", "91320506MA0P5J6A9", "91321202MA1FXCUF9G",
  "91370102MAFYFCW113", "91320507MAXXXXXXXX", "91320583MAEAXW7C1M", "91370212MAHE8RCD01", "91370211MAF4U14D6",
]);

function usccCells(rows: Cell[][]): { row: number; cell: Cell }[] {
  const columns = new Set<number>();
  let headerEnd = 0;
  rows.slice(0, 6).forEach((r, i) =>
    r.forEach((c, j) => {
      if (c.kind === "text" && c.value === "统一社会信用代码") {
        columns.add(j);
        headerEnd = Math.max(headerEnd, i);
      }
    }),
  );
  const out: { row: number; cell: Cell }[] = [];
  rows.slice(headerEnd + 1).forEach((r, i) => {
    for (const j of columns) if (r[j] && r[j].kind !== "empty") out.push({ row: headerEnd + 2 + i, cell: r[j] });
  });
  return out;
}

function sumRange(rows: Cell[][], formula: string): number | null {
  const m = /^=SUM\(([A-Z])(\d+):([A-Z])(\d+)\)$/.exec(formula);
  if (!m) return null;
  let total = 0;
  for (let r = Number(m[2]); r <= Number(m[4]); r++)
    for (let c = m[1].charCodeAt(0) - 65; c <= m[3].charCodeAt(0) - 65; c++) {
      const cell = rows[r - 1]?.[c];
      if (cell && cell.kind === "number") total += cell.value as number;
    }
  return total;
}

describe("sample district lists", () => {
  it("one sample per programme, with the six programme ids", () => {
    expect(SAMPLES.map((s) => s.programmeId).sort()).toEqual(
      ["js-2020-666", "js-2023-benchmark-factory", "js-2023-platform", "js-2023-star-cloud", "sd-2023-platform", "sd-2024-gfbj-2"],
    );
    expect(new Set(SAMPLES.map((s) => s.id)).size).toBe(6);
  });

  for (const sample of SAMPLES) {
    describe(sample.id, () => {
      const grid = sampleGrid(sample);
      const dataRows = grid.rows.filter((r) => r.some((c) => c.kind !== "empty"));

      it("has 12–30 data rows plus title, 填报单位, 合计 and 填报说明 rows", () => {
        const text = (r: Cell[]) => r.map((c) => (c.kind === "text" ? String(c.value) : "")).join("|");
        expect(text(grid.rows[0])).toMatch(/汇总表/);
        expect(text(grid.rows[1])).toMatch(/(填报|报送|推荐)单位|联系人|经办人/);
        expect(grid.rows.some((r) => text(r).startsWith("合计"))).toBe(true);
        expect(grid.rows.some((r) => text(r).startsWith("填报说明"))).toBe(true);
        expect(grid.rows.some((r) => r.every((c) => c.kind === "empty"))).toBe(true);
        const applicants = dataRows.filter((r) => r[0].kind === "number" || (r[0].formula ?? "") !== "");
        expect(applicants.length).toBeGreaterThanOrEqual(12);
        expect(applicants.length).toBeLessThanOrEqual(30);
      });

      it("carries the messy cases: truncated code, error cell, formula, full-width or odd spaces, 分公司", () => {
        const cells = grid.rows.flat();
        expect(cells.some((c) => c.kind === "number" && (c.value as number) > 1e17)).toBe(true);
        expect(cells.some((c) => c.kind === "error")).toBe(true);
        expect(cells.some((c) => c.formula !== undefined)).toBe(true);
        expect(cells.some((c) => c.kind === "date")).toBe(true);
        expect(cells.some((c) => typeof c.value === "string" && /[\u3000\u00A0\u200B\uFF10-\uFF5A]/.test(c.value))).toBe(true);
        expect(cells.some((c) => typeof c.value === "string" && /分公司|分厂/.test(c.value))).toBe(true);
      });

      it("every code not written wrong on purpose is a valid USCC, and the wrong ones really are wrong", () => {
        const codes = usccCells(grid.rows).filter(({ cell }) => cell.kind === "text");
        expect(codes.length).toBeGreaterThanOrEqual(10);
        for (const { row, cell } of codes) {
          const code = compact(String(cell.value));
          if (INTENDED_INVALID.has(code)) expect(usccValid(code), `row ${row} ${code}`).toBe(false);
          else expect(usccValid(code), `row ${row} ${code}`).toBe(true);
        }
      });

      it("a duplicate enterprise (same code on two rows after compaction)", () => {
        const codes = usccCells(grid.rows)
          .filter(({ cell }) => cell.kind === "text")
          .map(({ cell }) => compact(String(cell.value)));
        expect(codes.length - new Set(codes).size).toBeGreaterThanOrEqual(1);
      });

      it("an out-of-province registration", () => {
        const province = sample.programmeId.startsWith("js") ? "32" : "37";
        const codes = usccCells(grid.rows).map(({ cell }) => compact(String(cell.value)));
        expect(codes.some((c) => c.length === 18 && usccValid(c) && c.slice(2, 4) !== province && c.slice(2, 8) !== "100000")).toBe(true);
      });

      it("cached SUM results agree with the cells they add up", () => {
        for (const cell of grid.rows.flat()) {
          if (!cell.formula) continue;
          const expected = sumRange(grid.rows, cell.formula);
          if (expected !== null) expect(cell.value, cell.formula).toBe(expected);
        }
      });

      it("merged ranges hold a value only in their top-left cell", () => {
        for (const range of sample.merges) {
          const [a, b] = range.split(":");
          const pos = (s: string) => ({ col: s.charCodeAt(0) - 65, row: Number(s.slice(1)) - 1 });
          const tl = pos(a), br = pos(b);
          for (let r = tl.row; r <= br.row; r++)
            for (let c = tl.col; c <= br.col; c++)
              if (r !== tl.row || c !== tl.col) expect(grid.rows[r]?.[c]?.kind ?? "empty", `${range} ${r + 1},${c + 1}`).toBe("empty");
        }
      });

      it("grid is rectangular", () => {
        const width = grid.rows[0].length;
        expect(grid.rows.every((r) => r.length === width)).toBe(true);
      });
    });
  }
});
