/** The ground floors import nothing from above: src/domain and src/workbook never reach src/export or src/taskpane. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(__dirname, "..", "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Every module specifier a file imports, statically or with import(). */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
}

describe("layering", () => {
  it("src/domain and src/workbook import nothing from src/export or src/taskpane", () => {
    const offences: string[] = [];
    for (const floor of ["domain", "workbook"]) {
      for (const f of files(join(SRC, floor))) {
        for (const spec of imports(f)) {
          if (!spec.startsWith(".")) continue;
          const target = relative(SRC, join(f, "..", spec)).split(/[\\/]/)[0];
          if (target === "export" || target === "taskpane") offences.push(`${relative(SRC, f)} → ${spec}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it("src/app (what the CLI and the pane share) knows no host: no node: module, nothing from the CLI, the pane or the preview; only write.ts reaches the writers", () => {
    const offences: string[] = [];
    for (const f of files(join(SRC, "app"))) {
      for (const spec of imports(f)) {
        if (spec.startsWith("node:") || ["fs", "path", "zlib"].includes(spec)) offences.push(`${relative(SRC, f)} → ${spec}`);
        if (!spec.startsWith(".")) continue;
        const target = relative(SRC, join(f, "..", spec)).split(/[\\/]/)[0];
        if (target === "cli" || target === "taskpane" || target === "preview") offences.push(`${relative(SRC, f)} → ${spec}`);
        if (target === "export" && !f.endsWith("write.ts")) offences.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("src/workbook reaches src/app only below its writers (never app/index or app/write)", () => {
    const offences: string[] = [];
    for (const f of files(join(SRC, "workbook"))) {
      for (const spec of imports(f)) {
        if (!spec.startsWith(".")) continue;
        const target = relative(SRC, join(f, "..", spec));
        if (/^app([\\/](index|write))?$/.test(target)) offences.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
