/**
 * What `huizong check` and `huizong export` share: the options that pick and tune the check
 * (programme, city, sheet, as-of, quota, reference), their validation and messages, and reading the
 * list plus reference lists into a checked report. Each command keeps its own order of checks.
 */
import { readFile } from "node:fs/promises";
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { checkGrid, type MergedLists } from "../app";
import type { ReferenceLists } from "../domain/check";
import { getProgramme, listProgrammes } from "../domain/catalogue";
import type { Grid } from "../domain/cells";
import { type ColumnChoice, SavedMapping } from "../domain/columns";
import { parseProgrammeBundle } from "../domain/bundle";
import { parseDraftFile, type DraftBundle } from "../domain/draft/draft";
import type { Programme } from "../domain/programme";
import { fieldDefIn } from "../domain/fields";
import { isRealIsoDate } from "../domain/readers";
import { findCity, findProvince } from "../domain/regions";
import { Report, type Finding } from "../domain/report";
import { aboutReference } from "../domain/read-faults";
import { resolveSettings } from "../domain/settings";
import { readInput, type InputSheets } from "./input";
import { mergeFiles } from "./lists";
import { referenceListsFromGrids } from "../domain/reference";

/** Bad usage: ends as one line on stderr and exit code 2. Without `messageEn` the message carries its English after " / ". */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly messageEn?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** A refusal as the one line on stderr: Chinese, then English ("… / …"), line breaks folded. */
export function refusalLine(e: { message: string; messageEn?: string }): string {
  const fold = (s: string) => s.replace(/\s*\n\s*/g, " ").trim();
  const zh = fold(e.message);
  const en = e.messageEn ? fold(e.messageEn) : "";
  return `huizong: ${en ? `${zh} / ${en}` : zh}\n`;
}

/** Where a command writes: the process's streams, or a test's strings. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const CHECK_OPTIONS = {
  programme: { type: "string", short: "p" },
  city: { type: "string", short: "c" },
  sheet: { type: "string", short: "s" },
  "as-of": { type: "string" },
  quota: { type: "string" },
  keep: { type: "string" },
  reference: { type: "string" },
  settings: { type: "string" },
  map: { type: "string", multiple: true },
  mapping: { type: "string" },
  columns: { type: "boolean" },
  "programme-file": { type: "string" },
} as const;

type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs with the check options plus the command's own; unknown options are usage errors. */
export function parseCommandArgs<const Extra extends Options>(args: string[], extra: Extra) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: { ...CHECK_OPTIONS, ...extra } });
  } catch (e) {
    // Node's own message quotes the option with unbalanced marks: name the option ourselves.
    const code = (e as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec(e instanceof Error ? e.message : "")?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) throw new UsageError(`未知选项 ${option}（huizong --help 查看用法）`, `unknown option ${option} (see huizong --help)`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) throw new UsageError(`选项 ${option} 的值有误或缺少值（huizong --help 查看用法）`, `option ${option} has a wrong or missing value (see huizong --help)`);
    throw new UsageError("参数有误（huizong --help 查看用法）", "wrong arguments (see huizong --help)");
  }
}

/**
 * Shared options a command accepts from the parser but has no use for: refused in one bilingual
 * line (exit 2), never silently ignored. `say` words the refusal for the options given.
 */
export function refuseOptions(values: Readonly<Record<string, unknown>>, options: readonly (keyof typeof CHECK_OPTIONS)[], say: (zh: string, en: string) => [string, string]): void {
  const given = options.filter((o) => values[o] !== undefined).map((o) => `--${o}`);
  if (given.length === 0) return;
  const [zh, en] = say(given.join("、"), given.join(", "));
  throw new UsageError(zh, en);
}

export function requireFiles(positionals: readonly string[], missing: string): string[] {
  if (positionals.length === 0) throw new UsageError(missing);
  return [...positionals];
}

export function requireOneFile(positionals: readonly string[], messages: { missing: string; tooMany: string }): string {
  if (positionals.length === 0) throw new UsageError(messages.missing);
  if (positionals.length > 1) throw new UsageError(`${messages.tooMany}，收到 ${positionals.length} 个：${positionals.join(" ")} / one file at a time`);
  return positionals[0];
}

export function requireProgramme(id: string | undefined): Programme {
  if (!id) throw new UsageError("缺少 --programme <项目编号>（huizong programmes 列出全部）/ missing --programme");
  const programme = getProgramme(id);
  if (!programme) throw new UsageError(`未知项目“${id}”，可用：${listProgrammes().map((p) => p.id).join("、")} / unknown programme`);
  return programme;
}

/**
 * A programme definition from a file (--programme-file): a bundle (`programmes export`, `programmes new`,
 * edited by hand) or a draft written by `programmes draft` (then `draft` is set: reports say it is unreviewed).
 */
export function readProgrammeFile(path: string): { programme: Programme; draft: DraftBundle | null } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`找不到或无法读取项目定义文件：${path}`, `cannot read the programme file: ${path}`);
  }
  const isDraft = /"format"\s*:\s*"huizong-programme-draft"/u.test(text.slice(0, 2000));
  if (isDraft) {
    const parsed = parseDraftFile(text);
    if (!parsed.ok) throw new UsageError(`项目定义文件 ${path} 有误：${parsed.problems.slice(0, 3).map((p) => p.zh).join("；")}`, `the programme file ${path} is invalid: ${parsed.problems.slice(0, 3).map((p) => p.en).join("; ")}`);
    return { programme: parsed.programme, draft: parsed.bundle };
  }
  const parsed = parseProgrammeBundle(text);
  if (!parsed.ok) {
    const more = parsed.problems.length > 3 ? `（另有 ${parsed.problems.length - 3} 处，huizong programmes validate ${path} 列出全部）` : "";
    throw new UsageError(
      `项目定义文件 ${path} 有误：${parsed.problems.slice(0, 3).map((p) => `${p.path} ${p.zh}`).join("；")}${more}`,
      `the programme file ${path} is invalid: ${parsed.problems.slice(0, 3).map((p) => `${p.path} ${p.en}`).join("; ")}`,
    );
  }
  return { programme: parsed.programme, draft: null };
}

/** `--programme <id>` or `--programme-file <file.json>` (one of them): the programme and, for a draft, its bundle. */
export function resolveProgramme(values: { programme?: string; "programme-file"?: string }): { programme: Programme; draft: DraftBundle | null } {
  if (values["programme-file"] !== undefined && values.programme !== undefined) throw new UsageError("--programme 和 --programme-file 只能用一个 / give --programme or --programme-file, not both");
  if (values["programme-file"] !== undefined) return readProgrammeFile(values["programme-file"]);
  return { programme: requireProgramme(values.programme), draft: null };
}

export function requireCity(city: string | undefined): string {
  if (!city) throw new UsageError("缺少 --city <城市>，如 --city 南京 / missing --city");
  if (!findCity(city) && !findProvince(city)) throw new UsageError(`无法识别城市“${city}”：请填设区市（南京、济南、南宁…）或直接推荐的县级单位（昆山市…）；全省汇总填省名（江苏省、山东省…） / unknown city`);
  return city;
}


/** `--as-of`, `--date`…: absent, or a real calendar date written YYYY-MM-DD. */
export function optionalDate(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isRealIsoDate(value)) throw new UsageError(`${option} 应为 YYYY-MM-DD 格式的日期，收到“${value}” / ${option} must be YYYY-MM-DD`);
  return value;
}

export function optionalQuota(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--quota 应为不小于 0 的整数，收到“${value}” / --quota must be a whole number`);
  return Number(value);
}

/** `--keep 5,8,12`: the sheet rows that take the quota's places, in order (rows 1… of the sheet as Excel numbers them). */
export function optionalKeep(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(/[,，、\s]+/u).filter((p) => p !== "");
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1)) {
    throw new UsageError(`--keep 应为逗号分隔的行号（名单中 Excel 的行号），如 --keep 4,5,9，收到“${value}” / --keep takes sheet row numbers separated by commas`);
  }
  return parts.map(Number);
}

/**
 * A `--settings` file: JSON `{"programme": "<id>", "settings": {"<setting id>": value, …}}` (the
 * programme key is optional; when present it must be the programme checked). Values as
 * `huizong programmes <id> --settings-template` prints them; null = the default. Anything the
 * programme does not declare, or a value its declaration refuses, is a usage error.
 */
export async function readSettingsFile(path: string | undefined, programme: Programme): Promise<Record<string, unknown> | undefined> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new UsageError(`无法读取设置文件“${path}”：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : String(e)} / cannot read the settings file`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`设置文件“${path}”不是有效的 JSON：${e instanceof Error ? e.message : String(e)} / not valid JSON`);
  }
  const shape = "应为 {\"programme\": \"<项目编号>\", \"settings\": {…}}（huizong programmes <id> --settings-template 打印模板）";
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new UsageError(`设置文件“${path}”${shape} / wrong shape`);
  const { programme: id, settings, ...rest } = data as Record<string, unknown>;
  if (Object.keys(rest).length) throw new UsageError(`设置文件“${path}”有未知的键“${Object.keys(rest).join("、")}”：${shape} / unknown keys`);
  if (id !== undefined && id !== programme.id) throw new UsageError(`设置文件“${path}”是项目“${String(id)}”的，不是“${programme.id}”的 / the settings are for another programme`);
  if (!settings || typeof settings !== "object" || Array.isArray(settings)) throw new UsageError(`设置文件“${path}”缺少 settings 对象：${shape} / missing settings`);
  const resolved = resolveSettings(programme, settings as Record<string, unknown>);
  if (resolved.problems.length) {
    throw new UsageError(`设置文件“${path}”有误：${resolved.problems.map((p) => `${p.id}（${p.zh}）：${p.problem}`).join("；")} / invalid settings`);
  }
  return settings as Record<string, unknown>;
}

/** A field as the user names it: its id ("uscc") or its Chinese label ("统一社会信用代码"), among the programme's fields. */
function fieldNamed(programme: Programme, name: string): string | undefined {
  const n = name.trim();
  return programme.fields.find((f) => f.field === n || f.field.toLowerCase() === n.toLowerCase() || fieldDefIn(programme, f.field)?.zh === n)?.field;
}

function fieldList(programme: Programme): string {
  return programme.fields.map((f) => `${f.field}（${fieldDefIn(programme, f.field)?.zh ?? f.field}）`).join("、");
}

/**
 * `--map 社会统一信用代码=uscc` (repeatable; header text or column letter on the left, a field id or
 * its Chinese label on the right, nothing to leave the column unused) after `--mapping file.json`
 * (a SavedMapping): later choices win.
 */
export function columnChoicesFrom(programme: Programme, maps: readonly string[] | undefined, mappingPath: string | undefined): { choices: ColumnChoice[]; saved: SavedMapping | null } {
  const choices: ColumnChoice[] = [];
  let saved: SavedMapping | null = null;
  if (mappingPath !== undefined) {
    let text: string;
    try {
      text = readFileSync(mappingPath, "utf8");
    } catch (e) {
      throw new UsageError(`无法读取列对应文件“${mappingPath}”：${e instanceof Error ? e.message : String(e)} / cannot read the mapping file`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      throw new UsageError(`列对应文件“${mappingPath}”不是 JSON；可用 huizong check <名单> … --columns --json > 列对应.json 生成 / the mapping file is not JSON`);
    }
    const parsed = SavedMapping.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`列对应文件“${mappingPath}”格式不对（${issue ? `${issue.path.join(".") || "顶层"}：${issue.message}` : "?"}），应为 {"version":1,"key":"…","choices":[{"column":"D","field":"uscc"}]} / the mapping file is not a saved mapping`);
    }
    saved = parsed.data;
    for (const c of saved.choices) {
      if (c.field !== null && !fieldNamed(programme, c.field)) throw new UsageError(`列对应文件中的字段“${c.field}”不是项目 ${programme.id} 的字段，可用：${fieldList(programme)} / unknown field in the mapping file`);
      choices.push({ column: c.column, field: c.field === null ? null : fieldNamed(programme, c.field)! });
    }
  }
  for (const m of maps ?? []) {
    const at = m.lastIndexOf("=");
    if (at <= 0) throw new UsageError(`--map 应写成 列=字段，如 --map 社会统一信用代码=uscc 或 --map D=uscc（--map 备注= 表示不使用该列），收到“${m}” / --map takes column=field`);
    const column = m.slice(0, at).trim();
    const name = m.slice(at + 1).trim();
    if (name === "") {
      choices.push({ column, field: null });
      continue;
    }
    const field = fieldNamed(programme, name);
    if (!field) throw new UsageError(`--map ${m}：“${name}”不是项目 ${programme.id} 的字段，可用：${fieldList(programme)} / unknown field`);
    choices.push({ column, field });
  }
  return { choices, saved };
}

/** How a list read is checked: everything a check request holds apart from the files to read. */
export interface CheckStep {
  programme: Programme;
  city: string;
  asOf?: string;
  quota?: number;
  /** Sheet rows that take the quota's places (--keep). */
  keep?: number[];
  /** Setting values by id (a --settings file); --as-of and --quota win over them. */
  settings?: Record<string, unknown>;
  columnChoices?: ColumnChoice[];
}

export interface CheckRequest extends CheckStep {
  /** One list, or several (files or folders) checked as one merged list. */
  files: string[];
  sheet?: string;
  referencePath?: string;
}

/** A list as read for the check: the grid, and what reading it found (a CSV's broken quote, mixed encodings…). */
export interface ReadList {
  input: InputSheets | null;
  merged: MergedLists | null;
  grid: Grid;
  readFindings: readonly Finding[];
}

/** One file named (not a folder): checked as it is; anything else is merged first. */
function isOneFile(files: readonly string[]): boolean {
  if (files.length !== 1) return false;
  try {
    return !statSync(files[0]!).isDirectory();
  } catch {
    return true;
  }
}

/** The reference lists of --reference, with what reading them found. */
export async function readReferences(path: string | undefined): Promise<{ references?: ReferenceLists; findings: Finding[] }> {
  if (!path) return { findings: [] };
  const ref = await readInput(path, { all: true });
  const findings: Finding[] = [];
  for (const s of ref.sheets) findings.push(...s.findings.map((f) => aboutReference(f, s.name, basename(path))));
  return { references: referenceListsFromGrids(ref.sheets, basename(path)), findings };
}

/** The list to check: one file as it is, several (or a folder) merged into one. */
export async function readList(request: Pick<CheckRequest, "files" | "programme" | "city" | "sheet">): Promise<ReadList> {
  if (isOneFile(request.files)) {
    const input = await readInput(request.files[0]!, { sheet: request.sheet });
    return { input, merged: null, grid: input.sheets[0].grid, readFindings: input.sheets[0].findings };
  }
  const merged = await mergeFiles(request.files, request.programme, request.city, request.sheet);
  return { input: null, merged, grid: merged.grid, readFindings: merged.readFindings };
}

/** The check every command runs on a list read: its options, and the read findings (list's, then references') kept. */
export function checkList(list: Pick<ReadList, "grid" | "readFindings">, step: CheckStep, refs: { references?: ReferenceLists; findings: readonly Finding[] } = { findings: [] }): Report {
  const readFindings = [...list.readFindings, ...refs.findings];
  return Report.parse(checkGrid(list.grid, { ...step, ...(refs.references ? { references: refs.references } : {}), readFindings }));
}

/** A saved mapping made on another header is used only where its column names match: say so. */
export function otherHeaderNote(saved: SavedMapping | null, mappingKey: string, path: string | undefined): string {
  return saved && saved.key !== mappingKey ? `huizong: 注意：列对应文件“${path}”是为另一种表头保存的，只按其中能对上的列名使用 / the saved mapping was made for another header\n` : "";
}

/** Reads the reference lists (if any), then the list (several merged into one), and checks it. */
export async function readAndCheck(request: CheckRequest): Promise<{ input: InputSheets | null; merged: MergedLists | null; grid: Grid; report: Report }> {
  const refs = await readReferences(request.referencePath);
  const list = await readList(request);
  return { input: list.input, merged: list.merged, grid: list.grid, report: checkList(list, request, refs) };
}
