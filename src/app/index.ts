/**
 * The application layer: what the CLI, the task pane's session and the standalone page do with list
 * files, in one place (read → merge → check → plan → write). It depends on the domain and on the
 * readers and writers below it, never on a host (no node:fs, no Office.js): callers hand it bytes.
 *
 *   openListFile({name, bytes}) → OpenedBook: format, sheetNames, sheet(name) → {name, grid, findings};
 *                                  a file that is no list throws ListReadError (.file, .why, .reason)
 *   listSheets(sheets, programme, file) → {lists, others}: the sheets holding a list, the others named
 *   mergeListFiles(files, programme, city, {sheet?, sheets?}) → MergedLists: the domain's merge plus
 *                                  `skipped` (every file or sheet not merged, with why); nothingMerged()
 *   checkGrid(grid, step) / checkOptions(step) → the report / the domain's options for it
 *   planSummary(grid, report, programme, options) → the export plan
 *   writeListWorkbook(grids) / writeSummary(plan) → .xlsx bytes
 *   LIST_EXTENSIONS, ACCEPT_LIST_FILES, isListFileName, LIST_FILES_TEXT: the one list of what is read
 */
export * from "./files";
export * from "./merge";
export * from "./check";
export * from "./write";
