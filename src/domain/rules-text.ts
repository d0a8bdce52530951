/**
 * A programme's rules in words a clerk reads: every rule with its clause, and what the notice leaves
 * open with the setting that decides it and its value now. Written from the definition itself, so
 * `huizong programmes <id>`, the pane and docs/rules.md say what the check does and cannot drift.
 */
import { FIELDS } from "./fields";
import { fieldDefIn, type FieldSpec, type Programme, type RowRule, type SetRule } from "./programme";
import { PROVINCE_NAMES } from "./regions";
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

const label = (field: string): string => `“${FIELDS[field]?.zh ?? field}”`;
const labels = (fields: readonly string[]): string => fields.map(label).join("、");

function specOf(p: Programme, field: string): FieldSpec | undefined {
  return p.fields.find((f) => f.field === field);
}

function rowRuleTexts(p: Programme, r: RowRule): RuleText[] {
  const one = (zh: string, settings: string[] = []): RuleText[] => [{ zh, clause: "clause" in r ? r.clause : "", settings }];
  switch (r.type) {
    case "identity": {
      const out: RuleText[] = [];
      const province = PROVINCE_NAMES[p.province];
      const valid = "的统一社会信用代码须格式正确、校验位正确";
      let where: string;
      switch (r.province) {
        case "required":
          where = `须在${province}内登记注册（按统一社会信用代码的登记机关区划），省外登记的为错误`;
          break;
        case "warn":
          where = `${valid}；在${province}外登记的为警告`;
          break;
        case "none":
          where = valid;
          break;
        default: {
          const _exhaustive: never = r.province;
          return _exhaustive;
        }
      }
      out.push({ zh: `${r.party.role}${where}${r.otherCity ? "；登记在本省其他市的为警告" : ""}`, clause: r.clause, settings: [] });
      const severity = (r.legalPersonSeverity ?? "error") === "error" ? "错误" : "警告";
      if (r.legalPerson) out.push({ zh: `${r.party.role}须为独立法人：名称为分公司、分厂、办事处或代码为个体工商户（92开头）的为${severity}`, clause: r.legalPersonClause, settings: [] });
      return out;
    }
    case "min-age":
      return one(`${label(r.field)}到基准日不少于${r.years}年`, ["asOf"]);
    case "built":
      return one(`${label(r.field)}须为${r.ok.join("、")}${r.warn.length ? `；${r.warn.join("、")}为警告` : ""}；其余为错误`);
    case "not-recognised":
      return one(`${label(r.field)}为“是”的不得重复申报，除非${label(r.upgradeField)}为“是”`);
    case "investment-min":
      return one(`投入（${label(r.total)}${r.parts.length ? `，或${labels(r.parts)}等分项` : ""}）不低于${r.min}万元`);
    case "certificate":
      return one(`须通过${r.name}（${label(r.status)}）；证书有效期（${label(r.validUntil)}）须在${r.after}之后；已通过但证书尚未下发的须有佐证材料（警告）`);
    case "capability": {
      const m = specOf(p, r.manufacturing.field);
      const b = specOf(p, r.benchmark.field);
      return one(
        `${label(r.basic.field)}${r.basic.required}个方面全部满足；${label(r.manufacturing.field)}的方向都要涉及；${label(r.benchmark.field)}至少涉及${r.benchmark.atLeast}个方向`,
        [m?.allowedFromSetting, b?.allowedFromSetting].filter((s): s is string => s !== undefined),
      );
    }
    case "star-ladder":
      return one(`逐级申报：${r.levels.slice(1).map((l, i) => `申报${l}须已获评${r.levels[i]}`).join("，")}；已获评星级的不得申报同一及以下星级（${label(r.applied)}、${label(r.held)}）`);
    case "cloud-window":
      return one(`上云时间在${r.from}至${r.to}之间，各项云服务连续使用不少于${r.minMonths}个月，且申报时仍在使用（${labels([r.start, r.end, r.inUse])}）`);
    case "restricted": {
      const out: RuleText[] = r.conditions.map((c) => ({ zh: `${label(c.field)}为“${c.barsWhen ? "是" : "否"}”（${c.zh}）的，不得申报`, clause: c.clause, settings: [] }));
      if (r.textField) out.push({ zh: `${label(r.textField)}写明存在限制性情形的，不得申报（“无”“无限制性条件”“以上情形均不存在”等否定的写法视为无）`, clause: r.textClause ?? "", settings: [] });
      if (r.accidentGrades) {
        const g = r.accidentGrades;
        out.push({ zh: `只限${g.barred.join("、")}等级的事故：写明为${g.lesser.join("、")}事故或未写明等级的，为警告，请人工核实事故等级`, clause: g.clause, settings: [] });
      }
      out.push({ zh: "上述是否类问题的回答无法判断为“是”或“否”的，为错误（须填写后方可推荐）", clause: r.conditions[0]?.clause ?? r.textClause ?? "", settings: [] });
      return out;
    }
    case "excluded-by-list":
      return one(
        `${r.party.role}在${r.list}中的，不得申报（${r.field ? `按${label(r.field)}列` : ""}${r.listSetting ? `${r.field ? "，" : ""}或按设置中的名单` : ""}${r.field || r.listSetting ? "，" : ""}或按参考名单）`,
        r.listSetting ? [r.listSetting] : [],
      );
    case "prior-funding":
      return one(`项目前期获得过省级财政资金支持的（${label(r.field)}为“是”），不得申报`);
    case "letter":
      return one(
        `子公司（${label(r.ownership)}写明${r.subsidiary.join("、")}${r.subsidiaryField ? `，或${label(r.subsidiaryField)}为“是”` : ""}）须有省级公司推荐函（${label(r.letter)}）：${r.stateOwnership.join("、")}的子公司缺函为错误，其他为警告`,
      );
    case "consortium":
      return one(`联合体：${r.lead.role}须在${PROVINCE_NAMES[r.leadProvince] ?? r.leadProvince}内登记；${r.lead.role}与${r.site.role}不能为同一单位；成员原则上不超过${r.maxMembers}家`);
    case "task-listed":
      return one(`${label(r.field)}须在任务榜单内（设了榜单或提供了参考名单时核对）`, r.listSetting ? [r.listSetting] : []);
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}

function setRuleText(r: SetRule): RuleText {
  const one = (zh: string): RuleText => ({ zh, clause: r.clause, settings: [] });
  switch (r.type) {
    case "duplicates":
      return one(`同一${r.party.role}（同一统一社会信用代码）不得重复出现${r.unlessDiffers ? `（${label(r.unlessDiffers)}不同的由“一个方向”规则判断）` : ""}；名称相同、代码不同的为警告`);
    case "one-direction":
      return one(`每个${r.party.role}只能申报一个方向（${label(r.field)}）`);
    case "cap":
      return one(`每个${r.party.role}参与的项目不超过${r.max}个`);
    case "group-cap":
      return one(`同一${label(r.field)}内企业合计不超过${r.max}个`);
    case "ranks":
      return one(`${label(r.field)}按1、2、3…排列，不重号、不缺号（不占名额的行不需排序）`);
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}

/** Enumerations: what a column allows now (a user's list, else the definition's), with the setting that changes it. */
function fieldRules(p: Programme, values: Record<string, unknown>): RuleText[] {
  const out: RuleText[] = [];
  for (const f of p.fields) {
    if (!f.allowed?.length) continue;
    const own = f.allowedFromSetting ? (values[f.allowedFromSetting] as string[] | null | undefined) : null;
    const list = own?.length ? own : f.allowed;
    const kind = FIELDS[f.field]?.kind === "list" ? "可填" : "须为";
    const qualified = f.qualifiable && !own?.length ? "（可在类名后写明具体方向，如“特色型（面向重点行业）”）" : "";
    out.push({ zh: `${label(f.field)}${kind}${list.join("、")}之一${qualified}`, clause: "", settings: f.allowedFromSetting ? [f.allowedFromSetting] : [] });
  }
  const amounts = p.fields.filter((f) => fieldDefIn(p, f.field)?.kind === "amount").map((f) => f.field);
  if (amounts.length && p.settings.some((s) => s.id === "amountCeiling")) {
    out.push({
      zh: `${labels(amounts)}按表头或单元格写明的单位读作万元（表头未注明单位的按万元读）；达到${String(values.amountCeiling)}亿元的为警告，并给出按更小单位（如元）的读法`,
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
  for (const r of p.rowRules) rules.push(...rowRuleTexts(p, r));
  for (const r of p.setRules) rules.push(setRuleText(r));
  if (p.quota) {
    const q = values.quota as number | null | undefined;
    rules.push({
      zh: `${p.quota.label === "推荐名额" ? "推荐名额" : `${p.quota.label}名额`}：${q === null || q === undefined ? "未设置" : `不超过${q}个`}${p.quota.exemptOwnership.length ? `；${label(p.quota.ownershipField)}为${p.quota.exemptOwnership.join("、")}的不占名额` : ""}`,
      clause: p.quota.clause,
      settings: ["quota"],
    });
  }
  if (p.priority) {
    rules.push({
      zh: `优先认定：${label(p.priority.declaredField)}为集群或产业链名称（或别称）的，或参考名单中的企业，标记优先（提示）`,
      clause: p.priority.clause,
      settings: [p.priority.clusterSetting, p.priority.chainSetting],
    });
  }
  const required = p.fields.filter((f) => f.required).map((f) => FIELDS[f.field]?.zh ?? f.field);
  const optional = p.fields.filter((f) => !f.required).map((f) => FIELDS[f.field]?.zh ?? f.field);
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
