/** 投入不低于N万元: the declared total, or its parts where no total is given. */
import { z } from "zod";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, fieldLabel, fieldLabelEn, hasColumn, shownOf, value, type CheckContext, type RowData } from "../context";
import { defineRowKind } from "../kind";
import { fieldRef, label, labels, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("investment-min"), source: RuleSource.optional(),
  total: FieldId,
  /**
   * Items the total covers, named as examples ("…等投入总计"): the total is judged; their sum only
   * where no total is given; a total below their sum is a warning.
   */
  parts: z.array(FieldId).default([]),
  /** 万元. */
  min: z.number().positive(),
  clause: Clause,
});
type R = z.output<typeof schema>;

function fmtWan(n: number): string {
  return `${Number(n.toFixed(4))}万元`;
}

/**
 * The declared total is judged ("…等投入总计": the named parts are examples, not the whole). The parts
 * decide only where no total is given, and the row says so; a total below the sum of its parts is a
 * warning. With parts named, the rule itself asks for a total or every part.
 */
function checkInvestment(ctx: CheckContext, row: RowData, rule: R): void {
  const total = value<number>(row, rule.total);
  const mappedParts = rule.parts.filter((p) => hasColumn(ctx, p));
  const given = mappedParts.filter((p) => value<number>(row, p) !== undefined);
  const sumOf = (parts: string[]) => parts.reduce((a, p) => a + (value<number>(row, p) ?? 0), 0);
  const partNames = (parts: string[]) => parts.map((f) => fieldLabel(ctx, f)).join("、");
  if (total !== undefined) {
    const sum = sumOf(given);
    if (given.length > 0 && total < sum - 0.005) {
      addFinding(ctx, {
        code: "investment-total-mismatch",
        severity: "warning",
        row,
        field: rule.total,
        value: shownOf(ctx, row, rule.total),
        message: `投入合计填${fmtWan(total)}，小于${partNames(given)}之和${fmtWan(sum)}：合计应不少于各分项之和，按合计${fmtWan(total)}核对`,
        messageEn: `The total says ${total} 万元, less than its parts (${Number(sum.toFixed(4))} 万元); the total is what is judged`,
        hint: "核对合计与各分项金额",
        hintEn: "Check the total against its parts",
        clause: rule.clause,
      });
    }
    if (total < rule.min - 1e-9) belowMinimum(ctx, row, rule, rule.total, total, "");
    return;
  }
  if (row.unreadable.has(rule.total) || mappedParts.length === 0 || given.length < mappedParts.length) return;
  const sum = sumOf(given);
  if (hasColumn(ctx, rule.total)) {
    addFinding(ctx, {
      code: "required-missing",
      severity: "info",
      row,
      field: rule.total,
      value: fmtWan(sum),
      message: `未填“${fieldLabel(ctx, rule.total)}”：按${partNames(given)}之和${fmtWan(sum)}核对（通知要求的是各项投入总计，所列分项只是其中几项）`,
      messageEn: `No total given: judged by the sum of the parts (${Number(sum.toFixed(4))} 万元); the notice asks for the total of all investment`,
      hint: `请补填“${fieldLabel(ctx, rule.total)}”`,
      hintEn: `Fill in ${fieldLabelEn(ctx, rule.total)}`,
      clause: rule.clause,
    });
  }
  if (sum < rule.min - 1e-9) belowMinimum(ctx, row, rule, given[0]!, sum, `（${partNames(given)}之和）`);
}

function belowMinimum(ctx: CheckContext, row: RowData, rule: R, field: string, amount: number, basis: string): void {
  addFinding(ctx, {
    code: "investment-below-minimum",
    severity: "error",
    row,
    field,
    value: fmtWan(amount),
    message: `投入${fmtWan(amount)}${basis}，低于要求的${fmtWan(rule.min)}`,
    messageEn: `Investment ${Number(amount.toFixed(4))} 万元 is below the required ${rule.min} 万元`,
    hint: "核对金额与单位（表头单位为万元时，单元格不应再按元填写）",
    hintEn: "Check the amount and its unit",
    clause: rule.clause,
  });
}

/** A list with no total column is judged by its parts: say so. */
function investmentColumns(ctx: CheckContext, rule: R): void {
  if (rule.parts.length === 0 || hasColumn(ctx, rule.total) || !rule.parts.every((p) => hasColumn(ctx, p))) return;
  ctx.notes.push(`表中没有“${fieldLabel(ctx, rule.total)}”列：按${rule.parts.map((f) => fieldLabel(ctx, f)).join("、")}之和核对投入是否达到${fmtWan(rule.min)}；通知要求的是各项投入总计，所列分项只是其中几项，和不足时请核对其他投入。`);
}

export const investmentMin = defineRowKind({
  place: "row",
  type: "investment-min",
  schema,
  name: ["投资额下限", "Minimum investment"],
  codes: {
    "investment-below-minimum": ["投入低于最低要求", "Investment below minimum"],
    "investment-total-mismatch": ["投入合计与分项之和不符", "Investment total differs from its parts"],
  },
  refs: (r) => ({ fields: [...fieldRef("total", r.total), ...r.parts.map((id, i): [(string | number)[], string] => [["parts", i], id])], settings: [] }),
  check: checkInvestment,
  columnNotes: investmentColumns,
  describe: (r, p) => sentence(r, `投入（${label(p, r.total)}${r.parts.length ? `，或${labels(p, r.parts)}等分项` : ""}）不低于${r.min}万元`),
  unchecked: (r) => [{ zh: `投入不低于${r.min}万元`, anyOf: [r.total, ...r.parts] }],
  summary: (r) => `投入不低于${r.min}万元${(r.parts ?? []).length ? `（合计，含${(r.parts ?? []).length}项构成）` : ""}`,
  editable: [{ path: ["min"], kind: "amount", zh: "投入不低于（万元）", en: "Investment at least (10,000 yuan)" }],
});
