/** A district list of N applicants, built from the js-2023-platform sample's rows (titles, header, messy values). */
import type { Cell } from "../../src/domain/cells";
import { jsPlatform } from "../../src/samples";
import type { PreviewInit } from "../../src/workbook/preview-host";

export function largeBook(n: number): PreviewInit {
  const rows = jsPlatform.rows;
  const header = rows.slice(0, 3);
  const data = rows.slice(3).filter((r) => typeof r[0]?.value === "number" || r[0]?.formula);
  const out: Cell[][] = [...header];
  for (let i = 0; i < n; i++) {
    const src = data[i % data.length];
    const row = src.map((c) => ({ ...c }));
    row[0] = { kind: "number", value: i + 1, numberFormat: "General" };
    // Distinct enterprises, so the list is big rather than one list repeated.
    if (row[2]?.kind === "text") row[2] = { ...row[2], value: `${String(row[2].value).replace(/有限.*$/, "")}${i}号有限公司` };
    out.push(row);
  }
  return { sheets: [{ name: jsPlatform.sheetName, rows: out, merges: ["A1:P1", "A2:P2"] }], active: jsPlatform.sheetName };
}
