/**
 * docs/使用说明.md says what the pane's 操作说明 says (src/taskpane/text.ts), in both languages, and every
 * screenshot it shows is in docs/screenshots (made by test/browser/help.browser.test.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { paneText } from "../../src/taskpane/text";

const ROOT = join(__dirname, "..", "..");
const guide = readFileSync(join(ROOT, "docs", "使用说明.md"), "utf8");

describe("docs/使用说明.md", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`holds every line of the pane's 操作说明 (${lang})`, () => {
      const h = paneText(lang).help;
      expect(h.steps).toHaveLength(6);
      const colon = lang === "en" ? ": " : "：";
      expect(guide).toContain(h.intro);
      h.steps.forEach((step, i) => expect(guide).toContain(`${i + 1}. ${step}`));
      for (const m of h.marks) expect(guide).toContain(`**${m.label}**${colon}${m.text}`);
      for (const line of h.never) expect(guide).toContain(`- ${line}`);
    });
  }

  it("shows only screenshots that exist, and the pane after a check, the ranking panel and 操作说明 among them", () => {
    const images = [...guide.matchAll(/src="([^"]+\.png)"/g)].map((m) => m[1]!);
    for (const src of images) expect(existsSync(join(ROOT, "docs", src)), src).toBe(true);
    expect(images).toEqual(expect.arrayContaining(["screenshots/pane-after-check.png", "screenshots/ranking.png", "screenshots/help.png"]));
  });

  it("is linked from the README with its screenshots", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("docs/使用说明.md");
    for (const png of ["pane-after-check.png", "ranking.png", "help.png"]) expect(readme).toContain(`docs/screenshots/${png}`);
  });
});
