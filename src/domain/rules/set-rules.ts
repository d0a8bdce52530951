/**
 * The city quota with its exempt ownerships (the programme's quota, not a rule kind), and what the
 * set-rule kinds share to say where their rows are: the city in province mode, rows named by city.
 */
import type { Quota } from "../programme";
import type { City } from "../regions";
import type { QuotaStanding } from "../report";
import { exemptPhrase, ownershipMatch } from "../ownership";
import { addFinding, fieldLabel, hasColumn, rowList, rowListEn, shownOf, value, type CheckContext, type RowData } from "./context";

/** Province mode: the city a quota, rank or cap finding is about, and that city's rows. */
export interface CityScope {
  city: City;
  rows: readonly RowData[];
}

/** "青岛市：" in front of a per-city message. */
export function prefix(scope: CityScope | undefined): string {
  return scope ? `${scope.city.name}：` : "";
}

export function prefixEn(scope: CityScope | undefined): string {
  return scope ? `${scope.city.name}: ` : "";
}

/** Rows named by city where the list spans cities (a province's lists): "青岛市第5、6行，济南市第9行". */
export function whereRows(rows: readonly RowData[]): string {
  if (!rows.some((r) => r.city)) return `第${rowList(rows)}行`;
  const byCity = new Map<string, RowData[]>();
  for (const r of rows) {
    const name = r.city?.name ?? "未知市";
    byCity.set(name, [...(byCity.get(name) ?? []), r]);
  }
  return [...byCity].map(([city, rs]) => `${city}第${rowList(rs)}行`).join("，");
}

export function whereRowsEn(rows: readonly RowData[]): string {
  if (!rows.some((r) => r.city)) return `rows ${rowListEn(rows)}`;
  const byCity = new Map<string, RowData[]>();
  for (const r of rows) {
    const name = r.city?.name ?? "unknown city";
    byCity.set(name, [...(byCity.get(name) ?? []), r]);
  }
  return [...byCity].map(([city, rs]) => `${city} rows ${rowListEn(rs)}`).join("; ");
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
        message: `“${fieldLabel(ctx, quota.ownershipField)}”为“${shown}”，${hit.reading && hit.reading.matched !== hit.word ? `读作${hit.word}` : `属${hit.word}`}：不占推荐名额`,
        messageEn: `The ownership “${shown}” reads as ${hit.word}: the row takes no slot`,
        clause: quota.clause,
      });
    }
  }
  return { counted, exempt };
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
          ? `名单没有推荐排序：如需另选占名额的行，在“推荐排序与名额”中选定；${exemptHint(ctx, quota)}`
          : `如需另选，调整推荐排序或在“推荐排序与名额”中选定占名额的行；${exemptHint(ctx, quota)}`,
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

function exemptHint(ctx: CheckContext, quota: Quota): string {
  return `${quota.exemptOwnership.join("、")}不占名额，请在“${fieldLabel(ctx, quota.ownershipField)}”中注明`;
}
