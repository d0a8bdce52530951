/**
 * 推荐汇总助手 网页版: the standalone checker for bureaus without Excel (WPS, or where Microsoft's
 * office.js cannot load). The same task pane (App), session and domain as the add-in, against an
 * in-memory workbook that starts empty: 打开名单文件 lands the district's file as a sheet, the check
 * marks it, the summary and a marked copy download. Loads nothing from outside the page.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LIST_FILES_TEXT, LIST_FILES_TEXT_EN } from "../app/files";
import { pickLang, strings } from "../workbook/i18n";
import { PreviewHost } from "../workbook/preview-host";
import { Session } from "../workbook/session";
import { engine } from "../workbook/engine";
import { browserCheckWorker, withCheckWorker } from "../workbook/worker-engine";
import { detectUserStore } from "../workbook/user-store";
import { writers } from "../export/writers";
import { pageStore, Workbench } from "./Workbench";

const params = new URLSearchParams(window.location.search);
const lang = pickLang(params.get("lang") ?? navigator.language);
const s = strings(lang);
document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
document.title = s.checkerTitle;

// A new, empty workbook, as Excel or WPS opens one; the summary goes to a download (no sheet of a
// workbook that vanishes with the page).
const host = new PreviewHost(
  { sheets: [{ name: "Sheet1", rows: [] }], capabilities: { host: "网页版", insertSheets: false } },
  { store: pageStore("huizong-checker:") },
);
const session = new Session(host, withCheckWorker(engine, browserCheckWorker), lang, writers, detectUserStore());
(window as unknown as { previewHost: PreviewHost }).previewHost = host;

const bar = (
  <>
    <h1 className="title">{s.checkerTitle}</h1>
    <span className="note" data-testid="checker-intro">
      {s.checkerIntro(lang === "en" ? LIST_FILES_TEXT_EN : LIST_FILES_TEXT)}
    </span>
    <span className="note" data-testid="checker-limits">
      {s.checkerLimits}
    </span>
  </>
);

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <Workbench host={host} session={session} lang={lang} bar={bar} />
  </FluentProvider>,
);
