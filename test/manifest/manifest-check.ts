/**
 * An offline check of the add-in manifest — Microsoft's validator (`npm run validate`) needs its
 * online service, so the tests use this instead. It checks what can break a sideload or a store
 * submission and what this project promises: well-formed XML, the OfficeApp elements present and
 * in schema order, a GUID id, a version Office accepts, https everywhere, every icon and page URL
 * served by the build, minimal permissions (ReadWriteDocument), only ExcelApi 1.2 required,
 * zh-CN by default with an en-US override for every visible string, and no dangling resid.
 * Returns the problems found, one sentence each; an empty list means the manifest passes.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { DOMParser } from "@xmldom/xmldom";

const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/** The children of a TaskPaneApp OfficeApp, in the order the schema (OfficeApp 1.1) fixes. */
export const SCHEMA_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dependencies",
  "AllowSnapshot",
  "VersionOverrides",
  "ExtendedOverrides",
] as const;

/** Required by the schema, plus what this add-in promises (icons, Hosts, Requirements). */
export const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The schema's version type: one to four dot-separated numbers of up to five digits. */
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

export interface ManifestCheckOptions {
  /** The files the build emits, relative to the build root, with "/" separators. */
  emittedFiles: ReadonlySet<string>;
  /** Where the build root is served, ending with "/": https://localhost:3000/ or the production URL. */
  baseUrl: string;
}

/** Every file under dir, relative to it, with "/" separators. */
export function listFiles(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.add(relative(dir, full).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

type El = Element;

function childElements(el: El): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
}

function descendants(el: El): El[] {
  const out: El[] = [];
  const walk = (e: El): void => {
    for (const c of childElements(e)) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function where(el: El): string {
  const id = el.getAttribute("id");
  return `<${el.tagName}${id ? ` id="${id}"` : ""}>`;
}

export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const fail = (message: string): void => {
    problems.push(message);
  };

  // 1. Well-formed XML.
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") fail(`not well-formed XML: ${message.split("\n")[0]}`);
      },
    }).parseFromString(xml, "text/xml") as unknown as Document;
  } catch (err) {
    if (!problems.length) fail(`not well-formed XML: ${(err as Error).message.split("\n")[0]}`);
    return problems;
  }
  const root = doc?.documentElement as El | null;
  if (!root) {
    fail("no root element");
    return problems;
  }
  if (problems.length) return problems;

  // 2. The root: a task-pane OfficeApp in the 1.1 namespace.
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS_OFFICEAPP) {
    fail(`root element must be OfficeApp in ${NS_OFFICEAPP}, found ${root.tagName} in ${root.namespaceURI}`);
    return problems;
  }
  if (root.getAttributeNS(NS_XSI, "type") !== "TaskPaneApp") fail(`OfficeApp xsi:type must be TaskPaneApp, found "${root.getAttributeNS(NS_XSI, "type")}"`);

  // 3. Top-level elements: known, not repeated, required ones present, in schema order.
  const top = childElements(root);
  const byName = new Map<string, El>();
  let lastIndex = -1;
  let lastName = "";
  for (const el of top) {
    const name = el.localName ?? el.tagName;
    const index = (SCHEMA_ORDER as readonly string[]).indexOf(name);
    if (el.namespaceURI !== NS_OFFICEAPP && name !== "VersionOverrides") fail(`<${el.tagName}> is not in the OfficeApp namespace`);
    if (index < 0) {
      fail(`unknown element <${name}> under OfficeApp`);
      continue;
    }
    if (byName.has(name)) fail(`<${name}> appears more than once`);
    byName.set(name, el);
    if (index < lastIndex) fail(`<${name}> is out of schema order: it must come before <${lastName}>`);
    else {
      lastIndex = index;
      lastName = name;
    }
  }
  for (const name of REQUIRED) if (!byName.has(name)) fail(`required element <${name}> is missing`);

  const text = (name: string): string => byName.get(name)?.textContent?.trim() ?? "";
  const defaultValue = (name: string): string => byName.get(name)?.getAttribute("DefaultValue")?.trim() ?? "";

  // 4. Identity and version.
  if (byName.has("Id") && !GUID.test(text("Id"))) fail(`<Id> must be a GUID, found "${text("Id")}"`);
  if (byName.has("Version") && !VERSION.test(text("Version"))) fail(`<Version> must look like 1.0.0.0 (up to four numbers), found "${text("Version")}"`);
  if (byName.has("ProviderName") && !text("ProviderName")) fail("<ProviderName> is empty");

  // 5. Locale: zh-CN by default, an en-US override for the visible strings.
  if (byName.has("DefaultLocale") && text("DefaultLocale") !== "zh-CN") fail(`<DefaultLocale> must be zh-CN, found "${text("DefaultLocale")}"`);
  for (const [name, max] of [
    ["DisplayName", 125],
    ["Description", 250],
  ] as const) {
    const el = byName.get(name);
    if (!el) continue;
    const value = defaultValue(name);
    if (!value) fail(`<${name}> has no DefaultValue`);
    if (value.length > max) fail(`<${name}> DefaultValue is longer than ${max} characters`);
    const overrides = childElements(el).filter((c) => c.localName === "Override");
    const en = overrides.find((o) => o.getAttribute("Locale") === "en-US");
    if (!en || !en.getAttribute("Value")?.trim()) fail(`<${name}> has no en-US <Override>`);
    else if ((en.getAttribute("Value") ?? "").length > max) fail(`<${name}> en-US override is longer than ${max} characters`);
  }

  // 6. Excel only.
  const hosts = byName.get("Hosts");
  if (hosts) {
    const names = childElements(hosts).map((h) => h.getAttribute("Name"));
    if (names.length !== 1 || names[0] !== "Workbook") fail(`<Hosts> must hold exactly <Host Name="Workbook"/>, found ${JSON.stringify(names)}`);
  }

  // 7. Requirements: only ExcelApi 1.2, what the core needs (Office 2016/2019 volume licences).
  const requirements = byName.get("Requirements");
  if (requirements) {
    const parts = childElements(requirements);
    const sets = parts.filter((p) => p.localName === "Sets");
    if (parts.some((p) => p.localName !== "Sets")) fail("<Requirements> may hold only <Sets>: methods are detected at run time");
    const all = sets.flatMap((s) => childElements(s).map((set) => ({ set, defaultMin: s.getAttribute("DefaultMinVersion") })));
    const described = all.map(({ set, defaultMin }) => `${set.getAttribute("Name")} ${set.getAttribute("MinVersion") ?? defaultMin ?? "?"}`);
    if (described.length !== 1 || described[0] !== "ExcelApi 1.2") fail(`<Requirements> must ask for ExcelApi 1.2 only, found ${JSON.stringify(described)}`);
  }

  // 8. Minimal permissions.
  if (byName.has("Permissions") && text("Permissions") !== "ReadWriteDocument") fail(`<Permissions> must be ReadWriteDocument, found "${text("Permissions")}"`);

  // 9. The pane's page.
  const settings = byName.get("DefaultSettings");
  if (settings && !childElements(settings).some((c) => c.localName === "SourceLocation" && c.getAttribute("DefaultValue"))) {
    fail("<DefaultSettings> has no <SourceLocation DefaultValue>");
  }

  // 10. URLs: https only; icons and pages must be files the build emits.
  const base = options.baseUrl;
  const checkUrl = (el: El, attr: string, mustResolve: boolean): void => {
    const url = el.getAttribute(attr)?.trim() ?? "";
    if (!url) {
      fail(`${where(el)} has an empty ${attr}`);
      return;
    }
    if (!url.startsWith("https://")) fail(`${where(el)} ${attr} must be an https URL, found ${url}`);
    if (!mustResolve) return;
    if (!url.startsWith(base)) {
      fail(`${where(el)} ${attr} ${url} is not under the build's URL ${base}`);
      return;
    }
    const file = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0] ?? "");
    if (!options.emittedFiles.has(file)) fail(`${where(el)} ${attr} ${url} names ${file || "(nothing)"}, which the build does not emit`);
  };
  const all = descendants(root);
  const urlElements: [string, boolean][] = [
    ["IconUrl", true],
    ["HighResolutionIconUrl", true],
    ["SourceLocation", true],
    ["SupportUrl", false],
  ];
  for (const [name, mustResolve] of urlElements) {
    for (const el of all.filter((e) => e.localName === name && e.getAttribute("DefaultValue") !== null)) {
      checkUrl(el, "DefaultValue", mustResolve);
      for (const o of childElements(el).filter((c) => c.localName === "Override")) checkUrl(o, "Value", mustResolve);
    }
  }
  for (const el of all.filter((e) => e.localName === "AppDomain")) {
    const url = el.textContent?.trim() ?? "";
    if (!url.startsWith("https://")) fail(`<AppDomain> must be an https URL, found ${url}`);
  }

  // 11. VersionOverrides: resources with https URLs the build emits, en-US overrides, no dangling resid.
  const overrides = byName.get("VersionOverrides");
  if (overrides) {
    const resources = all.filter((e) => e.localName === "Resources")[0];
    const ids = new Set<string>();
    if (resources) {
      for (const el of descendants(resources)) {
        const ns = el.namespaceURI;
        if (ns !== NS_BT) continue;
        const id = el.getAttribute("id");
        if (!id) continue;
        if (ids.has(id)) fail(`resource id "${id}" is defined twice`);
        ids.add(id);
        const group = (el.parentNode as El | null)?.localName;
        if (group === "Images" || group === "Urls") {
          checkUrl(el, "DefaultValue", true);
          for (const o of childElements(el).filter((c) => c.localName === "Override")) checkUrl(o, "Value", true);
        }
        if (group === "ShortStrings" || group === "LongStrings") {
          const max = group === "ShortStrings" ? 125 : 250;
          if ((el.getAttribute("DefaultValue") ?? "").length > max) fail(`${where(el)} is longer than ${max} characters`);
          if (!childElements(el).some((c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US")) fail(`${where(el)} has no en-US <bt:Override>`);
        }
      }
    } else {
      fail("<VersionOverrides> has no <Resources>");
    }
    for (const el of descendants(overrides)) {
      const resid = el.getAttribute("resid");
      if (resid !== null && !ids.has(resid)) fail(`${where(el)} refers to resid "${resid}", which <Resources> does not define`);
    }
  }

  return problems;
}
