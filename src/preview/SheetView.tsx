/** The preview host's sheet drawn as Excel draws it: column letters, row numbers, fills, merged title, selection. */
import * as React from "react";
import { columnLetter, type Cell } from "../domain/cells";
import { excelSerialToDate, formatPartialDate } from "../domain/readers";
import { parseAddress } from "../workbook/marks";
import type { PreviewHost } from "../workbook/preview-host";

/** Roughly what Excel shows in the cell: dates as dates, numbers plainly, formulas by their result. */
export function displayText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return "";
  if (cell.kind === "date" && typeof cell.value === "number") {
    const d = excelSerialToDate(cell.value);
    if (!d) return "#".repeat(8); // Excel's display for a date out of its range
    if (cell.numberFormat && cell.numberFormat.includes("年")) return `${d.year}年${d.month}月${d.day}日`;
    return formatPartialDate(d);
  }
  if (cell.kind === "number" && typeof cell.value === "number") {
    const abs = Math.abs(cell.value);
    // Excel's General format switches to scientific notation past 11 digits.
    if (abs >= 1e11 && (cell.numberFormat ?? "General") === "General") return cell.value.toExponential(5).replace("e+", "E+");
    return String(cell.value);
  }
  if (cell.kind === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/** What the preview draws at most; the sheet itself may be larger. */
const MAX_ROWS = 2000;
const MAX_COLUMNS = 100;

export function SheetView({ host, sheet }: { host: PreviewHost; sheet: string }) {
  const [, setTick] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setTick((t) => t + 1)), [host]);
  const view = host.view(sheet);
  const extent = host.extent(sheet);
  // Drawn like Excel's window onto the sheet: a stray cell at XFD1048576 is not drawn (nor a table of 17 billion cells).
  const rows = Math.min(MAX_ROWS, Math.max(extent.rows + 2, 30));
  const columns = Math.min(MAX_COLUMNS, Math.max(extent.columns + 1, 8));
  const cut = extent.rows > MAX_ROWS || extent.columns > MAX_COLUMNS;
  const sel = host.selected();
  const scroller = React.useRef<HTMLDivElement>(null);
  // Like Excel, bring the selection into view when a finding selects it.
  React.useEffect(() => {
    const a = sel.areas[0];
    if (!a || sel.sheet !== sheet) return;
    scroller.current?.querySelector(`td[data-address="${columnLetter(a.left)}${a.top}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [sel.address, sel.sheet, sheet]);
  const selected = (r: number, c: number) => sel.sheet === sheet && sel.areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);

  // Merged ranges: the top-left cell spans, the others are not drawn.
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const hidden = new Set<string>();
  for (const m of view.merges) {
    for (const a of parseAddress(m)) {
      spans.set(`${a.top},${a.left}`, { rowSpan: a.bottom - a.top + 1, colSpan: a.right - a.left + 1 });
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) hidden.add(`${r},${c}`);
    }
  }
  // Columns the sheet gives no width (the 校验结果 column) get room for their text, as Excel lets text run on.
  const fitted = new Map<number, number>();
  for (const [key, cell] of view.cells) {
    const c = Number(key.split(",")[1]);
    if (view.columnWidths[c - 1] !== undefined) continue;
    // A title merged across the columns has their room: it does not widen its first one.
    if ((spans.get(key)?.colSpan ?? 1) > 1) continue;
    fitted.set(c, Math.max(fitted.get(c) ?? 0, displayText(cell).length));
  }
  const width = (c: number) => {
    const w = view.columnWidths[c - 1];
    if (w !== undefined) return Math.min(200, Math.round(w * 5 + 8));
    return Math.min(320, Math.max(53, (fitted.get(c) ?? 0) * 12 + 10));
  };
  const cols = Array.from({ length: columns }, (_, i) => i + 1);
  const rowNums = Array.from({ length: rows }, (_, i) => i + 1);

  return (
    <div className="sheet-scroll" data-testid="sheet" data-sheet={sheet} ref={scroller}>
      <table className="sheet" aria-label={sheet} style={{ width: 40 + cols.reduce((w, c) => w + width(c), 0) }}>
        <colgroup>
          <col style={{ width: 40 }} />
          {cols.map((c) => (
            <col key={c} style={{ width: width(c) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="corner" />
            {cols.map((c) => (
              <th key={c} scope="col" className={sel.sheet === sheet && sel.areas.some((a) => c >= a.left && c <= a.right) ? "hdr on" : "hdr"}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowNums.map((r) => (
            <tr key={r}>
              <th scope="row" className={sel.sheet === sheet && sel.areas.some((a) => r >= a.top && r <= a.bottom) ? "hdr on" : "hdr"}>
                {r}
              </th>
              {cols.map((c) => {
                const key = `${r},${c}`;
                if (hidden.has(key)) return null;
                const cell = view.cells.get(key);
                const fill = view.fills.get(key);
                const note = view.notes.get(key);
                const span = spans.get(key);
                const address = `${columnLetter(c)}${r}`;
                const numeric = cell && (cell.kind === "number" || cell.kind === "date");
                return (
                  <td
                    key={c}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    data-address={address}
                    data-fill={fill ?? undefined}
                    className={[selected(r, c) ? "sel" : "", numeric ? "num" : "", span ? "merged" : "", cell?.kind === "error" ? "err" : "", note ? "note" : ""].join(" ").trim() || undefined}
                    style={fill ? { backgroundColor: fill } : undefined}
                    title={[cell?.formula ? `${address}: ${cell.formula}` : "", note ?? ""].filter(Boolean).join("\n") || undefined}
                  >
                    {displayText(cell)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {cut && (
        <p className="sheet-cut" data-testid="sheet-cut">
          预览只画出前 {MAX_ROWS} 行、{MAX_COLUMNS} 列；工作表已用到第 {extent.rows} 行、第 {columnLetter(extent.columns)} 列。/ The preview draws the first {MAX_ROWS} rows and {MAX_COLUMNS} columns; the sheet is used to row {extent.rows}, column {columnLetter(extent.columns)}.
        </p>
      )}
    </div>
  );
}
