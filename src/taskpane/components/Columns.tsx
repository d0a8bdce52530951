/**
 * The 列对应 panel: every column of the header with three sample values, how sure the matcher is
 * and why, and a choice of the programme's fields (or 不使用此列). Confirming hands the choices to
 * the session, which checks again with them and keeps them with the workbook.
 */
import * as React from "react";
import { Badge, Button, Caption1, Field, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { type ColumnChoice, savedMappingOf } from "../../domain/columns";
import { WEAK_CONFIDENCE } from "../../domain/header";
import type { ColumnMapping } from "../../domain/report";
import { strings, type Lang } from "../../workbook/i18n";
import type { ProgrammeView } from "../../workbook/session";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  column: { display: "flex", flexDirection: "column", gap: "2px", paddingBottom: "6px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  attention: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`, paddingLeft: "6px" },
  head: { display: "flex", gap: "6px", alignItems: "baseline", minWidth: 0 },
  header: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  small: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  select: { minWidth: 0, maxWidth: "100%" },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

/** A column the clerk should look at: unused but with a suggestion, read from its content, or matched weakly. */
export function needsAttention(c: ColumnMapping): boolean {
  if (c.why === "user") return false;
  if (c.field === null) return c.suggestion !== undefined;
  return c.why === "content" || c.confidence < WEAK_CONFIDENCE;
}

/**
 * The choices to confirm: one per column that has a header or a field, named the way the domain
 * names a saved mapping (savedMappingOf), so the check reads each choice back onto its column.
 */
export function choicesFrom(columns: readonly ColumnMapping[], picked: Readonly<Record<string, string | null>>): ColumnChoice[] {
  const applied = columns
    .map((c) => ({ column: c.column, header: c.header, field: c.column in picked ? picked[c.column] : c.field }))
    .filter((c) => c.header.trim() !== "" || c.field !== null);
  return savedMappingOf("", applied).choices;
}

/** Fields chosen for more than one column: field id → the columns' letters. */
export function fieldsTakenTwice(columns: readonly ColumnMapping[], picked: Readonly<Record<string, string | null>>): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const c of columns) {
    const field = c.column in picked ? picked[c.column] : c.field;
    if (field !== null) by.set(field, [...(by.get(field) ?? []), c.column]);
  }
  return new Map([...by].filter(([, cols]) => cols.length > 1));
}

/**
 * The suggestion preselected for each unused column that has a grounded one (its header says something
 * of the field, or its cells are what only that field holds: suggestionFrom), so one click on 确认
 * takes it; never a field another column reads or one already preselected further left.
 */
export function preselectedChoices(columns: readonly ColumnMapping[]): Record<string, string> {
  const taken = new Set(columns.map((c) => c.field).filter((f): f is string => f !== null));
  const out: Record<string, string> = {};
  for (const c of columns) {
    if (c.field !== null || c.why === "user" || !c.suggestion || !c.suggestionFrom || taken.has(c.suggestion)) continue;
    out[c.column] = c.suggestion;
    taken.add(c.suggestion);
  }
  return out;
}

const UNUSED = "";

export function ColumnsPanel({
  lang,
  columns,
  programme,
  uncertain,
  disabled,
  onConfirm,
  onClose,
}: {
  lang: Lang;
  columns: readonly ColumnMapping[];
  programme: ProgrammeView;
  /** Opened by the check itself (a required field unmatched or a match uncertain), not on demand. */
  uncertain: boolean;
  disabled: boolean;
  onConfirm: (choices: ColumnChoice[]) => void;
  onClose: () => void;
}) {
  const s = strings(lang).columns;
  const st = useStyles();
  const preselected = React.useMemo(() => preselectedChoices(columns), [columns]);
  const [picked, setPicked] = React.useState<Record<string, string | null>>(preselected);
  // A new check brings new columns: start again from what it found, its suggestions preselected.
  React.useEffect(() => setPicked(preselected), [preselected]);
  const label = (id: string) => {
    const f = programme.fields.find((x) => x.id === id);
    return f ? (lang === "en" ? f.labelEn : f.label) : id;
  };
  const twice = fieldsTakenTwice(columns, picked);
  const chosen = new Set(columns.map((c) => (c.column in picked ? picked[c.column] : c.field)).filter((f): f is string => f !== null));
  const missing = programme.fields.filter((f) => f.required && !chosen.has(f.id));
  const titleId = React.useId();

  return (
    <section className={st.panel} aria-labelledby={titleId} data-testid="columns-panel">
      <Subtitle2 as="h2" id={titleId}>
        {s.title}
      </Subtitle2>
      <Caption1>{columns.length === 0 ? s.noHeaderRow : uncertain ? s.introUncertain : s.intro}</Caption1>
      <ol className={st.list}>
        {columns.map((c) => {
          const value = c.column in picked ? picked[c.column] : c.field;
          const attention = needsAttention(c);
          const suggestion = c.suggestion ?? (c.field === null ? c.alternatives?.[0]?.field : undefined);
          const proposed = c.column in preselected && value === preselected[c.column];
          return (
            <li key={c.column} className={attention ? `${st.column} ${st.attention}` : st.column} data-testid="column" data-column={c.column} data-field={c.field ?? ""}>
              <Field
                className={st.select}
                label={
                  <span className={st.head}>
                    {/* Spaces, not only the gap: the label is the select's accessible name. */}
                    <span>{s.column(c.column)}</span>{" "}
                    <span className={st.header} data-testid="column-header">
                      {c.header || s.noHeader}
                    </span>
                    {attention && " "}
                    {attention && !proposed && (
                      <Badge appearance="tint" color="warning" size="small">
                        {s.check}
                      </Badge>
                    )}
                    {proposed && (
                      <Badge appearance="tint" color="brand" size="small" data-testid="column-preselected">
                        {s.preselected}
                      </Badge>
                    )}
                  </span>
                }
              >
                <Select
                  className={st.select}
                  value={value ?? UNUSED}
                  disabled={disabled}
                  data-testid="column-field"
                  onChange={(_, d) => setPicked((p) => ({ ...p, [c.column]: d.value === UNUSED ? null : d.value }))}
                >
                  <option value={UNUSED}>{s.unused}</option>
                  {programme.fields.map((f) => (
                    <option key={f.id} value={f.id}>
                      {label(f.id)}
                      {f.required ? s.required : ""}
                      {f.id === suggestion && f.id !== c.field ? s.suggested : ""}
                    </option>
                  ))}
                </Select>
              </Field>
              <Caption1 className={st.small} data-testid="column-samples">
                {s.samples}
                {c.samples.length ? c.samples.map((v) => (v.length > 24 ? `${v.slice(0, 23)}…` : v)).join(lang === "en" ? "; " : "；") : s.noSamples}
              </Caption1>
              <Caption1 className={st.small} data-testid="column-why">
                {s.why[c.why]}
                {c.field !== null && c.why !== "user" && ` · ${s.confidence(Math.round(c.confidence * 100))}`}
                {c.field !== null && c.why === "content" && c.contentFit !== undefined && ` · ${s.contentFit(Math.round(c.contentFit * 100))}`}
                {suggestion && suggestion !== c.field && (
                  <span data-testid="column-suggestion" data-field={suggestion}>
                    {" · "}
                    {s.suggestion(label(suggestion))}
                  </span>
                )}
              </Caption1>
            </li>
          );
        })}
      </ol>
      {Object.keys(preselected).length > 0 && (
        <Caption1 role="note" data-testid="columns-preselected-note">
          {s.preselectedNote}
        </Caption1>
      )}
      {missing.length > 0 && (
        <Caption1 role="note" data-testid="columns-missing">
          {s.missing(missing.map((f) => label(f.id)).join(lang === "en" ? ", " : "、"))}
        </Caption1>
      )}
      {twice.size > 0 && (
        <MessageBar intent="warning" data-testid="columns-twice">
          <MessageBarBody>
            {[...twice].map(([field, cols]) => s.twice(label(field), cols.join(lang === "en" ? ", " : "、"))).join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={st.buttons}>
        <Button appearance="primary" disabled={disabled || twice.size > 0} onClick={() => onConfirm(choicesFrom(columns, picked))} data-testid="columns-confirm">
          {s.confirm}
        </Button>
        <Button onClick={onClose} disabled={disabled} data-testid="columns-close">
          {s.close}
        </Button>
      </div>
    </section>
  );
}
