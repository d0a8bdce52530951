/**
 * Imported programme definitions through the session, with the engine's own bundle reader: an
 * imported bundle is offered beside the built-ins with its origin, checks the list, survives a new
 * session on the same workbook, and is removed; a broken file is refused with its paths and nothing
 * changes; a copy with another certificate date changes exactly the verdicts that date decides.
 */
import { describe, expect, it } from "vitest";
import { jsBenchmarkFactory } from "../../src/samples";
import { engine } from "../../src/workbook/engine";
import { PreviewHost } from "../../src/workbook/preview-host";
import { Session, type CheckSettings } from "../../src/workbook/session";
import { previewWorkbook } from "../../src/preview/workbook";
import { writers } from "../../src/export/writers";
import { BundleRefusedError, PROGRAMMES_SETTING, ProgrammeExistsError } from "../../src/workbook/programme-store";
import type { UserStore } from "../../src/workbook/user-store";
import { rowVerdicts } from "../../src/domain/verdict";

const BASE = "js-2023-benchmark-factory";

function memoryStore(): UserStore {
  const map = new Map<string, string>();
  return { kind: "localStorage", getItem: async (k) => map.get(k) ?? null, setItem: async (k, v) => void map.set(k, v), removeItem: async (k) => void map.delete(k) };
}

function setup(user: UserStore | null = memoryStore()) {
  const host = new PreviewHost(previewWorkbook(jsBenchmarkFactory));
  return { host, user, session: new Session(host, engine, "zh", writers, user) };
}

/** The built-in's definition file with another id (and whatever `edit` changes in it). */
function copyOf(session: Session, id: string, edit: (p: Record<string, any>) => void = () => {}): string {
  const doc = JSON.parse(session.bundleTextOf(BASE));
  doc.programme.id = id;
  doc.programme.title = `${doc.programme.title}（2027）`;
  edit(doc.programme);
  return JSON.stringify(doc, null, 2);
}

const settings = (programmeId: string): CheckSettings => ({ programmeId, city: jsBenchmarkFactory.city, asOf: "", quota: null, referenceSheets: [], scope: "used" });

describe("imported programmes in the session", () => {
  it("an imported bundle is offered with its origin, checks like its source, survives a new session and is removed", async () => {
    const { host, user, session } = setup();
    await session.start();
    const builtIns = session.programmes().length;
    expect(session.programmes().every((p) => p.origin?.kind === "builtin")).toBe(true);
    const out = await session.importProgramme("bf-2027.json", copyOf(session, "js-2027-bf"));
    expect(out.userNotSaved).toBeNull();
    expect(out.view.origin).toMatchObject({ kind: "file", fileName: "bf-2027.json", inWorkbook: true, forUser: true });
    expect(session.programmes().map((p) => p.id)).toHaveLength(builtIns + 1);
    const a = await session.run(settings(BASE));
    const b = await session.run(settings("js-2027-bf"));
    expect(b.report.programme).toBe("js-2027-bf");
    expect([...rowVerdicts(b.report)]).toEqual([...rowVerdicts(a.report)]);
    // The template finds it too.
    expect((await session.districtTemplate(settings("js-2027-bf"))).plan.programme).toBe("js-2027-bf");

    const again = new Session(host, engine, "zh", writers, user);
    const started = await again.start();
    expect(started.settings.programmeId).toBe("js-2027-bf");
    expect(again.programmes().find((p) => p.id === "js-2027-bf")?.origin?.kind).toBe("file");

    await again.removeProgramme("js-2027-bf");
    expect(again.programmes()).toHaveLength(builtIns);
    expect(await host.loadSetting(PROGRAMMES_SETTING)).toBeUndefined();
    expect(await user!.getItem("huizong.importedProgrammes")).toBeNull();
    const third = new Session(host, engine, "zh", writers, user);
    expect((await third.start()).settings.programmeId).not.toBe("js-2027-bf");
    expect(third.programmes().some((p) => p.id === "js-2027-bf")).toBe(false);
  });

  it("a broken file is refused with each problem's path, and the list is unchanged", async () => {
    const { host, session } = setup();
    await session.start();
    await session.importProgramme("ok.json", copyOf(session, "js-2027-ok"));
    const before = await host.loadSetting(PROGRAMMES_SETTING);
    const ids = session.programmes().map((p) => p.id);
    const broken = copyOf(session, "js-2027-bad", (p) => {
      p.rowRules.find((r: { type: string }) => r.type === "certificate").after = "2023-02-30";
      p.rowRules.push({ type: "no-such-kind" });
    });
    const err = await session.importProgramme("bad.json", broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleRefusedError);
    const problems = (err as BundleRefusedError).problems.map((x) => x.path);
    expect(problems.some((x) => /^\$\.programme\.rowRules\[\d+\]\.after$/.test(x))).toBe(true);
    expect(problems.some((x) => /^\$\.programme\.rowRules\[\d+\]\.type$/.test(x))).toBe(true);
    expect((err as Error).message).toContain("未导入");
    for (const text of ["{", "[]", JSON.stringify({ format: "huizong-programme", version: 9, programme: {} })]) {
      await expect(session.importProgramme("x.json", text)).rejects.toBeInstanceOf(BundleRefusedError);
    }
    // A built-in's id, and an imported one's without confirming: refused too.
    await expect(session.importProgramme("b.json", session.bundleTextOf(BASE))).rejects.toBeInstanceOf(ProgrammeExistsError);
    await expect(session.importProgramme("ok2.json", copyOf(session, "js-2027-ok"))).rejects.toBeInstanceOf(ProgrammeExistsError);
    expect(session.programmes().map((p) => p.id)).toEqual(ids);
    expect(await host.loadSetting(PROGRAMMES_SETTING)).toEqual(before);
    // Confirmed: replaced.
    await session.importProgramme("ok2.json", copyOf(session, "js-2027-ok"), { replace: true });
    expect(session.programmes().find((p) => p.id === "js-2027-ok")?.origin?.fileName).toBe("ok2.json");
  });

  it("a copy with a later certificate date turns the rows that date decides, and no others", async () => {
    const { session } = setup(null);
    await session.start();
    const text = copyOf(session, "js-2027-cert", (p) => {
      p.rowRules.find((r: { type: string }) => r.type === "certificate").after = "2024-12-31";
    });
    const preview = session.previewBundle(text);
    expect(preview.ok && preview.rules.some((r) => r.zh.includes("2024-12-31") || r.zh.includes("2024年12月31日"))).toBe(true);
    const saved = await session.saveProgramme("js-2027-cert.json", text, { copiedFrom: BASE });
    expect(saved.view.origin).toMatchObject({ kind: "copy", copiedFrom: BASE, forUser: false });
    const a = rowVerdicts((await session.run(settings(BASE))).report);
    const b = await session.run(settings("js-2027-cert"));
    const certRows = new Set(b.report.findings.filter((f) => /certificate/.test(f.code) && f.row !== undefined).map((f) => f.row!));
    const before = rowVerdicts((await session.run(settings(BASE))).report);
    const changed = [...rowVerdicts(b.report)].filter(([row, v]) => (a.get(row) ?? "ok") !== v).map(([row]) => row);
    expect(changed.length).toBeGreaterThan(0);
    for (const row of changed) expect(certRows.has(row)).toBe(true);
    expect(before).toEqual(a);
  });
});
