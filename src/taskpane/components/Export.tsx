/**
 * 导出汇总表: the province's summary table from the last check, to a new sheet, a new workbook or a
 * download. Before anything is written it previews the form: the paper, the first rows exactly as
 * the writer will draw them (from the same plan and sheet spec) and the rows left out and why.
 */
import * as React from "react";
import { Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ExportOptions, ExportPlan, PaperChoice } from "../../domain/export/plan";
import { sheetSpec, type SheetSpec } from "../../domain/export/sheet-spec";
import type { Capabilities } from "../../workbook/port";
import { strings, type Lang } from "../../workbook/i18n";
import { errorText } from "../errors";
import { useFileAction } from "./file-action";
import type { ExportDestination, ExportOutcome } from "../../workbook/session";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "12px" },
  warnings: { margin: 0, paddingLeft: "18px" },
  preview: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px", backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: "1px 3px", whiteSpace: "pre-line", verticalAlign: "top" } },
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

export function ExportPanel({
  lang,
  capabilities,
  disabled,
  onExport,
  onPreview,
}: {
  lang: Lang;
  capabilities: Capabilities;
  disabled: boolean;
  onExport: (destination: ExportDestination, options: ExportOptions) => Promise<ExportOutcome>;
  /** The plan the export would write with these options (the session's planSummary). */
  onPreview: (options: ExportOptions) => ExportPlan;
}) {
  const s = strings(lang);
  const st = useStyles();
  const offered: ExportDestination[] = [...(capabilities.insertSheets ? (["sheet"] as const) : []), ...(capabilities.createWorkbook ? (["workbook"] as const) : []), "download"];
  const [destination, setDestination] = React.useState<ExportDestination>(offered[0]);
  const [includeErrors, setIncludeErrors] = React.useState(false);
  const [keepSourceRemarks, setKeepRemarks] = React.useState(false);
  const [paper, setPaper] = React.useState<PaperChoice>("auto");
  const options: ExportOptions = { includeErrors, keepSourceRemarks, paper };
  const preview = React.useMemo(() => {
    try {
      const plan = onPreview(options);
      return { plan, spec: sheetSpec(plan) };
    } catch (e) {
      // Said in the pane's words, like a failed export: the form cannot be previewed (nor written).
      return { error: errorText(e, lang) };
    }
  }, [onPreview, includeErrors, keepSourceRemarks, paper, lang]);
  const { busy, done, error, run } = useFileAction(lang, () => onExport(destination, options));

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
      <Checkbox label={s.exportIncludeErrors} checked={includeErrors} onChange={(_, d) => setIncludeErrors(Boolean(d.checked))} data-testid="export-include-errors" />
      <Checkbox label={s.exportKeepRemarks} checked={keepSourceRemarks} onChange={(_, d) => setKeepRemarks(Boolean(d.checked))} data-testid="export-keep-remarks" />
      <Field label={s.exportPaper}>
        <Select value={paper} onChange={(_, d) => setPaper(d.value as PaperChoice)} data-testid="export-paper">
          {(["auto", "A4", "A3"] as const).map((p) => (
            <option key={p} value={p}>
              {s.exportPapers[p]}
            </option>
          ))}
        </Select>
      </Field>
      {"spec" in preview && preview.spec && <ExportPreview lang={lang} plan={preview.plan} spec={preview.spec} />}
      {"error" in preview && (
        <MessageBar intent="error" data-testid="export-preview-error">
          <MessageBarBody>{preview.error}</MessageBarBody>
        </MessageBar>
      )}
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

function ExportPreview({ lang, plan, spec }: { lang: Lang; plan: ExportPlan; spec: SheetSpec }) {
  const s = strings(lang);
  const st = useStyles();
  const { header, body, total } = previewCells(spec);
  return (
    <section className={st.preview} aria-label={s.exportPreview} data-testid="export-preview">
      <Caption1 as="h3">{s.exportPreview}</Caption1>
      <Caption1 data-testid="export-preview-paper" data-paper={spec.page.paperSize}>
        {s.exportPreviewPaper(spec.page.paperSize, spec.page.printedBodyPt)}
      </Caption1>
      <Caption1>{plan.title}</Caption1>
      <Caption1>{s.exportPreviewRows(body.length, total)}</Caption1>
      <div className={st.scroll}>
        <table className={st.table} data-testid="export-preview-table">
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>
                {row.map((v, c) => (
                  <td key={c}>{v}</td>
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
            {plan.leftOut.map((l) => (
              <li key={l.row}>
                <Caption1>{s.exportLeftOutRow(l.row, lang === "en" ? l.reasonEn : l.reason)}</Caption1>
              </li>
            ))}
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
