/**
 * The second header corpus (test/data/headers/unseen.tsv): wordings written apart from corpus.tsv and
 * before the matcher read headers by concept (issue 21) — everyday synonyms and abbreviations of each
 * word (联络 for 联系, 承担单位 for 申报单位, 支出 for 投入, 入选 for 入围, 起始日 for 开始时间 …), tense and
 * status modifiers, scopes, two-row headers, and distractors. Measured, not pinned line by line: the
 * share right, none taken for another field, no distractor taken.
 */
import { describe, expect, it } from "vitest";
import { measuredCorpusTests, readCorpus } from "./header-corpus";

const corpus = readCorpus("unseen.tsv");
const wordings = corpus.filter((e) => e.field !== null);
const distractors = corpus.filter((e) => e.field === null);

describe("unseen header corpus", () => {
  it("holds at least 300 wordings over every programme, two-row ones among them, and distractors", () => {
    expect(wordings.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((e) => e.programme)).size).toBe(6);
    expect(wordings.filter((e) => e.header.includes("//")).length).toBeGreaterThanOrEqual(20);
    expect(distractors.length).toBeGreaterThanOrEqual(40);
  });

  it("shares no header with the first corpus", () => {
    const first = new Set(readCorpus().map((e) => e.header));
    expect(corpus.filter((e) => first.has(e.header)).map((e) => e.header)).toEqual([]);
  });

  measuredCorpusTests(corpus);
});
