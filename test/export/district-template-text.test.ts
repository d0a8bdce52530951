/**
 * What the district template says: the ownership dropdown (every ownership a district may need, the
 * programme's exempt words marked 不占名额 exactly where the checker reads them exempt) and the 填报说明
 * (full sentences, each clause once), for every built-in programme.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { builtinInput } from "../../src/domain/programmes/index";
import { PROGRAMMES } from "../../src/domain/programmes/index";
import { ownershipMatch } from "../../src/domain/ownership";
import { Programme } from "../../src/domain/programme";
import { COMMON_OWNERSHIPS, EXEMPT_MARK, OTHER_OWNERSHIP, partKey, planTemplate, REPEAT_MIN, splitClause, type TemplatePlan } from "../../src/domain/template/plan";
import { buildTemplateWorkbook } from "../../src/export/district-template";
import { workbookBytes } from "../../src/export/xlsx";
import { readXlsx } from "../../src/workbook/xlsx-adapter";
import { usccCheckChar, organisationCodeCheckChar } from "../../src/domain/uscc";

const CITY: Record<string, string> = { "32": "南京", "37": "济南" };
const cityOf = (p: Programme) => (p.id === "js-2020-666" ? "昆山市" : CITY[p.province]!);

/** A valid code of the city's first district, different for each n. */
function uscc(region: string, n: number): string {
  const body = `MB${String(100000 + n * 37).slice(-6)}`;
  const first17 = `91${region}${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/** The template with one row per ownership value, the example row's other values, each row its own unit. */
async function filledWith(plan: TemplatePlan, ownership: string, values: readonly string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildTemplateWorkbook(plan)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.getWorksheet(plan.sheetName)!;
  values.forEach((own, n) => {
    plan.columns.forEach((c, i) => {
      const cell = ws.getCell(plan.firstDataRow + n, i + 1);
      const v = c.example;
      if (c.field === ownership) cell.value = own;
      else if (c.kind === "uscc" && typeof v === "string") cell.value = uscc(v.slice(2, 8), n * 3 + i);
      else if (c.kind === "name" && typeof v === "string") cell.value = v.replace("某某", `第${n + 1}号`);
      else if (c.field === "rank" || c.field === "seq") cell.value = n + 1;
      else cell.value = v === null ? null : typeof v === "object" ? new Date(`${v.date}T00:00:00Z`) : v;
    });
  });
  return workbookBytes(wb);
}

const WITH_QUOTA_OWNERSHIP = PROGRAMMES.filter((p) => p.quota && p.quota.exemptOwnership.length);

describe("the 企业性质 dropdown", () => {
  it("is drawn for the built-ins whose rules read the ownership", () => expect(WITH_QUOTA_OWNERSHIP.map((p) => p.id).sort()).toEqual(["sd-2023-platform", "sd-2024-gfbj-2"]));

  describe.each(WITH_QUOTA_OWNERSHIP.map((p) => [p.id, p] as const))("%s", (_id, programme) => {
    const plan = planTemplate({ programme, city: cityOf(programme) });
    const field = programme.quota!.ownershipField;
    const column = plan.columns.find((c) => c.field === field)!;
    const values = column.rule?.type === "list" ? column.rule.values : [];

    it("lists the common ownerships, the programme's exempt forms marked 不占名额, and 其他; typing stays allowed", () => {
      expect(column.rule).toMatchObject({ type: "list", strict: false });
      for (const w of COMMON_OWNERSHIPS) expect(values).toContain(w);
      expect(values.at(-1)).toBe(OTHER_OWNERSHIP);
      const marked = values.filter((v) => v.endsWith(EXEMPT_MARK));
      // Every exempt class of the programme has a choice, and every marked choice is read as that class.
      for (const word of programme.quota!.exemptOwnership) expect(marked.some((v) => ownershipMatch(v, [word])), word).toBe(true);
      for (const v of values) expect(ownershipMatch(v, programme.quota!.exemptOwnership) !== null, v).toBe(v.endsWith(EXEMPT_MARK));
      expect(column.example).toBe("民营企业");
      expect(column.prompt.text).toContain("不占推荐名额");
      expect(column.prompt.text).not.toMatch(/单位单位/);
    });

    it("round trip: written, filled, checked — the marked choices and the plain words are exempt, the others count", async () => {
      const plain = ["省属", "省属（不占名额）", "中央驻鲁", "中央驻鲁（不占名额）"];
      const typed = [...values, ...plain, "民营（非省属）", "民营企业（不占名额）"];
      const book = await readXlsx(await filledWith(plan, field, typed));
      const report = check(book.sheet(plan.sheetName).grid, { programme, city: cityOf(programme) });
      expect(report.counts.rowsChecked).toBe(typed.length);
      const exemptRows = new Set(report.findings.filter((f) => f.code === "quota-exempt").map((f) => f.row));
      const exemptValues = typed.filter((_, n) => exemptRows.has(plan.firstDataRow + n));
      expect(exemptValues).toEqual([...values.filter((v) => v.endsWith(EXEMPT_MARK)), ...plain]);
      // A district's own mark does not make an enterprise exempt: the ownership decides.
      expect(exemptValues).not.toContain("民营企业");
      expect(exemptValues).not.toContain("民营企业（不占名额）");
    });
  });

  it("comes from the programme's data: other exempt words give other marked choices", () => {
    const input = builtinInput("sd-2023-platform");
    input.quota!.exemptOwnership = ["高校"];
    const programme = Programme.parse(input);
    const values = planTemplate({ programme, city: "济南" }).columns.find((c) => c.field === "ownership")!.rule;
    const list = values?.type === "list" ? values.values : [];
    expect(list.filter((v) => v.endsWith(EXEMPT_MARK))).toEqual(["高校（不占名额）"]);
    // The central words the identity rule reads are still offered, no longer marked.
    expect(list).toContain("中央驻鲁企业");
    expect(list).not.toContain("省属国有企业（不占名额）");
  });
});

/** Separators and endings as the instructions use them. */
const parts = (line: string) => line.split(/[，；。,;]/u).map(partKey).filter((k) => k.length >= REPEAT_MIN);

describe.each(PROGRAMMES.map((p) => [p.id, p] as const))("填报说明 of %s", (_id, programme) => {
  const plan = planTemplate({ programme, city: cityOf(programme) });
  const ins = plan.instructions;
  const items = [...ins.deadlines, ...ins.howToFill, ...ins.conditions.map((c) => c.text), ...ins.failing];

  it("every item is a sentence: ends on 。, never on a colon or 之一 without what follows", () => {
    for (const t of items) {
      expect(t, t).toMatch(/。$/u);
      expect(t.replace(/[。\s]+$/u, ""), t).not.toMatch(/([：:]|之一|如下|下列情形[^：:]*不得申报)$/u);
    }
  });

  it("says each clause once: no part of an item repeats another part", () => {
    const seen: { key: string; line: string }[] = [];
    for (const line of items) {
      for (const key of parts(line)) {
        const again = seen.find((s) => s.key.includes(key) || key.includes(s.key));
        expect(again, `“${key}” in “${line}” repeats “${again?.line}”`).toBeUndefined();
        seen.push({ key, line });
      }
    }
  });

  it("the clause is the reference, never the text again", () => {
    for (const c of ins.conditions) {
      expect(c.clause).not.toBe("");
      expect(c.text.replace(/。$/u, "")).not.toBe(c.clause);
      expect(c.text).not.toContain(c.clause);
    }
  });

  it("a restriction list is one item with its cases", () => {
    for (const r of programme.rowRules) {
      if (r.type !== "restricted" || !r.conditions.length) continue;
      const item = ins.conditions.find((c) => r.conditions.every((x) => c.text.includes(x.zh)));
      expect(item, "one item holds every case").toBeDefined();
      expect(item!.text).toMatch(/不得申报：/u);
    }
  });
});

describe("splitClause", () => {
  it("splits at the colon, or reads numbers and words interleaved", () => {
    expect(splitClause("苏工信融合〔2023〕27号 三(一)1：申报单位应在江苏省内注册")).toEqual({ ref: "苏工信融合〔2023〕27号 三(一)1", text: "申报单位应在江苏省内注册" });
    expect(splitClause("某通知 二(一)2 平台已基本建成并运营；二(二)4 尚未开始建设的不得申报")).toEqual({ ref: "某通知 二(一)2、二(二)4", text: "平台已基本建成并运营；尚未开始建设的不得申报" });
    expect(splitClause("某通知 四(二)")).toEqual({ ref: "某通知 四(二)", text: "" });
  });
});
