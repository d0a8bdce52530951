import { builtinProgramme } from "../../src/domain/catalogue";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planExport, planValueText, ExportError, displayWidth, widthForOneLine, safeSheetName, uniqueSheetName, officeSafeText, type ExportPlan, type PlanRow } from "../../src/domain/export/plan";
import { excelSerial } from "../../src/samples/model";
import { makeList } from "./fixtures";
import { Report } from "../../src/domain/report";
import type { Cell, Grid } from "../../src/domain/cells";

const PLATFORM_HEADER: [string, string | null][] = [
  ["序号", "seq"], ["所在县（市、区）", "district"], ["申报单位", "applicant"], ["统一社会信用代码", "uscc"],
  ["注册时间", "registeredOn"], ["平台类型", "direction"], ["平台名称", "projectName"], ["建设情况", "constructionStatus"],
  ["是否升级申报", "upgrade"], ["平台投入（万元）", "investment"], ["所属集群/产业链", "clusterOrChain"], ["联系人", "contact"],
  ["联系电话", "phone"], ["推荐排序", "rank"], ["备注", "remarks"],
];

function platformList() {
  return makeList({
    programme: "js-2023-platform",
    above: [["南京市江宁区2023年度省重点工业互联网平台推荐汇总表"], ["填报单位（盖章）：江宁区工业和信息化局"]],
    header: PLATFORM_HEADER,
    rows: [
      /* 4 */ [1, "江宁区", "南京云启智造科技有限公司", "91320115mahegg3m0k", excelSerial("2018-05-16"), "综合型", "云启工业互联网平台", "已建成", "否", 3200, "集成电路", "王磊", "13851926374", 2, ""],
      /* 5 */ [2, "江宁区", "南京瑞达精密机械有限公司\u3000", "91320115MAAKNGJT0X", "2016年3月", "特色型", "=HYPERLINK(\"http://x\")", "已建成", "否", "2,000", "", "李娜", "025-52107718", 1, "升级申报"],
      /* 6 */ [3, "江宁区", "南京汇通数据服务有限公司", "91320115MAR2BHWN68", "2019.7.12", "专业型", "汇通平台", "在建", "否", "1500万", "", "陈静", "13905173528", 3, ""],
      /* 7 */ [],
      /* 8 */ [4, "江宁区", "南京天衡智能装备有限公司", "91320115280040807X", "2015/11/3", "综合型", "天衡平台", "已建成", "否", "0.3亿元", "", "刘洋", "+8613770612483", 4, "-待核"],
      /* 9 */ ["合计", null, null, null, null, null, null, null, null, 6700],
    ],
    findings: [{ code: "not-built", severity: "error", row: 6, column: "H", field: "constructionStatus" }, { code: "uscc-other-city", severity: "warning", row: 8 }],
    priority: [{ row: 4, name: "集成电路", kind: "chain", via: "declared", reason: "所属集群/产业链填写为集成电路" }],
    skipped: [{ row: 7, reason: "empty" }, { row: 9, reason: "total" }],
  });
}

function dataRows(plan: ExportPlan): Extract<PlanRow, { kind: "data" }>[] {
  return plan.rows.filter((r): r is Extract<PlanRow, { kind: "data" }> => r.kind === "data");
}

function column(plan: ExportPlan, header: string): string[] {
  const i = plan.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return dataRows(plan).map((r) => planValueText(r.values[i]));
}

describe("planExport: which rows, in what order", () => {
  it("leaves rows with errors out by default, in rank order, renumbered, and says which rows were left out", () => {
    const { grid, report } = platformList();
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    expect(plan.layoutId).toBe("js-2023-platform/附件7");
    expect(dataRows(plan).map((r) => r.sourceRow)).toEqual([5, 4, 8]);
    expect(column(plan, "序号")).toEqual(["1", "2", "3"]);
    expect(plan.counts).toMatchObject({ exported: 3, excludedWithErrors: 1, includedWithErrors: 0, priority: 1 });
    const w = plan.warnings.find((x) => x.code === "errors-excluded");
    expect(w?.rows).toEqual([6]);
    expect(w?.message).toContain("第6行");
    expect(plan.warnings.some((x) => x.code === "errors-included")).toBe(false);
  });

  it("includes rows with errors only when asked, with a warning naming them", () => {
    const { grid, report } = platformList();
    const plan = planExport(grid, report, builtinProgramme(report.programme), { includeErrors: true });
    expect(dataRows(plan).map((r) => r.sourceRow)).toEqual([5, 4, 6, 8]);
    expect(dataRows(plan).map((r) => r.hasErrors)).toEqual([false, false, true, false]);
    expect(plan.warnings.find((x) => x.code === "errors-included")?.rows).toEqual([6]);
    expect(plan.counts.includedWithErrors).toBe(1);
  });

  it("never exports the title rows, the header, skipped empty rows or the 合计 row", () => {
    const { grid, report } = platformList();
    const applicants = column(planExport(grid, report, builtinProgramme(report.programme), { includeErrors: true }), "申报单位");
    expect(applicants).toHaveLength(4);
    expect(applicants.join()).not.toMatch(/合计|申报单位|汇总表/);
  });

  it("keeps list order when there is no rank column, ranked rows before unranked ones when some ranks are blank", () => {
    const noRank = makeList({
      programme: "js-2023-platform",
      header: PLATFORM_HEADER.filter(([, f]) => f !== "rank"),
      rows: [[1, "", "甲公司"], [2, "", "乙公司"], [3, "", "丙公司"]],
    });
    expect(column(planExport(noRank.grid, noRank.report, builtinProgramme(noRank.report.programme)), "申报单位")).toEqual(["甲公司", "乙公司", "丙公司"]);
    const someRanks = makeList({
      programme: "js-2023-platform",
      header: [["申报单位", "applicant"], ["推荐排序", "rank"], ["序号", "seq"], ["备注", "remarks"]],
      rows: [["甲公司", ""], ["乙公司", 2], ["丙公司", "1"], ["丁公司", "第一"]],
    });
    expect(column(planExport(someRanks.grid, someRanks.report, builtinProgramme(someRanks.report.programme)), "申报单位")).toEqual(["丙公司", "乙公司", "甲公司", "丁公司"]);
  });
});

describe("planExport: what each cell shows", () => {
  it("reads each field as its kind: compact USCC, dates at their precision, amounts in 万元, cleaned text", () => {
    const { grid, report } = platformList();
    const plan = planExport(grid, report, builtinProgramme(report.programme), { includeErrors: true });
    expect(column(plan, "统一社会信用代码")).toEqual(["91320115MAAKNGJT0X", "91320115MAHEGG3M0K", "91320115MAR2BHWN68", "91320115280040807X"]);
    expect(column(plan, "注册时间")).toEqual(["2016-03", "2018-05-16", "2019-07-12", "2015-11-03"]);
    const invest = plan.columns.findIndex((c) => c.header === "平台投入（万元）");
    expect(dataRows(plan).map((r) => r.values[invest])).toEqual([
      { kind: "number", value: 2000, format: "amount" },
      { kind: "number", value: 3200, format: "amount" },
      { kind: "number", value: 1500, format: "amount" },
      { kind: "number", value: 3000, format: "amount" },
    ]);
    expect(column(plan, "申报单位")[0]).toBe("南京瑞达精密机械有限公司");
  });

  it("keeps formula-like text as text values, never as numbers or formulas", () => {
    const { grid, report } = platformList();
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const name = plan.columns.findIndex((c) => c.header === "平台名称");
    expect(dataRows(plan)[0].values[name]).toEqual({ kind: "text", text: '=HYPERLINK("http://x")' });
    const phone = plan.columns.findIndex((c) => c.header === "联系电话");
    // The phone as the check reads it: "+8613770612483" is the mobile 13770612483.
    expect(dataRows(plan)[2].values[phone]).toEqual({ kind: "text", text: "13770612483" });
  });

  it("writes 备注 as the district's remark followed by the priority mark", () => {
    const { grid, report } = platformList();
    const plan = planExport(grid, report, builtinProgramme(report.programme), { keepSourceRemarks: true });
    expect(column(plan, "备注")).toEqual(["升级申报", "属“531”产业链（集成电路）", "-待核"]);
    const marksOnly = planExport(grid, report, builtinProgramme(report.programme));
    expect(column(marksOnly, "备注")).toEqual(["", "属“531”产业链（集成电路）", ""]);
    const cluster = makeList({
      programme: "js-2023-platform",
      header: [["序号", "seq"], ["申报单位", "applicant"], ["备注", "remarks"]],
      rows: [[1, "甲公司", "链主企业"]],
      priority: [
        { row: 2, name: "物联网", kind: "cluster", via: "reference-uscc", reason: "参考名单" },
        { row: 2, name: "车联网", kind: "chain", via: "reference-name", reason: "参考名单" },
      ],
    });
    expect(column(planExport(cluster.grid, cluster.report, builtinProgramme(cluster.report.programme), { keepSourceRemarks: true }), "备注")).toEqual(["链主企业；属先进制造业集群（物联网）；属“531”产业链（车联网）"]);
  });

  it("fills the unit line from the city and the options; leaves blanks to write by hand otherwise", () => {
    const { grid, report } = platformList();
    const plan = planExport(grid, report, builtinProgramme(report.programme), { contact: "张明", phone: "025-52186731", fillDate: "2023-03-02" });
    expect(plan.unitLine).toMatch(/^推荐单位（盖章）：南京市工业和信息化局/);
    expect(plan.unitLine).toContain("联系人：张明");
    expect(plan.unitLine).toContain("联系电话：025-52186731");
    expect(plan.unitLine).toContain("填报日期：2023年3月2日");
    const blank = planExport(grid, report, builtinProgramme(report.programme), { unit: "南京市工信局" });
    expect(blank.unitLine).toMatch(/^推荐单位（盖章）：南京市工信局/);
    expect(blank.unitLine).toMatch(/填报日期：\u3000+年\u3000+月\u3000+日$/);
    expect(plan.title).toBe("2023年度省工业互联网示范工程推荐项目汇总表（省重点工业互联网平台）");
    expect(plan.signature.right).toBe("推荐单位（盖章）");
    expect(plan.signature.date).toMatch(/年.*月.*日/);
  });

  it("says which layout columns the list has no column for", () => {
    const { grid, report } = makeList({ programme: "js-2023-platform", header: [["序号", "seq"], ["申报单位", "applicant"]], rows: [[1, "甲公司"]] });
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const missing = plan.warnings.filter((w) => w.code === "column-missing").map((w) => w.message);
    expect(missing).toHaveLength(10);
    // an optional column the list lacks is left off the form rather than printed empty
    expect(plan.columns.map((c) => c.header)).not.toContain("所在县（市、区）");
    expect(plan.columns).toHaveLength(13);
    expect(missing.join()).toContain("统一社会信用代码");
    expect(column(plan, "统一社会信用代码")).toEqual([""]);
  });

  it("fits column widths to Chinese text within the layout's bounds", () => {
    const { grid, report } = platformList();
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const applicant = plan.columns.find((c) => c.header === "申报单位")!;
    expect(applicant.width).toBe(widthForOneLine("南京天衡智能装备有限公司"));
    expect(applicant.width).toBeGreaterThanOrEqual(displayWidth("南京天衡智能装备有限公司") + 2);
    expect(plan.columns.find((c) => c.header === "序号")!.width).toBeLessThanOrEqual(6);
    expect(plan.columns.find((c) => c.header === "统一社会信用代码")!.width).toBe(21);
    expect(displayWidth("中a１")).toBe(5);
  });
});

describe("planExport: sections and quota slots", () => {
  it("splits 星级上云 into the city-rated 三星/四星 section and the province-rated 五星 section, numbered per section", () => {
    const { grid, report } = makeList({
      programme: "js-2023-star-cloud",
      header: [["序号", "seq"], ["企业名称", "applicant"], ["申报星级", "starApplied"], ["备注", "remarks"]],
      rows: [[1, "甲", "五星级"], [2, "乙", "三星级"], [3, "丙", "四星"], [4, "丁", "5星"], [5, "戊", "七星"]],
    });
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const name = plan.columns.findIndex((c) => c.header === "企业名称");
    const shape = plan.rows.map((r) => (r.kind === "section" ? r.label.slice(0, 2) : `${planValueText(r.values[0])}${planValueText(r.values[name])}`));
    expect(shape).toEqual(["一、", "1乙", "2丙", "二、", "1甲", "2丁", "三、", "1戊"]);
    expect(plan.rows[0]).toMatchObject({ kind: "section", label: expect.stringContaining("设区市工信局评定") });
    expect(plan.rows[3]).toMatchObject({ kind: "section", label: expect.stringContaining("报省工信厅评定") });
    expect(plan.warnings.find((w) => w.code === "section-unmatched")?.rows).toEqual([6]);
  });

  it("puts a row in the section of the value the check understood, not only of its text (\"5 星\" is 五星级)", () => {
    const { grid, report } = makeList({
      programme: "js-2023-star-cloud",
      header: [["序号", "seq"], ["企业名称", "applicant"], ["申报星级", "starApplied"]],
      rows: [[1, "甲", "三星级"], [2, "乙", "5 星"]],
    });
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const name = plan.columns.findIndex((c) => c.header === "企业名称");
    const shape = plan.rows.map((r) => (r.kind === "section" ? r.label.slice(0, 2) : planValueText(r.values[name])));
    expect(shape).toEqual(["一、", "甲", "二、", "乙"]);
    expect(plan.warnings.some((w) => w.code === "section-unmatched")).toBe(false);
  });

  it("groups 666工程 by its three project types, with no 未能识别 section when every row matches", () => {
    const { grid, report } = makeList({
      programme: "js-2020-666",
      header: [["序号", "seq"], ["项目类型", "category"], ["申报单位", "applicant"], ["备注", "remarks"]],
      rows: [[1, "上云上平台示范企业", "甲"], [2, "工业互联网服务骨干企业", "乙"], [3, "云基地", "丙"], [4, "骨干企业", "丁"]],
    });
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const name = plan.columns.findIndex((c) => c.header === "申报单位");
    const shape = plan.rows.map((r) => (r.kind === "section" ? r.label : planValueText(r.values[name])));
    expect(shape).toEqual(["一、省级工业互联网云服务中心（云基地）", "丙", "二、工业互联网服务骨干企业", "乙", "丁", "三、上云上平台示范企业", "甲"]);
    expect(plan.warnings.some((w) => w.code === "section-unmatched")).toBe(false);
  });

  it("puts 工赋百景 rows in rank order and exempt projects after them, marked 不占名额 with no rank", () => {
    const { grid, report } = makeList({
      programme: "sd-2024-gfbj-2",
      city: "青岛",
      header: [["推荐排序", "rank"], ["项目名称", "projectName"], ["企业性质", "ownership"], ["备注", "remarks"]],
      rows: [[3, "丙项目", "民营"], [11, "央企项目", "中央驻鲁企业"], [1, "甲项目", "民营"], [17, "省属项目", "省属国企"], [2, "乙项目", "民营"]],
    });
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    expect(column(plan, "项目名称")).toEqual(["甲项目", "乙项目", "丙项目", "央企项目", "省属项目"]);
    expect(column(plan, "序号")).toEqual(["1", "2", "3", "4", "5"]);
    expect(column(plan, "推荐排序")).toEqual(["1", "2", "3", "", ""]);
    expect(column(plan, "备注")).toEqual(["", "", "", "不占名额", "不占名额"]);
    expect(plan.counts).toMatchObject({ counted: 3, exempt: 2 });
    expect(plan.notes[0]).toContain("本市推荐5个项目，其中占名额3个、不占名额2个");
    expect(plan.unitLine).toMatch(/^推荐单位（盖章）：青岛市工业和信息化局/);
  });

  it("gives 山东 附件3 a 是否占用推荐名额 column", () => {
    const { grid, report } = makeList({
      programme: "sd-2023-platform",
      city: "济南",
      header: [["序号", "seq"], ["申报单位名称", "applicant"], ["单位性质", "ownership"], ["备注", "remarks"]],
      rows: [[1, "甲", "省属国企"], [2, "乙", "民营"]],
    });
    const plan = planExport(grid, report, builtinProgramme(report.programme), { layoutId: "sd-2023-platform/附件3" });
    expect(plan.attachment).toBe("附件3");
    expect(column(plan, "申报单位名称")).toEqual(["乙", "甲"]);
    expect(column(plan, "是否占用推荐名额")).toEqual(["是", "否"]);
    expect(column(plan, "备注")).toEqual(["", "不占推荐名额"]);
  });
});

describe("planExport: bad requests and bad input", () => {
  it("refuses an unknown layout or another programme's layout with a Chinese reason", () => {
    const { grid, report } = platformList();
    expect(() => planExport(grid, report, builtinProgramme(report.programme), { layoutId: "js-2023-platform/附件9" })).toThrow(ExportError);
    expect(() => planExport(grid, report, builtinProgramme(report.programme), { layoutId: "sd-2023-platform/附件3" })).toThrow("没有“sd-2023-platform/附件3”这种汇总表格式；js-2023-platform 可用：js-2023-platform/附件7");
    expect(() => planExport(grid, report, builtinProgramme(report.programme), { fillDate: "2023/3/2" })).toThrow(/YYYY-MM-DD/);
  });

  it("says so when the list has no header or nothing is left to export", () => {
    const { grid, report } = platformList();
    const noHeader = planExport(grid, { ...report, headerRows: [] }, builtinProgramme(report.programme));
    expect(dataRows(noHeader)).toHaveLength(0);
    expect(noHeader.warnings.map((w) => w.code)).toContain("no-header");
    const allBad = planExport(grid, { ...report, findings: [4, 5, 6, 8].map((row) => ({ code: "uscc-checksum" as const, severity: "error" as const, row, message: "x", messageEn: "x" })) }, builtinProgramme(report.programme));
    expect(dataRows(allBad)).toHaveLength(0);
    expect(allBad.warnings.map((w) => w.code)).toContain("no-rows");
  });

  it("passes list-level errors (quota, ranks) on as warnings without dropping rows", () => {
    const { grid, report } = platformList();
    const plan = planExport(grid, { ...report, findings: [...report.findings, { code: "quota-exceeded", severity: "error", rows: [4, 5, 8], message: "推荐 12 个，超出名额 10 个", messageEn: "12 > 10" }] }, builtinProgramme(report.programme));
    expect(dataRows(plan)).toHaveLength(3);
    expect(plan.warnings.find((w) => w.code === "list-errors")?.message).toContain("超出名额");
  });

  it("never throws on random messy lists", () => {
    const cellArb: fc.Arbitrary<Cell> = fc.oneof(
      fc.constant<Cell>({ kind: "empty", value: null }),
      fc.string({ maxLength: 12 }).map((s): Cell => ({ kind: "text", value: s })),
      fc.double({ noNaN: false }).map((n): Cell => ({ kind: "number", value: n })),
      fc.integer({ min: -100000, max: 3000000 }).map((n): Cell => ({ kind: "date", value: n })),
      fc.constantFrom<Cell>({ kind: "error", value: "#N/A" }, { kind: "boolean", value: true }),
    );
    const fields = ["seq", "applicant", "uscc", "registeredOn", "investment", "rank", "remarks", "starApplied", "ownership", "category", "phone"];
    const programmes = ["js-2023-platform", "js-2023-star-cloud", "js-2020-666", "sd-2024-gfbj-2", "sd-2023-platform", "js-2023-benchmark-factory"];
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 6, maxLength: 6 }), { maxLength: 12 }), fc.constantFrom(...programmes), fc.boolean(), fc.array(fc.integer({ min: 1, max: 14 })), (rows, programme, includeErrors, errorRowsList) => {
        const grid: Grid = { sheetName: "S", firstRow: 2, firstColumn: 2, rows };
        const report = Report.parse({
          programme, programmeTitle: programme, city: "不存在的城市", asOf: "2023-01-01", sheet: "S", headerRows: rows.length ? [2] : [],
          columns: fields.slice(0, 6).map((field, i) => ({ field, column: String.fromCharCode(66 + i), header: field, confidence: 1, why: "header", samples: [] })),
          mappingKey: "",
          mappingUncertain: false,
          counts: { rowsRead: 0, rowsChecked: 0, rowsSkipped: 0, errors: 0, warnings: 0, infos: 0, priority: 0, byCode: {} },
          skipped: [], quotas: [], ranks: null, priority: [], notes: [],
          findings: errorRowsList.map((row) => ({ code: "cell-error", severity: "error", row, message: "x", messageEn: "x" })),
        });
        const plan = planExport(grid, report, builtinProgramme(report.programme), { includeErrors });
        const rowsOut = plan.rows.filter((r) => r.kind === "data").length;
        expect(rowsOut).toBe(plan.counts.exported);
        expect(rowsOut).toBeLessThanOrEqual(Math.max(0, rows.length - 1));
      }),
      { numRuns: 200 },
    );
  });
});

describe("helpers", () => {
  it("makes sheet names Excel accepts", () => {
    expect(safeSheetName("a/b:c[d]*?'e'")).toBe("a-b-c-d---’e’");
    expect([...safeSheetName("汇".repeat(40))]).toHaveLength(31);
  });
  it("marks text Office.js would read as a formula or a number", () => {
    expect(officeSafeText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(officeSafeText("913201152800408076")).toBe("'913201152800408076");
    expect(officeSafeText("@x")).toBe("'@x");
    expect(officeSafeText("南京")).toBe("南京");
  });
});

describe("tidyText", () => {
  it("keeps Chinese punctuation of legal names and folds full-width letters and digits", async () => {
    const { tidyText } = await import("../../src/domain/export/plan");
    expect(tidyText("\u3000中石装备（青岛）有限公司\u200B ")).toBe("中石装备（青岛）有限公司");
    expect(tidyText("ＡＢＣ１２３科技，有限公司")).toBe("ABC123科技，有限公司");
    expect(tidyText("云ERP\u00A0\u00A0云MES\r\n第二行")).toBe("云ERP 云MES\n第二行");
  });
});

describe("Excel's 32,767-character cell limit", () => {
  it("a longer text is cut to exactly the limit, ending in …, with a warning naming the list's row and column", () => {
    const { grid, report } = platformList();
    const long = "云".repeat(32_782);
    grid.rows[3][6] = { kind: "text", value: long }; // row 4, 平台名称
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    const col = plan.columns.findIndex((c) => c.header.includes("平台名称"));
    const row = plan.rows.find((r): r is Extract<PlanRow, { kind: "data" }> => r.kind === "data" && r.sourceRow === 4)!;
    const text = planValueText(row.values[col]);
    expect(text.length).toBe(32_767);
    expect(text.endsWith("…")).toBe(true);
    const w = plan.warnings.filter((x) => x.code === "cell-truncated");
    expect(w.map((x) => [x.rows, x.column])).toEqual([[[4], col]]);
    expect(w[0].message).toMatch(/第 4 行“平台名称”有 32,782 个字符/);
  });

  it("a text of exactly 32,767 characters is left whole, without a warning", () => {
    const { grid, report } = platformList();
    grid.rows[3][6] = { kind: "text", value: "云".repeat(32_767) };
    const plan = planExport(grid, report, builtinProgramme(report.programme));
    expect(plan.warnings.some((x) => x.code === "cell-truncated")).toBe(false);
  });
});

describe("uniqueSheetName", () => {
  it("numbers a taken name as Excel does, without case, within 31 characters counted by code point", () => {
    expect(uniqueSheetName("汇总表", ["名单"])).toBe("汇总表");
    expect(uniqueSheetName("汇总表", ["汇总表", "汇总表 (2)"])).toBe("汇总表 (3)");
    expect(uniqueSheetName("List", ["list"])).toBe("List (2)");
    const long = "𠀀".repeat(31);
    const second = uniqueSheetName(long, [long]);
    expect([...second]).toHaveLength(31);
    expect(second.endsWith(" (2)")).toBe(true);
  });
});
