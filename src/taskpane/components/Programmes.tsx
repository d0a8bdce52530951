/**
 * 项目定义: 导入项目定义 (a .json file picked, read here, kept in the workbook and for the user),
 * the imported and new programmes with their origin (removable after a confirm), 新建项目（复制现有
 * 项目） and 从通知原文起草, both opening the editor. A file that does not read is refused with every
 * problem (JSON path + message) and nothing changes.
 */
import { saveFile } from "./file-action";
import { safeFileName } from "../../domain/export/file-names";
import * as React from "react";
import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import type { BrokenProgramme, DraftOutcome, ProgrammeView } from "../../workbook/session";
import { BundleRefusedError, MAX_BUNDLE_BYTES, bundleTooLarge, type BundleProblem } from "../../workbook/programme-store";
import { errorText } from "../errors";
import { dayOf, originText, programmeText } from "../programme-text";
import { ProgrammeEditor, type EditorApi, type EditorInput } from "./ProgrammeEditor";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "8px" },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  small: { color: tokens.colorNeutralForeground3, display: "block", overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "4px" },
  item: { overflowWrap: "anywhere" },
  box: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  hidden: { display: "none" },
});

export interface ProgrammesApi extends EditorApi {
  importProgramme(fileName: string, text: string, options?: { replace?: boolean }): Promise<{ view: ProgrammeView; userNotSaved: Error | null }>;
  removeProgramme(id: string): Promise<void>;
  bundleTextOf(id: string): string;
  draftFromNotice(text: string, category?: string): DraftOutcome;
  brokenProgrammes(): BrokenProgramme[];
}

/** Saves text as a file through the browser (the definition to share). */
export function saveTextFile(fileName: string, text: string): void {
  saveFile(fileName, text, "application/json;charset=utf-8");
}

function Problems({ problems, lang }: { problems: BundleProblem[]; lang: Lang }) {
  const st = useStyles();
  return (
    <ul className={st.list} data-testid="import-problems">
      {problems.map((p, i) => (
        <li key={i} data-testid="import-problem" data-path={p.path}>
          {p.path ? `${p.path}${lang === "en" ? ": " : "："}` : ""}
          {lang === "en" ? p.en : p.zh}
        </li>
      ))}
    </ul>
  );
}

export function ProgrammesPanel({
  lang,
  api,
  programmes,
  disabled,
  onChanged,
  jsonName = (title) => safeFileName(title, "json"),
}: {
  lang: Lang;
  api: ProgrammesApi;
  programmes: ProgrammeView[];
  disabled: boolean;
  /** The name a programme file downloads under, from its title (the pane adds city and day). */
  jsonName?: (title: string) => string;
  /** The list changed; `select`: the programme to choose now. */
  onChanged: (select?: string) => void;
}) {
  const t = programmeText(lang);
  const st = useStyles();
  const fileRef = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);
  const [note, setNote] = React.useState<string | null>(null);
  const [warning, setWarning] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [refused, setRefused] = React.useState<{ fileName: string; problems: BundleProblem[] } | null>(null);
  const [replaceAsk, setReplaceAsk] = React.useState<{ id: string; fileName: string; text: string } | null>(null);
  const [removeAsk, setRemoveAsk] = React.useState<{ id: string; title: string } | null>(null);
  const [copyFrom, setCopyFrom] = React.useState<string | null>(null);
  const [draftOpen, setDraftOpen] = React.useState(false);
  const [notice, setNotice] = React.useState("");
  const [categories, setCategories] = React.useState<string[]>([]);
  const [category, setCategory] = React.useState("");
  const [draftProblem, setDraftProblem] = React.useState<string | null>(null);
  const [editor, setEditor] = React.useState<EditorInput | null>(null);
  const [editorKey, setEditorKey] = React.useState(0);
  const builtInIds = programmes.filter((p) => !p.origin || p.origin.kind === "builtin").map((p) => p.id);
  const own = programmes.filter((p) => p.origin && p.origin.kind !== "builtin");
  const broken = api.brokenProgrammes();
  const off = disabled || busy;

  const clear = () => {
    setNote(null);
    setWarning(null);
    setError(null);
    setRefused(null);
    setReplaceAsk(null);
    setRemoveAsk(null);
  };

  const importText = async (fileName: string, text: string, replace = false) => {
    setBusy(true);
    clear();
    try {
      const out = await api.importProgramme(fileName, text, replace ? { replace: true } : {});
      setNote(t.imported(out.view.title, fileName));
      if (out.userNotSaved) setWarning(errorText(out.userNotSaved, lang));
      onChanged(out.view.id);
    } catch (e) {
      if (e instanceof BundleRefusedError) setRefused({ fileName: e.fileName, problems: e.problems });
      else if ((e as { name?: string }).name === "ProgrammeExistsError" && !(e as { builtIn?: boolean }).builtIn) setReplaceAsk({ id: (e as { id: string }).id, fileName, text });
      else setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const picked = async (files: FileList | null) => {
    const file = files?.[0];
    if (fileRef.current) fileRef.current.value = "";
    if (!file) return;
    clear();
    // A huge file is refused before it is read at all.
    if (file.size > MAX_BUNDLE_BYTES) {
      const e = bundleTooLarge(file.name, file.size);
      setRefused({ fileName: file.name, problems: e.problems });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setError(errorText(e, lang));
      return;
    }
    await importText(file.name, text);
  };

  const remove = async (id: string, title: string) => {
    setBusy(true);
    clear();
    try {
      await api.removeProgramme(id);
      setNote(t.removed(title));
      onChanged();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const openEditor = (input: EditorInput) => {
    clear();
    setEditor(input);
    setEditorKey((k) => k + 1);
  };

  const startCopy = () => {
    const from = programmes.find((p) => p.id === (copyFrom ?? programmes[0]?.id));
    if (!from) return;
    try {
      const doc = JSON.parse(api.bundleTextOf(from.id)) as { programme?: { id?: string } };
      // A new id at once: a built-in's is refused, and the copy must not replace its source.
      const base = String(doc.programme?.id ?? from.id);
      let id = `${base}-copy`;
      for (let n = 2; programmes.some((p) => p.id === id); n++) id = `${base}-copy${n}`;
      if (doc.programme) doc.programme.id = id;
      openEditor({ mode: "copy", doc, from, taken: builtInIds });
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const runDraft = () => {
    setDraftProblem(null);
    if (!notice.trim()) {
      setDraftProblem(t.draftNoText);
      return;
    }
    const out = api.draftFromNotice(notice, categories.length ? category || categories[0] : undefined);
    if (out.ok) {
      setCategories(out.categories);
      openEditor({ mode: "draft", doc: out.draft, taken: builtInIds });
      return;
    }
    // Several categories: pick one, then draft again.
    if (out.categories.length > 1 && !categories.length) {
      setCategories(out.categories);
      setCategory(out.categories[0]);
      setDraftProblem(t.draftCategory);
      return;
    }
    setDraftProblem(`${t.draftFailed}${out.problems.map((p) => (lang === "en" ? p.en : p.zh)).join("；")}`);
  };

  return (
    <div className={st.panel} data-testid="programmes">
      <Caption1 className={st.small}>{t.hint}</Caption1>
      <div className={st.buttons}>
        <Button onClick={() => fileRef.current?.click()} disabled={off} data-testid="programme-import">
          {busy ? t.importBusy : t.importButton}
        </Button>
        <input
          ref={fileRef}
          className={st.hidden}
          type="file"
          accept=".json,application/json"
          aria-label={t.importAccept}
          data-testid="programme-import-file"
          onChange={(e) => void picked(e.target.files)}
        />
      </div>
      {note && (
        <MessageBar intent="success" data-testid="programmes-note">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {warning && (
        <MessageBar intent="warning" data-testid="programmes-warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" data-testid="programmes-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {refused && (
        <MessageBar intent="error" data-testid="import-refused">
          <MessageBarBody>
            {t.refusedTitle(refused.fileName)}
            <Problems problems={refused.problems} lang={lang} />
          </MessageBarBody>
        </MessageBar>
      )}
      {replaceAsk && (
        <MessageBar intent="warning" data-testid="import-replace-ask">
          <MessageBarBody>
            {t.replaceAsk(replaceAsk.id)}{" "}
            <Button size="small" onClick={() => importText(replaceAsk.fileName, replaceAsk.text, true)} disabled={off} data-testid="import-replace">
              {t.replace}
            </Button>{" "}
            <Button size="small" appearance="subtle" onClick={() => setReplaceAsk(null)}>
              {t.cancel}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {own.length === 0 && broken.length === 0 ? (
        <Caption1 className={st.small}>{t.noneImported}</Caption1>
      ) : (
        <ul className={st.list} data-testid="imported-list">
          {own.map((p) => (
            <li key={p.id} className={st.item} data-testid="imported" data-id={p.id}>
              <strong>{p.title}</strong>
              <Caption1 className={st.small}>
                {p.id} · {originText(lang, p, programmes)}
              </Caption1>
              <div className={st.buttons}>
                <Button size="small" onClick={() => saveTextFile(jsonName(p.title || p.id), api.bundleTextOf(p.id))} disabled={off} data-testid={`imported-download-${p.id}`}>
                  {t.download}
                </Button>
                <Button size="small" appearance="subtle" onClick={() => setRemoveAsk({ id: p.id, title: p.title })} disabled={off} data-testid={`imported-remove-${p.id}`}>
                  {t.remove}
                </Button>
              </div>
            </li>
          ))}
          {broken.map((b) => (
            <li key={b.id} className={st.item} data-testid="imported-broken" data-id={b.id}>
              <Caption1 className={st.small}>{t.broken}</Caption1>
              <strong>{b.title}</strong>
              <Caption1 className={st.small}>
                {b.id} · {b.fileName} · {dayOf(b.importedAt)}
              </Caption1>
              <Problems problems={b.problems} lang={lang} />
              <Button size="small" appearance="subtle" onClick={() => setRemoveAsk({ id: b.id, title: b.title })} disabled={off} data-testid={`imported-remove-${b.id}`}>
                {t.remove}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {removeAsk && (
        <MessageBar intent="warning" data-testid="remove-ask">
          <MessageBarBody>
            {t.removeAsk(removeAsk.title)}{" "}
            <Button size="small" onClick={() => remove(removeAsk.id, removeAsk.title)} disabled={off} data-testid="remove-confirm">
              {t.removeConfirm}
            </Button>{" "}
            <Button size="small" appearance="subtle" onClick={() => setRemoveAsk(null)} data-testid="remove-cancel">
              {t.cancel}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={st.box}>
        <Field label={t.newFrom}>
          <Select value={copyFrom ?? programmes[0]?.id ?? ""} disabled={off} onChange={(_, d) => setCopyFrom(d.value)} data-testid="copy-from">
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}（{p.origin?.kind === "builtin" || !p.origin ? t.origin.builtin : t.origin[p.origin.kind]}）
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button onClick={startCopy} disabled={off} data-testid="copy-start">
            {t.newButton}
          </Button>
        </div>
      </div>
      <div className={st.box}>
        <div>
          <Button appearance={draftOpen ? "subtle" : "secondary"} onClick={() => setDraftOpen((o) => !o)} disabled={off} aria-expanded={draftOpen} data-testid="draft-open">
            {t.draftButton}
          </Button>
        </div>
        {draftOpen && (
          <>
            <Field label={t.draftPaste}>
              <Textarea
                value={notice}
                rows={6}
                resize="vertical"
                disabled={off}
                onChange={(_, d) => {
                  setNotice(d.value);
                  setCategories([]);
                  setDraftProblem(null);
                }}
                data-testid="draft-notice"
              />
            </Field>
            {categories.length > 1 && (
              <Field label={t.draftCategory}>
                <Select value={category} disabled={off} onChange={(_, d) => setCategory(d.value)} data-testid="draft-category">
                  {categories.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <div>
              <Button onClick={runDraft} disabled={off} data-testid="draft-run">
                {t.draftRun}
              </Button>
            </div>
            {draftProblem && (
              <MessageBar intent={categories.length > 1 ? "warning" : "error"} data-testid="draft-problem">
                <MessageBarBody>{draftProblem}</MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
      </div>
      {editor && (
        <ProgrammeEditor
          key={editorKey}
          lang={lang}
          input={editor}
          api={api}
          disabled={disabled}
          onDownload={(title, text) => saveTextFile(jsonName(title), text)}
          onClose={() => setEditor(null)}
          onSaved={(view, warn) => {
            setEditor(null);
            setNote(t.saved(view.title));
            setWarning(warn);
            if (editor.mode === "draft") {
              setNotice("");
              setCategories([]);
              setDraftOpen(false);
            }
            onChanged(view.id);
          }}
        />
      )}
    </div>
  );
}
