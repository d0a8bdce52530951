/** The task pane inside Excel: wait for Office, wrap the workbook in the Office.js adapter, render the App. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { App } from "./App";
import { pickLang, strings } from "../workbook/i18n";
import { OfficeWorkbook } from "../workbook/office-adapter";
import { Session } from "../workbook/session";
import { engine } from "../workbook/engine";
import { browserCheckWorker, withCheckWorker } from "../workbook/worker-engine";
import { writers } from "../export/writers";
import { detectUserStore } from "../workbook/user-store";
import { showOutsideExcel } from "./outside";

/** How long office.js may take to say it is ready before the page says what to do instead. */
const OFFICE_READY_TIMEOUT_MS = 20_000;

/** Office's own theme: dark when the Office body background is dark. */
function officeTheme(): Theme {
  const bg = Office.context.officeTheme?.bodyBackgroundColor;
  if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return webLightTheme;
  const hex = bg.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? webDarkTheme : webLightTheme;
}

const rootElement = document.getElementById("root")!;

function start(): void {
  // office.js did not load (a blocked CDN, no network): say so instead of a blank page.
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    showOutsideExcel(rootElement, "no-office-js");
    return;
  }
  let ready = false;
  const timer = setTimeout(() => {
    if (!ready) showOutsideExcel(rootElement, "no-office-js");
  }, OFFICE_READY_TIMEOUT_MS);
  Office.onReady((info) => {
    ready = true;
    clearTimeout(timer);
    if (info.host !== Office.HostType.Excel) {
      // Opened in a browser (host null) or in another Office application.
      showOutsideExcel(rootElement, "not-excel");
      return;
    }
    renderPane();
  });
}

function renderPane(): void {
  const lang = pickLang(Office.context.displayLanguage);
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  const root = createRoot(rootElement);
  // Mappings are remembered for the user too, where this Office gives the pane storage.
  const session = new Session(new OfficeWorkbook(), withCheckWorker(engine, browserCheckWorker), lang, writers, detectUserStore());
  root.render(
    <FluentProvider theme={officeTheme()}>
      <App session={session} lang={lang} />
    </FluentProvider>,
  );
}

start();
