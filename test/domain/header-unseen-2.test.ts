/**
 * The third header corpus (test/data/headers/unseen-2.tsv), held apart from the other two and written
 * before the matcher was changed for what it stands for: the county that recommends or reports
 * (推荐/报送/申报 + 县区), verbs of applying for a level (申评, 参评, 争创), broader head words (…等级,
 * …代码, …类型) over cells that say which field, unit synonyms before a head, brackets that make the
 * head precise, and distractors. Measured, not pinned line by line.
 */
import { describe, expect, it } from "vitest";
import { measuredCorpusTests, readCorpus } from "./header-corpus";

const corpus = readCorpus("unseen-2.tsv");
const wordings = corpus.filter((e) => e.field !== null);
const distractors = corpus.filter((e) => e.field === null);

describe("third header corpus (held apart)", () => {
  it("holds wordings over every programme and distractors, none a header of the other corpora", () => {
    expect(wordings.length).toBeGreaterThanOrEqual(50);
    expect(distractors.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((e) => e.programme)).size).toBe(6);
    const others = new Set([...readCorpus(), ...readCorpus("unseen.tsv")].map((e) => `${e.programme}\t${e.header}`));
    expect(corpus.filter((e) => others.has(`${e.programme}\t${e.header}`)).map((e) => e.header)).toEqual([]);
  });

  measuredCorpusTests(corpus);
});
