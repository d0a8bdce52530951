/**
 * Programme bundles: a programme definition as a versioned JSON file a bureau loads, edits and
 * shares. The built-ins are stored as such files too. Parsing is total: any text gives either the
 * programme or every problem found, each with its JSON path and a Chinese and an English message.
 */
import { z } from "zod";
import { DERIVED_SETTING_IDS, Programme, ROW_RULE_KINDS, SET_RULE_KINDS, type ProgrammeInput } from "./programme";

export const BUNDLE_FORMAT = "huizong-programme";
export const BUNDLE_VERSION = 1;
/**
 * Largest bundle accepted, in bytes of UTF-8. The largest built-in is about 10 KB; a bundle is kept
 * in a workbook's document settings, so a limit well below what Excel keeps there.
 */
export const MAX_BUNDLE_BYTES = 256 * 1024;

/** A bundle as written: the envelope and the definition as a person edits it. */
export interface ProgrammeBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  programme: ProgrammeInput;
}

/** The zod schema of a bundle (its JSON Schema is generated from this). */
export const ProgrammeBundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  programme: Programme,
});

export interface BundleProblem {
  /** Where in the JSON: "$.programme.rowRules[3].min". */
  path: string;
  zh: string;
  en: string;
}

export type BundleResult = { ok: true; programme: Programme; bundle: ProgrammeBundle } | { ok: false; problems: BundleProblem[] };

/** UTF-8 length without TextEncoder (the domain runs without DOM or Node types). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const k of path) out += typeof k === "number" ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(String(k)) ? `.${String(k)}` : `[${JSON.stringify(String(k))}]`;
  return out;
}

const TYPE_ZH: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  object: "对象 {…}",
  array: "数组 […]",
  null: "null",
  undefined: "（缺少）",
};

function typeOf(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function shown(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** One zod issue in the words of a person editing the file. */
function translate(issue: z.core.$ZodIssue): BundleProblem[] {
  const path = jsonPath(issue.path);
  const zhEn = (zh: string, en: string): BundleProblem[] => [{ path, zh, en }];
  switch (issue.code) {
    case "invalid_type": {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return zhEn(`缺少必填项（应为${TYPE_ZH[issue.expected] ?? issue.expected}）`, `missing (expected ${issue.expected})`);
      return zhEn(`应为${TYPE_ZH[issue.expected] ?? issue.expected}，实为${TYPE_ZH[typeOf(input)] ?? typeOf(input)} ${shown(input)}`, `expected ${issue.expected}, got ${typeOf(input)} ${shown(input)}`);
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array") return zhEn(`至少应有 ${min} 项`, `needs at least ${min} item(s)`);
      if (issue.origin === "string") return zhEn(min <= 1 ? "不能为空" : `至少应有 ${min} 个字`, min <= 1 ? "must not be empty" : `needs at least ${min} characters`);
      return zhEn(`应${issue.inclusive ? "不小于" : "大于"} ${min}`, `must be ${issue.inclusive ? "at least" : "more than"} ${min}`);
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array") return zhEn(`至多 ${max} 项`, `at most ${max} item(s)`);
      if (issue.origin === "string") return zhEn(`至多 ${max} 个字`, `at most ${max} characters`);
      return zhEn(`应${issue.inclusive ? "不大于" : "小于"} ${max}`, `must be ${issue.inclusive ? "at most" : "less than"} ${max}`);
    }
    case "invalid_format": {
      const input = (issue as { input?: unknown }).input;
      return zhEn(`格式不对：${shown(input)}（${issue.message}）`, `wrong format: ${shown(input)} (${issue.message})`);
    }
    case "not_multiple_of":
      return zhEn("应为整数", "must be a whole number");
    case "invalid_value": {
      const input = (issue as { input?: unknown }).input;
      const allowed = issue.values.map((v) => shown(v)).join("、");
      return zhEn(`值 ${shown(input)} 不可用，应为 ${allowed}`, `value ${shown(input)} is not allowed; expected ${issue.values.map((v) => shown(v)).join(", ")}`);
    }
    case "unrecognized_keys":
      return issue.keys.map((k) => ({ path: jsonPath([...issue.path, k]), zh: `未知的键“${k}”（拼写错误？本格式没有这一项）`, en: `unknown key “${k}” (a typo? the format has no such key)` }));
    case "invalid_union": {
      const note = (issue as { note?: string }).note;
      const input = (issue as { input?: unknown }).input;
      if (note === "No matching discriminator") {
        const disc = (issue as { discriminator?: string }).discriminator ?? "type";
        const got = input && typeof input === "object" ? (input as Record<string, unknown>)[disc] : undefined;
        const at = issue.path[issue.path.length - 1] === disc ? issue.path : [...issue.path, disc];
        const kinds = issue.path.includes("rowRules") ? ROW_RULE_KINDS : issue.path.includes("setRules") ? SET_RULE_KINDS : null;
        if (!kinds) return [{ path: jsonPath(at), zh: `${disc} 的值 ${shown(got)} 不可用`, en: `${disc} ${shown(got)} is not one of the allowed values` }];
        return [{ path: jsonPath(at), zh: `未知的规则类型 ${shown(got)}，可用：${kinds.join("、")}`, en: `unknown rule kind ${shown(got)}; known kinds: ${kinds.join(", ")}` }];
      }
      // Report the alternative that came closest (fewest issues).
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      return best && best.length ? best.flatMap(translate) : zhEn("不符合任何一种允许的写法", "matches none of the allowed forms");
    }
    case "custom": {
      const params = issue.params as { zh?: string; en?: string } | undefined;
      return zhEn(params?.zh ?? issue.message, params?.en ?? issue.message);
    }
    default:
      return zhEn(issue.message, issue.message);
  }
}

/** Parses and validates a bundle's text: the programme, or every problem found. */
export function parseProgrammeBundle(text: string): BundleResult {
  const fail = (path: string, zh: string, en: string): BundleResult => ({ ok: false, problems: [{ path, zh, en }] });
  if (typeof text !== "string") return fail("$", "不是文本文件", "not a text file");
  const bytes = utf8Length(text);
  if (bytes > MAX_BUNDLE_BYTES) {
    return fail("$", `文件过大：${Math.ceil(bytes / 1024)} KB，项目定义文件至多 ${MAX_BUNDLE_BYTES / 1024} KB`, `too large: ${Math.ceil(bytes / 1024)} KB; a programme file is at most ${MAX_BUNDLE_BYTES / 1024} KB`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail("$", `不是有效的 JSON：${why}`, `not valid JSON: ${why}`);
  }
  return parseBundleData(data);
}

/** A bundle already read as JSON (a built-in imported by the bundler, or parsed text). */
export function parseBundleData(data: unknown): BundleResult {
  const fail = (path: string, zh: string, en: string): BundleResult => ({ ok: false, problems: [{ path, zh, en }] });
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return fail("$", `应为 JSON 对象 {"format": "${BUNDLE_FORMAT}", "version": ${BUNDLE_VERSION}, "programme": {…}}`, `expected a JSON object {"format": "${BUNDLE_FORMAT}", "version": ${BUNDLE_VERSION}, "programme": {…}}`);
  }
  const envelope = data as Record<string, unknown>;
  if (envelope.format !== BUNDLE_FORMAT) {
    return fail("$.format", `不是项目定义文件：format 应为 "${BUNDLE_FORMAT}"，实为 ${shown(envelope.format)}`, `not a programme file: format must be "${BUNDLE_FORMAT}", got ${shown(envelope.format)}`);
  }
  if (envelope.version !== BUNDLE_VERSION) {
    return fail(
      "$.version",
      `不支持的版本 ${shown(envelope.version)}：本程序读取版本 ${BUNDLE_VERSION}${typeof envelope.version === "number" && envelope.version > BUNDLE_VERSION ? "（文件由更新的版本生成，请更新本程序）" : ""}`,
      `unsupported version ${shown(envelope.version)}: this program reads version ${BUNDLE_VERSION}`,
    );
  }
  const parsed = ProgrammeBundleSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: dedupe(parsed.error.issues.flatMap(translate)) };
  return { ok: true, programme: parsed.data.programme, bundle: { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, programme: envelope.programme as ProgrammeInput } };
}

function dedupe(problems: BundleProblem[]): BundleProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A parsed programme back as the definition a person edits: what the parse derived is left out. */
export function programmeToBundle(programme: Programme): ProgrammeBundle {
  const derived = new Set(DERIVED_SETTING_IDS);
  // Keys in the schema's order, so a stored bundle reads top-down as the notice does.
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(programme)) {
    if (key === "fieldDefs") continue;
    input[key] = key === "settings" ? programme.settings.filter((s) => !derived.has(s.id)) : value;
  }
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, programme: JSON.parse(JSON.stringify(input)) as ProgrammeInput };
}

/** The bundle as a file: pretty, two-space indented, keys in the order written, a final newline. */
export function bundleText(bundle: ProgrammeBundle): string {
  return JSON.stringify(bundle, null, 2) + "\n";
}
