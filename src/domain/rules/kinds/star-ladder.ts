/** 逐级申报: a star level is applied for one above the one held. */
import { z } from "zod";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, fieldLabel, hasColumn, value, type CheckContext, type RowData } from "../context";
import { defineRowKind } from "../kind";
import { fieldRef, label, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("star-ladder"), source: RuleSource.optional(),
  applied: FieldId,
  held: FieldId,
  /** Allowed star values in ascending order, and the value meaning "none held". */
  levels: z.array(z.string()).min(2),
  none: z.string(),
  clause: Clause,
});
type R = z.output<typeof schema>;

function checkStarLadder(ctx: CheckContext, row: RowData, rule: R): void {
  const applied = value<string>(row, rule.applied);
  if (!applied) return;
  if (!hasColumn(ctx, rule.held)) {
    // Unknown is not failed: the rows that need a held star are told it was not checked.
    const a = rule.levels.indexOf(applied);
    if (a > 0) {
      addFinding(ctx, {
        code: "star-ladder",
        severity: "info",
        row,
        field: rule.applied,
        value: applied,
        message: `申报${applied}须已评定为${rule.levels[a - 1]}：表中没有“${fieldLabel(ctx, rule.held)}”列，未核对，请人工确认`,
        messageEn: `Applying for ${applied} requires an existing ${rule.levels[a - 1]} rating; the sheet has no column for it, so it was not checked`,
        hint: `加一列“${fieldLabel(ctx, rule.held)}”后重新检查`,
        hintEn: `Add a column headed ${fieldLabel(ctx, rule.held)} and check again`,
        clause: rule.clause,
      });
    }
    return;
  }
  if (row.unreadable.has(rule.held)) return;
  const a = rule.levels.indexOf(applied);
  const heldValue = value<string>(row, rule.held);
  if (heldValue === undefined) {
    // A blank cell states nothing: not "尚未获评" (Corrections, third reading, 三(四)1) — a person confirms.
    if (a > 0) {
      addFinding(ctx, {
        code: "star-ladder",
        severity: "warning",
        row,
        field: rule.held,
        value: applied,
        message: `申报${applied}须已评定为${rule.levels[a - 1]}：“${fieldLabel(ctx, rule.held)}”未填写，请确认该企业已获评的星级`,
        messageEn: `Applying for ${applied} requires an existing ${rule.levels[a - 1]} rating; the held rating is blank — confirm it`,
        hint: `填写已获评星级（未获评的填“${rule.none}”）`,
        hintEn: `Fill in the rating held (${rule.none} if none)`,
        clause: rule.clause,
      });
    }
    return;
  }
  const h = heldValue && heldValue !== rule.none ? rule.levels.indexOf(heldValue) : -1;
  if (a < 0) return;
  const heldShown = h >= 0 ? rule.levels[h]! : "未获评星级";
  const base = { code: "star-ladder" as const, severity: "error" as const, row, field: rule.applied, value: applied, clause: rule.clause };
  if (h >= a) {
    addFinding(ctx, {
      ...base,
      message: `申报${applied}，但已获评${heldShown}：已获评星级的不须重复申报同一及以下星级`,
      messageEn: `Applies for ${applied} but already holds ${heldShown}: the same or a lower level may not be applied for again`,
      hint: h + 1 < rule.levels.length ? `可申报${rule.levels[h + 1]}` : "已是最高星级，无须申报",
      hintEn: "Apply for the next level, if any",
    });
    return;
  }
  if (a > 0 && h !== a - 1) {
    addFinding(ctx, {
      ...base,
      message: `申报${applied}须已评定为${rule.levels[a - 1]}，该企业${h >= 0 ? `已获评${heldShown}` : "尚未获评星级"}${hasColumn(ctx, rule.held) ? "" : `（表中没有“${fieldLabel(ctx, rule.held)}”列）`}`,
      messageEn: `Applying for ${applied} requires an existing ${rule.levels[a - 1]} rating; the enterprise holds ${h >= 0 ? heldShown : "none"}`,
      hint: `应逐级申报：先申报${rule.levels[h + 1] ?? rule.levels[0]}`,
      hintEn: "Apply one level at a time",
    });
  }
}

export const starLadder = defineRowKind({
  place: "row",
  type: "star-ladder",
  schema,
  name: ["星级", "Star levels"],
  codes: { "star-ladder": ["申报星级不符合逐级要求", "Star level skips the ladder"] },
  refs: (r) => ({ fields: [...fieldRef("applied", r.applied), ...fieldRef("held", r.held)], settings: [] }),
  check: checkStarLadder,
  describe: (r, p) => sentence(r, `逐级申报：${r.levels.slice(1).map((l, i) => `申报${l}须已获评${r.levels[i]}`).join("，")}；已获评星级的不得申报同一及以下星级（${label(p, r.applied)}、${label(p, r.held)}）`),
  unchecked: (r) => [{ zh: "逐级申报（申报高一级星级须已获评下一级，已获评的不得重复申报）", anyOf: [r.held] }],
  summary: (r) => `星级逐级申报：${(r.levels ?? []).join("→")}`,
  editable: [{ path: ["levels"], kind: "lines", zh: "星级（由低到高，每行一个）", en: "Star levels (lowest first, one a line)" }],
});
