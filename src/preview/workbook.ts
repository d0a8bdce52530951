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

/** Districts shade their header row; marks must leave that shading as it was. */
function headerFill(sample: SampleSheet): Record<string, string> {
  const i = sample.rows.findIndex((r) => r.filter((c) => c && c.kind !== "empty").length >= 5);
  if (i < 0) return {};
  const width = sample.rows[i].length;
  const last = String.fromCharCode(64 + Math.min(width, 26));
  return { [`A${i + 1}:${last}${i + 1}`]: "#D9D9D9" };
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
