/**
 * What a check could not look at, derived from the rules and the columns found: each rule names the
 * parts of it that read an optional column (or a list the notice does not publish); a part whose
 * columns are all absent becomes "未核对：…，名单中没有“…”列". Required columns are not here: their
 * absence is a header-missing error already.
 */
import { FIELDS } from "./fields";
import type { Programme, RowRule, SetRule } from "./programme";

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

const zhOf = (field: string): string => FIELDS[field]?.zh ?? field;

function settingGiven(settings: UncheckedInput["settings"], id: string | undefined): boolean {
  if (!id) return false;
  const v = settings[id];
  return Array.isArray(v) && v.length > 0;
}

function settingName(p: Programme, id: string | undefined): string {
  return p.settings.find((s) => s.id === id)?.zh ?? "";
}

function rowAspects(input: UncheckedInput, r: RowRule): Aspect[] {
  const { programme: p, settings } = input;
  switch (r.type) {
    case "identity":
      return [{ zh: `${r.party.role}注册地和独立法人`, anyOf: [r.party.uscc] }];
    case "min-age":
      return [{ zh: `单位注册时间不少于${r.years}年`, anyOf: [r.field] }];
    case "built":
      return [{ zh: "项目是否已建成", anyOf: [r.field] }];
    case "not-recognised":
      return [{ zh: "是否已被认定（已认定的不得重复申报）", anyOf: [r.field] }];
    case "investment-min":
      return [{ zh: `投入不低于${r.min}万元`, anyOf: [r.total, ...r.parts] }];
    case "certificate":
      return [
        { zh: `是否通过${r.name}`, anyOf: [r.status] },
        { zh: `${r.name}证书有效期在${r.after}之后`, anyOf: [r.validUntil] },
      ];
    case "capability":
      return [
        { zh: `“${zhOf(r.basic.field)}”${r.basic.required}个方面全部满足`, anyOf: [r.basic.field] },
        { zh: `“${zhOf(r.manufacturing.field)}”方向都要涉及`, anyOf: [r.manufacturing.field] },
        { zh: `“${zhOf(r.benchmark.field)}”至少涉及${r.benchmark.atLeast}个方向`, anyOf: [r.benchmark.field] },
      ];
    case "star-ladder":
      return [{ zh: "逐级申报（申报高一级星级须已获评下一级，已获评的不得重复申报）", anyOf: [r.held] }];
    case "cloud-window":
      return [{ zh: "云服务申报时仍在使用", anyOf: [r.end, r.inUse] }];
    case "restricted":
      return [
        ...r.conditions.map((c) => ({ zh: c.zh, anyOf: r.textField ? [c.field, r.textField] : [c.field] })),
      ];
    case "excluded-by-list":
      return [
        {
          zh: `${r.party.role}是否属于${r.list}`,
          anyOf: r.field ? [r.field] : [],
          list: { how: r.listSetting ? `可在设置“${settingName(p, r.listSetting)}”中填写，或提供参考名单` : "可提供参考名单", given: settingGiven(settings, r.listSetting) || input.references.excluded },
        },
      ];
    case "prior-funding":
      return [{ zh: "项目前期未获得过省级财政资金支持", anyOf: [r.field] }];
    case "letter":
      return [{ zh: "子公司须有省级公司推荐函", anyOf: r.subsidiaryField ? [r.ownership, r.subsidiaryField] : [r.ownership] }];
    case "consortium":
      return [{ zh: `联合体成员原则上不超过${r.maxMembers}家`, anyOf: [r.members] }];
    case "task-listed":
      return [
        {
          zh: "揭榜任务是否在任务榜单内",
          anyOf: [],
          list: { how: r.listSetting ? `可在设置“${settingName(p, r.listSetting)}”中填写，或提供参考名单` : "可提供参考名单", given: settingGiven(settings, r.listSetting) || input.references.tasks },
        },
      ];
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}

function setAspects(r: SetRule): Aspect[] {
  switch (r.type) {
    case "group-cap":
      return [{ zh: `同一集团内企业不超过${r.max}个`, anyOf: [r.field] }];
    case "one-direction":
      return [{ zh: `每个${r.party.role}只能申报一个方向`, anyOf: [r.field] }];
    case "ranks":
      return [{ zh: "推荐排序", anyOf: [r.field] }];
    // They read the party's own columns (required: header-missing says their absence); a members column is the consortium rule's note.
    case "duplicates":
    case "cap":
      return [];
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}

/** Every part of every rule that reads an optional column or an unpublished list. */
export function aspectsOf(input: UncheckedInput): Aspect[] {
  const p = input.programme;
  const out: Aspect[] = [];
  for (const r of p.rowRules) out.push(...rowAspects(input, r));
  for (const r of p.setRules) out.push(...setAspects(r));
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
    const columns = a.anyOf.length ? `名单中没有${a.anyOf.map((f) => `“${zhOf(f)}”`).join("")}列` : "";
    const list = a.list ? `${columns ? "，也" : ""}未提供名单（${a.list.how}）` : "";
    const note = `未核对：${a.zh}，${columns}${list}。`;
    if (!out.includes(note)) out.push(note);
  }
  return out;
}
