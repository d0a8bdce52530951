/**
 * Programme files from the command line:
 *   huizong programmes export <id> -o <项目.json> [--force]      a built-in as a bundle to edit or share
 *   huizong programmes validate <项目.json> [--json]              exit 0 valid; exit 2 with every problem
 *   huizong programmes new --from <id|项目.json> --id <新编号> -o <项目.json> [--force]
 */
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleText, parseBundleData, parseProgrammeBundle, programmeToBundle, type BundleProblem } from "../domain/bundle";
import { DRAFT_FORMAT } from "../domain/draft/draft";
import type { Programme } from "../domain/programme";
import { readProgrammeFile, refusalLine, requireProgramme, UsageError, type Io } from "./common-options";
import { checkOutput, writeOutput } from "./output";

export const PROGRAMME_FILES_HELP = `  huizong programmes export <id> -o <项目.json> [--force]
                           把内置项目导出为项目定义文件（JSON），供修改或分享给其他单位
                           write a built-in programme as a programme file (JSON) to edit or share
  huizong programmes validate <项目.json> [--json]
                           检查项目定义文件：有效退出码 0；有误退出码 2，逐条列出位置（JSON 路径）与原因
                           check a programme file: exit 0 if valid; exit 2 listing every problem (JSON path, zh, en)
  huizong programmes new --from <id|项目.json> --id <新编号> -o <项目.json> [--force]
                           复制现有项目为新项目（新编号），再按新通知修改日期、金额等
                           copy a programme under a new id, then edit its dates, amounts… for the new notice
  各命令均可用 --programme-file <项目.json> 代替 --programme <id>（草稿的报告注明未经审核）
  every command takes --programme-file <file.json> instead of --programme <id> (a draft's report says it is unreviewed)
`;

function parse(args: string[], options: NonNullable<ParseArgsConfig["options"]>) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError(`参数有误：${e instanceof Error ? e.message : String(e)}（huizong --help 查看用法）`, "wrong arguments (see huizong --help)");
  }
}

function requireJsonOutput(output: string | undefined): string {
  if (!output) throw new UsageError("缺少 -o <项目.json>：项目定义写到哪里", "missing -o <file.json>");
  if (!/\.json$/iu.test(output)) throw new UsageError(`输出文件应以 .json 结尾，收到“${output}”`, "the output must be a .json file");
  return output;
}

function writeBundle(output: string, programme: Programme, inputs: { what: string; whatEn: string; path: string }[], force: boolean): void {
  checkOutput(output, inputs, force);
  writeOutput(output, new TextEncoder().encode(bundleText(programmeToBundle(programme))));
}

async function exportProgramme(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: "string", short: "o" }, force: { type: "boolean" } });
  if (positionals.length !== 1) throw new UsageError(`programmes export 需要一个项目编号，收到 ${positionals.length} 个`, "give one programme id");
  const programme = requireProgramme(positionals[0]);
  const output = requireJsonOutput(values.output as string | undefined);
  writeBundle(output, programme, [], (values.force as boolean | undefined) ?? false);
  io.stdout(`已导出项目 ${programme.id}（${programme.title}）到 ${output}：改好后用 huizong programmes validate ${output} 检查，再用 --programme-file ${output} 校验名单。\n`);
  io.stdout(`Programme ${programme.id} written to ${output}: validate it after editing, then check with --programme-file.\n`);
  return 0;
}

/** Every problem of a file's text: a bundle's, or a draft's programme checked by the same rules. */
export function validateText(text: string): { ok: true; programme: Programme; draft: boolean } | { ok: false; problems: BundleProblem[] } {
  let draft: { format?: unknown; programme?: unknown } | null = null;
  if (/"format"\s*:\s*"huizong-programme-draft"/u.test(text.slice(0, 2000))) {
    try {
      draft = JSON.parse(text.replace(/^\uFEFF/u, "")) as { format?: unknown; programme?: unknown };
    } catch {
      draft = null;
    }
  }
  if (draft !== null && draft.format === DRAFT_FORMAT) {
    const r = parseBundleData({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, programme: draft.programme });
    return r.ok ? { ok: true, programme: r.programme, draft: true } : r;
  }
  const r = parseProgrammeBundle(text);
  return r.ok ? { ok: true, programme: r.programme, draft: false } : r;
}

async function validateProgramme(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: "boolean" } });
  if (positionals.length !== 1) throw new UsageError(`programmes validate 需要一个项目定义文件，收到 ${positionals.length} 个`, "give one programme file");
  const path = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`找不到或无法读取项目定义文件：${path}`, `cannot read the programme file: ${path}`);
  }
  const result = validateText(text);
  if (values.json) {
    io.stdout(JSON.stringify(result.ok ? { ok: true, file: path, id: result.programme.id, draft: result.draft } : { ok: false, file: path, problems: result.problems }, null, 2) + "\n");
    return result.ok ? 0 : 2;
  }
  if (result.ok) {
    const p = result.programme;
    io.stdout(`${path}：有效${result.draft ? "（未经审核的草稿）" : ""}。项目 ${p.id}（${p.title}），逐行规则 ${p.rowRules.length} 条，整表规则 ${p.setRules.length} 条。\n`);
    io.stdout(`${path}: valid${result.draft ? " (an unreviewed draft)" : ""}. Programme ${p.id}, ${p.rowRules.length} row rules, ${p.setRules.length} list rules.\n`);
    return 0;
  }
  io.stderr(`${path}：项目定义有 ${result.problems.length} 处错误 / ${result.problems.length} problem(s):\n`);
  for (const p of result.problems) io.stderr(`  ${p.path}  ${p.zh} / ${p.en}\n`);
  return 2;
}

async function newProgramme(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { from: { type: "string" }, id: { type: "string" }, output: { type: "string", short: "o" }, force: { type: "boolean" } });
  if (positionals.length > 0) throw new UsageError(`programmes new 不接受多余的参数：${positionals.join(" ")}`, "programmes new takes options only");
  const from = values.from as string | undefined;
  const id = values.id as string | undefined;
  if (!from) throw new UsageError("缺少 --from <项目编号或项目.json>：从哪个项目复制", "missing --from <id or file.json>");
  if (!id) throw new UsageError("缺少 --id <新编号>，如 --id js-2027-platform", "missing --id <new id>");
  const output = requireJsonOutput(values.output as string | undefined);
  const fromFile = /\.json$/iu.test(from);
  const source = fromFile ? readProgrammeFile(from).programme : requireProgramme(from);
  if (!fromFile && id === source.id) throw new UsageError(`新编号与内置项目 ${id} 相同：请另取编号`, `the new id is the built-in's own: choose another`);
  const bundle = programmeToBundle(source);
  const copy = parseBundleData({ ...bundle, programme: { ...bundle.programme, id } });
  if (!copy.ok) throw new UsageError(`新编号有误：${copy.problems.map((p) => `${p.path} ${p.zh}`).join("；")}`, `the new id is wrong: ${copy.problems.map((p) => `${p.path} ${p.en}`).join("; ")}`);
  writeBundle(output, copy.programme, fromFile ? [{ what: "源项目文件", whatEn: "source programme file", path: from }] : [], (values.force as boolean | undefined) ?? false);
  io.stdout(`已从 ${source.id} 复制新项目 ${id} 到 ${output}：请按新通知修改标题、文号、日期、金额等，再用 huizong programmes validate ${output} 检查。\n`);
  io.stdout(`New programme ${id} copied from ${source.id} to ${output}: edit it for the new notice, then validate it.\n`);
  return 0;
}

/** `programmes export|validate|new …`; returns the exit code (2: usage or an invalid file). */
export async function runProgrammeFiles(sub: "export" | "validate" | "new", args: string[], io: Io): Promise<number> {
  try {
    if (sub === "export") return await exportProgramme(args, io);
    if (sub === "validate") return await validateProgramme(args, io);
    return await newProgramme(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(refusalLine(e));
      return 2;
    }
    throw e;
  }
}
