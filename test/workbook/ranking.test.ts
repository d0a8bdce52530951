/**
 * 推荐排序与名额 through the session: the panel lists the rows that can be recommended in the order the
 * places go; confirming writes ranks 1, 2 … into the rank column (nothing before), the report and the
 * export follow; undo puts the cells back exactly. A list without a rank column gets the choice as the
 * check's keep, the sheet untouched.
 */
import { describe, expect, it } from "vitest";
import { sdGfbj2, sdPlatform } from "../../src/samples";
import { engine } from "../../src/workbook/engine";
import { PreviewHost } from "../../src/workbook/preview-host";
import { Session, type CheckSettings } from "../../src/workbook/session";
import { previewWorkbook } from "../../src/preview/workbook";
import { writers } from "../../src/export/writers";

const GFBJ: CheckSettings = { programmeId: "sd-2024-gfbj-2", city: "青岛市", asOf: "", quota: 2, referenceSheets: [], scope: "used" };
const SD: CheckSettings = { programmeId: "sd-2023-platform", city: "济南市", asOf: "", quota: null, referenceSheets: [], scope: "used" };

function inputs(host: PreviewHost, sheet: string, column: string) {
  const cells = host.snapshot(sheet).cells;
  return Object.fromEntries(Object.entries(cells).filter(([a]) => !a.startsWith(column)));
}

describe("ranking in the pane's session", () => {
  it("writes the clerk's order into 推荐排序 only on confirm; the places, the export and undo follow", async () => {
    const host = new PreviewHost(previewWorkbook(sdGfbj2));
    const session = new Session(host, engine, "zh", writers);
    await session.start();
    const first = await session.run(GFBJ);
    const view = session.ranking()!;
    expect(view.rankColumn).toBe("A");
    expect(view.quota).toBe(2);
    expect(view.rows.length).toBeGreaterThanOrEqual(3);
    expect(view.rows.every((r) => r.enterprise !== "")).toBe(true);
    expect(view.canUndo).toBe(false);
    const before = host.snapshot(first.sheet);
    // Nothing is written by looking at the panel.
    expect(host.snapshot(first.sheet)).toEqual(before);

    const order = view.rows.map((r) => r.row).reverse();
    const again = await session.confirmRanking(GFBJ, order);
    const q = again.report.quotas[0];
    expect(q.placedBy).toBe("rank");
    expect(q.placed).toEqual(order.slice(0, 2));
    expect(again.report.findings.filter((f) => f.code === "rank-invalid")).toEqual([]);
    // The ranks as written: 1, 2, 3 … in the clerk's order, the failing rows after them.
    const grid = await host.readGrid(first.sheet);
    const rankAt = (row: number) => grid.rows[row - grid.firstRow][0].value;
    expect(order.map(rankAt).map(Number)).toEqual(order.map((_, i) => i + 1));
    expect(view.failingRows.map(rankAt).map(Number)).toEqual(view.failingRows.map((_, i) => order.length + i + 1));
    // Only the rank column changed (and the result column the marks use).
    const changed = Object.keys(host.snapshot(first.sheet).cells).filter((a) => JSON.stringify(host.snapshot(first.sheet).cells[a]) !== JSON.stringify(before.cells[a]) && !a.startsWith("T"));
    expect(changed.every((a) => a.startsWith("A"))).toBe(true);
    // The export follows the ranks: the placed rows first, in the clerk's order.
    const plan = session.planSummary();
    const sourceRows = plan.rows.flatMap((r) => (r.kind === "data" ? [r.sourceRow] : []));
    expect(sourceRows.slice(0, 2)).toEqual(order.slice(0, 2));
    expect(session.ranking()!.canUndo).toBe(true);

    await session.undoRanking(GFBJ);
    expect(inputs(host, first.sheet, "T")).toEqual(inputs({ snapshot: () => before } as unknown as PreviewHost, first.sheet, "T"));
    expect(session.ranking()!.canUndo).toBe(false);
  });

  it("a list without a rank column: the chosen rows take the places, nothing is written, undo gives them back", async () => {
    const host = new PreviewHost(previewWorkbook(sdPlatform));
    const session = new Session(host, engine, "zh", writers);
    await session.start();
    const first = await session.run(SD);
    const view = session.ranking()!;
    expect(view.rankColumn).toBeNull();
    expect(view.quota).toBe(10);
    expect(view.rows.length).toBe(12);
    const before = host.snapshot(first.sheet);
    const last = view.rows.map((r) => r.row).slice(-2);
    // The two rows beyond the quota ticked in: they go first, the last two of the checked order give theirs up.
    const order = [...last, ...view.rows.map((r) => r.row).slice(0, 10)];
    const again = await session.confirmRanking(SD, order);
    expect(again.report.quotas[0].placedBy).toBe("keep");
    expect(again.report.quotas[0].placed).toEqual(order.slice(0, 10));
    const resultColumn = "R";
    expect(inputs(host, first.sheet, resultColumn)).toEqual(inputs({ snapshot: () => before } as unknown as PreviewHost, first.sheet, resultColumn));
    // The next check of the sheet keeps the choice.
    expect((await session.run(SD)).report.quotas[0].placed).toEqual(order.slice(0, 10));
    const undone = await session.undoRanking(SD);
    expect(undone.report.quotas[0].placedBy).toBe("order");
    expect(undone.report.quotas[0].placed).toEqual(view.rows.map((r) => r.row).slice(0, 10));
  });
});
