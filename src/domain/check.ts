/**
 * check(): the cells of a sheet and a programme in, one Report out. Pure and total: any grid gives
 * a report (what cannot be read becomes a finding), and the input is never changed.
 *
 * Order: find the header → skip empty, 合计 and note rows → read each row's cells by field kind →
 * row rules → set rules (duplicates, caps, ranks, quota) → priority marks → counts.
 */
import { columnLetter, EMPTY_CELL, type Grid } from "./cells";
import { type ColumnChoice, isColumnLetter, mappingKey } from "./columns";
import { type ColumnInfo, findHeader, repeatsHeader, WEAK_CONFIDENCE } from "./header";
import { areaText } from "./list-area";
import { carryMerges, classifyRows, formulasUncached, hiddenParts, listsBeside, secondListBeside, uncachedFormulas } from "./shape";
import { groupLabel, matchPriority, priorityIndex } from "./priority";
import type { Programme } from "./programme";
import { fieldDefIn } from "./fields";
import { isRealIsoDate, parseIsoDate, readText, shownValue, type TextExpectation } from "./readers";
import { extraColumn, parseSource, provinceMode } from "./merge";
import { citiesOf, findCity, PROVINCE_NAMES, resolveDistrict, type City, type ProvinceCode } from "./regions";
import type { ColumnMapping, Finding, PriorityMatch, QuotaStanding, RankStanding, Report } from "./report";
import { addFinding, shownOf, type CheckContext, type ReferenceLists, type RowData } from "./rules/context";
import { partyCode } from "./rules/identity";
import { rowKindOf, setKindOf } from "./rules/kinds";
import { readRow } from "./rules/read";
import { checkQuota, splitByOwnership, type CityScope } from "./rules/set-rules";
import type { Group, Unit } from "./setting-values";
import { problemNote, resolveSettings, settingNote } from "./settings";
import { uncheckedNotes } from "./unchecked";
import { unusedColumns, unusedColumnText } from "./column-unused";

export type { ReferenceLists } from "./rules/context";

export interface CheckOptions {
  /** The programme to check against, parsed (a built-in from catalogue.ts, or a loaded bundle). */
  programme: Programme;
  /** 南京 / 南京市 / 3201 / 昆山市 …; or 山东省 / 江苏省 for province mode (each row judged against its own city). */
  city: string;
  /** ISO date; default: the programme's as-of date. Same as settings.asOf, and wins over it. */
  asOf?: string;
  /** The city's quota where the notice leaves it open (or to override it); null = the default. Wins over settings.quota. */
  quota?: number | null;
  references?: ReferenceLists;
  /** Values for the programme's settings, by setting id (see programme.settings); null or absent = the default. */
  settings?: Record<string, unknown>;
  /** The user's column mapping: wins over any evidence; `field: null` leaves a column unused. */
  columnChoices?: readonly ColumnChoice[];
  /** Findings the reader made about the file itself (src/domain/read-faults.ts), listed with the rest. */
  readFindings?: readonly Finding[];
  /**
   * The clerk's choice of the rows that take the quota's places (Excel row numbers of the sheet, in order):
   * they take places first, the rest go by rank, else sheet order. A row that fails a hard condition or takes
   * no place (exempt) cannot be kept, and the report says so.
   */
  keep?: readonly number[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function check(given: Grid, options: CheckOptions): Report {
  // Merged cells carry their value down to every row they cover, for every reader alike.
  let grid = carryMerges(given);
  const programme = options.programme;
  const notes: string[] = [];

  const givenSettings: Record<string, unknown> = { ...options.settings };
  if (options.asOf !== undefined) givenSettings.asOf = options.asOf;
  if (options.quota !== undefined && options.quota !== null) givenSettings.quota = options.quota;
  const resolved = resolveSettings(programme, givenSettings);
  for (const p of resolved.problems) notes.push(problemNote(p));
  const settings = resolved.values;
  const asOfIso = typeof settings.asOf === "string" && isRealIsoDate(settings.asOf) ? settings.asOf : programme.asOf;

  const province = provinceMode(options.city);
  const unit = province ? null : findCity(options.city);
  if (province && province !== programme.province) {
    notes.push(`${PROVINCE_NAMES[province]}不是本项目所属省份（${PROVINCE_NAMES[programme.province]}）：未按市核对注册地和名额。`);
  } else if (province) {
    notes.push(`全省汇总（${PROVINCE_NAMES[province]}）：每行按其所属市核对注册地，名额、排序和限额按市分别核对，重复申报跨市核对。`);
  } else if (!unit) {
    notes.push(`无法识别推荐单位“${options.city}”：未核对注册地是否在本市。`);
  } else if (unit.province !== programme.province) {
    notes.push(`推荐单位${unit.name}不在本项目所属省份：未核对注册地是否在本市。`);
  } else if (unit.countyLevel && !programme.countyLevelUnits.includes(unit.name)) {
    notes.push(`${unit.name}不是本项目的直接推荐单位：按其所属设区市核对注册地。`);
  }
  const unitInProvince = unit && unit.province === programme.province ? unit : null;

  const quotaValue = typeof settings.quota === "number" ? settings.quota : (programme.quota?.value ?? null);

  const choices = options.columnChoices ?? [];
  const known = new Set(programme.fields.map((f) => f.field));
  for (const c of choices) {
    if (c.field !== null && !known.has(c.field)) notes.push(`列对应“${c.column}=${c.field}”中的字段“${c.field}”不是本项目的字段，已忽略（可用字段：${programme.fields.map((f) => f.field).join("、")}）。`);
  }
  let header = findHeader(grid, programme, { choices });
  const shapeFindings: Finding[] = [];
  if (header.rowIndices.length > 0) {
    // A second list beside this one (after blank columns) is named and left out, not read as more columns.
    const fieldAt = new Map<number, string>();
    for (const c of header.all) if (c.field ?? c.ambiguousWith) fieldAt.set(c.index, (c.field ?? c.ambiguousWith)!);
    const beside = listsBeside(grid, header.rowIndices[0], fieldAt);
    if (beside) {
      const top = grid.firstRow + header.rowIndices[0];
      const bottom = grid.firstRow + grid.rows.length - 1;
      for (const [a, b] of beside.others) {
        const labels = header.all.filter((c) => c.index >= a && c.index <= b && c.header).map((c) => c.header);
        shapeFindings.push(secondListBeside(areaText({ top, bottom, left: grid.firstColumn + a, right: grid.firstColumn + b }), labels));
      }
      const [a, b] = beside.main;
      grid = { ...grid, firstColumn: grid.firstColumn + a, rows: grid.rows.map((r) => r.slice(a, b + 1)) };
      header = findHeader(grid, programme, { choices });
    }
  }
  const lastLetter = header.all[header.all.length - 1]?.letter;
  for (const c of header.unmatchedChoices) {
    // An unknown field was noted above.
    if (c.field !== null && !known.has(c.field)) continue;
    const upper = c.column.trim().toUpperCase();
    const where = isColumnLetter(upper) ? `表头只到 ${lastLetter ?? "A"} 列，没有 ${upper} 列` : `表头中没有“${c.column.trim()}”这一列（应为表头文字或列号，如 D）`;
    notes.push(`列对应“${c.column}=${c.field ?? ""}”未对应到任何列：${where}，已忽略。`);
  }
  const ctx: CheckContext = {
    programme,
    grid,
    header,
    unit: unitInProvince,
    province: province === programme.province ? province : null,
    asOf: parseIsoDate(asOfIso),
    asOfIso,
    references: withSettingLists(programme, options.references ?? {}, settings),
    settings,
    settingsChanged: new Set(resolved.states.filter((st) => st.changed).map((st) => st.id)),
    quota: quotaValue,
    rows: [],
    findings: [],
    notes,
  };

  reportHeader(ctx);

  const skipped: Report["skipped"] = [];
  const identityIndices = [...header.columns.values()].filter((c) => { const kind = fieldDefIn(programme, c.field)?.kind; return kind === "name" || kind === "uscc"; }).map((c) => c.index);
  let rowsRead = 0;
  if (header.rowIndices.length > 0) {
    const classes = classifyRows(grid, header.dataStart, identityIndices, (i) => repeatsHeader(grid, programme, i, header));
    shapeFindings.push(...classes.findings);
    for (let i = header.dataStart; i < grid.rows.length; i++) {
      rowsRead++;
      const reason = classes.skipped.get(i);
      if (reason) {
        skipped.push({ row: grid.firstRow + i, reason });
        continue;
      }
      ctx.rows.push(readRow(ctx, programme, i));
    }
    const uncached = uncachedFormulas(grid, ctx.rows.map((r) => r.index));
    if (uncached.length > 0) shapeFindings.push(formulasUncached(uncached));
    const hidden = hiddenOfList(grid, header.rowIndices[0]);
    if (hidden) shapeFindings.push(hidden);
    if (ctx.rows.length === 0) {
      const headerRow = grid.firstRow + header.rowIndices[header.rowIndices.length - 1];
      addFinding(ctx, {
        code: "no-rows",
        severity: "error",
        message: `表头（第${headerRow}行）下面没有可核查的数据行${rowsRead > 0 ? `（${rowsRead} 行都是空行、合计或说明）` : ""}：名单是空的`,
        messageEn: `No data rows below the header (row ${headerRow})${rowsRead > 0 ? `: all ${rowsRead} rows are empty, totals or notes` : ""}: the list is empty`,
        hint: "确认选中的是填好名单的工作表，而不是空白表样",
        hintEn: "Make sure this is the sheet of the filled list, not a blank form",
        cli: "--sheet 工作表名",
      });
    }
  }

  attachSources(ctx);

  for (const row of ctx.rows) {
    for (const rule of programme.rowRules) rowKindOf(rule).check(ctx, row, rule);
  }

  // Province mode: quotas, ranks and caps city by city; duplicates and directions across the province.
  const scopes: (CityScope | undefined)[] = ctx.province ? cityScopes(ctx) : [undefined];
  const quotas: QuotaStanding[] = [];
  const cityRanks: RankStanding[] = [];
  let ranks: RankStanding | null = null;
  const pending: { scope: CityScope | undefined; counted: RowData[]; exempt: RowData[]; rankField: string | null }[] = [];
  for (const scope of scopes) {
    const rows = scope?.rows ?? ctx.rows;
    const { counted, exempt } = splitByOwnership(ctx, rows, programme.quota);
    let rankField: string | null = null;
    for (const rule of programme.setRules) {
      const kind = setKindOf(rule);
      // A list-wide rule runs once, over every row: here when there is one scope, below in province mode.
      if (kind.over === "list" && scope) continue;
      const outcome = kind.check(ctx, { rows: kind.over === "list" ? ctx.rows : rows, counted, scope }, rule);
      if (outcome) {
        rankField = outcome.rankField;
        if (scope) cityRanks.push(outcome.standing);
        else ranks = outcome.standing;
      }
    }
    pending.push({ scope, counted, exempt, rankField });
  }
  if (ctx.province) {
    for (const rule of programme.setRules) {
      const kind = setKindOf(rule);
      if (kind.over === "list") kind.check(ctx, { rows: ctx.rows, counted: ctx.rows, scope: undefined }, rule);
    }
  } else if (ctx.rows.length > 0) {
    // The limits are the programme's own (whose projects, which groups): named from its rules, not from any notice.
    const limits = [...new Set(programme.setRules.filter((r) => setKindOf(r).provinceWide).flatMap((r) => setKindOf(r).describe(r, programme).map((d) => d.zh)))];
    if (limits.length > 0) notes.push(`${limits.join("；")}：按全省计算，本次只核对了本名单中的项目，看不到其他市报送的项目（全省汇总时以“${PROVINCE_NAMES[programme.province]}”检查，可跨市核对）。`);
  }
  // The quota last: a row that fails any other hard condition takes no place.
  if (programme.quota) {
    const failing = new Set<number>();
    // A rank is the list's bookkeeping, not a condition of the notice: a row without one still competes for a place.
    for (const f of [...(options.readFindings ?? []), ...ctx.findings]) if (f.severity === "error" && f.row !== undefined && f.code !== "rank-invalid") failing.add(f.row);
    const keep = (options.keep ?? []).filter((n) => Number.isInteger(n) && n > 0);
    const dataRows = new Set(ctx.rows.map((r) => r.excelRow));
    const notData = keep.filter((n) => !dataRows.has(n));
    if (notData.length > 0) notes.push(`选定保留的第${[...new Set(notData)].join("、")}行不是名单的数据行，已忽略。`);
    for (const p of pending) quotas.push(checkQuota(ctx, programme.quota, p.counted, p.exempt, p.rankField, p.scope, { failing, keep }));
  }
  if (programme.quota) {
    if (quotaValue === null && programme.quota.open) {
      notes.push(`${programme.quota.label}未设置：通知附件（各市推荐名额）未列在通知正文中，请填写${ctx.province ? "每市" : "本市"}名额后重新检查；排序仍按唯一、连续核对。`);
    }
  }

  const priority = markPriority(ctx);

  notes.push(...resolved.states.map(settingNote));
  notes.push(...programme.notes);

  const findings = withEnterprise(ctx, sortFindings([...(options.readFindings ?? []), ...shapeFindings, ...withSources(ctx, ctx.findings)]));
  const byCode: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }

  return {
    programme: programme.id,
    programmeTitle: programme.title,
    city: ctx.province ? PROVINCE_NAMES[ctx.province] : (unit?.name ?? options.city),
    asOf: asOfIso,
    sheet: grid.sheetName,
    headerRows: header.rowIndices.map((i) => grid.firstRow + i),
    columns: columnReport(ctx, header.all),
    mappingKey: header.rowIndices.length > 0 ? mappingKey(header.all.map((c) => c.header)) : "",
    mappingUncertain: mappingUncertain(ctx),
    counts: { rowsRead, rowsChecked: ctx.rows.length, rowsSkipped: skipped.length, errors, warnings, infos, priority: priority.length, byCode },
    skipped,
    quotas,
    ranks,
    ...(ctx.province ? { province: PROVINCE_NAMES[ctx.province], cityRanks, cities: scopes.map((sc) => ({ city: sc!.city.name, rows: sc!.rows.map((r) => r.excelRow) })) } : {}),
    priority,
    notes,
    findings,
  };
}

/** Fields naming a row's enterprise, first found wins: 申报单位, else a project's site or lead, else its name. */
export const ENTERPRISE_FIELDS = ["applicant", "siteName", "leadName", "projectName", "platformName"] as const;

/**
 * Each finding about a row names the row's enterprise and where it comes from, so a finding read alone
 * (a list, a sheet sent back, a filtered findings list) says whose it is. The district is the row's
 * 所在区县 cell, else its merged list's source (the district, else the file); in province mode its city.
 * The 退回修改清单 sorts rows into districts the same way.
 */
function withEnterprise(ctx: CheckContext, findings: Finding[]): Finding[] {
  const names = new Map<number, string>();
  const districts = new Map<number, string>();
  for (const row of ctx.rows) {
    for (const field of ENTERPRISE_FIELDS) {
      // As typed (the clerk finds it in her sheet by it), spaces collapsed; else the value read.
      const v = row.values.get(field);
      const name = shownOf(ctx, row, field).replace(/\s+/g, " ").trim() || (typeof v === "string" ? v.trim() : "");
      if (name) {
        names.set(row.excelRow, name);
        break;
      }
    }
    const cell = shownOf(ctx, row, "district").replace(/\s+/g, " ").trim();
    const district = (ctx.province ? row.city?.name : undefined) || cell || row.source?.district || row.source?.file;
    if (district) districts.set(row.excelRow, district);
  }
  return findings.map((f) => {
    if (f.row === undefined) return f;
    const name = names.get(f.row);
    const district = districts.get(f.row);
    const out = name && !f.enterprise ? { ...f, enterprise: name } : f;
    return district && !out.district ? { ...out, district } : out;
  });
}

/** Hidden and filtered rows from the header down, and hidden columns of the list, as the reader gave them. */
function hiddenOfList(grid: Grid, headerTop: number): Finding | null {
  const shape = grid.shape;
  if (!shape) return null;
  const top = grid.firstRow + headerTop;
  const bottom = grid.firstRow + grid.rows.length - 1;
  const left = grid.firstColumn;
  const right = grid.firstColumn + (grid.rows[0]?.length ?? 0) - 1;
  const rows = [...new Set([...(shape.hiddenRows ?? []), ...(shape.filteredRows ?? [])])].filter((r) => r >= top && r <= bottom).sort((a, b) => a - b);
  const columns = [...new Set(shape.hiddenColumns ?? [])].filter((c) => c >= left && c <= right).sort((a, b) => a - b);
  if (rows.length === 0 && columns.length === 0) return null;
  return hiddenParts(rows, new Set(shape.filteredRows ?? []), columns);
}

/**
 * A merged list's rows keep their source (the 来源 column); in province mode each row gets its city
 * from its 城市/推荐单位 column, else from its source. A row whose city is unknown is said so.
 */
function attachSources(ctx: CheckContext): void {
  const { grid, header, programme } = ctx;
  if (header.rowIndices.length === 0) return;
  const sourceIndex = extraColumn(grid, header, "source");
  if (sourceIndex !== null) {
    for (const row of ctx.rows) {
      const cell = row.cells[sourceIndex];
      const parsed = cell && cell.kind === "text" ? parseSource(String(cell.value)) : null;
      if (parsed) row.source = { row: row.excelRow, ...parsed };
    }
  }
  if (!ctx.province) return;
  const cityIndex = extraColumn(grid, header, "city");
  const cityOf = (s: string): City | null => {
    const c = findCity(s);
    if (c && c.province === ctx.province) {
      // A county-level unit recommends on its own only where the programme says so.
      if (c.countyLevel && !programme.countyLevelUnits.includes(c.name)) return findCity(c.parentCode!);
      return c;
    }
    const d = resolveDistrict(s);
    return d && d.city.province === ctx.province ? d.city : null;
  };
  const cityLetter = cityIndex !== null ? columnLetter(grid.firstColumn + cityIndex) : null;
  const provinceName = PROVINCE_NAMES[ctx.province];
  for (const row of ctx.rows) {
    // A city code typed as a number (3701) is a city; a date, TRUE or #N/A is not read as one.
    const read = cityIndex !== null ? readText(row.cells[cityIndex] ?? EMPTY_CELL, CITY_EXPECTED) : null;
    const typed = read?.status === "ok" ? read.value : "";
    row.city = (typed ? cityOf(typed) : null) ?? (row.source?.district ? cityOf(row.source.district) : null);
    if (row.city) continue;
    const from = row.source ? `来源“${row.source.file}”也未注明是哪个市` : "也没有来源注明是哪个市";
    const fromEn = row.source ? `and its source “${row.source.file}” does not name the city` : "and no source names the city";
    const consequence = "未计入任何市的名额，注册地未按市核对";
    const consequenceEn = "it counts toward no city's quota and its registration is not checked against a city";
    let said: { message: string; messageEn: string; value: string };
    if (cityLetter === null) {
      said = {
        message: `无法确定该行所属的市：没有“城市/推荐单位”列，${from}；${consequence}`,
        messageEn: `The row's city is unknown: there is no 城市/推荐单位 column ${fromEn}; ${consequenceEn}`,
        value: row.source?.district ?? "",
      };
    } else if (read?.status === "bad") {
      said = {
        message: `无法确定该行所属的市：城市列（${cityLetter}列）${read.problem}（应为${provinceName}的设区市，如 ${exampleCity(ctx.province)}）；${consequence}`,
        messageEn: `The row's city is unknown: in the 城市 column (${cityLetter}) ${read.problemEn} (expected a city of ${provinceName}, such as ${exampleCity(ctx.province)}); ${consequenceEn}`,
        value: read.shown,
      };
    } else if (typed) {
      said = {
        message: `无法确定该行所属的市：城市列（${cityLetter}列）的“${typed}”不是${provinceName}的设区市（如 ${exampleCity(ctx.province)}）；${consequence}`,
        messageEn: `The row's city is unknown: “${typed}” in the 城市 column (${cityLetter}) is not a city of ${provinceName} (such as ${exampleCity(ctx.province)}); ${consequenceEn}`,
        value: typed,
      };
    } else {
      said = {
        message: `无法确定该行所属的市：城市列（${cityLetter}列）为空，${from}；${consequence}`,
        messageEn: `The row's city is unknown: its 城市 column (${cityLetter}) is empty ${fromEn}; ${consequenceEn}`,
        value: "",
      };
    }
    addFinding(ctx, {
      code: "city-unknown",
      severity: "error",
      row,
      ...(cityLetter !== null ? { column: cityLetter } : {}),
      ...said,
      hint: cityLetter === null ? "加一列“城市”填写推荐该行的市，或合并时以市名命名各市的文件" : `在城市列（${cityLetter}列）填写推荐该行的市，如 ${exampleCity(ctx.province)}`,
      hintEn: cityLetter === null ? "Add a 城市 column, or name each city's file after the city" : `Enter the recommending city in the 城市 column (${cityLetter}), such as ${exampleCity(ctx.province)}`,
    });
  }
}

const CITY_EXPECTED: TextExpectation = { accept: ["number"], zh: "推荐该行的市", en: "the recommending city" };
/** A city of the province to show as an example: its capital comes first in the table (南京市, 济南市, 南宁市). */
function exampleCity(province: ProvinceCode): string {
  return citiesOf(province)[0]?.name ?? "";
}

/** Rows by city, in the province's order of cities (rows of an unknown city in none). */
function cityScopes(ctx: CheckContext): CityScope[] {
  const byCity = new Map<string, CityScope>();
  for (const row of ctx.rows) {
    if (!row.city) continue;
    const scope = byCity.get(row.city.code);
    if (scope) (scope.rows as RowData[]).push(row);
    else byCity.set(row.city.code, { city: row.city, rows: [row] });
  }
  return [...byCity.values()].sort((a, b) => a.city.code.localeCompare(b.city.code));
}

/** Each finding of a merged list names the source of every row it concerns, its own row first. */
function withSources(ctx: CheckContext, findings: Finding[]): Finding[] {
  if (!ctx.rows.some((r) => r.source)) return findings;
  const byRow = new Map<number, RowData>();
  for (const r of ctx.rows) byRow.set(r.excelRow, r);
  return findings.map((f) => {
    const rows = [...new Set([...(f.row !== undefined ? [f.row] : []), ...(f.rows ?? [])])];
    const sources = rows.map((n) => byRow.get(n)?.source).filter((s): s is NonNullable<typeof s> => !!s);
    return sources.length > 0 ? { ...f, sources } : f;
  });
}

/** Header findings: no header at all, required columns missing, one field in two columns; and what goes unchecked. */
function reportHeader(ctx: CheckContext): void {
  const { header, programme } = ctx;
  if (header.rowIndices.length === 0) {
    const required = programme.fields.filter((f) => f.required).map((f) => fieldDefIn(programme, f.field)?.zh ?? f.field);
    addFinding(ctx, {
      code: "header-missing",
      severity: "error",
      message: `在前30行中找不到表头：没有一行含有至少3个可识别的列名（如${required.slice(0, 4).join("、")}）`,
      messageEn: "No header row found in the first 30 rows: no row names at least three known columns",
      hint: "确认粘贴的是推荐名单，并保留表头行",
      hintEn: "Make sure the sheet is the recommendation list and keeps its header row",
    });
    return;
  }
  for (const spec of programme.fields) {
    if (!spec.required || header.columns.has(spec.field)) continue;
    if (spec.unlessAll?.length && spec.unlessAll.every((f) => header.columns.has(f))) continue;
    const def = fieldDefIn(programme, spec.field);
    const label = def?.zh ?? spec.field;
    const near = closestColumn(header.all, spec.field);
    const nearZh = near ? `；最接近的是${near.letter}列“${near.header || "（无表头）"}”${near.confidence > 0 ? `（把握 ${Math.round(near.confidence * 100)}%）` : "（按内容）"}` : "";
    addFinding(ctx, {
      code: "header-missing",
      severity: "error",
      field: spec.field,
      ...(near ? { value: `${near.letter}列“${near.header}”` } : {}),
      message: `缺少必需的列“${label}”：该项目要求填写此项${nearZh}`,
      messageEn: `The required column “${def?.en ?? spec.field}” is missing${near ? `; the closest is column ${near.letter} “${near.header}”` : ""}`,
      hint: near
        ? `如${near.letter}列就是“${label}”，请在“列对应”中选择；否则加一列“${label}”`
        : `加一列“${label}”${def && def.synonyms.length > 1 ? `（也可写作：${def.synonyms.slice(1, 4).join("、")}）` : ""}；已有此列而未识别时，在“列对应”中选择`,
      hintEn: near
        ? `If column ${near.letter} is ${def?.en ?? spec.field}, choose it in the column mapping (列对应); otherwise add the column`
        : `Add a column headed ${label}, or map an existing one in the column mapping (列对应)`,
      cli: near ? `--map ${near.letter}=${spec.field}` : `--map 列号=${spec.field}`,
    });
  }
  // A required field read from a column matched only weakly: say so, and how to confirm it.
  for (const spec of programme.fields) {
    const col = header.columns.get(spec.field);
    if (!spec.required || !col || col.why === "user" || col.confidence >= WEAK_CONFIDENCE) continue;
    const label = fieldDefIn(programme, spec.field)?.zh ?? spec.field;
    addFinding(ctx, {
      code: "header-uncertain",
      severity: "warning",
      field: spec.field,
      value: `${col.letter}列“${col.header}”`,
      message: `“${label}”按${col.letter}列“${col.header}”核对，但这一对应把握不足（${Math.round(col.confidence * 100)}%${col.why === "content" ? `，表头不足以确定，${col.contentFit !== undefined ? `${Math.round(col.contentFit * 100)}%的` : ""}单元格内容与之相符` : ""}）`,
      messageEn: `${fieldDefIn(programme, spec.field)?.en ?? spec.field} is read from column ${col.letter} “${col.header}”, a weak match (${Math.round(col.confidence * 100)}%)`,
      hint: `请在“列对应”中确认；不是此列时，改选正确的列`,
      hintEn: `Confirm it in the column mapping (列对应); if it is not this column, choose the right one`,
      cli: `--map ${col.letter}=${spec.field}（不是此列时 --map ${col.letter}= 并指定正确的列）`,
    });
  }
  // An unused column that may be a field the programme reads: say so, and what did not run for it.
  for (const u of unusedColumns(programme, header.all)) {
    const text = unusedColumnText(programme, u);
    addFinding(ctx, {
      code: "column-unused",
      severity: u.notRun.length + u.ranWithout.length > 0 ? "warning" : "info",
      field: u.field,
      value: `${u.column.letter}列“${u.column.header}”`,
      ...text,
    });
  }
  for (const a of header.ambiguous) {
    const def = fieldDefIn(programme, a.field);
    const all = [a.used, ...a.others];
    addFinding(ctx, {
      code: "header-ambiguous",
      severity: "warning",
      field: a.field,
      value: all.map((c) => `${c.letter}列“${c.header}”`).join("、"),
      message: `${all.map((c) => `${c.letter}列“${c.header}”`).join("、")}都对应“${def?.zh ?? a.field}”：按${a.used.letter}列核对，其余列未核对`,
      messageEn: `Columns ${all.map((c) => c.letter).join(", ")} all map to ${def?.en ?? a.field}; column ${a.used.letter} is used`,
      hint: "删除或改名多余的列",
      hintEn: "Remove or rename the extra columns",
    });
  }
  for (const rule of programme.rowRules) rowKindOf(rule).columnNotes?.(ctx, rule);
  // Say what goes unchecked rather than passing silently: derived from the rules and the columns found.
  ctx.notes.push(
    ...uncheckedNotes({
      programme,
      mapped: new Set(header.columns.keys()),
      settings: ctx.settings,
      references: { excluded: !!ctx.references.excluded?.length, tasks: !!ctx.references.tasks?.length, priority: !!ctx.references.priority?.length },
    }),
  );
}

/** The unused column that most looks like `field`: by its header, else by its cells. */
function closestColumn(all: readonly ColumnInfo[], field: string): { letter: string; header: string; confidence: number } | null {
  let best: { letter: string; header: string; confidence: number } | null = null;
  for (const c of all) {
    if (c.field !== null) continue;
    const alt = c.alternatives?.find((a) => a.field === field)?.confidence ?? 0;
    const score = alt > 0 ? alt : c.suggestion === field ? 0 : -1;
    if (score < 0) continue;
    if (!best || score > best.confidence) best = { letter: c.letter, header: c.header, confidence: score };
  }
  return best;
}

const SAMPLES = 3;

/** Every column of the header with its mapping and a few values from the rows checked. */
function columnReport(ctx: CheckContext, all: readonly ColumnInfo[]): ColumnMapping[] {
  return all.map((c) => {
    const samples: string[] = [];
    for (const row of ctx.rows) {
      const cell = row.cells[c.index];
      if (!cell || cell.kind === "empty") continue;
      const shown = shownValue(cell).trim();
      if (shown === "") continue;
      samples.push(shown);
      if (samples.length === SAMPLES) break;
    }
    return {
      column: c.letter,
      header: c.header,
      field: c.field,
      confidence: Math.round(c.confidence * 100) / 100,
      why: c.why,
      ...(c.contentFit !== undefined ? { contentFit: c.contentFit } : {}),
      ...(c.suggestion !== undefined ? { suggestion: c.suggestion } : {}),
      ...(c.suggestion !== undefined && c.suggestionFrom ? { suggestionFrom: c.suggestionFrom } : {}),
      ...(c.alternatives && c.alternatives.length > 0 ? { alternatives: c.alternatives.slice(0, 3).map((a) => ({ field: a.field, confidence: Math.round(a.confidence * 100) / 100 })) } : {}),
      samples,
    };
  });
}

/** The clerk should look at the mapping: a required field has no column, a field rests on a weak match, or an unused column may be a field some check reads. */
function mappingUncertain(ctx: CheckContext): boolean {
  const { header, programme } = ctx;
  if (header.rowIndices.length === 0) return true;
  if (programme.fields.some((f) => f.required && !header.columns.has(f.field))) return true;
  if (ctx.findings.some((f) => f.code === "column-unused" && f.severity === "warning")) return true;
  return header.all.some((c) => c.field !== null && c.why !== "user" && c.confidence < WEAK_CONFIDENCE);
}

function markPriority(ctx: CheckContext): PriorityMatch[] {
  const { programme } = ctx;
  const rule = programme.priority;
  if (!rule) return [];
  const index = priorityIndex(ctx.references, {
    clusters: { groups: ctx.settings[rule.clusterSetting] as Group[], userSet: ctx.settingsChanged.has(rule.clusterSetting), label: groupLabel(programme, "cluster") },
    chains: { groups: ctx.settings[rule.chainSetting] as Group[], userSet: ctx.settingsChanged.has(rule.chainSetting), label: groupLabel(programme, "chain") },
  });
  const { party, declaredField } = rule;
  const groups = (setting: string) => ((ctx.settings[setting] as Group[] | null | undefined) ?? []).length;
  const out: PriorityMatch[] = [];
  for (const row of ctx.rows) {
    const applicant = row.values.get(party.name);
    if (typeof applicant !== "string") continue;
    const declared = row.values.get(declaredField);
    const result = matchPriority(index, {
      row: row.excelRow,
      applicant,
      uscc: partyCode(row, party),
      declared: typeof declared === "string" ? declared : null,
    });
    if (!result) continue;
    if ("match" in result) {
      out.push(result.match);
      addFinding(ctx, {
        code: "priority",
        severity: "info",
        row,
        field: result.match.via === "declared" ? declaredField : result.match.via === "reference-uscc" ? party.uscc : party.name,
        value: result.match.name,
        message: result.match.reason,
        messageEn: `Priority: in the ${result.match.kind === "cluster" ? "cluster" : "chain"} “${result.match.name}” (${result.match.via === "declared" ? "as declared" : result.match.via === "reference-uscc" ? "reference list, by credit code" : "reference list, by name"})`,
        clause: rule.clause,
      });
    } else {
      addFinding(ctx, {
        code: "value-not-allowed",
        severity: "info",
        row,
        field: declaredField,
        value: result.unknownDeclared,
        message: `所属集群/产业链“${result.unknownDeclared}”不是${groups(rule.clusterSetting)}个${groupLabel(programme, "cluster")}或${groups(rule.chainSetting)}个${groupLabel(programme, "chain")}的名称（设置中的名单），未标记优先`,
        messageEn: `“${result.unknownDeclared}” is not a confirmed cluster or chain name; no priority mark`,
        hint: `如确属某集群或产业链，请在设置“${settingName(programme, rule.clusterSetting)}”或“${settingName(programme, rule.chainSetting)}”中补充该名称，或在参考名单中补充该企业`,
        hintEn: "If it belongs, add the name in the cluster or chain settings, or the enterprise to a reference list",
        clause: rule.clause,
      });
    }
  }
  return out;
}

function settingName(programme: Programme, id: string): string {
  return programme.settings.find((s) => s.id === id)?.zh ?? id;
}

/** Lists the user keeps as settings (前期155个平台, 第一批名单, 榜单) join the reference lists of the same meaning. */
function withSettingLists(programme: Programme, refs: ReferenceLists, settings: Record<string, unknown>): ReferenceLists {
  let excluded = refs.excluded;
  let tasks = refs.tasks;
  for (const rule of programme.rowRules) {
    if (rule.type === "excluded-by-list" && rule.listSetting) {
      const units = (settings[rule.listSetting] ?? []) as Unit[];
      if (units.length) excluded = [...(excluded ?? []), ...units.map((u) => ({ name: u.name ?? u.uscc ?? "", ...(u.uscc ? { uscc: u.uscc } : {}), list: rule.list }))];
    }
    if (rule.type === "task-listed" && rule.listSetting) {
      const names = settings[rule.listSetting] as string[] | null | undefined;
      if (names?.length) tasks = [...(tasks ?? []), ...names];
    }
  }
  return { ...refs, ...(excluded ? { excluded } : {}), ...(tasks ? { tasks } : {}) };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ra = a.f.row ?? a.f.rows?.[0] ?? 0;
      const rb = b.f.row ?? b.f.rows?.[0] ?? 0;
      if (ra !== rb) return ra - rb;
      const sa = SEVERITY_ORDER[a.f.severity];
      const sb = SEVERITY_ORDER[b.f.severity];
      if (sa !== sb) return sa - sb;
      return a.i - b.i;
    })
    .map((x) => x.f);
}
