/**
 * docs/rules.md from the programme definitions: every rule with its clause, and every setting with
 * its default and provenance. `npx tsx scripts/rules-doc.ts` rewrites the file; a test fails when
 * the file differs from what the definitions give, so the document cannot drift from the check.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { listProgrammes } from "../src/domain/catalogue";
import { ROW_KINDS, SET_KINDS } from "../src/domain/rules/kinds";
import { describeProgramme } from "../src/domain/rules-text";
import { settingSummary } from "../src/domain/setting-values";
import { resolveSettings } from "../src/domain/settings";

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function rulesMarkdown(): string {
  const out: string[] = [];
  out.push("# 各项目的核查规则 / Rules of each programme");
  out.push("");
  out.push("本文件由 `npx tsx scripts/rules-doc.ts` 从内置项目定义文件 `src/domain/programmes/*.json` 生成，请勿手改；测试会核对它与定义一致。");
  out.push("“待定”是通知未明确、由设置决定的事项（任务窗格“通知未明确的事项”或命令行 `--settings`），这里列出默认值及其依据。");
  out.push("");
  out.push("Generated from the built-in programme files `src/domain/programmes/*.json` by `npx tsx scripts/rules-doc.ts`; do not edit by hand (a test checks it matches). Open facts are settings (pane or `--settings`); their defaults and provenance are listed.");
  out.push("", "## 规则种类 / Rule kinds", "");
  out.push("项目定义文件中 `rowRules`（逐行）和 `setRules`（整表）的每条规则以 `type` 指明种类；每种的参数见 [`programme.schema.json`](programme.schema.json)。");
  out.push("Each rule of `rowRules` (one row) and `setRules` (the whole list) names its kind in `type`; the parameters are in programme.schema.json.");
  out.push("", "| type | 种类 / kind | 参数 / parameters | 问题代码 / finding codes | 新建项目中可改 / editable |", "|---|---|---|---|---|");
  for (const k of [...ROW_KINDS, ...SET_KINDS]) {
    const params = Object.keys(k.schema.shape).filter((key) => key !== "type" && key !== "source");
    const codes = Object.entries(k.codes as Record<string, readonly [string, string]>).map(([code, [zh]]) => `\`${code}\` ${zh}`);
    const place = k.place === "row" ? "逐行" : "整表";
    out.push(`| \`${k.type}\` | ${cell(`${k.name[0]} / ${k.name[1]}`)}（${place}） | ${params.map((s) => `\`${s}\``).join("、")} | ${cell(codes.join("；") || "（沿用读取时的代码 / reading's codes）")} | ${cell(k.editable.map((e) => e.zh).join("、"))} |`);
  }
  for (const p of listProgrammes()) {
    const t = describeProgramme(p, resolveSettings(p).states);
    const byId = new Map(t.settings.map((s) => [s.id, s]));
    out.push("", `## \`${t.id}\` ${t.title}`, "");
    out.push(`- 通知：${t.notice}`);
    for (const d of t.deadlines) out.push(`- 截止：${d}`);
    for (const c of t.columns) out.push(`- ${c}`);
    out.push("", "| # | 规则 | 出处 | 待定（默认） |", "|---|---|---|---|");
    t.rules.forEach((r, i) => {
      const open = r.settings.map((id) => byId.get(id)).filter((s) => s !== undefined).map((s) => `${s.zh}：${settingSummary(s.kind, s.value)}`);
      out.push(`| ${i + 1} | ${cell(r.zh)} | ${cell(r.clause)} | ${cell(open.join("；"))} |`);
    });
    out.push("", "| 设置（键名） | 决定 | 默认 | 依据 |", "|---|---|---|---|");
    for (const s of t.settings) out.push(`| ${cell(s.zh)}（\`${s.id}\`） | ${cell(s.decides)} | ${cell(settingSummary(s.kind, s.default))} | ${cell(s.provenance)} |`);
    if (t.notes.length) {
      out.push("");
      for (const n of t.notes) out.push(`- ${n}`);
    }
  }
  return out.join("\n") + "\n";
}

export const RULES_DOC = join(__dirname, "..", "docs", "rules.md");

if (require.main === module) writeFileSync(RULES_DOC, rulesMarkdown());
