import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellFromValue, type Cell } from "../../src/domain/cells";
import { enumHint,
  dayNumber,
  excelSerialToDate,
  formatPartialDate,
  parseChineseNumeral,
  parseIsoDate,
  readAmount,
  readDate,
  readEnum,
  readPhone,
  readText,
  readUsccCell,
  readWholeNumber,
  readYesNo,
  shownValue,
  type Read,
} from "../../src/domain/readers";

const text = (s: string): Cell => ({ kind: "text", value: s });
const num = (n: number): Cell => ({ kind: "number", value: n });
const date = (serial: number): Cell => ({ kind: "date", value: serial });
const err = (e: string): Cell => ({ kind: "error", value: e });
const EMPTY_CELL: Cell = { kind: "empty", value: null };

function okValue<T>(r: Read<T>): T {
  if (r.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.value;
}

function problemOf<T>(r: Read<T>): string {
  if (r.status !== "bad") throw new Error(`expected bad, got ${JSON.stringify(r)}`);
  expect(r.problemEn.length).toBeGreaterThan(0);
  return r.problem;
}

describe("readDate", () => {
  it("takes 持续使用 and 仍在使用 for ongoing where ongoing is allowed, and as no date otherwise", () => {
    for (const w of ["持续使用", "仍在使用", "至今"]) {
      expect(okValue(readDate(text(w), { allowOngoing: true }))).toBeNull();
      expect(readDate(text(w)).status).toBe("bad");
    }
  });

  it.each([
    ["2020年3月5日", { year: 2020, month: 3, day: 5 }],
    ["2020年03月05日", { year: 2020, month: 3, day: 5 }],
    ["2020 年 3 月 5 日", { year: 2020, month: 3, day: 5 }],
    ["2020年3月", { year: 2020, month: 3 }],
    ["2020.3.5", { year: 2020, month: 3, day: 5 }],
    ["2020/3/5", { year: 2020, month: 3, day: 5 }],
    ["20200305", { year: 2020, month: 3, day: 5 }],
    ["2020-03", { year: 2020, month: 3 }],
    ["2020.03", { year: 2020, month: 3 }],
    ["202003", { year: 2020, month: 3 }],
    ["2020-03-05", { year: 2020, month: 3, day: 5 }],
    ["２０２０－０３－０５", { year: 2020, month: 3, day: 5 }],
    ["2020-03-05 00:00:00", { year: 2020, month: 3, day: 5 }],
    ["2020/3/5 14:30", { year: 2020, month: 3, day: 5 }],
    ["2024-02-29", { year: 2024, month: 2, day: 29 }],
    ["43895", { year: 2020, month: 3, day: 5 }],
  ])("text %s", (value, expected) => {
    expect(okValue(readDate(text(value)))).toEqual(expected);
  });

  it("reads Excel serials from date cells and plausible number cells", () => {
    expect(okValue(readDate(date(43895)))).toEqual({ year: 2020, month: 3, day: 5 });
    expect(okValue(readDate(date(43895.75)))).toEqual({ year: 2020, month: 3, day: 5 });
    expect(okValue(readDate(num(43895)))).toEqual({ year: 2020, month: 3, day: 5 });
    expect(okValue(readDate(num(20000)))).toEqual({ year: 1954, month: 10, day: 3 });
    expect(okValue(readDate(num(60000)))).toEqual({ year: 2064, month: 4, day: 8 });
    expect(okValue(readDate(date(36526)))).toEqual({ year: 2000, month: 1, day: 1 });
    expect(okValue(readDate(date(1)))).toEqual({ year: 1900, month: 1, day: 1 });
  });

  it("reads a number cell with a date format as a serial, whatever its size", () => {
    expect(okValue(readDate({ kind: "number", value: 18264, numberFormat: "yyyy-mm-dd" }))).toEqual({ year: 1950, month: 1, day: 1 });
    expect(okValue(readDate({ kind: "number", value: 43895, numberFormat: 'yyyy"年"m"月"d"日"' }))).toEqual({ year: 2020, month: 3, day: 5 });
    expect(readDate({ kind: "number", value: 18264, numberFormat: "General" }).status).toBe("bad");
    expect(readDate({ kind: "number", value: 18264, numberFormat: '0.00"天"' }).status).toBe("bad");
  });

  it("reads 8-digit numbers as yyyymmdd and 6-digit as yyyymm", () => {
    expect(okValue(readDate(num(20200305)))).toEqual({ year: 2020, month: 3, day: 5 });
    expect(okValue(readDate(num(202003)))).toEqual({ year: 2020, month: 3 });
    expect(readDate(num(20210229)).status).toBe("bad");
  });

  it("reads 2020.3 stored as a number by what it shows, but not the ambiguous 2020.1", () => {
    expect(okValue(readDate(num(2020.3)))).toEqual({ year: 2020, month: 3 });
    expect(okValue(readDate(num(2020.12)))).toEqual({ year: 2020, month: 12 });
    expect(problemOf(readDate(num(2020.1)))).toContain("2020年10月");
  });

  it("rejects days that do not exist, with the value and the expected form", () => {
    expect(problemOf(readDate(text("2021-02-30")))).toBe("“2021-02-30”不是有效日期，应为如 2020-03-05 或 2020年3月 的日期");
    expect(readDate(text("2021-02-29")).status).toBe("bad");
    expect(readDate(text("2020-13")).status).toBe("bad");
    expect(readDate(text("2020年4月31日")).status).toBe("bad");
    expect(readDate(text("20201301")).status).toBe("bad");
  });

  it.each(["2020", "2020年", "3/5/2020", "20.3.5", "去年", "abc", "2020-3-5-6", "1800-01-01"])("rejects %s", (value) => {
    const r = readDate(text(value));
    expect(r.status).toBe("bad");
    expect(problemOf(r)).toContain(`“${value}”`);
  });

  it("rejects numbers that are not plausibly dates, booleans and errors", () => {
    expect(readDate(num(12)).status).toBe("bad");
    expect(readDate(num(-5)).status).toBe("bad");
    expect(readDate(num(19999)).status).toBe("bad");
    expect(readDate(num(2020)).status).toBe("bad");
    expect(readDate({ kind: "boolean", value: true }).status).toBe("bad");
    expect(readDate(err("#N/A")).status).toBe("bad");
    expect(readDate(date(-1)).status).toBe("bad");
  });

  it("至今 is bad unless ongoing is allowed", () => {
    expect(problemOf(readDate(text("至今")))).toContain("“至今”");
    const ongoing = readDate(text("至今"), { allowOngoing: true });
    expect(ongoing.status).toBe("ok");
    expect(ongoing.status === "ok" && ongoing.value).toBeNull();
  });

  it("empty and blank cells are empty", () => {
    expect(readDate(EMPTY_CELL).status).toBe("empty");
    expect(readDate(text(" \u3000 ")).status).toBe("empty");
  });
});

describe("dates as values", () => {
  it("format, parse and count days", () => {
    expect(formatPartialDate({ year: 2020, month: 3 })).toBe("2020-03");
    expect(formatPartialDate({ year: 2020, month: 3, day: 5 })).toBe("2020-03-05");
    expect(parseIsoDate("2020-03-05")).toEqual({ year: 2020, month: 3, day: 5 });
    expect(parseIsoDate("2020-03")).toEqual({ year: 2020, month: 3 });
    expect(() => parseIsoDate("2021-02-29")).toThrow(RangeError);
    expect(() => parseIsoDate("2020/03/05")).toThrow(RangeError);
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayNumber({ year: 2020, month: 2 })).toBe(dayNumber({ year: 2020, month: 2, day: 1 }));
    expect(dayNumber({ year: 2020, month: 2 }, true)).toBe(dayNumber({ year: 2020, month: 2, day: 29 }));
    expect(dayNumber({ year: 2020, month: 3, day: 5 }, true)).toBe(dayNumber({ year: 2020, month: 3, day: 5 }));
  });

  it("Excel serials round-trip through day numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const d = excelSerialToDate(serial);
        return d !== null && dayNumber(d) === serial - 25_569;
      }),
    );
  });

  it("formatted dates read back as themselves", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber({ year: 1900, month: 1, day: 1 }), max: dayNumber({ year: 2100, month: 12, day: 31 }) }), fc.boolean(), (days, monthOnly) => {
        const full = excelSerialToDate(days + 25_569);
        if (!full) return false;
        const d = monthOnly ? { year: full.year, month: full.month } : full;
        const r = readDate(text(formatPartialDate(d)));
        return r.status === "ok" && JSON.stringify(r.value) === JSON.stringify(d);
      }),
    );
  });
});

describe("readWholeNumber (ranks and counts)", () => {
  it("reads 3, \"3\", \"第3名\", \"3位\"; refuses fractions, words and pasted codes, naming the value", () => {
    for (const c of [num(3), text("3"), text("第3名"), text(" 3 位"), text("３")]) expect(okValue(readWholeNumber(c))).toBe(3);
    expect(problemOf(readWholeNumber(num(2.5)))).toContain("“2.5”不是整数");
    expect(problemOf(readWholeNumber(text("第一")))).toContain("“第一”不是整数");
    expect(readWholeNumber(num(9131011512345678)).status).toBe("bad");
    expect(readWholeNumber(EMPTY_CELL).status).toBe("empty");
  });
});

describe("readAmount", () => {
  it.each([
    ["2,000", 2000],
    ["2000", 2000],
    ["2000万", 2000],
    ["2000万元", 2000],
    ["2000 万元", 2000],
    ["0.2亿元", 2000],
    ["0.2亿", 2000],
    ["20000000元", 2000],
    ["20,000,000元", 2000],
    ["贰仟万元", 2000],
    ["贰仟万元整", 2000],
    ["壹佰伍拾万元", 150],
    ["两千万", 2000],
    ["一亿五千万元", 15000],
    ["1.5亿元", 15000],
    ["2千万", 2000],
    ["5百万元", 500],
    ["人民币2000万元", 2000],
    ["￥2000万", 2000],
    ["２０００万元", 2000],
    ["1,234.56", 1234.56],
  ])("%s → %s 万元", (value, expected) => {
    expect(okValue(readAmount(text(value)))).toBe(expected);
  });

  it("uses the header unit when the cell has none", () => {
    expect(okValue(readAmount(num(2000)))).toBe(2000);
    expect(okValue(readAmount(num(2000), "万元"))).toBe(2000);
    expect(okValue(readAmount(num(20_000_000), "元"))).toBe(2000);
    expect(okValue(readAmount(text("20,000,000"), "元"))).toBe(2000);
    expect(okValue(readAmount(num(0.2), "亿元"))).toBe(2000);
    expect(okValue(readAmount(text("伍拾"), "万元"))).toBe(50);
    expect(okValue(readAmount(num(1500), null))).toBe(1500);
  });

  it("a unit in the cell wins over the header's", () => {
    expect(okValue(readAmount(text("2000万元"), "元"))).toBe(2000);
    expect(okValue(readAmount(text("20000000元"), "万元"))).toBe(2000);
  });

  it.each(["约2000万", "2000万左右", "两千多万", "万元", "100万美元", "abc", "2000-3000", "待定", "1e5"])("rejects %s", (value) => {
    expect(problemOf(readAmount(text(value)))).toContain(`“${value}”`);
  });

  it("rejects a bare number under a header unit that is not money, dates, booleans and errors", () => {
    expect(problemOf(readAmount(num(5), "个"))).toContain("“个”");
    expect(readAmount(date(43895)).status).toBe("bad");
    expect(readAmount({ kind: "boolean", value: false }).status).toBe("bad");
    expect(readAmount(err("#VALUE!")).status).toBe("bad");
    expect(readAmount(num(Number.NaN)).status).toBe("bad");
    expect(readAmount(EMPTY_CELL).status).toBe("empty");
  });

  it("rejects negative amounts, typed or stored as numbers; zero is an amount", () => {
    expect(problemOf(readAmount(num(-500)))).toBe("“-500”是负数，金额不能小于 0，应为金额，如 2000、2000万元、0.2亿元 或 贰仟万元");
    expect(readAmount(text("-2000万元")).status).toBe("bad");
    expect(readAmount(num(-1), "元").status).toBe("bad");
    expect(okValue(readAmount(num(0)))).toBe(0);
  });

  it("parses Chinese numerals, ordinary and capital", () => {
    expect(parseChineseNumeral("贰仟万")).toBe(20_000_000);
    expect(parseChineseNumeral("十五")).toBe(15);
    expect(parseChineseNumeral("一百零五")).toBe(105);
    expect(parseChineseNumeral("壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾")).toBe(1_234_567_890);
    expect(parseChineseNumeral("二三")).toBeNull();
    expect(parseChineseNumeral("万")).toBeNull();
    expect(parseChineseNumeral("")).toBeNull();
  });

  it("reads any integer amount in 元 written out in Arabic digits as 万元", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (yuan) => {
        const r = readAmount(text(`${yuan.toLocaleString("en-US")}元`));
        return r.status === "ok" && Math.abs(r.value - yuan / 1e4) < 1e-6;
      }),
    );
  });
});

describe("readYesNo", () => {
  it("reads a programme's other answers through its aliases, keeping what the cell showed", () => {
    const r = readYesNo(text("升级 申报"), { 升级申报: "是" });
    expect(r).toEqual({ status: "ok", value: true, shown: "升级 申报" });
    expect(readYesNo(text("升级申报")).status).toBe("bad");
  });

  it.each([
    ["是", true], ["否", false], ["有", true], ["无", false], ["√", true], ["×", false],
    ["Y", true], ["y", true], ["N", false], ["n", false], ["yes", true], ["NO", false], ["TRUE", true], ["false", false], [" 是 ", true],
  ] as const)("%s → %s", (value, expected) => {
    expect(okValue(readYesNo(text(value)))).toBe(expected);
  });

  it("reads boolean cells", () => {
    expect(okValue(readYesNo({ kind: "boolean", value: true }))).toBe(true);
    expect(okValue(readYesNo({ kind: "boolean", value: false }))).toBe(false);
  });

  // Corrections, third reading: 1 is an answer (was "not yes/no"), and the message asks for 是 or 否.
  it.each(["已建成", "在建", "是否", "待定", "2", "符合"])("%s is not yes/no", (value) => {
    expect(problemOf(readYesNo(text(value)))).toContain(`无法判断“${value}”是“是”还是“否”，请填写是或否`);
  });

  it("numbers other than 1 and 0, and errors, are bad; blanks empty", () => {
    expect(readYesNo(num(2)).status).toBe("bad");
    expect(readYesNo(err("#N/A")).status).toBe("bad");
    expect(readYesNo(text("  ")).status).toBe("empty");
  });
});

describe("readPhone", () => {
  it.each([
    ["13812345678", ["13812345678"]],
    ["025-69652717", ["025-69652717"]],
    ["0531-51782669", ["0531-51782669"]],
    ["0512-6965271", ["0512-6965271"]],
    ["02569652717", ["025-69652717"]],
    ["（025）69652717", ["025-69652717"]],
    ["025 69652717", ["025-69652717"]],
    ["025 - 69652717", ["025-69652717"]],
    ["138 1234 5678", ["13812345678"]],
    ["138-1234-5678", ["13812345678"]],
    ["+86 13812345678", ["13812345678"]],
    ["025-69652717转801", ["025-69652717-801"]],
    ["13812345678、025-69652717", ["13812345678", "025-69652717"]],
    ["13812345678，0531-51782669", ["13812345678", "0531-51782669"]],
    ["13812345678;13912345678", ["13812345678", "13912345678"]],
    ["13812345678/025-69652717", ["13812345678", "025-69652717"]],
    ["13812345678 13912345678", ["13812345678", "13912345678"]],
    ["13812345678\n025-69652717", ["13812345678", "025-69652717"]],
    ["手机：13812345678", ["13812345678"]],
  ])("%s → %j", (value, expected) => {
    expect(okValue(readPhone(text(value)))).toEqual(expected);
  });

  it("reads a mobile number stored as a number", () => {
    expect(okValue(readPhone(num(13812345678)))).toEqual(["13812345678"]);
  });

  it("a number without area code is bad, with a hint to add it", () => {
    const problem = problemOf(readPhone(text("6965271")));
    expect(problem).toContain("“6965271”");
    expect(problem).toContain("区号");
    expect(problemOf(readPhone(text("69652717")))).toContain("区号");
    expect(problemOf(readPhone(text("13812345678、69652717")))).toContain("“69652717”缺少区号");
  });

  it("a landline stored as a number has lost its 0", () => {
    expect(problemOf(readPhone(num(2569652717)))).toContain("025-69652717");
  });

  it.each(["12345", "1381234567", "138123456789", "12812345678", "025-123", "0256-9652717", "无", "abc"])("rejects %s", (value) => {
    expect(readPhone(text(value)).status).toBe("bad");
  });

  it("errors are bad, blanks empty", () => {
    expect(readPhone(err("#REF!")).status).toBe("bad");
    expect(readPhone(text(" 、 ")).status).toBe("empty");
  });
});

describe("readEnum", () => {
  const allowed = ["特色型", "综合型", "示范型"] as const;

  it("accepts allowed values after cleaning, and aliases", () => {
    expect(okValue(readEnum(text(" 特色型 "), allowed))).toBe("特色型");
    expect(okValue(readEnum(text("（A）类"), ["(A)类"]))).toBe("(A)类");
    expect(okValue(readEnum(text("ａ"), ["A"]))).toBe("A");
    expect(okValue(readEnum(text("特色"), allowed, { 特色: "特色型" }))).toBe("特色型");
    expect(okValue(readEnum(num(3), ["1", "2", "3"]))).toBe("3");
  });

  it("names a near-miss", () => {
    const r = readEnum(text("特色性"), allowed);
    expect(r.status).toBe("bad");
    expect(r.suggestion).toBe("特色型");
    expect(problemOf(r)).toBe("“特色性”不是可选值，应为：特色型、综合型、示范型；是否应为“特色型”？");
  });

  it("suggests by shared prefix for longer names", () => {
    expect(readEnum(text("工业互联网平台"), ["工业互联网标杆工厂", "智能制造"]).suggestion).toBe("工业互联网标杆工厂");
  });

  it("a part of allowed values is never extended into one of them: the choices are offered", () => {
    const five = ["综合型", "特色型（面向重点行业）", "特色型（面向重点区域）", "专业型（面向产业链供应链协同）", "专业型（面向特定技术）"];
    const r = readEnum(text("专业型"), five);
    expect(r.status).toBe("bad");
    expect(r.suggestion).toBeUndefined();
    expect(r.choices).toEqual(["专业型（面向产业链供应链协同）", "专业型（面向特定技术）"]);
    expect(enumHint(r).hint).toBe("从可选值中选定一项：专业型（面向产业链供应链协同）、专业型（面向特定技术）");
    // Any value that only adds to what was written, in order: 特型 → 特色型 is not a correction either.
    const t = readEnum(text("特型"), allowed);
    expect(t.suggestion).toBeUndefined();
    expect(enumHint(t).hint).not.toMatch(/改为/);
    // A correction of what was written still says 改为.
    expect(enumHint(readEnum(text("特色性"), allowed)).hint).toBe("改为“特色型”");
  });

  it("no suggestion when nothing is close", () => {
    const r = readEnum(text("其他"), allowed);
    expect(r.status).toBe("bad");
    expect(r.suggestion).toBeUndefined();
  });

  it("errors are bad, blanks empty", () => {
    expect(readEnum(err("#N/A"), allowed).status).toBe("bad");
    expect(readEnum(EMPTY_CELL, allowed).status).toBe("empty");
  });
});

describe("readText", () => {
  it("cleans text and shows numbers and dates as the clerk sees them", () => {
    expect(okValue(readText(text("  南京\u3000XX\u200B公司 ")))).toBe("南京 XX公司");
    expect(okValue(readText(num(12)))).toBe("12");
    expect(okValue(readText(date(43895)))).toBe("2020-03-05");
    expect(readText(text(" \u00A0 ")).status).toBe("empty");
    expect(readText(err("#N/A")).status).toBe("bad");
  });

  it("with an expectation, kinds it does not accept are bad and say what was expected", () => {
    const nameOnly = { accept: [], zh: "单位全称", en: "the full name" } as const;
    const r = readText(date(43895), nameOnly);
    expect(r).toMatchObject({ status: "bad", shown: "2020-03-05" });
    expect(r.status === "bad" && r.problem).toBe("“2020-03-05”是日期，不是文字，应填写单位全称");
    expect(readText({ kind: "boolean", value: true }, nameOnly)).toMatchObject({ status: "bad", shown: "TRUE" });
    expect(readText(num(12), nameOnly).status).toBe("bad");
    expect(okValue(readText(num(12), { ...nameOnly, accept: ["number"] }))).toBe("12");
    expect(okValue(readText(text(" 南京甲公司 "), nameOnly))).toBe("南京甲公司");
  });
});

describe("readUsccCell", () => {
  it("compacts text", () => {
    expect(okValue(readUsccCell(text(" 91 110000-600037341l ")))).toBe("91110000600037341L");
  });

  it("a number cell is truncated with the remedy, and shows what Excel shows", () => {
    const r = readUsccCell(num(913206913239795000));
    expect(r.status).toBe("bad");
    expect(r.truncated).toBe(true);
    expect(r.shown).toBe("913206913239795000");
    expect(problemOf(r)).toContain("文本");
  });

  it("scientific notation pasted as text is truncated too", () => {
    expect(readUsccCell(text("9.13206913239795E+17")).truncated).toBe(true);
  });

  it("a short number is bad without claiming truncation", () => {
    const r = readUsccCell(num(12345));
    expect(r.status).toBe("bad");
    expect(r.truncated).toBeUndefined();
  });

  it("errors, dates and booleans are bad; blanks empty", () => {
    expect(readUsccCell(err("#N/A")).status).toBe("bad");
    expect(readUsccCell(date(43895)).status).toBe("bad");
    expect(readUsccCell({ kind: "boolean", value: true }).status).toBe("bad");
    expect(readUsccCell(text(" - ")).status).toBe("empty");
  });
});

describe("shownValue", () => {
  it("shows cells as Excel does", () => {
    expect(shownValue(EMPTY_CELL)).toBe("");
    expect(shownValue(text(" x "))).toBe(" x ");
    expect(shownValue(num(0.1 + 0.2))).toBe("0.3");
    expect(shownValue(num(913206913239795000))).toBe("913206913239795000");
    expect(shownValue(date(43895))).toBe("2020-03-05");
    expect(shownValue(date(43895.5))).toBe("2020-03-05 12:00");
    expect(shownValue({ kind: "boolean", value: true })).toBe("TRUE");
    expect(shownValue(err("#N/A"))).toBe("#N/A");
    expect(shownValue(cellFromValue("#DIV/0!"))).toBe("#DIV/0!");
  });
});

describe("readers never throw", () => {
  const anyValue = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.string({ unit: fc.constantFrom(..."0123456789年月日.-/万元亿贰仟壹佰拾零是否√×、，;：()（）+ 转E".split("")), maxLength: 20 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const anyCell: fc.Arbitrary<Cell> = fc.oneof(
    anyValue.map((v) => cellFromValue(v)),
    fc.record(
      {
        kind: fc.constantFrom("empty", "text", "number", "boolean", "date", "error") as fc.Arbitrary<Cell["kind"]>,
        value: anyValue,
        numberFormat: fc.constantFrom("General", "@", "yyyy-mm-dd", "0.00", 'yyyy"年"m"月"'),
      },
      { requiredKeys: ["kind", "value"] },
    ) as fc.Arbitrary<Cell>,
  );

  function wellFormed(r: Read<unknown>): boolean {
    if (typeof r.shown !== "string") return false;
    if (r.status === "bad") return r.problem.length > 0 && r.problemEn.length > 0;
    return r.status === "ok" || (r.status === "empty" && r.shown === "");
  }

  it("for any cell, every reader returns a well-formed result", () => {
    fc.assert(
      fc.property(anyCell, fc.option(fc.constantFrom("万元", "元", "亿元", "个", ""), { nil: undefined }), (cell, unit) => {
        const results: Read<unknown>[] = [
          readText(cell),
          readUsccCell(cell),
          readDate(cell),
          readDate(cell, { allowOngoing: true }),
          readAmount(cell, unit),
          readYesNo(cell),
          readPhone(cell),
          readEnum(cell, ["特色型", "综合型"], { 特色: "特色型" }),
        ];
        expect(typeof shownValue(cell)).toBe("string");
        return results.every(wellFormed);
      }),
      { numRuns: 3000 },
    );
  });

  it("ok amounts are finite numbers and ok dates exist", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const a = readAmount(cell);
        const d = readDate(cell);
        const amountFine = a.status !== "ok" || Number.isFinite(a.value);
        const dateFine =
          d.status !== "ok" ||
          d.value === null ||
          (d.value.day === undefined ? d.value.month >= 1 && d.value.month <= 12 : dayNumber(d.value) === dayNumber(d.value, true));
        return amountFine && dateFine;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("readYesNo: the answers districts write (spec, Corrections: Answers)", () => {
  it.each([
    ["1", true], ["0", false], ["是（已整改）", true], ["是(已提供)", true], ["否，无", false], ["否（无）", false], ["是，已提供", true],
    ["✓", true], ["✗", false], ["对", true], ["错", false], ["已", true], ["未", false], ["无此情况", false], ["以上情形均不存在", false],
    ["不存在", false], ["不涉及", false],
  ] as const)("%s → %s", (value, expected) => {
    expect(okValue(readYesNo(text(value)))).toBe(expected);
  });

  it("reads 1 and 0 typed as numbers", () => {
    expect(okValue(readYesNo(num(1)))).toBe(true);
    expect(okValue(readYesNo(num(0)))).toBe(false);
  });

  it("符合/不符合 answer a question about 符合, and no other", () => {
    const policy = { question: "是否符合产业政策" };
    expect(okValue(readYesNo(text("符合"), policy))).toBe(true);
    expect(okValue(readYesNo(text("不符合"), policy))).toBe(false);
    expect(okValue(readYesNo(text("符合（已核实）"), policy))).toBe(true);
    expect(readYesNo(text("符合"), { question: "是否纳入严重失信黑名单" }).status).toBe("bad");
  });

  it("已…/未… echo a question asked with its verb", () => {
    expect(okValue(readYesNo(text("已入围"), { question: "场景落地单位是否已入围第一批" }))).toBe(true);
    expect(okValue(readYesNo(text("未入围"), { question: "场景落地单位是否入围第一批" }))).toBe(false);
    expect(okValue(readYesNo(text("未纳入"), { question: "是否纳入严重失信黑名单" }))).toBe(false);
    expect(okValue(readYesNo(text("有推荐函"), { question: "是否有省级公司推荐函" }))).toBe(true);
    expect(readYesNo(text("已建成"), { question: "是否纳入严重失信黑名单" }).status).toBe("bad");
  });
});
