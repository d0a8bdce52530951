/**
 * The built-in programmes, by id: the one place that looks a programme up by its id. The engine
 * (check, export planning) takes a Programme object and never comes here; the CLI, the pane's
 * engine binding, scripts and tests do.
 */
import type { Programme } from "./programme";
import { PROGRAMMES } from "./programmes/index";

export function listProgrammes(): readonly Programme[] {
  return PROGRAMMES;
}

export function getProgramme(id: string): Programme | undefined {
  return PROGRAMMES.find((p) => p.id === id);
}

/** A built-in the caller knows exists (tests, scripts): an unknown id is a bug there, so it throws. */
export function builtinProgramme(id: string): Programme {
  const p = getProgramme(id);
  if (!p) throw new Error(`unknown programme id “${id}”: ${PROGRAMMES.map((q) => q.id).join(", ")}`);
  return p;
}
