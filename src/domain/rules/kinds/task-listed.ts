/** 揭榜任务须在榜单内 (when the list of tasks is given). */
import { z } from "zod";
import { enumHint, readEnum } from "../../readers";
import { Clause, FieldId, RuleSource } from "../../schema-atoms";
import { addFinding, value, type CheckContext, type RowData } from "../context";
import { defineRowKind } from "../kind";
import { fieldRef, label, sentence, settingGiven, settingName } from "../words";

const schema = z.strictObject({
  type: z.literal("task-listed"), source: RuleSource.optional(),
  field: FieldId,
  /** Setting (kind "names") holding the 榜单's tasks. */
  listSetting: z.string().optional(),
  clause: Clause,
});
type R = z.output<typeof schema>;

function checkTaskListed(ctx: CheckContext, row: RowData, rule: R): void {
  const tasks = ctx.references.tasks ?? [];
  if (tasks.length === 0) return;
  const task = value<string>(row, rule.field);
  if (!task) return;
  const r = readEnum({ kind: "text", value: task }, tasks);
  if (r.status === "ok") return;
  // A task written by its number alone ("2-01") still names a task of the list.
  const num = /^\s*(\d+-\d+)/u.exec(task)?.[1];
  if (num && tasks.some((t) => t.trim().startsWith(num) && task.replace(/\s/g, "").length <= num.length + 1)) return;
  const suggestion = r.status === "bad" ? r.suggestion : undefined;
  addFinding(ctx, {
    code: "value-not-allowed",
    severity: "error",
    row,
    field: rule.field,
    value: task,
    message: `揭榜任务“${task}”不在参考名单的任务榜单中${suggestion ? `；是否应为“${suggestion}”？` : ""}`,
    messageEn: `The task “${task}” is not on the task list supplied${suggestion ? `; did you mean “${suggestion}”?` : ""}`,
    ...(r.status === "bad" && (suggestion || r.choices) ? enumHint(r) : { hint: "对照参考名单中的任务榜单核对任务编号和名称", hintEn: "Check the task against the task list supplied" }),
    clause: rule.clause,
  });
}

export const taskListed = defineRowKind({
  place: "row",
  type: "task-listed",
  schema,
  name: ["揭榜任务", "Listed tasks"],
  codes: {},
  refs: (r) => ({ fields: fieldRef("field", r.field), settings: r.listSetting ? [[["listSetting"], r.listSetting, "names"]] : [] }),
  check: checkTaskListed,
  describe: (r, p) => sentence(r, `${label(p, r.field)}须在任务榜单内（设了榜单或提供了参考名单时核对）`, r.listSetting ? [r.listSetting] : []),
  unchecked: (r, input) => [
    {
      zh: "揭榜任务是否在任务榜单内",
      anyOf: [],
      list: {
        how: r.listSetting ? `可在设置“${settingName(input.programme, r.listSetting)}”中填写，或提供参考名单` : "可提供参考名单",
        given: settingGiven(input.settings, r.listSetting) || input.references.tasks,
      },
    },
  ],
  summary: () => "揭榜任务须在榜单内",
  editable: [],
});
