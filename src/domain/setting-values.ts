/**
 * The values a setting may hold, by kind: how they are validated, normalised, written as text (the
 * pane's boxes, the report's notes) and read back from text. Shared by the programme schema (a
 * default must be valid), the check, the CLI's settings file and the pane.
 */
import { z } from "zod";
import { isRealIsoDate } from "./readers";
import { tidySpaces } from "./text";
import { compactUscc, usccProblem } from "./uscc";

export type SettingKindId = "date" | "count" | "names" | "groups" | "units";

export interface Group {
  name: string;
  aliases: string[];
}
export interface Unit {
  name?: string;
  uscc?: string;
}

// Spaces tidied only: a name keeps its own brackets and width, as the user or the source wrote it.
const Name = z.string().transform(tidySpaces).pipe(z.string().min(1, "名称不能为空"));

/** The schemas' messages (zod carries the Chinese), with the English the pane and CLI show beside them. */
const MESSAGES_EN: Record<string, string> = {
  "应为 YYYY-MM-DD 格式的有效日期": "should be a real date, YYYY-MM-DD",
  应为整数: "should be a whole number",
  不能小于0: "cannot be below 0",
  名称不能为空: "a name cannot be empty",
  "名单为空：不设名单请填 null": "the list is empty; for no list use null",
  不是18位统一社会信用代码: "is not an 18-character unified social credit code",
  每家单位至少写名称或统一社会信用代码: "give each unit a name, a credit code or both",
};

const DateValue = z.string().refine((s) => isRealIsoDate(s), "应为 YYYY-MM-DD 格式的有效日期");

const CountValue = z.number().int("应为整数").nonnegative("不能小于0").nullable();

function distinct<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const NamesValue = z
  .array(Name)
  .transform((a) => distinct(a, (x) => x))
  .pipe(z.array(z.string()).min(1, "名单为空：不设名单请填 null"))
  .nullable();

const GroupsValue = z.array(
  z.object({ name: Name, aliases: z.array(Name).default([]) }).strict().transform((g) => ({ name: g.name, aliases: distinct(g.aliases, (x) => x).filter((a) => a !== g.name) })),
).transform((a) => distinct(a, (g) => g.name));

const Uscc = z
  .string()
  .transform(compactUscc)
  // Early pilot codes fail the checksum yet are real: only the shape is required here.
  .refine((s) => usccProblem(s) !== "format", "不是18位统一社会信用代码");

const UnitsValue = z
  .array(
    z
      .object({ name: Name.optional(), uscc: Uscc.optional() })
      .strict()
      .refine((u) => u.name !== undefined || u.uscc !== undefined, "每家单位至少写名称或统一社会信用代码"),
  )
  .transform((a) => distinct(a, (u) => `${u.uscc ?? ""}|${u.name ?? ""}`));

const SCHEMAS: Record<SettingKindId, z.ZodTypeAny> = {
  date: DateValue,
  count: CountValue,
  names: NamesValue,
  groups: GroupsValue,
  units: UnitsValue,
};

/** What a value of each kind looks like, for messages and the settings file's documentation. */
export const KIND_SHAPES: Record<SettingKindId, { zh: string; en: string; json: string }> = {
  date: { zh: "日期 YYYY-MM-DD", en: "a date, YYYY-MM-DD", json: '"2023-02-28"' },
  count: { zh: "不小于0的整数，null 为不设", en: "a whole number from 0, or null for none", json: "10 或 null" },
  names: { zh: "名称列表，null 为不设名单", en: "a list of names, or null for no list", json: '["综合型", "特色型（面向重点行业）"] 或 null' },
  groups: { zh: "名称及其别称的列表", en: "a list of names with their other names", json: '[{"name": "物联网", "aliases": ["物联网产业"]}]' },
  units: { zh: "单位列表（名称和/或统一社会信用代码）", en: "a list of units (name and/or credit code)", json: '[{"name": "某某有限公司", "uscc": "91320100…"}]' },
};

export type ParsedValue = { ok: true; value: unknown } | { ok: false; problem: string; problemEn: string };

function invalid(problem: string, problemEn: string): ParsedValue {
  return { ok: false, problem, problemEn };
}

/** Validates and normalises (names cleaned, duplicates dropped, codes upper-cased). */
export function parseSettingValue(kind: SettingKindId, value: unknown): ParsedValue {
  const r = SCHEMAS[kind].safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const item = issue && issue.path.length ? Number(issue.path[0]) + 1 : null;
  const [msg, msgEn] = issue?.code === "invalid_type" ? [`应为${KIND_SHAPES[kind].zh}`, `should be ${KIND_SHAPES[kind].en}`] : [issue?.message ?? "无效", MESSAGES_EN[issue?.message ?? ""] ?? "invalid"];
  return invalid(`${item ? `第${item}项：` : ""}${msg}`, `${item ? `item ${item}: ` : ""}${msgEn}`);
}

export function settingValueProblem(kind: SettingKindId, value: unknown): string | null {
  const r = parseSettingValue(kind, value);
  return r.ok ? null : r.problem;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One line per item for names, groups and units; the pane's boxes and `--settings` templates use it. */
export function settingText(kind: SettingKindId, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (kind) {
    case "date":
      return String(value);
    case "count":
      return String(value);
    case "names":
      return (value as string[]).join("\n");
    case "groups":
      return (value as Group[]).map((g) => (g.aliases.length ? `${g.name}：${g.aliases.join("、")}` : g.name)).join("\n");
    case "units":
      return (value as Unit[]).map((u) => [u.name, u.uscc].filter(Boolean).join("，")).join("\n");
  }
}

/** The value in a report's note: short lists in full, long ones counted. */
export function settingSummary(kind: SettingKindId, value: unknown): string {
  if (value === null || value === undefined) return kind === "names" ? "不设名单" : "不设";
  switch (kind) {
    case "date":
    case "count":
      return String(value);
    case "names": {
      const a = value as string[];
      return a.length <= 8 ? a.join("、") : `${a.slice(0, 8).join("、")}等${a.length}项`;
    }
    case "groups": {
      const a = value as Group[];
      if (a.length === 0) return "无";
      const names = a.map((g) => g.name);
      return names.length <= 16 ? `${names.join("、")}（${a.length}个）` : `${names.slice(0, 16).join("、")}等${a.length}个`;
    }
    case "units": {
      const n = (value as Unit[]).length;
      return n === 0 ? "未提供名单" : `${n}家单位`;
    }
  }
}

/**
 * The text of a pane box back to a value: one item per line ("名称：别称、别称" for groups; "名称，代码"
 * or either alone for units); an empty box is the kind's "not set". Validation follows.
 */
export function parseSettingText(kind: SettingKindId, text: string): ParsedValue {
  const lines = text
    .split(/\r?\n/)
    .map(tidySpaces)
    .filter((l) => l !== "");
  switch (kind) {
    case "date":
      return lines.length === 0 ? invalid("请填写日期", "enter a date") : parseSettingValue(kind, lines[0]);
    case "count": {
      if (lines.length === 0) return { ok: true, value: null };
      if (!/^\d+$/.test(lines[0]!)) return invalid(`“${lines[0]}”不是不小于0的整数`, `“${lines[0]}” is not a whole number from 0`);
      return parseSettingValue(kind, Number(lines[0]));
    }
    case "names":
      return lines.length === 0 ? { ok: true, value: null } : parseSettingValue(kind, lines);
    case "groups":
      return parseSettingValue(
        kind,
        lines.map((l) => {
          const [name, rest] = l.split(/[：:]/u, 2) as [string, string | undefined];
          return { name, aliases: (rest ?? "").split(/[、,，;；]/u).map((a) => a.trim()).filter((a) => a !== "") };
        }),
      );
    case "units":
      return parseSettingValue(
        kind,
        lines.map((l) => {
          const parts = l.split(/[，,\t]/u).map((p) => p.trim()).filter((p) => p !== "");
          // One part: a code when it looks like one, else a name. Two: name, then code (validated).
          if (parts.length === 1) return usccProblem(compactUscc(parts[0]!)) !== "format" ? { uscc: parts[0] } : { name: parts[0] };
          return { name: parts[0], uscc: parts.slice(1).join("") };
        }),
      );
  }
}
