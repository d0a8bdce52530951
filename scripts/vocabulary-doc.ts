/**
 * docs/vocabulary.md from src/domain/vocabulary.ts: every concept with its words and where their
 * usage comes from, and the modifiers kept as evidence. `npx tsx scripts/vocabulary-doc.ts` rewrites
 * it; a test fails when the file differs, so the document cannot drift from what the matcher reads.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BROADER_HEADS, CONCEPTS, HELD, NEGATION, PARTIES, PROSPECTIVE, SCOPE } from "../src/domain/vocabulary";

const cell = (s: string): string => s.replace(/\|/g, "\\|");

export function vocabularyMarkdown(): string {
  const out: string[] = [
    "# 表头用词 / Header vocabulary",
    "",
    "本文件由 `npx tsx scripts/vocabulary-doc.ts` 从 `src/domain/vocabulary.ts` 生成，请勿手改；测试会核对两者一致。",
    "",
    "表头是一个名词短语：修饰语在前，中心词在后（“近三年”+“累计”+“投资”+“总额”）。区县常把其中任何一个词换成日常同义词或简称（“联络”代“联系”、“承担单位”代“申报单位”、“支出”代“投入”）。列匹配先把表头和每个字段的每种写法都按下表换成同一概念的规范词，再比较；所以没见过的、由已知词组合成的表头也能读懂。",
    "",
    "Headers are noun phrases, modifiers first and the head word last. Districts swap any word for an everyday synonym or abbreviation; the matcher rewrites the header and every wording of every field into each concept's canonical word (longest word first) before comparing, so an unseen combination of known words is read as the combination of their concepts.",
    "",
    "## 概念与用词 / Concepts and their words",
    "",
    "| 概念 | 规范词 | 同义词、简称 | 用法出处 |",
    "|---|---|---|---|",
  ];
  for (const c of CONCEPTS) {
    if (c.words.length === 0) continue;
    out.push(`| ${cell(c.zh)} | ${cell(c.canonical)} | ${cell(c.words.join("、"))} | ${cell(c.source)} |`);
  }
  const whole = CONCEPTS.filter((c) => c.words.length === 0).map((c) => c.canonical);
  out.push("", `不拆开读的词（其中的字不作修饰语）：${whole.join("、")}。`);
  out.push(
    "",
    "## 泛指的中心词 / Broader head words",
    "",
    "以这些词结尾的表头（“往年认定等级”“企业代码”“单位类型”）说明了是哪一类字段，但没说是哪一个：对中心词属于该类的每个字段都只算中等把握，单凭表头不对应。只有当单元格内容强烈相符（八成以上为有效信用代码、星级、企业性质用词、项目允许的值，或在问句表头下的是/否）且只符合其中一个字段时，才按表头+内容对应，报告注明“表头+内容”及相符的比例；内容同样符合另一个字段时不对应，只给建议。",
    "A header ending in one of these names a kind of field, not which one: moderate evidence for each, too little alone. The column maps only when its cells strongly agree with exactly one of them (the report says header+content and the share of cells that fit).",
    "",
    "| 中心词 | 涵盖 | 用法出处 |",
    "|---|---|---|",
    ...BROADER_HEADS.map((b) => `| ${cell(b.word)} | ${cell(b.narrower.join("、"))} | ${cell(b.source)} |`),
  );
  out.push(
    "",
    "## 改变含义的修饰语 / Modifiers that change the meaning",
    "",
    "这些词决定表头指的是哪个字段，只按它们区分，绝不按字面相似度：两种写法的时态不同、一个否定一个不否定、或表头说的是另一方时，该写法不算数。",
    "A wording whose modifier disagrees with the header's is ruled out, however alike the characters: 拟评定星级 never becomes 已评定星级.",
    "",
    `- 申报、拟评的（所申请的）/ applied for: ${PROSPECTIVE.join("、")}`,
    `- 已有的（已获得、现有）/ held: ${HELD.join("、")}`,
    `- 否定 / negation: ${NEGATION.join("、")}（“有无”除外）`,
    `- 范围（不改变字段，比较时略去）/ scope (same field, dropped when comparing): ${SCOPE.join("、")}`,
    `- 表头所说的一方（识别、名称、文字列只取同一方的字段；是否类问题可提及对方）/ the party a header is about: ${PARTIES.map((p) => `${p.id}（${p.words.join("、")}）`).join("；")}`,
    "",
    "一个字段的写法多数带同一时态时（“申报星级”“申报级别”），它不带时态的写法（“星级”）也按这一时态读。",
    "If most of a field's wordings carry one tense, its bare wordings carry it too.",
  );
  return out.join("\n") + "\n";
}

export const VOCABULARY_DOC = join(__dirname, "..", "docs", "vocabulary.md");

if (require.main === module) writeFileSync(VOCABULARY_DOC, vocabularyMarkdown());
