/** Start-up pays only for the command run: which modules a command loads, read from require.cache of the built CLI. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
let out = "";

/** Runs `main(args)` in a fresh node and lists the loaded modules of interest. */
function loaded(...args: string[]): string[] {
  const script = `
    const m = require(${JSON.stringify(join(out, "cli", "huizong.js"))});
    m.main(${JSON.stringify(args)}, { stdout: () => {}, stderr: () => {} }).then(() => {
      const keys = Object.keys(require.cache);
      const names = [];
      if (keys.some((k) => k.includes("/node_modules/exceljs/"))) names.push("exceljs");
      for (const f of ["export-command", "template-command", "xlsx-adapter", "export/xlsx", "export/template"]) if (keys.some((k) => k.endsWith("/" + f + ".js"))) names.push(f);
      process.stdout.write(JSON.stringify(names));
    });`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }));
}

beforeAll(() => {
  // Its own build directory inside the repository (so node_modules resolves), apart from other tests' dist-cli.
  out = mkdtempSync(join(ROOT, ".lazy-cli-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json", "--outDir", out], { cwd: ROOT, stdio: "pipe" });
}, 180_000);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("lazy loading in the CLI", () => {
  it("programmes and a CSV check load neither exceljs nor the export", () => {
    expect(loaded("programmes")).toEqual([]);
    expect(loaded("check", "samples/js-2020-666.csv", "-p", "js-2020-666", "-c", "昆山市")).toEqual([]);
  });

  it("an .xlsx check loads exceljs and the reader, not the export or template writers", () => {
    expect(loaded("check", "samples/js-2023-platform.xlsx", "-p", "js-2023-platform", "-c", "南京")).toEqual(["exceljs", "xlsx-adapter"]);
  });

  it("export loads what it writes with", () => {
    expect(loaded("export", "samples/js-2023-platform.xlsx", "-p", "js-2023-platform", "-c", "南京")).toEqual(expect.arrayContaining(["export-command", "export/xlsx"]));
  });
});
