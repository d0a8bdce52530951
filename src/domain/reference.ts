/**
 * Reads the user's reference lists (优先企业名单、排除名单、榜单任务) from the sheets of an .xlsx
 * or a CSV (the CLI) or of the workbook (the pane) into the ReferenceLists a check takes. Column
 * headers go through the same matcher as a list's (matching.ts), over these wordings:
 *   企业名称/单位名称/申报单位 · 统一社会信用代码 · 所属集群 · 所属产业链 · 所属集群/产业链 ·
 *   名单/所属名单/排除名单 · 揭榜任务/榜单任务 · 集群名称 · 产业链名称.
 * A row with a 名单 value is an exclusion (the value names the list, e.g. "前期155个省级重点平台");
 * a row with a cluster or chain is a priority enterprise. A sheet with neither column is classified
 * by its name (含 排除/前期/第一批/不得 → exclusion list named after the sheet; 含 集群/产业链/优先/链主 →
 * priority), else it is refused: guessing what a list means would mark or bar the wrong enterprises.
 */
import { columnLetter, EMPTY_CELL, type Cell, type Grid } from "./cells";
import { headerFieldIn, makeVocabulary } from "./matching";
import { readText, readUsccCell, type TextExpectation } from "./readers";
import type { ReferenceLists } from "./rules/context";

type Role = "name" | "uscc" | "cluster" | "chain" | "clusterOrChain" | "list" | "task" | "clusterName" | "chainName";

const LABELS: [Role, string[]][] = [
  ["clusterName", ["集群名称", "先进制造业集群名称"]],
  ["chainName", ["产业链名称", "重点产业链名称"]],
  ["clusterOrChain", ["所属集群/产业链", "集群/产业链", "所属集群或产业链", "所属先进制造业集群/产业链"]],
  ["cluster", ["所属集群", "集群", "先进制造业集群", "所属先进制造业集群"]],
  ["chain", ["所属产业链", "产业链", "531产业链", "所属531产业链"]],
  ["list", ["名单", "所属名单", "排除名单", "名单名称", "名单类别"]],
  ["task", ["揭榜任务", "榜单任务", "任务", "任务名称"]],
  ["uscc", ["统一社会信用代码", "社会信用代码", "信用代码", "uscc"]],
  ["name", ["企业名称", "单位名称", "申报单位", "申报单位名称", "企业", "单位", "名称"]],
];

export class ReferenceError extends Error {
  constructor(message: string, readonly messageEn: string) {
    super(message);
    this.name = "ReferenceError";
  }
}

/** Where a reference cell sits, for messages: 工作表“优先企业”第 5 行 C 列. */
interface CellPlace {
  fileLabel: string;
  sheetName: string;
  grid: Grid;
  rowIndex: number;
  columnIndex: number;
}

function placeZh(p: CellPlace): string {
  return `参考名单“${p.fileLabel}”工作表“${p.sheetName}”第 ${p.grid.firstRow + p.rowIndex} 行 ${columnLetter(p.grid.firstColumn + p.columnIndex)} 列`;
}

function placeEn(p: CellPlace): string {
  return `Reference file "${p.fileLabel}", sheet "${p.sheetName}", row ${p.grid.firstRow + p.rowIndex}, column ${columnLetter(p.grid.firstColumn + p.columnIndex)}`;
}

/**
 * A reference cell as text. A cell that cannot be read (an error value) stops the load: an enterprise
 * called “#N/A” on a priority or exclusion list would mark or bar nobody, silently.
 */
function cellText(cell: Cell | undefined, place: CellPlace, expect?: TextExpectation): string {
  const r = readText(cell ?? EMPTY_CELL, expect);
  if (r.status === "ok") return r.value;
  if (r.status === "empty") return "";
  throw new ReferenceError(`${placeZh(place)}：${r.problem}`, `${placeEn(place)}: ${r.problemEn}`);
}

/** A reference code, compacted; a code stored as a number has lost digits and would match the wrong enterprise. */
function cellUscc(cell: Cell | undefined, place: CellPlace): string {
  const r = readUsccCell(cell ?? EMPTY_CELL);
  if (r.status === "ok") return r.value;
  if (r.status === "empty") return "";
  throw new ReferenceError(`${placeZh(place)}：${r.problem}`, `${placeEn(place)}: ${r.problemEn}`);
}

/** An enterprise's name is text: a number or date there is a paste slip, not a name to match. */
const NAME_ONLY: TextExpectation = { accept: [], zh: "企业全称", en: "the enterprise's full name" };

/** A header label: only text cells name columns. */
function label(cell: Cell | undefined): string {
  return cell && cell.kind === "text" && typeof cell.value === "string" ? cell.value : "";
}

/** The roles' wordings as one vocabulary; the first role listing a wording wins a tie. */
const ROLES = makeVocabulary(LABELS.map(([role, wordings]) => ({ field: role, wordings })));

function roleOf(header: string): Role | null {
  if (header.trim() === "" || header.length > 40) return null;
  return headerFieldIn(ROLES, header) as Role | null;
}

function findHeader(grid: Grid): { index: number; roles: Map<Role, number> } | null {
  const limit = Math.min(grid.rows.length, 10);
  for (let r = 0; r < limit; r++) {
    const roles = new Map<Role, number>();
    grid.rows[r].forEach((cell, c) => {
      const role = roleOf(label(cell));
      if (role && !roles.has(role)) roles.set(role, c);
    });
    if (roles.has("name") || roles.has("task") || roles.has("clusterName") || roles.has("chainName")) return { index: r, roles };
  }
  return null;
}

export interface NamedGrid {
  name: string;
  grid: Grid;
}

export function referenceListsFromGrids(sheets: NamedGrid[], fileLabel: string): ReferenceLists {
  const lists: Required<Pick<ReferenceLists, "priority" | "excluded" | "clusterNames" | "chainNames" | "tasks">> = {
    priority: [],
    excluded: [],
    clusterNames: [],
    chainNames: [],
    tasks: [],
  };
  let usable = 0;
  for (const { name: sheetName, grid } of sheets) {
    const header = findHeader(grid);
    if (!header) continue;
    const { roles } = header;
    let rowIndex = header.index;
    const place = (role: Role): CellPlace => ({ fileLabel, sheetName, grid, rowIndex, columnIndex: roles.get(role)! });
    const get = (row: Cell[], role: Role) => (roles.has(role) ? cellText(row[roles.get(role)!], place(role), role === "name" ? NAME_ONLY : undefined) : "");
    const hasPriorityColumn = roles.has("cluster") || roles.has("chain") || roles.has("clusterOrChain");
    const bySheetName: "excluded" | "priority" | null = /排除|前期|第一批|不得/.test(sheetName)
      ? "excluded"
      : /集群|产业链|优先|链主/.test(sheetName)
        ? "priority"
        : null;
    if (roles.has("name") && !hasPriorityColumn && !roles.has("list") && !bySheetName) {
      throw new ReferenceError(
        `参考名单“${fileLabel}”的工作表“${sheetName}”有企业名称列，但没有“所属集群/产业链”或“名单”列，无法判断是优先企业还是排除名单。请加一列“所属集群”“所属产业链”或“名单”（如：前期155个省级重点平台）。`,
        `Reference sheet "${sheetName}" of "${fileLabel}" has company names but no 所属集群/产业链 or 名单 column, so it is unclear whether it lists priority or excluded enterprises. Add one of these columns.`,
      );
    }
    usable++;
    for (rowIndex = header.index + 1; rowIndex < grid.rows.length; rowIndex++) {
      const row = grid.rows[rowIndex] ?? [];
      const clusterName = get(row, "clusterName");
      if (clusterName) lists.clusterNames.push(clusterName);
      const chainName = get(row, "chainName");
      if (chainName) lists.chainNames.push(chainName);
      const task = get(row, "task");
      const name = get(row, "name");
      if (task && !name) lists.tasks.push(task);
      const uscc = roles.has("uscc") ? cellUscc(row[roles.get("uscc")!], place("uscc")) || undefined : undefined;
      if (!name) {
        // A code without its name would be dropped unseen, and that enterprise never marked or barred.
        if (uscc && roles.has("name")) {
          throw new ReferenceError(
            `${placeZh(place("name"))}：企业名称为空，但同一行有统一社会信用代码“${uscc}”；请补填企业全称`,
            `${placeEn(place("name"))}: the enterprise name is empty though the row has the credit code “${uscc}”; fill in the full name`,
          );
        }
        continue;
      }
      const list = get(row, "list");
      let cluster = get(row, "cluster");
      let chain = get(row, "chain");
      const either = get(row, "clusterOrChain");
      if (either) {
        if (/链/.test(either)) chain ||= either;
        else cluster ||= either;
      }
      if (list || (!cluster && !chain && bySheetName === "excluded") || (!hasPriorityColumn && roles.has("list"))) {
        lists.excluded.push({ name, ...(uscc ? { uscc } : {}), list: list || sheetName });
      } else {
        lists.priority.push({ name, ...(uscc ? { uscc } : {}), ...(cluster ? { cluster } : {}), ...(chain ? { chain } : {}) });
      }
    }
  }
  if (usable === 0) {
    throw new ReferenceError(
      `参考名单“${fileLabel}”中找不到表头：需要“企业名称”（或“单位名称”）、“揭榜任务”、“集群名称”或“产业链名称”列。`,
      `No header found in reference file "${fileLabel}": it needs a 企业名称 (company name), 揭榜任务 (task), 集群名称 or 产业链名称 column.`,
    );
  }
  const out: ReferenceLists = {};
  if (lists.priority.length) out.priority = lists.priority;
  if (lists.excluded.length) out.excluded = lists.excluded;
  if (lists.clusterNames.length) out.clusterNames = lists.clusterNames;
  if (lists.chainNames.length) out.chainNames = lists.chainNames;
  if (lists.tasks.length) out.tasks = lists.tasks;
  return out;
}
