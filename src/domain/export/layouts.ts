/**
 * The summary-table layouts (汇总表格式) of a programme. They are data in the programme's file
 * (`layouts`, first one the default; docs/export-layouts.md describes the built-ins'), so a
 * programme imported, copied or drafted from next year's notice exports as a built-in does. A
 * programme whose file gives none exports to a form built from its own fields, said in the basis.
 */
import type { Programme } from "../programme";
import { fieldDefIn } from "../fields";
import { Layout, type CellFormat, type LayoutColumn, type ProgrammeLayout } from "./layout";
import type { FieldKind } from "../fields";

function asLayout(programme: Programme, l: ProgrammeLayout): Layout {
  const { form, ...rest } = l;
  return { id: `${programme.id}/${form}`, programme: programme.id, ...rest };
}

/** The layouts a programme can export to (the pane's menu; the CLI's --layout), its default first. */
export function layoutsOf(programme: Programme): Layout[] {
  return programme.layouts.length ? programme.layouts.map((l) => asLayout(programme, l)) : [genericLayout(programme)];
}

/** A layout of the programme by id ("sd-2023-platform/附件3") or form ("附件3"). */
export function findLayoutIn(programme: Programme, idOrForm: string): Layout | undefined {
  const all = layoutsOf(programme);
  return all.find((l) => l.id === idOrForm) ?? all.find((l) => l.id === `${programme.id}/${idOrForm}`);
}

const FORMAT_OF: Partial<Record<FieldKind, CellFormat>> = { uscc: "uscc", date: "date", dateOrOngoing: "date", amount: "amount", phone: "phone", integer: "integer" };
/** Fields placed by the frame of every form (序号 first; 联系人, 电话 and 备注 last), not among the programme's own. */
const FRAME = new Set(["seq", "contact", "phone", "remarks"]);

/** Columns with a header of their own (two fields of one name would make the form ambiguous). */
function unique(columns: readonly (LayoutColumn | null)[]): LayoutColumn[] {
  const seen = new Set(["序号", "备注"]);
  return columns.filter((c): c is LayoutColumn => c !== null && !seen.has(c.header) && (seen.add(c.header), true));
}

/**
 * The form of a programme that states none: 序号, then every field the programme lists in its order
 * (the optional ones only where the list has them), then 联系人, 联系电话, 备注; ranked where the
 * programme ranks, exempt rows marked where its quota exempts.
 */
export function genericLayout(programme: Programme): Layout {
  const column = (id: string, optional: boolean): LayoutColumn | null => {
    const def = fieldDefIn(programme, id);
    if (!def) return null;
    const wide = def.kind === "name" || def.kind === "text" || def.kind === "list";
    return {
      header: def.zh,
      headerEn: def.en,
      source: id === "rank" ? { kind: "rank", fields: [id] } : { kind: "field", fields: [id], format: FORMAT_OF[def.kind] ?? "text" },
      minWidth: def.kind === "uscc" ? 21 : wide ? 14 : 8,
      maxWidth: def.kind === "uscc" ? 21 : wide ? 30 : 14,
      ...(optional ? { optional: true } : {}),
    };
  };
  const listed = new Set(programme.fields.map((f) => f.field));
  const own = programme.fields.filter((f) => !FRAME.has(f.field)).map((f) => column(f.field, !f.required));
  const frame = (["contact", "phone"] as const).filter((id) => listed.has(id)).map((id) => column(id, true));
  const remarks: LayoutColumn = { header: "备注", headerEn: "Remarks", source: { kind: "remarks", fields: ["remarks"] }, minWidth: 16, maxWidth: 30 };
  const exempt = programme.quota && programme.quota.exemptOwnership.length ? { mark: "不占名额" } : null;
  const ranked = programme.setRules.some((r) => r.type === "ranks");
  const title = `${programme.title}推荐汇总表`;
  return Layout.parse({
    id: `${programme.id}/汇总表`,
    programme: programme.id,
    attachment: null,
    name: "推荐汇总表",
    nameEn: "Recommended list",
    title,
    titleEn: `${programme.titleEn}: recommended list`,
    basis: `项目定义未给出汇总表格式：按本项目的字段生成（${programme.notice.title}）`,
    columns: [{ header: "序号", headerEn: "No.", source: { kind: "seq" }, minWidth: 6, maxWidth: 6 }, ...unique([...own, ...frame]), remarks],
    order: ranked ? "rank" : "list",
    exempt,
    sections: null,
    notes: exempt ? [`本市推荐{total}个，其中占名额{counted}个、不占名额{exempt}个（${programme.quota!.exemptOwnership.join("、")}）。`] : [],
  });
}
