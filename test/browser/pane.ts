// TEMPORARY (scratch, to be replaced by engineer I's harness): opens the preview served from /tmp/pv/dist.
import { chromium, type Page } from "playwright-core";
export interface Pane { page: Page; requests: string[]; close(): Promise<void> }
export async function openPane(path: string): Promise<Pane> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const ctx = await browser.newContext({ locale: "zh-CN", viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`http://127.0.0.1:8765/${path}`);
  return { page, requests, close: () => browser.close() };
}
