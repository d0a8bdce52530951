import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, foldBrackets, foldWidth, headerKey, headerUnit, saysNothing } from "../../src/domain/text";

describe("foldWidth", () => {
  it("folds full-width ASCII and the ideographic space", () => {
    expect(foldWidth("ＡＢＣ１２３（）：")).toBe("ABC123():");
    expect(foldWidth("南京\u3000江宁")).toBe("南京 江宁");
    expect(foldWidth("中文不变")).toBe("中文不变");
  });

  it("leaves nothing full-width behind and keeps the length", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
        const folded = foldWidth(s);
        return !/[\uFF01-\uFF5E\u3000]/.test(folded) && folded.length === s.length;
      }),
    );
  });
});

describe("cleanText", () => {
  it("removes what a paste brings along", () => {
    expect(cleanText("  南京\u00A0XX  科技\u200B有限公司\uFEFF ")).toBe("南京 XX 科技有限公司");
    expect(cleanText("第一行\r\n第二行\n\n第三行")).toBe("第一行 第二行 第三行");
    expect(cleanText("\u3000\u3000")).toBe("");
    expect(cleanText("ＸＸ\t公司")).toBe("XX 公司");
  });

  it("is idempotent and never leaves edge or double spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const once = cleanText(s);
        return cleanText(once) === once && once === once.trim() && !/\s\s/.test(once) && !/[\u200B-\u200D\uFEFF]/.test(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("headerKey", () => {
  it.each([
    ["投资额（万元）", "投资额"],
    ["投资额(万元)", "投资额"],
    ["投资额【万元】", "投资额"],
    [" 企业 名称 ", "企业名称"],
    ["统一社会\n信用代码", "统一社会信用代码"],
    ["ＵＳＣＣ", "uscc"],
    ["所在县（市、区）", "所在县"],
    ["联系电话：", "联系电话"],
    ["*申报单位", "申报单位"],
    ["（万元）", "万元"],
  ])("%s → %s", (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe("headerUnit", () => {
  it.each([
    ["投资额（万元）", "万元"],
    ["上云投入（元）", "元"],
    ["总投资(亿元)", "亿元"],
    ["金额（单位：万元）", "万元"],
    ["所在县（市、区）", null],
    ["企业名称", null],
    ["占比（%）", "%"],
  ])("%s → %s", (header, unit) => {
    expect(headerUnit(header)).toBe(unit);
  });
});

describe("foldBrackets", () => {
  it("folds every bracket style to ASCII parentheses", () => {
    expect(foldBrackets("（江宁）【南京】[x]〔y〕")).toBe("(江宁)(南京)(x)(y)");
  });
});

describe("saysNothing: denials in a free-text restriction cell (spec, Corrections: Answers)", () => {
  it.each(["无", "均无", "无限制性条件", "不存在限制性情形", "以上情形均不存在", "上述情况都没有", "无此情况", "否，无", "否。", "无上述情形", "未发生较大以上安全事故", "未列入失信黑名单", "不涉及", "无。"])(
    "“%s” says nothing",
    (t) => expect(saysNothing(t)).toBe(true),
  );
  it.each(["2022年发生一般安全生产事故一起", "无锡某某科技有限公司", "无法核实", "否，2022年发生一般事故一起", "列入失信黑名单", "不符合产业政策"])("“%s” says something", (t) => expect(saysNothing(t)).toBe(false));
});
