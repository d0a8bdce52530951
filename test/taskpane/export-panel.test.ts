/**
 * The export panel rendered to HTML (React's server renderer, Fluent's styles and all): when the
 * form cannot be planned, the panel says why instead of showing nothing.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExportPanel } from "../../src/taskpane/components/Export";
import type { Capabilities } from "../../src/workbook/port";

const CAPS: Capabilities = { host: "预览", excelApi: null, cellNotes: false, conditionalFormats: false, dataValidation: false, changeEvents: false, createWorkbook: false, mergeUndoGroup: false, insertSheets: false };

describe("export panel", () => {
  it("says why the form cannot be previewed, in the pane's language", () => {
    const failing = () => {
      throw Object.assign(new Error("该项目没有汇总表格式"), { messageEn: "This programme has no summary form" });
    };
    const panel = (lang: "zh" | "en") =>
      renderToString(
        React.createElement(ExportPanel, {
          lang,
          capabilities: CAPS,
          disabled: false,
          choice: { destination: "download", options: {} },
          onChoice: () => {},
          action: { busy: false, done: null, error: null, run: () => {} },
          stale: false,
          onPreview: failing,
          planNow: true,
        }),
      );
    const zh = panel("zh");
    expect(zh).toContain('data-testid="export-preview-error"');
    expect(zh).toContain("该项目没有汇总表格式");
    expect(panel("en")).toContain("This programme has no summary form");
  });
});
