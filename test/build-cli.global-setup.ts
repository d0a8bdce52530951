/**
 * Once per test run, for the unit project: compile the CLI into dist-cli/ before any test file
 * starts. Test files that run the built `huizong` used to compile it each in their own beforeAll;
 * two files doing so at once let one spawn the CLI while the other was rewriting it.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
}
