/**
 * The page around the task pane outside Excel: a bar on top, the in-memory workbook drawn as Excel
 * draws it (sheet, name box, tabs) and the real task pane (App) beside it. The preview (sample lists)
 * and the standalone checker (网页版, the district's own file) are this one page with another bar.
 */
import * as React from "react";
import { App } from "../taskpane/App";
import { strings, type Lang } from "../workbook/i18n";
import type { PreviewHost, TextStore } from "../workbook/preview-host";
import type { Session } from "../workbook/session";
import { SheetView } from "./SheetView";

export function Workbench({ host, session, lang, bar }: { host: PreviewHost; session: Session; lang: Lang; bar: React.ReactNode }) {
  const s = strings(lang);
  const [, setTick] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setTick((t) => t + 1)), [host]);
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [active, setActive] = React.useState("");
  // After every change: an export or an opened file adds a sheet, and its tab must appear.
  React.useEffect(() => {
    host.listSheets().then((names) => setSheets((had) => (had.join("\u0000") === names.join("\u0000") ? had : names)));
  });
  const sel = host.selected();
  const narrow = useNarrow();
  React.useEffect(() => {
    host.activeSheet().then(setActive);
  });
  return (
    <div className="preview">
      <header className="bar">{bar}</header>
      <div className="split">
        <section className="book" aria-label={s.sheetTab}>
          <div className="namebox" data-testid="selection">
            {sel.sheet}!{sel.address}
          </div>
          {/* A window as narrow as a task pane shows the pane alone: drawing the sheet too would only be hidden. */}
          {active && !narrow && <SheetView host={host} sheet={active} />}
          <nav className="tabs" aria-label={s.sheetTab}>
            {sheets.map((name) => (
              <button key={name} type="button" className={name === active ? "tab on" : "tab"} aria-pressed={name === active} onClick={() => host.select(name, "A1")}>
                {name}
              </button>
            ))}
          </nav>
        </section>
        <aside className="pane" aria-label={s.appTitle}>
          <App session={session} lang={lang} />
        </aside>
      </div>
    </div>
  );
}

const NARROW = "(max-width: 600px)";

/** Whether the window is as narrow as a task pane (the page's stylesheet then hides the sheet). */
function useNarrow(): boolean {
  const [narrow, setNarrow] = React.useState(() => window.matchMedia(NARROW).matches);
  React.useEffect(() => {
    const q = window.matchMedia(NARROW);
    const on = () => setNarrow(q.matches);
    q.addEventListener("change", on);
    return () => q.removeEventListener("change", on);
  }, []);
  return narrow;
}

/**
 * What Excel keeps in the workbook file beyond a page load (the confirmed column mappings, imported
 * programmes): the browser's localStorage under `prefix`, where the browser allows it.
 */
export function pageStore(prefix: string): TextStore | undefined {
  let ls: Storage;
  try {
    ls = window.localStorage;
    ls.getItem("huizong.probe");
  } catch {
    return undefined;
  }
  return { getItem: (k) => ls.getItem(prefix + k), setItem: (k, v) => ls.setItem(prefix + k, v), removeItem: (k) => ls.removeItem(prefix + k) };
}
