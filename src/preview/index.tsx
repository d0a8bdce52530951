/**
 * The preview page: the real task pane (App) against the in-memory preview host, loaded with a
 * bundled sample district list, and the sheet drawn beside it. No Office.js, nothing off-host.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SAMPLES, getSample } from "../samples";
import { pickLang, strings } from "../workbook/i18n";
import { PreviewHost } from "../workbook/preview-host";
import { Session } from "../workbook/session";
import { engine } from "../workbook/engine";
import { browserCheckWorker, withCheckWorker } from "../workbook/worker-engine";
import { detectUserStore } from "../workbook/user-store";
import { previewWorkbook, withHeaders } from "./workbook";
import { writers } from "../export/writers";
import { pageStore, Workbench } from "./Workbench";

const params = new URLSearchParams(window.location.search);
const sample = getSample(params.get("sample") ?? "") ?? SAMPLES[0];
// ?header.D=代码号: the sample headed as another district might head it.
const headers = Object.fromEntries([...params].filter(([k]) => k.startsWith("header.")).map(([k, v]) => [k.slice("header.".length), v]));
const lang = pickLang(params.get("lang") ?? navigator.language);
const s = strings(lang);
document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
// One storage area per sample: what Excel would keep in that sample's workbook.
const host = new PreviewHost(previewWorkbook(withHeaders(sample, headers)), { store: pageStore(`huizong-preview:${sample.id}:`) });
const session = new Session(host, withCheckWorker(engine, browserCheckWorker), lang, writers, detectUserStore());
// Tests and curious users reach the in-memory workbook from the console.
(window as unknown as { previewHost: PreviewHost }).previewHost = host;

const bar = (
  <>
    <strong>{s.previewTitle}</strong>
    <label>
      {s.previewSample}
      {s.colon}
      <select value={sample.id} onChange={(e) => (window.location.search = `?sample=${encodeURIComponent(e.target.value)}`)} data-testid="sample">
        {SAMPLES.map((x) => (
          <option key={x.id} value={x.id}>
            {x.fileName}
          </option>
        ))}
      </select>
    </label>
    <span className="note">{s.previewNote}</span>
  </>
);

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <Workbench host={host} session={session} lang={lang} bar={bar} />
  </FluentProvider>,
);
