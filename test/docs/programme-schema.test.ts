/** docs/programme.schema.json is what the zod schema generates today (run scripts/programme-schema.ts after a change). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { programmeSchemaText } from "../../src/domain/bundle-schema";
import { ROW_RULE_KINDS, SET_RULE_KINDS } from "../../src/domain/programme";

const shipped = readFileSync(join(__dirname, "..", "..", "docs", "programme.schema.json"), "utf8");

describe("docs/programme.schema.json", () => {
  it("is up to date with the zod schema (npx tsx scripts/programme-schema.ts)", () => {
    expect(shipped).toBe(programmeSchemaText());
  });
  it("describes the envelope and every rule kind", () => {
    const schema = JSON.parse(shipped);
    expect(schema.properties.format.const).toBe("huizong-programme");
    expect(schema.properties.version.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(["format", "version", "programme"]));
    for (const kind of [...ROW_RULE_KINDS, ...SET_RULE_KINDS]) expect(shipped).toContain(`"const": "${kind}"`);
  });
});
