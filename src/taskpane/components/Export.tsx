/**
 * 导出汇总表: the province's summary table from the last check, to a new sheet, a new workbook or a
 * download. Before anything is written it previews the form: the paper, the first rows exactly as
 * the writer will draw them (from the same plan and sheet spec) and the rows left out and why.
 */
import * as React from "react";
import { Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { ExportOptions, ExportPlan, PaperChoice } from "../../domain/export/plan";
import { sheetSpec, type SheetSpec } from "../../domain/export/sheet-spec";
import type { Capabilities } from "../../workbook/port";
import { strings, type Lang } from "../../workbook/i18n";
import { errorText } from "../errors";
import { paneText } from "../text";
import { Paged } from "./Layout";
import type { ExportDestination, ExportOutcome } from "../../workbook/session";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "12px" },
  warnings: { margin: 0, paddingLeft: "18px" },
  preview: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px", backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: "1px 3px", whiteSpace: "pre-line", verticalAlign: "top", minWidth: "3em" } },
  // A few columns across the pane's width: names wrap by words, not one character a line.
  compact: { width: "100%", fontSize: tokens.fontSizeBase200, "& th, & td": { minWidth: "2.5em" } },
});

/** Preview rows shown in the pane: enough to judge the form, few enough for a narrow pane. */
export const PREVIEW_ROWS = 5;

/** The header and the first data (and section) rows of the form, cell by cell as the spec writes them. */
export function previewCells(spec: SheetSpec, rows = PREVIEW_ROWS): { header: string[]; body: string[][]; total: number } {
  const { headerRow, firstDataRow, lastTableRow, lastColumn } = spec.parts;
  const text = (r: number, c: number) => {
    const cell = spec.cells.find((x) => x.row === r && x.column === c);
    if (!cell || cell.value === null) return "";
    return typeof cell.value === "number" && cell.numberFormat === "#,##0.00" ? cell.value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(cell.value);
  };
  const columns = Array.from({ length: lastColumn }, (_, i) => i + 1);
  const last = Math.min(lastTableRow, firstDataRow + rows - 1);
  const body: string[][] = [];
  for (let r = firstDataRow; r <= last; r++) body.push(columns.map((c) => text(r, c)));
  return { header: columns.map((c) => text(headerRow, c)), body, total: Math.max(0, lastTableRow - firstDataRow + 1) };
}

/** What the export is asked to do: where to, and with which options (kept by the pane, so its action bar can export too). */
export interface ExportChoice {
  destination: ExportDestination;
  options: ExportOptions;
}

type Preview = { plan: ExportPlan; spec: SheetSpec } | { error: string };

export function exportDestinations(capabilities: Capabilities): ExportDestination[] {
  return [...(capabilities.insertSheets ? (["sheet"] as const) : []), ...(capabilities.createWorkbook ? (["workbook"] as const) : []), "download"];
}

export function ExportPanel({
  lang,
  capabilities,
  disabled,
  choice,
  onChoice,
  action,
  stale,
  onPreview,
  planNow = false,
}: {
  lang: Lang;
  capabilities: Capabilities;
  disabled: boolean;
  choice: ExportChoice;
  onChoice: (c: ExportChoice) => void;
  /** The export itself (the pane's, shared with its action bar). */
  action: { busy: boolean; done: ExportOutcome | null; error: string | null; run: () => void };
  /** The results are out of date: the button says it checks again first. */
  stale: boolean;
  /** The plan the export would write with these options (the session's planSummary). */
  onPreview: (options: ExportOptions) => ExportPlan | Promise<ExportPlan>;
  /** Plan the preview while rendering instead of just after. */
  planNow?: boolean;
}) {
  const s = strings(lang);
  const t = paneText(lang);
  const st = useStyles();
  const offered = exportDestinations(capabilities);
  const { destination, options } = choice;
  const includeErrors = options.includeErrors ?? false;
  const keepSourceRemarks = options.keepSourceRemarks ?? false;
  const paper = options.paper ?? "auto";
  const setOptions = (patch: Partial<ExportOptions>) => onChoice({ destination, options: { ...options, ...patch } });
  // The form's first rows only: the paper and the widths come from the plan's columns (every row
  // measured there), so the spec of a long list's every row would be drawn for nothing.
  const show = (plan: ExportPlan): Preview => ({ plan, spec: sheetSpec({ ...plan, rows: plan.rows.slice(0, PREVIEW_ROWS) }) });
  // Said in the pane's words, like a failed export: the form cannot be previewed (nor written).
  const failed = (e: unknown): Preview => ({ error: errorText(e, lang) });
  const planSync = (): Preview => {
    try {
      const planned = onPreview(options);
      if (planned instanceof Promise) return { error: "" };
      return show(planned);
    } catch (e) {
      return failed(e);
    }
  };
  // Planned after the pane has drawn the results, off its main thread where it can (a long list
  // takes a while); planNow where there are no effects (server rendering).
  const [preview, setPreview] = React.useState<Preview | null>(() => (planNow ? planSync() : null));
  React.useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => onPreview(options))
      .then(
        (plan) => live && setPreview(show(plan)),
        (e) => live && setPreview(failed(e)),
      );
    return () => {
      live = false;
    };
  }, [onPreview, includeErrors, keepSourceRemarks, paper, lang]);
  const { busy, done, error, run } = action;

  return (
    <div className={st.section} data-testid="export">
      <Field label={s.exportTo}>
        <RadioGroup layout="horizontal" value={destination} onChange={(_, d) => onChoice({ destination: d.value as ExportDestination, options })}>
          {offered.map((d) => (
            <Radio key={d} value={d} label={s.exportDestinations[d]} />
          ))}
        </RadioGroup>
      </Field>
      {!capabilities.insertSheets && !capabilities.createWorkbook && <Caption1>{s.exportDownloadOnly}</Caption1>}
      <Checkbox label={s.exportIncludeErrors} checked={includeErrors} onChange={(_, d) => setOptions({ includeErrors: Boolean(d.checked) })} data-testid="export-include-errors" />
      <Checkbox label={s.exportKeepRemarks} checked={keepSourceRemarks} onChange={(_, d) => setOptions({ keepSourceRemarks: Boolean(d.checked) })} data-testid="export-keep-remarks" />
      <Field label={s.exportPaper}>
        <Select value={paper} onChange={(_, d) => setOptions({ paper: d.value as PaperChoice })} data-testid="export-paper">
          {(["auto", "A4", "A3"] as const).map((p) => (
            <option key={p} value={p}>
              {s.exportPapers[p]}
            </option>
          ))}
        </Select>
      </Field>
      {preview && "spec" in preview && <ExportPreview lang={lang} plan={preview.plan} spec={preview.spec} />}
      {preview && "error" in preview && (
        <MessageBar intent="error" data-testid="export-preview-error">
          <MessageBarBody>{preview.error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button onClick={run} disabled={disabled || busy} data-testid="export-button">
          {busy ? s.exporting : stale ? t.recheckExport : s.exportButton}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" data-testid="export-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && <ExportDone lang={lang} done={done} />}
    </div>
  );
}

/** What the export wrote, with its warnings; shown under the panel and under the action bar. */
export function ExportDone({ lang, done, testId = "export-done" }: { lang: Lang; done: ExportOutcome; testId?: string }) {
  const s = strings(lang);
  const st = useStyles();
  return (
    <MessageBar intent={done.plan.warnings.length ? "warning" : "success"} data-testid={testId}>
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
  );
}

/** The columns a narrow pane shows of the form: the number, the names, the rank (the rest on demand). */
export function mainColumns(header: string[]): number[] {
  const picked = header.flatMap((h, i) => (i === 0 || /名称|排序|名次/.test(h.replace(/\s/g, "")) ? [i] : []));
  return picked.length >= 2 ? picked.slice(0, 4) : header.slice(0, 3).map((_, i) => i);
}

function ExportPreview({ lang, plan, spec }: { lang: Lang; plan: ExportPlan; spec: SheetSpec }) {
  const s = strings(lang);
  const st = useStyles();
  const t = paneText(lang);
  const { header, body } = previewCells(spec);
  const total = plan.rows.length;
  const [all, setAll] = React.useState(false);
  const shown = all ? header.map((_, i) => i) : mainColumns(header);
  return (
    <section className={st.preview} aria-label={s.exportPreview} data-testid="export-preview">
      <Caption1 as="h3">{s.exportPreview}</Caption1>
      <Caption1 data-testid="export-preview-paper" data-paper={spec.page.paperSize}>
        {s.exportPreviewPaper(spec.page.paperSize, spec.page.printedBodyPt)}
      </Caption1>
      <Caption1>{plan.title}</Caption1>
      <Caption1>{s.exportPreviewRows(body.length, total)}</Caption1>
      <div>
        <Button size="small" appearance="subtle" onClick={() => setAll((a) => !a)} aria-pressed={all} data-testid="export-preview-columns">
          {all ? t.previewColumns : `${t.previewAll}（${header.length}）`}
        </Button>
      </div>
      <div className={st.scroll}>
        <table className={all ? st.table : `${st.table} ${st.compact}`} data-testid="export-preview-table" data-columns={shown.length}>
          <thead>
            <tr>
              {shown.map((i) => (
                <th key={i}>{header[i]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>
                {shown.map((c) => (
                  <td key={c}>{row[c]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.leftOut.length > 0 && (
        <>
          <Caption1>{s.exportLeftOut(plan.leftOut.length)}</Caption1>
          <ul className={st.warnings} data-testid="export-left-out">
            <Paged
              items={plan.leftOut}
              lang={lang}
              page={10}
              testId="export-left-out-more"
              render={(l) => (
                <li key={l.row}>
                  <Caption1>{s.exportLeftOutRow(l.row, lang === "en" ? l.reasonEn : l.reason)}</Caption1>
                </li>
              )}
            />
          </ul>
        </>
      )}
      {plan.warnings.filter((w) => w.code !== "errors-excluded").length > 0 && (
        <ul className={st.warnings} data-testid="export-preview-warnings">
          {plan.warnings
            .filter((w) => w.code !== "errors-excluded")
            .map((w, i) => (
              <li key={i}>
                <Caption1>{lang === "en" ? w.messageEn : w.message}</Caption1>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
