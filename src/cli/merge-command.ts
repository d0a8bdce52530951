/**
 * `huizong merge <名单…> --programme <id> --city <城市> -o <合并.xlsx>`: the district lists (files or
 * folders) merged into one sheet 合并名单 with the programme's header and a 来源 column, then checked.
 * The inputs are only read. Exit codes as `check`: 0 written, no error finding; 1 written, the merged
 * list has errors; 2 bad usage or a list that cannot be read or has no header (nothing written).
 */
import { extname } from "node:path";
import { writeListWorkbook } from "../app/write";
import { checkList, columnChoicesFrom, optionalDate, optionalQuota,
  optionalKeep, otherHeaderNote, parseCommandArgs, readSettingsFile, refuseOptions, requireCity, requireFiles, requireProgramme, resolveProgramme, UsageError, type Io } from "./common-options";
import { expandPaths, mergeFiles, summaryLines } from "./lists";
import { checkOutput, writeOutput } from "./output";
import { renderReport } from "./render";

import { unreviewedDraftNote } from "../domain/draft/draft";

export const MERGE_HELP = `  huizong merge <名单…|文件夹> --programme <项目编号> --city <城市> -o <合并.xlsx> [--force]
                           各区县名单合并到一张“合并名单”表（本项目的表头加“来源”列），再校验合并后的名单；
                           原文件只读不改。区县从文件名、工作表名、标题行或“所在县（市、区）”列得知。
                           --city 山东省/江苏省：各市名单，按市核对。已存在的输出文件须加 --force 才覆盖。
                           merges the lists into one sheet 合并名单 with a 来源 column, then checks it;
                           the inputs are never written; an existing output needs --force
                           另可用 check 的 --sheet --as-of --quota --keep --settings --map --mapping（不用 --reference、--columns）
                           also check's --sheet --as-of --quota --keep --settings --map --mapping (not --reference, --columns)
`;

export async function runMerge(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { output: { type: "string", short: "o" }, force: { type: "boolean" }, json: { type: "boolean" } });
  const paths = requireFiles(positionals, "缺少要合并的名单：huizong merge <名单…> --programme <id> --city <城市> -o <合并.xlsx> / missing lists");
  const { programme, draft } = resolveProgramme(values);
  const city = requireCity(values.city);
  const asOf = optionalDate("--as-of", values["as-of"]);
  const quota = optionalQuota(values.quota);
  const keep = optionalKeep(values.keep);
  refuseOptions(values, ["reference", "columns"], (zh, en) => [`merge 不用 ${zh}：合并后用 huizong check <合并.xlsx> ${zh.replace(/、/g, " ")} …`, `merge takes no ${en}: use huizong check on the merged file`]);
  if (!values.output) throw new UsageError("缺少 -o <合并.xlsx>：合并名单写到哪里 / missing -o <output.xlsx>");
  if (extname(values.output).toLowerCase() !== ".xlsx") throw new UsageError(`输出文件应以 .xlsx 结尾，收到“${values.output}” / the output must be an .xlsx file`);
  const files = expandPaths(paths);
  checkOutput(values.output, files.map((path) => ({ what: "名单", whatEn: "list", path })), values.force ?? false);

  const settings = await readSettingsFile(values.settings, programme);
  const { choices, saved } = columnChoicesFrom(programme, values.map, values.mapping);

  const merged = await mergeFiles(files, programme, city, values.sheet);
  const report = checkList(merged, { programme, city, asOf, quota, keep, settings, columnChoices: choices });
  if (draft?.draft) report.notes.unshift(unreviewedDraftNote(draft, programme.id));
  const note = otherHeaderNote(saved, report.mappingKey, values.mapping);
  if (note) io.stderr(note);
  const bytes = await writeListWorkbook([merged.grid]);
  writeOutput(values.output, bytes);
  if (values.json) io.stdout(JSON.stringify({ output: values.output, sources: merged.summaries, skipped: merged.skipped, report }, null, 2) + "\n");
  else {
    io.stdout(`已合并 ${merged.summaries.length} 份名单，共 ${merged.sources.length} 行，写入 ${values.output}（工作表“${merged.grid.sheetName}”）/ merged ${merged.sources.length} rows:\n${summaryLines(merged.summaries, merged.skipped)}\n`);
    io.stdout(renderReport(report, values.output));
  }
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}
