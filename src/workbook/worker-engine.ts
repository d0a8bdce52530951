/**
 * The engine with its check (and the export's plan) run in a Web Worker where the page can start
 * one (browsers, Excel's task pane), on the main thread otherwise (Node, a blocked worker). The
 * result is the same either way: the worker runs the same pure code on a structured copy.
 */
import type { Grid } from "../domain/cells";
import type { Report } from "../domain/report";
import type { ExportOptions, ExportPlan } from "../domain/export/plan";
import type { Engine } from "./session";

type CheckOptions = Parameters<Engine["check"]>[1];

export type WorkerRequest =
  | { kind: "check"; id: number; grid: Grid; options: CheckOptions }
  | { kind: "plan"; id: number; grid: Grid; report: Report; programme: unknown; options: ExportOptions };

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

export function withCheckWorker<R, P>(engine: Engine<R, P>, start: () => Worker | null): Engine<R, P> {
  let worker: Worker | null | undefined;
  let next = 0;
  const waiting = new Map<number, (reply: WorkerReply | null) => void>();
  const get = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = start();
    } catch {
      worker = null;
    }
    if (worker) {
      worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        waiting.get(e.data.id)?.(e.data);
        waiting.delete(e.data.id);
      };
      // A worker that cannot load (a host that forbids them): from now on all on the main thread.
      worker.onerror = (e) => {
        e.preventDefault();
        worker?.terminate();
        worker = null;
        for (const done of waiting.values()) done(null);
        waiting.clear();
      };
    }
    return worker;
  };
  /** The worker's answer, or null: then the caller does the work here (and reports any failure itself). */
  const ask = async (request: WorkerRequest extends infer T ? (T extends WorkerRequest ? Omit<T, "id"> : never) : never): Promise<unknown | null> => {
    const w = get();
    if (!w) return null;
    const id = ++next;
    const reply = await new Promise<WorkerReply | null>((done) => {
      waiting.set(id, done);
      try {
        w.postMessage({ ...request, id });
      } catch {
        // Not cloneable: done here instead.
        waiting.delete(id);
        done(null);
      }
    });
    return reply?.ok ? reply.result : null;
  };
  return {
    ...engine,
    checkAsync: async (grid, options) => ((await ask({ kind: "check", grid, options })) as Report | null) ?? engine.check(grid, options),
    planExportAsync: async (grid, report, programme, options) =>
      ((await ask({ kind: "plan", grid, report, programme, options })) as ExportPlan | null) ?? engine.summary(grid, report, programme, options),
  };
}

/** The browser's worker (webpack bundles check-worker.ts as a file of its own). */
export function browserCheckWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  return new Worker(new URL("./check-worker.ts", import.meta.url));
}
