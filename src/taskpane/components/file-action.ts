/**
 * A pane action that may end in a file to save (导出汇总表, 生成区县填报模板): busy while it runs, its
 * outcome or its error (in the pane's language), and the download offered where Excel cannot open it.
 */
import * as React from "react";
import type { Lang } from "../../workbook/i18n";
import { errorText } from "../errors";

/** Saves bytes as a file through the browser: the way out where Excel can take no new workbook. */
export function saveFile(fileName: string, bytes: Uint8Array | string, type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useFileAction<T extends { download?: { fileName: string; bytes: Uint8Array } }>(lang: Lang, action: () => Promise<T>) {
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<T | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const out = await action();
      if (out.download) saveFile(out.download.fileName, out.download.bytes);
      setDone(out);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return { busy, done, error, run };
}
