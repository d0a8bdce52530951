/**
 * Results that know they are stale where Excel cannot say: contentChanged compares what the last
 * check read with what the sheet holds now (its own marks do not count); recheck reads the same
 * sheet again. And the engine with its check in a worker gives the same report as without one.
 */
import { describe, expect, it } from "vitest";
import { jsPlatform } from "../../src/samples";
import { engine } from "../../src/workbook/engine";
import { PreviewHost } from "../../src/workbook/preview-host";
import { Session, fingerprint, type CheckSettings } from "../../src/workbook/session";
import { withCheckWorker, type WorkerRequest } from "../../src/workbook/worker-engine";
import { previewWorkbook } from "../../src/preview/workbook";
import { writers } from "../../src/export/writers";
import { check } from "../../src/domain/check";
import { getProgramme } from "../../src/domain/catalogue";

const SETTINGS: CheckSettings = { programmeId: "js-2023-platform", city: "南京市", asOf: "", quota: null, referenceSheets: [], scope: "used" };

describe("stale results without change events", () => {
  it("the sheet as checked (marks and all) is unchanged; an edited cell is a change; recheck reads the same sheet", async () => {
    const host = new PreviewHost({ ...previewWorkbook(jsPlatform), capabilities: { changeEvents: false } });
    const session = new Session(host, engine, "zh", writers);
    await session.start();
    const first = await session.run(SETTINGS);
    expect(await session.contentChanged()).toBe(false);
    host.editCell(first.sheet, "C5", { kind: "text", value: "南京瑞达精密机械有限公司" });
    expect(await session.contentChanged()).toBe(true);
    // Another sheet active: recheck still reads the list it checked.
    await host.select("优先企业名单", "A1");
    const again = await session.recheck(SETTINGS);
    expect(again.sheet).toBe(first.sheet);
    expect(await session.contentChanged()).toBe(false);
  });

  it("fingerprints differ when one value does, not when trailing empty cells do", () => {
    const g = (rows: { kind: "text" | "empty"; value: string | null }[][]) => ({ sheetName: "S", firstRow: 1, firstColumn: 1, rows });
    const a = fingerprint([g([[{ kind: "text", value: "x" }]])]);
    expect(fingerprint([g([[{ kind: "text", value: "x" }, { kind: "empty", value: null }]])])).toBe(a);
    expect(fingerprint([g([[{ kind: "text", value: "y" }]])])).not.toBe(a);
  });
});

describe("the check in a worker", () => {
  it("gives the report check() gives, and falls back to the main thread when the worker cannot start or fails", async () => {
    // A worker stand-in that runs the same module function on a structured copy, as a real one would.
    const fake = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      onerror: null,
      postMessage(m: WorkerRequest) {
        const copy = structuredClone(m);
        if (copy.kind !== "check") throw new Error("only checks here");
        setTimeout(() => this.onmessage?.({ data: { id: copy.id, ok: true, result: check(copy.grid, copy.options as Parameters<typeof check>[1]) } } as MessageEvent), 0);
      },
      terminate() {},
    };
    const grid = { sheetName: "江宁区", firstRow: 1, firstColumn: 1, rows: jsPlatform.rows };
    const options = { programme: getProgramme("js-2023-platform")!, city: "南京市" };
    const direct = engine.check(grid, options);
    // What a real worker is handed must survive the structured copy (no functions in a programme).
    expect(check(grid, structuredClone(options))).toEqual(direct);
    expect(await withCheckWorker(engine, () => fake as unknown as Worker).checkAsync!(grid, options)).toEqual(direct);
    expect(
      await withCheckWorker(engine, () => {
        throw new Error("workers forbidden");
      }).checkAsync!(grid, options),
    ).toEqual(direct);
    const failing = { ...fake, postMessage(m: WorkerRequest) { setTimeout(() => this.onmessage?.({ data: { id: m.id, ok: false, message: "boom" } } as MessageEvent), 0); } };
    expect(await withCheckWorker(engine, () => failing as unknown as Worker).checkAsync!(grid, options)).toEqual(direct);
  });
});
