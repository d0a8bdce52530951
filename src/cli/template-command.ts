/**
 * `huizong template --programme <id> --city <城市> -o <模板.xlsx>`: writes the template the city sends
 * to its districts (推荐名单 with dropdowns and a protected header, 填报说明 with the conditions).
 * Exit codes: 0 written; 2 bad usage, an existing file without --force, or a file that cannot be written.
 */
import { existsSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import { planTemplate, TemplateError } from "../domain/template/plan";
import { buildTemplateWorkbook } from "../export/district-template";
import { optionalDate, requireCity, requireProgramme, UsageError, type Io } from "./common-options";
import { InputError } from "./input";

export const TEMPLATE_HELP = `  huizong template --programme <项目编号> --city <城市> -o <模板.xlsx> [--deadline YYYY-MM-DD] [--force]
                           生成发给各县（市、区）的填报模板：表头与核查所用的写法一致，可选项为下拉列表，
                           另附“填报说明”（申报条件及条款、截止日期）/ write the district template
  --deadline <YYYY-MM-DD>  区县报送截止日期，写入填报说明（不填则留空待手写）/ when the districts must send it back
  --force                  输出文件已存在时覆盖 / overwrite an existing output file
`;

async function templateOrThrow(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        programme: { type: "string", short: "p" },
        city: { type: "string", short: "c" },
        output: { type: "string", short: "o" },
        deadline: { type: "string" },
        force: { type: "boolean" },
      },
    });
  } catch (e) {
    throw new UsageError(`参数有误：${e instanceof Error ? e.message : String(e)}（huizong --help 查看用法）`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`template 不读取名单文件，多余的参数：${positionals.join(" ")} / template takes no input file`);
  const programme = requireProgramme(values.programme);
  const city = requireCity(values.city);
  const output = values.output;
  if (!output) throw new UsageError("缺少 -o <模板.xlsx>：模板写到哪里 / missing -o <template.xlsx>");
  if (extname(output).toLowerCase() !== ".xlsx") throw new UsageError(`输出文件应以 .xlsx 结尾，收到“${output}” / the output must be an .xlsx file`);
  const deadline = optionalDate("--deadline", values.deadline);
  if (existsSync(output) && !values.force) {
    throw new UsageError(`“${output}”已存在，未覆盖：换一个文件名，或加 --force 覆盖 / ${output} exists; use --force to overwrite it`);
  }
  let plan;
  try {
    plan = planTemplate({ programme, city, ...(deadline ? { deadline } : {}) });
  } catch (e) {
    if (e instanceof TemplateError) throw new UsageError(e.message);
    throw e;
  }
  const bytes = await buildTemplateWorkbook(plan);
  try {
    writeFileSync(output, bytes);
  } catch (e) {
    throw new InputError(`无法写入 ${output}（${e instanceof Error ? e.message : String(e)}）`, `Cannot write ${output}`);
  }
  const dropdowns = plan.columns.filter((c) => c.rule?.type === "list").length;
  io.stdout(
    `已生成“${plan.title}”区县填报模板（${plan.city}）：${output}\n` +
      `  ${plan.columns.length} 列，其中 ${dropdowns} 列为下拉选择；表头已保护（无密码）；另附“${plan.instructions.sheetName}”（${plan.instructions.conditions.length} 条申报条件）。\n`,
  );
  return 0;
}

/** Runs `huizong template …`; returns the exit code. */
export async function runTemplate(args: string[], io: Io): Promise<number> {
  try {
    return await templateOrThrow(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr(`huizong: ${e.message.replace(/\s*\n\s*/g, " ").trim()}\n`);
      return 2;
    }
    throw e;
  }
}
