/** 退回修改清单: per district, its rows to correct with every finding in plain words — to print or send back. */
import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import type { ReturnListOutcome } from "../../workbook/session";
import { paneText } from "../text";
import { useFileAction } from "./file-action";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "4px" },
  small: { color: tokens.colorNeutralForeground3 },
});

export function ReturnListAction({ lang, disabled, onMake }: { lang: Lang; disabled: boolean; onMake: () => Promise<ReturnListOutcome> }) {
  const t = paneText(lang);
  const st = useStyles();
  const { busy, done, error, run } = useFileAction(lang, onMake);
  const withRows = done ? done.plan.units.filter((u) => u.rows.length > 0).length : 0;
  return (
    <section className={st.section} aria-label={t.returnListButton} data-testid="return-list">
      <div>
        <Button onClick={run} disabled={disabled || busy} data-testid="return-list-button">
          {busy ? t.returnListBusy : t.returnListButton}
        </Button>
      </div>
      <Caption1 className={st.small}>{t.returnListHint}</Caption1>
      {error && (
        <MessageBar intent="error" data-testid="return-list-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" data-testid="return-list-done" data-units={done.plan.units.length} data-with-rows={withRows}>
          <MessageBarBody>{t.returnListDone(done.destination, done.download?.fileName ?? "", done.plan.units.length, withRows, done.plan.by === "city")}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
