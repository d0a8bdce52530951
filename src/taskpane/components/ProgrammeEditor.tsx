/**
 * The programme editor: a form over a definition's decisive values (src/domain/bundle-edit.ts),
 * each with its clause, for a copy of a programme (新建项目) or a draft from a notice's text (起草).
 * A draft's rules stand beside their sentences with how sure the extractor was; each is accepted,
 * corrected (a value changed) or dropped, and the draft can be saved only when none is left to
 * review. The rules text and the definition's problems follow every keystroke; a problem is shown
 * under the box it concerns.
 */
import * as React from "react";
import { Badge, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import type { ProgrammeView, RuleView } from "../../workbook/session";
import type { BundleProblem } from "../../workbook/programme-store";
import { applyText, editGroups, getAt, programmeRoot, removeAt, setAt, type EditField, type EditGroup, type JsonPath } from "../../domain/bundle-edit";
import { BUNDLE_FORMAT, BUNDLE_VERSION } from "../../domain/bundle";
import { errorText } from "../errors";
import { programmeText } from "../programme-text";
import { RulesList } from "./Settings";

const useStyles = makeStyles({
  editor: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  group: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  head: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  small: { color: tokens.colorNeutralForeground3, display: "block", overflowWrap: "anywhere" },
  sentence: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: "6px", overflowWrap: "anywhere" },
  dropped: { opacity: 0.55 },
  buttons: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  list: { margin: 0, paddingLeft: "18px" },
});

export type ReviewState = "pending" | "accepted" | "corrected" | "dropped";

export interface EditorApi {
  previewBundle(text: string): { ok: true; view: ProgrammeView; rules: RuleView[] } | { ok: false; problems: BundleProblem[] };
  saveProgramme(fileName: string, text: string, options?: { replace?: boolean; copiedFrom?: string }): Promise<{ view: ProgrammeView; userNotSaved: Error | null }>;
}

export interface EditorInput {
  mode: "copy" | "draft";
  /** The definition as JSON: a bundle ({format, version, programme}) or a draft file ({…, programme, notes}). */
  doc: unknown;
  /** The programme copied (mode "copy"). */
  from?: ProgrammeView;
  /** Ids of the built-in programmes: a new one may not take them (an imported one's is replaced on confirm). */
  taken: string[];
}

interface DraftNote {
  section: string;
  text: string;
  reason: string;
}

/** "$.programme.rowRules[3].after" → "programme.rowRules.3.after" (the editor's keys). */
export function problemKey(path: string): string {
  return path
    .replace(/^\$/, "")
    .replace(/\[(\d+)\]/g, ".$1")
    .replace(/\["((?:[^"\\]|\\.)*)"\]/g, (_, k: string) => `.${k}`)
    .replace(/^\./, "");
}

/** The definition without the dropped parts: array elements removed from the last, members set to null. */
function withoutDropped(doc: unknown, paths: JsonPath[]): unknown {
  const sorted = [...paths].sort((a, b) => Number(b[b.length - 1]) - Number(a[a.length - 1]));
  return sorted.reduce((d, p) => removeAt(d, p), doc);
}

/** A problem's key in the definition as shown (rules dropped from a list shift the indexes after them). */
function originalKey(key: string, root: JsonPath, droppedPaths: JsonPath[]): string {
  const parts = key.split(".");
  const rootLen = root.length;
  const list = parts[rootLen];
  const index = Number(parts[rootLen + 1]);
  if ((list !== "rowRules" && list !== "setRules") || !Number.isInteger(index)) return key;
  const gone = new Set(droppedPaths.filter((p) => p[rootLen] === list).map((p) => Number(p[rootLen + 1])));
  let seen = -1;
  for (let i = 0; ; i++) {
    if (gone.has(i)) continue;
    seen++;
    if (seen === index) {
      parts[rootLen + 1] = String(i);
      return parts.join(".");
    }
    if (i > 10_000) return key;
  }
}

/** The definition file to keep or share: a bundle around the (reviewed) programme. */
function bundleTextOf(doc: unknown, root: JsonPath): string {
  return JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, programme: getAt(doc, root) }, null, 2) + "\n";
}

export function ProgrammeEditor({
  lang,
  input,
  api,
  disabled,
  onSaved,
  onClose,
  onDownload,
}: {
  lang: Lang;
  input: EditorInput;
  api: EditorApi;
  disabled: boolean;
  onSaved: (view: ProgrammeView, note: string | null) => void;
  onClose: () => void;
  /** Offers the programme file; `title` names it. */
  onDownload: (title: string, text: string) => void;
}) {
  const t = programmeText(lang);
  const st = useStyles();
  const root = React.useMemo(() => programmeRoot(input.doc) ?? ["programme"], [input.doc]);
  const [doc, setDoc] = React.useState<unknown>(input.doc);
  // The groups as first shown: their keys and paths stay put while values change and rules are dropped.
  const groups = React.useMemo(() => editGroups(input.doc), [input.doc]);
  const [boxes, setBoxes] = React.useState<Record<string, string>>(() => Object.fromEntries(groups.flatMap((g) => g.fields.map((f) => [f.key, f.text]))));
  const [boxProblems, setBoxProblems] = React.useState<Record<string, string>>({});
  const [review, setReview] = React.useState<Record<string, ReviewState>>(() => Object.fromEntries(groups.filter((g) => g.source).map((g) => [g.key, "pending" as ReviewState])));
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [replaceAsk, setReplaceAsk] = React.useState<string | null>(null);
  const idPath = React.useMemo(() => [...root, "id"], [root]);
  const [idText, setIdText] = React.useState(() => String(getAt(input.doc, idPath) ?? ""));
  const notes = input.mode === "draft" ? ((getAt(input.doc, ["notes"]) as DraftNote[] | undefined) ?? []) : [];

  const droppedPaths = groups.filter((g) => review[g.key] === "dropped" && g.rulePath).map((g) => g.rulePath!);
  const finalDoc = React.useMemo(() => withoutDropped(doc, droppedPaths), [doc, droppedPaths.map((p) => p.join(".")).join("|")]);
  const text = React.useMemo(() => bundleTextOf(finalDoc, root), [finalDoc, root]);
  const preview = React.useMemo(() => api.previewBundle(text), [api, text]);
  const fieldKeys = new Set(groups.flatMap((g) => g.fields.map((f) => f.key)));
  /** The definition's problems by the field they concern; the rest listed above the save button. */
  const { byField, loose } = React.useMemo(() => {
    const byField = new Map<string, BundleProblem[]>();
    const loose: BundleProblem[] = [];
    if (!preview.ok) {
      for (const p of preview.problems) {
        const key = originalKey(problemKey(p.path), root, droppedPaths);
        const owner = [...fieldKeys].find((k) => key === k || key.startsWith(`${k}.`)) ?? (key === idPath.join(".") ? "id" : undefined);
        if (owner) byField.set(owner, [...(byField.get(owner) ?? []), p]);
        else loose.push(p);
      }
    }
    return { byField, loose };
  }, [preview]);
  const id = String(getAt(finalDoc, idPath) ?? "");
  const idTaken = input.taken.includes(id);
  const pending = Object.values(review).filter((s) => s === "pending").length;
  const canSave = preview.ok && pending === 0 && !idTaken && Object.keys(boxProblems).length === 0;
  const title = String(getAt(finalDoc, [...root, "title"]) ?? "");

  const editBox = (g: EditGroup, f: EditField, value: string) => {
    setBoxes((b) => ({ ...b, [f.key]: value }));
    const out = applyText(doc, f, value);
    if (!out.ok) {
      setBoxProblems((p) => ({ ...p, [f.key]: lang === "en" ? out.en : out.zh }));
      return;
    }
    setBoxProblems(({ [f.key]: _, ...rest }) => rest);
    setDoc(out.bundle);
    if (g.source && review[g.key] !== "dropped") setReview((r) => ({ ...r, [g.key]: "corrected" }));
  };

  const editId = (value: string) => {
    setIdText(value);
    setDoc((d: unknown) => setAt(d, idPath, value.trim()));
  };

  const save = async (replace = false) => {
    setSaving(true);
    setError(null);
    setReplaceAsk(null);
    try {
      const out = await api.saveProgramme(`${id}.json`, text, { ...(replace ? { replace: true } : {}), ...(input.from ? { copiedFrom: input.from.id } : {}) });
      onSaved(out.view, out.userNotSaved ? errorText(out.userNotSaved, lang) : null);
    } catch (e) {
      if ((e as { name?: string }).name === "ProgrammeExistsError" && !(e as { builtIn?: boolean }).builtIn) setReplaceAsk(id);
      else setError(errorText(e, lang));
    } finally {
      setSaving(false);
    }
  };

  const problemsText = (ps: BundleProblem[] | undefined) => (ps ?? []).map((p) => (lang === "en" ? p.en : p.zh)).join("；");

  return (
    <section className={st.editor} aria-label={input.mode === "draft" ? t.editorDraft(title) : t.editorCopy(input.from?.title ?? "")} data-testid="editor" data-mode={input.mode}>
      <Subtitle2 as="h3">{input.mode === "draft" ? t.editorDraft(title) : t.editorCopy(input.from?.title ?? "")}</Subtitle2>
      <Caption1 className={st.small}>{input.mode === "draft" ? t.editorDraftHint : t.editorCopyHint}</Caption1>
      <Field
        label={t.id}
        validationState={idTaken || byField.has("id") ? "error" : "none"}
        validationMessage={idTaken ? t.idTaken(id) : byField.has("id") ? problemsText(byField.get("id")) : undefined}
      >
        <Input value={idText} disabled={disabled || saving} onChange={(_, d) => editId(d.value)} data-testid="editor-id" />
      </Field>
      {groups.map((g) => {
        const state = review[g.key];
        const dropped = state === "dropped";
        return (
          <div key={g.key} className={dropped ? `${st.group} ${st.dropped}` : st.group} data-testid={`editor-group-${g.key}`} data-state={state ?? "none"} role="group" aria-label={lang === "en" ? g.en : g.zh}>
            <div className={st.head}>
              <strong>{lang === "en" ? g.en : g.zh}</strong>
              {state && (
                <Badge appearance="tint" color={state === "pending" ? "warning" : state === "dropped" ? "subtle" : "success"} data-testid={`editor-state-${g.key}`}>
                  {t.state[state]}
                </Badge>
              )}
            </div>
            {g.source && (
              <div className={st.sentence} data-testid={`editor-source-${g.key}`}>
                <Caption1 className={st.small}>
                  {t.source(g.source.section)} · {t.confidence(g.source.confidence)}
                </Caption1>
                <span>{g.source.text}</span>
              </div>
            )}
            {g.clause && !g.source && (
              <Caption1 className={st.small}>
                {t.clause}：{g.clause}
              </Caption1>
            )}
            {!dropped &&
              g.fields.map((f) => {
                const own = boxProblems[f.key];
                const fromBundle = byField.get(f.key);
                const message = own ? t.invalidValue(own) : fromBundle ? problemsText(fromBundle) : undefined;
                const multi = f.kind === "lines" || f.kind === "groups" || f.kind === "names";
                const value = boxes[f.key] ?? "";
                return (
                  <Field key={f.key} label={lang === "en" ? f.en : f.zh} validationState={message ? "error" : "none"} validationMessage={message}>
                    {multi ? (
                      <Textarea value={value} disabled={disabled || saving} resize="vertical" rows={Math.min(6, Math.max(2, value.split("\n").length))} onChange={(_, d) => editBox(g, f, d.value)} data-testid={`editor-field-${f.key}`} />
                    ) : (
                      <Input value={value} disabled={disabled || saving} onChange={(_, d) => editBox(g, f, d.value)} data-testid={`editor-field-${f.key}`} />
                    )}
                  </Field>
                );
              })}
            {state && (
              <div className={st.buttons}>
                {state === "pending" && (
                  <Button size="small" disabled={disabled || saving} onClick={() => setReview((r) => ({ ...r, [g.key]: "accepted" }))} data-testid={`editor-accept-${g.key}`}>
                    {t.accept}
                  </Button>
                )}
                {g.rulePath && (
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={disabled || saving}
                    onClick={() => setReview((r) => ({ ...r, [g.key]: dropped ? "pending" : "dropped" }))}
                    data-testid={`editor-drop-${g.key}`}
                  >
                    {dropped ? t.undrop : t.drop}
                  </Button>
                )}
              </div>
            )}
          </div>
        );
      })}
      {notes.length > 0 && (
        <details data-testid="editor-notes">
          <summary>{t.notes(notes.length)}</summary>
          <ul className={st.list}>
            {notes.map((n, i) => (
              <li key={i} data-testid="editor-note">
                <Caption1 className={st.small}>
                  {n.section} · {n.reason}
                </Caption1>
                <span>{n.text}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.ok && (
        <details open data-testid="editor-rules-section">
          <summary>{t.rulesNow}</summary>
          <RulesList lang={lang} rules={preview.rules} testId="editor-rules" />
        </details>
      )}
      {!preview.ok && loose.length > 0 && (
        <MessageBar intent="error" data-testid="editor-problems">
          <MessageBarBody>
            {t.problems}
            <ul className={st.list}>
              {loose.map((p, i) => (
                <li key={i}>
                  {p.path}：{lang === "en" ? p.en : p.zh}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {pending > 0 && (
        <div className={st.buttons}>
          <Caption1 data-testid="editor-pending">{t.pendingCount(pending)}</Caption1>
          <Button size="small" disabled={disabled || saving} onClick={() => setReview((r) => Object.fromEntries(Object.entries(r).map(([k, s]) => [k, s === "pending" ? "accepted" : s])))} data-testid="editor-accept-all">
            {t.acceptAll}
          </Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error" data-testid="editor-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {replaceAsk && (
        <MessageBar intent="warning" data-testid="editor-replace-ask">
          <MessageBarBody>
            {t.replaceAsk(replaceAsk)}{" "}
            <Button size="small" onClick={() => save(true)} data-testid="editor-replace">
              {t.replace}
            </Button>{" "}
            <Button size="small" appearance="subtle" onClick={() => setReplaceAsk(null)}>
              {t.cancel}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={st.buttons}>
        <Button appearance="primary" disabled={disabled || saving || !canSave} onClick={() => save()} data-testid="editor-save">
          {saving ? t.saving : t.save}
        </Button>
        <Button disabled={disabled || !preview.ok || (input.mode === "draft" && pending > 0)} onClick={() => onDownload(title || id, text)} data-testid="editor-download">
          {t.download}
        </Button>
        <Button appearance="subtle" disabled={saving} onClick={onClose} data-testid="editor-close">
          {t.close}
        </Button>
      </div>
    </section>
  );
}
