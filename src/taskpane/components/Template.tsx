/** 生成区县填报模板: the blank list the city sends to its districts, for the programme and unit chosen above. */
import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { strings, type Lang } from "../../workbook/i18n";
import type { TemplateOutcome } from "../../workbook/session";
import { useFileAction } from "./file-action";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "4px" },
  small: { color: tokens.colorNeutralForeground3 },
});

export function TemplateAction({ lang, disabled, onTemplate }: { lang: Lang; disabled: boolean; onTemplate: () => Promise<TemplateOutcome> }) {
  const s = strings(lang);
  const st = useStyles();
  const { busy, done, error, run } = useFileAction(lang, onTemplate);

  return (
    <section className={st.section} aria-label={s.templateButton} data-testid="template">
      <div>
        <Button onClick={run} disabled={disabled || busy} data-testid="template-button">
          {busy ? s.templateBusy : s.templateButton}
        </Button>
      </div>
      <Caption1 className={st.small}>{s.templateHint}</Caption1>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" data-testid="template-done">
          <MessageBarBody>{s.templateDone(done.destination, done.download?.fileName ?? "")}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
