/** Reads an exported .xlsx back with SheetJS — a reader independent of the exceljs that wrote it. */
import * as XLSX from "@e965/xlsx";

export interface ReadBack {
  book: XLSX.WorkBook;
  sheet: XLSX.WorkSheet;
  sheetIndex: number;
  /** The raw XML of the sheet (page setup is not parsed by SheetJS). */
  sheetXml: string;
  cell(address: string): XLSX.CellObject | undefined;
  /** Row `r` (1-based) as text, columns A.. through `width`. */
  rowText(r: number, width: number): string[];
  printTitles(): string | undefined;
}

export function readBack(bytes: Uint8Array, sheetName?: string): ReadBack {
  const book = XLSX.read(bytes, { type: "array" });
  const name = sheetName ?? book.SheetNames[0];
  const sheetIndex = book.SheetNames.indexOf(name);
  if (sheetIndex < 0) throw new Error(`no sheet ${name} in ${book.SheetNames.join(",")}`);
  const sheet = book.Sheets[name];
  const zip = XLSX.CFB.read(bytes, { type: "array" });
  const sheetPath = `xl/worksheets/sheet${sheetIndex + 1}.xml`;
  const entry = zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith(sheetPath))];
  if (!entry) throw new Error(`no ${sheetPath} in the package`);
  const sheetXml = new TextDecoder().decode(entry.content as Uint8Array);
  return {
    book,
    sheet,
    sheetIndex,
    sheetXml,
    cell: (a) => sheet[a] as XLSX.CellObject | undefined,
    rowText: (r, width) => Array.from({ length: width }, (_, c) => {
      const cell = sheet[XLSX.utils.encode_cell({ r: r - 1, c })] as XLSX.CellObject | undefined;
      return cell === undefined || cell.v === undefined ? "" : String(cell.w ?? cell.v);
    }),
    printTitles: () => book.Workbook?.Names?.find((n) => n.Name === "_xlnm.Print_Titles" && n.Sheet === sheetIndex)?.Ref,
  };
}
