/**
 * Notices written for the purpose in other wordings than the seeds (test/data/notices/other/): a
 * category section named 申报范围 whose conditions are given per category ("对于园区类"), restriction
 * items inline ("（1）…；（2）…"), quotas per category in one sentence, a title on a line of its own
 * with its 文号, a province the definitions do not take yet.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { draftProgramme, type DraftBundle } from "../../src/domain/draft/draft";
import type { ProgrammeInput } from "../../src/domain/programme";

const notice = (name: string) => readFileSync(join(__dirname, "../data/notices/other", name), "utf8");
function draft(name: string, category?: string): DraftBundle {
  const r = draftProgramme(notice(name), category ? { category } : {});
  if (!r.ok) throw new Error(r.problems.map((p) => p.zh).join("; "));
  return r.bundle;
}
const kinds = (p: ProgrammeInput) => [...p.rowRules, ...p.setRules].map((r) => r.type);

describe("notices in other wordings", () => {
  it("js-2025: 文号 and title, 成立满3年, 须已建成, 在建不予受理, 限报1个项目, a province quota with 省属企业 exempt", () => {
    const p = draft("js-2025-smart-factory.txt").programme;
    expect(p.notice.number).toBe("苏工信装备〔2025〕88号");
    expect(p.notice.title).toBe("江苏省工业和信息化厅关于组织开展2025年度省级智能制造示范工厂申报工作的通知".replace(/^.*?(?=关于)/u, ""));
    expect(p.notice.issued).toBe("2025-03-10");
    expect(kinds(p)).toEqual(["identity", "min-age", "built", "not-recognised", "investment-min", "certificate", "restricted", "duplicates"]);
    const age = p.rowRules.find((r) => r.type === "min-age");
    expect(age && age.type === "min-age" && age.years).toBe(3);
    expect(p.quota?.value).toBe(8);
    expect(p.quota?.exemptOwnership).toEqual(["省属企业"]);
    expect(p.quota?.clause).toContain("原则上不超过8家");
    expect(p.cityDeadline).toBe("2025-04-30");
  });

  it("sd-2025: categories from 申报范围 because conditions are given per category; each draft takes only its own", () => {
    const r = draftProgramme(notice("sd-2025-park-benchmark.txt"));
    expect(r.categories).toEqual(["工业互联网园区", "工业互联网标杆企业"]);
    const park = draft("sd-2025-park-benchmark.txt", "园区").programme;
    const firm = draft("sd-2025-park-benchmark.txt", "标杆企业").programme;
    const years = (p: ProgrammeInput) => p.rowRules.flatMap((x) => (x.type === "min-age" ? [x.years] : []));
    expect(years(park)).toEqual([2]);
    expect(years(firm)).toEqual([3]);
    expect(kinds(park)).not.toContain("investment-min");
    expect(kinds(firm)).toContain("investment-min");
    expect(kinds(firm)).toContain("not-recognised");
    expect([park.quota?.value, firm.quota?.value]).toEqual([2, 5]);
    const restricted = park.rowRules.find((x) => x.type === "restricted");
    expect(restricted && restricted.type === "restricted" && restricted.conditions.map((c) => c.field)).toEqual(["restrictAccident", "restrictCredit"]);
    // The share of cloud users has no column: a note citing its sentence, in the park's draft.
    expect(draft("sd-2025-park-benchmark.txt", "园区").notes.some((n) => n.text.includes("上云率不低于60%"))).toBe(true);
  });

  it("a notice of another province (浙江) drafts a programme of that province", () => {
    const r = draftProgramme(notice("zj-2025-platform.txt"));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.bundle.programme.province).toBe("33");
  });
});

describe("circled numbers as list items", () => {
  it("①②③ after 有下列情形之一 are the restriction items", () => {
    const text = "关于开展2025年度省级工业互联网平台申报工作的通知\n各设区市工信局：\n一、申报条件\n申报单位须在江苏省内注册，具有独立法人资格。有下列情形之一的，不得申报：①近三年发生较大以上安全生产事故的；②被纳入严重失信黑名单的；③不符合国家和省产业政策的。\n二、其他\n请各设区市于2025年6月30日前将推荐文件报送省工信厅。";
    const r = draftProgramme(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rule = r.bundle.programme.rowRules.find((x) => x.type === "restricted");
    expect(rule && rule.type === "restricted" && rule.conditions.map((c) => [c.field, c.barsWhen])).toEqual([
      ["restrictAccident", true],
      ["restrictCredit", true],
      ["policyCompliant", false],
    ]);
    expect((rule as unknown as { source: { section: string } }).source.section).toBe("一、一(1)、一(2)、一(3)");
  });
});
