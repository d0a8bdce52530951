/** Programme bundles: the built-ins round-trip through their JSON text; a broken bundle names every problem at its path, in Chinese and English. */
import { describe, expect, it } from "vitest";
import { BUNDLE_FORMAT, MAX_BUNDLE_BYTES, bundleText, parseProgrammeBundle, programmeToBundle } from "../../src/domain/bundle";
import { builtinProgramme, listProgrammes } from "../../src/domain/catalogue";

describe("bundles of the built-ins", () => {
  for (const p of listProgrammes()) {
    it(`${p.id}: programmeToBundle → bundleText → parseProgrammeBundle gives the same programme`, () => {
      const text = bundleText(programmeToBundle(p));
      const r = parseProgrammeBundle(text);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(r.programme).toEqual(p);
      expect(r.bundle.format).toBe(BUNDLE_FORMAT);
      // Stable text: the same programme gives the same bytes.
      expect(bundleText(programmeToBundle(r.programme))).toBe(text);
    });
  }
});

type Json = Record<string, any>;
const base = (): Json => JSON.parse(bundleText(programmeToBundle(builtinProgramme("js-2023-benchmark-factory"))));
const ruleAt = (b: Json, type: string): number => b.programme.rowRules.findIndex((r: Json) => r.type === type);

/** [what is broken, the change, the path named]. */
const BROKEN: [string, (b: Json) => Json | string, string][] = [
  ["not JSON", () => "{ format: huizong", "$"],
  ["a JSON array", () => "[]", "$"],
  ["over-size", () => JSON.stringify({ ...base(), pad: "x".repeat(MAX_BUNDLE_BYTES) }), "$"],
  ["wrong format", (b) => ({ ...b, format: "something-else" }), "$.format"],
  ["a future version", (b) => ({ ...b, version: 2 }), "$.version"],
  ["unknown rule kind", (b) => (b.programme.rowRules[1].type = "max-age", b), "$.programme.rowRules[1].type"],
  ["a rule naming an undeclared field", (b) => (b.programme.rowRules[ruleAt(b, "min-age")].field = "foundedOn", b), `$.programme.rowRules[1].field`],
  ["an investment part not declared", (b) => (b.programme.rowRules[ruleAt(b, "investment-min")].parts.push("investOther"), b), `$.programme.rowRules[3].parts[3]`],
  ["a minimum as text", (b) => (b.programme.rowRules[ruleAt(b, "investment-min")].min = "2000万元", b), "$.programme.rowRules[3].min"],
  ["a negative minimum", (b) => (b.programme.rowRules[ruleAt(b, "investment-min")].min = -5, b), "$.programme.rowRules[3].min"],
  ["years not whole", (b) => (b.programme.rowRules[ruleAt(b, "min-age")].years = 2.5, b), "$.programme.rowRules[1].years"],
  ["an impossible date", (b) => (b.programme.rowRules[ruleAt(b, "certificate")].after = "2023-02-30", b), "$.programme.rowRules[4].after"],
  ["a date in another format", (b) => ((b.programme.asOf = "2023/2/28"), b), "$.programme.asOf"],
  ["an impossible deadline", (b) => ((b.programme.deadlines[0].date = "2023-13-01"), b), "$.programme.deadlines[0].date"],
  ["a field listed twice", (b) => (b.programme.fields.push({ field: "uscc", required: false }), b), `$.programme.fields[${base().programme.fields.length}].field`],
  ["a setting declared twice", (b) => (b.programme.settings.push(b.programme.settings[0]), b), `$.programme.settings[${base().programme.settings.length}].id`],
  ["a field named by a setting that is not declared", (b) => ((b.programme.fields.find((f: Json) => f.allowedFromSetting).allowedFromSetting = "nope"), b), "$.programme.fields"],
  ["a priority setting of the wrong kind", (b) => ((b.programme.priority.clusterSetting = "manufacturingDirections"), b), "$.programme.priority.clusterSetting"],
  ["an unknown key (typo)", (b) => ((b.programme.rowRules[ruleAt(b, "investment-min")].minimum = 3000), b), "$.programme.rowRules[3].minimum"],
  ["a new field without its definition", (b) => (b.programme.fields.push({ field: "carbonFootprint", required: false }), b), `$.programme.fields[${base().programme.fields.length}].field`],
  ["an enum field without allowed values", (b) => (b.programme.fields.push({ field: "category", required: false }), b), `$.programme.fields[${base().programme.fields.length}].allowed`],
  ["an id with spaces", (b) => ((b.programme.id = "Js 2027"), b), "$.programme.id"],
  ["a missing title", (b) => (delete b.programme.title, b), "$.programme.title"],
  ["fields not an array", (b) => ((b.programme.fields = { applicant: true }), b), "$.programme.fields"],
  ["a set rule naming an undeclared field", (b) => (b.programme.setRules.push({ type: "ranks", field: "rank", clause: "某通知 三(二)" }), b), `$.programme.setRules[${base().programme.setRules.length}].field`],
  ["a window that ends before it starts", (b) => {
    const star = JSON.parse(bundleText(programmeToBundle(builtinProgramme("js-2023-star-cloud"))));
    star.programme.rowRules[ruleAt(star, "cloud-window")].to = "2021-01-01";
    return star;
  }, "$.programme.rowRules[3].to"],
];

describe("a broken bundle is refused, every problem at its path in Chinese and English", () => {
  it("covers at least 20 kinds of breakage", () => expect(BROKEN.length).toBeGreaterThanOrEqual(20));
  for (const [what, change, path] of BROKEN) {
    it(what, () => {
      const changed = change(base());
      const r = parseProgrammeBundle(typeof changed === "string" ? changed : JSON.stringify(changed, null, 2));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const at = r.problems.filter((p) => p.path === path || p.path.startsWith(`${path}[`) || p.path.startsWith(`${path}.`));
      expect(at, JSON.stringify(r.problems)).not.toHaveLength(0);
      for (const p of r.problems) {
        expect(p.zh).toMatch(/[\u4e00-\u9fff]/u);
        expect(p.en).toMatch(/[a-z]{3}/);
        expect(p.en).not.toBe(p.zh);
      }
    });
  }
});

describe("fields a notice introduces", () => {
  it("a field outside the shared vocabulary, defined in the bundle, is accepted and named by its own words", () => {
    const b = base();
    b.programme.fields.push({ field: "carbonFootprint", required: false, define: { zh: "碳足迹核算", en: "Carbon footprint accounting", kind: "yesno", synonyms: ["是否开展碳足迹核算"] } });
    const r = parseProgrammeBundle(JSON.stringify(b));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.programme.fieldDefs.carbonFootprint).toMatchObject({ zh: "碳足迹核算", kind: "yesno", synonyms: ["碳足迹核算", "是否开展碳足迹核算"] });
  });
});
