/**
 * `huizong export <名单> --programme <id> --city <城市> -o <汇总表.xlsx>`: checks the list, then writes
 * the province's summary table — our default layout for the programme, or the province's own blank
 * form given with --template. Exit codes as `check`: 0 written and no error finding; 1 written, but
 * the list has error findings (rows left out, or included with --include-errors); 2 bad usage or an
 * unreadable file (one line on stderr, nothing written).
 */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { listProgrammes } from "../domain/catalogue";
import { findLayoutIn, layoutsOf } from "../domain/export/layouts";
import { planSummary, writeSummary } from "../app";
import { ExportError, type ExportOptions, type ExportWarning } from "../domain/export/plan";
import { fillTemplate } from "../export/template";
import { sheetSpec } from "../domain/export/sheet-spec";
import { columnChoicesFrom, optionalDate, optionalQuota,
  optionalKeep, parseCommandArgs, readAndCheck, readSettingsFile, refusalLine, refuseOptions, requireCity, requireFiles, requireProgramme, resolveProgramme, UsageError, type Io } from "./common-options";
import { InputError } from "./input";
import { checkOutput, writeOutput } from "./output";
import { ReferenceError } from "../domain/reference";
import { XlsxReadError } from "../workbook/xlsx-adapter";

import { unreviewedDraftNote } from "../domain/draft/draft";

export const EXPORT_HELP = `  huizong export <名单.xlsx|名单.csv>… --programme <项目编号> --city <城市> -o <汇总表.xlsx> [选项]
                           检查名单后生成报省的推荐项目汇总表 / check, then write the province's summary table

export 选项 / options（另可用 check 的 --sheet --as-of --quota --keep --reference --settings --map --mapping）:
  --output, -o <文件.xlsx>  输出文件（必填；不能是名单、表样本身）/ output workbook (required; never an input)
  --force                  输出文件已存在时覆盖（默认拒绝）/ replace an existing output (refused by default)
  --layout <格式>          汇总表格式，如 sd-2023-platform/附件3（默认该项目第一种）
                           layout id (default: the programme's first); see the list below
  --template <表样.xlsx>   按省厅下发的空白表样填写（识别其标题、表头，保留格式）
                           fill the province's own blank form instead of the default layout
  --append                 表样中已有数据行时接在其后填写（否则拒绝，以免重复）
                           fill below the rows a form already holds (refused otherwise)
  --template-sheet <名称>  表样中要填写的工作表（默认第一个）/ sheet of the form to fill
  --include-errors         有错误的行也列入（会提示是哪些行）/ include rows with errors (with a warning)
  --keep-remarks           把县（市、区）名单中的“备注”也写入汇总表（默认只写本工具的标注：优先认定、不占名额）
                           keep the districts' own 备注 (default: only the tool's marks)
  --paper <A4|A3>          纸张（默认自动：正文缩印后不小于 9 磅用 A4 横向，否则 A3 横向）
                           paper (default: A4 landscape while the body stays ≥ 9 pt, else A3)
  --unit <推荐单位>        默认“<城市>工业和信息化局”/ recommending unit (default: <city>工业和信息化局)
  --contact <联系人>  --phone <电话>  --date <YYYY-MM-DD 填报日期>
                           不填则留空，打印后手写 / left blank to write by hand when absent

汇总表格式 Layouts（均为根据通知措辞拟定的默认格式，见 docs/export-layouts.md）:
${layoutsText()}`;

function layoutsText(): string {
  const lines: string[] = [];
  for (const p of listProgrammes()) for (const l of layoutsOf(p)) lines.push(`  ${l.id.padEnd(34)} ${l.name}`);
  return lines.join("\n") + "\n";
}

function warningLines(warnings: readonly ExportWarning[]): string {
  return warnings.map((w) => `  ! ${w.message}${w.cli ? `（命令行：${w.cli}）` : ""}\n`).join("");
}

async function exportOrThrow(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: "string", short: "o" },
    layout: { type: "string" },
    template: { type: "string" },
    "template-sheet": { type: "string" },
    "include-errors": { type: "boolean" },
    "keep-remarks": { type: "boolean" },
    paper: { type: "string" },
    force: { type: "boolean" },
    append: { type: "boolean" },
    unit: { type: "string" },
    contact: { type: "string" },
    phone: { type: "string" },
    date: { type: "string" },
  });
  const files = requireFiles(positionals, "缺少名单文件：huizong export <名单.xlsx|名单.csv|文件夹…> --programme <id> --city <城市> -o <汇总表.xlsx> / missing file");
  const { programme, draft } = resolveProgramme(values);
  const city = requireCity(values.city);
  if (!values.output) throw new UsageError("缺少 -o <汇总表.xlsx>：导出的文件写到哪里 / missing -o <output.xlsx>");
  if (extname(values.output).toLowerCase() !== ".xlsx") throw new UsageError(`输出文件应以 .xlsx 结尾，收到“${values.output}” / the output must be an .xlsx file`);
  checkOutput(
    values.output,
    [
      ...files.map((path) => ({ what: "名单", whatEn: "list", path })),
      { what: "表样", whatEn: "template", path: values.template },
      { what: "参考名单", whatEn: "reference list", path: values.reference },
    ],
    values.force ?? false,
  );
  const asOf = optionalDate("--as-of", values["as-of"]);
  optionalDate("--date", values.date);
  const quota = optionalQuota(values.quota);
  const keep = optionalKeep(values.keep);
  if (values.layout !== undefined) {
    const ids = layoutsOf(programme).map((l) => l.id);
    if (!findLayoutIn(programme, values.layout)) throw new UsageError(`项目 ${programme.id} 没有“${values.layout}”格式，可用：${ids.join("、")} / unknown layout`);
  }
  const paper = values.paper === undefined ? undefined : values.paper.toUpperCase();
  if (paper !== undefined && paper !== "A4" && paper !== "A3") throw new UsageError(`--paper 应为 A4 或 A3，收到“${values.paper}” / --paper takes A4 or A3`);
  if (values.template === undefined && values["template-sheet"] !== undefined) throw new UsageError("--template-sheet 需与 --template 一起使用 / --template-sheet needs --template");

  const settings = await readSettingsFile(values.settings, programme);
  const { choices } = columnChoicesFrom(programme, values.map, values.mapping);
  refuseOptions(values, ["columns"], () => ["--columns 用于 huizong check（列出列对应）；导出时用 --map 或 --mapping 更正", "--columns belongs to check"]);
  const { grid, report } = await readAndCheck({ files, programme, city, sheet: values.sheet, asOf, quota, keep, referencePath: values.reference, settings, columnChoices: choices });

  // A draft exports only to review it: said before the summary.
  if (draft?.draft) io.stderr(unreviewedDraftNote(draft, programme.id) + "\n");
  const exportOptions: ExportOptions = {
    includeErrors: values["include-errors"] ?? false,
    keepSourceRemarks: values["keep-remarks"] ?? false,
    ...(paper ? { paper: paper as "A4" | "A3" } : {}),
    ...(values.layout ? { layoutId: values.layout } : {}),
    ...(values.unit ? { unit: values.unit } : {}),
    ...(values.contact ? { contact: values.contact } : {}),
    ...(values.phone ? { phone: values.phone } : {}),
    ...(values.date ? { fillDate: values.date } : {}),
    ...(values.append ? { append: true } : {}),
  };

  let bytes: Uint8Array;
  let summary: string;
  let warnings: ExportWarning[];
  if (values.template) {
    let template: Buffer;
    try {
      template = readFileSync(values.template);
    } catch (e) {
      const code = (e as { code?: string }).code ?? "";
      throw new InputError(`无法读取表样 ${values.template}${code ? `（${code}）` : ""}`, `Cannot read the template ${values.template}${code ? ` (${code})` : ""}`);
    }
    const filled = await fillTemplate({ template, sheet: values["template-sheet"], programme, grid, report, options: exportOptions });
    bytes = filled.bytes;
    warnings = filled.fill.warnings;
    const c = filled.fill.plan.counts;
    summary =
      `已按表样“${basename(values.template)}”（工作表“${filled.sheetName}”，表头第 ${filled.fill.headerRows.join("、")} 行）填写 ${c.exported} 行` +
      `${filled.rowsInserted > 0 ? `，在表样原有空行之外插入 ${filled.rowsInserted} 行` : ""}：${values.output}\n` +
      filled.fill.lineEdits.map((e) => `已填写表样第 ${e.row} 行：${e.after.trim()}\n`).join("") +
      (filled.fill.unfilled.length > 0 ? `未能填写的列 / columns not filled:\n${filled.fill.unfilled.map((u) => `  - ${u.message}\n`).join("")}` : "表样各列均已填写。\n");
  } else {
    const plan = planSummary(grid, report, programme, exportOptions);
    bytes = await writeSummary(plan);
    warnings = plan.warnings;
    const c = plan.counts;
    const page = sheetSpec(plan).page;
    summary =
      `已导出“${plan.title}”（${plan.layoutId}）${c.exported} 行${c.exempt > 0 ? `（其中不占名额 ${c.exempt} 行）` : ""}${c.priority > 0 ? `，优先认定标记 ${c.priority} 行` : ""}：${values.output}\n` +
      `纸张 ${page.paperSize} 横向，正文缩印后约 ${page.printedBodyPt} 磅 / ${page.paperSize} landscape, body about ${page.printedBodyPt} pt\n`;
  }
  writeOutput(values.output, bytes);
  io.stdout(summary);
  if (warnings.length > 0) io.stdout(`请注意 / warnings:\n${warningLines(warnings)}`);
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** Runs `huizong export …`; returns the exit code. Errors the user can fix end as one line on stderr and code 2. */
export async function runExport(args: string[], io: Io): Promise<number> {
  try {
    return await exportOrThrow(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof ReferenceError || e instanceof ExportError || e instanceof XlsxReadError) {
      io.stderr(refusalLine(e));
      return 2;
    }
    throw e;
  }
}
