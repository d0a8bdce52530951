/** docs/vocabulary.md is what src/domain/vocabulary.ts holds: regenerate it with `npx tsx scripts/vocabulary-doc.ts`. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VOCABULARY_DOC, vocabularyMarkdown } from "../../scripts/vocabulary-doc";
import { CONCEPTS } from "../../src/domain/vocabulary";

describe("docs/vocabulary.md", () => {
  it("is up to date with the vocabulary", () => {
    expect(readFileSync(VOCABULARY_DOC, "utf8")).toBe(vocabularyMarkdown());
  });

  it("says where every concept's usage comes from", () => {
    for (const c of CONCEPTS) expect(c.source.trim(), c.canonical).not.toBe("");
  });
});
