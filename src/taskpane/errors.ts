import type { Lang } from "../workbook/i18n";

/** An error as the pane shows it: its English text in an English UI where it carries one, else its Chinese message. */
export function errorText(e: unknown, lang: Lang): string {
  const en = (e as { messageEn?: unknown })?.messageEn;
  if (lang === "en" && typeof en === "string") return en;
  return e instanceof Error ? e.message : String(e);
}
