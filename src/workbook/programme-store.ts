/**
 * Programmes a bureau imported (导入项目定义) or made by copying one (新建项目): kept in the workbook's
 * document settings, so they travel with the file to whoever opens it, and for the user where the
 * host gives the pane storage (user-store.ts), so the next workbook has them too.
 *
 * What is kept is the bundle's text, not a parsed object: every load parses it again with the
 * engine's own reader, so a bundle the engine no longer accepts is named with its problems instead
 * of being run half-understood.
 *
 * Size: Office keeps document settings in the file, and some hosts refuse them past roughly 2 MB in
 * all (Excel on the web). The marks' records and the column mappings live there too, so imported
 * programmes get at most MAX_LIBRARY_BYTES together and MAX_BUNDLE_BYTES each (a built-in bundle is
 * some 10–40 KB). A bundle past either bound is refused and nothing is changed.
 */
import type { WorkbookPort } from "./port";
import type { UserStore } from "./user-store";

/** The document setting holding the list (and, prefixed, the user-store key). */
export const PROGRAMMES_SETTING = "importedProgrammes";
export const USER_PROGRAMMES_KEY = `huizong.${PROGRAMMES_SETTING}`;
/** One bundle's text, UTF-8. */
export const MAX_BUNDLE_BYTES = 256 * 1024;
/** All imported bundles of one workbook (and of one user) together, UTF-8. */
export const MAX_LIBRARY_BYTES = 1024 * 1024;

/** One problem of a bundle, as `huizong programmes validate` prints it. */
export interface BundleProblem {
  /** JSON path in the bundle ("rules.3.after"), "" for the file as a whole. */
  path: string;
  zh: string;
  en: string;
}

/** What the engine makes of a bundle's text. */
export type BundleRead<P> = { ok: true; programme: P; id: string; title: string } | { ok: false; problems: BundleProblem[] };

/** How a programme came into the workbook. */
export type ProgrammeOrigin = "file" | "copy";

export interface StoredProgramme {
  version: 1;
  id: string;
  title: string;
  /** The file it was imported from, or the .json name a copy is downloaded as. */
  fileName: string;
  /** ISO date-time it was imported or saved. */
  importedAt: string;
  origin: ProgrammeOrigin;
  /** The programme it was copied from (origin "copy"). */
  copiedFrom?: string;
  /** The bundle itself. */
  text: string;
}

export interface LibraryEntry<P> {
  stored: StoredProgramme;
  /** Where it is kept. */
  inWorkbook: boolean;
  forUser: boolean;
  /** Null when the bundle no longer reads: then `problems` says why and it can only be removed. */
  programme: P | null;
  problems: BundleProblem[];
}

/** A bundle refused: its problems, nothing changed. */
export class BundleRefusedError extends Error {
  readonly messageEn: string;
  constructor(
    readonly fileName: string,
    readonly problems: BundleProblem[],
  ) {
    const zh = problems.map((p) => (p.path ? `${p.path}：${p.zh}` : p.zh));
    const en = problems.map((p) => (p.path ? `${p.path}: ${p.en}` : p.en));
    super(`“${fileName}”不是可用的项目定义，未导入（工作簿中的项目未改动）：${zh.join("；")}`);
    this.name = "BundleRefusedError";
    this.messageEn = `“${fileName}” is not a usable programme definition and was not imported (nothing changed): ${en.join("; ")}`;
  }
}

/** Thrown by add when the programme's id is taken and `replace` was not asked: nothing changed. */
export class ProgrammeExistsError extends Error {
  readonly messageEn: string;
  constructor(
    readonly id: string,
    readonly builtIn: boolean,
  ) {
    super(
      builtIn
        ? `项目编号“${id}”是内置项目的编号，未导入：请在文件中换一个编号（如加上年份或“-copy”）。`
        : `本工作簿已有编号为“${id}”的导入项目：替换它请确认，否则未改动。`,
    );
    this.name = "ProgrammeExistsError";
    this.messageEn = builtIn
      ? `“${id}” is the id of a built-in programme; not imported: give the file another id.`
      : `This workbook already has an imported programme “${id}”: confirm to replace it; nothing changed.`;
  }
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);

/** The refusal of a file too large to keep (the pane says it without reading a huge file at all). */
export function bundleTooLarge(fileName: string, bytes: number): BundleRefusedError {
  return tooLarge(fileName, bytes, MAX_BUNDLE_BYTES, "bundle");
}

function tooLarge(fileName: string, bytes: number, limit: number, what: "bundle" | "library"): BundleRefusedError {
  const zh =
    what === "bundle"
      ? `文件有 ${kb(bytes)} KB，超过单个项目定义的上限 ${kb(limit)} KB（Office 工作簿的设置总量有限）：请删去不需要的内容（如过长的说明）后再导入`
      : `导入后本工作簿中的项目定义合计 ${kb(bytes)} KB，超过上限 ${kb(limit)} KB（Office 工作簿的设置总量有限）：请先移除不用的导入项目`;
  const en =
    what === "bundle"
      ? `the file is ${kb(bytes)} KB, over the ${kb(limit)} KB a programme definition may take (Office limits a workbook's settings): remove what is not needed and import again`
      : `with it the workbook's programme definitions would take ${kb(bytes)} KB, over the ${kb(limit)} KB limit (Office limits a workbook's settings): remove imported programmes you no longer use first`;
  return new BundleRefusedError(fileName, [{ path: "", zh, en }]);
}

/** The stored list read leniently: anything not shaped like an entry (hand edits, another version) is dropped. */
export function readStored(raw: unknown): StoredProgramme[] {
  if (!Array.isArray(raw)) return [];
  const out: StoredProgramme[] = [];
  for (const x of raw) {
    const e = x as Partial<StoredProgramme> | null;
    if (!e || typeof e !== "object" || e.version !== 1) continue;
    if (typeof e.id !== "string" || typeof e.text !== "string" || typeof e.fileName !== "string" || typeof e.importedAt !== "string") continue;
    if (out.some((o) => o.id === e.id)) continue;
    out.push({
      version: 1,
      id: e.id,
      title: typeof e.title === "string" ? e.title : e.id,
      fileName: e.fileName,
      importedAt: e.importedAt,
      origin: e.origin === "copy" ? "copy" : "file",
      ...(typeof e.copiedFrom === "string" ? { copiedFrom: e.copiedFrom } : {}),
      text: e.text,
    });
  }
  return out;
}

function listBytes(list: readonly StoredProgramme[]): number {
  return utf8Bytes(JSON.stringify(list));
}

export interface AddOptions {
  /** Replace an imported programme of the same id (the user confirmed). */
  replace?: boolean;
  origin?: ProgrammeOrigin;
  copiedFrom?: string;
  now?: Date;
}

export interface AddOutcome<P> {
  entry: LibraryEntry<P>;
  /** Kept in the workbook but not for the user (storage refused, full): said, not fatal. */
  userNotSaved: Error | null;
}

export class ProgrammeLibrary<P> {
  constructor(
    private readonly port: Pick<WorkbookPort, "loadSetting" | "saveSetting">,
    private readonly user: UserStore | null,
    private readonly read: (text: string) => BundleRead<P>,
    /** Ids of the built-in programmes: an import may not take one. */
    private readonly builtInIds: ReadonlySet<string>,
  ) {}

  /** Every programme kept in the workbook or for the user; the workbook's copy wins on a shared id. */
  async load(): Promise<LibraryEntry<P>[]> {
    const [book, user] = await Promise.all([this.workbookList(), this.userList()]);
    const out: LibraryEntry<P>[] = [];
    for (const stored of book) out.push(this.entry(stored, true, user.some((u) => u.id === stored.id && u.text === stored.text)));
    for (const stored of user) if (!book.some((b) => b.id === stored.id)) out.push(this.entry(stored, false, true));
    return out;
  }

  /**
   * Reads `text` as a bundle and keeps it: refused (BundleRefusedError, ProgrammeExistsError) with
   * nothing changed when it does not read, is too large, or takes an id it may not.
   */
  async add(fileName: string, text: string, options: AddOptions = {}): Promise<AddOutcome<P>> {
    const bytes = utf8Bytes(text);
    if (bytes > MAX_BUNDLE_BYTES) throw tooLarge(fileName, bytes, MAX_BUNDLE_BYTES, "bundle");
    const read = this.read(text);
    if (!read.ok) throw new BundleRefusedError(fileName, read.problems);
    if (this.builtInIds.has(read.id)) throw new ProgrammeExistsError(read.id, true);
    const book = await this.workbookList();
    const user = await this.userList();
    if (!options.replace && (book.some((b) => b.id === read.id) || user.some((u) => u.id === read.id))) throw new ProgrammeExistsError(read.id, false);
    const stored: StoredProgramme = {
      version: 1,
      id: read.id,
      title: read.title,
      fileName,
      importedAt: (options.now ?? new Date()).toISOString(),
      origin: options.origin ?? "file",
      ...(options.copiedFrom ? { copiedFrom: options.copiedFrom } : {}),
      text,
    };
    const nextBook = [...book.filter((b) => b.id !== read.id), stored];
    const total = listBytes(nextBook);
    if (total > MAX_LIBRARY_BYTES) throw tooLarge(fileName, total, MAX_LIBRARY_BYTES, "library");
    await this.saveWorkbook(nextBook, book);
    let userNotSaved: Error | null = null;
    if (this.user) {
      const nextUser = [...user.filter((u) => u.id !== read.id), stored];
      try {
        if (listBytes(nextUser) > MAX_LIBRARY_BYTES) throw new Error(`超过 ${kb(MAX_LIBRARY_BYTES)} KB`);
        await this.user.setItem(USER_PROGRAMMES_KEY, JSON.stringify(nextUser));
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        userNotSaved = Object.assign(new Error(`项目“${stored.title}”已保存在本工作簿中，但未能为您本人保存，其他工作簿中不会出现（${why}）。`), {
          messageEn: `“${stored.title}” is kept in this workbook but could not be kept for you, so other workbooks will not list it (${why}).`,
        });
      }
    }
    return { entry: { stored, inWorkbook: true, forUser: this.user !== null && userNotSaved === null, programme: read.programme, problems: [] }, userNotSaved };
  }

  /** Removes the programme from the workbook and from the user's storage. */
  async remove(id: string): Promise<void> {
    const book = await this.workbookList();
    if (book.some((b) => b.id === id)) await this.saveWorkbook(book.filter((b) => b.id !== id), book);
    if (!this.user) return;
    const user = await this.userList();
    if (!user.some((u) => u.id === id)) return;
    const rest = user.filter((u) => u.id !== id);
    if (rest.length) await this.user.setItem(USER_PROGRAMMES_KEY, JSON.stringify(rest));
    else await this.user.removeItem(USER_PROGRAMMES_KEY);
  }

  private entry(stored: StoredProgramme, inWorkbook: boolean, forUser: boolean): LibraryEntry<P> {
    const read = this.read(stored.text);
    if (!read.ok) return { stored, inWorkbook, forUser, programme: null, problems: read.problems };
    // The id inside the bundle is the one checks use: the stored label must not disagree with it.
    if (read.id !== stored.id || this.builtInIds.has(read.id)) {
      return {
        stored,
        inWorkbook,
        forUser,
        programme: null,
        problems: [{ path: "id", zh: `保存的项目编号“${stored.id}”与文件中的“${read.id}”不符或与内置项目相同`, en: `the stored id “${stored.id}” does not match the file's “${read.id}” or is a built-in's` }],
      };
    }
    return { stored, inWorkbook, forUser, programme: read.programme, problems: [] };
  }

  private async workbookList(): Promise<StoredProgramme[]> {
    return readStored(await this.port.loadSetting<unknown>(PROGRAMMES_SETTING));
  }

  private async userList(): Promise<StoredProgramme[]> {
    if (!this.user) return [];
    const raw = await this.user.getItem(USER_PROGRAMMES_KEY);
    if (raw === null) return [];
    try {
      return readStored(JSON.parse(raw));
    } catch {
      // Not JSON (another program's value under our key): as good as nothing kept.
      return [];
    }
  }

  /** Saves the list; where the host refuses (settings full), puts back what was there and says so. */
  private async saveWorkbook(next: StoredProgramme[], previous: StoredProgramme[]): Promise<void> {
    try {
      await this.port.saveSetting(PROGRAMMES_SETTING, next.length ? next : null);
    } catch (e) {
      // The value may be set in memory though not saved with the file: the list must stay as it was.
      await this.port.saveSetting(PROGRAMMES_SETTING, previous.length ? previous : null).catch(() => undefined);
      const why = e instanceof Error ? e.message : String(e);
      throw Object.assign(new Error(`项目定义未能保存到工作簿，工作簿中的项目未改动：${why}`), { messageEn: `The programme definitions could not be saved in the workbook; nothing changed: ${why}` });
    }
  }
}
