/**
 * The printed form of every layout on its bundled sample: paper and printed text size, header
 * lines, borders, and that every cell holds the value the check understood (canonical 三星级,
 * 是/否, one date format, amounts as numbers in 万元) — never a district's own spelling.
 *
 * With HUIZONG_RENDER=1 each form is also rendered by LibreOffice to PDF and PNG in
 * test-results/form/ to be looked at (soffice and pdftoppm must be installed).
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { getProgramme } from "../../src/domain/catalogue";
import { layoutsOf } from "../../src/domain/export/layouts";
import { planExport } from "../../src/domain/export/plan";
import { fitScale, headerLines, MIN_PRINTED_PT, sheetSpec, FORM_FONTS } from "../../src/domain/export/sheet-spec";
import { FIELDS } from "../../src/domain/fields";
import { allowedValues } from "../../src/domain/rules/read";
import { buildExportWorkbook } from "../../src/export/xlsx";
import { SAMPLES, sampleGrid } from "../../src/samples/index";

const OUT = join(process.cwd(), "test-results", "form");
const PUNCTUATION_ONLY = /^[\p{P}\s]+$/u;

function exported(sampleId: string, layoutId: string, options: Parameters<typeof planExport>[3] = {}) {
  const sample = SAMPLES.find((s) => s.id === sampleId)!;
  const grid = sampleGrid(sample);
  const report = check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city, quota: 8 });
  const plan = planExport(grid, report, builtinProgramme(report.programme), { layoutId, ...options });
  return { sample, grid, report, plan, spec: sheetSpec(plan) };
}

const CASES = SAMPLES.flatMap((s) => layoutsOf(builtinProgramme(s.programmeId)).map((l) => ({ sample: s, layout: l })));

describe("every layout prints legibly", () => {
  for (const { sample, layout } of CASES) {
    it(`${layout.id}: A4 while the body stays ≥ 9 pt, else A3; no header line of punctuation alone`, async () => {
      const { plan, spec } = exported(sample.id, layout.id);
      const widths = spec.columnWidths;
      const a4 = FORM_FONTS.body.size * fitScale(widths, "A4");
      expect(spec.page.paperSize).toBe(a4 >= MIN_PRINTED_PT ? "A4" : "A3");
      expect(spec.page.printedBodyPt).toBeGreaterThanOrEqual(MIN_PRINTED_PT);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildExportWorkbook(plan)) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.pageSetup.paperSize).toBe(spec.page.paperSize === "A3" ? 8 : 9);
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.headerFooter.oddFooter).toMatch(/&P/);
      const { headerRow, firstDataRow, lastTableRow, lastColumn } = spec.parts;
      for (let c = 1; c <= lastColumn; c++) {
        const text = String(ws.getCell(headerRow, c).value ?? "");
        const lines = text.split("\n");
        expect(lines.length, text).toBeGreaterThan(0);
        for (const line of lines) expect(PUNCTUATION_ONLY.test(line), `${layout.id} header "${text}"`).toBe(false);
      }
      // Body text at the form's size, thin borders only, over the whole table.
      for (let r = headerRow; r <= lastTableRow; r++) {
        for (let c = 1; c <= lastColumn; c++) {
          const cell = ws.getCell(r, c);
          if (r >= firstDataRow && plan.rows[r - firstDataRow]?.kind === "data") expect(cell.font?.size).toBe(FORM_FONTS.body.size);
          for (const side of ["top", "left", "bottom", "right"] as const) expect(cell.border?.[side]?.style, `${cell.address} ${side}`).toBe("thin");
        }
      }
    });
  }

  it("breaks a header before its unit, never leaving a closing bracket alone", () => {
    expect(headerLines("平台投入（万元）", 10)).toEqual(["平台投入", "（万元）"]);
    expect(headerLines("平台类型（方向）", 11)).toEqual(["平台类型", "（方向）"]);
    expect(headerLines("统一社会信用代码", 12)).toEqual(["统一社会", "信用代码"]);
    expect(headerLines("序号", 6)).toEqual(["序号"]);
    for (const h of ["近三年投入合计（万元）", "所在县（市、区）", "场景落地单位统一社会信用代码", "牵头单位（服务商）", "是否占用推荐名额"]) {
      for (let w = 5; w <= 24; w++) for (const line of headerLines(h, w)) expect(PUNCTUATION_ONLY.test(line), `${h} @${w}: ${line}`).toBe(false);
    }
  });

  it("keeps to the user's paper", () => {
    const { sample, layout } = CASES.find((c) => c.layout.programme === "sd-2024-gfbj-2")!;
    expect(exported(sample.id, layout.id).spec.page.paperSize).toBe("A3");
    expect(exported(sample.id, layout.id, { paper: "A4" }).spec.page.paperSize).toBe("A4");
  });
});

describe("every exported cell holds the value the check understood", () => {
  for (const { sample, layout } of CASES) {
    it(layout.id, () => {
      const { plan, report } = exported(sample.id, layout.id);
      const programme = getProgramme(sample.programmeId)!;
      const fieldOfColumn = plan.columns.map((c) => layout.columns.find((l) => l.header === c.header)?.source);
      let checked = 0;
      for (const row of plan.rows) {
        if (row.kind !== "data") continue;
        row.values.forEach((v, i) => {
          const src = fieldOfColumn[i];
          if (src?.kind !== "field" || v.kind === "empty") return;
          const field = src.fields.find((f) => report.columns.some((c) => c.field === f))!;
          const spec = programme.fields.find((f) => f.field === field);
          const kind = FIELDS[field]?.kind;
          const text = v.kind === "text" ? v.text : String(v.value);
          // A cell the check could not read (a warning on an optional field) is shown as typed.
          if (report.findings.some((f) => f.row === row.sourceRow && f.field === field && f.severity !== "info")) return;
          checked++;
          if (kind === "enum" && spec) expect(allowedValues(spec, {}), `${layout.id} row ${row.sourceRow} ${field}`).toContain(text);
          if (kind === "yesno") expect(["是", "否"]).toContain(text);
          if (kind === "date" || kind === "dateOrOngoing") expect(text).toMatch(/^(\d{4}-\d{2}(-\d{2})?|至今)$/);
          if (kind === "amount") expect(v.kind).toBe("number");
          if (kind === "uscc") expect(text).toMatch(/^[0-9A-Z]{18}$/);
        });
      }
      expect(checked).toBeGreaterThan(10);
    });
  }

  it("星级上云: 3星级, 4星, 3星 are written 三星级, 四星级", () => {
    const sample = SAMPLES.find((s) => s.programmeId === "js-2023-star-cloud")!;
    const { plan } = exported(sample.id, "js-2023-star-cloud/附件7", { includeErrors: true });
    const col = plan.columns.findIndex((c) => c.header === "申报星级");
    const stars = new Set(plan.rows.flatMap((r) => (r.kind === "data" && r.values[col].kind === "text" ? [r.values[col].text] : [])));
    expect([...stars].every((s) => ["三星级", "四星级", "五星级"].includes(s)), [...stars].join(",")).toBe(true);
  });
});

describe("备注", () => {
  it("carries the districts' remarks only when asked; the tool's own marks always", () => {
    const sample = SAMPLES.find((s) => s.programmeId === "sd-2024-gfbj-2")!;
    const grid = sampleGrid(sample);
    const report = check(grid, { programme: builtinProgramme(sample.programmeId), city: sample.city, quota: 8 });
    const remarksOf = (keep: boolean) => {
      const plan = planExport(grid, report, builtinProgramme(report.programme), { keepSourceRemarks: keep, includeErrors: true });
      const col = plan.columns.findIndex((c) => c.header === "备注");
      return plan.rows.flatMap((r) => (r.kind === "data" && r.values[col].kind === "text" ? [r.values[col].text] : []));
    };
    const own = report.columns.find((c) => c.field === "remarks");
    expect(own).toBeDefined();
    const without = remarksOf(false);
    const withOwn = remarksOf(true);
    expect(without.some((t) => t.includes("不占名额"))).toBe(true);
    expect(withOwn.join("|").length).toBeGreaterThan(without.join("|").length);
    const districtWords = withOwn.flatMap((t) => t.split("；")).filter((p) => !without.some((w) => w.includes(p)));
    expect(districtWords.length).toBeGreaterThan(0);
  });
});

// Registered only when asked (about 200 s): CI counts a skipped test as a failure.
if (process.env.HUIZONG_RENDER === "1") describe("rendered by LibreOffice", () => {
  it("writes every layout as .xlsx, PDF and PNG into test-results/form/", { timeout: 600_000 }, async () => {
    mkdirSync(OUT, { recursive: true });
    for (const { sample, layout } of CASES) {
      const { plan } = exported(sample.id, layout.id);
      const base = layout.id.replace("/", "_");
      writeFileSync(join(OUT, `${base}.xlsx`), await buildExportWorkbook(plan));
      execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", OUT, join(OUT, `${base}.xlsx`)], { stdio: "ignore", timeout: 120_000 });
      execFileSync("pdftoppm", ["-png", "-r", "60", join(OUT, `${base}.pdf`), join(OUT, base)], { timeout: 60_000 });
    }
    const pngs = readdirSync(OUT).filter((f) => f.endsWith(".png"));
    expect(pngs.length).toBeGreaterThanOrEqual(CASES.length);
  });
});
