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
import type { CheckOutcome, CheckSettings, ExportOutcome, ListFile, MergeOutcome, OpenOutcome, Progress, Session } from "../workbook/session";
import type { ExportOptions } from "../domain/export/plan";
import { Findings, Gauges, PriorityList, Summary } from "./components/Results";
import { ALL_FINDINGS, type FindingView } from "./findings-view";
import { SettingsForm } from "./components/Settings";
import { ExportDone, ExportPanel, exportDestinations, type ExportChoice } from "./components/Export";
import { useFileAction } from "./components/file-action";
import { Section } from "./components/Layout";
import { paneText } from "./text";
import { TemplateAction } from "./components/Template";
import { ColumnsPanel } from "./components/Columns";
import type { ColumnChoice } from "../domain/columns";
import { MergePanel } from "./components/Merge";
import { OpenFileAction } from "./components/OpenFile";
import { ReturnListAction } from "./components/ReturnList";
import { MarkedCopyAction } from "./components/MarkedCopy";
import { ProgrammesPanel } from "./components/Programmes";
import { programmeText } from "./programme-text";
import { RankingPanel } from "./components/Ranking";
import { HelpPanel } from "./components/Help";
import { downloadFileName, isoDay } from "../domain/export/file-names";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "0 12px 12px", boxSizing: "border-box", minWidth: 0 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  // The action bar stays at the top of the pane however far it scrolls (检查 / 导出 / 列对应 in reach).
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    margin: "0 -12px",
    padding: "8px 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  results: { scrollMarginTop: "64px" },
  title: { marginTop: "12px" },
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
  // Imported and new programmes join the built-ins once the session has read them, and after each change.
  const [programmes, setProgrammes] = React.useState(() => session.programmes());
  const [ready, setReady] = React.useState<Ready | null>(null);
  const [settings, setSettings] = React.useState<CheckSettings | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);
  const [marked, setMarked] = React.useState(false);
  const [stale, setStale] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [findingView, setFindingView] = React.useState<FindingView>(ALL_FINDINGS);
  const [columnsOpen, setColumnsOpen] = React.useState(false);
  /** The settings the shown results were checked with: any other settings make them out of date. */
  const [checkedWith, setCheckedWith] = React.useState<CheckSettings | null>(null);
  const [exportChoice, setExportChoice] = React.useState<ExportChoice | null>(null);
  const [recheckedNote, setRecheckedNote] = React.useState<string | null>(null);
  const resultsRef = React.useRef<HTMLDivElement>(null);
  const [checkCount, setCheckCount] = React.useState(0);
  const t = paneText(lang);

  React.useEffect(() => {
    session.onStale = () => setStale(true);
  }, [session]);

  React.useEffect(() => {
    let live = true;
    session.start().then(
      (r) => {
        if (!live) return;
        setProgrammes(session.programmes());
        if (session.libraryError) setError(errorText(session.libraryError, lang));
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

  /** The programme list changed (imported, saved, removed): offer the new list; choose `select` if given. */
  const programmesChanged = (select?: string) => {
    const list = session.programmes();
    setProgrammes(list);
    if (!settings || !ready) return;
    if (select && select !== settings.programmeId) {
      const p = list.find((x) => x.id === select);
      const city = p?.units.some((u) => u.name === settings.city) ? settings.city : (p?.units[0]?.name ?? "");
      changeSettings(session.normalise({ ...settings, programmeId: select, city, quota: null, asOf: "", values: {} }, ready.sheets));
    } else if (!list.some((p) => p.id === settings.programmeId)) {
      changeSettings(session.normalise({ ...settings, programmeId: undefined as unknown as string }, ready.sheets));
    }
  };

  /** What a finished check shows, whether it checked the list or a merged one. */
  const showOutcome = (result: CheckOutcome, checked: CheckSettings | null = settings) => {
    // The 列对应 panel opens by itself when the mapping is in doubt, not right after the user confirmed it.
    setColumnsOpen(result.mapping.source !== "confirmed" && result.report.mappingUncertain);
    if (result.mapping.notSaved) setError(errorText(result.mapping.notSaved, lang));
    setReady((r) => (r ? { ...r, active: result.sheet, sheets: result.sheets } : r));
    setOutcome(result);
    setCheckedWith(checked);
    setCheckCount((n) => n + 1);
    // Refused marks leave the sheet as it was, the previous check's marks included.
    if (result.marksRefused) setError(errorText(result.marksRefused, lang));
    else setMarked(true);
    setStale(false);
  };

  /**
   * One piece of work that reads the sheet and checks it: the pane busy, the progress shown, a failure
   * said in the pane; what the work gives back, or null when it could not run or failed.
   */
  const withCheck = async <T,>(work: (checked: CheckSettings) => Promise<T>, shown: (result: T, checked: CheckSettings) => void): Promise<T | null> => {
    if (!settings || busy) return null;
    const checked = settings;
    setBusy(true);
    setError(null);
    setProgress({ phase: "read", fraction: 0 });
    try {
      const result = await work(checked);
      shown(result, checked);
      return result;
    } catch (e) {
      setError(`${s.failed}${errorText(e, lang)}`);
      return null;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  /** A check: plain, with the columns the user confirmed, or back to the matcher alone. */
  const runCheck = async (how: { confirm: ColumnChoice[] } | "plain" | "reset" = "plain") => {
    await withCheck(
      (c) => (how === "plain" ? session.run(c, setProgress) : how === "reset" ? session.resetColumns(c, setProgress) : session.confirmColumns(c, how.confirm, setProgress)),
      (result) => showOutcome(result),
    );
  };

  const mergeLists = (files: ListFile[], sheets: string[]): Promise<MergeOutcome | null> =>
    withCheck((c) => session.mergeAndCheck(c, files, sheets, setProgress), (merged) => showOutcome(merged.check));

  /** 推荐排序与名额: the clerk's order confirmed (written, checked again), or taken back. */
  const runRanking = async (how: { order: number[] } | "undo") => {
    await withCheck(
      (c) => (how === "undo" ? session.undoRanking(c, setProgress) : session.confirmRanking(c, how.order, setProgress)),
      (result, c) => showOutcome(result, c),
    );
  };
  // The ranking panel's rows come from the check shown (a new outcome, a new view).
  const ranking = React.useMemo(() => (outcome ? session.ranking() : null), [session, outcome]);

  const openFile = (file: ListFile): Promise<OpenOutcome | null> =>
    withCheck((c) => session.openAndCheck(c, file, setProgress), (opened) => showOutcome(opened.check));

  const clearMarks = async () => {
    if (busy || !ready) return;
    setBusy(true);
    setError(null);
    try {
      await session.clear(outcome?.sheet ?? ready.active);
      setMarked(false);
      // The findings stay until the next check: they still name their cells, which still select.
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  // After a check the summary comes into view, below the action bar.
  React.useEffect(() => {
    if (checkCount > 0) resultsRef.current?.scrollIntoView({ block: "start" });
  }, [checkCount]);

  const settingsStale = Boolean(outcome && checkedWith && settings && !sameSettings(checkedWith, settings));
  const outOfDate = stale || settingsStale;

  /**
   * 导出: from the shown results when they still stand; out of date (settings changed, the sheet
   * edited, or — where Excel cannot tell — its content no longer what was read), checked again first.
   */
  const exportNow = async (): Promise<ExportOutcome> => {
    await freshen();
    const choice = exportChoice ?? { destination: exportDestinations(ready!.capabilities)[0], options: {} };
    return session.exportSummary(choice.destination, choice.options, isoDay(today));
  };
  /** What is written from the results (the summary, the return list) comes from a check that still stands. */
  const freshen = async (): Promise<void> => {
    if (!settings || !ready) throw new Error("not ready");
    setRecheckedNote(null);
    const changed = outOfDate || (!ready.capabilities.changeEvents && (await session.contentChanged()));
    if (changed) {
      setProgress({ phase: "read", fraction: 0 });
      try {
        showOutcome(await session.recheck(settings, setProgress), settings);
      } finally {
        setProgress(null);
      }
      setRecheckedNote(outOfDate ? null : t.staleFingerprint);
    }
  };
  const exportAction = useFileAction(lang, exportNow);
  const makeReturnList = async () => {
    await freshen();
    return session.returnList(isoDay(today));
  };
  const makeMarkedCopy = async () => {
    await freshen();
    return session.markedCopy(isoDay(today));
  };

  // Stable while the outcome stands, so the export preview is planned once per change of options.
  const previewSummary = React.useCallback((options: ExportOptions) => session.planSummaryAsync(options), [session, outcome]);

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

  const choice = exportChoice ?? { destination: exportDestinations(ready.capabilities)[0], options: {} };
  const working = busy || exportAction.busy;

  return (
    <main className={st.root} lang={lang === "en" ? "en" : "zh-CN"} aria-busy={working}>
      <div className={st.bar} role="toolbar" aria-label={t.actions} data-testid="action-bar">
        <div className={st.buttons}>
          <Button appearance="primary" onClick={() => runCheck()} disabled={working || tooOld} data-testid="check">
            {outcome ? s.recheck : s.check}
          </Button>
          {report && (
            <Button onClick={exportAction.run} disabled={working} data-testid="bar-export">
              {outOfDate ? t.recheckExport : t.exportNow}
            </Button>
          )}
          {report && (
            <Button onClick={() => setColumnsOpen((o) => !o)} disabled={working} aria-expanded={columnsOpen} data-testid="columns-button">
              {s.columns.open}
            </Button>
          )}
          <Button appearance="subtle" onClick={clearMarks} disabled={working || !marked} data-testid="clear">
            {s.clearMarks}
          </Button>
        </div>
        {progress && (
          <div role="status" aria-live="polite">
            <Caption1>
              {s.checking} {phaseLabel}
            </Caption1>
            <ProgressBar value={progress.fraction} max={1} />
          </div>
        )}
        {outOfDate && (
          <MessageBar intent="warning" data-testid="stale" data-why={stale ? "sheet" : "settings"}>
            <MessageBarBody>{stale ? `${s.stale} ${t.staleSheet}` : t.staleSettings}</MessageBarBody>
          </MessageBar>
        )}
        {exportAction.error && (
          <MessageBar intent="error" data-testid="bar-export-error">
            <MessageBarBody>{exportAction.error}</MessageBarBody>
          </MessageBar>
        )}
        {exportAction.done && <ExportDone lang={lang} done={exportAction.done} testId="bar-export-done" />}
        {recheckedNote && <Caption1 data-testid="rechecked-note">{recheckedNote}</Caption1>}
      </div>
      <Title3 as="h1" className={st.title}>{s.appTitle}</Title3>
      <Section title={t.help.title} lang={lang} testId="help-section" defaultOpen={false}>
        <HelpPanel lang={lang} />
      </Section>
      <Section title={s.settings} lang={lang} testId="settings-section">
        <SettingsForm
          lang={lang}
          programmes={programmes}
          settings={settings}
          sheets={ready.sheets}
          sheet={ready.active}
          disabled={working}
          today={today}
          engine={session.settingEngine}
          onChange={changeSettings}
        />
      </Section>
      <Section title={programmeText(lang).section} lang={lang} testId="programmes-section" defaultOpen={false}>
        <ProgrammesPanel lang={lang} api={session} programmes={programmes} disabled={working} onChanged={programmesChanged} jsonName={(title) => downloadFileName({ what: "项目定义", city: settings.city, programmeTitle: title, date: isoDay(today), ext: "json" })} />
      </Section>
      <TemplateAction lang={lang} disabled={working} onTemplate={() => session.districtTemplate(settings, isoDay(today))} />
      <OpenFileAction lang={lang} disabled={working} onOpen={openFile} />
      <MergePanel lang={lang} sheets={ready.sheets} disabled={working} onMerge={mergeLists} />
      <Caption1 className={st.small} data-testid="capabilities">
        {hostName(ready.capabilities.host, lang)} ·{" "}
        {ready.capabilities.excelApi === null ? s.outsideExcel : missing.length ? `${s.lacks}${missing.join(lang === "en" ? "; " : "；")}` : s.lacksNothing}
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
            <Button size="small" appearance="transparent" onClick={() => runCheck("reset")} disabled={working} data-testid="mapping-reset">
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
          disabled={working}
          onConfirm={(choices) => runCheck({ confirm: choices })}
          onClose={() => setColumnsOpen(false)}
        />
      )}
      {report && (
        <>
          <div ref={resultsRef} className={st.results} data-testid="results" data-stale={outOfDate ? "true" : "false"}>
            <Summary report={report} lang={lang} stale={outOfDate ? t.staleBadge : undefined} deadline={programme?.deadline ?? null} />
            <Gauges report={report} lang={lang} />
          </div>
          <Section title={s.findings} lang={lang} testId="findings-section">
            <Findings report={report} lang={lang} view={findingView} onView={setFindingView} onSelect={selectFinding} />
          </Section>
          <Section title={t.returnListButton} lang={lang} testId="return-list-section">
            <ReturnListAction lang={lang} disabled={working} onMake={makeReturnList} />
          </Section>
          {/* Outside Excel (the standalone page) the marked sheet lives only in this page: a copy keeps it. */}
          {ready.capabilities.excelApi === null && (
            <Section title={t.markedCopyButton} lang={lang} testId="marked-copy-section">
              <MarkedCopyAction lang={lang} disabled={working} onMake={makeMarkedCopy} />
            </Section>
          )}
          {ranking && (
            <Section title={t.rankingTitle} lang={lang} testId="ranking-section">
              <RankingPanel view={ranking} lang={lang} disabled={working} onConfirm={(order) => runRanking({ order })} onUndo={() => runRanking("undo")} onSelectRow={selectRow} />
            </Section>
          )}
          {report.priority.length > 0 && (
            <Section title={`${s.priorityList}（${report.priority.length}）`} lang={lang} testId="priority-section">
              <PriorityList items={report.priority} lang={lang} onSelectRow={selectRow} />
            </Section>
          )}
          <Section title={s.exportTitle} lang={lang} testId="export-section">
            <ExportPanel
              lang={lang}
              capabilities={ready.capabilities}
              disabled={working}
              choice={choice}
              onChoice={setExportChoice}
              action={exportAction}
              stale={outOfDate}
              onPreview={previewSummary}
            />
          </Section>
        </>
      )}
    </main>
  );
}


/** The same settings, whatever order their keys were written in. */
export function sameSettings(a: CheckSettings, b: CheckSettings): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}
