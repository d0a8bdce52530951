/**
 * One `vitest run` for everything (`npm test`):
 *   unit  — domain, workbook adapters, CLI, samples: plain Node, fast.
 *   build — the manifest check and the browser tests: global-setup.ts builds the add-in once with
 *           the real webpack config, serves it on 127.0.0.1 and the tests drive Debian's Chromium.
 */
import { defineConfig } from "vitest/config";

const BUILD_TESTS = ["test/browser/**/*.browser.test.ts", "test/manifest/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...BUILD_TESTS],
          environment: "node",
          // The CLI tests run the built command: compile it once, before any file starts.
          globalSetup: ["test/build-cli.global-setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "build",
          include: BUILD_TESTS,
          environment: "node",
          globalSetup: ["test/browser/global-setup.ts"],
          // Each browser file starts its own Chromium: one file at a time keeps two cores responsive.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
