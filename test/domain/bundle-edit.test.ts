/**
 * The editor's model over a real exported bundle (src/domain/bundle-edit.ts): the decisive values
 * are found with their clauses, a typed value goes in at its path and reads back through the
 * bundle reader, a value that does not read leaves the bundle as it was, a drafted rule's source is
 * shown and dropping it removes exactly that rule.
 */
import { describe, expect, it } from "vitest";
import { applyText, editGroups, fieldsOfProblem, getAt, programmeRoot, removeAt, type EditField } from "../../src/domain/bundle-edit";
import { Programme } from "../../src/domain/programme";
import { PROGRAMME_INPUTS } from "../../src/domain/programmes/index";
import { draftProgramme, draftRules } from "../../src/domain/draft/draft";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A built-in definition as a file holds it: `{ "programme": … }`, as JSON. */
function exported(id: string): unknown {
  return JSON.parse(JSON.stringify({ programme: PROGRAMME_INPUTS.find((x) => x.id === id)! }));
}

function parse(doc: unknown) {
  const r = Programme.safeParse(getAt(doc, programmeRoot(doc)!));
  return r.success ? { ok: true as const, programme: r.data } : { ok: false as const };
}

const listProgrammes = () => PROGRAMME_INPUTS.map((p) => ({ id: String(p.id) }));

function fieldOf(doc: unknown, group: string, label: RegExp): EditField {
  const g = editGroups(doc).find((x) => x.key === group || x.zh === group);
  const f = g?.fields.find((x) => label.test(x.zh));
  if (!f) throw new Error(`no field ${label} in ${group}`);
  return f;
}

describe("the decisive values of a bundle", () => {
  it("finds every part the form edits, each value with its clause, in every built-in", () => {
    for (const p of listProgrammes()) {
      const groups = editGroups(exported(p.id));
      expect(groups.map((g) => g.key).slice(0, 2)).toEqual(["notice", "deadlines"]);
      for (const g of groups) {
        expect(g.fields.length, `${p.id} ${g.key}`).toBeGreaterThan(0);
        if (g.rulePath) expect(g.clause.length, `${p.id} ${g.key}`).toBeGreaterThan(3);
      }
    }
    const bf = editGroups(exported("js-2023-benchmark-factory"));
    expect(bf.map((g) => g.zh)).toEqual(expect.arrayContaining(["注册年限", "投资额下限", "证书有效期", "优先认定名单", "可填的值（方向、类型、级别）"]));
    const cert = bf.find((g) => g.zh === "证书有效期")!;
    expect(cert.clause).toContain("证书有效期须在2023年3月31日之后");
    expect(cert.fields[0].text).toBe("2023-03-31");
    const sc = editGroups(exported("js-2023-star-cloud")).map((g) => g.zh);
    expect(sc).toEqual(expect.arrayContaining(["上云时间", "星级"]));
    const sd = editGroups(exported("sd-2023-platform"));
    expect(sd.find((g) => g.key === "quota")?.fields.map((f) => f.text)).toEqual(["10", expect.any(String)]);
    expect(editGroups(exported("sd-2024-gfbj-2")).filter((g) => g.zh === "参与项目数上限")).toHaveLength(2);
  });

  it("a typed value goes in at its path and the bundle reads with it; the rules text says it", () => {
    const doc = exported("js-2023-benchmark-factory");
    const out = applyText(doc, fieldOf(doc, "证书有效期", /之后/), "2024-03-31");
    expect(out.ok).toBe(true);
    const read = parse((out as { bundle: unknown }).bundle);
    expect(read.ok).toBe(true);
    const cert = read.ok ? read.programme.rowRules.find((r) => r.type === "certificate") : undefined;
    expect(cert && "after" in cert ? cert.after : null).toBe("2024-03-31");
    // The original is not changed.
    expect(editGroups(doc).find((g) => g.zh === "证书有效期")!.fields[0].text).toBe("2023-03-31");

    const min = applyText(doc, fieldOf(doc, "投资额下限", /万元/), "3000");
    const readMin = parse((min as { bundle: unknown }).bundle);
    const rule = readMin.ok ? readMin.programme.rowRules.find((r) => r.type === "investment-min") : undefined;
    expect(rule && "min" in rule ? rule.min : null).toBe(3000);
  });

  it("a value that does not read is said and not used", () => {
    const doc = exported("js-2023-benchmark-factory");
    for (const [group, label, text] of [
      ["证书有效期", /之后/, "2024-02-30"],
      ["证书有效期", /之后/, "明年"],
      ["注册年限", /年/, "0"],
      ["注册年限", /年/, "2.5"],
      ["投资额下限", /万元/, "-1"],
      ["投资额下限", /万元/, ""],
    ] as const) {
      const out = applyText(doc, fieldOf(doc, group, label), text);
      expect(out.ok, `${group} ${text}`).toBe(false);
      if (!out.ok) {
        expect(out.zh.length).toBeGreaterThan(0);
        expect(out.en.length).toBeGreaterThan(0);
      }
    }
  });

  it("a bundle problem lands on the field at its path", () => {
    const doc = exported("js-2023-benchmark-factory");
    const f = fieldOf(doc, "证书有效期", /之后/);
    const groups = editGroups(doc);
    expect(fieldsOfProblem(groups, f.key)).toEqual([f.key]);
    expect(fieldsOfProblem(groups, "no.such.path")).toEqual([]);
  });

  it("a drafted rule shows its source; dropping it removes that rule and no other", () => {
    const doc = exported("js-2023-benchmark-factory");
    const root = programmeRoot(doc)!;
    const rules = getAt(doc, [...root, "rowRules"]) as { type: string }[];
    const i = rules.findIndex((r) => r.type === "certificate");
    const draft = JSON.parse(JSON.stringify(doc)) as unknown;
    (getAt(draft, [...root, "rowRules", i]) as Record<string, unknown>).source = { section: "三(三)2", text: "证书有效期须在2023年3月31日之后", confidence: 0.8 };
    const g = editGroups(draft).find((x) => x.zh === "证书有效期")!;
    expect(g.source).toEqual({ section: "三(三)2", text: "证书有效期须在2023年3月31日之后", confidence: 0.8 });
    expect(editGroups(doc).find((x) => x.zh === "证书有效期")!.source).toBeUndefined();
    const dropped = removeAt(draft, g.rulePath!);
    const left = getAt(dropped, [...root, "rowRules"]) as { type: string }[];
    expect(left.map((r) => r.type)).toEqual(rules.filter((_, j) => j !== i).map((r) => r.type));
  });

  it("a real draft (programmes draft of seed 000) shows every drafted rule with its sentence, each droppable", () => {
    const r = draftProgramme(readFileSync(join(__dirname, "../data/notices/000.txt"), "utf8"), { category: "标杆工厂" });
    if (!r.ok) throw new Error(r.problems.map((p) => p.zh).join("; "));
    const groups = editGroups(r.bundle);
    const drafted = draftRules(r.bundle.programme).filter((x) => x.source);
    const reviewed = groups.filter((g) => g.source);
    expect(reviewed).toHaveLength(drafted.length);
    for (const g of reviewed) {
      expect(g.rulePath).toBeDefined();
      expect(g.source!.text.length).toBeGreaterThan(0);
      expect(g.source!.confidence).toBeGreaterThan(0);
    }
    const quota = reviewed.find((g) => g.key === "quota");
    if (quota) expect(getAt(removeAt(r.bundle, quota.rulePath!), ["programme", "quota"])).toBeNull();
  });
});
