import { describe, expect, it } from "vitest";
import { PreviewHost } from "../../src/workbook/preview-host";
import { mappingFor, portContract } from "./port-contract";

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

describe("preview host: confirmed column mappings", () => {
  it("outlive the page when given a store (the page gives localStorage)", async () => {
    const kept = new Map<string, string>();
    const store = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v), removeItem: (k: string) => void kept.delete(k) };
    const m = mappingFor(["序号", "申报单位", "社会统一信用代码"], [{ column: "C", field: "uscc" }]);
    await new PreviewHost({ sheets: [{ name: "S", rows: [] }] }, { store }).saveMapping(m);
    const reloaded = new PreviewHost({ sheets: [{ name: "S", rows: [] }] }, { store });
    expect(await reloaded.loadMapping(m.key)).toEqual(m);
    await reloaded.forgetMapping(m.key);
    expect(kept.size).toBe(0);
    // Without a store they last as long as the host.
    expect(await new PreviewHost({ sheets: [{ name: "S", rows: [] }] }).loadMapping(m.key)).toBeUndefined();
  });
});
