/** The check's settings: programme (with its notice and deadline), city, as-of date, quota, reference sheets. */
import * as React from "react";
import { Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { strings, type Lang } from "../../workbook/i18n";
import type { CheckSettings, ProgrammeView } from "../../workbook/session";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", "> *": { flex: 1, minWidth: 0 } },
  notice: { color: tokens.colorNeutralForeground3 },
  late: { color: tokens.colorPaletteRedForeground1 },
  refs: { display: "flex", flexDirection: "column" },
  // Programme titles are long: the select keeps to the pane's width; the whole title is shown below it, wrapped.
  fit: { minWidth: 0, maxWidth: "100%", "& select": { textOverflow: "ellipsis" } },
  title: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
});

/** Whole days from `today` to the ISO `deadline` (negative when past). */
export function daysUntil(deadline: string, today: Date): number {
  const [y, m, d] = deadline.split("-").map(Number);
  const end = Date.UTC(y, m - 1, d);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((end - now) / 86400000);
}

export function SettingsForm({
  lang,
  programmes,
  settings,
  sheets,
  sheet,
  disabled,
  today,
  onChange,
}: {
  lang: Lang;
  programmes: ProgrammeView[];
  settings: CheckSettings;
  /** Every sheet of the workbook. */
  sheets: string[];
  /** The sheet to check (not offered as a reference). */
  sheet: string;
  disabled: boolean;
  today: Date;
  onChange: (s: CheckSettings) => void;
}) {
  const s = strings(lang);
  const st = useStyles();
  const programme = programmes.find((p) => p.id === settings.programmeId) ?? programmes[0];
  const days = programme?.deadline ? daysUntil(programme.deadline, today) : null;
  const refCandidates = sheets.filter((n) => n !== sheet);
  const hasCounty = programme?.units.some((u) => u.countyLevel);
  const set = (patch: Partial<CheckSettings>) => onChange({ ...settings, ...patch });
  // Said once when a programme of another province replaced the chosen city; cleared by the next choice.
  const [cityNote, setCityNote] = React.useState<string | null>(null);

  return (
    <form className={st.form} aria-label={s.settings} onSubmit={(e) => e.preventDefault()}>
      <Field label={s.programme} className={st.fit}>
        <Select
          className={st.fit}
          value={settings.programmeId}
          disabled={disabled}
          data-testid="programme"
          onChange={(_, d) => {
            const p = programmes.find((x) => x.id === d.value);
            if (!p) return;
            const kept = p.units.some((u) => u.name === settings.city);
            const city = kept ? settings.city : (p.units[0]?.name ?? "");
            setCityNote(kept || !settings.city ? null : s.cityChanged(settings.city, city));
            set({ programmeId: p.id, city, quota: null, asOf: "" });
          }}
        >
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </Select>
      </Field>
      {programme && (
        <Caption1 className={st.title} data-testid="programme-title">
          {programme.title}
        </Caption1>
      )}
      {programme && (
        <Caption1 className={st.notice} data-testid="notice">
          {s.notice}{s.colon}{programme.notice}
          {programme.deadline && (
            <>
              <br />
              {s.deadline}{s.colon}{programme.deadline}
              {days !== null && <span className={days < 0 ? st.late : undefined} data-testid="deadline-left">（{s.daysLeft(days, programme.deadline)}）</span>}
            </>
          )}
        </Caption1>
      )}
      <div className={st.row}>
        <Field label={s.city} hint={hasCounty ? s.countyNote : undefined}>
          <Select
            value={settings.city}
            disabled={disabled}
            data-testid="city"
            onChange={(_, d) => {
              setCityNote(null);
              set({ city: d.value });
            }}
          >
            {(programme?.units ?? []).map((u) => (
              <option key={u.name} value={u.name}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.asOf}>
          <Input
            type="date"
            disabled={disabled}
            value={settings.asOf || programme?.asOf || ""}
            data-testid="as-of"
            onChange={(_, d) => set({ asOf: d.value === programme?.asOf ? "" : d.value })}
          />
        </Field>
      </div>
      {cityNote && (
        <MessageBar intent="warning" data-testid="city-changed">
          <MessageBarBody>{cityNote}</MessageBarBody>
        </MessageBar>
      )}
      {/* No quota field where the notice sets none: an empty, disabled box would suggest one. */}
      {(programme?.quotaOpen || (programme?.quota !== null && programme?.quota !== undefined)) && (
        <Field label={s.quota} hint={programme?.quotaOpen ? s.quotaOpen : programme?.quota !== null && programme?.quota !== undefined ? s.quotaFixed(programme.quota) : undefined}>
          <Input
            type="number"
            min={0}
            step={1}
            disabled={disabled || !programme?.quotaOpen}
            value={settings.quota === null ? (programme?.quota?.toString() ?? "") : String(settings.quota)}
            data-testid="quota"
            onChange={(_, d) => {
              const n = d.value.trim() === "" ? null : Math.max(0, Math.floor(Number(d.value)));
              set({ quota: n === null || Number.isNaN(n) ? null : n });
            }}
          />
        </Field>
      )}
      <Field label={s.scope}>
        <RadioGroup layout="horizontal" value={settings.scope} disabled={disabled} onChange={(_, d) => set({ scope: d.value === "selection" ? "selection" : "used" })}>
          <Radio value="used" label={s.scopeUsed} />
          <Radio value="selection" label={s.scopeSelection} />
        </RadioGroup>
      </Field>
      <Field label={s.references} hint={refCandidates.length ? s.referencesHint : s.noOtherSheets}>
        <div className={st.refs} role="group" aria-label={s.references}>
          {refCandidates.map((name) => (
            <Checkbox
              key={name}
              label={name}
              disabled={disabled}
              checked={settings.referenceSheets.includes(name)}
              onChange={(_, d) =>
                set({ referenceSheets: d.checked ? [...settings.referenceSheets, name] : settings.referenceSheets.filter((x) => x !== name) })
              }
            />
          ))}
        </div>
      </Field>
    </form>
  );
}
