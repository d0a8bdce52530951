/** Running the CLI in tests: in process (main), or the built bin in a child node as a user would. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { main } from "../../src/cli/huizong";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const ROOT = join(__dirname, "..", "..");

/** `huizong …` in this process: exit code and what it wrote. */
export async function huizong(...args: string[]): Promise<CliRun> {
  let stdout = "", stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** `node bin/huizong.js …` in a child process (the compiled CLI). */
export function huizongBin(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "huizong.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder made before the file's tests and removed after them; `path()` inside a test. */
export function tempFolder(prefix: string): () => string {
  let path = "";
  beforeAll(() => {
    path = mkdtempSync(join(tmpdir(), `huizong-${prefix}-`));
  });
  afterAll(() => {
    if (path) rmSync(path, { recursive: true, force: true });
  });
  return () => path;
}
