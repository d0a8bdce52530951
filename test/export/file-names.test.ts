import { describe, expect, it } from "vitest";
import { downloadFileName, FILE_NAME_MAX, isoDay, programmeShortName, safeFileName } from "../../src/domain/export/file-names";
import { PROGRAMMES } from "../../src/domain/programmes/index";

describe("download file names", () => {
  it("say what, city, programme and day", () => {
    expect(downloadFileName({ what: "推荐项目汇总表（标杆工厂）", city: "南京市", programmeTitle: "江苏省工业互联网标杆工厂", date: "2026-12-03", ext: "xlsx" })).toBe(
      "推荐项目汇总表-南京市-工业互联网标杆工厂-2026-12-03.xlsx",
    );
    expect(downloadFileName({ what: "退回修改清单", city: "济南市", programmeTitle: "山东省级工业互联网平台入库", date: "2026-12-03", ext: "xlsx" })).toBe(
      "退回修改清单-济南市-省级工业互联网平台入库-2026-12-03.xlsx",
    );
    // A layout bracket the programme does not say stays.
    expect(downloadFileName({ what: "推荐项目汇总表（第一批）", city: "南京市", programmeTitle: "江苏省重点工业互联网平台", date: "2026-12-03", ext: "json" })).toBe(
      "推荐项目汇总表（第一批）-南京市-重点工业互联网平台-2026-12-03.json",
    );
  });

  it("the province's name goes from the programme, its 省级 stays", () => {
    expect(programmeShortName("江苏省星级上云企业", "32")).toBe("星级上云企业");
    expect(programmeShortName("山东“工赋百景”制造业数字化转型揭榜挂帅（第二批）", "37")).toBe("“工赋百景”制造业数字化转型揭榜挂帅（第二批）");
    expect(programmeShortName("山东省级工业互联网平台入库")).toBe("省级工业互联网平台入库");
    expect(programmeShortName("江苏省")).toBe("江苏省");
    expect(programmeShortName("省工业互联网标杆工厂")).toBe("省工业互联网标杆工厂");
  });

  it("are safe on every file system: no reserved characters, no control characters, bounded, never empty", () => {
    const name = downloadFileName({ what: "汇总表", city: 'A/B\\C:D*E?F"G<H>I|J', programmeTitle: "x\u0000y\ty  z.", date: "2026-12-03", ext: "xlsx" });
    expect(name).toBe("汇总表-A-B-C-D-E-F-G-H-I-J-x-y-y z.-2026-12-03.xlsx");
    expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/u);
    expect(safeFileName("...", "xlsx")).toBe("_.xlsx");
    expect(safeFileName("CON", "json")).toBe("_CON.json");
    expect(safeFileName(" .名单. ", "xlsx")).toBe("名单.xlsx");
    const long = safeFileName("很".repeat(300), "xlsx");
    expect([...long].length).toBe(FILE_NAME_MAX + ".xlsx".length);
  });

  it("every built-in's downloads differ by programme and keep its name whole", () => {
    const names = PROGRAMMES.map((p) => downloadFileName({ what: "推荐项目汇总表", city: "南京市", programmeTitle: p.title, province: p.province, date: "2026-12-03", ext: "xlsx" }));
    expect(new Set(names).size).toBe(PROGRAMMES.length);
    for (const n of names) expect(n).toMatch(/^推荐项目汇总表-南京市-.+-2026-12-03\.xlsx$/u);
  });

  it("the day is the local one", () => {
    expect(isoDay(new Date(2026, 11, 3, 23, 59))).toBe("2026-12-03");
    expect(isoDay(new Date(2027, 0, 9))).toBe("2027-01-09");
  });
});
