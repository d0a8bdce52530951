/** 导出汇总表: the province's summary table from the last check, to a new sheet, a new workbook or a download. */
import * as React from "react";
import { Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2, makeStyles } from "@fluentui/react-components";
import type { Capabilities } from "../../workbook/port";
import { strings, type Lang } from "../../workbook/i18n";
import type { ExportDestination, ExportOutcome } from "../../workbook/session";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "12px" },
  warnings: { margin: 0, paddingLeft: "18px" },
});

/** Saves bytes as a file through the browser: the way out where Excel can take no new workbook. */
export function saveFile(fileName: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportPanel({
  lang,
  capabilities,
  disabled,
  onExport,
}: {
  lang: Lang;
  capabilities: Capabilities;
  disabled: boolean;
  onExport: (destination: ExportDestination, includeErrors: boolean) => Promise<ExportOutcome>;
}) {
  const s = strings(lang);
  const st = useStyles();
  const offered: ExportDestination[] = [...(capabilities.insertSheets ? (["sheet"] as const) : []), ...(capabilities.createWorkbook ? (["workbook"] as const) : []), "download"];
  const [destination, setDestination] = React.useState<ExportDestination>(offered[0]);
  const [includeErrors, setIncludeErrors] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<ExportOutcome | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const out = await onExport(destination, includeErrors);
      if (out.download) saveFile(out.download.fileName, out.download.bytes);
      setDone(out);
    } catch (e) {
      const en = (e as { messageEn?: unknown })?.messageEn;
      setError(lang === "en" && typeof en === "string" ? en : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={st.section} aria-label={s.exportTitle} data-testid="export">
      <Subtitle2 as="h2">{s.exportTitle}</Subtitle2>
      <Field label={s.exportTo}>
        <RadioGroup layout="horizontal" value={destination} onChange={(_, d) => setDestination(d.value as ExportDestination)}>
          {offered.map((d) => (
            <Radio key={d} value={d} label={s.exportDestinations[d]} />
          ))}
        </RadioGroup>
      </Field>
      {!capabilities.insertSheets && !capabilities.createWorkbook && <Caption1>{s.exportDownloadOnly}</Caption1>}
      <Checkbox label={s.exportIncludeErrors} checked={includeErrors} onChange={(_, d) => setIncludeErrors(Boolean(d.checked))} />
      <div>
        <Button onClick={run} disabled={disabled || busy} data-testid="export-button">
          {busy ? s.exporting : s.exportButton}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent={done.plan.warnings.length ? "warning" : "success"} data-testid="export-done">
          <MessageBarBody>
            {s.exportDone(done.plan.counts.exported, done.destination, done.sheets[0] ?? done.download?.fileName ?? "")}
            {done.plan.warnings.length > 0 && (
              <ul className={st.warnings}>
                {done.plan.warnings.map((w, i) => (
                  <li key={i}>{lang === "en" ? w.messageEn : w.message}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
