/**
 * Headers read as words by concept (src/domain/vocabulary.ts): a modifier that changes what a header
 * names (拟/申报 against 已/历年, 未, another party) decides between fields, never character likeness;
 * and a word swapped for a synonym of its concept never changes a verdict.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { getProgramme } from "../../src/domain/catalogue";
import { findHeader } from "../../src/domain/header";
import { headerScores, normaliseHeader } from "../../src/domain/matching";
import type { Report } from "../../src/domain/report";
import { CONCEPTS, readHeader } from "../../src/domain/vocabulary";
import { lister, listGrid, uscc, VALID, withCode } from "./check-helpers";
import { mappedField, readCorpus } from "./header-corpus";

const star = getProgramme("js-2023-star-cloud")!;
const platform = getProgramme("js-2023-platform")!;

function fieldsOf(programmeId: string, header: string[], rows: Record<string, string | number | null>[]): Map<string, string | null> {
  const h = findHeader(listGrid(header, rows), getProgramme(programmeId)!);
  return new Map(h.all.map((c) => [c.header, c.field]));
}

describe("tense and status modifiers tell two fields apart", () => {
  const starHeader = ["企业名称", "统一社会信用代码", "注册日期", "上云开始时间"];
  const starRow = (n: number) => ({ 企业名称: `泰州丙${n}电子有限公司`, 统一社会信用代码: uscc("321202", n), 注册日期: "2014-01-01", 上云开始时间: "2022-01-05" });

  it("拟评定星级 is the level applied for (拟 = to be rated), 历年获评星级 the level held (历年获评 = rated before)", () => {
    const header = [...starHeader, "拟评定星级", "历年获评星级"];
    const rows = [1, 2, 3].map((n) => ({ ...starRow(n), 拟评定星级: "四星级", 历年获评星级: n === 2 ? "三星级" : "无" }));
    const m = fieldsOf("js-2023-star-cloud", header, rows);
    expect(m.get("拟评定星级")).toBe("starApplied");
    expect(m.get("历年获评星级")).toBe("starHeld");
  });

  it("each alone still maps by its modifier, even where the other field is free and the cells (star levels) fit both", () => {
    for (const [h, field] of [["拟评定星级", "starApplied"], ["历年获评星级", "starHeld"], ["拟评星级", "starApplied"], ["现有评定星级", "starHeld"]] as const) {
      const rows = [1, 2, 3].map((n) => ({ ...starRow(n), [h]: "三星级" }));
      expect(fieldsOf("js-2023-star-cloud", [...starHeader, h], rows).get(h), h).toBe(field);
    }
  });

  it("applying to be rated (申评, 参评, 争创) is the level applied for: no evidence for the held level, however alike 申评星级 and 已评星级 look", () => {
    for (const h of ["申评星级", "参评星级", "争创星级", "本次申评等级"]) {
      expect(readHeader(normaliseHeader(h)).tense, h).toBe("prospective");
      expect(headerScores(star, h).get("starHeld") ?? 0, h).toBe(0);
      const rows = [1, 2, 3].map((n) => ({ ...starRow(n), [h]: "四星级" }));
      expect(fieldsOf("js-2023-star-cloud", [...starHeader, h], rows).get(h), h).toBe("starApplied");
    }
  });

  it("拟评定星级 gets no evidence for the held level at all: 拟 and 已 disagree, however alike the characters (0.93 by bigrams before)", () => {
    expect(headerScores(star, "拟评定星级").get("starHeld") ?? 0).toBe(0);
    expect(headerScores(star, "历年获评星级").get("starApplied") ?? 0).toBeLessThan(0.6);
    expect(readHeader(normaliseHeader("拟评定星级")).tense).toBe("prospective");
    expect(readHeader(normaliseHeader("历年获评星级")).tense).toBe("held");
  });

  it("是否申请升级认定 is the upgrade question (申请 = applying), 是否已认定 the recognised one (已 = already): an upgrade is no already-recognised error", () => {
    const header = ["申报单位", "统一社会信用代码", "注册时间", "平台类型", "建设情况", "是否已认定", "是否申请升级认定"];
    const l = lister(header, VALID.jsPlatform);
    const grid = l.grid(l.row({ 是否已认定: "是", 是否申请升级认定: "是" }, 1), l.row({ 是否已认定: "是", 是否申请升级认定: "否" }, 2), l.row({}, 3));
    const h = findHeader(grid, platform);
    const byHeader = new Map(h.all.map((c) => [c.header, c.field]));
    expect(byHeader.get("是否已认定")).toBe("alreadyRecognised");
    expect(byHeader.get("是否申请升级认定")).toBe("upgrade");
    const report = check(grid, { programme: getProgramme("js-2023-platform")!, city: "南京" });
    // Only row 2 (recognised, not upgrading) is refused; row 1 applies to upgrade.
    expect(withCode(report, "already-recognised").map((f) => f.row)).toEqual([4]);
    expect(headerScores(platform, "是否申请升级认定").get("alreadyRecognised") ?? 0).toBe(0);
  });

  it("negation and another party rule a field out: 未建成原因 is no 建设情况, 集团统一社会信用代码 no applicant's code", () => {
    expect(headerScores(platform, "未建成原因").get("constructionStatus") ?? 0).toBe(0);
    expect(headerScores(platform, "集团统一社会信用代码").get("uscc") ?? 0).toBe(0);
    const gfbj = getProgramme("sd-2024-gfbj-2")!;
    expect(headerScores(gfbj, "牵头企业名称").get("siteName") ?? 0).toBe(0);
    expect(headerScores(gfbj, "落地企业统一社会信用代码").get("leadUscc") ?? 0).toBe(0);
  });
});

// ---------------------------------------------------------------- synonyms never change a verdict

/** Every word of every concept and the other words it may be swapped for. */
const SYNONYMS: { word: string; others: string[] }[] = CONCEPTS.filter((c) => c.words.length > 0).flatMap((c) => {
  const all = [c.canonical, ...c.words];
  return all.map((word) => ({ word, others: all.filter((w) => w !== word) }));
});

/** A header's variants with one word swapped for a synonym (left to right, the longest word at each place). */
function swaps(header: string): string[] {
  const out: string[] = [];
  for (const { word, others } of SYNONYMS) {
    const at = header.indexOf(word);
    if (at < 0) continue;
    // Not inside a longer known word at the same place (申报 inside 申报单位 is swapped as 申报单位).
    if (SYNONYMS.some((s) => s.word.length > word.length && header.slice(Math.max(0, at - s.word.length + word.length)).includes(s.word) && s.word.includes(word))) continue;
    for (const o of others) out.push(header.slice(0, at) + o + header.slice(at + word.length));
  }
  return out;
}

const PROGRAMME = "js-2023-platform";
const COLUMNS: { field: string; header: string; values: (string | number | null)[] }[] = [
  { field: "applicant", header: "申报单位", values: ["南京甲科技有限公司", "南京乙科技有限公司", "南京甲科技有限公司", "南京丙分公司", "南京丁科技有限公司", "南京戊科技有限公司"] },
  { field: "uscc", header: "统一社会信用代码", values: [uscc("320115", 1), uscc("320115", 2), uscc("320115", 1), "91320115MAHEGG3M0X", uscc("320506", 5), uscc("320115", 6)] },
  { field: "registeredOn", header: "注册时间", values: ["2015-03-01", "2022-12-01", "2015-03-01", "2016年5月", "2010-01-01", "去年"] },
  { field: "direction", header: "平台类型", values: ["综合型", "特色型", "综合型", "专业性", "专业型", "特色型"] },
  { field: "constructionStatus", header: "建设情况", values: ["已建成", "在建", "已建成", "运营中", "基本建成", "已建成"] },
  { field: "alreadyRecognised", header: "是否已认定为省重点平台", values: ["否", "是", "否", "否", "是", "否"] },
  { field: "upgrade", header: "是否升级申报", values: ["否", "否", "否", "否", "是", "否"] },
  { field: "investment", header: "平台投入（万元）", values: [3000, 200, 3000, "五百万元", 800, 1200] },
  { field: "contact", header: "联系人", values: ["张三", "李四", null, "王五", "赵六", "钱七"] },
  { field: "phone", header: "联系电话", values: ["13851926374", "52186731", "025-52186731", null, "13912345678", "13800000000"] },
];
const corpus = [...readCorpus(), ...readCorpus("unseen.tsv")];
/** Wordings of each field that map right on this programme (both corpora), each with at least one swap. */
const WORDINGS: Record<string, string[]> = {};
for (const c of COLUMNS) {
  WORDINGS[c.field] = [c.header, ...corpus.filter((e) => e.programme === PROGRAMME && e.field === c.field && !e.header.includes("//") && mappedField(e) === c.field).map((e) => e.header)].filter(
    (h) => swaps(h).length > 0,
  );
}

function verdicts(report: Report): string[] {
  return report.findings.filter((f) => f.row !== undefined).map((f) => `${f.row} ${f.severity} ${f.code} ${f.field ?? ""}`).sort();
}

function listOf(headers: string[]): Report {
  const rows = COLUMNS[0]!.values.length;
  const grid = listGrid(headers, Array.from({ length: rows }, (_, i) => Object.fromEntries(headers.map((h, c) => [h, COLUMNS[c]!.values[i] ?? null]))));
  return check(grid, { programme: getProgramme(PROGRAMME)!, city: "南京" });
}

describe("a header word swapped for a synonym of its concept never changes a verdict", () => {
  it("every field of the list has wordings with words to swap", () => {
    for (const c of COLUMNS) expect(WORDINGS[c.field]!.length, c.field).toBeGreaterThan(0);
    expect(swaps("联系人")).toContain("联络人");
    expect(swaps("平台投入（万元）")).toContain("平台投资（万元）");
  });

  it("any wording of each column, any swap in any of them: the findings of every row stay", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: COLUMNS.length, maxLength: COLUMNS.length }), fc.array(fc.nat(), { minLength: COLUMNS.length, maxLength: COLUMNS.length }), (picks, swapPicks) => {
        const headers = COLUMNS.map((c, i) => WORDINGS[c.field]![picks[i]! % WORDINGS[c.field]!.length]!);
        const before = verdicts(listOf(headers));
        const swapped = headers.map((h, i) => {
          const s = swaps(h);
          // Some columns keep their wording (index past the swaps), so swaps are tried alone and together.
          const k = swapPicks[i]! % (s.length + 1);
          return k === s.length ? h : s[k]!;
        });
        expect(verdicts(listOf(swapped)), swapped.join(" | ")).toEqual(before);
      }),
      { numRuns: 120 },
    );
  });
});
