/**
 * `npx tsx scripts/make-shape-corpus.ts`: test/data/shapes/, one .xlsx per sheet shape real lists have
 * (subtotal and signature rows, a 备选名单 block, a district merged down its rows, a grouped header,
 * hidden and filtered rows), written with exceljs, and its .xls, .ods and HTML twins made by LibreOffice
 * (soffice --headless --convert-to). The files are committed; run again only to remake them.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

const OUT = join(__dirname, "..", "test", "data", "shapes");
const HEADER = ["序号", "所在区县", "申报单位名称", "统一社会信用代码", "申报方向", "单位性质", "平台建设情况", "是否属于前期155个省级重点平台", "是否纳入严重失信黑名单", "是否符合产业政策", "联系电话", "备注"];
type V = string | number | null;
const CODES = ["91370112MA3C4RK01R", "91370102MA3M6U6R4D", "91370104MA3RL8XB0X", "91370112MA3CBB8D4P", "913701001234567890", "91370103MA3N1X0E6Y"];
const ent = (n: number, district: V, name = `济南丁${n}信息技术有限公司`): V[] => [n, district, name, CODES[(n - 1) % CODES.length]!, "综合型", n % 3 === 0 ? "国有" : "民营", n % 4 === 0 ? "在建" : "已建成运营", "否", "否", "是", "13851926374", null];
const line = (col: number, text: string): V[] => HEADER.map((_, i) => (i === col ? text : null));

interface Shape {
  name: string;
  rows: V[][];
  merges?: string[];
  hidden?: number[];
  filter?: string;
}

const SHAPES: Shape[] = [
  {
    name: "小计与签字行",
    rows: [["济南市推荐汇总表"], HEADER, ent(1, "历下区"), ent(2, "历下区"), [null, null, "历下区小计", null, "2家"], ent(3, "市中区"), [null, "市中区合计：1家"], ["总计", null, "3家"], ["填表人：张三", null, null, "审核人：李四", null, null, "填报日期：2024年5月10日"], ["注：1.本表由各区县工信部门填报。"]],
  },
  { name: "备选名单", rows: [["济南市推荐汇总表"], HEADER, line(0, "一、推荐名单"), ent(1, "历下区"), ent(2, "历下区"), line(0, "二、备选名单"), ent(3, "历下区"), ent(4, "市中区")] },
  {
    name: "区县合并单元格",
    rows: [["济南市推荐汇总表"], HEADER, ent(1, "历下区"), ent(2, null), ent(3, null), ent(4, "市中区"), ent(5, null), ent(6, "槐荫区")],
    merges: ["B3:B5", "B6:B7"],
  },
  {
    name: "分组表头",
    rows: [["济南市推荐汇总表"], ["序号", "所在区县", "企业基本情况", null, null, null, "平台情况", null, "资格条件", null, "联系方式", "备注"], [null, null, ...HEADER.slice(2, 11), null], ent(1, "历下区"), ent(2, "市中区"), ent(3, "槐荫区")],
    merges: ["A2:A3", "B2:B3", "L2:L3", "C2:F2", "G2:H2", "I2:J2"],
  },
  { name: "隐藏与筛选行", rows: [["济南市推荐汇总表"], HEADER, ent(1, "历下区"), ent(2, "历下区"), ent(3, "市中区"), ent(4, "市中区")], hidden: [4, 6], filter: "A2:L6" },
];

function soffice(to: string, file: string, outDir: string): string {
  execFileSync("soffice", ["--headless", "--convert-to", to, "--outdir", outDir, file], { stdio: "pipe", timeout: 180_000 });
  return join(outDir, file.replace(/^.*\//, "").replace(/\.[^.]+$/, `.${to.split(":")[0]!}`));
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "huizong-shapes-"));
  try {
    for (const s of SHAPES) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("名单");
      for (const r of s.rows) ws.addRow(r);
      ws.getColumn(4).numFmt = "@";
      for (const m of s.merges ?? []) ws.mergeCells(m);
      for (const r of s.hidden ?? []) ws.getRow(r).hidden = true;
      if (s.filter) ws.autoFilter = s.filter;
      const file = join(tmp, `${s.name}.xlsx`);
      writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      copyFileSync(file, join(OUT, `${s.name}.xlsx`));
      copyFileSync(soffice("xls", file, tmp), join(OUT, `${s.name}.xls`));
      copyFileSync(soffice("ods", file, tmp), join(OUT, `${s.name}.ods`));
      copyFileSync(soffice("html", file, tmp), join(OUT, `${s.name}.html`));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
