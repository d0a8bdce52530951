/** How a stated accident stands against a notice that bars only some grades (sd-2023 二(二)1: 较大以上). */
import type { RowRule } from "../programme";
import { statedPieces } from "../text";

export type AccidentGrades = NonNullable<Extract<RowRule, { type: "restricted" }>["accidentGrades"]>;

/** barred, lesser or not graded; null when the text tells of no accident. */
export function accidentGrade(text: string, g: AccidentGrades): "barred" | "lesser" | "ungraded" | null {
  const stated = statedPieces(text).join("，");
  if (!g.about.some((w) => stated.includes(w))) return null;
  if (g.otherBars.some((w) => stated.includes(w)) || g.barred.some((w) => stated.includes(w))) return "barred";
  return g.lesser.some((w) => stated.includes(w)) ? "lesser" : "ungraded";
}
