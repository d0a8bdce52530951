import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { planExport } from "../../src/domain/export/plan";
import { addExportSheet, buildExportWorkbook, buildExportWorkbookBase64, newWorkbook, toBase64, workbookBytes } from "../../src/export/xlsx";
import { makeList } from "./fixtures";
import { readBack } from "./readback";

const USCC_DIGITS = "913201152800408076"; // all digits: the kind Excel would turn into 9.13201152800408E+17

function list() {
  return makeList({
    programme: "sd-2024-gfbj-2",
    city: "青岛",
    header: [["推荐排序", "rank"], ["揭榜任务", "task"], ["项目名称", "projectName"], ["牵头单位", "leadName"], ["牵头单位统一社会信用代码", "leadUscc"],
      ["企业性质", "ownership"], ["预期投入（万元）", "investment"], ["联系电话", "phone"], ["备注", "remarks"]],
    rows: [
      [2, "2-01 大模型", "=1+1", "青岛海川数字科技有限公司", USCC_DIGITS, "民营", "1,200", "053285912736", "+1 加急"],
      [1, "2-05 标识解析", "@项目", "青岛瑞海有限公司", "91370211ma3a0d8d4h", "民营", 650, "13806421857", ""],
      [5, "2-09 网络安全", "-负号开头", "中石装备（青岛）有限公司", "911000008846444845", "中央驻鲁企业", 2000, "0532-86891120", ""],
    ],
  });
}

async function exported() {
  const { grid, report } = list();
  const plan = planExport(grid, report, builtinProgramme(report.programme), { contact: "周岩", phone: "0532-85912736", fillDate: "2024-08-01", keepSourceRemarks: true });
  return { plan, back: readBack(await buildExportWorkbook(plan)) };
}

describe("the .xlsx a bureau prints and stamps", () => {
  it("has the 附件 label, the merged title, the unit line and the header", async () => {
    const { plan, back } = await exported();
    const n = plan.columns.length;
    expect(back.cell("A1")?.v).toBe("附件3");
    expect(back.cell("A2")?.v).toBe("2024年度“工赋百景”制造业数字化转型揭榜挂帅（第二批）试点推荐项目汇总表");
    expect(back.sheet["!merges"]).toContainEqual({ s: { r: 1, c: 0 }, e: { r: 1, c: n - 1 } });
    expect(back.sheet["!merges"]).toContainEqual({ s: { r: 2, c: 0 }, e: { r: 2, c: n - 1 } });
    expect(String(back.cell("A3")?.v)).toMatch(/^推荐单位（盖章）：青岛市工业和信息化局.*联系人：周岩.*联系电话：0532-85912736.*填报日期：2024年8月1日$/);
    expect(back.rowText(4, n).map((h) => h.replace(/\n/g, ""))).toEqual(plan.columns.map((c) => c.header));
    expect(back.rowText(4, n).slice(0, 3)).toEqual(["序号", "推荐\n排序", "揭榜任务"]);
  });

  it("lists the rows in rank order with exempt projects last, renumbered", async () => {
    const { back, plan } = await exported();
    const n = plan.columns.length;
    const rows = [5, 6, 7].map((r) => back.rowText(r, n));
    expect(rows.map((r) => r[0])).toEqual(["1", "2", "3"]);
    expect(rows.map((r) => r[1])).toEqual(["1", "2", ""]);
    expect(rows.map((r) => r[4])).toEqual(["青岛瑞海有限公司", "青岛海川数字科技有限公司", "中石装备（青岛）有限公司"]);
    expect(rows[2][n - 1]).toBe("不占名额");
    expect(back.cell("A8")?.v).toMatch(/^按推荐排序填列/);
  });

  it("writes USCCs and phones as intact text and formula-like text as text, never a formula", async () => {
    const { back, plan } = await exported();
    const col = (h: string) => String.fromCharCode(65 + plan.columns.findIndex((c) => c.header === h));
    const uscc = back.cell(`${col("牵头单位统一社会信用代码")}6`);
    expect(uscc).toMatchObject({ t: "s", v: USCC_DIGITS });
    expect(back.cell(`${col("牵头单位统一社会信用代码")}5`)).toMatchObject({ t: "s", v: "91370211MA3A0D8D4H" });
    expect(back.cell(`${col("联系电话")}6`)).toMatchObject({ t: "s", v: "0532-85912736" });
    for (const [row, text] of [[6, "=1+1"], [5, "@项目"], [7, "-负号开头"]] as const) {
      const cell = back.cell(`${col("项目名称")}${row}`);
      expect(cell).toMatchObject({ t: "s", v: text });
      expect(cell?.f).toBeUndefined();
    }
    expect(back.cell(`${col("备注")}6`)).toMatchObject({ t: "s", v: "+1 加急" });
    expect(back.sheetXml).not.toMatch(/<f>|<f /);
    expect(back.cell(`${col("预期投入（万元）")}6`)).toMatchObject({ t: "n", v: 1200 });
  });

  it("prints on A3 landscape (16 columns would shrink below 9 pt on A4), one page wide, title and header repeated on every page", async () => {
    const { back, plan } = await exported();
    expect(back.printTitles()).toBe(`'${plan.sheetName}'!$2:$4`);
    const setup = /<pageSetup [^>]*>/.exec(back.sheetXml)?.[0] ?? "";
    expect(setup).toContain('paperSize="8"');
    expect(setup).toContain('orientation="landscape"');
    expect(setup).toContain('fitToWidth="1"');
    expect(setup).toContain('fitToHeight="0"');
    expect(back.sheetXml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const area = back.book.Workbook?.Names?.find((n) => n.Name === "_xlnm.Print_Area")?.Ref;
    expect(area).toMatch(/^'.+'!\$A\$1:\$[A-Z]+\$\d+$/);
  });

  it("ends with the signature and stamp line", async () => {
    const { back, plan } = await exported();
    const cells = Object.entries(back.sheet).filter(([k]) => !k.startsWith("!")).map(([, c]) => String((c as { v: unknown }).v));
    expect(cells).toContain("推荐单位（盖章）");
    expect(cells.some((v) => /^\u3000*年\u3000*月\u3000*日$/.test(v))).toBe(true);
    expect(cells.some((v) => v.startsWith("填表人："))).toBe(true);
    expect(plan.columns.every((c) => c.width >= 5)).toBe(true);
  });

  it("writes 宋体 body, 黑体 title and thin borders around the table", async () => {
    const { grid, report } = list();
    const bytes = await buildExportWorkbook(planExport(grid, report, builtinProgramme(report.programme)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A2").font?.name).toBe("黑体");
    expect(ws.getCell("C5").font?.name).toBe("宋体");
    expect(ws.getCell("C5").border?.left?.style).toBe("thin");
    expect(ws.getCell("A4").border?.bottom?.style).toBe("thin");
  });

  it("adds the summary as a new sheet beside the user's sheets, leaving them untouched", async () => {
    const wb = newWorkbook();
    const mine = wb.addWorksheet("推荐项目汇总表");
    mine.getCell("A1").value = "我的数据";
    const { grid, report } = list();
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const { worksheet, spec } = addExportSheet(wb, plan);
    expect(worksheet.name).toBe("推荐项目汇总表 (2)");
    expect(spec.parts.firstDataRow).toBe(5);
    const back = readBack(await workbookBytes(wb), "推荐项目汇总表 (2)");
    expect(back.book.SheetNames).toEqual(["推荐项目汇总表", "推荐项目汇总表 (2)"]);
    expect(back.book.Sheets["推荐项目汇总表"]["A1"].v).toBe("我的数据");
    expect(back.printTitles()).toBe("'推荐项目汇总表 (2)'!$2:$4");
  });

  it("gives the pane base64 that decodes to the same workbook", async () => {
    const { grid, report } = list();
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const b64 = await buildExportWorkbookBase64(plan);
    const bytes = Uint8Array.from(Buffer.from(b64, "base64"));
    expect(readBack(bytes).cell("A2")?.v).toBe(plan.title);
    for (const s of ["", "a", "ab", "abc", "abcd", "汇总表"]) expect(toBase64(new TextEncoder().encode(s))).toBe(Buffer.from(s).toString("base64"));
  });
});
