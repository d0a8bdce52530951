import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/domain/cells";
import { ReferenceError, referenceListsFromGrids } from "../../src/domain/reference";

describe("reference lists from sheets", () => {
  it("priority enterprises with cluster / chain columns, codes compacted", () => {
    const grid = gridFromValues([
      ["江苏省先进制造业集群企业名单（市局整理）"],
      ["企业名称", "统一社会信用代码", "所属集群", "所属产业链"],
      ["南京云启智造科技有限公司", "91320115 mahegg3m0k", "物联网", ""],
      ["南京中鼎自动化股份有限公司", "", "", "特高压设备"],
      [null, null, null, null],
    ]);
    expect(referenceListsFromGrids([{ name: "优先企业", grid }], "ref.xlsx")).toEqual({
      priority: [
        { name: "南京云启智造科技有限公司", uscc: "91320115MAHEGG3M0K", cluster: "物联网" },
        { name: "南京中鼎自动化股份有限公司", chain: "特高压设备" },
      ],
    });
  });

  it("a combined 所属集群/产业链 column: a name with 链 is a chain, else a cluster", () => {
    const grid = gridFromValues([
      ["单位名称", "所属集群/产业链"],
      ["甲公司", "集成电路"],
      ["乙公司", "车联网产业链"],
    ]);
    expect(referenceListsFromGrids([{ name: "Sheet1", grid }], "r.csv").priority).toEqual([
      { name: "甲公司", cluster: "集成电路" },
      { name: "乙公司", chain: "车联网产业链" },
    ]);
  });

  it("exclusions by 名单 column or by sheet name; tasks; user cluster names; several sheets", () => {
    const excluded = gridFromValues([
      ["企业名称", "统一社会信用代码", "名单"],
      ["济南北湖云计算有限公司", "91370112MAL9AXAB1J", "前期155个省级重点平台"],
    ]);
    const firstBatch = gridFromValues([
      ["企业名称", "统一社会信用代码"],
      ["青岛王哥庄电器有限公司", "91370212MAAD1YH46M"],
    ]);
    const tasks = gridFromValues([["揭榜任务"], ["2-01 人工智能大模型赋能研发设计"], ["2-05 工业互联网标识解析“贯通”应用"]]);
    const clusters = gridFromValues([["集群名称"], ["新一代信息技术"]]);
    const lists = referenceListsFromGrids(
      [
        { name: "排除", grid: excluded },
        { name: "第一批入围", grid: firstBatch },
        { name: "榜单", grid: tasks },
        { name: "补充集群", grid: clusters },
      ],
      "ref.xlsx",
    );
    expect(lists.excluded).toEqual([
      { name: "济南北湖云计算有限公司", uscc: "91370112MAL9AXAB1J", list: "前期155个省级重点平台" },
      { name: "青岛王哥庄电器有限公司", uscc: "91370212MAAD1YH46M", list: "第一批入围" },
    ]);
    expect(lists.tasks).toEqual(["2-01 人工智能大模型赋能研发设计", "2-05 工业互联网标识解析“贯通”应用"]);
    expect(lists.clusterNames).toEqual(["新一代信息技术"]);
    expect(lists.priority).toBeUndefined();
  });

  it("refuses a names-only sheet whose meaning cannot be told, and a file without any header", () => {
    const namesOnly = gridFromValues([["企业名称"], ["甲公司"]]);
    expect(() => referenceListsFromGrids([{ name: "Sheet1", grid: namesOnly }], "r.xlsx")).toThrow(ReferenceError);
    expect(() => referenceListsFromGrids([{ name: "Sheet1", grid: namesOnly }], "r.xlsx")).toThrow(/所属集群|名单/);
    const noHeader = gridFromValues([["随便写的"], ["内容"]]);
    expect(() => referenceListsFromGrids([{ name: "Sheet1", grid: noHeader }], "r.xlsx")).toThrow(/找不到表头/);
  });
  it("refuses cells it cannot read, naming sheet, row, column and value, rather than listing a wrong enterprise", () => {
    const numericCode = gridFromValues([
      ["优先企业名单"],
      ["企业名称", "统一社会信用代码", "所属集群"],
      ["南京甲公司", 913201156789012000, "物联网"],
    ]);
    expect(() => referenceListsFromGrids([{ name: "优先", grid: numericCode }], "ref.xlsx")).toThrow(
      /参考名单“ref.xlsx”工作表“优先”第 3 行 B 列：统一社会信用代码“913201156789012000”以数字形式存储/,
    );
    const errorName = gridFromValues([
      ["企业名称", "所属集群"],
      ["#N/A", "物联网"],
    ]);
    expect(() => referenceListsFromGrids([{ name: "优先", grid: errorName }], "ref.xlsx")).toThrow(/第 2 行 A 列：单元格为错误值“#N\/A”/);
    const numberName = gridFromValues([
      ["企业名称", "所属集群"],
      [12345, "物联网"],
    ]);
    expect(() => referenceListsFromGrids([{ name: "优先", grid: numberName }], "ref.xlsx")).toThrow(/“12345”是数字，不是文字，应填写企业全称/);
    const codeWithoutName = gridFromValues([
      ["企业名称", "统一社会信用代码", "名单"],
      ["甲公司", "91370112MAL9AXAB1J", "前期155个省级重点平台"],
      [null, "91370212MAAD1YH46M", "前期155个省级重点平台"],
    ]);
    expect(() => referenceListsFromGrids([{ name: "排除", grid: codeWithoutName }], "ref.xlsx")).toThrow(/第 3 行 A 列：企业名称为空，但同一行有统一社会信用代码“91370212MAAD1YH46M”/);
  });

  it("headers are matched as the check matches them: a required-marker star, a colon, a bracketed note", () => {
    const grid = gridFromValues([
      ["*企业名称", "统一社会信用代码（18位）：", "所属产业链"],
      ["南京乙公司", "91320115-MAHEGG3M0K", "特高压设备"],
    ]);
    expect(referenceListsFromGrids([{ name: "Sheet1", grid }], "r.csv").priority).toEqual([
      { name: "南京乙公司", uscc: "91320115MAHEGG3M0K", chain: "特高压设备" },
    ]);
  });
});
