/**
 * The store of imported programmes (src/workbook/programme-store.ts) on its own: what it keeps in
 * the workbook and for the user, its size bounds, and that a refused or failed save leaves both
 * exactly as they were. The bundle reader is the store's constructor argument; here it reads a
 * `{ "programme": … }` file with the Programme schema, so the tests are about storage, not format
 * (the pane's own reader is tested through the session in imported-programmes.test.ts).
 */
import { describe, expect, it } from "vitest";
import { PROGRAMME_INPUTS } from "../../src/domain/programmes/index";
import { Programme } from "../../src/domain/programme";
import { PreviewHost } from "../../src/workbook/preview-host";
import {
  BundleRefusedError,
  MAX_BUNDLE_BYTES,
  MAX_LIBRARY_BYTES,
  PROGRAMMES_SETTING,
  ProgrammeExistsError,
  ProgrammeLibrary,
  USER_PROGRAMMES_KEY,
  type BundleRead,
} from "../../src/workbook/programme-store";
import type { UserStore } from "../../src/workbook/user-store";

const BUILT_IN = PROGRAMME_INPUTS[1];

function read(text: string): BundleRead<Programme> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: "", zh: "不是 JSON", en: "not JSON" }] };
  }
  const parsed = Programme.safeParse((json as { programme?: unknown } | null)?.programme);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ path: ["programme", ...i.path].join("."), zh: i.message, en: i.message })) };
  return { ok: true, programme: parsed.data, id: parsed.data.id, title: parsed.data.title };
}

function file(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ programme: { ...BUILT_IN, id, ...extra } }, null, 2);
}

function memoryStore(): UserStore {
  const map = new Map<string, string>();
  return { kind: "localStorage", getItem: async (k) => map.get(k) ?? null, setItem: async (k, v) => void map.set(k, v), removeItem: async (k) => void map.delete(k) };
}

function setup(user: UserStore | null = memoryStore()) {
  const host = new PreviewHost({ sheets: [{ name: "S", rows: [] }] });
  const library = new ProgrammeLibrary(host, user, read, new Set([String(BUILT_IN.id)]));
  const stores = async () => ({ book: await host.loadSetting(PROGRAMMES_SETTING), user: user ? await user.getItem(USER_PROGRAMMES_KEY) : null });
  return { host, user, library, stores };
}

describe("the programme store", () => {
  it("keeps a bundle in the workbook and for the user, with its file name and date, and reads it back", async () => {
    const { library, user, host } = setup();
    const out = await library.add("a.json", file("js-2027-a"), { now: new Date("2026-12-02T09:00:00Z") });
    expect(out.userNotSaved).toBeNull();
    const [entry] = await library.load();
    expect(entry).toMatchObject({ inWorkbook: true, forUser: true, problems: [] });
    expect(entry.stored).toMatchObject({ id: "js-2027-a", fileName: "a.json", importedAt: "2026-12-02T09:00:00.000Z", origin: "file" });
    expect(entry.programme?.id).toBe("js-2027-a");
    // Another workbook of the same user lists it as the user's only.
    const other = new ProgrammeLibrary(new PreviewHost({ sheets: [{ name: "S", rows: [] }] }), user, read, new Set());
    expect((await other.load()).map((e) => [e.stored.id, e.inWorkbook, e.forUser])).toEqual([["js-2027-a", false, true]]);
    expect(((await host.loadSetting<unknown[]>(PROGRAMMES_SETTING)) ?? []).length).toBe(1);
  });

  it("refuses a file that does not read, with its problems, and changes nothing", async () => {
    const { library, stores } = setup();
    await library.add("kept.json", file("js-2027-kept"));
    const before = await stores();
    for (const text of ["{", "", file("js-2027-x", { asOf: 20230228 }), file("js-2027-x", { fields: [] })]) {
      const error = await library.add("broken.json", text).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BundleRefusedError);
      expect((error as BundleRefusedError).problems.length).toBeGreaterThan(0);
      expect((error as BundleRefusedError).message).toContain("“broken.json”不是可用的项目定义，未导入");
    }
    expect(await stores()).toEqual(before);
  });

  it(`refuses a bundle past ${MAX_BUNDLE_BYTES / 1024} KB, and one that would take the workbook past ${MAX_LIBRARY_BYTES / 1024} KB; nothing changes`, async () => {
    const { library, stores } = setup();
    const big = (id: string) => file(id) + " ".repeat(MAX_BUNDLE_BYTES - 40 * 1024);
    const one = await library.add("huge.json", file("js-2027-huge") + " ".repeat(MAX_BUNDLE_BYTES)).catch((e: unknown) => e);
    expect((one as Error).message).toContain(`超过单个项目定义的上限 ${MAX_BUNDLE_BYTES / 1024} KB`);
    let kept = 0;
    for (; kept < 8; kept++) {
      const before = await stores();
      const e = await library.add(`b${kept}.json`, big(`js-2027-b${kept}`)).catch((x: unknown) => x);
      if (e instanceof Error) {
        expect(e.message).toContain(`超过上限 ${MAX_LIBRARY_BYTES / 1024} KB`);
        expect(await stores()).toEqual(before);
        break;
      }
    }
    // About 216 KB each, stored as JSON text: four fit in 1 MB.
    expect(kept).toBe(4);
    expect((await library.load()).map((e) => e.stored.id)).toEqual(["js-2027-b0", "js-2027-b1", "js-2027-b2", "js-2027-b3"]);
  });

  it("refuses a built-in's id; an id already kept needs replace", async () => {
    const { library, stores } = setup();
    const builtIn = await library.add("x.json", file(String(BUILT_IN.id))).catch((e: unknown) => e);
    expect(builtIn).toBeInstanceOf(ProgrammeExistsError);
    expect((builtIn as ProgrammeExistsError).builtIn).toBe(true);
    await library.add("a.json", file("js-2027-a"));
    const before = await stores();
    expect(await library.add("a2.json", file("js-2027-a")).catch((e: unknown) => e)).toBeInstanceOf(ProgrammeExistsError);
    expect(await stores()).toEqual(before);
    await library.add("a2.json", file("js-2027-a"), { replace: true });
    expect((await library.load()).map((e) => e.stored.fileName)).toEqual(["a2.json"]);
  });

  it("where the workbook refuses to save, puts the list back and says so", async () => {
    const { library, host, stores } = setup();
    await library.add("kept.json", file("js-2027-kept"));
    const before = await stores();
    const save = host.saveSetting.bind(host);
    let fail = true;
    host.saveSetting = async (key, value) => {
      await save(key, value);
      if (key === PROGRAMMES_SETTING && fail) {
        fail = false;
        throw new Error("设置未能保存到工作簿");
      }
    };
    await expect(library.add("new.json", file("js-2027-new"))).rejects.toThrow("工作簿中的项目未改动");
    expect(await stores()).toEqual(before);
  });

  it("where the user's storage refuses, keeps it in the workbook and says so", async () => {
    const user = memoryStore();
    user.setItem = async () => {
      throw new Error("QuotaExceededError");
    };
    const { library } = setup(user);
    const out = await library.add("a.json", file("js-2027-a"));
    expect(out.userNotSaved?.message).toContain("已保存在本工作簿中，但未能为您本人保存");
    expect(out.entry).toMatchObject({ inWorkbook: true, forUser: false });
  });

  it("lists a kept bundle that no longer reads with its problems, and removes from both stores", async () => {
    const { library, host, user } = setup();
    await library.add("a.json", file("js-2027-a"));
    await library.add("b.json", file("js-2027-b"));
    const list = (await host.loadSetting<{ id: string; text: string }[]>(PROGRAMMES_SETTING))!;
    await host.saveSetting(PROGRAMMES_SETTING, [{ ...list[0], text: "{ no longer" }, list[1]]);
    await user!.removeItem(USER_PROGRAMMES_KEY);
    const loaded = await library.load();
    expect(loaded.map((e) => [e.stored.id, e.programme === null, e.problems.length > 0])).toEqual([
      ["js-2027-a", true, true],
      ["js-2027-b", false, false],
    ]);
    await library.remove("js-2027-a");
    await library.remove("js-2027-b");
    expect(await library.load()).toEqual([]);
    expect(await host.loadSetting(PROGRAMMES_SETTING)).toBeUndefined();
    expect(await user!.getItem(USER_PROGRAMMES_KEY)).toBeNull();
  });

  it("drops stored entries that are not shaped like one, and a user value that is not JSON", async () => {
    const { library, host, user } = setup();
    await host.saveSetting(PROGRAMMES_SETTING, [{ version: 2, id: "x" }, "nonsense", null]);
    await user!.setItem(USER_PROGRAMMES_KEY, "not json");
    expect(await library.load()).toEqual([]);
  });
});
