/**
 * The rule-kind registry: each kind is one module with every part, the registry builds the unions,
 * the codes and the titles from them, and what a kind says it reads is what loading refuses when the
 * programme does not declare it.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BUNDLE_FORMAT, BUNDLE_VERSION, parseBundleData } from "../../src/domain/bundle";
import { FINDING_TITLES } from "../../src/domain/finding-titles";
import { PROGRAMME_INPUTS } from "../../src/domain/programmes";
import { ENGINE_CODES, FINDING_CODES } from "../../src/domain/report";
import { defineRowKind } from "../../src/domain/rules/kind";
import { kindByType, ROW_KINDS, RULE_CODE_TITLES, SET_KINDS } from "../../src/domain/rules/kinds";

const KINDS = [...ROW_KINDS, ...SET_KINDS];

function getAt(doc: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined), doc);
}

function bundleOf(programme: unknown) {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, programme };
}

describe("the rule-kind registry", () => {
  it("lists each kind once, each code belongs to one kind, and no kind takes an engine code", () => {
    const types = KINDS.map((k) => k.type);
    expect(new Set(types).size).toBe(types.length);
    const owner = new Map<string, string>();
    for (const k of KINDS) {
      for (const code of Object.keys(k.codes)) {
        expect(owner.get(code), `${code} claimed by ${k.type} and ${owner.get(code)}`).toBeUndefined();
        expect((ENGINE_CODES as readonly string[]).includes(code), `${k.type} claims the engine's ${code}`).toBe(false);
        owner.set(code, k.type);
      }
    }
    expect(Object.keys(RULE_CODE_TITLES).sort()).toEqual([...owner.keys()].sort());
  });

  it("gives every finding code a title in both languages", () => {
    expect(Object.keys(FINDING_TITLES).sort()).toEqual([...FINDING_CODES].sort());
    for (const code of FINDING_CODES) {
      const [zh, en] = FINDING_TITLES[code];
      expect(zh, code).toMatch(/\p{Script=Han}/u);
      expect(en, code).toMatch(/[A-Za-z]/);
    }
  });

  it("has every part in every kind: a name, a description and a one-line summary of each built-in rule", () => {
    const used = new Set<string>();
    for (const input of PROGRAMME_INPUTS) {
      const parsed = parseBundleData(bundleOf(input));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const p = parsed.programme;
      for (const r of [...p.rowRules, ...p.setRules]) {
        const k = kindByType(r.type)!;
        used.add(r.type);
        expect(k.name[0]).toMatch(/\p{Script=Han}/u);
        const texts = k.describe(r as never, p);
        expect(texts.length, r.type).toBeGreaterThan(0);
        for (const t of texts) expect(t.zh.length, r.type).toBeGreaterThan(4);
        expect(k.summary(r as never)).toMatch(/\p{Script=Han}/u);
        expect(Array.isArray(k.unchecked(r as never, { programme: p, settings: {}, references: { excluded: false, tasks: false, priority: false } }))).toBe(true);
      }
    }
    // The built-ins use every kind the registry has, so each is exercised by the samples.
    expect([...used].sort()).toEqual(KINDS.map((k) => k.type).sort());
  });

  it("says where each field a built-in rule names sits, and loading refuses the rule when that field is not declared", () => {
    let cases = 0;
    for (const input of PROGRAMME_INPUTS) {
      const declared = new Set((input.fields as { field: string }[]).map((f) => f.field));
      for (const list of ["rowRules", "setRules"] as const) {
        (input[list] as { type: string }[]).forEach((rule, i) => {
          const k = kindByType(rule.type)!;
          const parsedRule = k.schema.parse(rule);
          const refs = k.refs(parsedRule as never);
          // Every field id the rule holds is among its refs (what a kind reads is all it says it reads).
          const leaves: [(string | number)[], string][] = [];
          // Words shown to people, not field ids (a role "applicant" is no field, even where a field has that id).
          const TEXT = new Set(["role", "roleEn", "zh", "en", "nameEn", "list", "listEn", "reading", "readingEn", "none", "code", "ok", "warn", "levels", "subsidiary", "stateOwnership", "words", "barred", "lesser", "about", "otherBars", "severity", "province", "legalPersonSeverity", "leadProvince", "after", "from", "to", "listSetting", "type"]);
          const walk = (v: unknown, path: (string | number)[], parent?: Record<string, unknown>) => {
            const key = path.filter((x) => typeof x === "string").at(-1);
            if (key && TEXT.has(key)) return;
            if (typeof v === "string") {
              if (!(key === "name" && parent && !("uscc" in parent))) leaves.push([path, v]);
            }
            else if (Array.isArray(v)) v.forEach((x, j) => walk(x, [...path, j], parent));
            else if (v && typeof v === "object") for (const [k2, x] of Object.entries(v)) if (k2 !== "source" && !/clause$/i.test(k2)) walk(x, [...path, k2], v as Record<string, unknown>);
          };
          walk(rule, []);
          const refPaths = new Set(refs.fields.map(([path]) => JSON.stringify(path)));
          for (const [path, v] of leaves) if (declared.has(v)) expect(refPaths.has(JSON.stringify(path)), `${input.id} ${list}[${i}] ${rule.type} at ${path.join(".")} names ${v}`).toBe(true);
          // Each ref, pointed at a field the programme does not list, is refused at its path.
          for (const [path, id] of refs.fields) {
            expect(getAt(rule, path), `${rule.type} ref ${path.join(".")}`).toBe(id);
            const copy = structuredClone(input) as Record<string, unknown>;
            const target = getAt(copy, [list, i, ...path.slice(0, -1)]) as Record<string | number, unknown>;
            target[path[path.length - 1]!] = "notDeclaredAnywhere";
            const r = parseBundleData(bundleOf(copy));
            expect(r.ok, `${input.id} ${list}[${i}].${path.join(".")}`).toBe(false);
            if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(`$.programme.${list}[${i}].${path.join(".")}`.replace(/\.(\d+)(?=\.|$)/g, "[$1]"));
            cases++;
          }
        });
      }
    }
    expect(cases).toBeGreaterThan(60);
  });

  it("refuses a kind module that lacks a part, at compile time", () => {
    const schema = z.strictObject({ type: z.literal("example"), field: z.string(), clause: z.string() });
    const complete = defineRowKind({
      place: "row",
      type: "example",
      schema,
      name: ["示例", "Example"],
      codes: {},
      refs: (r) => ({ fields: [[["field"], r.field]], settings: [] }),
      check: () => undefined,
      describe: (r) => [{ zh: `示例规则 ${r.field}`, clause: r.clause, settings: [] }],
      unchecked: () => [],
      summary: () => "示例",
      editable: [],
    });
    expect(complete.type).toBe("example");
    // @ts-expect-error — no `unchecked`: what the rule cannot check must be said
    defineRowKind({ place: "row", type: "example", schema, name: ["示例", "Example"], codes: {}, refs: () => ({ fields: [], settings: [] }), check: () => undefined, describe: () => [], summary: () => "", editable: [] });
    // @ts-expect-error — no `refs`: a kind must say what it reads, or loading cannot refuse an undeclared field
    defineRowKind({ place: "row", type: "example", schema, name: ["示例", "Example"], codes: {}, check: () => undefined, describe: () => [], unchecked: () => [], summary: () => "", editable: [] });
  });
});
