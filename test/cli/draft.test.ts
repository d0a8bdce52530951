/** `huizong programmes draft` and `check --programme-file` on a draft. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { huizong, ROOT, tempFolder } from "./run-cli";

const notice = (name: string) => join(ROOT, "test/data/notices", name);
const dir = tempFolder("draft");

describe("huizong programmes draft", () => {
  it("lists the categories of a notice that has several and writes nothing without --category", async () => {
    const out = join(dir(), "none.json");
    const r = await huizong("programmes", "draft", notice("000.txt"), "-o", out);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("1. 省重点工业互联网平台");
    expect(r.stdout).toContain("3. 省星级上云企业");
    expect(r.stderr).toContain("--category");
    expect(existsSync(out)).toBe(false);
  });

  it("drafts a category: prints each rule with its confidence and sentence, and the notes; refuses to overwrite without --force", async () => {
    const out = join(dir(), "factory.json");
    const r = await huizong("programmes", "draft", notice("002.txt"), "-o", out, "--category", "省工业互联网标杆工厂");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("未经审核");
    expect(r.stdout).toMatch(/\[0\.\d\d\] 三\(三\)1 投入不低于2000万元/u);
    expect(r.stdout).toContain("「申报项目须为已建成项目");
    expect(r.stdout).toMatch(/\[0\.\d\d\] 三\(三\)2 两化融合管理体系贯标证书有效期须在2023-03-31之后/u);
    expect(r.stdout).toContain("说明");
    expect(r.stdout).toContain("三(三)3：申报项目须满足");
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect([written.draft, written.reviewed, written.notice.category]).toEqual([true, false, "省工业互联网标杆工厂"]);
    expect(written.programme.rowRules.every((rule: { source?: { section: string; text: string; confidence: number } }) => rule.source && rule.source.text && rule.source.confidence > 0)).toBe(true);

    writeFileSync(out, "mine");
    const again = await huizong("programmes", "draft", notice("002.txt"), "-o", out, "--category", "省工业互联网标杆工厂");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("mine");
    const forced = await huizong("programmes", "draft", notice("002.txt"), "-o", out, "--category", "省工业互联网标杆工厂", "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).not.toBe("mine");
  });

  it("reads a GB18030 notice as its UTF-8 copy", async () => {
    const a = await huizong("programmes", "draft", notice("001.txt"), "-o", join(dir(), "utf8.json"));
    const b = await huizong("programmes", "draft", notice("001-gb18030.txt"), "-o", join(dir(), "gb.json"));
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(b.stdout).toContain("GB18030");
    expect(readFileSync(join(dir(), "gb.json"), "utf8")).toBe(readFileSync(join(dir(), "utf8.json"), "utf8"));
  });

  it("refuses what is not a notice's text, and a bad --province", async () => {
    const xlsx = await huizong("programmes", "draft", join(ROOT, "samples/js-2020-666.xlsx"), "-o", join(dir(), "x.json"));
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain("不是文本");
    const prov = await huizong("programmes", "draft", notice("001.txt"), "-o", join(dir(), "p.json"), "--province", "山东");
    expect(prov.code).toBe(2);
    expect(prov.stderr).toContain("--province");
  });
});

describe("check --programme-file with a draft", () => {
  it("checks the sample with the draft and says first that the programme is an unreviewed draft", async () => {
    const out = join(dir(), "sd.json");
    expect((await huizong("programmes", "draft", notice("001.txt"), "-o", out)).code).toBe(0);
    const text = await huizong("check", join(ROOT, "samples/sd-2023-platform.xlsx"), "--programme-file", out, "--city", "济南");
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("是由通知文本自动生成的草稿，未经审核");
    const json = await huizong("check", join(ROOT, "samples/sd-2023-platform.xlsx"), "--programme-file", out, "--city", "济南", "--json");
    const report = JSON.parse(json.stdout);
    expect(report.notes[0]).toContain("未经审核");
    const builtIn = JSON.parse((await huizong("check", join(ROOT, "samples/sd-2023-platform.xlsx"), "-p", "sd-2023-platform", "--city", "济南", "--json")).stdout);
    expect(report.counts.errors).toBe(builtIn.counts.errors);
  });

  it("refuses a file that is no draft, and --programme with --programme-file", async () => {
    const bad = join(dir(), "bad.json");
    writeFileSync(bad, JSON.stringify({ hello: 1 }));
    const r = await huizong("check", join(ROOT, "samples/sd-2023-platform.xlsx"), "--programme-file", bad, "--city", "济南");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("项目定义文件");
    const both = await huizong("check", join(ROOT, "samples/sd-2023-platform.xlsx"), "--programme-file", bad, "-p", "sd-2023-platform", "--city", "济南");
    expect(both.code).toBe(2);
  });
});
