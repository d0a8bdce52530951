/**
 * Draws the add-in's icon (a green sheet with 汇 and a check mark) as SVG and renders it to the
 * PNG sizes the manifest and the ribbon need, with Debian's Chromium through playwright-core.
 * The PNGs are committed; run this only when the mark changes:  npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const SIZES = [16, 32, 64, 80, 128] as const;
const GREEN = "#217346";
const DARK_GREEN = "#185c37";
const BADGE = "#f5a300";

/** The full mark: sheet with ruled rows, 汇 on it, a check badge in the corner. */
function fullMark(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="6" y="6" width="116" height="116" rx="16" fill="${GREEN}"/>
  <rect x="18" y="18" width="92" height="92" rx="6" fill="#ffffff"/>
  <rect x="18" y="18" width="92" height="16" rx="6" fill="#d2e8d9"/>
  <rect x="18" y="28" width="92" height="6" fill="#d2e8d9"/>
  <g stroke="#c7dccd" stroke-width="2">
    <line x1="18" y1="54" x2="110" y2="54"/><line x1="18" y1="74" x2="110" y2="74"/><line x1="18" y1="94" x2="110" y2="94"/>
  </g>
  <text x="54" y="94" text-anchor="middle" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-weight="700" font-size="58" fill="${DARK_GREEN}">汇</text>
  <circle cx="96" cy="96" r="26" fill="${BADGE}" stroke="#ffffff" stroke-width="5"/>
  <path d="M83 96 l9 9 l16 -18" fill="none" stroke="#ffffff" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

/** At 16 px a character and ruled lines turn to mush: keep the sheet and a big check only. */
function smallMark(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">
  <rect x="0.5" y="0.5" width="15" height="15" rx="2.5" fill="${GREEN}"/>
  <rect x="2.5" y="2.5" width="11" height="11" rx="1" fill="#ffffff"/>
  <path d="M4.6 8.2 l2.3 2.3 l4.4 -4.8" fill="none" stroke="${GREEN}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

async function main(): Promise<void> {
  const outDir = resolve(__dirname, "..", "assets");
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "huizong-icons-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await context.newPage();
    for (const size of SIZES) {
      const svg = size <= 16 ? smallMark() : fullMark();
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
      await page.evaluate(() => document.fonts.ready);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(join(outDir, `icon-${size}.png`), png);
      console.log(`assets/icon-${size}.png`);
    }
    writeFileSync(join(outDir, "icon.svg"), fullMark() + "\n");
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
