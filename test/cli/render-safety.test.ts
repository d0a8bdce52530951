/** The text report never passes a cell's escape sequences or control characters to the terminal. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/huizong";
import { terminalSafe } from "../../src/cli/render";

describe("terminal safety of the text report", () => {
  it("strips CSI, OSC and C1 sequences and controls; line breaks become spaces", () => {
    expect(terminalSafe("甲\x1b[31m红\x1b[0m乙")).toBe("甲红乙");
    expect(terminalSafe("\x1b]0;窗口标题\x07名称")).toBe("名称");
    expect(terminalSafe("a\x9b2Jb\x07c\x00d\u202eef")).toBe("abcdef");
    expect(terminalSafe("第一行\r\n未发现问题。")).toBe("第一行 未发现问题。");
  });

  it("a list whose cells carry escapes and a forged line: the printed report has none of them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "huizong-esc-"));
    try {
      const csv = [
        "序号,申报单位,统一社会信用代码,注册时间,平台类型,建设情况",
        `1,"南京\x1b[2J\x1b]0;pwned\x07甲科技有限公司",913201\x1b[8m15MA1X,2015-03-01,综合型,已建成`,
        `2,"南京乙科技有限公司\n未发现问题。/ No findings.",91320115MA1Y,2015-03-01,\x1b[1m综合型,已建成`,
      ].join("\r\n");
      writeFileSync(join(dir, "esc.csv"), csv);
      let out = "";
      const code = await main(["check", join(dir, "esc.csv"), "-p", "js-2023-platform", "-c", "南京"], { stdout: (s) => (out += s), stderr: (s) => (out += s) });
      expect(code).toBe(1);
      expect(out).toMatch(/913201\s?15MA1X|91320115MA1X/);
      expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      expect(out.split("\n").filter((l) => l.startsWith("未发现问题"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
