/**
 * The header corpus: 450 wordings of the programmes' fields as district and province forms word
 * them (one-row and two-row), and 70 headers that name something else, each with cells like a real
 * list's. The wordings that map today are pinned: one that stops mapping fails the test, and so does
 * one that starts (then pin it).
 */
import { describe, expect, it } from "vitest";
import { mappedField, readCorpus } from "./header-corpus";

/** Wordings the matcher does not map today (line numbers in corpus.tsv and the wording). */
const KNOWN_MISSES: string[] = [];

/** Fields a header naming something else must never be taken for: investment, dates, codes, names, ranks. */
const NEVER_FOR_DISTRACTORS = new Set([
  "investment", "investPlatform", "investDevices", "investTesting",
  "registeredOn", "cloudStart", "cloudEnd", "certificateValidUntil", "agreementDate",
  "uscc", "leadUscc", "siteUscc",
  "applicant", "leadName", "siteName",
  "rank",
]);

const corpus = readCorpus();
const wordings = corpus.filter((e) => e.field !== null);
const distractors = corpus.filter((e) => e.field === null);
const results = corpus.map((e) => ({ e, got: mappedField(e) }));

describe("header corpus", () => {
  it("holds at least 300 wordings across the fields, two-row ones among them, and at least 50 distractors", () => {
    expect(wordings.length).toBeGreaterThanOrEqual(300);
    expect(new Set(wordings.map((e) => e.field)).size).toBeGreaterThanOrEqual(50);
    expect(wordings.filter((e) => e.header.includes("//")).length).toBeGreaterThanOrEqual(20);
    expect(distractors.length).toBeGreaterThanOrEqual(50);
  });

  it("maps at least 95% of the wordings to their field, and exactly the pinned ones", () => {
    const right = results.filter((r) => r.e.field !== null && r.got === r.e.field);
    expect(right.length / wordings.length).toBeGreaterThanOrEqual(0.95);
    const misses = results.filter((r) => r.e.field !== null && r.got !== r.e.field).map((r) => `${r.e.line} ${r.e.header}`);
    expect(misses).toEqual(KNOWN_MISSES);
  });

  it("never takes a wording for another field: a miss leaves the column unused", () => {
    const wrong = results.filter((r) => r.e.field !== null && r.got !== r.e.field && r.got !== null).map((r) => `${r.e.line} ${r.e.header} → ${r.got}`);
    expect(wrong).toEqual([]);
  });

  it("maps no distractor to investment, a date, a credit code, a name or a rank, though its cells would fit", () => {
    const taken = results.filter((r) => r.e.field === null && r.got !== null && NEVER_FOR_DISTRACTORS.has(r.got)).map((r) => `${r.e.line} ${r.e.header} → ${r.got}`);
    expect(taken).toEqual([]);
    // Nor to anything else.
    expect(results.filter((r) => r.e.field === null && r.got !== null).map((r) => `${r.e.line} ${r.e.header} → ${r.got}`)).toEqual([]);
  });
});
