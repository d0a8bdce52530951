/**
 * A programme's rules in words a clerk reads: every rule with its clause, and what the notice leaves
 * open with the setting that decides it and its value now. Written from the definition itself, so
 * `huizong programmes <id>`, the pane and docs/rules.md say what the check does and cannot drift.
 */
import type { Programme } from "./programme";
import { fieldDefIn } from "./fields";
import { rowKindOf, setKindOf } from "./rules/kinds";
import { label, labels, zhOf } from "./rules/words";
import { settingSummary } from "./setting-values";
import type { SettingState } from "./settings";

export interface RuleText {
  /** What is checked, one Chinese sentence. */
  zh: string;
  /** The clause of the notice it comes from. */
  clause: string;
  /** Setting ids that decide what the notice leaves open here. */
  settings: string[];
}

export interface ProgrammeText {
  id: string;
  title: string;
  notice: string;
  deadlines: string[];
  /** Columns: required first, with the values an enumeration allows. */
  columns: string[];
  rules: RuleText[];
  settings: SettingState[];
  notes: string[];
}


/** Enumerations: what a column allows now (a user's list, else the definition's), with the setting that changes it. */
function fieldRules(p: Programme, values: Record<string, unknown>): RuleText[] {
  const out: RuleText[] = [];
  for (const f of p.fields) {
    if (!f.allowed?.length) continue;
    const own = f.allowedFromSetting ? (values[f.allowedFromSetting] as string[] | null | undefined) : null;
    const list = own?.length ? own : f.allowed;
    const kind = fieldDefIn(p, f.field)?.kind === "list" ? "可填" : "须为";
    const qualified = f.qualifiable && !own?.length ? "（可在类名后写明具体方向，如“特色型（面向重点行业）”）" : "";
    out.push({ zh: `${label(p, f.field)}${kind}${list.join("、")}之一${qualified}`, clause: "", settings: f.allowedFromSetting ? [f.allowedFromSetting] : [] });
  }
  const amounts = p.fields.filter((f) => fieldDefIn(p, f.field)?.kind === "amount").map((f) => f.field);
  if (amounts.length && p.settings.some((s) => s.id === "amountCeiling")) {
    out.push({
      zh: `${labels(p, amounts)}按表头或单元格写明的单位读作万元（表头未注明单位的按万元读）；达到${String(values.amountCeiling)}亿元的为警告，并给出按更小单位（如元）的读法`,
      clause: "",
      settings: ["amountCeiling"],
    });
  }
  return out;
}

export function describeProgramme(p: Programme, states: SettingState[]): ProgrammeText {
  const values = Object.fromEntries(states.map((s) => [s.id, s.value]));
  const rules: RuleText[] = [];
  rules.push(...fieldRules(p, values));
  for (const r of p.rowRules) rules.push(...rowKindOf(r).describe(r, p));
  for (const r of p.setRules) rules.push(...setKindOf(r).describe(r, p));
  if (p.quota) {
    const q = values.quota as number | null | undefined;
    rules.push({
      zh: `${p.quota.label === "推荐名额" ? "推荐名额" : `${p.quota.label}名额`}：${q === null || q === undefined ? "未设置" : `不超过${q}个`}${p.quota.exemptOwnership.length ? `；${label(p, p.quota.ownershipField)}为${p.quota.exemptOwnership.join("、")}的不占名额` : ""}`,
      clause: p.quota.clause,
      settings: ["quota"],
    });
  }
  if (p.priority) {
    rules.push({
      zh: `优先认定：${label(p, p.priority.declaredField)}为集群或产业链名称（或别称）的，或参考名单中的企业，标记优先（提示）`,
      clause: p.priority.clause,
      settings: [p.priority.clusterSetting, p.priority.chainSetting],
    });
  }
  const required = p.fields.filter((f) => f.required).map((f) => zhOf(p, f.field));
  const optional = p.fields.filter((f) => !f.required).map((f) => zhOf(p, f.field));
  return {
    id: p.id,
    title: p.title,
    notice: [p.notice.number, p.notice.title].filter(Boolean).join(" ") + `（${p.notice.issuer}${p.notice.issued ? `，${p.notice.issued}` : ""}）`,
    deadlines: p.deadlines.map((d) => `${d.date} ${d.what}`),
    columns: [`必填列：${required.join("、")}`, `可选列：${optional.join("、")}`],
    rules,
    settings: states,
    notes: p.notes,
  };
}

/** "平台方向名单 = 不设名单（默认）" — a setting and its value, for rule lines. */
export function settingLine(s: SettingState): string {
  return `${s.zh} = ${settingSummary(s.kind, s.value)}（${s.changed ? "用户设置" : "默认"}）`;
}

/** The plain text `huizong programmes <id>` prints. */
export function programmeText(t: ProgrammeText): string {
  const byId = new Map(t.settings.map((s) => [s.id, s]));
  const out: string[] = [];
  out.push(`${t.id} ${t.title}`);
  out.push(`通知：${t.notice}`);
  for (const d of t.deadlines) out.push(`截止：${d}`);
  out.push(...t.columns);
  out.push("", "规则（每条注明出处；“待定”为通知未明确、由设置决定的事项及其当前值）：");
  t.rules.forEach((r, i) => {
    out.push(`  ${i + 1}. ${r.zh}`);
    if (r.clause) out.push(`     出处：${r.clause}`);
    for (const id of r.settings) {
      const s = byId.get(id);
      if (s) out.push(`     待定：${settingLine(s)}`);
    }
  });
  out.push("", "设置（通知未明确的事项；--settings 文件中的键名见括号）：");
  for (const s of t.settings) {
    out.push(`  ${s.zh}（${s.id}）= ${settingSummary(s.kind, s.value)}${s.changed ? "（用户设置）" : ""}`);
    out.push(`     决定：${s.decides}`);
    out.push(`     默认：${settingSummary(s.kind, s.default)}；依据：${s.provenance}`);
  }
  if (t.notes.length) {
    out.push("", "说明：");
    for (const n of t.notes) out.push(`  · ${n}`);
  }
  return out.join("\n") + "\n";
}
