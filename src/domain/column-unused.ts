/**
 * Never silent about a column left unused (issue 21): a column of the header that the matcher did
 * not map, while its header says something of a field the programme reads (too little to map it)
 * or its cells are what only that field holds, is said in the report — the field it may be, and
 * the checks that did not read it. Required fields are not here: header-missing names the closest
 * column already. A column the clerk set to 不使用此列 is their choice, not said again.
 */
import { FIELDS } from "./fields";
import type { ColumnInfo } from "./header";
import { rowRuleRefs, setRuleRefs, type Programme } from "./programme";
import { fieldDefIn } from "./fields";
import { type Aspect, aspectsOf } from "./unchecked";

export interface UnusedColumn {
  column: ColumnInfo;
  /** The field it may be. */
  field: string;
  from: "header" | "content";
  /** What the programme checks with it, in Chinese: those that did not run at all, and those that ran without it. Both empty when it only reads the cells' form. */
  notRun: string[];
  ranWithout: string[];
}

const NO_LISTS = { excluded: false, tasks: false, priority: false };

/** What each part of the programme that reads `field` checks (in the words of the unchecked notes) and the columns any of which lets it run. */
export function checksReading(programme: Programme, field: string): Aspect[] {
  const only = (p: Partial<Programme>): Aspect[] =>
    aspectsOf({ programme: { ...programme, rowRules: [], setRules: [], quota: null, priority: null, ...p }, mapped: new Set(), settings: {}, references: NO_LISTS });
  const out: Aspect[] = [];
  for (const r of programme.rowRules) if (rowRuleRefs(r).fields.some(([, id]) => id === field)) out.push(...only({ rowRules: [r] }));
  for (const r of programme.setRules) if (setRuleRefs(r).fields.some(([, id]) => id === field)) out.push(...only({ setRules: [r] }));
  if (programme.quota?.ownershipField === field) out.push(...only({ quota: programme.quota }));
  if (programme.priority?.declaredField === field) out.push(...only({ priority: programme.priority }));
  return out.filter((a, i) => out.findIndex((b) => b.zh === a.zh) === i);
}

/** The unused columns that point at a field the programme reads and no other column gives. */
export function unusedColumns(programme: Programme, all: readonly ColumnInfo[]): UnusedColumn[] {
  const mapped = new Set(all.map((c) => c.field).filter((f): f is string => f !== null));
  const required = new Set(programme.fields.filter((f) => f.required).map((f) => f.field));
  const reads = new Set(programme.fields.map((f) => f.field));
  const out: UnusedColumn[] = [];
  const said = new Set<string>();
  for (const c of all) {
    if (c.field !== null || c.why === "user" || c.ambiguousWith || !c.suggestion || !c.suggestionFrom) continue;
    const field = c.suggestion;
    if (!reads.has(field) || mapped.has(field) || required.has(field) || said.has(field)) continue;
    said.add(field);
    const checks = checksReading(programme, field);
    // A part runs when another of its columns is there (an upgrade column missing: the recognised check runs without its exemption).
    const runs = (a: Aspect) => a.anyOf.some((f) => mapped.has(f));
    out.push({ column: c, field, from: c.suggestionFrom, notRun: checks.filter((a) => !runs(a)).map((a) => a.zh), ranWithout: checks.filter(runs).map((a) => a.zh) });
  }
  return out;
}

/** The finding's text for one unused column. */
export function unusedColumnText(programme: Programme, u: UnusedColumn): { message: string; messageEn: string; hint: string; hintEn: string; cli: string } {
  const def = fieldDefIn(programme, u.field);
  const zh = def?.zh ?? u.field;
  const en = def?.en ?? u.field;
  const { letter, header } = u.column;
  const shown = header || "（无表头）";
  const by = u.from === "header" ? "从表头看" : "从单元格内容看";
  const byEn = u.from === "header" ? "its header suggests" : "its cells suggest";
  const parts: string[] = [];
  const partsEn: string[] = [];
  if (u.notRun.length > 0) {
    parts.push(`未进行的核对：${u.notRun.join("；")}`);
    partsEn.push(`checks that did not run: ${u.notRun.join("; ")}`);
  }
  if (u.ranWithout.length > 0) {
    parts.push(`未用到此列的核对：${u.ranWithout.join("；")}`);
    partsEn.push(`checks run without it: ${u.ranWithout.join("; ")}`);
  }
  if (parts.length === 0) {
    parts.push(`“${zh}”的填写未核对`);
    partsEn.push(`the ${en} cells were not checked`);
  }
  const checks = parts.join("；");
  const checksEn = partsEn.join("; ");
  return {
    message: `${letter}列“${shown}”未使用：${by}可能是“${zh}”，但把握不足，未按此列核对；${checks}`,
    messageEn: `Column ${letter} “${header}” is unused: ${byEn} ${en}, too weakly to read it as such; ${checksEn}`,
    hint: `如${letter}列就是“${zh}”，请在“列对应”中确认（已预选为建议）；不是时在“列对应”中选“不使用此列”`,
    hintEn: `If column ${letter} is ${en}, confirm it in the column mapping (列对应, preselected as suggested); if not, choose 不使用此列`,
    cli: `--map ${letter}=${u.field}（不是时 --map ${letter}=）`,
  };
}
