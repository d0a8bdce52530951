/**
 * Binds the session to the engine: the programmes as the pane shows them (src/domain), the check,
 * merge and plan of the application layer (src/app), and reference lists read from sheets. The only file of the pane that
 * knows the engine's shapes.
 */
import { checkGrid, planSummary } from "../app/check";
import { mergeListFiles, openListSheets } from "../app/merge";
import type { ReferenceLists } from "../domain/check";
import { listProgrammes } from "../domain/catalogue";
import { describeProgramme, settingLine } from "../domain/rules-text";
import { parseSettingText, settingText } from "../domain/setting-values";
import { resolveSettings } from "../domain/settings";
import type { Programme } from "../domain/programme";
import { fieldDefIn } from "../domain/fields";
import { citiesOf, COUNTY_LEVEL_UNITS, MUNICIPALITIES, PROVINCE_NAMES } from "../domain/regions";
import { referenceListsFromGrids } from "../domain/reference";
import { planTemplate } from "../domain/template/plan";
import { bundleText, parseProgrammeBundle, programmeToBundle } from "../domain/bundle";
import { draftProgramme } from "../domain/draft/draft";
import type { Engine, ProgrammeView, RuleView } from "./session";

/** A programme definition → what the settings form shows. */
export function programmeView(p: Programme): ProgrammeView {
  const countyUnits = COUNTY_LEVEL_UNITS.filter((u) => p.countyLevelUnits.includes(u.name));
  return {
    id: p.id,
    title: p.title,
    notice: [p.notice.number, p.notice.title].filter(Boolean).join(" "),
    deadline: p.cityDeadline,
    asOf: p.asOf,
    units: [
      ...citiesOf(p.province).map((c) => ({ name: c.name, countyLevel: false })),
      ...countyUnits.map((c) => ({ name: c.name, countyLevel: true })),
      // A municipality is its own city: no province-wide check to offer.
      ...(MUNICIPALITIES.has(p.province) ? [] : [{ name: PROVINCE_NAMES[p.province] ?? p.province, countyLevel: false, province: true }]),
    ],
    quota: p.quota?.value ?? null,
    quotaOpen: p.quota?.open ?? false,
    fields: p.fields.map((f) => ({ id: f.field, label: fieldDefIn(p, f.field)?.zh ?? f.field, labelEn: fieldDefIn(p, f.field)?.en ?? f.field, required: f.required })),
    settings: p.settings
      .filter((s) => s.id !== "asOf" && s.id !== "quota")
      .map((s) => ({ id: s.id, kind: s.kind, zh: s.zh, en: s.en, decides: s.decides, provenance: s.provenance, defaultText: settingText(s.kind, s.default) })),
  };
}

function rulesOf(p: Programme, settings: Record<string, unknown>): RuleView[] {
  const t = describeProgramme(p, resolveSettings(p, settings).states);
  const byId = new Map(t.settings.map((s) => [s.id, s]));
  return t.rules.map((r) => ({ zh: r.zh, clause: r.clause, open: r.settings.flatMap((id) => (byId.has(id) ? [settingLine(byId.get(id)!)] : [])) }));
}

export const engine: Engine<ReferenceLists, Programme> = {
  builtIns: () => listProgrammes(),
  view: programmeView,
  check: (grid, options) => checkGrid(grid, options),
  rules: rulesOf,
  parseSetting: (kind, text) => parseSettingText(kind, text),
  settingText: (kind, value) => settingText(kind, value),
  mergeFiles: (files, sheets, { programme, city }) => mergeListFiles(files, programme, city, { sheets }),
  openFile: (file, programme) => openListSheets(file, programme),
  summary: (grid, report, programme, options) => planSummary(grid, report, programme, options),
  template: (programme, city, settings) => planTemplate({ programme, city, ...(settings ? { settings } : {}) }),
  references: (sheets) => referenceListsFromGrids(sheets, "本工作簿"),
  readBundle: (text) => {
    const r = parseProgrammeBundle(text);
    return r.ok ? { ok: true, programme: r.programme, id: r.programme.id, title: r.programme.title } : { ok: false, problems: r.problems };
  },
  bundleText: (programme) => bundleText(programmeToBundle(programme)),
  draft: (noticeText, category) => {
    const r = draftProgramme(noticeText, category ? { category } : {});
    return r.ok ? { ok: true, draft: r.bundle, categories: r.categories } : r;
  },
};
