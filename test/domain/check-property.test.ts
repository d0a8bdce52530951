/**
 * Random messy grids thrown at check(): it never throws, its report always passes the schema, it
 * never changes the grid, and what it counts adds up.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell, Grid } from "../../src/domain/cells";
import { check } from "../../src/domain/check";
import { listProgrammes } from "../../src/domain/catalogue";
import { Report } from "../../src/domain/report";
import { PLAIN } from "../../src/domain/rules/read";
import { cleanText } from "../../src/domain/text";
import { SAMPLES, sampleGrid } from "../../src/samples/index";

const WORDS = [
  "申报单位", "企业名称", "统一社会信用代码", "注册时间", "成立日期", "平台类型", "申报方向", "建设情况", "推荐排序", "企业性质", "所属集团",
  "合计", "小计", "填报说明：", "备注", "是", "否", "√", "×", "Y", "N", "有", "无", "至今", "在建", "已建成", "综合型", "特色性", "三星级", "4星",
  "2020年3月", "2020.3.5", "20200305", "2020-03", "2021年13月", "0.2亿元", "2,000", "贰仟万元", "20000000元", "万元", "中央驻鲁", "省属国企子公司",
  "91320115MAHEGG3M0K", "91370211MAKH6L4B4Y", "923201158426602241", "123456789012345678", "9132011５MAHEGG3M0K", "南京某某有限公司分公司",
  "025-52186731", "1380642", "青岛瑞海集团", "2-01 人工智能大模型赋能研发设计", "牵头单位（服务商）", "单位名称", "近三年投入（万元）",
  "\u3000", "\u00A0", "\u200B", " ", "（", "）", "：", "#N/A",
];

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Cell>({ kind: "empty", value: null }) },
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w): Cell => ({ kind: "text", value: w.join("") })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s): Cell => ({ kind: "text", value: s })) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double({ noNaN: false }), fc.constant(913201152800408000)).map((n): Cell => ({ kind: "number", value: n })) },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -10, max: 3_000_000 }), fc.double()).map((n): Cell => ({ kind: "date", value: n, numberFormat: "yyyy-mm-dd" })) },
  { weight: 1, arbitrary: fc.boolean().map((b): Cell => ({ kind: "boolean", value: b })) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#REF!", "#VALUE!").map((e): Cell => ({ kind: "error", value: e, formula: "=X1" })) },
);

/** A random grid, sometimes built on a real header so the rules run, not only the header search. */
function gridArb(): fc.Arbitrary<Grid> {
  return fc
    .record({
      width: fc.integer({ min: 0, max: 14 }),
      height: fc.integer({ min: 0, max: 25 }),
      seedHeader: fc.option(fc.constantFrom(...SAMPLES.map((s) => s.id)), { nil: undefined }),
      firstRow: fc.integer({ min: 1, max: 40 }),
      firstColumn: fc.integer({ min: 1, max: 30 }),
      cells: fc.array(cellArb, { minLength: 0, maxLength: 14 * 25 }),
    })
    .map(({ width, height, seedHeader, firstRow, firstColumn, cells }) => {
      let k = 0;
      const next = (): Cell => cells.length === 0 ? { kind: "empty", value: null } : cells[k++ % cells.length]!;
      let rows: Cell[][] = Array.from({ length: height }, () => Array.from({ length: width }, next));
      if (seedHeader) {
        const sample = sampleGrid(SAMPLES.find((s) => s.id === seedHeader)!);
        const top = sample.rows.slice(0, 4);
        const w = top[0]!.length;
        rows = [...top, ...rows.map((r) => Array.from({ length: w }, (_, i) => r[i] ?? next()))];
      }
      return { sheetName: "随机", firstRow, firstColumn, rows };
    });
}

describe("check() on random messy grids", () => {
  it("never throws, always passes Report.parse, never changes the grid, and its counts add up", () => {
    const programmes = listProgrammes().map((p) => p.id);
    fc.assert(
      fc.property(
        gridArb(),
        fc.constantFrom(...programmes),
        fc.constantFrom("南京", "济南市", "3202", "昆山市", "青岛", "火星"),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        (grid, programmeId, city, quota) => {
          const before = JSON.stringify(grid);
          const report = check(grid, { programme: builtinProgramme(programmeId), city, ...(quota !== undefined ? { quota } : {}) });
          Report.parse(report);
          expect(JSON.stringify(grid)).toBe(before);
          expect(report.counts.errors + report.counts.warnings + report.counts.infos).toBe(report.findings.length);
          expect(report.counts.rowsRead).toBe(report.counts.rowsChecked + report.counts.rowsSkipped);
          for (const f of report.findings) {
            if (f.row !== undefined) {
              expect(f.row).toBeGreaterThanOrEqual(grid.firstRow);
              expect(f.row).toBeLessThan(grid.firstRow + grid.rows.length);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("the fast path for plain text agrees with cleanText", () => {
    const unit = fc.constantFrom("a", " ", "\u3000", "\u00A0", "\u200B", "Ａ", "中", "\t", "\n", "\u2003", "（", "\u205F", "\uFEFF", "1");
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        if (PLAIN.test(s)) expect(cleanText(s)).toBe(s);
      }),
      { numRuns: 5000 },
    );
  });
});
