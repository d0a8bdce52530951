/**
 * A programme's settings as one check uses them: the values the user gave (pane, settings file,
 * flags) validated against the declarations, the defaults for the rest, and the report's notes —
 * "用户设置" with the value where the user changed one, the default's provenance otherwise.
 */
import type { Programme, Setting } from "./programme";
import { parseSettingValue, sameValue, settingSummary, type SettingKindId } from "./setting-values";

export interface SettingState {
  id: string;
  kind: SettingKindId;
  zh: string;
  en: string;
  decides: string;
  provenance: string;
  default: unknown;
  /** The value in force. */
  value: unknown;
  /** The user set a value that differs from the default. */
  changed: boolean;
}

export interface SettingProblem {
  id: string;
  /** The setting's name, or the id when the programme has no such setting. */
  zh: string;
  problem: string;
}

export interface ResolvedSettings {
  states: SettingState[];
  /** Value in force by setting id. */
  values: Record<string, unknown>;
  /** Values given that the declarations refuse: the default is used instead. */
  problems: SettingProblem[];
}

function state(s: Setting, value: unknown, changed: boolean): SettingState {
  return { id: s.id, kind: s.kind, zh: s.zh, en: s.en, decides: s.decides, provenance: s.provenance, default: s.default, value, changed };
}

/** `given` by setting id; undefined or null means "the default". */
export function resolveSettings(programme: Programme, given: Readonly<Record<string, unknown>> = {}): ResolvedSettings {
  const states: SettingState[] = [];
  const problems: SettingProblem[] = [];
  for (const s of programme.settings) {
    const raw = given[s.id];
    if (raw === undefined || raw === null) {
      states.push(state(s, s.default, false));
      continue;
    }
    const parsed = parseSettingValue(s.kind, raw);
    if (!parsed.ok) {
      problems.push({ id: s.id, zh: s.zh, problem: parsed.problem });
      states.push(state(s, s.default, false));
      continue;
    }
    const normalDefault = parseSettingValue(s.kind, s.default);
    states.push(state(s, parsed.value, !sameValue(parsed.value, normalDefault.ok ? normalDefault.value : s.default)));
  }
  const known = new Set(programme.settings.map((s) => s.id));
  for (const id of Object.keys(given)) {
    if (!known.has(id)) problems.push({ id, zh: id, problem: `本项目没有这项设置（可用：${[...known].join("、")}）` });
  }
  return { states, values: Object.fromEntries(states.map((s) => [s.id, s.value])), problems };
}

/** The report's note for one setting. */
export function settingNote(s: SettingState): string {
  if (s.changed) return `用户设置：${s.zh} = ${settingSummary(s.kind, s.value)}（默认：${settingSummary(s.kind, s.default)}；${s.provenance}）`;
  return `${s.zh}：${settingSummary(s.kind, s.value)}（默认值。依据：${s.provenance}）`;
}

export function problemNote(p: SettingProblem): string {
  return `设置“${p.zh}”的值无效（${p.problem}），已按默认值核对。`;
}

/** What `--settings` files hold: the programme id and every setting at its default. */
export function settingsTemplate(programme: Programme): { programme: string; settings: Record<string, unknown> } {
  return { programme: programme.id, settings: Object.fromEntries(programme.settings.map((s) => [s.id, s.default ?? null])) };
}
