/**
 * The task pane. Everything it does goes through the Session (read → check → mark, clear, select);
 * it never sees Office.js, so the same component runs inside Excel and in the preview page.
 */
import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Spinner, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../domain/report";
import { hostName, missingFeatures, strings, type Lang } from "../workbook/i18n";
import { errorText } from "./errors";
import type { Capabilities } from "../workbook/port";
import type { CheckOutcome, CheckSettings, ExportDestination, ListFile, MergeOutcome, Progress, Session } from "../workbook/session";
import type { ExportOptions } from "../domain/export/plan";
import { Findings, Gauges, PriorityList, Summary, type SeverityFilter } from "./components/Results";
import { SettingsForm } from "./components/Settings";
import { ExportPanel } from "./components/Export";
import { TemplateAction } from "./components/Template";
import { ColumnsPanel } from "./components/Columns";
import type { ColumnChoice } from "../domain/columns";
import { MergePanel } from "./components/Merge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "12px", boxSizing: "border-box", minWidth: 0 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  small: { color: tokens.colorNeutralForeground3 },
});

interface Ready {
  capabilities: Capabilities;
  sheets: string[];
  active: string;
  settings: CheckSettings;
  marked: boolean;
}


export function App({ session, lang, today = new Date() }: { session: Session; lang: Lang; today?: Date }) {
  const s = strings(lang);
  const st = useStyles();
  const programmes = React.useMemo(() => session.programmes(), [session]);
  const [ready, setReady] = React.useState<Ready | null>(null);
  const [settings, setSettings] = React.useState<CheckSettings | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);
  const [marked, setMarked] = React.useState(false);
  const [stale, setStale] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [filter, setFilter] = React.useState<SeverityFilter>("all");
  const [columnsOpen, setColumnsOpen] = React.useState(false);

  React.useEffect(() => {
    session.onStale = () => setStale(true);
  }, [session]);

  React.useEffect(() => {
    let live = true;
    session.start().then(
      (r) => {
        if (!live) return;
        setReady(r);
        setSettings(r.settings);
        setMarked(r.marked);
      },
      (e) => live && setError(`${s.failed}${errorText(e, lang)}`),
    );
    return () => {
      live = false;
    };
  }, [session]);

  const changeSettings = (next: CheckSettings) => {
    setSettings(next);
    session.saveSettings(next).catch((e) => setError(errorText(e, lang)));
  };

  /** What a finished check shows, whether it checked the list or a merged one. */
  const showOutcome = (result: CheckOutcome) => {
    // The 列对应 panel opens by itself when the mapping is in doubt, not right after the user confirmed it.
    setColumnsOpen(result.mapping.source !== "confirmed" && result.report.mappingUncertain);
    if (result.mapping.notSaved) setError(errorText(result.mapping.notSaved, lang));
    setReady((r) => (r ? { ...r, active: result.sheet, sheets: result.sheets } : r));
    setOutcome(result);
    // Refused marks leave the sheet as it was, the previous check's marks included.
    if (result.marksRefused) setError(errorText(result.marksRefused, lang));
    else setMarked(true);
    setStale(false);
  };

  /** A check: plain, with the columns the user confirmed, or back to the matcher alone. */
  const runCheck = async (how: { confirm: ColumnChoice[] } | "plain" | "reset" = "plain") => {
    if (!settings || busy) return;
    setBusy(true);
    setError(null);
    setProgress({ phase: "read", fraction: 0 });
    try {
      const result =
        how === "plain" ? await session.run(settings, setProgress) : how === "reset" ? await session.resetColumns(settings, setProgress) : await session.confirmColumns(settings, how.confirm, setProgress);
      showOutcome(result);
    } catch (e) {
      setError(`${s.failed}${errorText(e, lang)}`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const mergeLists = async (files: ListFile[], sheets: string[]): Promise<MergeOutcome | null> => {
    if (!settings || busy) return null;
    setBusy(true);
    setError(null);
    setProgress({ phase: "read", fraction: 0 });
    try {
      const merged = await session.mergeAndCheck(settings, files, sheets, setProgress);
      showOutcome(merged.check);
      return merged;
    } catch (e) {
      setError(`${s.failed}${errorText(e, lang)}`);
      return null;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const clearMarks = async () => {
    if (busy || !ready) return;
    setBusy(true);
    setError(null);
    try {
      await session.clear(outcome?.sheet ?? ready.active);
      setMarked(false);
      setStale(false);
      // The marks are gone: results shown without them would point at nothing. Check again to see them.
      setOutcome(null);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  // Stable while the outcome stands, so the export preview is planned once per change of options.
  const previewSummary = React.useCallback((options: ExportOptions) => session.planSummary(options), [session, outcome]);
  const exportSummary = React.useCallback((destination: ExportDestination, options: ExportOptions) => session.exportSummary(destination, options), [session]);

  const selectFinding = (f: Finding) => {
    session.selectFinding(f).catch((e) => setError(errorText(e, lang)));
  };
  const selectRow = (row: number) => {
    session.selectRow(row).catch((e) => setError(errorText(e, lang)));
  };

  if (!ready || !settings) {
    return (
      <main className={st.root} lang={lang === "en" ? "en" : "zh-CN"}>
        <Title3 as="h1">{s.appTitle}</Title3>
        {error ? (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner label={s.loading} />
        )}
      </main>
    );
  }

  const missing = missingFeatures(ready.capabilities, lang);
  const tooOld = ready.capabilities.excelApi !== null && ready.capabilities.excelApi < 2;
  const phaseLabel = progress ? { read: s.phaseRead, check: s.phaseCheck, mark: s.phaseMark, done: s.phaseDone }[progress.phase] : "";
  const report = outcome?.report;
  // The programme the shown report was checked against (its fields are the panel's choices).
  const programme = report ? programmes.find((p) => p.id === report.programme) : undefined;

  return (
    <main className={st.root} lang={lang === "en" ? "en" : "zh-CN"} aria-busy={busy}>
      <Title3 as="h1">{s.appTitle}</Title3>
      <SettingsForm
        lang={lang}
        programmes={programmes}
        settings={settings}
        sheets={ready.sheets}
        sheet={ready.active}
        disabled={busy}
        today={today}
        engine={session.settingEngine}
        onChange={changeSettings}
      />
      <div className={st.buttons}>
        <Button appearance="primary" onClick={() => runCheck()} disabled={busy || tooOld} data-testid="check">
          {outcome ? s.recheck : s.check}
        </Button>
        <Button onClick={clearMarks} disabled={busy || !marked} data-testid="clear">
          {s.clearMarks}
        </Button>
        {report && (
          <Button onClick={() => setColumnsOpen((o) => !o)} disabled={busy} aria-expanded={columnsOpen} data-testid="columns-button">
            {s.columns.open}
          </Button>
        )}
      </div>
      <TemplateAction lang={lang} disabled={busy} onTemplate={() => session.districtTemplate(settings)} />
      <MergePanel lang={lang} sheets={ready.sheets} disabled={busy} onMerge={mergeLists} />
      {progress && (
        <div role="status" aria-live="polite">
          <Caption1>
            {s.checking} {phaseLabel}
          </Caption1>
          <ProgressBar value={progress.fraction} max={1} />
        </div>
      )}
      <Caption1 className={st.small} data-testid="capabilities">
        {hostName(ready.capabilities.host, lang)} · {missing.length ? `${s.lacks}${missing.join(lang === "en" ? "; " : "；")}` : s.lacksNothing}
      </Caption1>
      {tooOld && (
        <MessageBar intent="error">
          <MessageBarBody>{s.tooOld}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {stale && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{s.stale}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && !ready.capabilities.changeEvents && (
        <Caption1 className={st.small} data-testid="no-change-events">
          {s.noChangeEvents}
        </Caption1>
      )}
      {marked && !outcome && <Caption1 className={st.small}>{s.marksOn}</Caption1>}
      {outcome?.mapping.source && (
        <MessageBar intent="info" data-testid="mapping-note" data-source={outcome.mapping.source}>
          <MessageBarBody>
            {{ workbook: s.columns.usedWorkbook, user: s.columns.usedUser, confirmed: outcome.mapping.notSaved ? s.columns.usedConfirmedOnce : s.columns.usedConfirmed }[outcome.mapping.source]}{" "}
            <Button size="small" appearance="transparent" onClick={() => runCheck("reset")} disabled={busy} data-testid="mapping-reset">
              {s.columns.reset}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {report && columnsOpen && programme && (
        <ColumnsPanel
          lang={lang}
          columns={report.columns}
          programme={programme}
          uncertain={report.mappingUncertain}
          disabled={busy}
          onConfirm={(choices) => runCheck({ confirm: choices })}
          onClose={() => setColumnsOpen(false)}
        />
      )}
      {report && (
        <>
          <Summary report={report} lang={lang} />
          <Gauges report={report} lang={lang} />
          <Findings report={report} lang={lang} filter={filter} onFilter={setFilter} onSelect={selectFinding} />
          <PriorityList items={report.priority} lang={lang} onSelectRow={selectRow} />
          <ExportPanel
            lang={lang}
            capabilities={ready.capabilities}
            disabled={busy || stale}
            onExport={exportSummary}
            onPreview={previewSummary}
          />
        </>
      )}
    </main>
  );
}
