/** The task pane inside Excel: wait for Office, wrap the workbook in the Office.js adapter, render the App. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { App } from "./App";
import { pickLang, strings } from "../workbook/i18n";
import { OfficeWorkbook } from "../workbook/office-adapter";
import { Session } from "../workbook/session";
import { engine } from "../workbook/engine";
import { writers } from "../export/writers";
import { detectUserStore } from "../workbook/user-store";

/** Office's own theme: dark when the Office body background is dark. */
function officeTheme(): Theme {
  const bg = Office.context.officeTheme?.bodyBackgroundColor;
  if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return webLightTheme;
  const hex = bg.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? webDarkTheme : webLightTheme;
}

const root = createRoot(document.getElementById("root")!);

Office.onReady((info) => {
  const lang = pickLang(Office.context.displayLanguage);
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  if (info.host !== Office.HostType.Excel) {
    root.render(<p>{strings(lang).openInExcel}</p>);
    return;
  }
  // Mappings are remembered for the user too, where this Office gives the pane storage.
  const session = new Session(new OfficeWorkbook(), engine, lang, writers, detectUserStore());
  root.render(
    <FluentProvider theme={officeTheme()}>
      <App session={session} lang={lang} />
    </FluentProvider>,
  );
});
