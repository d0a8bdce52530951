/**
 * The user's own storage beside the workbook, so a mapping confirmed once is offered in the next
 * workbook too. Which one the host has is detected, never assumed: OfficeRuntime.storage (Office's
 * shared runtime), else the pane's localStorage where the browser lets the pane use it (Excel on
 * the web may partition or deny it), else none: then mappings live only in the workbook.
 */
import type { SavedMapping } from "../domain/columns";
import { findMapping, MAPPINGS_SETTING, readMappings, withMapping, withoutMapping } from "./mappings";

export interface UserStore {
  /** Which storage it is, for the pane to say where the mapping is remembered. */
  kind: "OfficeRuntime.storage" | "localStorage";
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

interface AsyncStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

const PROBE = "huizong.probe";

/** `scope`: globalThis in the pane; tests pass their own. */
export function detectUserStore(scope: unknown = globalThis): UserStore | null {
  const g = scope as { OfficeRuntime?: { storage?: Partial<AsyncStorage> }; localStorage?: Storage };
  const runtime = g.OfficeRuntime?.storage;
  if (runtime && typeof runtime.getItem === "function" && typeof runtime.setItem === "function" && typeof runtime.removeItem === "function") {
    const s = runtime as AsyncStorage;
    return { kind: "OfficeRuntime.storage", getItem: (k) => s.getItem(k), setItem: (k, v) => s.setItem(k, v), removeItem: (k) => s.removeItem(k) };
  }
  let local: Storage | undefined;
  try {
    // Reading the property itself throws where the browser denies storage to the frame.
    local = g.localStorage;
    if (!local) return null;
    local.setItem(PROBE, "1");
    local.removeItem(PROBE);
  } catch {
    return null;
  }
  const ls = local;
  return {
    kind: "localStorage",
    getItem: async (k) => ls.getItem(k),
    setItem: async (k, v) => ls.setItem(k, v),
    removeItem: async (k) => ls.removeItem(k),
  };
}

/** The key under which the user's mappings are kept (one list, as in the workbook). */
export const USER_MAPPINGS_KEY = `huizong.${MAPPINGS_SETTING}`;

/** The user's confirmed mappings in a UserStore, bounded like the workbook's (mappings.ts). */
export class UserMappings {
  constructor(readonly store: UserStore) {}

  async load(key: string): Promise<SavedMapping | undefined> {
    return findMapping(await this.list(), key);
  }

  async save(mapping: SavedMapping): Promise<void> {
    await this.store.setItem(USER_MAPPINGS_KEY, JSON.stringify(withMapping(await this.list(), mapping)));
  }

  async forget(key: string): Promise<void> {
    const list = await this.list();
    if (!findMapping(list, key)) return;
    const rest = withoutMapping(list, key);
    if (rest.length) await this.store.setItem(USER_MAPPINGS_KEY, JSON.stringify(rest));
    else await this.store.removeItem(USER_MAPPINGS_KEY);
  }

  private async list(): Promise<SavedMapping[]> {
    const raw = await this.store.getItem(USER_MAPPINGS_KEY);
    if (raw === null) return [];
    try {
      return readMappings(JSON.parse(raw));
    } catch {
      // Not JSON (another program's value under our key): as good as nothing remembered.
      return [];
    }
  }
}
