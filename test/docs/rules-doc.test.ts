/** docs/rules.md is what the definitions say: regenerate it with `npx tsx scripts/rules-doc.ts` after changing a programme. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getProgramme, listProgrammes } from "../../src/domain/catalogue";
import { describeProgramme } from "../../src/domain/rules-text";
import { resolveSettings } from "../../src/domain/settings";
import { listGrid, run, uscc, withCode } from "../domain/check-helpers";
import { RULES_DOC, rulesMarkdown } from "../../scripts/rules-doc";
import { ROW_KINDS, SET_KINDS } from "../../src/domain/rules/kinds";

describe("docs/rules.md", () => {
  it("is up to date with the programme definitions", () => {
    expect(readFileSync(RULES_DOC, "utf8")).toBe(rulesMarkdown());
  });

  it("lists every rule kind of the registry with its finding codes", () => {
    const doc = rulesMarkdown();
    for (const k of [...ROW_KINDS, ...SET_KINDS]) {
      expect(doc).toContain(`| \`${k.type}\` |`);
      for (const code of Object.keys(k.codes)) expect(doc).toContain(`\`${code}\``);
    }
  });

  it("lists every programme, and every rule's clause", () => {
    const doc = rulesMarkdown();
    for (const p of listProgrammes()) {
      expect(doc).toContain(`## \`${p.id}\``);
      for (const r of p.rowRules) if ("clause" in r) expect(doc).toContain(r.clause);
      for (const s of p.settings) expect(doc).toContain(`\`${s.id}\``);
    }
  });

  it("says 错误 or 警告 as the check judges: js-2020-666 only warns on a branch and on a code from outside the province", () => {
    const p = getProgramme("js-2020-666")!;
    const rules = describeProgramme(p, resolveSettings(p).states).rules;
    const header = ["项目类型", "申报单位", "统一社会信用代码", "项目名称"];
    const row = (name: string, code: string) => ({ 项目类型: "上云上平台示范企业", 申报单位: name, 统一社会信用代码: code, 项目名称: "上云项目1" });
    const word = { error: "错误", warning: "警告", info: "提示" } as const;
    const branch = withCode(run(p.id, listGrid(header, [row("苏州戊一有限公司吴中分公司", uscc("320506", 1))]), { city: "苏州" }), "not-legal-person");
    const outside = withCode(run(p.id, listGrid(header, [row("苏州戊二有限公司", uscc("370102", 2))]), { city: "苏州" }), "uscc-outside-province");
    expect(branch.map((f) => f.severity)).toEqual(["warning"]);
    expect(outside.map((f) => f.severity)).toEqual(["warning"]);
    expect(rules.find((r) => r.zh.includes("独立法人"))!.zh).toContain(`的为${word[branch[0]!.severity]}`);
    expect(rules.find((r) => r.zh.includes("外登记"))!.zh).toContain(`江苏省外登记的为${word[outside[0]!.severity]}`);
  });
});
