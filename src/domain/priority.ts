/**
 * Priority enterprises (Jiangsu, 苏工信融合〔2023〕27号 五、2): a row is marked when its enterprise is
 * on the bureau's reference list (by USCC, else by normalised name), or when the cluster or chain
 * it declares is a known name or alias. Names the user adds are used but never called official.
 */
import type { Group } from "./setting-values";
import { normaliseCompanyName } from "./names";
import type { Programme } from "./programme";
import type { PriorityMatch } from "./report";
import type { ReferenceLists } from "./rules/context";
import { cleanText, foldBrackets } from "./text";

/** "“大数据+”产业链" → "大数据+": quotes, brackets, spaces and a trailing 集群/产业链 go. */
export function groupKey(s: string): string {
  return foldBrackets(cleanText(s))
    .replace(/[\s“”"'‘’「」《》]/gu, "")
    .replace(/(先进制造业集群|产业集群|集群|产业链|链)$/u, "")
    .toLowerCase();
}

/** What a programme calls its clusters or its chains: the name of the setting holding them, without 名称 ("“531”产业链"). */
export function groupLabel(programme: Pick<Programme, "priority" | "settings">, kind: "cluster" | "chain"): string {
  const id = kind === "cluster" ? programme.priority?.clusterSetting : programme.priority?.chainSetting;
  const zh = programme.settings.find((s) => s.id === id)?.zh.replace(/名称$/u, "");
  return zh || (kind === "cluster" ? "集群" : "产业链");
}

interface KnownName {
  name: string;
  kind: "cluster" | "chain";
  /** default: the shipped confirmed names; setting: the user's own list in the settings; reference: a reference list. */
  origin: "default" | "setting" | "reference";
}

/** The cluster or chain names in force (the programme's settings) and whether the user set them. */
export interface PriorityGroups {
  /** `label`: what the programme calls them (groupLabel), as messages name them. */
  clusters: { groups: readonly Group[]; userSet: boolean; label: string };
  chains: { groups: readonly Group[]; userSet: boolean; label: string };
}

export interface PriorityIndex {
  byUscc: Map<string, NonNullable<ReferenceLists["priority"]>[number]>;
  byName: Map<string, NonNullable<ReferenceLists["priority"]>[number]>;
  /** Declared names: several entries when a name is both a cluster and a chain (集成电路). */
  names: Map<string, KnownName[]>;
  labels: Record<"cluster" | "chain", string>;
}

function addName(map: Map<string, KnownName[]>, key: string, known: KnownName): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [known]);
  else if (!list.some((k) => k.kind === known.kind)) list.push(known);
}

function addGroups(map: Map<string, KnownName[]>, set: PriorityGroups["clusters"], kind: "cluster" | "chain"): void {
  for (const g of set.groups) {
    const known: KnownName = { name: g.name, kind, origin: set.userSet ? "setting" : "default" };
    addName(map, groupKey(g.name), known);
    for (const a of g.aliases) addName(map, groupKey(a), known);
  }
}

export function priorityIndex(refs: ReferenceLists, groups: PriorityGroups): PriorityIndex {
  const names = new Map<string, KnownName[]>();
  addGroups(names, groups.clusters, "cluster");
  addGroups(names, groups.chains, "chain");
  for (const n of refs.clusterNames ?? []) addName(names, groupKey(n), { name: cleanText(n), kind: "cluster", origin: "reference" });
  for (const n of refs.chainNames ?? []) addName(names, groupKey(n), { name: cleanText(n), kind: "chain", origin: "reference" });
  const byUscc = new Map<string, NonNullable<ReferenceLists["priority"]>[number]>();
  const byName = new Map<string, NonNullable<ReferenceLists["priority"]>[number]>();
  for (const e of refs.priority ?? []) {
    if (e.uscc) byUscc.set(e.uscc.replace(/[\s-]/g, "").toUpperCase(), e);
    const key = normaliseCompanyName(e.name);
    if (key && !byName.has(key)) byName.set(key, e);
  }
  return { byUscc, byName, names, labels: { cluster: groups.clusters.label, chain: groups.chains.label } };
}

/** A name without the quotes it may carry ("“大数据+”"), for putting inside quotes. */
function bare(s: string): string {
  return s.replace(/^[“"']+|[”"']+$/gu, "");
}

export interface PriorityCandidate {
  row: number;
  applicant: string;
  /** A code of the right shape, when the row has one. */
  uscc: string | null;
  declared: string | null;
}

export type PriorityResult = { match: PriorityMatch } | { unknownDeclared: string } | null;

export function matchPriority(index: PriorityIndex, c: PriorityCandidate): PriorityResult {
  const entry = (c.uscc ? index.byUscc.get(c.uscc) : undefined) ?? undefined;
  const via = entry ? "reference-uscc" : undefined;
  const byName = entry || index.byName.size === 0 ? undefined : index.byName.get(normaliseCompanyName(c.applicant));
  const hit = entry ?? byName;
  if (hit) {
    const kind: "cluster" | "chain" = hit.cluster ? "cluster" : hit.chain ? "chain" : "cluster";
    const name = hit.cluster ?? hit.chain ?? "参考名单";
    const how = via ? "统一社会信用代码" : "企业名称";
    const both = hit.cluster && hit.chain ? `（另属产业链“${hit.chain}”）` : "";
    const match: PriorityMatch = {
      row: c.row,
      applicant: c.applicant,
      name,
      kind,
      via: via ?? "reference-name",
      reason: `参考名单中有该企业（按${how}匹配），所属${kind === "cluster" ? "集群" : "产业链"}“${name}”${both}：同等条件下予以优先认定`,
    };
    if (c.uscc) match.uscc = c.uscc;
    return { match };
  }
  if (!c.declared) return null;
  const parts = c.declared.split(/[、,，;；/\n]+/u).map((p) => p.trim()).filter((p) => p !== "");
  for (const part of parts) {
    const known = index.names.get(groupKey(part));
    if (!known || known.length === 0) continue;
    const first = known.find((k) => k.kind === "cluster") ?? known[0]!;
    const also = known.filter((k) => k !== first);
    const kindZh = index.labels[first.kind];
    const origin =
      first.origin === "default"
        ? `（本项目定义的${kindZh}之一）`
        : first.origin === "setting"
          ? `（用户设置的${kindZh}名称）`
          : "（用户在参考名单中补充的名称，非官方确认名单）";
    const alias = groupKey(first.name) !== groupKey(part) ? `，“${bare(part)}”是其别称` : "";
    const alsoText = also.length ? `；也是${also.map((k) => index.labels[k.kind]).join("、")}名称` : "";
    const match: PriorityMatch = {
      row: c.row,
      applicant: c.applicant,
      name: first.name,
      kind: first.kind,
      via: "declared",
      reason: `所属集群/产业链填“${bare(part)}”，属于${kindZh}“${bare(first.name)}”${alias}${origin}${alsoText}：同等条件下予以优先认定（依据为填报内容，请核实企业确在其中）`,
    };
    if (c.uscc) match.uscc = c.uscc;
    return { match };
  }
  return { unknownDeclared: c.declared };
}
