/** The readable Chinese report the `huizong check` command prints: grouped by severity, then by code. */
import { FIELDS } from "../domain/fields";
import { findingTitle } from "../domain/finding-titles";
import { sourcesText } from "../domain/merge";
import type { Finding, Report, Severity } from "../domain/report";

const SEVERITY_TITLES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_EN: Record<Severity, string> = { error: "errors", warning: "warnings", info: "info" };

function where(f: Finding): string {
  const parts: string[] = [];
  if (f.row !== undefined) parts.push(`第${f.row}行`);
  if (f.column) parts.push(`${f.column}列`);
  if (f.row === undefined && f.rows && f.rows.length > 0) parts.push(`第${f.rows.join("、")}行`);
  if (f.enterprise) parts.push(f.enterprise);
  // Merged lists: where each row came from (district, file, sheet, row there).
  if (f.sources && f.sources.length > 0) parts.push(`（${sourcesText(f.sources)}）`);
  return parts.join(" ");
}

/** ESC sequences (CSI, OSC, two-byte), then other C0/C1 controls and bidi overrides. */
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of the report as the terminal will show it: a cell's escape sequences (colours, cursor
 * moves, a changed window title) and control characters are removed, its line breaks become spaces,
 * so a value can neither restyle the terminal nor forge a line of the report.
 */
export function terminalSafe(line: string): string {
  return line.replace(ESCAPES, "").replace(/\r\n|[\r\n\t]/g, " ").replace(CONTROLS, "");
}

export function renderReport(report: Report, source: string): string {
  const out: string[] = [];
  const c = report.counts;
  out.push(`推荐汇总助手 · 校验报告 / Check report`);
  out.push(`名单 File：${source}（工作表 sheet “${report.sheet}”）`);
  out.push(`项目 Programme：${report.programme} ${report.programmeTitle}`);
  out.push(`推荐单位 City：${report.city}　基准日 As of：${report.asOf}`);
  if (report.headerRows.length > 0) {
    const mapped = report.columns.filter((m) => m.field !== null);
    out.push(`表头 Header：第${report.headerRows.join("、")}行，识别 ${mapped.length}/${report.columns.length} 列：` +
      mapped.map((m) => `${m.column} ${m.header}→${m.field}${m.why === "user" ? "（指定）" : m.confidence < 0.6 ? `（把握 ${Math.round(m.confidence * 100)}%）` : ""}`).join("；"));
  } else {
    out.push(`表头 Header：未找到 / not found`);
  }
  const skippedBy = (reason: string) => report.skipped.filter((s) => s.reason === reason).length;
  out.push(`行数 Rows：读取 ${c.rowsRead}，校验 ${c.rowsChecked}，跳过 ${c.rowsSkipped}（空行 ${skippedBy("empty")}、合计 ${skippedBy("total")}、说明 ${skippedBy("note")}${skippedBy("signature") ? `、签字/日期 ${skippedBy("signature")}` : ""}${skippedBy("block") ? `、另一份名单 ${skippedBy("block")}` : ""}${skippedBy("continuation") ? `、合并单元格续行 ${skippedBy("continuation")}` : ""}${skippedBy("header") ? `、重复表头 ${skippedBy("header")}` : ""}）`);
  for (const q of report.quotas) {
    const quota = q.quota === null ? "未设置 / not set" : String(q.quota);
    out.push(`名额 Quota（${q.city ? `${q.city} ` : ""}${q.label}）：计入 ${q.counted}，不占名额 ${q.exempt}${q.failing ? `，有错误不计 ${q.failing}` : ""}，名额 ${quota}${q.excess > 0 ? `，超出 ${q.excess}` : ""}`);
    if (q.quota !== null && q.placed && q.placed.length > 0) {
      const by = q.placedBy === "keep" ? "按 --keep 选定 / as kept" : q.placedBy === "rank" ? "按推荐排序 / by rank" : "名单未排序，按表中顺序 / in sheet order";
      out.push(`  占名额 Places：第${q.placed.join("、")}行（${by}）`);
    }
  }
  for (const r of [...(report.ranks ? [report.ranks] : []), ...(report.cityRanks ?? [])]) {
    const bits = [`应排 1–${r.expected}`];
    if (r.missing.length) bits.push(`缺号 ${r.missing.join("、")}`);
    if (r.duplicated.length) bits.push(`重号 ${r.duplicated.join("、")}`);
    if (r.unranked) bits.push(`未排序 ${r.unranked} 行`);
    out.push(`推荐排序 Ranks${r.city ? `（${r.city}）` : ""}：${bits.join("，")}`);
  }
  out.push(`结果 Result：错误 ${c.errors} 条，警告 ${c.warnings} 条，提示 ${c.infos} 条，优先认定 ${c.priority} 家` +
    ` / ${c.errors} errors, ${c.warnings} warnings, ${c.infos} info`);

  for (const severity of ["error", "warning", "info"] as const) {
    const findings = report.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    out.push("");
    out.push(`■ ${SEVERITY_TITLES[severity]}（${findings.length}）/ ${SEVERITY_EN[severity]}`);
    const codes = [...new Set(findings.map((f) => f.code))];
    for (const code of codes) {
      const group = findings.filter((f) => f.code === code);
      out.push(`  [${code}] ${findingTitle(code)}（${group.length}）`);
      for (const f of group) {
        const at = where(f);
        out.push(`    ${at ? `${at}：` : ""}${f.message}`);
        if (f.hint) out.push(`      → ${f.hint}${f.cli ? `（命令行：${f.cli}）` : ""}`);
        else if (f.cli) out.push(`      → 命令行：${f.cli}`);
      }
    }
  }
  if (report.priority.length > 0) {
    out.push("");
    out.push(`★ 优先认定 Priority（${report.priority.length}）`);
    for (const p of report.priority) out.push(`    第${p.row}行 ${p.applicant}：${p.reason}`);
  }
  if (report.notes.length > 0) {
    out.push("");
    out.push("说明 Notes：");
    for (const n of report.notes) out.push(`  · ${n}`);
  }
  if (report.findings.length === 0) {
    out.push("");
    out.push("未发现问题。/ No findings.");
  }
  return out.map(terminalSafe).join("\n") + "\n";
}

const WHY_ZH: Record<Report["columns"][number]["why"], string> = { header: "表头", content: "表头+内容", user: "指定", none: "—" };

/** Why a column reads as its field; header and cells together say how many cells agreed. */
function whyZh(c: Report["columns"][number]): string {
  if (c.why === "content" && c.contentFit !== undefined) return `表头+内容（${Math.round(c.contentFit * 100)}%单元格相符）`;
  return WHY_ZH[c.why];
}

/** `--columns`: every column of the header with its field, confidence and why; how to correct it. */
export function renderColumns(report: Report, source: string): string {
  const out: string[] = [];
  out.push(`列对应 / Column mapping：${source}（工作表 sheet “${report.sheet}”，项目 ${report.programme}）`);
  if (report.headerRows.length === 0) {
    out.push("未找到表头 / no header found");
    return out.join("\n") + "\n";
  }
  out.push(`表头 Header：第${report.headerRows.join("、")}行`);
  out.push(["列", "表头", "字段", "把握", "依据", "建议 / 示例"].join("\t"));
  for (const c of report.columns) {
    const label = c.field === null ? "（不使用）" : `${c.field} ${FIELDS[c.field]?.zh ?? ""}`.trim();
    const hint = c.suggestion ? `可能是 ${c.suggestion}（${FIELDS[c.suggestion]?.zh ?? ""}）` : c.samples.slice(0, 2).join("；");
    out.push([c.column, c.header || "（空）", label, c.field === null ? "" : `${Math.round(c.confidence * 100)}%`, whyZh(c), hint].join("\t"));
  }
  if (report.mappingUncertain) out.push("！有必需字段未找到或匹配把握不足，请核对。 / A required field is missing or a match is weak: please check.");
  out.push("更正：--map 表头=字段（或 --map D=字段；--map 表头= 不使用该列），可重复；--columns --json > 列对应.json 保存后用 --mapping 列对应.json 复用。");
  out.push("Correct with --map header=field (or a column letter; empty field = unused), repeatable; save with --columns --json > mapping.json and reuse with --mapping mapping.json.");
  return out.join("\n") + "\n";
}
