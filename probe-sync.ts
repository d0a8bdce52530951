import { OfficeWorkbook } from "./src/workbook/office-adapter";
import { Session } from "./src/workbook/session";
import { engine } from "./src/workbook/engine";
import { ExcelMock } from "./test/workbook/excel-mock";
import { largeBook } from "./test/workbook/large-book";
const SETTINGS = { programmeId: "js-2023-platform", city: "南京市", asOf: "", quota: null, referenceSheets: [], scope: "used" as const };
async function main() {
  for (const n of process.argv.slice(2).map(Number)) {
  const mock = new ExcelMock(largeBook(n));
  const session = new Session(new OfficeWorkbook({ Excel: mock.Excel, Office: mock.Office }), engine, "zh");
  await session.start();
  const before = mock.syncs; const t0 = Date.now();
  await session.run(SETTINGS);
  console.log(n, "syncs", mock.syncs - before, "ms", Date.now() - t0, JSON.stringify(mock.syncLog.slice(before)));
  }
}
main().catch((e) => { console.log("ERR", e); });
