/**
 * Once per test run, for the "build" project (browser and manifest tests): build the add-in with
 * the real webpack config into a temp directory, serve it on 127.0.0.1 with an ephemeral port,
 * and hand both to the tests through vitest's provide/inject.
 *
 * HUIZONG_TEST_DIST=<dir> serves an existing build instead (quicker while iterating on a test);
 * the build is then yours to keep fresh.
 */
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import type { Configuration, Stats } from "webpack";
import { serveDirectory } from "./static-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Directory holding the build under test (taskpane, preview, manifest, assets). */
    distDir: string;
    /** http://127.0.0.1:<port>/ serving distDir. */
    baseUrl: string;
  }
}

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The add-in built with the real webpack config (development mode for the tests, production where a test measures what users get). */
export async function build(outDir: string, mode: "development" | "production" = "development"): Promise<void> {
  const webpack = require("webpack") as typeof import("webpack");
  const makeConfig = require(join(ROOT, "webpack.config.js")) as (env: Record<string, unknown>, argv: Record<string, unknown>) => Configuration;
  const config = makeConfig({ outDir }, { mode });
  const stats = await new Promise<Stats>((ok, fail) => {
    webpack(config).run((err, result) => (err || !result ? fail(err ?? new Error("webpack gave no result")) : ok(result)));
  });
  if (stats.hasErrors()) {
    throw new Error(`webpack build of the add-in failed:\n${stats.toString({ all: false, errors: true, errorDetails: false, colors: false })}`);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reuse = process.env.HUIZONG_TEST_DIST;
  let distDir: string;
  if (reuse) {
    distDir = resolve(reuse);
    if (!existsSync(join(distDir, "preview.html"))) throw new Error(`HUIZONG_TEST_DIST=${reuse} holds no preview.html`);
  } else {
    distDir = mkdtempSync(join(tmpdir(), "huizong-dist-"));
    await build(distDir);
  }
  const server = await serveDirectory(distDir);
  project.provide("distDir", distDir);
  project.provide("baseUrl", server.baseUrl);
  return async () => {
    await server.close();
    if (!reuse) rmSync(distDir, { recursive: true, force: true });
  };
}
