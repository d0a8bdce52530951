/** 下载带标注的名单: a copy of the checked list with its marks, for whoever has no Excel to see them in. */
import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import type { MarkedCopyOutcome } from "../../workbook/session";
import { paneText } from "../text";
import { useFileAction } from "./file-action";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "4px" },
  small: { color: tokens.colorNeutralForeground3 },
});

export function MarkedCopyAction({ lang, disabled, onMake }: { lang: Lang; disabled: boolean; onMake: () => Promise<MarkedCopyOutcome> }) {
  const t = paneText(lang);
  const st = useStyles();
  // The copy is always a download: useFileAction saves it.
  const { busy, done, error, run } = useFileAction(lang, async () => {
    const out = await onMake();
    return { ...out, download: { fileName: out.fileName, bytes: out.bytes } };
  });
  return (
    <section className={st.section} aria-label={t.markedCopyButton} data-testid="marked-copy">
      <div>
        <Button onClick={run} disabled={disabled || busy} data-testid="marked-copy-button">
          {busy ? t.markedCopyBusy : t.markedCopyButton}
        </Button>
      </div>
      <Caption1 className={st.small}>{t.markedCopyHint}</Caption1>
      {error && (
        <MessageBar intent="error" data-testid="marked-copy-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" data-testid="marked-copy-done" data-file={done.fileName}>
          <MessageBarBody>{t.markedCopyDone(done.fileName, done.rows, done.errors, done.warnings)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
