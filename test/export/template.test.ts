import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { Programme } from "../../src/domain/programme";
import { planTemplateFill } from "../../src/domain/export/template-plan";
import { gridFromValues } from "../../src/domain/cells";
import { ExportError } from "../../src/domain/export/plan";
import { fillTemplate } from "../../src/export/template";
import { workbookBytes } from "../../src/export/xlsx";
import { makeList } from "./fixtures";
import { readBack } from "./readback";
import { builtinInput } from "../../src/domain/programmes/index";
const sdPlatformProgramme = builtinInput("sd-2023-platform");
const jsStarCloudProgramme = builtinInput("js-2023-star-cloud");

const SD = Programme.parse(sdPlatformProgramme);
const THIN = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } } as const;
const FORM_HEADER = ["序号", "申报单位名称", "统一社会信用代码", "平台名称", "申报方向", "投资额（元）", "是否占用推荐名额", "法定代表人", "备注"];

/** A blank form as a province would send it: title, unit line, header, 3 numbered blank rows, 填报说明 and a stamp line. */
async function provinceForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附件2");
  ws.mergeCells("A1:I1");
  ws.getCell("A1").value = "2023年省级工业互联网平台入库申报信息汇总表";
  ws.getCell("A1").font = { name: "方正小标宋简体", size: 20 };
  ws.mergeCells("A2:I2");
  ws.getCell("A2").value = "推荐单位（盖章）：                填报日期：";
  FORM_HEADER.forEach((h, i) => {
    const c = ws.getCell(3, i + 1);
    c.value = h;
    c.border = THIN;
    c.font = { name: "黑体", size: 12, bold: true };
  });
  for (let r = 4; r <= 6; r++) {
    for (let c = 1; c <= 9; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.font = { name: "仿宋_GB2312", size: 12 };
    }
    ws.getCell(r, 1).value = r - 3;
  }
  ws.mergeCells("A7:I7");
  ws.getCell("A7").value = "填报说明：按推荐顺序填写。";
  ws.mergeCells("F9:I9");
  ws.getCell("F9").value = "推荐单位（盖章）";
  ws.columns.forEach((c) => (c.width = 16));
  return workbookBytes(wb);
}

function sdList() {
  return makeList({
    programme: "sd-2023-platform",
    city: "济南",
    header: [["序号", "seq"], ["申报单位名称", "applicant"], ["统一社会信用代码", "uscc"], ["申报方向", "direction"], ["单位性质", "ownership"], ["投资额（万元）", "investment"], ["备注", "remarks"]],
    rows: [
      [1, "济南泉智工业互联网有限公司", "913701125800408076", "综合型", "民营", 120, "=A1"],
      [2, "济南华岳数控装备有限公司", "91370112MATM9TTH1A", "特色型（面向重点行业）", "省属国企", "0.5亿元", ""],
      [3, "济南鹊华园区服务有限公司", "91370112MAJ6LKY29L", "特色型（面向重点区域）", "民营", 80, ""],
      [4, "济南链通供应链管理有限公司", "91370112MA5JQMJ73Y", "专业型（面向产业链供应链协同）", "民营", 60, ""],
      [5, "济南鹊山数字孪生科技有限公司", "91370112MAM4BCWK04", "专业型（面向特定技术）", "民营", 300, ""],
    ],
  });
}

describe("planTemplateFill", () => {
  it("finds the form's title and header, maps its columns and reports what it cannot fill", async () => {
    const form = gridFromValues([["2023年…汇总表"], ["推荐单位（盖章）："], FORM_HEADER, [1], [2], [], ["填报说明：…"]]);
    const { grid, report } = sdList();
    const fill = planTemplateFill(form, SD, grid, report);
    expect(fill.titleRow).toBe(1);
    expect(fill.headerRows).toEqual([3]);
    expect(fill.firstDataRow).toBe(4);
    expect(fill.footerRow).toBe(7);
    expect(fill.columns.map((c) => c.letter)).toEqual(["A", "B", "C", "D", "E", "F", "G", "I"]);
    expect(fill.columns.find((c) => c.letter === "F")?.amountScale).toBe(10000);
    expect(fill.unfilled.map((u) => [u.letter, u.reason])).toEqual([["D", "not-in-list"], ["H", "unknown-header"]]);
    expect(fill.unfilled[1].message).toContain("法定代表人");
    // rows: counted first, the 省属 unit after them, marked
    const names = fill.plan.rows.flatMap((r) => (r.kind === "data" ? [r.values[1]] : []));
    expect(names.map((v) => (v.kind === "text" ? v.text : ""))).toEqual(["济南泉智工业互联网有限公司", "济南鹊华园区服务有限公司", "济南链通供应链管理有限公司", "济南鹊山数字孪生科技有限公司", "济南华岳数控装备有限公司"]);
  });

  it("scales 万元 amounts to each form column's unit by the check's own unit table (千元 and 亿元 too)", () => {
    const { grid, report } = sdList();
    const scaleUnder = (amountHeader: string) =>
      planTemplateFill(gridFromValues([["序号", "申报单位名称", "统一社会信用代码", amountHeader]]), SD, grid, report).columns.find((c) => c.letter === "D")?.amountScale;
    expect(["投资额（千元）", "投资额（亿元）", "投资额（万元）", "投资额（元）", "投资额"].map(scaleUnder)).toEqual([10, 0.0001, 1, 10000, 1]);
  });

  it("refuses a fill-in date that is no real day", () => {
    const { grid, report } = sdList();
    const form = gridFromValues([["填报日期：  年  月  日"], FORM_HEADER]);
    expect(() => planTemplateFill(form, SD, grid, report, { fillDate: "2023-02-30" })).toThrow(ExportError);
    expect(planTemplateFill(form, SD, grid, report, { fillDate: "2023-02-28" }).lineEdits[0]?.after).toBe("填报日期：2023年2月28日");
  });

  it("refuses a sheet that has no header it can recognise", () => {
    const { grid, report } = sdList();
    expect(() => planTemplateFill(gridFromValues([["随便写的"], ["a", "b"]]), SD, grid, report)).toThrow(ExportError);
  });
});

describe("fillBlanks", () => {
  it("fills the blanks of the 推荐单位 / 联系人 / 填报日期 line and keeps what the form already says", async () => {
    const { fillBlanks } = await import("../../src/domain/export/template-plan");
    const v = { unit: "南京市工业和信息化局", date: "2023年3月2日", contact: "张明" };
    expect(fillBlanks("推荐单位（盖章）：          填报日期：    年  月  日", v)).toBe("推荐单位（盖章）：南京市工业和信息化局\u3000\u3000填报日期：2023年3月2日");
    expect(fillBlanks("推荐单位(盖章)：南京市工信局   联系人：    电话：", v)).toBe("推荐单位(盖章)：南京市工信局   联系人：张明\u3000\u3000电话：");
    expect(fillBlanks("填报单位：____  联系人：", v)).toBe("填报单位：南京市工业和信息化局\u3000\u3000联系人：张明");
    expect(fillBlanks("2023年省重点工业互联网平台推荐汇总表", v)).toBe("2023年省重点工业互联网平台推荐汇总表");
  });
});

describe("fillTemplate", () => {
  it("writes the rows below the form's header in its formatting, pushing 填报说明 and the stamp line down", async () => {
    const { grid, report } = sdList();
    const filled = await fillTemplate({ template: await provinceForm(), programme: SD, grid, report, options: { keepSourceRemarks: true } });
    expect(filled.rowsInserted).toBe(2);
    const back = readBack(filled.bytes);
    expect(back.cell("A1")?.v).toBe("2023年省级工业互联网平台入库申报信息汇总表");
    expect(back.rowText(3, 9)).toEqual(FORM_HEADER);
    expect([4, 5, 6, 7, 8].map((r) => back.rowText(r, 9)[1])).toEqual([
      "济南泉智工业互联网有限公司", "济南鹊华园区服务有限公司", "济南链通供应链管理有限公司", "济南鹊山数字孪生科技有限公司", "济南华岳数控装备有限公司",
    ]);
    expect([4, 5, 6, 7, 8].map((r) => back.rowText(r, 9)[0])).toEqual(["1", "2", "3", "4", "5"]);
    expect(back.cell("C4")).toMatchObject({ t: "s", v: "913701125800408076" });
    expect(back.cell("I4")).toMatchObject({ t: "s", v: "=A1" });
    expect(back.cell("I4")?.f).toBeUndefined();
    expect(back.cell("F4")).toMatchObject({ t: "n", v: 1200000 });
    expect(back.cell("F8")).toMatchObject({ t: "n", v: 50000000 });
    expect(back.cell("G8")?.v).toBe("否");
    expect(back.cell("I8")?.v).toBe("不占推荐名额");
    expect(back.cell("D4")?.v).toBeUndefined();
    // the footer moved down two rows with its merges
    expect(back.cell("A9")?.v).toBe("填报说明：按推荐顺序填写。");
    expect(back.cell("F11")?.v).toBe("推荐单位（盖章）");
    expect(back.sheet["!merges"]).toContainEqual({ s: { r: 8, c: 0 }, e: { r: 8, c: 8 } });
    expect(back.sheet["!merges"]).toContainEqual({ s: { r: 10, c: 5 }, e: { r: 10, c: 8 } });
    expect(back.sheet["!merges"]).not.toContainEqual({ s: { r: 6, c: 0 }, e: { r: 6, c: 8 } });
    expect(back.printTitles()).toBe("'附件2'!$1:$3");
    expect(back.cell("A2")?.v).toBe("推荐单位（盖章）：济南市工业和信息化局\u3000\u3000填报日期：");
    expect(filled.fill.lineEdits.map((e) => e.row)).toEqual([2]);
    expect(filled.fill.unfilled.map((u) => u.header)).toEqual(["平台名称", "法定代表人"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(filled.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    for (const a of ["B4", "B6", "B8", "H8"]) {
      expect(ws.getCell(a).border?.left?.style, a).toBe("thin");
      expect(ws.getCell(a).font?.name, a).toBe("仿宋_GB2312");
    }
    expect(ws.getCell("A1").font?.name).toBe("方正小标宋简体");
    // codes and 序号 centred where the form's cell sets no alignment; names left as the form has them
    expect(ws.getCell("A5").alignment?.horizontal).toBe("center");
    expect(ws.getCell("C5").alignment?.horizontal).toBe("center");
    expect(ws.getCell("B5").alignment?.horizontal).toBeUndefined();
  });

  it("fills a 联系人及电话 column with both", async () => {
    const form = gridFromValues([["序号", "申报单位名称", "统一社会信用代码", "联系人及电话"]]);
    const { grid, report } = makeList({
      programme: "sd-2023-platform",
      header: [["申报单位名称", "applicant"], ["统一社会信用代码", "uscc"], ["联系人", "contact"], ["联系电话", "phone"]],
      rows: [["甲公司", "91370112MA818B76XJ", "孙浩", "13853108827"], ["乙公司", "91370112MATM9TTH1A", "", "0531-88125567"]],
    });
    const fill = planTemplateFill(form, SD, grid, report);
    expect(fill.unfilled).toEqual([]);
    expect(fill.plan.rows.map((r) => (r.kind === "data" && r.values[3].kind === "text" ? r.values[3].text : ""))).toEqual(["孙浩 13853108827", "0531-88125567"]);
  });

  it("keeps 星级上云's two sections apart in the form", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.addRow(["星级上云企业推荐汇总表"]);
    ws.addRow(["序号", "企业名称", "统一社会信用代码", "申报星级", "备注"]);
    const { grid, report } = makeList({
      programme: "js-2023-star-cloud",
      header: [["企业名称", "applicant"], ["统一社会信用代码", "uscc"], ["申报星级", "starApplied"]],
      rows: [["甲", "91321202MACW97U66K", "五星级"], ["乙", "91321202MAT3HP8C29", "三星级"]],
    });
    const filled = await fillTemplate({ template: await workbookBytes(wb), programme: Programme.parse(jsStarCloudProgramme), grid, report });
    const back = readBack(filled.bytes);
    expect([3, 4, 5, 6].map((r) => back.rowText(r, 5).slice(0, 2).join("|"))).toEqual([
      "一、三星级、四星级上云企业（设区市工信局评定，报省工信厅复核认定）|", "1|乙", "二、五星级上云企业（设区市工信局初审推荐，报省工信厅评定）|", "1|甲",
    ]);
    expect(back.sheet["!merges"]).toContainEqual({ s: { r: 2, c: 0 }, e: { r: 2, c: 4 } });
    expect(filled.rowsInserted).toBe(0);
  });
});

describe("a form that already holds rows", () => {
  it("a filled summary given as the form is refused (rows would be listed twice); --append fills below its rows", async () => {
    const { grid, report } = sdList();
    const once = await fillTemplate({ template: await provinceForm(), programme: SD, grid, report });
    const e = await fillTemplate({ template: once.bytes, programme: SD, grid, report }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(ExportError);
    expect((e as ExportError).message).toMatch(/表样第 4–8 行已有 5 行数据.*--append/);

    const twice = await fillTemplate({ template: once.bytes, programme: SD, grid, report, options: { append: true } });
    expect(twice.fill.firstDataRow).toBe(9);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(twice.bytes as unknown as ArrayBuffer);
    const names = (r: number) => String(wb.worksheets[0].getCell(r, 2).value ?? "");
    expect([names(4), names(9), names(13)]).toEqual(["济南泉智工业互联网有限公司", "济南泉智工业互联网有限公司", "济南华岳数控装备有限公司"]);
    expect(String(wb.worksheets[0].getCell(14, 1).value)).toMatch(/填报说明/);
  });

  it("a blank form with numbered rows is not taken for a filled one", () => {
    const { grid, report } = sdList();
    const form = gridFromValues([["标题"], ["推荐单位（盖章）："], FORM_HEADER, [1], [2], [3], ["填报说明：…"]]);
    expect(planTemplateFill(form, SD, grid, report).firstDataRow).toBe(4);
  });
});
