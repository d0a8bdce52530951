/**
 * 打开名单文件: a district's file of any format the product reads (.xls, .et, .ods, a web page saved as
 * .xls, CSV …) read here, copied into a new sheet of this workbook and checked. Inside Excel this is
 * the way past add-ins being greyed out while a .xls workbook is open; the file itself is only read.
 */
import * as React from "react";
import { Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import type { ListFile, OpenOutcome } from "../../workbook/session";
import { ACCEPT_LIST_FILES, LIST_FILES_TEXT, LIST_FILES_TEXT_EN, skippedPlace, skippedPlaceEn } from "../../app";

const TEXT = {
  zh: {
    label: "打开名单文件…",
    hint: `把区县报来的名单（${LIST_FILES_TEXT}）读入本工作簿的新工作表并检查；原文件不改动，只在本机读取，不上传。Excel 打开 .xls 时加载项不可用，可由此检查。`,
    done: (file: string, format: string, sheets: string[]) => `已将“${file}”（${format}）读入新工作表“${sheets.join("”“")}”，并已检查${sheets.length > 1 ? `“${sheets[0]}”` : ""}。`,
    other: (place: string, why: string) => `${place}：未读入，${why}`,
  },
  en: {
    label: "Open a list file…",
    hint: `Reads a district's list (${LIST_FILES_TEXT_EN}) into a new sheet of this workbook and checks it; the file is not changed, read on this computer, never uploaded. Use it for .xls files, where Excel greys add-ins out.`,
    done: (file: string, format: string, sheets: string[]) => `Read “${file}” (${format}) into the new sheet${sheets.length > 1 ? "s" : ""} “${sheets.join("”, “")}” and checked ${sheets.length > 1 ? `“${sheets[0]}”` : "it"}.`,
    other: (place: string, why: string) => `${place}: not read in, ${why}`,
  },
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "4px" },
  small: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: "18px" },
  // The input is the button: a label styled as one opens the browser's picker.
  button: {
    alignSelf: "flex-start",
    cursor: "pointer",
    padding: "5px 12px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontWeight: tokens.fontWeightSemibold,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  disabled: { cursor: "default", color: tokens.colorNeutralForegroundDisabled },
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

export function OpenFileAction({ lang, disabled, onOpen }: { lang: Lang; disabled: boolean; onOpen: (file: ListFile) => Promise<OpenOutcome | null> }) {
  const t = TEXT[lang === "en" ? "en" : "zh"];
  const st = useStyles();
  const [done, setDone] = React.useState<OpenOutcome | null>(null);
  const open = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setDone(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The same file may be picked again after it was corrected.
    input.value = "";
    setDone(await onOpen({ name: file.name, bytes }));
  };
  return (
    <section className={st.section} aria-label={t.label} data-testid="open-file">
      <label className={disabled ? `${st.button} ${st.disabled}` : st.button}>
        {t.label}
        <input id="open-list-file" type="file" accept={ACCEPT_LIST_FILES} disabled={disabled} className={st.input} data-testid="open-file-input" onChange={(e) => void open(e.currentTarget)} />
      </label>
      <Caption1 className={st.small}>{t.hint}</Caption1>
      {done && (
        <MessageBar intent={done.skipped.length > 0 ? "warning" : "success"} data-testid="open-file-done" data-sheets={done.sheets.join("\u0000")}>
          <MessageBarBody>
            {t.done(done.file, lang === "en" ? done.formatName.en : done.formatName.zh, done.sheets)}
            {done.skipped.length > 0 && (
              <ul className={st.list}>
                {done.skipped.map((s, i) => (
                  <li key={i} data-testid="open-file-skipped">
                    {lang === "en" ? t.other(skippedPlaceEn(s), s.whyEn) : t.other(skippedPlace(s), s.why)}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
