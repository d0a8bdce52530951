import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compactUscc,
  describeUscc,
  formatUscc,
  isValidUscc,
  organisationCodeCheckChar,
  organisationCodeValid,
  USCC_CHARSET,
  usccCheckChar,
  usccLookalikeSuggestion,
  usccProblem,
} from "../../src/domain/uscc";
import { cityOfRegion } from "../../src/domain/regions";

const VECTORS = resolve(dirname(fileURLToPath(import.meta.url)), "../data/uscc/vectors.tsv");

interface Vector {
  line: number;
  code: string;
  expected: string;
  note: string;
}

function loadVectors(): Vector[] {
  if (!existsSync(VECTORS)) throw new Error(`USCC test vectors missing: ${VECTORS} (test/data/uscc/vectors.tsv is part of the repository)`);
  const lines = readFileSync(VECTORS, "utf8").split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t");
  expect(header.slice(0, 3)).toEqual(["code", "expected", "note"]);
  return lines
    .slice(1)
    .map((text, i) => ({ text, line: i + 2 }))
    .filter((l) => l.text.trim() !== "")
    .map(({ text, line }) => {
      const [code = "", expected = "", note = ""] = text.split("\t");
      return { line, code, expected, note };
    });
}

const vectors = loadVectors();

/**
 * What our API must say for each label of vectors.tsv:
 * - valid: the code as written is valid, compacting leaves it alone.
 * - valid_after_compact: the raw text has separators (a format problem as is); compacted it is valid.
 * - valid_nonGB2260_region: valid, and its region (a development-zone registration) still maps to a JS city.
 * - invalid: rejected; which problem follows from the note (length/charset → format, else checksum).
 * - TRAP (123456789012345678): passes the outer check, so only the GB 11714 inner check rejects it.
 * - REAL_BUT_NONCONFORMING (Fujian pilot codes): a checksum error the user may confirm; the inner code is fine.
 */
function expectClassified(v: Vector): void {
  const where = `vectors.tsv line ${v.line} (${v.code})`;
  switch (v.expected) {
    case "valid":
      expect(usccProblem(v.code), where).toBeNull();
      expect(isValidUscc(v.code), where).toBe(true);
      expect(compactUscc(v.code), where).toBe(v.code);
      return;
    case "valid_after_compact":
      expect(usccProblem(v.code), where).toBe("format");
      expect(compactUscc(v.code), where).not.toBe(v.code);
      expect(usccProblem(compactUscc(v.code)), where).toBeNull();
      return;
    case "valid_nonGB2260_region": {
      expect(usccProblem(v.code), where).toBeNull();
      const d = describeUscc(v.code);
      expect(d.provinceCode, where).toBe("32");
      expect(cityOfRegion(d.regionCode)?.code, where).toBe(d.cityCode);
      return;
    }
    case "invalid": {
      const problem = usccProblem(compactUscc(v.code));
      expect(problem, where).not.toBeNull();
      expect(isValidUscc(compactUscc(v.code)), where).toBe(false);
      // Length and charset notes are format problems. stdnum also calls a leading "A" a format problem,
      // but GB 32100 allows authority A (中央军委改革和编制办公室), so there the check character rejects it.
      expect(problem, where).toBe(/InvalidLength|I,O,Z,S,V|pattern/.test(v.note) ? "format" : "checksum");
      return;
    }
    case "TRAP":
      expect(usccProblem(v.code), where).toBe("org-checksum");
      expect(organisationCodeValid(v.code), where).toBe(false);
      return;
    case "REAL_BUT_NONCONFORMING":
      expect(usccProblem(v.code), where).toBe("checksum");
      expect(organisationCodeValid(v.code), where).toBe(true);
      return;
    default:
      throw new Error(`${where}: unknown label “${v.expected}” — decide what the API must say for it`);
  }
}

describe("vectors.tsv", () => {
  it("holds the labelled set the spec describes", () => {
    const byLabel = new Map<string, number>();
    for (const v of vectors) byLabel.set(v.expected, (byLabel.get(v.expected) ?? 0) + 1);
    expect(vectors.length).toBeGreaterThanOrEqual(403);
    expect(byLabel.get("valid")).toBe(387);
    expect(byLabel.get("TRAP")).toBe(1);
    expect(byLabel.get("REAL_BUT_NONCONFORMING")).toBe(3);
  });

  it.each(vectors.map((v) => [v.line, v.expected, v.code, v] as const))("line %i (%s) %s classifies as labelled", (_line, _label, _code, v) => {
    expectClassified(v);
  });

  it("agrees with the check columns of the file", () => {
    const lines = readFileSync(VECTORS, "utf8").split(/\r?\n/).slice(1).filter((l) => l.trim() !== "");
    let compared = 0;
    for (const text of lines) {
      const [raw = "", , , , outer, inner] = text.split("\t");
      const code = compactUscc(raw);
      if (!/^[0-9A-Z]{18}$/.test(code) || usccProblem(code) === "format") continue;
      expect(usccCheckChar(code.slice(0, 17)) === code.charAt(17), raw).toBe(outer === "True");
      if (inner) expect(organisationCodeValid(code), raw).toBe(inner === "True");
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(398);
  });
});

describe("usccProblem", () => {
  it("rejects the outer-check trap by its inner organisation code", () => {
    expect(usccCheckChar("12345678901234567")).toBe("8");
    expect(usccProblem("123456789012345678")).toBe("org-checksum");
    expect(isValidUscc("123456789012345678")).toBe(false);
  });

  it("reports the first problem: format before checksum before org-checksum", () => {
    expect(usccProblem("")).toBe("format");
    expect(usccProblem("91110000600037341")).toBe("format");
    expect(usccProblem("91110000600037341LL")).toBe("format");
    expect(usccProblem("91110000600037341l")).toBe("format");
    expect(usccProblem("9111000060003734IL")).toBe("format");
    expect(usccProblem("91110000600037341N")).toBe("checksum");
    expect(usccProblem("91350100M0001TGQXM")).toBe("checksum");
    expect(usccProblem("91110000600037341L")).toBeNull();
  });

  it("treats the Excel-truncated code as a checksum error, never as valid", () => {
    expect(usccProblem("913206913239795000")).toBe("checksum");
  });

  it("accepts authorities Y and N, rejects letters in the region part", () => {
    const yCode = "Y1320100" + "MA1ML4CL";
    const org = yCode.slice(8) + organisationCodeCheckChar(yCode.slice(8));
    const first17 = yCode.slice(0, 8) + org;
    expect(usccProblem(first17 + usccCheckChar(first17))).toBeNull();
    const badRegion = "9132A100MA1ML4CL2";
    expect(usccProblem(badRegion + usccCheckChar(badRegion))).toBe("format");
  });
});

describe("compactUscc", () => {
  it("removes what pasting adds and upper-cases", () => {
    expect(compactUscc(" 91 110000-600037341l ")).toBe("91110000600037341L");
    expect(compactUscc("９１１１００００６０００３７３４１Ｌ")).toBe("91110000600037341L");
    expect(compactUscc("91110000\u3000600037341L\u200B")).toBe("91110000600037341L");
    expect(compactUscc("'91110000600037341L")).toBe("91110000600037341L");
    expect(formatUscc("91 110000 600037341L")).toBe("91110000600037341L");
  });

  it("does not turn O into 0 or I into 1: that stays a format problem", () => {
    expect(compactUscc("9111OOOO600037341L")).toBe("9111OOOO600037341L");
    expect(usccProblem(compactUscc("9111OOOO600037341L"))).toBe("format");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => compactUscc(compactUscc(s)) === compactUscc(s)),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => compactUscc(compactUscc(s)) === compactUscc(s)), { numRuns: 2000 });
  });
});

describe("single-character changes", () => {
  const valid = vectors.filter((v) => v.expected === "valid").map((v) => v.code);

  // Every weight is non-zero mod 31 and 31 is prime, so one changed character always breaks the outer check;
  // only changing both check characters together (the pair, below) can pass it.
  it("a valid code with one character changed is invalid", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...USCC_CHARSET.split("")),
        (code, position, replacement) => {
          fc.pre(code.charAt(position) !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          return !isValidUscc(changed);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("the check pair: changing position 17 and fixing 18 yields a code only the inner check rejects", () => {
    const code = "91110000600037341L";
    const wrongInner = code.slice(0, 16) + (code.charAt(16) === "1" ? "2" : "1");
    const rebalanced = wrongInner + usccCheckChar(wrongInner);
    expect(usccProblem(rebalanced)).toBe("org-checksum");
  });
});

describe("describeUscc", () => {
  it("reads authority, kind, region, province and city", () => {
    const d = describeUscc("91320594780268314T");
    expect(d).toMatchObject({
      code: "91320594780268314T",
      authority: "9",
      kind: "1",
      regionCode: "320594",
      provinceCode: "32",
      cityCode: "3205",
      independentLegalPerson: true,
      authorityName: "工商（市场监管）",
      kindName: "企业",
    });
  });

  it("maps retired and development-zone codes to today's city", () => {
    expect(describeUscc("91371202MA3C000000").cityCode).toBe("3701");
    expect(describeUscc("91320684MA1MXXXXXX").cityCode).toBe("3206");
    expect(describeUscc("91320691MA1W0DXN1N").cityCode).toBe("3206");
    expect(describeUscc("91320191MA1ML4CL25").cityCode).toBe("3201");
  });

  it("central enterprises carry 100000", () => {
    const d = describeUscc("91100000100000000X");
    expect(d.regionCode).toBe("100000");
    expect(d.provinceCode).toBe("10");
  });

  it("个体工商户 (92) are not independent legal persons; 社会组织 and 机关 are", () => {
    expect(describeUscc("92320115MA1XXXXXXX").independentLegalPerson).toBe(false);
    expect(describeUscc("92320115MA1XXXXXXX").kindName).toBe("个体工商户");
    expect(describeUscc("93320115MA1XXXXXXX").independentLegalPerson).toBe(true);
    expect(describeUscc("52320000MJ0000000X").independentLegalPerson).toBe(true);
    expect(describeUscc("12100000400000000X").independentLegalPerson).toBe(true);
  });
});

describe("check characters", () => {
  it("usccCheckChar matches every valid vector", () => {
    for (const v of vectors.filter((x) => x.expected === "valid")) expect(usccCheckChar(v.code.slice(0, 17)), v.code).toBe(v.code.charAt(17));
  });

  it("organisationCodeCheckChar gives X for 10 and 0 for 11", () => {
    const results = new Set<string>();
    for (const v of vectors.filter((x) => x.expected === "valid")) results.add(organisationCodeCheckChar(v.code.slice(8, 16)));
    expect(results.has("X")).toBe(true);
    expect(results.has("0")).toBe(true);
  });

  it("usccCheckChar refuses input it cannot weigh", () => {
    expect(() => usccCheckChar("123")).toThrow(RangeError);
    expect(() => usccCheckChar("9111000060003734O")).toThrow(RangeError);
  });
});

describe("usccLookalikeSuggestion", () => {
  it("suggests the code with O read as 0 and I as 1 only when that is valid", () => {
    expect(usccLookalikeSuggestion("9111OOOO6OOO37341L")).toBe("91110000600037341L");
    expect(usccLookalikeSuggestion("91I10000600037341L")).toBe("91110000600037341L");
    expect(usccLookalikeSuggestion("91110000600037341L")).toBeNull();
    expect(usccLookalikeSuggestion("9111OOOO6OOO37341N")).toBeNull();
  });
});
