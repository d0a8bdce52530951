/**
 * The format registry on the corpus (test/data/files, made by scripts/make-format-corpus.ts with
 * LibreOffice, SheetJS's writer, openpyxl and as export systems write HTML and SpreadsheetML): each
 * file is recognised by its bytes, and every twin of the .xlsx list gives the same findings per row.
 */
import { builtinProgramme } from "../../src/domain/catalogue";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/domain/check";
import { ListFileError, readListFile, LIST_EXTENSIONS, type FormatId } from "../../src/workbook/formats/book";
import { sniff, biffHasFilePass } from "../../src/workbook/formats/sniff";
import { decodeCsvBytes, detectDelimiter, readCsv } from "../../src/workbook/csv";
import { encodeGb18030 } from "../../scripts/gb18030";

const DIR = join(__dirname, "..", "data", "files");
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

const EXPECTED: Record<string, FormatId | "encrypted"> = {
  "江宁区.xlsx": "xlsx",
  "江宁区.xls": "xls",
  "江宁区.et": "xls",
  "江宁区.xlsb": "xlsb",
  "江宁区.ods": "ods",
  "江宁区.fods": "fods",
  "江宁区-2003.xml": "xml2003",
  "江宁区-导出Excel.xls": "html",
  "江宁区-GB18030.csv": "text",
  "江宁区-Unicode文本.txt": "text",
  "江宁区-UTF16无BOM.txt": "text",
  "实为xlsx.xls": "xlsx",
  "实为ods.xlsx": "ods",
  "实为csv.xls": "text",
  "加密.xlsx": "encrypted",
  "加密.xls": "encrypted",
  "openpyxl-未缓存公式.xlsx": "xlsx",
  "秦淮区-本区无推荐项目.xlsx": "xlsx",
};

async function findingsOf(name: string): Promise<{ rows: string[]; mislabelled: number }> {
  const book = await readListFile(bytesOf(name), name);
  const { grid, findings } = book.sheet();
  const report = check(grid, { programme: builtinProgramme("js-2023-platform"), city: "南京", readFindings: [...book.fileFindings, ...findings] });
  return {
    rows: report.findings.filter((f) => f.code !== "format-mislabelled").map((f) => `${f.code}:${f.row ?? ""}:${f.column ?? ""}:${f.severity}`).sort(),
    mislabelled: report.findings.filter((f) => f.code === "format-mislabelled").length,
  };
}

describe("recognised by content, not by name", () => {
  it("the corpus holds every file the table names, and nothing else", () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name} → ${want}`, async () => {
      const s = await sniff(bytesOf(name));
      expect(s.kind === "format" ? s.format : s.kind).toBe(want);
    });
  }

  it("every extension of the registry is a name a list may have; a folder lists them", () => {
    for (const ext of [".xlsx", ".xlsm", ".xls", ".et", ".xlsb", ".ods", ".fods", ".xml", ".html", ".htm", ".csv", ".txt"]) expect(LIST_EXTENSIONS).toContain(ext);
  });
});

describe("the twins of an .xlsx list give the same findings per row", () => {
  const twins = ["江宁区.xls", "江宁区.et", "江宁区.xlsb", "江宁区.ods", "江宁区.fods", "江宁区-2003.xml", "江宁区-导出Excel.xls", "实为xlsx.xls", "实为ods.xlsx"];
  for (const twin of twins) {
    it(twin, async () => {
      const base = await findingsOf("江宁区.xlsx");
      expect(base.rows.length).toBeGreaterThan(20);
      const other = await findingsOf(twin);
      expect(other.rows).toEqual(base.rows);
    });
  }

  // LibreOffice's CSV writes the one date shown as 2017年3月3日 as 03/03/2017 (its locale's order),
  // which the check rightly will not read as a day: the only row where a text export differs.
  for (const twin of ["江宁区-GB18030.csv", "江宁区-Unicode文本.txt", "江宁区-UTF16无BOM.txt", "实为csv.xls"]) {
    it(`${twin} (text: a CSV writer's own date text aside)`, async () => {
      const base = await findingsOf("江宁区.xlsx");
      const other = await findingsOf(twin);
      expect(other.rows.filter((r) => r !== "date-unreadable:22:E:error")).toEqual(base.rows);
      expect(other.rows).toContain("date-unreadable:22:E:error");
    });
  }
});

describe("what the report says about the file", () => {
  it("a name saying another format is one info finding naming both; a true name none", async () => {
    expect((await findingsOf("实为xlsx.xls")).mislabelled).toBe(1);
    expect((await findingsOf("实为ods.xlsx")).mislabelled).toBe(1);
    expect((await findingsOf("江宁区-导出Excel.xls")).mislabelled).toBe(1);
    for (const name of ["江宁区.xls", "江宁区.et", "江宁区.ods", "江宁区-GB18030.csv", "江宁区-Unicode文本.txt"]) expect((await findingsOf(name)).mislabelled, name).toBe(0);
    const book = await readListFile(bytesOf("实为ods.xlsx"), "实为ods.xlsx");
    expect(book.fileFindings[0]!.message).toBe("文件扩展名是“.xlsx”，内容实际是OpenDocument 表格（.ods）：已按实际格式读取");
  });

  it("a password-protected .xlsx and .xls are refused as such, in both languages", async () => {
    for (const name of ["加密.xlsx", "加密.xls"]) {
      const e = await readListFile(bytesOf(name), name).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ListFileError);
      expect((e as ListFileError).reason).toBe("password");
      expect((e as ListFileError).message).toBe("该文件设有打开密码，请去掉密码后另存再检查");
      expect((e as ListFileError).messageEn).toMatch(/password-protected/);
    }
    // The plain .xls the encrypted one was made from has no FILEPASS.
    const { CFB } = await import("@e965/xlsx");
    const plain = CFB.find(CFB.read(bytesOf("江宁区.xls"), { type: "array" }), "Workbook")!.content as Uint8Array;
    expect(biffHasFilePass(plain)).toBe(false);
  });

  it("bytes that are no spreadsheet are refused naming what they look like", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n");
    await expect(readListFile(pdf, "名单.xls")).rejects.toThrow(/不是表格文件（看起来是PDF 文件）/);
    await expect(readListFile(new Uint8Array(0), "名单.xlsx")).rejects.toThrow(/空文件/);
  });

  it("a formula without a cached value (openpyxl) is an empty cell that keeps its formula, never a plain blank", async () => {
    const { grid } = (await readListFile(bytesOf("openpyxl-未缓存公式.xlsx"), "x.xlsx")).sheet();
    const row4 = grid.rows[3 - (grid.firstRow - 1)]!;
    expect(row4[2]).toEqual(expect.objectContaining({ kind: "empty", formula: '="南京瑞达"&"精密机械有限公司"' }));
    expect(row4[0]).toEqual(expect.objectContaining({ kind: "empty", formula: "=A3+1" }));
  });

  it("SheetJS formats give the sheet's merges in Grid.shape, as the sheet has them", async () => {
    const { grid } = (await readListFile(bytesOf("江宁区.xls"), "江宁区.xls")).sheet();
    expect(grid.shape?.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 16 },
      { top: 2, left: 1, bottom: 2, right: 16 },
      { top: 27, left: 1, bottom: 27, right: 16 },
    ]);
  });
});

describe("text files", () => {
  it("the delimiter is found over many lines, not the first (a title with commas above a tab-separated list)", () => {
    const text = "南京市推荐汇总表,2023年,第一批\n序号\t申报单位\t统一社会信用代码\n1\t南京甲, 乙分公司\t91320115MA1N4EB10X\n2\t南京丙\t91320115MA1N4EB10Y\n3\t南京丁\t91320115MA1N4EB10Z\n";
    expect(detectDelimiter(text)).toBe("\t");
    expect(readCsv(new TextEncoder().encode(text)).grid.rows[2]!.map((c) => c.value)).toEqual([1, "南京甲, 乙分公司", "91320115MA1N4EB10X"]);
    expect(detectDelimiter("a;b;c\n1;2;3\n4;5;6\n")).toBe(";");
    expect(detectDelimiter("标题\n序号|名称|代码\n1|甲|x\n2|乙|y\n")).toBe("|");
  });

  it("UTF-16 without a BOM is recognised (LE and BE); GB18030 stays GB18030", () => {
    const text = "序号\t申报单位\r\n1\t南京甲\r\n";
    const le = new Uint8Array(text.length * 2), be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      (le[2 * i] = c & 255), (le[2 * i + 1] = c >> 8), (be[2 * i] = c >> 8), (be[2 * i + 1] = c & 255);
    }
    expect(decodeCsvBytes(le)).toEqual({ text, encoding: "utf-16le" });
    expect(decodeCsvBytes(be)).toEqual({ text, encoding: "utf-16be" });
    expect(decodeCsvBytes(encodeGb18030(text)).encoding).toBe("gb18030");
  });
});
