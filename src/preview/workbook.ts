/** The preview's in-memory workbook: the sample list plus, for Jiangsu, a small priority list of the bureau's own. */
import type { Cell } from "../domain/cells";
import type { SampleSheet } from "../samples";
import type { PreviewInit } from "../workbook/preview-host";

const t = (value: string): Cell => ({ kind: "text", value });

/** Invented, like the samples: which enterprises the bureau lists in a cluster or a "531" chain. */
const JS_PRIORITY: Cell[][] = [
  [t("企业名称"), t("统一社会信用代码"), t("所属集群"), t("所属产业链")],
  [t("南京钧和新材料有限公司"), t("91320115MA7CUJMB6J"), t("前沿新材料"), t("")],
  [t("南京瀚海软件有限公司"), t("91320115MAE87H5J1E"), t("核心信息技术"), t("")],
  [t("南京中鼎自动化股份有限公司"), t("91320115MA2KCNQU86"), t(""), t("特高压设备")],
];

/** The sample's header row (index): the first with five or more cells filled. */
function headerIndex(sample: SampleSheet): number {
  return sample.rows.findIndex((r) => r.filter((c) => c && c.kind !== "empty").length >= 5);
}

/** Districts shade their header row; marks must leave that shading as it was. */
function headerFill(sample: SampleSheet): Record<string, string> {
  const i = headerIndex(sample);
  if (i < 0) return {};
  const width = sample.rows[i].length;
  const last = String.fromCharCode(64 + Math.min(width, 26));
  return { [`A${i + 1}:${last}${i + 1}`]: "#D9D9D9" };
}

/**
 * The sample with some header cells worded otherwise ({ D: "代码号" }): how another district
 * might head the same list. The preview takes them from the address (?header.D=代码号).
 */
export function withHeaders(sample: SampleSheet, headers: Record<string, string>): SampleSheet {
  const i = headerIndex(sample);
  const entries = Object.entries(headers).filter(([letter]) => /^[A-Z]$/.test(letter));
  if (i < 0 || entries.length === 0) return sample;
  const row = [...sample.rows[i]];
  for (const [letter, text] of entries) row[letter.charCodeAt(0) - 65] = t(text);
  return { ...sample, rows: sample.rows.map((r, j) => (j === i ? row : r)) };
}

export function previewWorkbook(sample: SampleSheet): PreviewInit {
  const sheets: PreviewInit["sheets"] = [
    { name: sample.sheetName, rows: sample.rows, merges: sample.merges, columnWidths: sample.columnWidths, fills: headerFill(sample) },
  ];
  if (sample.programmeId.startsWith("js-")) sheets.push({ name: "优先企业名单", rows: JS_PRIORITY, columnWidths: [30, 22, 14, 14] });
  return {
    sheets,
    active: sample.sheetName,
    selection: "A1",
    settings: { settings: { programmeId: sample.programmeId, city: sample.city, asOf: "", quota: null, referenceSheets: [], scope: "used" } },
  };
}
