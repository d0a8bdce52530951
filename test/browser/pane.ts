/**
 * Opens a page of the build under test (served by global-setup.ts) in Debian's Chromium through
 * playwright-core, with a fresh profile, and records every URL the page requests.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, normalize, sep } from "node:path";
import { chromium, type Page } from "playwright-core";
import { inject } from "vitest";

/** Flags the machine needs: no sandbox as root, no GPU, and no background calls to Google's hosts. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Pane {
  page: Page;
  /** Every URL requested by any page of the browser context, in order. */
  requests: string[];
  /** Uncaught page errors and console errors, in order. */
  errors: string[];
  close(): Promise<void>;
}

/** Where the production task pane loads office.js from (src/taskpane/taskpane.html). */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export interface OpenOptions {
  /**
   * Answer requests for Microsoft's office.js CDN from the copy in @microsoft/office-js instead
   * (this machine has no network): lets a test load the production taskpane.html. The requests
   * are still recorded in `requests`.
   */
  officeJsFromCdn?: boolean;
  /** Fail every request for Microsoft's office.js CDN, as a network that blocks it does. */
  blockOfficeJs?: boolean;
  /** Viewport width (default 1920). */
  width?: number;
  /** Viewport height (default 1080). */
  height?: number;
  /** Another build's server (default: the one global-setup.ts serves). */
  baseUrl?: string;
}

/** `path` is relative to the build root, e.g. "preview.html?sample=js-2023-platform". */
export async function openPane(path: string, options: OpenOptions = {}): Promise<Pane> {
  const profile = mkdtempSync(join(tmpdir(), "huizong-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.HUIZONG_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "zh-CN",
    viewport: { width: options.width ?? 1920, height: options.height ?? 1080 },
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  if (options.officeJsFromCdn) {
    const officeDist = dirname(createRequire(import.meta.url).resolve("@microsoft/office-js/dist/office.js"));
    await context.route(`${OFFICE_JS_CDN}**`, async (route) => {
      const file = normalize(join(officeDist, new URL(route.request().url()).pathname.slice(new URL(OFFICE_JS_CDN).pathname.length)));
      let body: Buffer;
      try {
        if (!file.startsWith(officeDist + sep)) throw new Error("outside office-js/dist");
        body = readFileSync(file);
      } catch {
        await route.fulfill({ status: 404, body: "" });
        return;
      }
      await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body });
    });
  }
  if (options.blockOfficeJs) await context.route(`${OFFICE_JS_CDN}**`, (route) => route.abort("blockedbyclient"));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  const close = async (): Promise<void> => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await page.goto(new URL(path, options.baseUrl ?? inject("baseUrl")).href);
  } catch (err) {
    await close();
    throw err;
  }
  return { page, requests, errors, close };
}
