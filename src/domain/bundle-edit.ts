/**
 * The decisive values of a programme bundle as a form edits them (新建项目（复制现有项目）): where each
 * sits in the bundle's JSON, what kind of value it is, the clause it comes from, and reading a typed
 * text back into the value. Works on the bundle as plain JSON, so an edit is a change at a path and
 * the bundle's own reader (parseProgrammeBundle) is the one judge of the result; its problems carry
 * the same paths, so each lands on the field it is about.
 *
 * A draft bundle (drafted from a notice's text) may carry `source: { section, text, confidence }`
 * on a rule: the form then shows the sentence the rule was read from, for review.
 */
import { FIELDS } from "./fields";
import { isRealIsoDate } from "./readers";
import { parseSettingText, settingText } from "./setting-values";
import { kindByType } from "./rules/kinds";

export type JsonPath = (string | number)[];

/** What the form types into the box and how it is read back. */
export type ValueKind = "text" | "date" | "optional-date" | "whole" | "positive" | "amount" | "lines" | "groups" | "names";

/** Where a drafted rule was read from. */
export interface RuleSource {
  section: string;
  text: string;
  /** 0..1: how sure the drafter is. */
  confidence: number;
}

export interface EditField {
  /** The path as text ("rowRules.4.after"): the key, and what bundle problems are matched on. */
  key: string;
  path: JsonPath;
  kind: ValueKind;
  zh: string;
  en: string;
  /** The value as the box shows it. */
  text: string;
}

/** One part of the form: a rule (or the notice, the quota …) with its clause and its values. */
export interface EditGroup {
  key: string;
  zh: string;
  en: string;
  /** The clause of the notice the values come from, as the definition cites it. */
  clause: string;
  fields: EditField[];
  /** A drafted rule's sentence of the notice, to review. */
  source?: RuleSource;
  /**
   * What dropping it removes: a rule's place in its list, or the quota / priority member (then set
   * to null). Absent: a part that cannot be dropped (the notice, the deadlines, allowed values).
   */
  rulePath?: JsonPath;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const pathKey = (p: JsonPath) => p.join(".");

/**
 * Where the programme sits in the bundle: the bundle itself when it carries the programme's keys
 * at its top, else its `programme` member.
 */
export function programmeRoot(bundle: unknown): JsonPath | null {
  if (isObj(bundle) && Array.isArray(bundle.rowRules)) return [];
  if (isObj(bundle) && isObj(bundle.programme) && Array.isArray(bundle.programme.rowRules)) return ["programme"];
  return null;
}

export function getAt(doc: unknown, path: JsonPath): unknown {
  let v: unknown = doc;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A copy of `doc` with `value` at `path` (the containers on the way copied, the rest shared). */
export function setAt<T>(doc: T, path: JsonPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const here = doc as unknown;
  if (Array.isArray(here)) {
    const copy = [...here];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy as T;
  }
  const obj = isObj(here) ? here : {};
  return { ...obj, [head]: setAt(obj[head as string], rest, value) } as T;
}

/** A copy of `doc` without the array element at `path`, or with the member at `path` set to null. */
export function removeAt<T>(doc: T, path: JsonPath): T {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  const list = getAt(doc, parent);
  if (typeof index === "string") return setAt(doc, path, null);
  if (!Array.isArray(list) || typeof index !== "number") return doc;
  return setAt(doc, parent, list.filter((_, i) => i !== index));
}

function sourceOf(r: Obj): RuleSource | undefined {
  const src = isObj(r.source) ? r.source : null;
  if (!src || typeof src.text !== "string") return undefined;
  return { section: typeof src.section === "string" ? src.section : "", text: src.text, confidence: typeof src.confidence === "number" ? src.confidence : 0 };
}

function valueText(kind: ValueKind, v: unknown): string {
  switch (kind) {
    case "lines":
      return Array.isArray(v) ? v.map(String).join("\n") : "";
    case "groups":
      return settingText("groups", v);
    case "names":
      return v === null ? "" : settingText("names", v);
    default:
      return v === null || v === undefined ? "" : String(v);
  }
}

export type ReadValue = { ok: true; value: unknown } | { ok: false; zh: string; en: string };

/** A box's text → the value it stands for, or why not (then the bundle keeps its value). */
export function readValue(kind: ValueKind, text: string): ReadValue {
  const t = text.trim();
  switch (kind) {
    case "text":
      return t ? { ok: true, value: t } : { ok: false, zh: "不能为空", en: "cannot be empty" };
    case "date":
      return isRealIsoDate(t) ? { ok: true, value: t } : { ok: false, zh: `“${t}”不是 YYYY-MM-DD 格式的有效日期`, en: `“${t}” is not a real date, YYYY-MM-DD` };
    case "optional-date":
      if (t === "") return { ok: true, value: null };
      return readValue("date", t);
    case "whole":
    case "positive": {
      const n = Number(t);
      if (t === "" || !Number.isInteger(n)) return { ok: false, zh: `“${t}”不是整数`, en: `“${t}” is not a whole number` };
      if (kind === "positive" ? n < 1 : n < 0) return { ok: false, zh: kind === "positive" ? "应至少为 1" : "不能小于 0", en: kind === "positive" ? "should be at least 1" : "cannot be below 0" };
      return { ok: true, value: n };
    }
    case "amount": {
      const n = Number(t);
      if (t === "" || !Number.isFinite(n) || n <= 0) return { ok: false, zh: `“${t}”不是大于 0 的数（万元）`, en: `“${t}” is not a number above 0 (10,000 yuan)` };
      return { ok: true, value: n };
    }
    case "lines": {
      const items = [...new Set(t.split(/\r?\n/).map((x) => x.trim()).filter(Boolean))];
      return items.length ? { ok: true, value: items } : { ok: false, zh: "至少写一项（每行一项）", en: "give at least one item, one a line" };
    }
    case "groups":
    case "names": {
      const parsed = parseSettingText(kind, text);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, zh: parsed.problem, en: parsed.problemEn };
    }
  }
}


/** The form's parts over a bundle's JSON: notice, deadlines, the decisive values of each rule, quota, allowed values, priority names. */
export function editGroups(bundle: unknown): EditGroup[] {
  const root = programmeRoot(bundle);
  if (root === null) return [];
  const p = getAt(bundle, root) as Obj;
  const at = (...rest: JsonPath): JsonPath => [...root, ...rest];
  const field = (path: JsonPath, kind: ValueKind, zh: string, en: string): EditField => ({ key: pathKey(path), path, kind, zh, en, text: valueText(kind, getAt(bundle, path)) });
  const groups: EditGroup[] = [];
  const notice = isObj(p.notice) ? p.notice : {};
  const noticeClause = [notice.number, notice.title].filter((x) => typeof x === "string" && x).join(" ");

  groups.push({
    key: "notice",
    zh: "项目与通知",
    en: "Programme and notice",
    clause: noticeClause,
    fields: [
      field(at("title"), "text", "项目名称", "Title"),
      field(at("notice", "title"), "text", "通知标题", "Notice title"),
      field(at("notice", "number"), "text", "通知文号", "Notice number"),
      field(at("notice", "issued"), "optional-date", "发文日期", "Date issued"),
    ],
  });

  const deadlines = Array.isArray(p.deadlines) ? p.deadlines : [];
  groups.push({
    key: "deadlines",
    zh: "截止日期与基准日",
    en: "Deadlines and as-of date",
    clause: typeof p.asOfSource === "string" ? p.asOfSource : "",
    fields: [
      field(at("cityDeadline"), "date", "市级报送截止日期", "City deadline"),
      ...deadlines.map((d, i) => field(at("deadlines", i, "date"), "date", isObj(d) && typeof d.what === "string" ? d.what : `截止日期 ${i + 1}`, isObj(d) && typeof d.what === "string" ? `Deadline: ${d.what}` : `Deadline ${i + 1}`)),
      field(at("asOf"), "date", "核查基准日（注册年限等按此日计算）", "As-of date (age is counted to it)"),
    ],
  });

  const ruleGroup = (list: "rowRules" | "setRules", i: number, r: Obj, fields: EditField[]) => {
    const source = sourceOf(r);
    // A rule with no value to edit is shown only where it is to be reviewed (a draft's).
    if (fields.length === 0 && !source) return;
    const [zh, en] = kindByType(String(r.type))?.name ?? [String(r.type), String(r.type)];
    groups.push({ key: `${list}.${i}`, zh, en, clause: typeof r.clause === "string" ? r.clause : "", fields, rulePath: at(list, i), ...(source ? { source } : {}) });
  };

  const rowRules = Array.isArray(p.rowRules) ? p.rowRules : [];
  // Each kind names its decisive values; a kind unknown to this version offers none.
  for (const list of ["rowRules", "setRules"] as const) {
    const rules = Array.isArray(p[list]) ? (p[list] as Json[]) : [];
    rules.forEach((r, i) => {
      if (!isObj(r)) return;
      const editable = kindByType(String(r.type))?.editable ?? [];
      ruleGroup(list, i, r, editable.map((e) => field(at(list, i, ...e.path), e.kind, e.zh, e.en)));
    });
  }

  if (isObj(p.quota)) {
    const q = p.quota;
    const source = sourceOf(q);
    groups.push({
      key: "quota",
      zh: "推荐名额",
      en: "Quota",
      ...(source ? { source, rulePath: at("quota") } : {}),
      clause: typeof q.clause === "string" ? q.clause : "",
      fields: [
        ...(q.open === true ? [] : [field(at("quota", "value"), "whole", `名额（${typeof q.label === "string" ? q.label : "个"}）`, "Quota")]),
        field(at("quota", "exemptOwnership"), "names", "不占名额的单位性质（每行一个，空 = 都占名额）", "Ownership exempt from the quota (one a line; empty = none)"),
      ],
    });
  }

  const fields = Array.isArray(p.fields) ? p.fields : [];
  const allowed: EditField[] = [];
  fields.forEach((f, i) => {
    if (isObj(f) && Array.isArray(f.allowed) && f.allowed.length > 0) {
      // A field the bundle declares itself names itself; a shared one is named by the vocabulary.
      const id = String(f.field);
      const zh = typeof f.zh === "string" ? f.zh : (FIELDS[id]?.zh ?? id);
      const en = typeof f.en === "string" ? f.en : (FIELDS[id]?.en ?? id);
      allowed.push(field(at("fields", i, "allowed"), "lines", `“${zh}”可填的值（每行一个）`, `Allowed values of “${en}” (one a line)`));
    }
  });
  if (allowed.length) groups.push({ key: "allowed", zh: "可填的值（方向、类型、级别）", en: "Allowed values (directions, types, levels)", clause: noticeClause, fields: allowed });

  const settings = Array.isArray(p.settings) ? p.settings : [];
  const names: EditField[] = [];
  settings.forEach((s, i) => {
    if (isObj(s) && s.kind === "groups") names.push(field(at("settings", i, "default"), "groups", `${String(s.zh)}（每行一个：名称：别称、别称）`, `${String(s.en)} (one a line: name: alias, alias)`));
  });
  const priority = isObj(p.priority) ? p.priority : null;
  const prioritySource = priority ? sourceOf(priority) : undefined;
  if (names.length || prioritySource) {
    groups.push({
      key: "priority",
      zh: "优先认定名单",
      en: "Priority names",
      clause: priority && typeof priority.clause === "string" ? priority.clause : "",
      fields: names,
      ...(prioritySource ? { source: prioritySource, rulePath: at("priority") } : {}),
    });
  }
  return groups;
}

/** The bundle with a typed value put in, or why the text is not a value (the bundle unchanged). */
export function applyText(bundle: unknown, f: Pick<EditField, "path" | "kind">, text: string): { ok: true; bundle: unknown } | { ok: false; zh: string; en: string } {
  const read = readValue(f.kind, text);
  if (!read.ok) return read;
  // An empty ownership list is none exempt, not "no list".
  const value = f.kind === "names" && read.value === null ? [] : read.value;
  return { ok: true, bundle: setAt(bundle, f.path, value) };
}

/** The keys of the fields a bundle problem at `problemPath` is about (the field itself, or a value inside it). */
export function fieldsOfProblem(groups: readonly EditGroup[], problemPath: string): string[] {
  const keys = groups.flatMap((g) => g.fields.map((f) => f.key));
  return keys.filter((k) => problemPath === k || problemPath.startsWith(`${k}.`));
}
