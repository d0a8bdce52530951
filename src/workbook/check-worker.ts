/**
 * The check (and the export's plan) in a Web Worker: the domain is pure, so a 2,000-row list is
 * checked off the pane's main thread and the pane stays responsive. Loaded by worker-engine.ts.
 */
import { check } from "../domain/check";
import { planExport } from "../domain/export/plan";
import type { WorkerRequest, WorkerReply } from "./worker-engine";

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerReply): void };

scope.onmessage = (e) => {
  const request = e.data;
  try {
    const result = request.kind === "check" ? check(request.grid, request.options as Parameters<typeof check>[1]) : planExport(request.grid, request.report, request.programme as Parameters<typeof planExport>[2], request.options);
    scope.postMessage({ id: request.id, ok: true, result });
  } catch (err) {
    // The main thread does it again itself: it reports the failure as the pane always has.
    scope.postMessage({ id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
