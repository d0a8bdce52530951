import { describe, expect, it } from "vitest";
import { Layout } from "../../src/domain/export/layout";
import { findLayoutIn, layoutsOf } from "../../src/domain/export/layouts";
import { FIELDS } from "../../src/domain/fields";
import { builtinProgramme, listProgrammes } from "../../src/domain/catalogue";
import { readEnum } from "../../src/domain/readers";

const layoutsFor = (id: string) => layoutsOf(builtinProgramme(id));
const LAYOUTS = listProgrammes().flatMap((p) => layoutsOf(p));
/** "sd-2023-platform/附件3", or a programme id for its default layout. */
const findLayout = (id: string) => (id.includes("/") ? findLayoutIn(builtinProgramme(id.split("/")[0]), id) : layoutsFor(id)[0]);
const js666Programme = builtinProgramme("js-2020-666");
const jsStarCloudProgramme = builtinProgramme("js-2023-star-cloud");
const sdPlatformProgramme = builtinProgramme("sd-2023-platform");

const PROGRAMMES = ["js-2023-platform", "js-2023-benchmark-factory", "js-2023-star-cloud", "sd-2023-platform", "js-2020-666", "sd-2024-gfbj-2"];

function fieldsOf(layout: Layout): string[] {
  const out: string[] = [];
  for (const c of layout.columns) if ("fields" in c.source) out.push(...c.source.fields);
  if (layout.sections) out.push(...layout.sections.fields);
  return out;
}

describe("layouts", () => {
  it("covers every programme; 山东 2023 平台入库 has both 附件2 and 附件3", () => {
    for (const p of PROGRAMMES) expect(layoutsFor(p).length, p).toBeGreaterThan(0);
    expect(layoutsFor("sd-2023-platform").map((l) => l.attachment)).toEqual(["附件2", "附件3"]);
    expect(findLayout("sd-2023-platform")?.id).toBe("sd-2023-platform/附件2");
    expect(findLayout("sd-2023-platform/附件3")?.attachment).toBe("附件3");
    expect(new Set(LAYOUTS.map((l) => l.id)).size).toBe(LAYOUTS.length);
  });

  it("uses only canonical field ids (src/domain/fields.ts)", () => {
    for (const l of LAYOUTS) for (const f of fieldsOf(l)) expect(FIELDS[f], `${l.id}: ${f}`).toBeDefined();
  });

  it("gives every form a title with the year and the programme, 序号 first and a 备注", () => {
    for (const l of LAYOUTS) {
      expect(l.title, l.id).toMatch(/20\d\d|第一批/);
      expect(l.columns[0].header).toBe("序号");
      expect(l.columns.some((c) => c.header === "备注")).toBe(true);
    }
  });

  it("marks exempt rows only where the programme has a quota with exempt ownerships (the check decides which rows)", () => {
    for (const id of ["sd-2023-platform/附件2", "sd-2023-platform/附件3"]) expect(findLayout(id)?.exempt?.mark).toBeTruthy();
    expect(sdPlatformProgramme.quota?.exemptOwnership.length).toBeGreaterThan(0);
    expect(findLayout("sd-2024-gfbj-2")?.exempt?.mark).toBe("不占名额");
  });

  it("puts every allowed value and alias of the section field into a section", () => {
    for (const [layoutId, programme, field] of [
      ["js-2020-666/汇总表", js666Programme, "category"],
      ["js-2023-star-cloud/附件7", jsStarCloudProgramme, "starApplied"],
    ] as const) {
      const layout = findLayout(layoutId)!;
      const spec = programme.fields.find((f) => f.field === field)!;
      const spellings = [...(spec.allowed ?? []), ...Object.keys(spec.aliases ?? {})];
      expect(spellings.length).toBeGreaterThan(3);
      for (const s of spellings) {
        const canonical = readEnum({ kind: "text", value: s }, spec.allowed ?? [], spec.aliases);
        expect(canonical.status).toBe("ok");
        const section = (text: string) => layout.sections!.list.findIndex((x) => x.contains.some((c) => text.includes(c)));
        // the raw spelling and its canonical value land in the same section
        expect(section(s), `${layoutId}: ${s}`).toBeGreaterThanOrEqual(0);
        if (canonical.status === "ok") expect(section(s), s).toBe(section(canonical.value));
      }
    }
  });

  it("rejects a malformed layout", () => {
    const good = findLayout("js-2023-platform")!;
    expect(Layout.safeParse(good).success).toBe(true);
    expect(Layout.safeParse({ ...good, columns: [...good.columns].reverse() }).success).toBe(false);
    expect(Layout.safeParse({ ...good, columns: good.columns.filter((c) => c.header !== "备注") }).success).toBe(false);
    expect(Layout.safeParse({ ...good, columns: [...good.columns, good.columns[2]] }).success).toBe(false);
    expect(Layout.safeParse({ ...good, columns: [...good.columns, { ...good.columns[2], header: "是否占名额", source: { kind: "takesSlot" } }] }).success).toBe(false);
    expect(Layout.safeParse({ ...good, id: "no slash" }).success).toBe(false);
  });
});
