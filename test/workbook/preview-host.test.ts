import { describe, expect, it } from "vitest";
import { PreviewHost } from "../../src/workbook/preview-host";
import { portContract } from "./port-contract";

portContract("preview host", (init) => {
  const host = new PreviewHost(init);
  return {
    port: host,
    snapshot: (sheet) => host.snapshot(sheet),
    userEdit: (sheet, address, value) => host.editCell(sheet, address, value),
  };
});

describe("preview host beyond the port", () => {
  it("tells its viewers about every change, so the drawn sheet follows", async () => {
    const host = new PreviewHost({ sheets: [{ name: "S", rows: [[{ kind: "text", value: "a" }]] }] });
    let n = 0;
    const stop = host.subscribe(() => n++);
    await host.select("S", "A1");
    host.editCell("S", "B2", { kind: "number", value: 1 });
    stop();
    host.editCell("S", "B3", { kind: "number", value: 2 });
    expect(n).toBe(2);
    expect(host.extent("S")).toEqual({ rows: 3, columns: 2 });
  });

  it("says no change events when built without them, and then never calls", async () => {
    const host = new PreviewHost({ sheets: [{ name: "S", rows: [] }], capabilities: { changeEvents: false } });
    const seen: string[] = [];
    await host.watchChanges((s) => seen.push(s));
    host.editCell("S", "A1", { kind: "text", value: "x" });
    expect(seen).toEqual([]);
    expect((await host.capabilities()).changeEvents).toBe(false);
  });
});

describe("preview host: the summary table", () => {
  it("adds the exported sheet's values as a new sheet and shows it; a new workbook it cannot open", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("汇总表").getCell("A2").value = "推荐项目汇总表";
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    const host = new PreviewHost({ sheets: [{ name: "汇总表", rows: [] }] });
    expect(await host.openXlsx(base64, "sheet")).toEqual(["汇总表 (2)"]);
    expect(host.snapshot("汇总表 (2)").cells.A2).toMatchObject({ value: "推荐项目汇总表" });
    expect(await host.activeSheet()).toBe("汇总表 (2)");
    await expect(host.openXlsx(base64, "workbook")).rejects.toThrow("下载");
  });
});
