/**
 * `huizong template --programme <id> --city <城市> -o <模板.xlsx>`: writes the template the city sends
 * to its districts (推荐名单 with dropdowns and a protected header, 填报说明 with the conditions).
 * Exit codes: 0 written; 2 bad usage, an existing file without --force, or a file that cannot be written.
 */
import { extname } from "node:path";
import { planTemplate, TemplateError } from "../domain/template/plan";
import { buildTemplateWorkbook } from "../export/district-template";
import { optionalDate, parseCommandArgs, readSettingsFile, refusalLine, refuseOptions, requireCity, requireProgramme, resolveProgramme, UsageError, type Io } from "./common-options";
import { InputError } from "./input";
import { checkOutput, writeOutput } from "./output";

import { unreviewedDraftNote } from "../domain/draft/draft";

export const TEMPLATE_HELP = `  huizong template --programme <项目编号> --city <城市> -o <模板.xlsx> [--deadline YYYY-MM-DD] [--force]
                           生成发给各县（市、区）的填报模板：表头与核查所用的写法一致，可选项为下拉列表，
                           另附“填报说明”（申报条件及条款、截止日期）/ write the district template
  --deadline <YYYY-MM-DD>  区县报送截止日期，写入填报说明（不填则留空待手写）/ when the districts must send it back
  --settings <设置.json>    项目的可设置项（如平台方向名单），下拉列表按其生成；格式同 check 的 --settings
                           the programme's settings (e.g. a direction list) the dropdowns follow, as for check
  --force                  输出文件已存在时覆盖 / overwrite an existing output file
`;

async function templateOrThrow(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: "string", short: "o" },
    deadline: { type: "string" },
    force: { type: "boolean" },
  });
  refuseOptions(values, ["sheet", "as-of", "quota", "keep", "reference", "map", "mapping", "columns"], (zh, en) => [`template 不读名单，不用 ${zh}`, `template reads no list and takes no ${en}`]);
  if (positionals.length > 0) throw new UsageError(`template 不读取名单文件，多余的参数：${positionals.join(" ")} / template takes no input file`);
  const { programme, draft } = resolveProgramme(values);
  const city = requireCity(values.city);
  const output = values.output;
  if (!output) throw new UsageError("缺少 -o <模板.xlsx>：模板写到哪里 / missing -o <template.xlsx>");
  if (extname(output).toLowerCase() !== ".xlsx") throw new UsageError(`输出文件应以 .xlsx 结尾，收到“${output}” / the output must be an .xlsx file`);
  const deadline = optionalDate("--deadline", values.deadline);
  // The template reads no file: only an existing output is at stake.
  checkOutput(output, [], values.force ?? false);
  const settings = await readSettingsFile(values.settings, programme);
  let plan;
  try {
    plan = planTemplate({ programme, city, ...(deadline ? { deadline } : {}), ...(settings ? { settings } : {}) });
  } catch (e) {
    if (e instanceof TemplateError) throw new UsageError(e.message, e.messageEn);
    throw e;
  }
  if (draft?.draft) io.stderr(unreviewedDraftNote(draft, programme.id) + "\n");
  const bytes = await buildTemplateWorkbook(plan);
  writeOutput(output, bytes);
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
      io.stderr(refusalLine(e));
      return 2;
    }
    throw e;
  }
}
