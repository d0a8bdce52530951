/** docs/rules.md is what the definitions say: regenerate it with `npx tsx scripts/rules-doc.ts` after changing a programme. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listProgrammes } from "../../src/domain/check";
import { RULES_DOC, rulesMarkdown } from "../../scripts/rules-doc";

describe("docs/rules.md", () => {
  it("is up to date with the programme definitions", () => {
    expect(readFileSync(RULES_DOC, "utf8")).toBe(rulesMarkdown());
  });

  it("lists every programme, and every rule's clause", () => {
    const doc = rulesMarkdown();
    for (const p of listProgrammes()) {
      expect(doc).toContain(`## \`${p.id}\``);
      for (const r of p.rowRules) if ("clause" in r) expect(doc).toContain(r.clause);
      for (const s of p.settings) expect(doc).toContain(`\`${s.id}\``);
    }
  });
});
