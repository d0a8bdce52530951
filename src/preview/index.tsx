/**
 * The preview page: the real task pane (App) against the in-memory preview host, loaded with a
 * bundled sample district list, and the sheet drawn beside it. No Office.js, nothing off-host.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { SAMPLES, getSample } from "../samples";
import { pickLang, strings, type Lang } from "../workbook/i18n";
import { PreviewHost, type TextStore } from "../workbook/preview-host";
import { Session } from "../workbook/session";
import { engine } from "../workbook/engine";
import { browserCheckWorker, withCheckWorker } from "../workbook/worker-engine";
import { detectUserStore } from "../workbook/user-store";
import { previewWorkbook, withHeaders } from "./workbook";
import { writers } from "../export/writers";
import { SheetView } from "./SheetView";

function Preview({ host, session, lang, sampleId }: { host: PreviewHost; session: Session; lang: Lang; sampleId: string }) {
  const s = strings(lang);
  const [, setTick] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setTick((t) => t + 1)), [host]);
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [active, setActive] = React.useState("");
  // After every change: an export adds a sheet, and its tab must appear.
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
      <header className="bar">
        <strong>{s.previewTitle}</strong>
        <label>
          {s.previewSample}{s.colon}
          <select value={sampleId} onChange={(e) => (window.location.search = `?sample=${encodeURIComponent(e.target.value)}`)} data-testid="sample">
            {SAMPLES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.fileName}
              </option>
            ))}
          </select>
        </label>
        <span className="note">{s.previewNote}</span>
      </header>
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

/** Whether the window is as narrow as a task pane (preview.html's stylesheet then hides the sheet). */
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
 * What Excel keeps in the workbook file beyond a page load (the confirmed column mappings): the
 * browser's localStorage, one area per sample, where the browser allows it.
 */
function previewStore(sampleId: string): TextStore | undefined {
  let ls: Storage;
  try {
    ls = window.localStorage;
    ls.getItem("huizong.probe");
  } catch {
    return undefined;
  }
  const prefix = `huizong-preview:${sampleId}:`;
  return { getItem: (k) => ls.getItem(prefix + k), setItem: (k, v) => ls.setItem(prefix + k, v), removeItem: (k) => ls.removeItem(prefix + k) };
}

const params = new URLSearchParams(window.location.search);
const sample = getSample(params.get("sample") ?? "") ?? SAMPLES[0];
// ?header.D=代码号: the sample headed as another district might head it.
const headers = Object.fromEntries([...params].filter(([k]) => k.startsWith("header.")).map(([k, v]) => [k.slice("header.".length), v]));
const lang = pickLang(params.get("lang") ?? navigator.language);
document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
const host = new PreviewHost(previewWorkbook(withHeaders(sample, headers)), { store: previewStore(sample.id) });
const session = new Session(host, withCheckWorker(engine, browserCheckWorker), lang, writers, detectUserStore());
// Tests and curious users reach the in-memory workbook from the console.
(window as unknown as { previewHost: PreviewHost }).previewHost = host;

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <Preview host={host} session={session} lang={lang} sampleId={sample.id} />
  </FluentProvider>,
);
