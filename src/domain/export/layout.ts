/**
 * The shape of a summary-table layout (汇总表格式), as a zod schema: layouts are data, reviewed by a
 * person, one or more per programme, in the programme's file (layouts.ts reads them). A layout says what the province's form looks
 * like — title, the 推荐单位/联系人/填报日期 line, columns and where each column's value comes from,
 * sections, row order, which rows do not take a quota slot — never how to draw it (src/export/).
 */
import { z } from "zod";

/** How a field's cell is turned into what the form shows. */
export const CellFormat = z.enum([
  /** Cleaned text (full-width folded, stray spaces removed); written as text. */
  "text",
  /** 统一社会信用代码: compacted, upper case; always written as text so no digit is lost. */
  "uscc",
  /** A date, kept at the precision given: "2018-05-16" or "2016-03"; written as text. */
  "date",
  /** An amount in 万元 (the header's unit converted); written as a number. */
  "amount",
  /** Phone numbers as typed (cleaned); written as text. */
  "phone",
  /** A whole number (推荐排序); written as a number. */
  "integer",
]);
export type CellFormat = z.infer<typeof CellFormat>;

/** Where a column's value comes from. */
export const ColumnSource = z.discriminatedUnion("kind", [
  /** 序号, renumbered from 1 (per section when the layout numbers per section). */
  z.object({ kind: z.literal("seq") }),
  /**
   * The first of `fields` the report mapped to a column of the list. Several ids are allowed so that
   * one layout serves lists that carry, say, `investment` or only `investmentTotal`.
   */
  z.object({ kind: z.literal("field"), fields: z.array(z.string().min(1)).min(1), format: CellFormat }),
  /** 备注: the list's own remarks (when kept) followed by our marks: priority, 不占名额, included with errors. */
  z.object({ kind: z.literal("remarks"), fields: z.array(z.string().min(1)).min(1) }),
  /** 推荐排序 of a row that takes a slot (blank for exempt rows). */
  z.object({ kind: z.literal("rank"), fields: z.array(z.string().min(1)).min(1) }),
  /** 是否占用推荐名额: 是 / 否. */
  z.object({ kind: z.literal("takesSlot") }),
  /** Several text fields in one cell (a form's 联系人及电话 column): the non-empty ones joined by a space. */
  z.object({ kind: z.literal("joined"), fields: z.array(z.string().min(1)).min(2) }),
]);
export type ColumnSource = z.infer<typeof ColumnSource>;

export const LayoutColumn = z.object({
  header: z.string().min(1),
  headerEn: z.string().min(1),
  source: ColumnSource,
  /** Smallest width in Excel character units; the writer widens to fit the text, up to `maxWidth`. */
  minWidth: z.number().positive(),
  maxWidth: z.number().positive(),
  /** Left out of the form when the list has no column for it (所在县 on a county-level unit's list), instead of printing an empty column. */
  optional: z.boolean().optional(),
});
export type LayoutColumn = z.infer<typeof LayoutColumn>;

/** A section of the table (一、三星级、四星级上云企业 …): the rows whose `field` matches. */
export const LayoutSection = z.object({
  id: z.string().min(1),
  /** Printed as a full-width row above the section's rows. */
  label: z.string().min(1),
  labelEn: z.string().min(1),
  /** A row belongs here when its field's cleaned text contains one of these (first section wins). */
  contains: z.array(z.string().min(1)).min(1),
});
export type LayoutSection = z.infer<typeof LayoutSection>;

/** What a layout states, besides which programme it belongs to and its id. */
const layoutShape = {
  /** The notice's attachment number for this form, printed top left ("附件7"); null where the notice gives none (666工程). */
  attachment: z.string().min(1).nullable(),
  /** Short name for menus and the sheet name: "推荐项目汇总表". */
  name: z.string().min(1).max(20),
  nameEn: z.string().min(1),
  /** Title as printed, with the year and the programme. */
  title: z.string().min(1),
  titleEn: z.string().min(1),
  /** The notice wording this layout was built from, for the reviewer (not printed). */
  basis: z.string().min(1),
  columns: z.array(LayoutColumn).min(3),
  /** Rank order where the programme ranks; rows without a rank keep list order after the ranked ones. */
  order: z.enum(["rank", "list"]),
  /** Rows the check found exempt from the quota (report.quotas[].exemptRows) are placed after the others and marked. */
  exempt: z
    .object({
      /** The 备注 mark: "不占名额". */
      mark: z.string().min(1),
    })
    .nullable(),
  sections: z
    .object({
      fields: z.array(z.string().min(1)).min(1),
      list: z.array(LayoutSection).min(2),
      /** Label for rows matching no section (they are never dropped). */
      unmatchedLabel: z.string().min(1),
      numbering: z.enum(["per-section", "continuous"]),
    })
    .nullable(),
  /** Lines printed under the table before the signature line (说明). `{counted}`, `{exempt}`, `{total}` are filled in. */
  notes: z.array(z.string().min(1)),
};

type LayoutBody = z.infer<z.ZodObject<typeof layoutShape>>;

function refineLayout(label: string, layout: LayoutBody, ctx: z.RefinementCtx): void {
  const add = (path: (string | number)[], zh: string, en: string) => ctx.addIssue({ code: "custom", path, message: `${label}: ${en}`, params: { zh: `汇总表格式 ${label}：${zh}`, en: `layout ${label}: ${en}` } });
  const kinds = layout.columns.map((c) => c.source.kind);
  if (kinds[0] !== "seq") add(["columns", 0], "第一列须为序号（seq）", "the first column must be 序号 (seq)");
  if (kinds.filter((k) => k === "seq").length !== 1) add(["columns"], "须有且只有一个序号列", "exactly one 序号 column");
  if (kinds.filter((k) => k === "remarks").length !== 1) add(["columns"], "须有且只有一个备注列", "exactly one 备注 column");
  const headers = new Set<string>();
  layout.columns.forEach((c, i) => {
    if (headers.has(c.header)) add(["columns", i], `表头 ${c.header} 重复`, `header ${c.header} repeated`);
    headers.add(c.header);
    if (c.minWidth > c.maxWidth) add(["columns", i], `${c.header} 的 minWidth 大于 maxWidth`, `${c.header} minWidth > maxWidth`);
  });
  if (kinds.includes("takesSlot") && !layout.exempt) add(["exempt"], "有“是否占用名额”列，须给出 exempt", "是否占用名额 needs an exempt rule");
}

/** A layout as a programme file holds it: `form` names it within the programme ("附件3", "汇总表"). */
export const ProgrammeLayout = z
  .strictObject({ form: z.string().regex(/^[^\s/]+$/), ...layoutShape })
  .superRefine((layout, ctx) => refineLayout(layout.form, layout, ctx));
export type ProgrammeLayout = z.infer<typeof ProgrammeLayout>;

/** A layout as export uses it: with its programme and its id "<programme>/<form>". */
export const Layout = z
  .object({
    /** Stable id: "<programme>/<form>", e.g. "sd-2023-platform/附件3". */
    id: z.string().regex(/^[a-z0-9-]+\/[^\s/]+$/),
    programme: z.string().min(1),
    ...layoutShape,
  })
  .superRefine((layout, ctx) => refineLayout(layout.id, layout, ctx));
export type Layout = z.infer<typeof Layout>;
