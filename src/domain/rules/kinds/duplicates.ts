/** 同一单位不得重复报送: the same code on several rows (error), near-identical names with different codes (warning). */
import { z } from "zod";
import { Clause, FieldId, Party, RuleSource } from "../../schema-atoms";
import { addFinding, column, placeList, ROWS_NAMED_IN_MESSAGE, rowList, rowListEn, type CheckContext, type RowData } from "../context";
import { differKey, groupBy, looseNameKey, partyCode, partyName } from "../identity";
import { defineSetKind, type SetInput } from "../kind";
import { label, partyRefs, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("duplicates"), source: RuleSource.optional(),
  party: Party,
  /** Rows that differ in this field are left to another rule (one direction per applicant). */
  unlessDiffers: FieldId.optional(),
  clause: Clause,
});
type R = z.output<typeof schema>;

/** Two codes or names the same, in different rows: errors for the same code, warnings for near names. */
function checkDuplicates(ctx: CheckContext, rows: readonly RowData[], rule: R): void {
  const { party } = rule;
  const nameCol = column(ctx, party.name);
  const byCode = groupBy(rows, (r) => partyCode(r, party));
  for (const [code, group] of byCode) {
    if (group.length < 2) continue;
    const subgroups = rule.unlessDiffers ? groupBy(group, (r) => differKey(ctx, r, rule.unlessDiffers!)) : new Map([["", group]]);
    for (const sub of subgroups.values()) {
      if (sub.length < 2) continue;
      for (const row of sub.slice(1)) {
        addFinding(ctx, {
          code: "duplicate-applicant",
          severity: "error",
          row,
          rows: sub,
          eachRowReported: true,
          field: party.uscc,
          value: code,
          message: placeList(sub)
            ? `${placeList(sub)}为同一单位：${party.role}“${partyName(row, party) ?? ""}”统一社会信用代码“${code}”重复出现（合并名单第${rowList(sub)}行）`
            : `${party.role}统一社会信用代码“${code}”在第${rowList(sub)}行重复出现（${partyName(row, party) ?? ""}）`,
          messageEn: `The ${party.roleEn}'s credit code “${code}” appears on rows ${rowListEn(sub)}`,
          hint: "同一单位只保留一行；确为不同项目的，请核实是否允许重复申报",
          hintEn: "Keep one row per applicant, unless the notice allows several projects",
          clause: rule.clause,
        });
      }
    }
  }
  // Same name apart from legal form or brackets, but not the same code: a person decides.
  const byName = groupBy(rows, (r) => looseNameKey(partyName(r, party)));
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const codes = new Set(group.map((r, i) => partyCode(r, party) ?? `unknown-${i}`));
    if (codes.size < 2) continue;
    const named = group.slice(0, ROWS_NAMED_IN_MESSAGE);
    const shown =
      named.map((r) => `${r.source ? placeList([r]) : `第${r.excelRow}行`}“${partyName(r, party) ?? ""}”${partyCode(r, party) ? `（${partyCode(r, party)}）` : "（代码无法识别）"}`).join("，") +
      (group.length > named.length ? `等共${group.length}行` : "");
    for (const row of group.slice(1)) addFinding(ctx, {
      code: "similar-applicant",
      severity: "warning",
      row,
      rows: group,
      eachRowReported: true,
      field: nameCol ? party.name : undefined,
      value: partyName(row, party) ?? "",
      message: `名称相同或相近但代码不同：${shown}；请核实是否为同一单位`,
      messageEn: `Same or near-identical names with different codes on rows ${rowListEn(group)}; check whether they are one applicant`,
      hint: "有限公司与有限责任公司是不同的法定名称：请以营业执照为准",
      hintEn: "有限公司 and 有限责任公司 are different legal names: go by the business licence",
      clause: rule.clause,
    });
  }
}

export const duplicates = defineSetKind({
  place: "set",
  type: "duplicates",
  over: "list",
  schema,
  name: ["重复申报", "Duplicates"],
  codes: {
    "duplicate-applicant": ["同一企业重复报送", "Same USCC on several rows"],
    "similar-applicant": ["名称相近、代码不同", "Similar names, different USCC"],
  },
  refs: (r) => ({ fields: [...partyRefs("party", r.party), ...(r.unlessDiffers ? ([[["unlessDiffers"], r.unlessDiffers]] as [(string | number)[], string][]) : [])], settings: [] }),
  check: (ctx, input: SetInput, r) => checkDuplicates(ctx, input.rows, r),
  describe: (r, p) => sentence(r, `同一${r.party.role}（同一统一社会信用代码）不得重复出现${r.unlessDiffers ? `（${label(p, r.unlessDiffers)}不同的由“一个方向”规则判断）` : ""}；名称相同、代码不同的为警告`),
  // It reads the party's own columns (required: header-missing says their absence).
  unchecked: () => [],
  summary: () => "同一申报单位不得重复出现",
  editable: [],
});
