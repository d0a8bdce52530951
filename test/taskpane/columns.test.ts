import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../src/domain/report";
import { choicesFrom, fieldsTakenTwice, needsAttention, preselectedChoices } from "../../src/taskpane/components/Columns";

const col = (column: string, header: string, field: string | null, extra: Partial<ColumnMapping> = {}): ColumnMapping => ({
  column,
  header,
  field,
  confidence: field ? 1 : 0,
  why: field ? "header" : "none",
  samples: [],
  ...extra,
});

const COLUMNS = [
  col("A", "序号", "seq"),
  col("B", "企业名称", "applicant"),
  col("C", "代码号", null, { suggestion: "uscc" }),
  col("D", "备注", "remarks"),
  col("E", "备注", null),
  col("F", "", null),
  col("G", "", "investment", { why: "content", confidence: 0.7 }),
];

describe("the 列对应 panel's choices", () => {
  it("names a column by its header where no other column has it, else by its letter; leaves out a bare unused column", () => {
    expect(choicesFrom(COLUMNS, { C: "uscc", D: null })).toEqual([
      { column: "序号", field: "seq" },
      { column: "企业名称", field: "applicant" },
      { column: "代码号", field: "uscc" },
      { column: "D", field: null },
      { column: "E", field: null },
      { column: "G", field: "investment" },
    ]);
  });

  it("names columns as the domain reads them back: a header like a column letter, or equal to another after normalising, goes by its letter", () => {
    const cols = [col("A", "QQ", "contact"), col("B", "企业 名称", "applicant"), col("C", "企业名称", null), col("D", "URL", null)];
    expect(choicesFrom(cols, { D: "remarks" })).toEqual([
      { column: "A", field: "contact" },
      { column: "B", field: "applicant" },
      { column: "C", field: null },
      { column: "D", field: "remarks" },
    ]);
  });

  it("finds a field chosen for two columns", () => {
    expect([...fieldsTakenTwice(COLUMNS, {})]).toEqual([]);
    expect([...fieldsTakenTwice(COLUMNS, { C: "applicant" })]).toEqual([["applicant", ["B", "C"]]]);
  });

  it("asks the clerk to look at suggestions, content-only and weak matches, not at sure ones or her own", () => {
    expect(COLUMNS.map(needsAttention)).toEqual([false, false, true, false, false, false, true]);
    expect(needsAttention(col("H", "名称", "applicant", { confidence: 0.4 }))).toBe(true);
    expect(needsAttention(col("H", "名称", "applicant", { confidence: 0.4, why: "user" }))).toBe(false);
  });

  it("preselects each grounded suggestion of an unused column, never a field another column reads, once each, never over the clerk's 不使用此列", () => {
    const cols = [
      col("A", "企业名称", "applicant"),
      col("B", "代码号", null, { suggestion: "uscc", suggestionFrom: "content" }),
      col("C", "名称二", null, { suggestion: "applicant", suggestionFrom: "header" }),
      col("D", "获星情况", null, { suggestion: "starHeld", suggestionFrom: "header" }),
      col("E", "此前星级", null, { suggestion: "starHeld", suggestionFrom: "header" }),
      col("F", "营业收入", null, { suggestion: "investment" }),
      col("G", "单位属性", null, { suggestion: "ownership", suggestionFrom: "content", why: "user" }),
    ];
    expect(preselectedChoices(cols)).toEqual({ B: "uscc", D: "starHeld" });
    // Confirming without a change takes them.
    expect(choicesFrom(cols, preselectedChoices(cols)).filter((c) => c.field !== null).map((c) => `${c.column}=${c.field}`)).toEqual(["企业名称=applicant", "代码号=uscc", "获星情况=starHeld"]);
  });
});
