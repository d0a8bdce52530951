/** 在某名单中的不得申报: a yes/no column, a list in the settings, or a reference list. */
import { z } from "zod";
import { normaliseCompanyName } from "../../names";
import { Clause, FieldId, Party, RuleSource } from "../../schema-atoms";
import { addFinding, shownOf, value, type CheckContext, type RowData } from "../context";
import { partyCode, partyName } from "../identity";
import { defineRowKind } from "../kind";
import { fieldRef, label, partyRefs, sentence, settingGiven, settingName } from "../words";

const schema = z.strictObject({
  type: z.literal("excluded-by-list"), source: RuleSource.optional(),
  party: Party,
  /** A yes/no column of the sheet saying the party is on the list. */
  field: FieldId.optional(),
  /** Name of the list this rule stands for ("前期155个省级重点平台"). */
  list: z.string(),
  listEn: z.string(),
  /** Setting (kind "units") holding the list's entries when the user has them. */
  listSetting: z.string().optional(),
  clause: Clause,
});
type R = z.output<typeof schema>;

/** The notice's own strength: 工赋百景 says 原则上不能再次申报, the 155 list 不得重复申报. */
function again(rule: R): string {
  return rule.clause.includes("原则上") ? "原则上不能再次申报" : "不得再次申报";
}

function checkExcludedByList(ctx: CheckContext, row: RowData, rule: R): void {
  if (rule.field && value<boolean>(row, rule.field) === true) {
    addFinding(ctx, {
      code: "excluded-by-list",
      severity: "error",
      row,
      field: rule.field,
      value: shownOf(ctx, row, rule.field),
      message: `表中注明${rule.party.role}属于${rule.list}，${again(rule)}`,
      messageEn: `The sheet says the ${rule.party.roleEn} is on ${rule.listEn}; it may not apply again`,
      clause: rule.clause,
    });
    return;
  }
  const lists = ctx.references.excluded ?? [];
  if (lists.length === 0) return;
  const code = partyCode(row, rule.party);
  const name = partyName(row, rule.party);
  const key = name ? normaliseCompanyName(name) : "";
  const byCode = code ? lists.find((e) => e.uscc && e.uscc === code) : undefined;
  const byName = byCode ? undefined : key ? lists.find((e) => normaliseCompanyName(e.name) === key) : undefined;
  const hit = byCode ?? byName;
  if (!hit) return;
  addFinding(ctx, {
    code: "excluded-by-list",
    severity: "error",
    row,
    field: byCode ? rule.party.uscc : rule.party.name,
    value: byCode ? code! : name!,
    message: `${rule.party.role}“${name ?? ""}”在参考名单“${hit.list}”中（按${byCode ? "统一社会信用代码" : "名称"}匹配），${again(rule)}`,
    messageEn: `The ${rule.party.roleEn} is on the reference list “${hit.list}” (matched by ${byCode ? "credit code" : "name"})`,
    hint: byCode ? undefined : "按名称匹配：请核对是否为同一单位",
    hintEn: byCode ? undefined : "Matched by name: check it is the same unit",
    clause: rule.clause,
  });
}

export const excludedByList = defineRowKind({
  place: "row",
  type: "excluded-by-list",
  schema,
  name: ["不得申报名单", "Excluded list"],
  codes: { "excluded-by-list": ["在不得申报的名单中", "On an exclusion list"] },
  refs: (r) => ({ fields: [...partyRefs("party", r.party), ...fieldRef("field", r.field)], settings: r.listSetting ? [[["listSetting"], r.listSetting, "units"]] : [] }),
  check: checkExcludedByList,
  describe: (r, p) =>
    sentence(
      r,
      `${r.party.role}在${r.list}中的，不得申报（${r.field ? `按${label(p, r.field)}列` : ""}${r.listSetting ? `${r.field ? "，" : ""}或按设置中的名单` : ""}${r.field || r.listSetting ? "，" : ""}或按参考名单）`,
      r.listSetting ? [r.listSetting] : [],
    ),
  unchecked: (r, input) => [
    {
      zh: `${r.party.role}是否属于${r.list}`,
      anyOf: r.field ? [r.field] : [],
      list: {
        how: r.listSetting ? `可在设置“${settingName(input.programme, r.listSetting)}”中填写，或提供参考名单` : "可提供参考名单",
        given: settingGiven(input.settings, r.listSetting) || input.references.excluded,
      },
    },
  ],
  summary: (r) => `${r.list}不得申报`,
  editable: [],
});
