/**
 * Where a column stands and how its header is worded must not change a verdict: shuffling the
 * columns, inserting empty or unrelated ones, or rewording a header to another wording of the same
 * field (one the corpus pins as mapped) leaves every row's findings as they were.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/domain/cells";
import { check } from "../../src/domain/check";
import type { Report } from "../../src/domain/report";
import { uscc } from "./check-helpers";
import { mappedField, readCorpus } from "./header-corpus";

const PROGRAMME = "js-2023-platform";

/** Each field's header and a column of values with findings in it (a bad code, a young applicant, a duplicate, 在建, an unread date…). */
const COLUMNS: { field: string; header: string; values: (string | number | null)[] }[] = [
  { field: "applicant", header: "申报单位", values: ["南京甲科技有限公司", "南京乙科技有限公司", "南京甲科技有限公司", "南京丙分公司", "南京丁科技有限公司", "南京戊科技有限公司"] },
  { field: "uscc", header: "统一社会信用代码", values: [uscc("320115", 1), uscc("320115", 2), uscc("320115", 1), "91320115MAHEGG3M0X", uscc("320506", 5), uscc("320115", 6)] },
  { field: "registeredOn", header: "注册时间", values: ["2015-03-01", "2022-12-01", "2015-03-01", "2016年5月", "2010-01-01", "去年"] },
  { field: "direction", header: "平台类型", values: ["综合型", "特色型", "综合型", "专业性", "专业型", "特色型"] },
  { field: "constructionStatus", header: "建设情况", values: ["已建成", "在建", "已建成", "运营中", "基本建成", "已建成"] },
  { field: "alreadyRecognised", header: "是否已认定为省重点平台", values: ["否", "是", "否", "否", "是", "否"] },
  { field: "upgrade", header: "是否升级申报", values: ["否", "否", "否", "否", "是", "否"] },
  { field: "investment", header: "平台投入（万元）", values: [3000, 200, 3000, "五百万元", 800, 1200] },
  { field: "phone", header: "联系电话", values: ["13851926374", "52186731", "025-52186731", null, "13912345678", "13800000000"] },
];

/** Other wordings of each field that the corpus pins as mapping right on this programme. */
const corpus = readCorpus();
const REWORDINGS: Record<string, string[]> = {};
for (const c of COLUMNS) {
  REWORDINGS[c.field] = corpus.filter((e) => e.programme === PROGRAMME && e.field === c.field && !e.header.includes("//") && mappedField(e) === c.field).map((e) => e.header);
}
const UNRELATED = corpus.filter((e) => e.programme === PROGRAMME && e.field === null && !e.header.includes("//")).map((e) => ({ header: e.header, samples: e.samples }));

/** Per row: the findings as code, severity and field, sorted (column letters move with the columns). */
function verdicts(report: Report): string[] {
  return report.findings.filter((f) => f.row !== undefined).map((f) => `${f.row} ${f.severity} ${f.code} ${f.field ?? ""}`).sort();
}

interface Column {
  header: string;
  values: (string | number | null)[];
}

function listOf(columns: Column[]) {
  const rows = COLUMNS[0]!.values.length;
  return gridFromValues([["南京市2023年推荐汇总表"], columns.map((c) => c.header), ...Array.from({ length: rows }, (_, i) => columns.map((c) => c.values[i] ?? null))]);
}

const base: Column[] = COLUMNS.map((c) => ({ header: c.header, values: c.values }));
const baseVerdicts = verdicts(check(listOf(base), { programme: builtinProgramme(PROGRAMME), city: "南京" }));

const extraColumn: fc.Arbitrary<Column> = fc.oneof(
  fc.constant<Column>({ header: "", values: [] }),
  fc.constantFrom(...UNRELATED).map((u) => ({ header: u.header, values: u.samples.length > 0 ? Array.from({ length: 6 }, (_, i) => u.samples[i % u.samples.length]!) : [] })),
);

describe("verdicts do not depend on column order or wording", () => {
  it("the base list has findings to keep, and every field has another wording", () => {
    expect(baseVerdicts.length).toBeGreaterThan(5);
    for (const c of COLUMNS) expect(REWORDINGS[c.field]!.filter((w) => w !== c.header).length, c.field).toBeGreaterThan(0);
    expect(UNRELATED.length).toBeGreaterThan(20);
  });

  it("shuffling columns, inserting empty or unrelated ones, rewording headers: the same verdicts", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(base.map((_, i) => i), { minLength: base.length, maxLength: base.length }),
        fc.array(fc.tuple(fc.nat(), extraColumn), { maxLength: 4 }),
        fc.array(fc.nat(), { minLength: base.length, maxLength: base.length }),
        (order, extras, wordingPicks) => {
          const columns: Column[] = order.map((i) => {
            const words = REWORDINGS[COLUMNS[i]!.field]!;
            const pick = wordingPicks[i]! % (words.length + 1);
            return { header: pick === words.length ? base[i]!.header : words[pick]!, values: base[i]!.values };
          });
          for (const [at, col] of extras) columns.splice(at % (columns.length + 1), 0, col);
          const report = check(listOf(columns), { programme: builtinProgramme(PROGRAMME), city: "南京" });
          expect(verdicts(report)).toEqual(baseVerdicts);
        },
      ),
      { numRuns: 150 },
    );
  });
});
