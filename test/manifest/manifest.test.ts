/**
 * The manifest, checked offline against the build that global-setup.ts made with the real
 * webpack config: the shipped manifest passes, and each thing the check guards makes it fail.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { checkManifest, listFiles, REQUIRED } from "./manifest-check";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const webpackConfig = createRequire(import.meta.url)(join(ROOT, "webpack.config.js")) as {
  urlDev: string;
  manifestFor(xml: string, baseUrl: string): string;
};
const DEV = webpackConfig.urlDev;
const PROD = "https://huizong.example.org/addin/";

const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
let emitted: Set<string>;

beforeAll(() => {
  emitted = listFiles(inject("distDir"));
});

const check = (xml: string, baseUrl = DEV, files: ReadonlySet<string> = emitted): string[] => checkManifest(xml, { emittedFiles: files, baseUrl });

/** The manifest with an edit made through the DOM, serialised back. */
function edited(change: (doc: Document) => void): string {
  const doc = new DOMParser().parseFromString(source, "text/xml") as unknown as Document;
  change(doc);
  return new XMLSerializer().serializeToString(doc as never);
}

const topLevel = (doc: Document, name: string): Element => {
  const el = Array.from(doc.documentElement.childNodes).find((n) => n.nodeType === 1 && (n as Element).localName === name) as Element | undefined;
  if (!el) throw new Error(`no <${name}> in manifest.xml`);
  return el;
};

describe("the manifest the build emits", () => {
  it("emits the task pane, the preview, the web checker, the manifest and every icon size", () => {
    for (const file of ["taskpane.html", "taskpane.js", "preview.html", "preview.js", "checker.html", "checker.js", "commands.html", "manifest.xml", "office-js/office.js", "office-js/o15apptofilemappingtable.js"]) {
      expect(emitted, file).toContain(file);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(emitted).toContain(`assets/icon-${size}.png`);
  });

  it("gives the web checker no office.js: it must work where Microsoft's CDN is blocked", () => {
    const html = readFileSync(join(inject("distDir"), "checker.html"), "utf8");
    expect(html).toContain("<title>推荐汇总助手 网页版</title>");
    expect(html).toMatch(/src="?checker\.js/);
    expect(html).not.toMatch(/office(-js\/office)?\.js/);
  });

  it("passes the offline check, and is manifest.xml unchanged in a development build", () => {
    const built = readFileSync(join(inject("distDir"), "manifest.xml"), "utf8");
    expect(built).toBe(source);
    expect(check(built)).toEqual([]);
  });

  it("in production points every URL at the production URL and still passes", () => {
    const prod = webpackConfig.manifestFor(source, PROD);
    expect(prod).not.toContain("localhost");
    expect(prod.split(PROD).length - 1).toBe(source.split(DEV).length - 1);
    expect(check(prod, PROD)).toEqual([]);
    // …and the development URL no longer resolves in it.
    expect(check(prod, DEV).some((p) => p.includes("is not under the build's URL"))).toBe(true);
  });

  it("has a version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(source).toContain(`<Version>${pkg.version}.0</Version>`);
  });

  it("the PNG icons are real images of the size their name says", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readFileSync(join(inject("distDir"), "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe("the offline check fails when", () => {
  it.each(REQUIRED)("required element <%s> is removed", (name) => {
    const xml = edited((doc) => doc.documentElement.removeChild(topLevel(doc, name)));
    expect(check(xml)).toContain(`required element <${name}> is missing`);
  });

  it("elements are out of schema order", () => {
    const xml = edited((doc) => doc.documentElement.insertBefore(topLevel(doc, "Permissions"), topLevel(doc, "DefaultSettings")));
    expect(check(xml)).toContain("<DefaultSettings> is out of schema order: it must come before <Permissions>");
  });

  it("an element is unknown or repeated", () => {
    const xml = edited((doc) => {
      doc.documentElement.insertBefore(topLevel(doc, "Version").cloneNode(true), topLevel(doc, "ProviderName"));
    });
    expect(check(xml)).toContain("<Version> appears more than once");
    expect(check(source.replace("<Hosts>", "<Hostz/><Hosts>"))).toContain("unknown element <Hostz> under OfficeApp");
  });

  it("the XML is not well-formed", () => {
    const problems = check(source.replace("</Permissions>", "</Permission>"));
    expect(problems.length).toBe(1);
    expect(problems[0]).toMatch(/^not well-formed XML/);
    expect(check(source.slice(0, source.length / 2))[0]).toMatch(/^not well-formed XML/);
  });

  it("the id is not a GUID or the version is malformed", () => {
    expect(check(source.replace(/<Id>[^<]+<\/Id>/, "<Id>huizong</Id>"))).toContain('<Id> must be a GUID, found "huizong"');
    expect(check(source.replace(/<Version>[^<]+<\/Version>/, "<Version>v0.1</Version>"))).toContain('<Version> must look like 1.0.0.0 (up to four numbers), found "v0.1"');
    expect(check(source.replace(/<Version>[^<]+<\/Version>/, "<Version>1.0.0.0.0</Version>")).length).toBe(1);
  });

  it("a URL is plain http", () => {
    const xml = source.replace('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>');
    expect(check(xml)).toContain("<SourceLocation> DefaultValue must be an https URL, found http://localhost:3000/taskpane.html");
  });

  it("an icon or page is not something the build emits", () => {
    const without = new Set([...emitted].filter((f) => f !== "assets/icon-80.png" && f !== "commands.html"));
    const problems = check(source, DEV, without);
    expect(problems).toContain('<bt:Image id="Icon.80x80"> DefaultValue https://localhost:3000/assets/icon-80.png names assets/icon-80.png, which the build does not emit');
    expect(problems).toContain('<bt:Url id="Commands.Url"> DefaultValue https://localhost:3000/commands.html names commands.html, which the build does not emit');
    expect(problems.length).toBe(2);
    expect(check(source.replaceAll("assets/icon-32.png", "assets/icon-33.png")).length).toBe(2); // IconUrl and the ribbon's 32 px image
  });

  it("permissions are wider (or narrower) than ReadWriteDocument", () => {
    expect(check(source.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"))).toContain(
      '<Permissions> must be ReadWriteDocument, found "ReadWriteMailbox"',
    );
    expect(check(source.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>")).length).toBe(1);
  });

  it("requirements ask for more than ExcelApi 1.2", () => {
    expect(check(source.replace('<Set Name="ExcelApi" MinVersion="1.2"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>'))).toContain(
      '<Requirements> must ask for ExcelApi 1.2 only, found ["ExcelApi 1.7"]',
    );
    expect(check(source.replace('<Set Name="ExcelApi" MinVersion="1.2"/>', '<Set Name="ExcelApi" MinVersion="1.2"/><Set Name="DialogApi" MinVersion="1.1"/>')).length).toBe(1);
  });

  it("the default locale is not zh-CN or an en-US override is missing", () => {
    expect(check(source.replace("<DefaultLocale>zh-CN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"))).toContain('<DefaultLocale> must be zh-CN, found "en-US"');
    expect(check(source.replace('<Override Locale="en-US" Value="Recommendation Summary Assistant"/>', ""))).toContain("<DisplayName> has no en-US <Override>");
    expect(check(source.replace('<bt:Override Locale="en-US" Value="Recommendations"/>', ""))).toContain('<bt:String id="Group.Label"> has no en-US <bt:Override>');
  });

  it("a resid points at nothing", () => {
    expect(check(source.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'))).toContain('<Label> refers to resid "Group.Lable", which <Resources> does not define');
  });

  it("the host is not Excel", () => {
    expect(check(source.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'))).toContain('<Hosts> must hold exactly <Host Name="Workbook"/>, found ["Document"]');
  });
});
