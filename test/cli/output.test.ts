/** `-o` never lands on an input, never replaces a file unasked, never leaves half a file. */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/huizong";
import { checkOutput, writeFailure, writeOutput } from "../../src/cli/output";

const SAMPLE = join(__dirname, "..", "..", "samples", "js-2023-platform.xlsx");
let dir = "";
let list = "";

async function exportTo(out: string, ...more: string[]) {
  let stdout = "", stderr = "";
  const code = await main(["export", list, "-p", "js-2023-platform", "-c", "南京", "-o", out, ...more], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "huizong-out-"));
  list = join(dir, "名单.xlsx");
  copyFileSync(SAMPLE, list);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("-o that is the input", () => {
  it("a hard link to the list is refused and the list is untouched", async () => {
    const before = readFileSync(list);
    linkSync(list, join(dir, "link.xlsx"));
    const r = await exportTo(join(dir, "link.xlsx"), "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/就是名单.* \/ .*is the list/);
    expect(readFileSync(list).equals(before)).toBe(true);
  });

  it("a symbolic link to the list, and the list by another spelling, are refused even with --force", async () => {
    const before = readFileSync(list);
    symlinkSync(list, join(dir, "sym.xlsx"));
    const viaLink = await exportTo(join(dir, "sym.xlsx"), "--force");
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toMatch(/就是名单.* \/ .*is the list/);
    // Not through join(): it would tidy "./../x" away and test the plain path.
    const respelled = `${dir}/./../${basename(dir)}/名单.xlsx`;
    expect(respelled).not.toBe(list);
    const viaSpelling = await exportTo(respelled, "--force");
    expect(viaSpelling.code).toBe(2);
    expect(viaSpelling.stderr).toMatch(/就是名单.* \/ .*is the list/);
    expect(readFileSync(list).equals(before)).toBe(true);
  });

  it("a name that differs only in case, not yet existing, in the list's folder is refused (case-insensitive file systems)", () => {
    expect(() => checkOutput(join(dir, "名单.XLSX"), [{ what: "名单", whatEn: "list", path: list }], true)).toThrow(/就是名单/);
    expect(() => checkOutput(join(dir, "汇总.xlsx"), [{ what: "名单", whatEn: "list", path: list }], true)).not.toThrow();
  });
});

describe("an existing -o", () => {
  it("is refused with exit 2 unless --force, and then replaced whole", async () => {
    const out = join(dir, "汇总表.xlsx");
    writeFileSync(out, "mine");
    const r = await exportTo(out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/已存在.*--force.* \/ .*already exists/);
    expect(readFileSync(out, "utf8")).toBe("mine");
    const forced = await exportTo(out, "--force");
    expect(forced.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("writing through a temporary file", () => {
  it("a write that fails leaves the target as it was and no temporary file behind", () => {
    const target = join(dir, "folder.xlsx");
    mkdirSync(target);
    expect(() => writeOutput(target, new Uint8Array(1000))).toThrow(/无法写入.*原文件未改动/);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("a file locked by Excel (EBUSY, EPERM on Windows) is named as probably open in Excel, in Chinese and English", () => {
    for (const code of ["EBUSY", "EPERM"]) {
      const e = writeFailure("汇总表.xlsx", code);
      expect(e.message).toMatch(/^无法写入 汇总表\.xlsx：该文件可能正在 Excel 中打开，请关闭后重试/);
      expect(e.messageEn).toMatch(/^Cannot write 汇总表\.xlsx: it is probably open in Excel; close it and retry/);
    }
    expect(writeFailure("汇总表.xlsx", "ENOSPC").message).not.toMatch(/Excel/);
  });

  it("a good write leaves only the target", () => {
    writeOutput(join(dir, "a.xlsx"), new Uint8Array([1, 2, 3]));
    expect([...readFileSync(join(dir, "a.xlsx"))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir).sort()).toEqual(["a.xlsx", "名单.xlsx"]);
  });
});
