/**
 * What a check could not look at, derived from the rules and the columns found: each rule names the
 * parts of it that read an optional column (or a list the notice does not publish); a part whose
 * columns are all absent becomes "未核对：…，名单中没有“…”列". Required columns are not here: their
 * absence is a header-missing error already.
 */
import type { Programme } from "./programme";
import { rowKindOf, setKindOf } from "./rules/kinds";
import { zhOf } from "./rules/words";

export interface Aspect {
  /** What goes unchecked, in Chinese. */
  zh: string;
  /** Checked when any of these fields has a column. */
  anyOf: string[];
  /** Also checked when this list is given (a setting or a reference list); `how` says where to give it. */
  list?: { how: string; given: boolean };
}

export interface UncheckedInput {
  programme: Programme;
  mapped: ReadonlySet<string>;
  settings: Readonly<Record<string, unknown>>;
  /** Reference lists given, by meaning. */
  references: { excluded: boolean; tasks: boolean; priority: boolean };
}

/** Every part of every rule that reads an optional column or an unpublished list. */
export function aspectsOf(input: UncheckedInput): Aspect[] {
  const p = input.programme;
  const out: Aspect[] = [];
  for (const r of p.rowRules) out.push(...rowKindOf(r).unchecked(r, input));
  for (const r of p.setRules) out.push(...setKindOf(r).unchecked(r, input));
  if (p.quota && p.quota.exemptOwnership.length) out.push({ zh: `${p.quota.exemptOwnership.join("、")}不占名额（所有行都计入名额）`, anyOf: [p.quota.ownershipField] });
  if (p.priority) {
    out.push({ zh: "按填报的集群/产业链标记优先认定", anyOf: [p.priority.declaredField], list: { how: "可提供优先企业参考名单", given: input.references.priority } });
  }
  return out;
}

/** The notes: one per part left unchecked, once per wording. */
export function uncheckedNotes(input: UncheckedInput): string[] {
  const required = new Set(input.programme.fields.filter((f) => f.required).map((f) => f.field));
  const out: string[] = [];
  for (const a of aspectsOf(input)) {
    if (a.anyOf.some((f) => input.mapped.has(f)) || a.list?.given) continue;
    // A required column that is absent is a header-missing error, which says more than a note.
    if (a.anyOf.length > 0 && a.anyOf.some((f) => required.has(f))) continue;
    const columns = a.anyOf.length ? `名单中没有${a.anyOf.map((f) => `“${zhOf(input.programme, f)}”`).join("")}列` : "";
    const list = a.list ? `${columns ? "，也" : ""}未提供名单（${a.list.how}）` : "";
    const note = `未核对：${a.zh}，${columns}${list}。`;
    if (!out.includes(note)) out.push(note);
  }
  return out;
}
