/**
 * Writes docs/programme.schema.json: the JSON Schema of a programme file, generated from the zod schema
 * the program validates with (what it cannot express — cross-references, real dates — `programmes validate` checks).
 * Run: npx tsx scripts/programme-schema.ts   (test/docs/programme-schema.test.ts fails when it is out of date)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { programmeSchemaText } from "../src/domain/bundle-schema";

writeFileSync(join(__dirname, "..", "docs", "programme.schema.json"), programmeSchemaText());
