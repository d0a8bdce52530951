import { describe, expect, it } from "vitest";
import { mappingKey, type SavedMapping } from "../../src/domain/columns";
import { MappingTooLargeError, MAX_SAVED_MAPPINGS } from "../../src/workbook/mappings";
import { detectUserStore, USER_MAPPINGS_KEY, UserMappings, type UserStore } from "../../src/workbook/user-store";

/** A Storage-shaped map; `deny` makes it throw as a browser does when storage is refused to the frame. */
function fakeLocalStorage(deny = false) {
  const kept = new Map<string, string>();
  const check = () => {
    if (deny) throw Object.assign(new Error("The operation is insecure."), { name: "SecurityError" });
  };
  return {
    kept,
    storage: {
      getItem: (k: string) => (check(), kept.get(k) ?? null),
      setItem: (k: string, v: string) => (check(), void kept.set(k, v)),
      removeItem: (k: string) => (check(), void kept.delete(k)),
    },
  };
}

const mapping = (n: number): SavedMapping => ({ version: 1, key: mappingKey(["申报单位", `代码${n}`]), choices: [{ column: `代码${n}`, field: "uscc" }] });

describe("the user's storage: detected, never assumed", () => {
  it("takes OfficeRuntime.storage where Office offers it", async () => {
    const kept = new Map<string, string>();
    const storage = { getItem: async (k: string) => kept.get(k) ?? null, setItem: async (k: string, v: string) => void kept.set(k, v), removeItem: async (k: string) => void kept.delete(k) };
    const store = detectUserStore({ OfficeRuntime: { storage }, localStorage: fakeLocalStorage().storage });
    expect(store?.kind).toBe("OfficeRuntime.storage");
    await store!.setItem("a", "1");
    expect(kept.get("a")).toBe("1");
  });

  it("falls back to the pane's localStorage, and to none where the browser refuses it or there is none", () => {
    expect(detectUserStore({ localStorage: fakeLocalStorage().storage })?.kind).toBe("localStorage");
    expect(detectUserStore({ localStorage: fakeLocalStorage(true).storage })).toBeNull();
    const throwing = Object.defineProperty({}, "localStorage", {
      get() {
        throw new Error("denied");
      },
    });
    expect(detectUserStore(throwing)).toBeNull();
    expect(detectUserStore({})).toBeNull();
    // An OfficeRuntime without storage (not the shared runtime) is no store.
    expect(detectUserStore({ OfficeRuntime: {} })).toBeNull();
  });
});

describe("mappings remembered for the user", () => {
  function store(): { store: UserStore; kept: Map<string, string> } {
    const { kept, storage } = fakeLocalStorage();
    return { store: detectUserStore({ localStorage: storage })!, kept };
  }

  it("save, load, overwrite, forget", async () => {
    const { store: s, kept } = store();
    const user = new UserMappings(s);
    expect(await user.load(mapping(1).key)).toBeUndefined();
    await user.save(mapping(1));
    await user.save(mapping(2));
    expect(await user.load(mapping(1).key)).toEqual(mapping(1));
    const changed = { ...mapping(1), choices: [{ column: "代码1", field: null }] };
    await user.save(changed);
    expect(await user.load(mapping(1).key)).toEqual(changed);
    expect(JSON.parse(kept.get(USER_MAPPINGS_KEY)!).length).toBe(2);
    await user.forget(mapping(1).key);
    await user.forget(mapping(2).key);
    expect(kept.has(USER_MAPPINGS_KEY)).toBe(false);
  });

  it("keeps the most recent ones and refuses one too large, as the workbook does", async () => {
    const { store: s } = store();
    const user = new UserMappings(s);
    for (let i = 0; i < MAX_SAVED_MAPPINGS + 1; i++) await user.save(mapping(i));
    expect(await user.load(mapping(0).key)).toBeUndefined();
    expect(await user.load(mapping(MAX_SAVED_MAPPINGS).key)).toBeDefined();
    const long = Array.from({ length: 400 }, (_, i) => `第${i}列：近三年研发投入及技术改造投入情况说明（万元）`);
    await expect(user.save({ version: 1, key: mappingKey(long), choices: long.map((column) => ({ column, field: null })) })).rejects.toBeInstanceOf(MappingTooLargeError);
    expect(await user.load(mapping(1).key)).toBeDefined();
  });

  it("reads another program's value under its key as nothing remembered", async () => {
    const { store: s, kept } = store();
    kept.set(USER_MAPPINGS_KEY, "not json");
    const user = new UserMappings(s);
    expect(await user.load(mapping(1).key)).toBeUndefined();
    await user.save(mapping(1));
    expect(await user.load(mapping(1).key)).toEqual(mapping(1));
  });
});
