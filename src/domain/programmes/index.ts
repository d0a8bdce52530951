/**
 * The built-in programmes, stored as programme files (bundles) exactly as `huizong programmes export`
 * writes them: the one source the engine, pane, CLI and docs/rules.md read. Each is parsed by the same
 * code as an imported file when this module loads, so a broken built-in fails the first test.
 */
import { parseBundleData } from "../bundle";
import type { Programme, ProgrammeInput } from "../programme";
import js2023Platform from "./js-2023-platform.json";
import js2023BenchmarkFactory from "./js-2023-benchmark-factory.json";
import js2023StarCloud from "./js-2023-star-cloud.json";
import sd2023Platform from "./sd-2023-platform.json";
import js2020666 from "./js-2020-666.json";
import sd2024Gfbj2 from "./sd-2024-gfbj-2.json";

const FILES: readonly [file: string, data: unknown][] = [
  ["js-2023-platform.json", js2023Platform],
  ["js-2023-benchmark-factory.json", js2023BenchmarkFactory],
  ["js-2023-star-cloud.json", js2023StarCloud],
  ["sd-2023-platform.json", sd2023Platform],
  ["js-2020-666.json", js2020666],
  ["sd-2024-gfbj-2.json", sd2024Gfbj2],
];

const LOADED = FILES.map(([file, data]) => {
  const parsed = parseBundleData(data);
  if (!parsed.ok) throw new Error(`built-in programme file ${file} is invalid: ${parsed.problems.map((p) => `${p.path} ${p.en}`).join("; ")}`);
  return parsed;
});

/** The built-ins as their files state them (what a person copies and edits). */
export const PROGRAMME_INPUTS: readonly ProgrammeInput[] = LOADED.map((l) => l.bundle.programme);

export const PROGRAMMES: readonly Programme[] = LOADED.map((l) => l.programme);

/** A built-in's definition as its file states it (deep copy: callers may change it). */
export function builtinInput(id: string): ProgrammeInput {
  const input = PROGRAMME_INPUTS.find((p) => p.id === id);
  if (!input) throw new Error(`unknown built-in programme ${id}`);
  return JSON.parse(JSON.stringify(input)) as ProgrammeInput;
}
