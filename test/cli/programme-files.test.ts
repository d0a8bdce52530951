/** Programme files on the command line: export → --programme-file, edits on the JSON's text, validate, new. */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listProgrammes } from "../../src/domain/catalogue";
import { SAMPLES } from "../../src/samples/index";
import { jsBenchmarkFactory } from "../../src/samples/js-2023-benchmark-factory";
import type { Cell } from "../../src/domain/cells";
import { huizong, ROOT, tempFolder } from "./run-cli";

const dir = tempFolder("programme-files");
const sampleFile = (id: string) => join(ROOT, "samples", SAMPLES.find((s) => s.programmeId === id)!.fileName);
const factory = "js-2023-benchmark-factory";

async function exported(id: string, name = `${id}.json`): Promise<string> {
  const path = join(dir(), name);
  if (!existsSync(path)) expect((await huizong("programmes", "export", id, "-o", path)).code).toBe(0);
  return path;
}

describe("programmes export → --programme-file", () => {
  it("every built-in: the same report as --programme, on its sample", async () => {
    expect(listProgrammes().length).toBeGreaterThanOrEqual(6);
    for (const sample of SAMPLES) {
      const path = await exported(sample.programmeId);
      const byId = await huizong("check", sampleFile(sample.programmeId), "-p", sample.programmeId, "-c", sample.city, "--json");
      const byFile = await huizong("check", sampleFile(sample.programmeId), "--programme-file", path, "-c", sample.city, "--json");
      expect(byFile.stderr).toBe(byId.stderr);
      expect(byFile.code).toBe(byId.code);
      expect(JSON.parse(byFile.stdout)).toEqual(JSON.parse(byId.stdout));
      expect(JSON.parse(byId.stdout).findings.length).toBeGreaterThan(0);
    }
  });

  it("writes each built-in's stored programme file byte for byte (the built-ins are these files)", async () => {
    for (const p of listProgrammes()) {
      const stored = readFileSync(join(ROOT, "src", "domain", "programmes", `${p.id}.json`), "utf8");
      expect(readFileSync(await exported(p.id), "utf8"), p.id).toBe(stored);
      expect(JSON.parse(stored).programme.layouts.length, p.id).toBeGreaterThan(0);
    }
  });

  it("every built-in validates, and a BOM before it changes nothing", async () => {
    for (const p of listProgrammes()) {
      const path = await exported(p.id);
      expect((await huizong("programmes", "validate", path)).code).toBe(0);
      const bom = join(dir(), `bom-${p.id}.json`);
      writeFileSync(bom, "\uFEFF" + readFileSync(path, "utf8"));
      expect((await huizong("programmes", "validate", bom)).code).toBe(0);
    }
  });

  it("export refuses to overwrite without --force, and overwrites with it", async () => {
    const path = await exported(factory);
    const r = await huizong("programmes", "export", factory, "-o", path);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--force/);
    expect((await huizong("programmes", "export", factory, "-o", path, "--force")).code).toBe(0);
    expect((await huizong("programmes", "export", "no-such-programme", "-o", join(dir(), "x.json"))).code).toBe(2);
  });

  it("--programme-file on export, merge, template and programmes", async () => {
    const path = await exported("js-2023-platform");
    const sample = SAMPLES.find((s) => s.programmeId === "js-2023-platform")!;
    const t1 = join(dir(), "t-id.xlsx"), t2 = join(dir(), "t-file.xlsx");
    expect((await huizong("template", "-p", sample.programmeId, "-c", sample.city, "-o", t1)).code).toBe(0);
    expect((await huizong("template", "--programme-file", path, "-c", sample.city, "-o", t2)).code).toBe(0);
    const e1 = await huizong("export", sampleFile(sample.programmeId), "-p", sample.programmeId, "-c", sample.city, "-o", join(dir(), "e-id.xlsx"));
    const e2 = await huizong("export", sampleFile(sample.programmeId), "--programme-file", path, "-c", sample.city, "-o", join(dir(), "e-file.xlsx"));
    expect(e2.code).toBe(e1.code);
    expect(e2.stdout.replace(/e-file\.xlsx/g, "e-id.xlsx")).toBe(e1.stdout);
    const m1 = await huizong("merge", sampleFile(sample.programmeId), "-p", sample.programmeId, "-c", sample.city, "-o", join(dir(), "m-id.xlsx"), "--json");
    const m2 = await huizong("merge", sampleFile(sample.programmeId), "--programme-file", path, "-c", sample.city, "-o", join(dir(), "m-file.xlsx"), "--json");
    expect(JSON.parse(m2.stdout).report).toEqual(JSON.parse(m1.stdout).report);
    const p1 = await huizong("programmes", sample.programmeId);
    const p2 = await huizong("programmes", "--programme-file", path);
    expect(p2.code).toBe(0);
    expect(p2.stdout).toBe(p1.stdout);
    const both = await huizong("check", sampleFile(sample.programmeId), "-p", sample.programmeId, "--programme-file", path, "-c", sample.city);
    expect(both.code).toBe(2);
  });
});

/** The sample's own cells read here, not by the engine: a number, or a text such as 2700万元 / 2024.12.31. */
function amountOf(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (cell.kind === "number") return cell.value as number;
  if (cell.kind === "text") {
    const m = /^([\d,.]+)(万元|万)?$/u.exec(String(cell.value).trim());
    return m ? Number(m[1]!.replace(/,/g, "")) : null;
  }
  return null;
}
function isoOf(cell: Cell | undefined): string | null {
  if (!cell) return null;
  if (cell.kind === "date") return new Date(Date.UTC(1899, 11, 30) + (cell.value as number) * 86400000).toISOString().slice(0, 10);
  if (cell.kind === "text") {
    const m = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})/u.exec(String(cell.value));
    return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : null;
  }
  return null;
}
const dataRows = jsBenchmarkFactory.rows.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.row >= 5 && typeof r.cells[0]?.value === "number");

describe("editing the exported benchmark-factory bundle's text", () => {
  async function findingsWith(text: string, name: string): Promise<Set<string>> {
    const path = join(dir(), name);
    writeFileSync(path, text);
    const r = await huizong("check", sampleFile(factory), "--programme-file", path, "-c", "苏州", "--json");
    expect(r.stderr).toBe("");
    return new Set((JSON.parse(r.stdout).findings as { row: number | null; code: string }[]).map((f) => `${f.row}|${f.code}`));
  }
  const flipped = (before: Set<string>, after: Set<string>) => ({ added: [...after].filter((k) => !before.has(k)).sort(), removed: [...before].filter((k) => !after.has(k)).sort() });

  it("the 2000 万元 minimum → 3000: exactly the rows whose total is 2000 to under 3000 gain the finding", async () => {
    const text = readFileSync(await exported(factory), "utf8");
    expect(text.match(/"min": 2000\b/g)).toHaveLength(1);
    const before = await findingsWith(text, "min-before.json");
    const after = await findingsWith(text.replace(/"min": 2000\b/, '"min": 3000'), "min-3000.json");
    const expected = dataRows.filter((r) => { const t = amountOf(r.cells[10]); return t !== null && t >= 2000 && t < 3000; }).map((r) => `${r.row}|investment-below-minimum`).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(flipped(before, after)).toEqual({ added: expected, removed: [] });
  });

  // The sample's certificates: none expires in (2023-03-31, 2024-03-31], so that edit flips nothing; a
  // later date shows the same computation does flip rows.
  for (const newDate of ["2024-03-31", "2025-03-31"]) {
    it(`the certificate date 2023-03-31 → ${newDate}: exactly the rows whose certificate ends in between`, async () => {
      const text = readFileSync(await exported(factory), "utf8");
      expect(text.match(/"after": "2023-03-31"/g)).toHaveLength(1);
      const before = await findingsWith(text, "cert-before.json");
      const after = await findingsWith(text.replace(/"after": "2023-03-31"/, `"after": "${newDate}"`), `cert-${newDate}.json`);
      const expectedRows = dataRows.filter((r) => { const d = isoOf(r.cells[12]); return d !== null && d > "2023-03-31" && d <= newDate; }).map((r) => r.row);
      const { added, removed } = flipped(before, after);
      expect(removed).toEqual([]);
      expect([...new Set(added.map((k) => Number(k.split("|")[0])))].sort((a, b) => a - b)).toEqual(expectedRows);
      if (newDate === "2025-03-31") expect(expectedRows.length).toBeGreaterThan(1);
    });
  }
});

describe("programmes validate: broken bundles → exit 2, every problem with its path, in Chinese and English", () => {
  type Mutate = (b: { format: unknown; version: unknown; programme: Record<string, any> }) => unknown;
  const obj = (m: Mutate) => async () => {
    const b = JSON.parse(readFileSync(await exported(factory), "utf8"));
    const r = m(b);
    return JSON.stringify(r === undefined ? b : r, null, 2);
  };
  const raw = (t: string) => async () => t;
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["not JSON", raw("{ this is not json"), /^\$$/],
    ["empty file", raw(""), /^\$$/],
    ["only a BOM", raw("\uFEFF"), /^\$$/],
    ["a JSON array", raw("[]"), /^\$$/],
    ["null", raw("null"), /^\$$/],
    ["wrong format", obj((b) => void (b.format = "something-else")), /^\$\.format$/],
    ["no format", obj((b) => { const { format: _f, ...rest } = b; return rest; }), /^\$\.format$/],
    ["wrong version", obj((b) => void (b.version = 99)), /^\$\.version$/],
    ["version as text", obj((b) => void (b.version = "1")), /^\$\.version$/],
    ["unknown rule kind", obj((b) => void (b.programme.rowRules[1].type = "no-such-kind")), /rowRules\[1\]/],
    ["rule naming an undeclared field", obj((b) => void (b.programme.rowRules.find((r: any) => r.type === "investment-min").total = "noSuchField")), /rowRules\[\d+\]/],
    ["minimum as text", obj((b) => void (b.programme.rowRules.find((r: any) => r.type === "investment-min").min = "2000")), /rowRules\[\d+\]\.min/],
    ["negative years", obj((b) => void (b.programme.rowRules.find((r: any) => r.type === "min-age").years = -3)), /rowRules\[\d+\]\.years/],
    ["impossible date 2023-02-30", obj((b) => void (b.programme.rowRules.find((r: any) => r.type === "certificate").after = "2023-02-30")), /rowRules\[\d+\]\.after/],
    ["impossible deadline", obj((b) => void (b.programme.cityDeadline = "2023-13-01")), /cityDeadline/],
    ["date in another shape", obj((b) => void (b.programme.asOf = "2023/02/28")), /asOf/],
    ["duplicate field", obj((b) => void b.programme.fields.push({ ...b.programme.fields[0] })), /fields/],
    ["duplicate setting id", obj((b) => void b.programme.settings.push({ ...b.programme.settings[0] })), /settings/],
    ["bad programme id", obj((b) => void (b.programme.id = "JS 2027!")), /programme\.id/],
    ["missing title", obj((b) => void delete b.programme.title), /programme\.title/],
    ["title as a number", obj((b) => void (b.programme.title = 42)), /programme\.title/],
    ["unknown key", obj((b) => void (b.programme.surprise = true)), /programme/],
    ["fields not a list", obj((b) => void (b.programme.fields = {})), /programme\.fields/],
    ["unknown province", obj((b) => void (b.programme.province = "99")), /programme\.province/],
    ["programme missing", obj((b) => { const { programme: _p, ...rest } = b; return rest; }), /programme/],
    ["summary-table column naming an undeclared field", obj((b) => void (b.programme.layouts[0].columns[2].source.fields = ["noSuchField"])), /layouts\[0\]\.columns\[2\]\.source\.fields\[0\]/],
    ["summary-table form given twice", obj((b) => void b.programme.layouts.push({ ...b.programme.layouts[0] })), /layouts\[1\]\.form/],
    ["summary table without 序号 first", obj((b) => void b.programme.layouts[0].columns.reverse()), /layouts\[0\]\.columns/],
    ["over-size", obj((b) => void (b.programme.notes = [...(b.programme.notes ?? []), "很".repeat(300_000)])), /^\$$/],
  ];
  it(`${cases.length} kinds of broken file`, () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const [what, make, path] of cases) {
    it(what, async () => {
      const file = join(dir(), `broken-${what.replace(/\W+/g, "_")}.json`);
      writeFileSync(file, await make());
      const r = await huizong("programmes", "validate", file, "--json");
      expect(r.code).toBe(2);
      const out = JSON.parse(r.stdout) as { ok: boolean; problems: { path: string; zh: string; en: string }[] };
      expect(out.ok).toBe(false);
      expect(out.problems.length).toBeGreaterThan(0);
      expect(out.problems.some((p) => path.test(p.path))).toBe(true);
      for (const p of out.problems) {
        expect(p.path).toMatch(/^\$/);
        expect(p.zh).toMatch(/\p{Script=Han}/u);
        expect(p.en).toMatch(/[A-Za-z]{3}/);
      }
      const text = await huizong("programmes", "validate", file);
      expect(text.code).toBe(2);
      expect(text.stderr).toContain(out.problems[0]!.path);
      expect(text.stderr).toContain(out.problems[0]!.zh);
      // The same file is refused by check, naming the path, before any list is read.
      const check = await huizong("check", sampleFile(factory), "--programme-file", file, "-c", "苏州");
      expect(check.code).toBe(2);
      expect(check.stderr).toContain(out.problems[0]!.path);
    });
  }
});

describe("programmes new", () => {
  it("copies a built-in under a new id; the copy checks the sample as the built-in does", async () => {
    const out = join(dir(), "new-2027.json");
    const r = await huizong("programmes", "new", "--from", factory, "--id", "js-2027-benchmark-factory", "-o", out);
    expect(r.code).toBe(0);
    const bundle = JSON.parse(readFileSync(out, "utf8"));
    expect(bundle.programme.id).toBe("js-2027-benchmark-factory");
    expect((await huizong("programmes", "validate", out)).code).toBe(0);
    const a = JSON.parse((await huizong("check", sampleFile(factory), "-p", factory, "-c", "苏州", "--json")).stdout);
    const b = JSON.parse((await huizong("check", sampleFile(factory), "--programme-file", out, "-c", "苏州", "--json")).stdout);
    expect(b.findings.map((f: { row: number; code: string }) => `${f.row}|${f.code}`)).toEqual(a.findings.map((f: { row: number; code: string }) => `${f.row}|${f.code}`));
    expect((await huizong("programmes", "new", "--from", factory, "--id", "js-2027-benchmark-factory", "-o", out)).code).toBe(2);
    expect((await huizong("programmes", "new", "--from", factory, "--id", "Bad Id", "-o", join(dir(), "bad.json"))).stderr).toMatch(/\$\.programme\.id/);
    expect((await huizong("programmes", "new", "--from", out, "--id", "js-2028-benchmark-factory", "-o", join(dir(), "new-2028.json"))).code).toBe(0);
  });

  it("the copy exports the province's summary table as the built-in does; a file with no layouts exports one built from its fields", async () => {
    const out = join(dir(), "new-2027-export.json");
    expect((await huizong("programmes", "new", "--from", factory, "--id", "js-2027-benchmark-factory", "-o", out)).code).toBe(0);
    const x1 = join(dir(), "x-builtin.xlsx"), x2 = join(dir(), "x-copy.xlsx"), x3 = join(dir(), "x-generic.xlsx");
    const e1 = await huizong("export", sampleFile(factory), "-p", factory, "-c", "苏州", "-o", x1);
    const e2 = await huizong("export", sampleFile(factory), "--programme-file", out, "-c", "苏州", "-o", x2);
    // Exit 1: the sample has rows with errors, left out of the table with a warning.
    expect(e1.code).toBe(1);
    expect(e2.code).toBe(e1.code);
    const [a, b] = [await sheetValues(x1), await sheetValues(x2)];
    expect(b.length).toBeGreaterThan(5);
    expect(b).toEqual(a);
    // The same copy with its layouts taken out: a form of its own fields, every exported row kept.
    const bare = JSON.parse(readFileSync(out, "utf8"));
    bare.programme.layouts = [];
    const bareFile = join(dir(), "new-2027-bare.json");
    writeFileSync(bareFile, JSON.stringify(bare));
    const e3 = await huizong("export", sampleFile(factory), "--programme-file", bareFile, "-c", "苏州", "-o", x3);
    expect(e3.code).toBe(e1.code);
    const c = await sheetValues(x3);
    const headerOf = (rows: string[][]) => rows.find((r) => r[0] === "序号")!;
    expect(headerOf(c)).toEqual(expect.arrayContaining(["序号", "申报单位", "统一社会信用代码", "备注"]));
    const numbered = (rows: string[][]) => rows.filter((r) => /^\d+$/.test(r[0] ?? "")).length;
    expect(numbered(c)).toBe(numbered(a));
    expect(numbered(a)).toBeGreaterThan(0);
    expect(e3.stdout).toMatch(/js-2027-benchmark-factory\/汇总表/);
  });
});

/** Every cell of the first sheet of an exported file, as text, row by row. */
async function sheetValues(path: string): Promise<string[][]> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)))));
  return out;
}
