/**
 * The check's settings: programme (with its notice, deadline and rules), city, as-of date, quota,
 * what the notice leaves open (direction lists, cluster names, exclusion lists …), reference sheets.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { strings, type Lang } from "../../workbook/i18n";
import type { CheckSettings, ProgrammeView, RuleView, SettingEngine, SettingView } from "../../workbook/session";
import { originText, programmeText } from "../programme-text";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", "> *": { flex: 1, minWidth: 0 } },
  notice: { color: tokens.colorNeutralForeground3 },
  late: { color: tokens.colorPaletteRedForeground1 },
  refs: { display: "flex", flexDirection: "column" },
  // Programme titles are long: the select keeps to the pane's width; the whole title is shown below it, wrapped.
  fit: { minWidth: 0, maxWidth: "100%", "& select": { textOverflow: "ellipsis" } },
  title: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  rules: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "4px" },
  small: { color: tokens.colorNeutralForeground3, display: "block" },
  openFact: { display: "flex", flexDirection: "column", gap: "2px", marginBottom: "8px" },
  changed: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The programme's rules, each with its clause and the open facts that decide it now. */
export function RulesList({ lang, rules, testId = "rules" }: { lang: Lang; rules: RuleView[]; testId?: string }) {
  const s = strings(lang);
  const st = useStyles();
  // The pane's own list keeps its test ids; another (the editor's) prefixes them.
  const item = testId === "rules" ? "rule" : `${testId}-rule`;
  return (
    <ol className={st.rules} data-testid={testId}>
      {rules.map((r, i) => (
        <li key={i} data-testid={item}>
          {r.zh}
          {r.clause && (
            <Caption1 className={st.small}>
              {s.ruleClause}{s.colon}{r.clause}
            </Caption1>
          )}
          {r.open.map((o) => (
            <Caption1 key={o} className={st.small} data-testid={`${item}-open`}>
              {s.ruleOpen}{s.colon}{o}
            </Caption1>
          ))}
        </li>
      ))}
    </ol>
  );
}

/** One open fact: a box of text (one item per line), its default and where that comes from. */
function SettingBox({
  lang,
  setting,
  value,
  disabled,
  engine,
  onChange,
}: {
  lang: Lang;
  setting: SettingView;
  value: unknown;
  disabled: boolean;
  engine: SettingEngine;
  onChange: (value: unknown) => void;
}) {
  const s = strings(lang);
  const st = useStyles();
  const shown = value === undefined ? setting.defaultText : engine.settingText(setting.kind, value);
  const [draft, setDraft] = React.useState(shown);
  const [problem, setProblem] = React.useState<string | null>(null);
  const edit = (text: string) => {
    setDraft(text);
    const parsed = engine.parseSetting(setting.kind, text);
    if (!parsed.ok) {
      setProblem(lang === "en" ? parsed.problemEn : parsed.problem);
      return;
    }
    setProblem(null);
    // The default written back is no change: the report then cites the default's provenance.
    onChange(text.trim() === setting.defaultText.trim() || (parsed.value === null && setting.defaultText === "") ? undefined : parsed.value);
  };
  return (
    <Field
      className={st.openFact}
      label={lang === "en" ? setting.en : setting.zh}
      validationState={problem ? "error" : "none"}
      validationMessage={problem ? s.settingInvalid(problem) : undefined}
      hint={
        <>
          <span className={st.small}>{setting.decides}</span>
          <span className={st.small}>
            {s.settingProvenance}{s.colon}{setting.provenance}
          </span>
          {value !== undefined && <span className={st.changed}>{s.settingChanged}</span>}
        </>
      }
    >
      <Textarea
        value={draft}
        disabled={disabled}
        resize="vertical"
        rows={Math.min(6, Math.max(2, draft.split("\n").length))}
        placeholder={s.settingPlaceholder[setting.kind] ?? ""}
        data-testid={`setting-${setting.id}`}
        onChange={(_, d) => edit(d.value)}
      />
      {value !== undefined && (
        <Button
          size="small"
          appearance="subtle"
          disabled={disabled}
          data-testid={`setting-reset-${setting.id}`}
          onClick={() => {
            setDraft(setting.defaultText);
            setProblem(null);
            onChange(undefined);
          }}
        >
          {s.settingReset}
        </Button>
      )}
    </Field>
  );
}

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
  engine,
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
  engine: SettingEngine;
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
  const refsId = React.useId();

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
            set({ programmeId: p.id, city, quota: null, asOf: "", values: {} });
          }}
        >
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.origin && p.origin.kind !== "builtin" ? `${p.title}（${programmeText(lang).origin[p.origin.kind]}）` : p.title}
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
        <Caption1 className={st.notice} data-testid="programme-origin" data-origin={programme.origin?.kind ?? "builtin"}>
          {programmeText(lang).originOfChosen}{s.colon}{originText(lang, programme, programmes)}
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
      {programme && (
        <Accordion collapsible multiple>
          <AccordionItem value="rules">
            <AccordionHeader size="small" data-testid="rules-section">
              {s.rules}
            </AccordionHeader>
            <AccordionPanel>
              <RulesList
                lang={lang}
                rules={engine.rules(programme.id, {
                  ...(settings.values ?? {}),
                  ...(settings.asOf ? { asOf: settings.asOf } : {}),
                  ...(settings.quota !== null ? { quota: settings.quota } : {}),
                })}
              />
            </AccordionPanel>
          </AccordionItem>
          {programme.settings.length > 0 && (
            <AccordionItem value="open">
              <AccordionHeader size="small" data-testid="open-facts-section">
                {s.openFacts}
              </AccordionHeader>
              <AccordionPanel>
                <Caption1 className={st.small}>{s.openFactsHint}</Caption1>
                {programme.settings.map((setting) => (
                  <SettingBox
                    key={`${programme.id}|${setting.id}`}
                    lang={lang}
                    setting={setting}
                    value={settings.values?.[setting.id]}
                    disabled={disabled}
                    engine={engine}
                    onChange={(v) => {
                      const values = { ...(settings.values ?? {}) };
                      if (v === undefined) delete values[setting.id];
                      else values[setting.id] = v;
                      set({ values });
                    }}
                  />
                ))}
              </AccordionPanel>
            </AccordionItem>
          )}
        </Accordion>
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
                {u.province ? (lang === "en" ? `${u.name} — whole province, city lists` : `${u.name}（全省汇总，各市名单）`) : u.name}
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
      {/* Not a Field: it would give its one id to every checkbox in it. */}
      <div role="group" aria-labelledby={`${refsId}-label`} aria-describedby={`${refsId}-hint`} className={st.refs}>
        <Label id={`${refsId}-label`}>{s.references}</Label>
        <Caption1 id={`${refsId}-hint`} className={st.small}>
          {refCandidates.length ? s.referencesHint : s.noOtherSheets}
        </Caption1>
        <div className={st.refs}>
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
      </div>
    </form>
  );
}
