/**
 * Binds the session to the engine in src/domain: the programmes as the pane shows them, check(),
 * and reference lists read from sheets. The only file of the pane that knows the engine's shapes.
 */
import { check, listProgrammes, type ReferenceLists } from "../domain/check";
import { citiesOf, COUNTY_LEVEL_UNITS, type City, type ProvinceCode } from "../domain/regions";
import { referenceListsFromGrids } from "../cli/reference";
import type { Engine, ProgrammeView } from "./session";

type Loose = Record<string, unknown>;

function str(o: Loose, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === "string" && v) return v;
  }
  return null;
}

/** A programme definition → what the settings form shows. */
export function programmeView(p: unknown): ProgrammeView {
  const o = p as Loose;
  const id = String(o.id);
  const province = (str(o, "province") ?? (id.startsWith("sd-") ? "37" : "32")) as ProvinceCode;
  const cities: City[] = citiesOf(province === "37" || province === ("山东" as string) ? "37" : "32");
  const county = (o.countyLevelUnits ?? o.countyUnits ?? o.allowCountyLevel) as unknown;
  const countyUnits: City[] = Array.isArray(county)
    ? COUNTY_LEVEL_UNITS.filter((u) => (county as unknown[]).some((c) => c === u.name || c === u.code || c === u.short))
    : county === true
      ? COUNTY_LEVEL_UNITS.filter((u) => u.province === province)
      : [];
  const quota = (o.quota ?? null) as unknown;
  const quotaNumber = typeof quota === "number" ? quota : typeof (quota as Loose | null)?.max === "number" ? ((quota as Loose).max as number) : null;
  const notice = o.notice as Loose | string | undefined;
  const noticeText = typeof notice === "string" ? notice : notice ? [str(notice, "number", "docNumber"), str(notice, "title")].filter(Boolean).join(" ") : "";
  return {
    id,
    title: str(o, "title", "name") ?? id,
    notice: noticeText || str(o, "noticeTitle", "seedTitle") || "",
    deadline: str(o, "deadline", "cityDeadline"),
    asOf: str(o, "asOf", "defaultAsOf") ?? "",
    units: [...cities.map((c) => ({ name: c.name, countyLevel: false })), ...countyUnits.map((c) => ({ name: c.name, countyLevel: true }))],
    quota: quotaNumber,
    quotaOpen: Boolean(o.quotaOpen ?? (quota as Loose | null)?.open ?? false),
  };
}

export const engine: Engine<ReferenceLists> = {
  programmes: () => listProgrammes().map(programmeView),
  check: (grid, options) => check(grid, options),
  references: (sheets) => referenceListsFromGrids(sheets, "本工作簿"),
};
