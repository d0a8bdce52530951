/** 推荐排序: the rows that count toward the quota ranked 1..N, unique, without gaps (per city in province mode). */
import { z } from "zod";
import { exemptPhrase } from "../../ownership";
import type { RankStanding } from "../../report";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, hasColumn, rowList, rowListEn, value, type CheckContext, type RowData } from "../context";
import { defineSetKind } from "../kind";
import { prefix, prefixEn, type CityScope } from "../set-rules";
import { label, sentence } from "../words";

const schema = z.strictObject({ type: z.literal("ranks"), source: RuleSource.optional(), field: FieldId, clause: Clause });
type R = z.output<typeof schema>;

/** Ranks 1..N among counted rows, N = counted rows capped by the quota: unique, no gaps, none missing. */
function checkRanks(ctx: CheckContext, counted: readonly RowData[], rule: R, scope?: CityScope): RankStanding {
  const expected = ctx.quota === null ? counted.length : Math.min(counted.length, ctx.quota);
  const byRank = new Map<number, RowData[]>();
  const unranked: RowData[] = [];
  for (const row of counted) {
    const r = value<number>(row, rule.field);
    if (r === undefined || r < 1) {
      if (!row.unreadable.has(rule.field)) unranked.push(row);
      continue;
    }
    const g = byRank.get(r);
    if (g) g.push(row);
    else byRank.set(r, [row]);
  }
  const duplicated = [...byRank.entries()].filter(([, g]) => g.length > 1).map(([r]) => r).sort((a, b) => a - b);
  const missing: number[] = [];
  for (let r = 1; r <= expected; r++) if (!byRank.has(r)) missing.push(r);
  const city = scope ? { city: scope.city.name } : {};
  if (!hasColumn(ctx, rule.field)) return { ...city, expected, missing, duplicated, unranked: unranked.length };

  for (const r of duplicated) {
    const g = byRank.get(r)!;
    for (const row of g.slice(1)) addFinding(ctx, {
      code: "rank-invalid",
      severity: "error",
      row,
      rows: g,
      eachRowReported: true,
      field: rule.field,
      value: String(r),
      message: `${prefix(scope)}推荐排序第${r}位重复（第${rowList(g)}行）：排序应唯一`,
      messageEn: `${prefixEn(scope)}Rank ${r} is used on rows ${rowListEn(g)}; ranks must be unique`,
      hint: "重新排序，每个项目一个名次",
      hintEn: "Give each project its own rank",
      clause: rule.clause,
    });
  }
  if (missing.length > 0) {
    const exemptWords = ctx.programme.quota?.exemptOwnership ?? [];
    // Districts often rank exempt rows too; say so, since re-ranking the counted rows is the remedy.
    const takenByExempt = (scope?.rows ?? ctx.rows).filter((row) => !counted.includes(row) && missing.includes(value<number>(row, rule.field) ?? -1));
    // Ranks beyond N are what opened the gaps (when the quota does not cut them off).
    const beyond = counted.filter((row) => {
      const r = value<number>(row, rule.field);
      return r !== undefined && r > expected && (ctx.quota === null || r <= ctx.quota);
    });
    // Rows ranked beyond N are each judged; without them the gap is the list's.
    for (const row of beyond.length > 0 ? beyond : [undefined]) addFinding(ctx, {
      code: "rank-invalid",
      severity: "error",
      ...(row ? { row, rows: beyond, eachRowReported: true, field: rule.field } : {}),
      message: `${prefix(scope)}推荐排序缺少第${missing.join("、")}位：计入名额的${counted.length}个项目${ctx.quota !== null && counted.length > ctx.quota ? `（名额${ctx.quota}个）` : ""}应依次排为1至${expected}，不留空号${beyond.length ? `；第${rowList(beyond)}行的名次超出${expected}` : ""}${takenByExempt.length ? `；第${takenByExempt.map((r) => value<number>(r, rule.field)).join("、")}位由不占名额的第${rowList(takenByExempt)}行使用` : ""}`,
      messageEn: `${prefixEn(scope)}Ranks ${missing.join(", ")} are missing: the counted projects must be ranked 1 to ${expected} without gaps`,
      ...(exemptWords.length > 0
        ? { hint: `${exemptPhrase(exemptWords)}不占名额，可不参与排序`, hintEn: "Units exempt by ownership take no slot and need no rank" }
        : { hint: `将计入名额的项目依次排为1至${expected}`, hintEn: `Rank the counted projects 1 to ${expected}` }),
      clause: rule.clause,
    });
  }
  for (const row of unranked) {
    addFinding(ctx, {
      code: "rank-invalid",
      severity: "error",
      row,
      field: rule.field,
      message: `${prefix(scope)}计入名额的项目没有推荐排序：应填1至${expected}中的名次`,
      messageEn: `A counted project has no rank; give it one from 1 to ${expected}`,
      clause: rule.clause,
    });
  }
  return { ...city, expected, missing, duplicated, unranked: unranked.length };
}

export const ranks = defineSetKind({
  place: "set",
  type: "ranks",
  over: "city",
  schema,
  name: ["推荐排序", "Ranking"],
  codes: { "rank-invalid": ["推荐排序有误", "Ranks invalid"] },
  refs: (r) => ({ fields: [[["field"], r.field]], settings: [] }),
  check: (ctx, input, r) => ({ rankField: r.field, standing: checkRanks(ctx, input.counted, r, input.scope) }),
  describe: (r, p) => sentence(r, `${label(p, r.field)}按1、2、3…排列，不重号、不缺号（不占名额的行不需排序）`),
  unchecked: (r) => [{ zh: "推荐排序", anyOf: [r.field] }],
  summary: () => "推荐排序须从1起连续、不重复",
  editable: [],
});
