/**
 * `huizong programmes draft <通知.txt> -o <草稿.json> [--category 名称] [--province 37] [--force]`:
 * drafts a programme from a notice's text (UTF-8 or GB18030), writes it for review, and prints the
 * categories, each rule beside its sentence with how sure the extractor is, and the notes.
 * Exit codes: 0 written; 2 bad usage, an unreadable notice, an existing file without --force, or a
 * notice that gives no draft (its categories listed when one must be chosen).
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { draftProgramme, draftRules, ruleSummary } from "../domain/draft/draft";
import { refusalLine, UsageError, type Io } from "./common-options";
import { InputError } from "./input";
import { checkOutput, writeOutput } from "./output";

export const DRAFT_HELP = `  huizong programmes draft <通知.txt> -o <草稿.json> [--category <类别>] [--province <代码>] [--force]
                           由通知正文（UTF-8 或 GB18030 文本，简体或繁体）生成项目定义草稿：每条规则注明出处
                           （条款号和原句）及把握程度，未能转为规则的句子列为说明。草稿未经审核，请逐条核对
                           draft a programme from a notice's text; every rule cites its sentence, with a confidence
  --category <类别>        通知分几个申报类别时选其一（如 --category 省工业互联网标杆工厂）；不加时列出全部类别
                           pick one of the notice's categories; without it they are listed
  --province <代码>        通知看不出省份时指定（32 江苏、37 山东 …）/ the province when the notice does not say it
  --force                  输出文件已存在时覆盖 / overwrite an existing output file
`;

/** The notice's text: UTF-8 (with or without BOM), else GB18030 (中文 Windows 记事本的 ANSI). */
export function readNoticeText(path: string): { text: string; encoding: "UTF-8" | "GB18030" } {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path} 是文件夹：请给出通知的文本文件`, `${path} is a folder: name the notice's text file`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`找不到或无法读取通知文件：${path}`, `cannot read the notice file: ${path}`);
  }
  if (bytes.length === 0) throw new InputError(`${path} 是空文件`, `${path} is empty`);
  const head = bytes.subarray(0, 8).toString("latin1");
  if (head.startsWith("PK\x03\x04") || head.startsWith("%PDF") || head.startsWith("\xD0\xCF\x11\xE0")) {
    throw new InputError(`${path} 是 Word、Excel 或 PDF 文件，不是文本：请把通知正文复制到记事本，另存为 .txt`, `${path} is a Word, Excel or PDF file: paste the notice's text into a .txt file`);
  }
  if (bytes.subarray(0, 4).includes(0) || bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) || bytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))) {
    throw new InputError(`${path} 不是 UTF-8 或 GB18030 文本（可能是 Word 文件或 UTF-16）：请把通知正文另存为 .txt`, `${path} is not UTF-8 or GB18030 text: save the notice as .txt`);
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "GB18030" };
  }
}

async function draftOrThrow(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { output: { type: "string", short: "o" }, category: { type: "string" }, province: { type: "string" }, force: { type: "boolean" } },
    });
  } catch (e) {
    throw new UsageError(`参数有误：${e instanceof Error ? e.message : String(e)}（huizong --help 查看用法）`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`programmes draft 需要一个通知文本文件，收到 ${positionals.length} 个 / give one notice file`);
  const path = positionals[0]!;
  const output = values.output;
  if (!output) throw new UsageError("缺少 -o <草稿.json>：草稿写到哪里 / missing -o <draft.json>");
  if (!/\.json$/iu.test(output)) throw new UsageError(`输出文件应以 .json 结尾，收到“${output}” / the output must be a .json file`);
  if (values.province !== undefined && !/^\d{2}$/u.test(values.province)) throw new UsageError(`--province 应为两位省级代码（如 32、37），收到“${values.province}” / --province takes a two-digit code`);
  checkOutput(output, [{ what: "通知文件", whatEn: "notice file", path }], values.force ?? false);
  const { text, encoding } = readNoticeText(path);
  if ((text.match(/\p{Script=Han}/gu) ?? []).length < 20) throw new InputError(`${path} 中几乎没有中文：看不出是通知正文`, `${path} holds almost no Chinese: not a notice's text`);
  const result = draftProgramme(text, { ...(values.category ? { category: values.category } : {}), ...(values.province ? { province: values.province } : {}) });
  if (result.categories.length) io.stdout(`通知列有 ${result.categories.length} 个申报类别 / categories:\n${result.categories.map((c, i) => `  ${i + 1}. ${c}`).join("\n")}\n`);
  if (!result.ok) throw new UsageError(result.problems.map((p) => `${p.zh}${p.cli ? `（${p.cli}）` : ""}`).join("；"), result.problems.map((p) => `${p.en}${p.cli ? ` (${p.cli})` : ""}`).join("; "));
  const { bundle } = result;
  writeOutput(output, new TextEncoder().encode(JSON.stringify(bundle, null, 2) + "\n"));
  const p = bundle.programme;
  const lines: string[] = [];
  lines.push(`通知：${bundle.notice.title}（${encoding}${bundle.notice.traditional ? "，繁体已转为简体" : ""}）`);
  if (bundle.notice.category) lines.push(`草稿类别：${bundle.notice.category}`);
  lines.push(`草稿 ${p.id} 已写入 ${output}。这是未经审核的草稿：请逐条核对规则（接受、修改或删除）后再用于校验。`);
  lines.push(`Draft ${p.id} written to ${output}: unreviewed — review every rule before checking with it.`);
  lines.push(`市级截止 ${p.cityDeadline}；基准日 ${p.asOf}（${p.asOfSource}）`);
  const rules = draftRules(p);
  lines.push(`规则 ${rules.length} 条 / rules（把握 0–1，句子为出处）:`);
  const byWhere = new Map<string, Record<string, unknown>>([
    ...p.rowRules.map((r, i) => [`rowRules[${i}]`, r as Record<string, unknown>] as const),
    ...p.setRules.map((r, i) => [`setRules[${i}]`, r as Record<string, unknown>] as const),
    ...(p.quota ? [["quota", p.quota as Record<string, unknown>] as const] : []),
    ...(p.priority ? [["priority", p.priority as Record<string, unknown>] as const] : []),
  ]);
  for (const r of rules) {
    const s = r.source;
    lines.push(`  [${s ? s.confidence.toFixed(2) : "—"}] ${s?.section ?? "—"} ${ruleSummary(byWhere.get(r.where) ?? {}, r.kind)}`);
    if (s) lines.push(`         「${s.text}」`);
  }
  lines.push(`说明 ${bundle.notes.length} 条（未转为规则，请人工核对）/ notes (no rule):`);
  for (const n of bundle.notes) lines.push(`  ${n.section}：${n.text}（${n.reason}）`);
  io.stdout(lines.join("\n") + "\n");
  return 0;
}

/** Runs `huizong programmes draft …`; returns the exit code. */
export async function runDraft(args: string[], io: Io): Promise<number> {
  try {
    return await draftOrThrow(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr(refusalLine(e));
      return 2;
    }
    throw e;
  }
}
