import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvFieldCell, decodeCsvBytes, parseCsvText, readCsv } from "../../src/workbook/csv";
import { SAMPLES, sampleGrid } from "../../src/samples/index";
import { encodeGb18030 } from "../../scripts/gb18030";
import { displayText, sampleCsvBytes } from "../../scripts/sample-files";

const SAMPLES_DIR = join(__dirname, "..", "..", "samples");
const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

describe("CSV encodings", () => {
  const text = "序号,申报单位,统一社会信用代码\r\n1,南京（江宁）瀚海软件有限公司　,91320115MAE87H5J1E\r\n";

  it("UTF-8 with BOM, UTF-8 without, GB18030 and UTF-16 LE all decode to the same text", () => {
    expect(decodeCsvBytes(withBom(text))).toEqual({ text, encoding: "utf-8-bom" });
    expect(decodeCsvBytes(utf8(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsvBytes(encodeGb18030(text))).toEqual({ text, encoding: "gb18030" });
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      u16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      u16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(decodeCsvBytes(u16)).toEqual({ text, encoding: "utf-16le" });
  });

  it("GBK bytes that happen to include valid-looking UTF-8 lead bytes still fall back to GB18030", () => {
    // "联系人" in GBK is C1 AA CF B5 C8 CB: not valid UTF-8.
    const bytes = encodeGb18030("联系人,电话\r\n张明,13851926374\r\n");
    const r = readCsv(bytes);
    expect(r.encoding).toBe("gb18030");
    expect(r.grid.rows[1][0]).toEqual({ kind: "text", value: "张明" });
  });

  it("the bundled GB18030 and UTF-8-BOM sample CSVs are detected as such", () => {
    expect(readCsv(readFileSync(join(SAMPLES_DIR, "js-2020-666.csv"))).encoding).toBe("gb18030");
    expect(readCsv(readFileSync(join(SAMPLES_DIR, "sd-2023-platform.csv"))).encoding).toBe("utf-8-bom");
  });
});

describe("RFC 4180 parsing", () => {
  it("quoted fields with commas, doubled quotes and line breaks; CRLF, LF and CR records", () => {
    const text = 'a,"b,1","say ""是""",d\r\n"多\r\n行",x,,\n末行,"",z\rlast';
    expect(parseCsvText(text)).toEqual([
      ["a", "b,1", 'say "是"', "d"],
      ["多\r\n行", "x", "", ""],
      ["末行", "", "z"],
      ["last"],
    ]);
  });

  it("a trailing newline does not make an extra record; ragged rows are padded; trailing blank lines dropped", () => {
    const r = readCsv(utf8("序号,名称,备注\r\n1,甲\r\n\r\n,,\r\n"));
    expect(r.grid.rows.length).toBe(2);
    expect(r.grid.rows[1].map((c) => c.kind)).toEqual(["number", "text", "empty"]);
  });

  it("tab-separated text (Excel's Unicode 文本) is recognised", () => {
    const r = readCsv(utf8("序号\t申报单位\n1\t南京瑞达, 精密\n"));
    expect(r.delimiter).toBe("\t");
    expect(r.grid.rows[1][1].value).toBe("南京瑞达, 精密");
  });
});

describe("CSV field typing (what Excel would type, where nothing is lost)", () => {
  it.each([
    ["3200", { kind: "number", value: 3200 }],
    ["-1.5", { kind: "number", value: -1.5 }],
    ["13851926374", { kind: "number", value: 13851926374 }],
    ["9.13201E+17", { kind: "number", value: 9.13201e17 }],
    ["#N/A", { kind: "error", value: "#N/A" }],
    ["TRUE", { kind: "boolean", value: true }],
    ["", { kind: "empty", value: null }],
    ["913206913239795000", { kind: "text", value: "913206913239795000" }],
    ["91320115MAHEGG3M0K", { kind: "text", value: "91320115MAHEGG3M0K" }],
    ["02569652717", { kind: "text", value: "02569652717" }],
    ["2,000", { kind: "text", value: "2,000" }],
    ["2020/3/5", { kind: "text", value: "2020/3/5" }],
    ["2020-03-05", { kind: "text", value: "2020-03-05" }],
    ["是", { kind: "text", value: "是" }],
  ])("%s", (field, cell) => {
    expect(csvFieldCell(field)).toEqual(cell);
  });
});

describe("sample CSVs match their .xlsx", () => {
  for (const sample of SAMPLES) {
    for (const encoding of ["gb18030", "utf8-bom"] as const) {
      it(`${sample.id} (${encoding}): every cell's text equals the text Excel shows in the .xlsx`, () => {
        const r = readCsv(sampleCsvBytes(sample, encoding), sample.id);
        const grid = sampleGrid(sample);
        expect(r.grid.rows.length).toBe(grid.rows.length);
        grid.rows.forEach((row, i) =>
          row.forEach((cell, j) => {
            const got = r.grid.rows[i][j];
            const shown = got.kind === "number" && /E\+/.test(displayText(cell)) ? displayText(cell) : displayText(got);
            expect(shown, `${sample.id} R${i + 1}C${j + 1}`).toBe(displayText(cell));
          }),
        );
        // Truncated codes keep their number kind through the CSV.
        const truncatedXlsx = grid.rows.flat().filter((c) => c.kind === "number" && (c.value as number) > 1e17).length;
        const truncatedCsv = r.grid.rows.flat().filter((c) => c.kind === "number" && (c.value as number) > 1e17).length;
        expect(truncatedCsv).toBe(truncatedXlsx);
      });
    }
  }

  it("the committed CSV files are up to date", () => {
    expect(new Uint8Array(readFileSync(join(SAMPLES_DIR, "js-2020-666.csv")))).toEqual(sampleCsvBytes(SAMPLES.find((s) => s.id === "js-2020-666")!, "gb18030"));
    expect(new Uint8Array(readFileSync(join(SAMPLES_DIR, "sd-2023-platform.csv")))).toEqual(sampleCsvBytes(SAMPLES.find((s) => s.id === "sd-2023-platform")!, "utf8-bom"));
  });
});

describe("hostile CSVs", () => {
  it("an unclosed quote keeps the records before it and says where it opened", () => {
    const text = '序号,申报单位,备注\r\n1,甲,\r\n2,"乙,说明\r\n3,丙,\r\n4,丁,\r\n';
    const r = readCsv(utf8(text));
    expect(r.grid.rows.map((row) => row[1].value)).toEqual(["申报单位", "甲"]);
    expect(r.findings.map((f) => [f.code, f.row, f.column])).toEqual([["csv-malformed", 3, "B"]]);
    expect(r.findings[0].message).toContain("3 行");
  });

  it("a quote that closes on a later line is a multi-line field, not a fault", () => {
    const r = readCsv(utf8('序号,申报单位\r\n1,"甲\r\n分厂"\r\n2,乙\r\n'));
    expect(r.findings).toEqual([]);
    expect(r.grid.rows).toHaveLength(3);
  });

  it("GB18030 rows in a UTF-8 file: each row decoded in its own encoding, and the rows named", () => {
    const head = utf8("序号,申报单位\r\n1,南京甲科技有限公司\r\n");
    const gb = encodeGb18030("2,南京乙科技有限公司\r\n");
    const tail = utf8("3,南京丙科技有限公司\r\n4,南京丁科技有限公司\r\n");
    const bytes = new Uint8Array([...head, ...gb, ...tail]);
    const r = readCsv(bytes);
    expect(r.encoding).toBe("utf-8");
    expect(r.grid.rows.map((row) => row[1].value)).toEqual(["申报单位", "南京甲科技有限公司", "南京乙科技有限公司", "南京丙科技有限公司", "南京丁科技有限公司"]);
    expect(r.findings.map((f) => [f.code, f.row, f.rows])).toEqual([["encoding-mixed", 3, [3]]]);
    expect(r.findings[0].message).toMatch(/UTF-8.*第3行是 GB18030/);
  });

  it("a file wholly in GB18030 or wholly in UTF-8 has no encoding finding", () => {
    expect(readCsv(encodeGb18030("序号,申报单位\r\n1,南京甲\r\n")).findings).toEqual([]);
    expect(readCsv(utf8("序号,申报单位\r\n1,南京甲\r\n")).findings).toEqual([]);
  });
});
