/**
 * Where the list is on a sheet (domain/list-area): the one rule every reader uses to leave out far
 * cells. Figures at the boundary: 999 empty rows keep a cell with the list, 1000 make it far.
 */
import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/domain/cells";
import { FAR_COLUMNS, FAR_ROWS, listAreaOf, mainRun, trimToList } from "../../src/domain/list-area";

const cellsAt = (list: [number, number][]) => () => list;

describe("mainRun", () => {
  it("splits where at least `gap` empty indices lie between, and keeps the run holding the most cells", () => {
    const one = (first: number, weight = 1) => ({ first, last: first, weight });
    expect(mainRun([one(1), one(2), one(3), one(1004)], FAR_ROWS)).toEqual([1, 3]);
    expect(mainRun([one(1), one(2), one(3), one(1003)], FAR_ROWS)).toEqual([1, 1003]);
    // The heavier run wins, wherever it is; on a tie the earlier one.
    expect(mainRun([one(1), one(5000, 10), one(5001, 10)], FAR_ROWS)).toEqual([5000, 5001]);
    expect(mainRun([one(1, 2), one(5000), one(5001)], FAR_ROWS)).toEqual([1, 1]);
    expect(mainRun([], FAR_ROWS)).toBeNull();
    // Intervals (bands) join as single indices do.
    expect(mainRun([{ first: 1, last: 40, weight: 400 }, { first: 1041, last: 1041, weight: 1 }], FAR_ROWS)).toEqual([1, 40]);
  });
});

describe("listAreaOf", () => {
  it("a far cell does not hold the list open once its column is left out (rows, columns, rows again)", () => {
    const list: [number, number][] = [[1, 1], [1, 2], [2, 1], [2, 2]];
    // XFD1000 joins rows 1..1003 at first; without column XFD, A1003 is 1000 rows below the list.
    expect(listAreaOf(cellsAt([...list, [1003, 1], [1000, 16384]]))).toEqual({ top: 1, bottom: 2, left: 1, right: 2 });
  });

  it("takes rows first, then the columns within those rows", () => {
    const list: [number, number][] = [];
    for (let r = 3; r <= 30; r++) for (let c = 2; c <= 16; c++) list.push([r, c]);
    // A far row that is wide, and a far column in the list's rows.
    const area = listAreaOf(cellsAt([...list, [1048576, 16384], [5, 16 + FAR_COLUMNS + 1]]));
    expect(area).toEqual({ top: 3, bottom: 30, left: 2, right: 16 });
    expect(listAreaOf(cellsAt([...list, [5, 16 + FAR_COLUMNS]]))).toEqual({ top: 3, bottom: 30, left: 2, right: 16 + FAR_COLUMNS });
    expect(listAreaOf(cellsAt([]))).toBeNull();
  });
});

describe("trimToList", () => {
  const grid = () => {
    const values: (string | null)[][] = [["单位名称", "信用代码"], ["甲公司", "91320115MAHEGG3M0K"]];
    for (let i = 0; i < 1000; i++) values.push([null, null]);
    values.push(["草稿", null]);
    return gridFromValues(values, "名单");
  };

  it("cuts a grid with a far cell to the list and names the cell", () => {
    const { grid: cut, findings } = trimToList(grid());
    expect(cut.rows).toHaveLength(2);
    expect([cut.firstRow, cut.firstColumn]).toEqual([1, 1]);
    expect(findings.map((f) => f.code)).toEqual(["cells-outside-list"]);
    expect(findings[0].message).toBe("名单区域 A1:B2 以外很远处还有内容：A1003“草稿”；这些单元格未作为名单读取");
  });

  it("gives back a grid without a far cell as it was, blank rows and all", () => {
    const g = grid();
    g.rows.pop();
    g.rows.pop();
    const out = trimToList(g);
    expect(out.grid).toBe(g);
    expect(out.findings).toEqual([]);
  });
});
