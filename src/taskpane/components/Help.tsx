/** 操作说明: the flow in six steps, what each mark means, what is never changed (text in ../text.ts). */
import * as React from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import { MARK_COLOURS } from "../../workbook/marks";
import { paneText } from "../text";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: "6px" },
  heading: { margin: "6px 0 0", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "4px" },
  marks: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "4px" },
  swatch: { display: "inline-block", width: "12px", height: "12px", marginRight: "6px", verticalAlign: "middle", border: `1px solid ${tokens.colorNeutralStroke1}` },
  small: { color: tokens.colorNeutralForeground3 },
});

const SWATCH: Record<string, string | undefined> = { error: MARK_COLOURS.error, warning: MARK_COLOURS.warning, priority: MARK_COLOURS.priority };

export function HelpPanel({ lang }: { lang: Lang }) {
  const st = useStyles();
  const h = paneText(lang).help;
  return (
    <div className={st.body} data-testid="help-panel">
      <Caption1 className={st.small}>{h.intro}</Caption1>
      <h3 className={st.heading}>{h.stepsTitle}</h3>
      <ol className={st.list} data-testid="help-steps">
        {h.steps.map((step, i) => (
          <li key={i}>
            <Body1>{step}</Body1>
          </li>
        ))}
      </ol>
      <h3 className={st.heading}>{h.marksTitle}</h3>
      <ul className={st.marks} data-testid="help-marks">
        {h.marks.map((m) => (
          <li key={m.key} data-key={m.key}>
            {SWATCH[m.key] && <span className={st.swatch} style={{ background: SWATCH[m.key] }} aria-hidden="true" />}
            <Body1>
              <strong>{m.label}</strong>
              {lang === "en" ? ": " : "："}
              {m.text}
            </Body1>
          </li>
        ))}
      </ul>
      <h3 className={st.heading}>{h.neverTitle}</h3>
      <ul className={st.list} data-testid="help-never">
        {h.never.map((line, i) => (
          <li key={i}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ul>
    </div>
  );
}
