/**
 * 合并区县名单: pick district list files (read here in the pane, nothing uploaded) and/or sheets of
 * this workbook; the session merges them into a new sheet 合并名单 and checks it.
 */
import * as React from "react";
import { Button, Caption1, Checkbox, Field, Label, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import type { ListFile, MergeOutcome } from "../../workbook/session";
import { ACCEPT_LIST_FILES, skippedPlace, skippedPlaceEn } from "../../app";

const TEXT = {
  zh: {
    title: "合并区县名单",
    open: "合并区县名单…",
    close: "收起合并",
    files: "名单文件（.xlsx、.xls、.et、.ods、.csv、.txt、网页表格等，可多选；只在本机读取，不上传）",
    sheets: "本工作簿中的工作表",
    run: "合并并检查",
    explain: "各名单按本项目的表头对应后合并到新工作表“合并名单”，加“来源”列（区县、文件、工作表、行）；原名单不改动。",
    merged: (rows: number, sheet: string) => `已合并 ${rows} 行到工作表“${sheet}”，并已检查：`,
    line: (file: string, sheet: string, unit: string | null, rows: number, skipped: number, missing: string[]) =>
      `${file ? `${file}（${sheet}）` : `工作表“${sheet}”`}：${unit ?? "区县未知"}，${rows} 行${skipped ? `，跳过 ${skipped} 行` : ""}${missing.length ? `，缺少“${missing.join("、")}”列` : ""}`,
    notMerged: (place: string, why: string) => `${place}：未并入，${why}`,
  },
  en: {
    title: "Merge district lists",
    open: "Merge district lists…",
    close: "Hide merge",
    files: "List files (.xlsx, .xls, .et, .ods, .csv, .txt, HTML tables…, several; read on this computer, never uploaded)",
    sheets: "Sheets of this workbook",
    run: "Merge and check",
    explain: "The lists are matched to the programme's header and merged into a new sheet 合并名单 with a 来源 (source) column; the lists themselves are not changed.",
    merged: (rows: number, sheet: string) => `Merged ${rows} rows into “${sheet}” and checked them:`,
    line: (file: string, sheet: string, unit: string | null, rows: number, skipped: number, missing: string[]) =>
      `${file ? `${file} (${sheet})` : `sheet “${sheet}”`}: ${unit ?? "district unknown"}, ${rows} rows${skipped ? `, ${skipped} skipped` : ""}${missing.length ? `, lacks ${missing.join(", ")}` : ""}`,
    notMerged: (place: string, why: string) => `${place}: not merged, ${why}`,
  },
};

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  sheets: { display: "flex", flexDirection: "column" },
  small: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: "18px" },
});

export function MergePanel({
  lang,
  sheets,
  disabled,
  onMerge,
}: {
  lang: Lang;
  sheets: string[];
  disabled: boolean;
  onMerge: (files: ListFile[], sheets: string[]) => Promise<MergeOutcome | null>;
}) {
  const t = TEXT[lang === "en" ? "en" : "zh"];
  const st = useStyles();
  const [open, setOpen] = React.useState(false);
  const [files, setFiles] = React.useState<File[]>([]);
  const [picked, setPicked] = React.useState<string[]>([]);
  const [done, setDone] = React.useState<MergeOutcome | null>(null);
  const sheetsLabel = React.useId();

  const run = async () => {
    const read: ListFile[] = [];
    for (const f of files) read.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    const outcome = await onMerge(read, picked);
    if (outcome) {
      setDone(outcome);
      setPicked([]);
    }
  };

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} disabled={disabled} data-testid="merge-open">
        {t.open}
      </Button>
    );
  }
  return (
    <section className={st.panel} aria-label={t.title} data-testid="merge-panel">
      <Subtitle2 as="h2">{t.title}</Subtitle2>
      <Caption1 className={st.small}>{t.explain}</Caption1>
      <Field label={t.files}>
        {(field) => (
          <input
            {...field}
            type="file"
            multiple
            accept={ACCEPT_LIST_FILES}
            disabled={disabled}
            data-testid="merge-files"
            onChange={(e) => setFiles(e.target.files ? [...e.target.files] : [])}
          />
        )}
      </Field>
      {sheets.length > 0 && (
        // A group, not a Field: a Field gives its one id to every checkbox in it (clicking one label ticked another).
        <div role="group" aria-labelledby={sheetsLabel} className={st.sheets}>
          <Label id={sheetsLabel}>{t.sheets}</Label>
          <div className={st.sheets}>
            {sheets.map((name) => (
              <Checkbox
                key={name}
                label={name}
                checked={picked.includes(name)}
                disabled={disabled}
                data-testid="merge-sheet"
                onChange={(_, d) => setPicked((p) => (d.checked ? [...p, name] : p.filter((x) => x !== name)))}
              />
            ))}
          </div>
        </div>
      )}
      <div>
        <Button appearance="primary" onClick={run} disabled={disabled || files.length + picked.length === 0} data-testid="merge-run">
          {t.run}
        </Button>{" "}
        <Button appearance="subtle" onClick={() => setOpen(false)} disabled={disabled}>
          {t.close}
        </Button>
      </div>
      {done && (
        <MessageBar intent={done.skipped.length > 0 ? "warning" : "success"} data-testid="merge-summary">
          <MessageBarBody>
            {t.merged(done.rows, done.sheet)}
            <ul className={st.list}>
              {done.summaries.map((s, i) => (
                <li key={i}>{t.line(s.file, s.sheet, s.unit, s.rowsTaken, s.rowsSkipped, s.missing)}</li>
              ))}
              {done.skipped.map((s, i) => (
                <li key={`skipped-${i}`} data-testid="merge-skipped">
                  {lang === "en" ? t.notMerged(skippedPlaceEn(s), s.whyEn) : t.notMerged(skippedPlace(s), s.why)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
