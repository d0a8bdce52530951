import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBranchName, normaliseCompanyName } from "../../src/domain/names";

describe("normaliseCompanyName", () => {
  it("treats bracket, width, space and zero-width variants as one name", () => {
    const base = normaliseCompanyName("南京XX科技(江苏)有限公司");
    for (const variant of ["南京XX科技（江苏）有限公司", " 南京ＸＸ科技（江苏）有限公司 ", "南京 XX 科技（江苏）有限公司", "南京XX\u200B科技（江苏）有限\u3000公司", "南京xx科技【江苏】有限公司"]) {
      expect(normaliseCompanyName(variant), variant).toBe(base);
    }
  });

  it("keeps 有限责任公司 and 有限公司 apart: they are different legal names", () => {
    expect(normaliseCompanyName("南京XX科技有限责任公司")).not.toBe(normaliseCompanyName("南京XX科技有限公司"));
  });

  it("drops a district tag a clerk put in brackets in front, after the city, or at the end", () => {
    const plain = normaliseCompanyName("南京XX科技有限公司");
    expect(normaliseCompanyName("（江宁）南京XX科技有限公司")).toBe(plain);
    expect(normaliseCompanyName("南京（江宁）XX科技有限公司")).toBe(plain);
    expect(normaliseCompanyName("南京（江宁区）XX科技有限公司")).toBe(plain);
    expect(normaliseCompanyName("南京XX科技有限公司（江宁区）")).toBe(plain);
    expect(normaliseCompanyName("（江宁）（江宁区）南京XX科技有限公司")).toBe(plain);
  });

  it("keeps brackets that are part of the legal name", () => {
    expect(normaliseCompanyName("XX（南京）有限公司")).toBe("xx(南京)有限公司");
    expect(normaliseCompanyName("XX（南京）有限公司")).not.toBe(normaliseCompanyName("XX有限公司"));
    expect(normaliseCompanyName("（筹）XX有限公司")).toBe("(筹)xx有限公司");
  });

  it("removes dots and dashes that vary between copies", () => {
    expect(normaliseCompanyName("XX·YY科技有限公司")).toBe(normaliseCompanyName("XXYY科技有限公司"));
  });

  it("never throws and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const once = normaliseCompanyName(s);
        return normaliseCompanyName(once) === once;
      }),
      { numRuns: 1000 },
    );
  });
});

describe("isBranchName", () => {
  it.each([
    ["XX有限公司南京分公司", true],
    ["XX有限公司江宁分厂", true],
    ["XX集团南京办事处", true],
    ["XX有限公司南京分公司（筹）", true],
    [" XX有限公司 分公司 ", true],
    ["XX有限公司", false],
    ["XX分公司管理有限公司", false],
    ["", false],
  ])("%s → %s", (name, branch) => {
    expect(isBranchName(name)).toBe(branch);
  });
});
