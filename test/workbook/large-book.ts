/** A district list of N applicants, built from the js-2023-platform sample's rows (titles, header, messy values). */
import type { Cell } from "../../src/domain/cells";
import { organisationCodeCheckChar, usccCheckChar } from "../../src/domain/uscc";
import { jsPlatform } from "../../src/samples";
import type { PreviewInit } from "../../src/workbook/preview-host";

/** A valid code of Nanjing's 江宁 registry, distinct for every n. */
function distinctUscc(n: number): string {
  const body = `MA${String(n).padStart(6, "0")}`;
  const first17 = `91320115${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export function largeBook(n: number): PreviewInit {
  const rows = jsPlatform.rows;
  const header = rows.slice(0, 3);
  const data = rows.slice(3).filter((r) => typeof r[0]?.value === "number" || r[0]?.formula);
  const out: Cell[][] = [...header];
  for (let i = 0; i < n; i++) {
    const src = data[i % data.length];
    const row = src.map((c) => ({ ...c }));
    row[0] = { kind: "number", value: i + 1, numberFormat: "General" };
    // Distinct enterprises, so the list is big rather than one list repeated; the sample's own
    // messy code cells (numbers, wrong checksums) are kept where the source row has them.
    if (row[2]?.kind === "text") row[2] = { ...row[2], value: `${String(row[2].value).replace(/有限.*$/, "")}${i}号有限公司` };
    if (row[3]?.kind === "text" && i >= data.length) row[3] = { kind: "text", value: distinctUscc(i), numberFormat: "@" };
    out.push(row);
  }
  return { sheets: [{ name: jsPlatform.sheetName, rows: out, merges: ["A1:P1", "A2:P2"] }], active: jsPlatform.sheetName };
}
