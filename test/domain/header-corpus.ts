/**
 * The header corpus (test/data/headers/corpus.tsv): each wording put in a small list of its
 * programme, next to columns every list has, and what the matcher makes of it.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { join } from "node:path";
import { cellFromValue, type Grid } from "../../src/domain/cells";
import { getProgramme } from "../../src/domain/catalogue";
import { findHeader } from "../../src/domain/header";

export interface CorpusEntry {
  line: number;
  programme: string;
  /** As written in the file: one row, or parent//child|child… with * on the tested child. */
  header: string;
  /** Field id, or null for a distractor. */
  field: string | null;
  samples: string[];
}

export function readCorpus(file = "corpus.tsv"): CorpusEntry[] {
  const text = readFileSync(join(__dirname, "..", "data", "headers", file), "utf8");
  const out: CorpusEntry[] = [];
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const [programme = "", header = "", field = "", samples = ""] = raw.split("\t");
    out.push({ line: i + 1, programme, header: header.replace(/\\n/g, "\n"), field: field === "-" ? null : field, samples: samples ? samples.split(";") : [] });
  });
  return out;
}

/** Columns every list carries, as the anchors that let the header be found. */
const ANCHORS: readonly [string, string][] = [
  ["seq", "序号"],
  ["district", "所在县（市、区）"],
  ["contact", "联系人"],
  ["phone", "联系电话"],
];
const ANCHOR_VALUES: Record<string, (n: number) => string | number> = {
  seq: (n) => n,
  district: () => "玄武区",
  contact: () => "张三",
  phone: () => "13851926374",
};

/** A list with the anchors and the corpus column (two rows when the header has children); returns the grid and the tested column's index. */
export function corpusGrid(e: CorpusEntry): { grid: Grid; index: number } {
  const anchors = ANCHORS.filter(([f]) => f !== e.field);
  const top: (string | number | null)[] = anchors.map(([, h]) => h);
  const [parent, children] = e.header.includes("//") ? (e.header.split("//") as [string, string]) : [e.header, null];
  const sub: (string | null)[] = anchors.map(() => null);
  let index = top.length;
  if (children === null) {
    top.push(parent);
  } else {
    children.split("|").forEach((c, i) => {
      top.push(i === 0 ? parent : null);
      sub.push(c.replace(/\*$/, ""));
      if (c.endsWith("*")) index = anchors.length + i;
    });
  }
  const width = top.length;
  const data = [0, 1, 2].map((n) => {
    const row: (string | number | null)[] = anchors.map(([f]) => ANCHOR_VALUES[f]!(n + 1));
    while (row.length < width) row.push(null);
    if (e.samples.length > 0) row[index] = e.samples[n % e.samples.length] ?? null;
    return row;
  });
  const values = children === null ? [top, ...data] : [top, sub, ...data];
  const rows = values.map((r) => Array.from({ length: width }, (_, i) => cellFromValue(r[i] ?? null)));
  return { grid: { sheetName: "语料", firstRow: 1, firstColumn: 1, rows }, index };
}

/** What the matcher maps the corpus column to (null: unused). */
export function mappedField(e: CorpusEntry): string | null {
  const programme = getProgramme(e.programme);
  if (!programme) throw new Error(`line ${e.line}: unknown programme ${e.programme}`);
  const { grid, index } = corpusGrid(e);
  const header = findHeader(grid, programme);
  if (header.rowIndices.length === 0) return "(no header)";
  return header.all.find((c) => c.index === index)?.field ?? null;
}

/**
 * How a held-apart corpus is measured (never pinned line by line): at least 95% of its wordings
 * mapped to their field, none taken for another field, no distractor taken.
 */
export function measuredCorpusTests(corpus: readonly CorpusEntry[]): void {
  const wordings = corpus.filter((e) => e.field !== null);
  const results = corpus.map((e) => ({ e, got: mappedField(e) }));
  it("maps at least 95% of the wordings to their field", () => {
    const right = results.filter((r) => r.e.field !== null && r.got === r.e.field);
    expect(right.length / wordings.length).toBeGreaterThanOrEqual(0.95);
  });
  it("never takes a wording for another field", () => {
    expect(results.filter((r) => r.e.field !== null && r.got !== null && r.got !== r.e.field).map((r) => `${r.e.line} ${r.e.header} → ${r.got}`)).toEqual([]);
  });
  it("takes no distractor", () => {
    expect(results.filter((r) => r.e.field === null && r.got !== null).map((r) => `${r.e.line} ${r.e.header} → ${r.got}`)).toEqual([]);
  });
}
