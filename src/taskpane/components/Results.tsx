/** What a check found: summary counts, quota gauges, findings grouped by code, the priority list. */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  CounterBadge,
  Input,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding, PriorityMatch, QuotaStanding, RankStanding, Report, Severity } from "../../domain/report";
import { sourcesText } from "../../domain/merge";
import { codeTitle, strings, type Lang } from "../../workbook/i18n";
import { MARK_COLOURS } from "../../workbook/marks";
import { paneText } from "../text";
import {
  ALL_FINDINGS,
  NO_DISTRICT,
  codeOptions,
  districtOptions,
  filtered,
  listedFindings,
  severityCounts,
  viewFindings,
  type FindingSort,
  type FindingView,
  type SeverityFilter,
} from "../findings-view";
import { Paged } from "./Layout";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "12px" },
  counts: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: "4px 8px" },
  count: { display: "flex", flexDirection: "column", padding: "4px 6px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  countValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  priority: { color: tokens.colorPaletteBlueForeground2 },
  gauge: { display: "flex", flexDirection: "column", gap: "2px" },
  gaugeLine: { display: "flex", justifyContent: "space-between", gap: "8px" },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    background: "none",
    padding: "6px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "pointer",
    font: "inherit",
    color: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  where: { fontWeight: tokens.fontWeightSemibold },
  whoLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "2px 6px", marginBottom: "2px" },
  who: { overflowWrap: "anywhere" },
  codeLine: { display: "block", fontWeight: tokens.fontWeightSemibold },
  controls: { display: "flex", flexDirection: "column", gap: "4px" },
  // Four radios in 350 px: each label on one line, the group wraps instead.
  severities: { flexWrap: "wrap", "& label": { whiteSpace: "nowrap", paddingLeft: "2px" } },
  controlGrid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))", gap: "4px 8px" },
  control: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, "& select, & input": { minWidth: 0 } },
  countLine: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap", minHeight: "24px" },
  hint: { display: "block", color: tokens.colorNeutralForeground3, marginTop: "2px" },
  kindTag: { color: tokens.colorNeutralForeground3, marginLeft: "6px" },
  priorityItems: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px", "& > li": { overflowWrap: "anywhere" }, "& p": { margin: 0 } },
  groupHeader: { display: "flex", alignItems: "center", gap: "6px" },
  notes: { margin: 0, paddingLeft: "18px" },
  legend: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "center" },
  swatch: { display: "inline-block", width: "12px", height: "12px", marginRight: "4px", verticalAlign: "-1px", border: `1px solid ${tokens.colorNeutralStroke1}` },
});

/** What the fills on the sheet mean: the same colours applyMarks uses. */
export function MarkLegend({ lang }: { lang: Lang }) {
  const s = strings(lang);
  const st = useStyles();
  return (
    <div className={st.legend} data-testid="legend">
      <Caption1>{s.legendTitle}</Caption1>
      {(["error", "warning", "priority"] as const).map((level) => (
        <Caption1 key={level}>
          <span className={st.swatch} style={{ backgroundColor: MARK_COLOURS[level] }} aria-hidden="true" />
          {s.legend[level]}
        </Caption1>
      ))}
    </div>
  );
}

export function Summary({ report, lang, stale, deadline = null }: { report: Report; lang: Lang; stale?: string; deadline?: string | null }) {
  const s = strings(lang);
  const st = useStyles();
  const t = paneText(lang);
  const c = report.counts;
  const cell = (label: string, value: number, cls?: string, id?: string) => (
    <div className={st.count} data-testid={id}>
      <Caption1>{label}</Caption1>
      <span className={`${st.countValue} ${cls ?? ""}`}>{value}</span>
    </div>
  );
  return (
    <section className={st.section} aria-label={s.summary}>
      <div className={st.groupHeader}>
        <Subtitle2 as="h2">{s.summary}</Subtitle2>
        {stale && (
          <Badge appearance="filled" color="warning" data-testid="stale-badge">
            {stale}
          </Badge>
        )}
      </div>
      <div className={st.counts}>
        {cell(s.rowsRead, c.rowsRead, undefined, "count-read")}
        {cell(s.rowsChecked, c.rowsChecked, undefined, "count-checked")}
        {cell(s.rowsSkipped, c.rowsSkipped, undefined, "count-skipped")}
        {cell(s.errors, c.errors, st.error, "count-errors")}
        {cell(s.warnings, c.warnings, st.warning, "count-warnings")}
        {cell(s.priorityCount, c.priority, st.priority, "count-priority")}
      </div>
      {(report.quotas.length > 0 || deadline) && (
        <Caption1 data-testid="summary-quota">
          {[...report.quotas.filter((q) => !q.city).map((q) => gaugeText(q, lang)), ...(deadline ? [`${s.deadline}${s.colon}${deadline}`] : [])].join(lang === "en" ? " · " : " · ")}
        </Caption1>
      )}
      <MarkLegend lang={lang} />
      {report.notes.length > 0 && (
        <details open>
          <summary>
            <Caption1>
              {s.notes}（{report.notes.length}）
            </Caption1>
          </summary>
          <ul className={st.notes} aria-label={s.notes}>
            {report.notes.map((n) => (
              <li key={n}>
                <Caption1>{n}</Caption1>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Province mode: one line per city — counted, exempt, quota, excess, ranks. */
function CityTable({ report, lang }: { report: Report; lang: Lang }) {
  const s = strings(lang);
  const st = useStyles();
  const en = lang === "en";
  const cities = [...new Set([...report.quotas.map((q) => q.city ?? ""), ...(report.cityRanks ?? []).map((r) => r.city ?? "")])].filter(Boolean);
  const title = en ? `Per city (${report.province})` : `各市名额（${report.province}）`;
  return (
    <section className={st.section} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Table size="small" aria-label={title} data-testid="city-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{en ? "City" : "市"}</TableHeaderCell>
            <TableHeaderCell>{en ? "Counted / quota" : "计入/名额"}</TableHeaderCell>
            <TableHeaderCell>{en ? "Exempt" : "不占名额"}</TableHeaderCell>
            <TableHeaderCell>{en ? "Ranks" : "排序"}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cities.map((city) => {
            const q = report.quotas.find((x) => x.city === city);
            const r = report.cityRanks?.find((x) => x.city === city);
            const rankBad = r && (r.missing.length || r.duplicated.length || r.unranked);
            return (
              <TableRow key={city} data-testid="city-row" data-city={city}>
                <TableCell>{city}</TableCell>
                <TableCell className={q && q.excess > 0 ? st.error : undefined}>{q ? `${q.counted}/${q.quota ?? "?"}${q.excess > 0 ? ` ${s.gaugeOver(q.excess)}` : ""}` : "—"}</TableCell>
                <TableCell>{q ? q.exempt : "—"}</TableCell>
                <TableCell className={rankBad ? st.error : undefined}>{r ? rankText(r, lang) : "—"}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

/** "平台 12/10 超出 2", "名额 7/5", "排序 缺4". */
export function gaugeText(q: QuotaStanding, lang: Lang): string {
  const s = strings(lang);
  const label = lang === "en" ? q.labelEn : q.label;
  if (q.quota === null) return `${label} ${q.counted}/? ${s.gaugeUnset}`;
  return `${label} ${q.counted}/${q.quota}${q.excess > 0 ? ` ${s.gaugeOver(q.excess)}` : ""}`;
}

export function rankText(r: RankStanding, lang: Lang): string {
  const s = strings(lang);
  const parts: string[] = [];
  if (r.missing.length) parts.push(s.rankMissing(r.missing.length));
  if (r.duplicated.length) parts.push(s.rankDuplicated(r.duplicated.length));
  if (r.unranked) parts.push(s.rankUnranked(r.unranked));
  return `${s.rankGauge} ${parts.length ? parts.join(lang === "en" ? ", " : "，") : s.rankOk}`;
}

export function Gauges({ report, lang }: { report: Report; lang: Lang }) {
  const s = strings(lang);
  const st = useStyles();
  if (report.quotas.length === 0 && !report.ranks && !report.cityRanks?.length) return null;
  if (report.province) return <CityTable report={report} lang={lang} />;
  return (
    <section className={st.section} aria-label={s.quotas}>
      <Subtitle2 as="h2">{s.quotas}</Subtitle2>
      {report.quotas.map((q) => {
        const over = q.excess > 0;
        const value = q.quota ? Math.min(1, q.counted / q.quota) : q.quota === 0 ? 1 : 0;
        return (
          <div key={q.id} className={st.gauge} data-testid="gauge">
            <div className={st.gaugeLine}>
              <span className={over ? st.error : undefined}>{gaugeText(q, lang)}</span>
              {q.exempt > 0 && <Caption1>{s.gaugeExempt(q.exempt)}</Caption1>}
            </div>
            <ProgressBar value={value} max={1} thickness="large" color={over ? "error" : q.quota === null ? "warning" : "success"} aria-label={gaugeText(q, lang)} />
          </div>
        );
      })}
      {report.ranks && (
        <div className={st.gauge} data-testid="gauge">
          <span className={report.ranks.missing.length || report.ranks.duplicated.length || report.ranks.unranked ? st.error : undefined}>{rankText(report.ranks, lang)}</span>
        </div>
      )}
    </section>
  );
}


function where(f: Finding, lang: Lang): string {
  return strings(lang).rowCol(f.row, f.column, f.rows);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FindingGroup {
  code: string;
  severity: Severity;
  findings: Finding[];
}

/** Findings grouped by code, worst severity first, then by first row. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.code}|${f.severity}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code: f.code, severity: f.severity, findings: [] }));
    g.findings.push(f);
  }
  const firstRow = (g: FindingGroup) => Math.min(...g.findings.map((f) => f.row ?? f.rows?.[0] ?? 0));
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || firstRow(a) - firstRow(b) || a.code.localeCompare(b.code));
}

export type { SeverityFilter, FindingView } from "../findings-view";

const badgeColour = (sev: Severity) => (sev === "error" ? "danger" : sev === "warning" ? "warning" : "informative");

/** One finding: where, whose (the enterprise, or the whole list), which district, what, what to do, the clause. */
function FindingItem({ f, lang, showCode, showDistrict, onSelect }: { f: Finding; lang: Lang; showCode: boolean; showDistrict: boolean; onSelect: (f: Finding) => void }) {
  const s = strings(lang);
  const t = paneText(lang);
  const st = useStyles();
  const whose = f.row === undefined ? t.wholeList : (f.enterprise ?? t.noEnterprise);
  return (
    <button
      type="button"
      className={st.item}
      onClick={() => onSelect(f)}
      data-testid="finding"
      data-code={f.code}
      data-severity={f.severity}
      data-row={f.row ?? ""}
      data-where={where(f, lang)}
      data-enterprise={whose}
      data-district={f.district ?? ""}
    >
      <span className={st.whoLine}>
        {showCode && (
          <Badge appearance="tint" size="small" color={badgeColour(f.severity)}>
            {s.severity[f.severity]}
          </Badge>
        )}
        <span className={st.where}>{where(f, lang)}</span>
        <span className={st.who} data-testid="finding-enterprise">
          {whose}
        </span>
        {showDistrict && f.district && <span className={st.kindTag} data-testid="finding-district">{f.district}</span>}
      </span>
      {showCode && <span className={st.codeLine}>{codeTitle(f.code, lang)}</span>}
      <span>{lang === "en" ? f.messageEn : f.message}</span>
      {f.sources && f.sources.length > 0 && (
        <span className={st.hint} data-testid="finding-sources">
          {sourcesText(f.sources ?? [], lang)}
        </span>
      )}
      {(lang === "en" ? f.hintEn : f.hint) && (
        <span className={st.hint}>
          {s.hint}{s.colon}{lang === "en" ? f.hintEn : f.hint}
        </span>
      )}
      {f.clause && (
        <span className={st.hint}>
          {s.clause}{s.colon}{f.clause}
        </span>
      )}
    </button>
  );
}

/** Filters and order of the findings list: small controls, two to a line, for a 350 px pane. */
function FindingControls({ report, lang, view, onView }: { report: Report; lang: Lang; view: FindingView; onView: (v: FindingView) => void }) {
  const s = strings(lang);
  const t = paneText(lang);
  const st = useStyles();
  const ids = React.useId();
  const districts = React.useMemo(() => districtOptions(report.findings), [report]);
  const codes = React.useMemo(() => codeOptions(report.findings), [report]);
  const listed = React.useMemo(() => listedFindings(report.findings), [report]);
  const set = (patch: Partial<FindingView>) => onView({ ...view, ...patch });
  // Within the district, problem or enterprise chosen: "历下区" with "错误 5", not the whole list's 13.
  const bySeverity = severityCounts(report.findings, view);
  const unitWord = report.province ? t.cityWord : t.districtWord;
  return (
    <div className={st.controls}>
      <RadioGroup className={st.severities} layout="horizontal" value={view.severity} onChange={(_, d) => set({ severity: d.value as SeverityFilter })} aria-label={s.filterBy}>
        <Radio value="all" label={s.filterAll} />
        {(["error", "warning", "info"] as const).map((sev) => (
          <Radio key={sev} value={sev} label={`${s.severity[sev]} ${bySeverity[sev]}`} />
        ))}
      </RadioGroup>
      <div className={st.controlGrid}>
        {districts.length > 1 && (
          <label className={st.control} htmlFor={`${ids}-district`}>
            <Caption1>{unitWord}</Caption1>
            <Select id={`${ids}-district`} size="small" value={view.district} onChange={(_, d) => set({ district: d.value })} data-testid="findings-district">
              <option value="">{t.allOf(unitWord, listed.length)}</option>
              {districts.map((o) => (
                <option key={o.value} value={o.value}>
                  {`${o.value === NO_DISTRICT ? t.noDistrict(unitWord) : o.value}（${o.count}）`}
                </option>
              ))}
            </Select>
          </label>
        )}
        <label className={st.control} htmlFor={`${ids}-code`}>
          <Caption1>{t.problemWord}</Caption1>
          <Select id={`${ids}-code`} size="small" value={view.code} onChange={(_, d) => set({ code: d.value })} data-testid="findings-code">
            <option value="">{t.allOf(t.problemWord, listed.length)}</option>
            {codes.map((o) => (
              <option key={o.value} value={o.value}>{`${codeTitle(o.value, lang)}（${o.count}）`}</option>
            ))}
          </Select>
        </label>
        <label className={st.control} htmlFor={`${ids}-query`}>
          <Caption1>{t.findingsQuery}</Caption1>
          <Input id={`${ids}-query`} size="small" value={view.query} onChange={(_, d) => set({ query: d.value })} placeholder={t.findingsQueryHint} data-testid="findings-query" />
        </label>
        <label className={st.control} htmlFor={`${ids}-sort`}>
          <Caption1>{t.sortWord}</Caption1>
          <Select id={`${ids}-sort`} size="small" value={view.sort} onChange={(_, d) => set({ sort: d.value as FindingSort })} data-testid="findings-sort">
            {(["code", "row", "district", "enterprise", "severity"] as const)
              .filter((k) => k !== "district" || districts.length > 1)
              .map((k) => (
                <option key={k} value={k}>
                  {t.sortBy[k](unitWord)}
                </option>
              ))}
          </Select>
        </label>
      </div>
    </div>
  );
}

export function Findings({
  report,
  lang,
  view,
  onView,
  onSelect,
}: {
  report: Report;
  lang: Lang;
  view: FindingView;
  onView: (v: FindingView) => void;
  onSelect: (f: Finding) => void;
}) {
  const s = strings(lang);
  const t = paneText(lang);
  const st = useStyles();
  const total = React.useMemo(() => listedFindings(report.findings).length, [report]);
  const districts = React.useMemo(() => districtOptions(report.findings), [report]);
  const codes = React.useMemo(() => codeOptions(report.findings), [report]);
  const manyDistricts = districts.length > 1;
  // A district or problem chosen for an earlier check that this one no longer has filters nothing.
  const shownView: FindingView = {
    ...view,
    district: manyDistricts && districts.some((o) => o.value === view.district) ? view.district : "",
    code: codes.some((o) => o.value === view.code) ? view.code : "",
  };
  view = shownView;
  const { severity, district, code, query, sort } = view;
  const visible = React.useMemo(() => viewFindings(report.findings, { severity, district, code, query, sort }), [report, severity, district, code, query, sort]);
  const groups = view.sort === "code" ? groupFindings(visible) : [];
  return (
    <div className={st.section}>
      <FindingControls report={report} lang={lang} view={view} onView={onView} />
      <div className={st.countLine}>
        <Caption1 data-testid="findings-count" data-shown={visible.length} data-total={total}>
          {t.filteredCount(visible.length, total)}
        </Caption1>
        {filtered(view) && (
          <Button size="small" appearance="subtle" onClick={() => onView({ ...ALL_FINDINGS, sort: view.sort })} data-testid="findings-clear">
            {t.clearFilters}
          </Button>
        )}
      </div>
      {visible.length === 0 ? (
        <Caption1>{total === 0 ? s.noFindings : t.noneMatch}</Caption1>
      ) : view.sort !== "code" ? (
        <div data-testid="findings-flat">
          <Paged items={visible} lang={lang} testId="finding-more" render={(f, i) => <FindingItem key={i} f={f} lang={lang} showCode showDistrict={manyDistricts} onSelect={onSelect} />} />
        </div>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={groups.slice(0, 3).map((g) => `${g.code}|${g.severity}`)}>
          {groups.map((g) => (
            <AccordionItem key={`${g.code}|${g.severity}`} value={`${g.code}|${g.severity}`} data-testid="finding-group" data-code={g.code} data-severity={g.severity}>
              <AccordionHeader>
                <span className={st.groupHeader}>
                  <Badge appearance="tint" color={badgeColour(g.severity)}>
                    {s.severity[g.severity]}
                  </Badge>
                  <span>{codeTitle(g.code, lang)}</span>
                  <CounterBadge count={g.findings.length} appearance="ghost" color="informative" showZero data-testid="group-count" />
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <Paged items={g.findings} lang={lang} testId="finding-more" render={(f, i) => <FindingItem key={i} f={f} lang={lang} showCode={false} showDistrict={manyDistricts} onSelect={onSelect} />} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </div>
  );
}

export function PriorityList({ items, lang, onSelectRow }: { items: PriorityMatch[]; lang: Lang; onSelectRow: (row: number) => void }) {
  const s = strings(lang);
  const st = useStyles();
  if (items.length === 0) return null;
  return (
    <div className={st.section}>
      {/* One block per enterprise: three table columns squeezed the reason into a tall narrow strip. */}
      <ul className={st.priorityItems} aria-label={s.priorityList}>
        <Paged
          items={items}
          lang={lang}
          testId="priority-more"
          render={(p) => (
          <li key={`${p.row}-${p.name}`} data-testid="priority-row">
            <button type="button" className={st.item} onClick={() => onSelectRow(p.row)}>
              {p.applicant}
              <span className={st.hint}>{strings(lang).rowCol(p.row, undefined, undefined)}</span>
            </button>
            <div>
              {s.priorityCols.name}
              {lang === "en" ? ": " : "："}
              {p.name}
              <span className={st.kindTag}>{s.kind[p.kind]}</span>
            </div>
            <Caption1 className={st.hint} as="p">
              {p.reason}
            </Caption1>
          </li>
          )}
        />
      </ul>
    </div>
  );
}
