/**
 * Fuzz: malformed zips, sheets and CSVs fed to every reader — the .xlsx adapter, the CSV reader and
 * the CLI entry in process. Each must give a result or a clean refusal (XlsxReadError; exit 2),
 * never another exception. Bounded by run counts, not time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundedInflate } from "../../src/cli/input";
import { main } from "../../src/cli/huizong";
import { tempFolder } from "../cli/run-cli";
import { readCsv } from "../../src/workbook/csv";
import { entryData, LIMITS, zipEntries } from "../../src/workbook/limits";
import { readXlsx, XlsxReadError } from "../../src/workbook/xlsx-adapter";
import { makeZip } from "./zip";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = new Uint8Array(readFileSync(join(ROOT, "samples", "js-2023-platform.xlsx")));
/** The sample's parts, unpacked, so a test can break one and pack them again. */
const PARTS = zipEntries(SAMPLE)!.map((e) => ({ name: e.name, data: new Uint8Array(e.method === 8 ? inflateRawSync(entryData(SAMPLE, e)!) : entryData(SAMPLE, e)!) }));
const SHEET = PARTS.findIndex((p) => /worksheets\/sheet1\.xml$/.test(p.name));
const SMALL = { ...LIMITS, uncompressedBytes: 4 * 1024 * 1024, cells: 50_000, gridCells: 200_000 };

/** Reads bytes as the CLI does: a book or a refusal; anything else fails the property. */
async function readOrRefuse(bytes: Uint8Array): Promise<"read" | "refused"> {
  try {
    const book = await readXlsx(bytes, { limits: SMALL, inflate: boundedInflate });
    for (const name of book.sheetNames) book.sheet(name);
    return "read";
  } catch (e) {
    if (e instanceof XlsxReadError) return "refused";
    throw e;
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("splice" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  let out = new Uint8Array(bytes);
  for (const m of ms) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === "flip") out[at] = m.byte;
    else if (m.kind === "cut") out = out.slice(0, at);
    else out = new Uint8Array([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)]);
  }
  return out;
}

/** Text edits of a sheet's XML: cut a slice, drop in a fragment a hostile file might hold. */
const FRAGMENTS = ['<c r="XFD1048576"><v>1</v></c>', '<c r="A1" t="s"><v>99999</v></c>', '<mergeCell ref="ZZ9:A1"/>', '<c r="B2" t="e"><v>#REF!</v></c>', "<row r=\"0\">", "</sheetData>", '<c r="1A"><f>SUM(</f></c>', "<dimension ref=\"A1:XFD1048576\"/>", "&bogus;", "\u0000"];
const xmlEdit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 200 }), insert: fc.constantFrom(...FRAGMENTS) });

const tmp = tempFolder("fuzz");

describe("fuzz: the .xlsx adapter", () => {
  it("the sample with bytes flipped, cut or spliced: read or refused, never another error", async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
      expect(["read", "refused"]).toContain(await readOrRefuse(mutate(SAMPLE, ms)));
    }), { numRuns: 40 });
  }, 300_000);

  it("a well-formed zip around a broken sheet XML: read or refused", async () => {
    await fc.assert(fc.asyncProperty(fc.array(xmlEdit, { minLength: 1, maxLength: 3 }), async (edits) => {
      let xml = new TextDecoder().decode(PARTS[SHEET].data);
      for (const e of edits) {
        const at = e.at % (xml.length + 1);
        xml = xml.slice(0, at) + e.insert + xml.slice(at + e.cut);
      }
      const zip = makeZip(PARTS.map((p, i) => (i === SHEET ? { name: p.name, data: xml } : p)));
      expect(["read", "refused"]).toContain(await readOrRefuse(zip));
    }), { numRuns: 40 });
  }, 300_000);

  it("random bytes and zips that lie about their sizes: refused", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), async (junk, claim) => {
      expect(await readOrRefuse(junk)).toBe("refused");
      const liar = makeZip([...PARTS.slice(0, SHEET), { ...PARTS[SHEET], claim }, ...PARTS.slice(SHEET + 1)]);
      expect(["read", "refused"]).toContain(await readOrRefuse(liar));
    }), { numRuns: 30 });
  }, 300_000);
});

describe("fuzz: the CSV reader", () => {
  const csvText = fc.array(fc.constantFrom("甲", "a", ",", ";", "\t", '"', '""', "\r\n", "\n", "\r", "1", "9.1E+17", "#N/A", " ", "\u3000"), { maxLength: 200 }).map((a) => a.join(""));

  it("any text or bytes: a rectangular grid whose findings name real rows, never an exception", () => {
    fc.assert(fc.property(fc.oneof(csvText.map((t) => new TextEncoder().encode(t)), fc.uint8Array({ maxLength: 512 })), (bytes) => {
      const { grid, findings } = readCsv(bytes);
      const width = grid.rows[0]?.length ?? 0;
      for (const row of grid.rows) expect(row.length).toBe(width);
      for (const f of findings) expect(f.row).toBeGreaterThanOrEqual(1);
    }), { numRuns: 300 });
  });
});

describe("fuzz: the CLI entry, in process", () => {
  async function exitOf(name: string, bytes: Uint8Array): Promise<number> {
    const path = join(tmp(), name);
    writeFileSync(path, bytes);
    return main(["check", path, "-p", "js-2023-platform", "-c", "南京"], { stdout: () => {}, stderr: () => {} });
  }

  it("broken .xlsx and .csv files: a report (0, 1) or a refusal (2), never a throw", async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.uint8Array({ maxLength: 1024 }), async (ms, junk) => {
      expect([0, 1, 2]).toContain(await exitOf("broken.xlsx", mutate(SAMPLE, ms)));
      expect([0, 1, 2]).toContain(await exitOf("junk.csv", junk));
    }), { numRuns: 25 });
  }, 300_000);
});
