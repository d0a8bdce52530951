/**
 * Smoke test of the build: the preview page renders the task pane in Chinese beside the sample
 * sheet, boots its local office.js, and requests nothing off localhost; the production task pane
 * page loads office.js from Microsoft's CDN and, outside Office, says to open it in Excel.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFICE_JS_CDN, openPane, type Pane } from "./pane";

const LOCAL = /^(https?:\/\/127\.0\.0\.1(:\d+)?\/|data:|blob:|about:)/;
const path = (url: string): string => new URL(url).pathname;

describe("preview page (Chromium)", () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane("preview.html");
    await pane.page.getByTestId("check").waitFor();
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("renders the task pane in Chinese", async () => {
    const { page } = pane;
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("h1").first().textContent()).toBe("推荐汇总助手");
    expect(await page.getByTestId("check").textContent()).toBe("检查");
    expect(await page.title()).toBe("推荐汇总助手 · 预览");
  });

  it("shows the bundled sample sheet beside the pane", async () => {
    const { page } = pane;
    const cells = page.locator("[data-testid=sheet] td[data-address]");
    expect(await cells.count()).toBeGreaterThan(50);
    const text = (await cells.allTextContents()).join("");
    expect(text).toMatch(/有限公司/);
    expect(text).toMatch(/9[0-9A-Z]{17}/); // USCCs of the sample's enterprises
    expect(await page.getByTestId("sample").inputValue()).toBe("js-2023-platform");
  });

  it("boots the local office.js: outside Office, Office.onReady resolves with no host", async () => {
    const host = await pane.page.evaluate(async () => (await (window as unknown as { Office: typeof Office }).Office.onReady()).host);
    expect(host).toBeNull();
    const fetched = pane.requests.map(path);
    expect(fetched).toContain("/office-js/office.js");
    expect(fetched).toContain("/preview.js");
  });

  it("requested nothing off localhost, even once office.js's telemetry timer (3 s) has run", async () => {
    await pane.page.waitForTimeout(4_000);
    expect(await pane.page.locator("iframe").count()).toBe(0);
    expect(pane.requests.length).toBeGreaterThan(2);
    expect(pane.requests.filter((u) => !LOCAL.test(u))).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});

describe("production task pane page outside Office (Chromium)", () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane("taskpane.html", { officeJsFromCdn: true });
  }, 240_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("loads office.js from Microsoft's CDN and asks, in Chinese, to be opened in Excel", async () => {
    await expect.poll(() => pane.page.locator("#root").textContent(), { timeout: 60_000 }).toContain("推荐汇总助手需要在 Excel 中打开");
    expect(pane.requests).toContain(`${OFFICE_JS_CDN}office.js`);
    // Nothing else leaves localhost: only office.js, the files it loads beside itself and, outside
    // Office, the telemetry frame office.js itself opens after 3 s.
    const microsoft = (u: string): boolean => u.startsWith(OFFICE_JS_CDN) || u.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com/");
    expect(pane.requests.filter((u) => !LOCAL.test(u) && !microsoft(u))).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
