/**
 * `huizong` — checks a district recommendation list (any spreadsheet format: workbook/formats) against a programme from the
 * command line. Exit codes: 0 no error finding, 1 at least one error finding, 2 bad usage or an
 * unreadable file (one-line reason on stderr).
 */
import { parseArgs } from "node:util";
import { listProgrammes } from "../domain/catalogue";
import { describeProgramme, programmeText } from "../domain/rules-text";
import { resolveSettings, settingsTemplate } from "../domain/settings";
import { columnChoicesFrom, optionalDate, otherHeaderNote, optionalQuota, optionalKeep, parseCommandArgs, readAndCheck, readProgrammeFile, readSettingsFile, resolveProgramme, refusalLine, requireCity, requireFiles, requireProgramme, UsageError, type Io } from "./common-options";
import { unreviewedDraftNote } from "../domain/draft/draft";
import { summaryLines } from "./lists";
import { savedMappingOf } from "../domain/columns";
import { InputError } from "./input";
import { ReferenceError } from "../domain/reference";
import { renderColumns, renderReport } from "./render";
import { checkOutput, writeOutput } from "./output";
import { extname } from "node:path";

/** Today as YYYY-MM-DD in the machine's own time zone (the clerk's day, not UTC's). */
function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// Start-up pays only for the command run: export, template (and exceljs behind them) load when used.
/** The --help text; the export, template and merge parts come from their own (lazily loaded) modules. */
export async function helpText(): Promise<string> {
  const [{ EXPORT_HELP }, { TEMPLATE_HELP }, { MERGE_HELP }, { DRAFT_HELP }, { PROGRAMME_FILES_HELP }] = await Promise.all([import("./export-command"), import("./template-command"), import("./merge-command"), import("./draft-command"), import("./programmes-command")]);
  return `huizong — 推荐汇总助手命令行 / command line of 推荐汇总助手

用法 Usage:
  huizong check <名单.xlsx|名单.csv>… --programme <项目编号> --city <城市> [选项]
                           几个文件或一个文件夹：合并成一份名单校验，问题注明来源（区县、文件、行）
                           several files or a folder: merged and checked as one list, sources named
  huizong merge <名单…> --programme <项目编号> --city <城市> -o <合并.xlsx>
                           把各区县名单合并到一张“合并名单”表，加“来源”列 / merge district lists
  huizong export <名单> --programme <项目编号> --city <城市> -o <汇总表.xlsx> [选项]（见下）
  huizong template --programme <项目编号> --city <城市> -o <模板.xlsx>   区县填报模板（见下）
  huizong programmes            列出支持的项目 / list the programmes
  huizong programmes <id> [--settings <设置.json>]
                                该项目的全部规则（含出处）、待定事项及其当前设置 / every rule with its clause,
                                what is open and its setting
  huizong programmes <id> --settings-template
                                打印该项目的设置文件模板（全部为默认值）/ print a settings file template
  huizong programmes draft <通知.txt> -o <草稿.json> [--category <类别>]
                                由通知正文生成项目定义草稿（见下）/ draft a programme from a notice (below)
  huizong programmes export|validate|new …
                                项目定义文件：导出、检查、复制（见下）/ programme files: export, validate, copy (below)
  huizong --help                显示本说明 / show this help

check 选项 / options:
  --programme, -p <id>     项目编号（见 huizong programmes），如 js-2023-platform
                           programme id, e.g. js-2023-platform
  --programme-file <项目.json>
                           用项目定义文件校验（programmes export/new 导出后修改的，或 programmes draft 的草稿；
                           草稿的报告注明未经审核）；export、merge、template、programmes 同样可用
                           check with a programme file (exported and edited, or a draft: its report says it is
                           unreviewed); also on export, merge, template and programmes
  --city, -c <城市>        推荐单位所在城市：南京 / 南京市 / 昆山市 / 3201
                           recommending city (or county-level unit)
                           全省汇总填 山东省 / 江苏省：各市名单按市核对名额、排序、限额和注册地
                           a province (山东省 / 江苏省): city lists, quotas and ranks per city
  --findings-out <清单.xlsx>
                           另写出退回修改清单：每个区县一张表，列出其问题行（企业、问题、如何修改、依据条款），
                           可直接打印或发给区县；文件已存在时须加 --force 才覆盖
                           also write the return list: a sheet per district with its rows to correct
  --sheet, -s <名称>       .xlsx 中要校验的工作表，默认第一个 / worksheet to check (default: the first)
  --as-of <YYYY-MM-DD>     计算注册年限等的基准日，默认取项目设定 / as-of date (default: the programme's)
  --quota <N>              推荐名额（通知未定或需覆盖时）/ city quota where the notice leaves it open
  --keep <行号,…>          占用名额的行（名单中的 Excel 行号，按先后）：先给这些行，其余按推荐排序，
                           无排序时按表中顺序；有错误或不占名额的行不能占用名额
                           sheet rows that take the quota's places first (then by rank, else sheet order)
  --settings <设置.json>   通知未明确事项的设置（方向名单、集群名称、名额、基准日、排除名单等），
                           格式见下；--as-of、--quota 优先于文件中的值
                           settings for what the notice leaves open (format below); --as-of and
                           --quota win over the file
  --reference <文件>       参考名单 .xlsx/.csv：列“企业名称、统一社会信用代码”加“所属集群/产业链”
                           （优先企业）或“名单”（排除名单，如 前期155个省级重点平台）；“揭榜任务”列为榜单任务
                           reference lists: priority enterprises (集群/产业链 column), excluded
                           enterprises (名单 column), 榜单 tasks (揭榜任务 column)
  --json                   以 JSON 输出完整报告（顶层对象含 findings）/ print the report as JSON
  --columns                只列出列对应（每列：列号、表头、字段、把握、依据）后退出，退出码 0；
                           与 --json 合用时输出可保存复用的列对应文件
                           print the column mapping and exit 0; with --json, a mapping file to reuse
  --map <列=字段>          指定某列对应的字段，可重复：列写表头文字或列号，字段写编号或中文名；
                           --map 社会统一信用代码=uscc、--map D=uscc、--map 备注=（不使用该列）
                           the user's choice for a column (header text or letter = field id); wins over
                           what the header and cells suggest; an empty field leaves the column unused
  --mapping <文件.json>    复用保存的列对应（--columns --json 生成；格式
                           {"version":1,"key":"…","choices":[{"column":"D","field":"uscc"}]}）；--map 优先
                           reuse a saved mapping (written by --columns --json); --map wins over it

设置文件 Settings file（--settings）:
  UTF-8 JSON：{"programme": "<项目编号>", "settings": {"<设置键名>": 值, …}}。键名和默认值由
  huizong programmes <id> --settings-template 打印；只写要改的键，null 或不写即默认值。值的写法：
    日期 "2023-02-28"；名额 8；名称列表 ["综合型", "特色型（面向重点行业）"]；
    集群/产业链 [{"name": "物联网", "aliases": ["物联网产业"]}]；
    单位名单 [{"name": "某某有限公司", "uscc": "91370100…"}]（名称和代码至少写一个）。
  报告的“说明”中，改过的设置标为“用户设置”，其余注明默认值的依据。未知键名或无效的值：退出码 2。
  UTF-8 JSON {"programme": id, "settings": {key: value}}; keys and defaults from --settings-template;
  changed settings are reported as 用户设置. Unknown keys or invalid values: exit code 2.

文件 Files:
  按内容识别格式，不看扩展名 / recognised by content, not by name：.xlsx/.xlsm、.xls（Excel 97-2003）、
  .et（WPS 表格）、.xlsb、.ods/.fods、Excel 2003 XML、网页表格（“导出Excel”常存成 .xls 的 HTML）、
  .csv/.txt（UTF-8、GB18030/GBK、UTF-16，有无 BOM 均可；分隔符按多行判断）。扩展名与内容不符时照实读取
  并在报告中说明；设有打开密码的文件：退出码 2。CSV 没有单元格类型：长数字显示成 9.13201E+17 时按数字读，
  以便报告统一社会信用代码已被截断。
  Excel, WPS, OpenDocument, SpreadsheetML, HTML tables and CSV/TXT in UTF-8, GB18030 or UTF-16;
  a file named as another format is read as what it is, and said; a password-protected file: exit 2.

${EXPORT_HELP}
${TEMPLATE_HELP}
${MERGE_HELP}
${DRAFT_HELP}
${PROGRAMME_FILES_HELP}
退出码 Exit codes:
  0  没有错误级问题 / no error finding
  1  至少一条错误 / at least one error finding
  2  用法错误或文件无法读取（原因见 stderr 一行）/ bad usage or unreadable file (reason on stderr)
  export 同上：0 已导出且无错误；1 已导出，但名单有错误（有错误的行未列入，或按 --include-errors 列入）
  export: 0 written, no error; 1 written, the list has errors (rows left out or included); 2 as above
  template 0 已生成；2 用法错误、输出文件已存在（未加 --force）或无法写入 / 0 written; 2 bad usage, existing file, cannot write

示例 Examples:
  huizong check samples/js-2023-platform.xlsx --programme js-2023-platform --city 南京
  huizong check samples/js-2020-666.csv -p js-2020-666 -c 昆山市 --json
  huizong check 青岛汇总.xlsx -p sd-2024-gfbj-2 -c 青岛 --quota 8 --reference 榜单与名单.xlsx
  huizong programmes js-2023-platform --settings-template > 设置.json
  huizong check 名单.xlsx -p js-2023-platform -c 南京 --settings 设置.json
  huizong export samples/sd-2023-platform.xlsx -p sd-2023-platform -c 济南 --layout sd-2023-platform/附件3 -o 推荐表.xlsx
  huizong export 汇总.xlsx -p js-2023-star-cloud -c 泰州 --template 附件7.xlsx -o 报省汇总表.xlsx
  huizong template -p sd-2023-platform -c 济南 --deadline 2023-06-15 -o 区县填报模板.xlsx
`;
}

export type { Io };

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

function listProgrammesText(): string {
  const lines = ["支持的项目 / Programmes:"];
  for (const p of listProgrammes()) {
    lines.push(`  ${p.id.padEnd(28)} ${p.title} / ${p.titleEn}`);
    lines.push(`  ${"".padEnd(28)} ${[p.notice.number, p.notice.title].filter(Boolean).join(" ")}；市级截止 ${p.cityDeadline}；默认基准日 ${p.asOf}`);
  }
  return lines.join("\n") + "\n";
}

async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: "boolean" }, "findings-out": { type: "string" }, force: { type: "boolean" } });
  const files = requireFiles(positionals, "缺少要校验的文件：huizong check <名单.xlsx|名单.csv|文件夹…> --programme <id> --city <城市> / missing file");
  const findingsOut = values["findings-out"];
  if (findingsOut !== undefined) {
    if (extname(findingsOut).toLowerCase() !== ".xlsx") throw new UsageError(`--findings-out 应以 .xlsx 结尾，收到“${findingsOut}” / --findings-out must be an .xlsx file`);
    // Refused before any work: never onto an input, never over a file without --force.
    checkOutput(findingsOut, [...files.map((path) => ({ what: "名单", whatEn: "list", path })), { what: "参考名单", whatEn: "reference list", path: values.reference }], values.force ?? false);
  } else if (values.force) throw new UsageError("--force 只与 --findings-out 一起使用 / --force goes with --findings-out");
  const fromFile = resolveProgramme(values);
  const programme = fromFile.programme;
  const city = requireCity(values.city);
  const asOf = optionalDate("--as-of", values["as-of"]);
  const quota = optionalQuota(values.quota);
  const keep = optionalKeep(values.keep);

  const settings = await readSettingsFile(values.settings, programme);
  const { choices, saved } = columnChoicesFrom(programme, values.map, values.mapping);
  const { input, merged, grid, report } = await readAndCheck({ files, programme, city, sheet: values.sheet, asOf, quota, keep, referencePath: values.reference, settings, columnChoices: choices });
  // A draft checks only to review it: the report says so before anything else.
  if (fromFile.draft?.draft) report.notes.unshift(unreviewedDraftNote(fromFile.draft, programme.id));

  const note = otherHeaderNote(saved, report.mappingKey, values.mapping);
  if (note) io.stderr(note);

  if (values.columns) {
    if (values.json) io.stdout(JSON.stringify(savedMappingOf(report.mappingKey, report.columns), null, 2) + "\n");
    else io.stdout(renderColumns(report, files.join("、")));
    return 0;
  }
  if (findingsOut !== undefined) {
    const [{ planReturnLists }, { returnListWorkbook }] = await Promise.all([import("../domain/export/return-list"), import("../export/return-list")]);
    const plan = planReturnLists(grid, report, { date: localIsoDate(new Date()) });
    writeOutput(findingsOut, await returnListWorkbook(plan));
    const withProblems = plan.units.filter((u) => u.rows.length > 0).length;
    io.stderr(`已写出退回修改清单 ${findingsOut}：${plan.units.length} 个${plan.by === "city" ? "市" : "区县"}，其中 ${withProblems} 个有问题行 / return list written: ${plan.units.length} units, ${withProblems} with rows to correct\n`);
  }
  if (values.json) io.stdout(JSON.stringify(report, null, 2) + "\n");
  else if (merged) io.stdout(`合并 ${merged.summaries.length} 份名单，共 ${merged.sources.length} 行 / ${merged.summaries.length} lists merged:\n${summaryLines(merged.summaries, merged.skipped)}\n` + renderReport(report, files.join("、")));
  else io.stdout(renderReport(report, files[0] + (input?.encoding ? `（${input.encoding}）` : "")));
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** `programmes`: the list; `programmes <id>`: its rules and settings; `--settings-template`: a settings file to edit. */
async function runProgrammes(args: string[], io: Io): Promise<number> {
  if (args[0] === "draft") return (await import("./draft-command")).runDraft(args.slice(1), io);
  if (args[0] === "export" || args[0] === "validate" || args[0] === "new") return (await import("./programmes-command")).runProgrammeFiles(args[0], args.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { settings: { type: "string" }, "settings-template": { type: "boolean" }, "programme-file": { type: "string" } } });
  } catch (e) {
    throw new UsageError(`参数有误：${e instanceof Error ? e.message : String(e)}（huizong --help 查看用法）`);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0 && values["programme-file"] === undefined) {
    if (values.settings !== undefined || values["settings-template"]) throw new UsageError("--settings 和 --settings-template 需要项目编号：huizong programmes <id> … / give a programme id");
    io.stdout(listProgrammesText());
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`programmes 只接受一个项目编号，收到：${positionals.join(" ")}`);
  if (positionals.length === 1 && values["programme-file"] !== undefined) throw new UsageError("项目编号和 --programme-file 只能用一个 / give an id or --programme-file, not both");
  const fromFile = values["programme-file"] !== undefined ? readProgrammeFile(values["programme-file"]) : null;
  const programme = fromFile?.programme ?? requireProgramme(positionals[0]);
  if (fromFile?.draft?.draft) io.stderr(unreviewedDraftNote(fromFile.draft, programme.id) + "\n");
  if (values["settings-template"]) {
    io.stdout(JSON.stringify(settingsTemplate(programme), null, 2) + "\n");
    return 0;
  }
  const given = await readSettingsFile(values.settings, programme);
  io.stdout(programmeText(describeProgramme(programme, resolveSettings(programme, given).states)));
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) throw new UsageError("缺少命令：huizong check <文件> --programme <id> --city <城市>，或 huizong --help / missing command");
    if (command === "--help" || command === "-h" || command === "help" || rest.includes("--help") || rest.includes("-h")) {
      io.stdout(await helpText());
      return 0;
    }
    if (command === "programmes" || command === "programs") return await runProgrammes(rest, io);
    if (command === "check") return await runCheck(rest, io);
    if (command === "export") return await (await import("./export-command")).runExport(rest, io);
    if (command === "template") return await (await import("./template-command")).runTemplate(rest, io);
    if (command === "merge") return await (await import("./merge-command")).runMerge(rest, io);
    throw new UsageError(`未知命令“${command}”：可用 check、export、merge、template、programmes（huizong --help）/ unknown command`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof ReferenceError) {
      io.stderr(refusalLine(e));
      return 2;
    }
    throw e;
  }
}

/** Runs the command with this process's arguments and sets its exit code. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A crash is a bug, not a finding: show it and fail with a distinct code.
      process.stderr.write(`huizong: 内部错误 / internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) run();
