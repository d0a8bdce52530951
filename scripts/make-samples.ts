/**
 * Writes samples/<id>.xlsx for every sample in src/samples (the single source) and the CSV copies
 * a sample asks for as samples/<id>.csv: GB18030 (as Chinese Windows Excel saves "CSV (逗号分隔)")
 * or UTF-8 with BOM ("CSV UTF-8"). Run: npx tsx scripts/make-samples.ts [outDir]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SAMPLES } from "../src/samples/index";
import { sampleCsvBytes, sampleXlsxBuffer } from "./sample-files";

/** samples/<id>.csv; a sample written in both encodings gets <id>.csv (GB18030) and <id>.utf8.csv. */
export function csvFileName(id: string, encoding: "gb18030" | "utf8-bom", both: boolean): string {
  return both && encoding === "utf8-bom" ? `${id}.utf8.csv` : `${id}.csv`;
}

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? join(__dirname, "..", "samples"));
  mkdirSync(outDir, { recursive: true });
  for (const sample of SAMPLES) {
    const xlsx = join(outDir, `${sample.id}.xlsx`);
    writeFileSync(xlsx, await sampleXlsxBuffer(sample));
    console.log(`写入 ${xlsx}`);
    for (const encoding of sample.csv ?? []) {
      const csv = join(outDir, csvFileName(sample.id, encoding, (sample.csv ?? []).length > 1));
      writeFileSync(csv, sampleCsvBytes(sample, encoding));
      console.log(`写入 ${csv}（${encoding === "gb18030" ? "GB18030" : "UTF-8 BOM"}）`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
