/**
 * Set rules: what the list must satisfy as a whole — caps per provider, enterprise and group,
 * ranked slots, and the city quota with its exempt ownerships.
 */
import type { Quota, SetRule } from "../programme";
import type { City } from "../regions";
import type { QuotaStanding, RankStanding } from "../report";
import { groupKey } from "../names";
import { exemptPhrase, ownershipMatch } from "../ownership";
import { cleanText, saysNothing } from "../text";
import { addFinding, fieldLabel, hasColumn, rowList, rowListEn, shownOf, value, type CheckContext, type RowData } from "./context";
import { groupBy, nameKey, partyKeys, partyName } from "./identity";
import { splitMembers } from "./row-rules";

type Rule<T extends SetRule["type"]> = Extract<SetRule, { type: T }>;

/** Province mode: the city a quota, rank or cap finding is about, and that city's rows. */
export interface CityScope {
  city: City;
  rows: readonly RowData[];
}

/** "青岛市：" in front of a per-city message. */
function prefix(scope: CityScope | undefined): string {
  return scope ? `${scope.city.name}：` : "";
}

function prefixEn(scope: CityScope | undefined): string {
  return scope ? `${scope.city.name}: ` : "";
}

/** Rows named by city where the list spans cities (a province's lists): "青岛市第5、6行，济南市第9行". */
function whereRows(rows: readonly RowData[]): string {
  if (!rows.some((r) => r.city)) return `第${rowList(rows)}行`;
  const byCity = new Map<string, RowData[]>();
  for (const r of rows) {
    const name = r.city?.name ?? "未知市";
    byCity.set(name, [...(byCity.get(name) ?? []), r]);
  }
  return [...byCity].map(([city, rs]) => `${city}第${rowList(rs)}行`).join("，");
}

function whereRowsEn(rows: readonly RowData[]): string {
  if (!rows.some((r) => r.city)) return `rows ${rowListEn(rows)}`;
  const byCity = new Map<string, RowData[]>();
  for (const r of rows) {
    const name = r.city?.name ?? "unknown city";
    byCity.set(name, [...(byCity.get(name) ?? []), r]);
  }
  return [...byCity].map(([city, rs]) => `${city} rows ${rowListEn(rs)}`).join("; ");
}

const CODE_IN_TEXT = /[0-9A-HJ-NP-RTUWXY]{18}/u;

/**
 * Projects a unit takes part in: as this party (the lead, the site) and, where the rule names a members
 * column, among the other members — matched by code where the member gives one, else by name.
 */
export function checkCap(ctx: CheckContext, rows: readonly RowData[], rule: Rule<"cap">, scope?: CityScope): void {
  const keys = partyKeys(rows, rule.party);
  const codeOfName = new Map<string, string>();
  for (const row of rows) {
    const key = keys.get(row);
    const name = nameKey(partyName(row, rule.party));
    if (key && !key.startsWith("name:") && name && !codeOfName.has(name)) codeOfName.set(name, key);
  }
  const projects = groupBy(rows, (r) => keys.get(r));
  const asMember = new Map<RowData, Set<string>>();
  if (rule.members) {
    for (const row of rows) {
      for (const item of splitMembers(value<string>(row, rule.members) ?? "")) {
        const code = CODE_IN_TEXT.exec(item.toUpperCase())?.[0];
        const name = nameKey(item.replace(/[（(][^（）()]*[）)]\s*$/u, ""));
        const key = code ?? codeOfName.get(name) ?? `name:${name}`;
        // Only a unit that is this party somewhere (a provider, a manufacturer) is counted.
        if (!projects.has(key)) continue;
        const set = asMember.get(row) ?? new Set<string>();
        set.add(key);
        asMember.set(row, set);
      }
    }
  }
  // Each unit's projects in one pass (as this party, then as a member), not one scan of the list per unit.
  const involved = new Map<string, Set<RowData>>();
  for (const [key, own] of projects) involved.set(key, new Set(own));
  for (const [row, memberOf] of asMember) for (const key of memberOf) involved.get(key)!.add(row);
  const order = new Map(rows.map((r, i) => [r, i]));
  for (const [key, own] of projects) {
    const set = involved.get(key)!;
    if (set.size <= rule.max) continue;
    const all = [...set].sort((a, b) => order.get(a)! - order.get(b)!);
    const ownSet = new Set(own);
    const name = own.map((r) => partyName(r, rule.party)).find((n) => n) ?? "";
    const among = all.length - own.length;
    // Each project beyond the cap is judged, in sheet order; the first ones are kept.
    for (const row of all.slice(rule.max)) addFinding(ctx, {
      code: rule.code,
      severity: "error",
      row,
      rows: all,
      eachRowReported: true,
      field: ownSet.has(row) ? rule.party.name : rule.members ?? rule.party.name,
      value: name,
      message: `${prefix(scope)}${rule.party.role}“${name}”参与${all.length}个项目（${whereRows(all)}${among ? `，其中${among}个作为其他联合体成员` : ""}），原则上不超过${rule.max}个`,
      messageEn: `${prefixEn(scope)}The ${rule.party.roleEn} “${name}” takes part in ${all.length} projects (${whereRowsEn(all)}${among ? `, ${among} as another member` : ""}); at most ${rule.max}`,
      hint: `保留${rule.max}个项目，其余不予推荐`,
      hintEn: `Keep ${rule.max} and drop the rest`,
      clause: rule.clause,
    });
  }
}

/** Beyond saying nothing, the ways a row says it belongs to no group. */
const NO_GROUP = /^(不属于|非集团企业|独立企业)$/u;

export function checkGroupCap(ctx: CheckContext, rows: readonly RowData[], rule: Rule<"group-cap">, scope?: CityScope): void {
  const groups = groupBy(rows, (r) => {
    const g = value<string>(r, rule.field);
    if (!g) return null;
    const plain = cleanText(g).replace(/[\s（）()]/g, "");
    // One group however its legal suffix is written (海尔集团 / 海尔集团公司 / 海尔集团有限公司).
    return saysNothing(plain) || NO_GROUP.test(plain) ? null : groupKey(g);
  });
  for (const group of groups.values()) {
    if (group.length <= rule.max) continue;
    const name = value<string>(group[0]!, rule.field) ?? "";
    for (const row of group.slice(rule.max)) addFinding(ctx, {
      code: "group-cap",
      severity: "error",
      row,
      rows: group,
      eachRowReported: true,
      field: rule.field,
      value: name,
      message: `${prefix(scope)}“${name}”内企业共揭榜${group.length}个任务（${whereRows(group)}），同一集团内企业总揭榜任务不超过${rule.max}个`,
      messageEn: `${prefixEn(scope)}Enterprises of the group “${name}” take ${group.length} tasks (${whereRowsEn(group)}); at most ${rule.max} per group`,
      hint: `集团内协调，保留不超过${rule.max}个任务`,
      hintEn: `Keep at most ${rule.max} tasks for the group`,
      clause: rule.clause,
    });
  }
}

/** Rows that count toward the quota and those exempt by ownership. */
export function splitByOwnership(ctx: CheckContext, rows: readonly RowData[], quota: Quota | null): { counted: RowData[]; exempt: RowData[] } {
  if (!quota) return { counted: [...rows], exempt: [] };
  const counted: RowData[] = [];
  const exempt: RowData[] = [];
  for (const row of rows) {
    const text = value<string>(row, quota.ownershipField);
    const hit = ownershipMatch(text, quota.exemptOwnership);
    const shown = hit ? shownOf(ctx, row, quota.ownershipField) || (text ?? "") : "";
    if (!hit) {
      counted.push(row);
      continue;
    }
    exempt.push(row);
    // Say how the words were read, so a clerk sees why the row takes no place.
    {
      addFinding(ctx, {
        code: "quota-exempt",
        severity: "info",
        row,
        field: quota.ownershipField,
        value: shown,
        message: `“${fieldLabel(quota.ownershipField)}”为“${shown}”，${hit.reading && hit.reading.matched !== hit.word ? `读作${hit.word}` : `属${hit.word}`}：不占推荐名额`,
        messageEn: `The ownership “${shown}” reads as ${hit.word}: the row takes no slot`,
        clause: quota.clause,
      });
    }
  }
  return { counted, exempt };
}

/** Ranks 1..N among counted rows, N = counted rows capped by the quota: unique, no gaps, none missing. */
export function checkRanks(ctx: CheckContext, counted: readonly RowData[], rule: Rule<"ranks">, scope?: CityScope): RankStanding {
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

/** What the clerk chose and what the check knows when it gives the places. */
export interface PlaceChoice {
  /** Rows that fail a hard condition (an error judges them): they take no place. */
  failing: ReadonlySet<number>;
  /** Sheet rows the clerk chose to take the places (CheckOptions.keep), in their order. */
  keep: readonly number[];
}

/**
 * The city quota. Places go to rows that can be recommended — rows failing a hard condition take none — first
 * to the rows the clerk chose, then in rank order where the list ranks, else in sheet order (said). Rows that
 * can be recommended beyond the quota are each told which rows took the places and why.
 */
export function checkQuota(
  ctx: CheckContext,
  quota: Quota,
  countedAll: readonly RowData[],
  exempt: readonly RowData[],
  rankField: string | null,
  scope: CityScope | undefined,
  choice: PlaceChoice,
): QuotaStanding {
  const q = ctx.quota;
  const counted = countedAll.filter((r) => !choice.failing.has(r.excelRow));
  const failing = countedAll.length - counted.length;
  const byRow = new Map(counted.map((r) => [r.excelRow, r]));
  const kept = [...new Set(choice.keep)].map((n) => byRow.get(n)).filter((r): r is RowData => r !== undefined);
  const keptSet = new Set(kept);
  const ranked = rankField !== null && hasColumn(ctx, rankField);
  const order = new Map(counted.map((r, i) => [r, i]));
  const rest = counted.filter((r) => !keptSet.has(r));
  if (ranked) {
    const rankOf = (r: RowData) => value<number>(r, rankField!) ?? Number.POSITIVE_INFINITY;
    rest.sort((a, b) => rankOf(a) - rankOf(b) || order.get(a)! - order.get(b)!);
  }
  const queue = [...kept, ...rest];
  const placedBy: "keep" | "rank" | "order" = kept.length > 0 ? "keep" : ranked ? "rank" : "order";
  const placed = q === null ? queue : queue.slice(0, q);
  const over = q === null ? [] : queue.slice(q);
  const excess = over.length;
  if (q !== null && excess > 0) {
    const why = placedBy === "keep" ? "名额按选定的行" : placedBy === "rank" ? "名额按推荐排序" : "名单未排序，名额按表中顺序";
    const whyEn = placedBy === "keep" ? "as chosen" : placedBy === "rank" ? "by rank" : "in sheet order, as nothing ranks the rows";
    const overSorted = [...over].sort((a, b) => a.excelRow - b.excelRow);
    // Every row that took a place is named: the clerk acts on exactly this list.
    const placedList = placed.length <= 30 ? placed.map((r) => r.excelRow).join("、") : rowList(placed);
    for (const row of overSorted) addFinding(ctx, {
      code: "quota-exceeded",
      severity: "error",
      row,
      rows: overSorted,
      eachRowReported: true,
      field: rankField ?? undefined,
      message: `${prefix(scope)}可推荐的${quota.label}${counted.length}个${failing ? `（另有${failing}个有错误，不占名额）` : ""}${exempt.length ? `，另有${exempt.length}个不占名额` : ""}，超过名额${q}个（原则上不超过${q}个，超出${excess}个）：${why}给了第${placedList}行，本行未得名额`,
      messageEn: `${prefixEn(scope)}${counted.length} ${quota.labelEn} can be recommended, over the quota of ${q} by ${excess}: the places went ${whyEn} to rows ${rowListEn(placed)}; this row took none`,
      hint:
        placedBy === "order"
          ? `名单没有推荐排序：如需另选占名额的行，在“推荐排序与名额”中选定；${exemptHint(quota)}`
          : `如需另选，调整推荐排序或在“推荐排序与名额”中选定占名额的行；${exemptHint(quota)}`,
      hintEn: `To choose other rows, pick the rows taking places (推荐排序与名额); exempt units must say so in the ownership column`,
      cli: "--keep 行号,…",
      clause: quota.clause,
    });
  }
  if (q !== null && excess > 0 && placedBy === "order") {
    ctx.notes.push(`${prefix(scope)}名单没有推荐排序：${quota.label}名额按表中顺序给了前${placed.length}个可推荐的行（第${placed.map((r) => r.excelRow).join("、")}行）。各市择优推荐，如需另选，请选定占名额的行。`);
  }
  const skippedKeep = [...new Set(choice.keep)].filter((n) => !byRow.has(n) && (scope ? scope.rows : ctx.rows).some((r) => r.excelRow === n));
  if (skippedKeep.length > 0) {
    const why = skippedKeep.map((n) => (choice.failing.has(n) ? `第${n}行有错误` : `第${n}行不占名额`)).join("、");
    ctx.notes.push(`${prefix(scope)}选定保留的行中，${why}，不能占用名额。`);
  }
  return {
    id: scope ? `${ctx.programme.id}-quota-${scope.city.code}` : `${ctx.programme.id}-quota`,
    ...(scope ? { city: scope.city.name } : {}),
    label: quota.label,
    labelEn: quota.labelEn,
    counted: counted.length,
    exempt: exempt.length,
    exemptRows: exempt.map((r) => r.excelRow),
    quota: q,
    excess,
    failing,
    placed: placed.map((r) => r.excelRow),
    placedBy,
    candidates: queue.map((r) => r.excelRow),
    failingRows: countedAll.filter((r) => choice.failing.has(r.excelRow)).map((r) => r.excelRow).sort((a, b) => a - b),
  };
}

function exemptHint(quota: Quota): string {
  return `${quota.exemptOwnership.join("、")}不占名额，请在“${fieldLabel(quota.ownershipField)}”中注明`;
}
