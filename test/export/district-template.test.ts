import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { check } from "../../src/domain/check";
import { FIELDS } from "../../src/domain/fields";
import { fieldMatcher } from "../../src/domain/header";
import type { Programme } from "../../src/domain/programme";
import { PROGRAMMES } from "../../src/domain/programmes/index";
import { headerKey } from "../../src/domain/text";
import { exampleText, planTemplate, type TemplatePlan } from "../../src/domain/template/plan";
import { buildTemplateWorkbook } from "../../src/export/district-template";
import { workbookBytes } from "../../src/export/xlsx";
import { readXlsx } from "../../src/workbook/xlsx-adapter";
import { readBack } from "./readback";

const CITY: Record<string, string> = { "32": "南京", "37": "济南" };
const cityOf = (id: string, province: string) => (id === "js-2020-666" ? "昆山市" : CITY[province]!);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** Writes the plan's example row into the template's first data row, as a district would type it. */
async function fill(bytes: Uint8Array, plan: TemplatePlan): Promise<Uint8Array> {
  const wb = await load(bytes);
  const ws = wb.getWorksheet(plan.sheetName)!;
  plan.columns.forEach((c, i) => {
    const cell = ws.getCell(plan.firstDataRow, i + 1);
    const v = c.example;
    cell.value = v === null ? null : typeof v === "object" ? new Date(`${v.date}T00:00:00Z`) : v;
  });
  return workbookBytes(wb);
}

/** The one field of the programme whose synonyms hold the header exactly (not a keyword guess), or null. */
function exactField(programme: Programme, header: string): string | null {
  const key = headerKey(header);
  const hits = programme.fields.map((f) => FIELDS[f.field]!).filter((f) => f.synonyms.some((s) => headerKey(s) === key));
  return hits.length === 1 ? hits[0]!.id : null;
}

describe.each(PROGRAMMES.map((p) => [p.id, p] as const))("district template of %s", (id, programme) => {
  const city = cityOf(id, programme.province);
  const plan = planTemplate({ programme, city });
  // Built and filled once per programme: each read-back below reads the same bytes.
  let cached: Promise<{ blank: Uint8Array; filled: Uint8Array }> | null = null;
  const files = () =>
    (cached ??= buildTemplateWorkbook(plan).then(async (blank) => ({ blank, filled: await fill(blank, plan) })));

  it("every column is a field of the programme, in the wording the checker reads with full confidence", () => {
    expect(plan.columns.map((c) => c.field).sort()).toEqual(programme.fields.map((f) => f.field).sort());
    for (const c of plan.columns) {
      expect(exactField(programme, c.header), c.header).toBe(c.field);
      expect(fieldMatcher(programme).match(c.header), c.header).toBe(c.field);
    }
  });

  it("filled and read back through the real check: every column mapped, no header finding, the example row passes", async () => {
    const { filled } = await files();
    const book = await readXlsx(filled);
    expect(book.sheetNames.slice(0, 2)).toEqual(["推荐名单", "填报说明"]);
    const report = check(book.sheet().grid, { programme, city });
    expect(report.headerRows).toEqual([plan.headerRow]);
    expect(report.columns.map((c) => [c.field, c.header])).toEqual(plan.columns.map((c) => [c.field, c.header]));
    expect(report.columns.map((c) => [c.header, c.confidence, c.why])).toEqual(plan.columns.map((c) => [c.header, 1, "header"]));
    expect(report.mappingUncertain).toBe(false);
    expect(report.findings.filter((f) => f.code.startsWith("header-"))).toEqual([]);
    expect(report.counts.rowsChecked).toBe(1);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("dropdowns, formats and protection survive a read-back with exceljs", async () => {
    const { filled } = await files();
    const ws = (await load(filled)).getWorksheet(plan.sheetName)!;
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect(protection?.hashValue).toBeUndefined();
    const last = plan.firstDataRow + plan.preparedRows - 1;
    plan.columns.forEach((c, i) => {
      const header = ws.getCell(plan.headerRow, i + 1);
      expect(header.value).toBe(c.header);
      expect(header.protection?.locked).not.toBe(false);
      for (const row of [plan.firstDataRow, last]) {
        const cell = ws.getCell(row, i + 1);
        expect(cell.protection?.locked, `${c.header} row ${row}`).toBe(false);
        expect(cell.numFmt).toBe({ text: "@", date: "yyyy-mm-dd", amount: "#,##0.00", integer: "0" }[c.format]);
        const dv = cell.dataValidation;
        expect(dv?.prompt, c.header).toBe(c.prompt.text);
        if (c.rule?.type === "list") {
          expect(dv.type).toBe("list");
          expect(dv.formulae[0]).toBe(`"${c.rule.values.join(",")}"`);
          expect(Boolean(dv.showErrorMessage)).toBe(c.rule.strict);
        } else if (c.rule) {
          expect(dv.type).toBe(c.rule.type);
        }
      }
      expect(ws.getCell(last + 1, i + 1).dataValidation).toBeUndefined();
    });
    // Beyond the table too, so that Excel lets a district delete a whole row.
    expect(ws.getRow(plan.firstDataRow).getCell(plan.columns.length + 3).protection?.locked).toBe(false);
    expect(ws.getRow(plan.headerRow).getCell(plan.columns.length + 3).protection?.locked).not.toBe(false);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: plan.headerRow });
    const uscc = plan.columns.findIndex((c) => c.kind === "uscc");
    expect(ws.getCell(plan.firstDataRow, uscc + 1).dataValidation).toMatchObject({ type: "textLength", operator: "equal", formulae: [18] });
  });

  it("dropdowns and protection survive a read-back with SheetJS", async () => {
    const { filled } = await files();
    const back = readBack(filled, plan.sheetName);
    expect(back.rowText(plan.headerRow, plan.columns.length)).toEqual(plan.columns.map((c) => c.header));
    expect(back.sheetXml).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
    expect(back.sheetXml).not.toMatch(/<sheetProtection[^>]*(password|hashValue)=/);
    const xml = back.sheetXml.replace(/&quot;/g, '"');
    const validations = [...xml.matchAll(/<dataValidation ([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)];
    const bySqref = new Map(validations.map((m) => [/sqref="([^"]+)"/.exec(m[1]!)![1], m]));
    const last = plan.firstDataRow + plan.preparedRows - 1;
    plan.columns.forEach((c, i) => {
      const letter = String.fromCharCode(65 + i);
      const m = bySqref.get(`${letter}${plan.firstDataRow}:${letter}${last}`);
      expect(m, c.header).toBeDefined();
      if (c.rule?.type === "list") {
        expect(m![1]).toContain('type="list"');
        expect(m![2]).toContain(`<formula1>"${c.rule.values.join(",")}"</formula1>`);
      }
    });
  });

  it("keeps the example on the 填报说明 sheet, one line per column, so it never reads as a list row", async () => {
    const book = await readXlsx((await files()).blank);
    const list = book.sheet(plan.sheetName).grid;
    expect(list.rows.length).toBe(plan.headerRow);
    const notes = book.sheet("填报说明").grid;
    const text = notes.rows.flat().map((c) => String(c.value ?? ""));
    for (const c of plan.columns) if (c.example !== null) expect(text).toContain(exampleText(c.example));
    expect(check(notes, { programme: builtinProgramme(id), city }).counts.rowsChecked).toBe(0);
    for (const clause of plan.instructions.conditions.map((x) => x.clause)) expect(text.some((t) => t.includes(clause))).toBe(true);
  });
});

describe("template plan", () => {
  it("takes every dropdown from the definition's allowed values (and the setting in force)", () => {
    const programme = PROGRAMMES.find((p) => p.id === "js-2023-platform")!;
    // The notice's classes may carry a qualifier, so the dropdown suggests and typing stays allowed.
    const direction = planTemplate({ programme, city: "南京" }).columns.find((c) => c.field === "direction")!;
    expect(direction.rule).toEqual({ type: "list", values: programme.fields.find((f) => f.field === "direction")!.allowed, strict: false });
    expect(direction.prompt.text).toMatch(/可在其后用括号注明具体方向/);
    // A list the user set is the list: nothing else is accepted.
    const set = planTemplate({ programme, city: "南京", settings: { directions: ["综合型", "专业型"] } }).columns.find((c) => c.field === "direction")!;
    expect(set.rule).toEqual({ type: "list", values: ["综合型", "专业型"], strict: true });
    const star = planTemplate({ programme: PROGRAMMES.find((p) => p.id === "js-2023-star-cloud")!, city: "泰州" }).columns.find((c) => c.field === "starApplied")!;
    expect(star.rule).toEqual({ type: "list", values: ["三星级", "四星级", "五星级"], strict: true });
  });

  it("offers the city's districts and refuses a city of the other province", () => {
    const programme = PROGRAMMES.find((p) => p.id === "sd-2023-platform")!;
    const district = planTemplate({ programme, city: "济南" }).columns.find((c) => c.field === "district")!;
    expect(district.rule).toMatchObject({ type: "list", strict: false });
    expect(district.rule?.type === "list" && district.rule.values).toContain("历城区");
    expect(() => planTemplate({ programme, city: "南京" })).toThrow(/不在山东省/);
  });

  it("keeps input messages within Excel's limits", () => {
    for (const p of PROGRAMMES) {
      for (const c of planTemplate({ programme: p, city: cityOf(p.id, p.province) }).columns) {
        expect([...c.prompt.title].length).toBeLessThanOrEqual(32);
        expect([...c.prompt.text].length).toBeLessThanOrEqual(255);
      }
    }
  });

  it("input messages say what the rules say: an upgrade is allowed, the latest registration date, what cannot apply", () => {
    const platform = planTemplate({ programme: PROGRAMMES.find((p) => p.id === "js-2023-platform")!, city: "南京" }).columns;
    const text = (field: string) => platform.find((c) => c.field === field)!.prompt.text;
    expect(text("upgrade")).not.toMatch(/不得申报/);
    expect(text("alreadyRecognised")).toMatch(/在“是否升级申报”填“是”/);
    expect(text("registeredOn")).toMatch(/须在2022年2月28日或之前/);
    expect(text("constructionStatus")).toMatch(/^必填。.*已建成、已建成运营、运营中的项目可以申报，基本建成的须核实，其余不得申报。$/);
    const factory = planTemplate({ programme: PROGRAMMES.find((p) => p.id === "js-2023-benchmark-factory")!, city: "无锡" }).columns;
    expect(factory.find((c) => c.field === "registeredOn")!.prompt.text).toMatch(/须在2020年2月28日或之前/);
    expect(factory.find((c) => c.field === "investment")!.prompt.text).toMatch(/不低于2000万元。应等于各分项之和/);
  });

  it("states the deadline it is given", () => {
    const programme = PROGRAMMES[0]!;
    expect(planTemplate({ programme, city: "南京", deadline: "2023-03-05" }).instructions.deadlines[0]).toBe("请于2023年3月5日前将本表报南京市工业和信息化局。");
    expect(() => planTemplate({ programme, city: "南京", deadline: "2023-02-30" })).toThrow(/YYYY-MM-DD/);
  });
});

describe("a dropdown longer than Excel's inline limit", () => {
  it("takes its values from a very hidden 选项 sheet, and the list is still the first sheet the check reads", async () => {
    const programme = PROGRAMMES.find((p) => p.id === "js-2023-platform")!;
    const directions = Array.from({ length: 30 }, (_, i) => `面向重点行业的特色型工业互联网平台方向${i + 1}`);
    const plan = planTemplate({ programme, city: "南京", settings: { directions } });
    const bytes = await buildTemplateWorkbook(plan);
    const wb = await load(bytes);
    expect(wb.getWorksheet("选项")?.state).toBe("veryHidden");
    const column = plan.columns.findIndex((c) => c.field === "direction") + 1;
    const dv = wb.getWorksheet(plan.sheetName)!.getCell(plan.firstDataRow, column).dataValidation;
    expect(dv.formulae[0]).toMatch(/^'选项'!\$A\$1:\$A\$30$/);
    const options = wb.getWorksheet("选项")!;
    expect(Array.from({ length: 30 }, (_, i) => options.getCell(i + 1, 1).value)).toEqual(directions);
    const book = await readXlsx(bytes);
    expect(book.sheetNames).toEqual(["推荐名单", "填报说明"]);
  });
});
