/**
 * The sentence corpus (test/data/draft/sentences.tsv, written for the extractor): each sentence gives
 * exactly the kinds of condition it lists, with their key values; "none" sentences (aims, rewards'
 * procedure, contacts, materials) give nothing, "note" sentences only a note; a condition read from a
 * 原则上 sentence keeps that word in its text (the rule's clause).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recogniseSentence, type Condition } from "../../src/domain/draft/recognise";
import { toSimplified } from "../../src/domain/draft/normalise";

interface Row {
  line: number;
  sentence: string;
  kinds: string[];
  values: [string | null, string, string][];
}

const rows: Row[] = readFileSync(join(__dirname, "../data/draft/sentences.tsv"), "utf8")
  .split("\n")
  .map((text, i) => ({ text, line: i + 1 }))
  .filter(({ text }) => text.trim() !== "" && !text.startsWith("#"))
  .map(({ text, line }) => {
    const [sentence = "", kinds = "", values = ""] = text.split("\t");
    return {
      line,
      sentence,
      kinds: kinds === "none" ? [] : kinds.split("+"),
      values: values
        .split(";")
        .filter((v) => v !== "")
        .map((v) => {
          const [k = "", value = ""] = v.split("=");
          const dot = k.indexOf(".");
          return [dot > 0 ? k.slice(0, dot) : null, dot > 0 ? k.slice(dot + 1) : k, value] as [string | null, string, string];
        }),
    };
  });

const shown = (v: unknown) => (Array.isArray(v) ? v.join("|") : String(v));

/** The sentence's conditions: full-width brackets folded as the notice's normaliser does. */
function conditions(sentence: string): Condition[] {
  return recogniseSentence(toSimplified(sentence).replace(/（/gu, "(").replace(/）/gu, ")"), { year: 2025 });
}

describe("sentence corpus", () => {
  it("holds at least 150 sentences, with none, note and 原则上 sentences among them", () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.kinds.length === 0).length).toBeGreaterThanOrEqual(25);
    expect(rows.filter((r) => r.kinds.join() === "note").length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r.sentence.includes("原则上")).length).toBeGreaterThanOrEqual(8);
  });

  const results = rows.map((r) => {
    const got = conditions(r.sentence);
    const kinds = got.map((c) => c.kind).sort();
    const want = [...r.kinds].sort();
    const problems: string[] = [];
    if (kinds.join("+") !== want.join("+")) problems.push(`kinds ${kinds.join("+") || "none"}, expected ${want.join("+") || "none"}`);
    for (const [kind, key, value] of r.values) {
      const pool = got.filter((c) => (kind ? c.kind === kind : c.kind !== "note"));
      const seen = pool.map((c) => c.values[key]).filter((v) => v !== undefined);
      // Several conditions of one kind: their values together ("1|3").
      const together = seen.map(shown).join("|");
      if (!seen.some((v) => shown(v) === value) && together !== value) problems.push(`${kind ? kind + "." : ""}${key}=${together || "(none)"}, expected ${value}`);
    }
    for (const c of got) if (r.sentence.includes("原则上") && c.kind !== "note" && /原则上/u.test(r.sentence.slice(0, r.sentence.indexOf(c.text.slice(-4)) + 4)) && !c.text.includes("原则上") && partHasPrinciple(r.sentence, c)) problems.push(`${c.kind} dropped 原则上 from its text`);
    return { r, problems };
  });

  it("every sentence gives the conditions it lists", () => {
    const failing = results.filter((x) => x.problems.length > 0);
    const passed = results.length - failing.length;
    console.log(`draft sentence corpus: ${passed}/${results.length} sentences as expected`);
    expect(failing.map((x) => `line ${x.r.line} ${x.r.sentence} — ${x.problems.join("; ")}`)).toEqual([]);
  });
});

/** True when the 原则上 of the sentence stands in the part the condition was read from (not in another part). */
function partHasPrinciple(sentence: string, c: Condition): boolean {
  const at = sentence.indexOf("原则上");
  const start = sentence.indexOf(c.text.slice(0, 6));
  return start >= 0 && at >= start && at < start + c.text.length + 3;
}
