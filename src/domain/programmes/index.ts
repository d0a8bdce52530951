/** The six programme definitions, each parsed by the Programme schema when this module loads. */
import { Programme, type ProgrammeInput } from "../programme";
import { js666Programme } from "./js-2020-666";
import { jsBenchmarkFactoryProgramme } from "./js-2023-benchmark-factory";
import { jsPlatformProgramme } from "./js-2023-platform";
import { jsStarCloudProgramme } from "./js-2023-star-cloud";
import { sdPlatformProgramme } from "./sd-2023-platform";
import { sdGfbj2Programme } from "./sd-2024-gfbj-2";

export const PROGRAMME_INPUTS: readonly ProgrammeInput[] = [
  jsPlatformProgramme,
  jsBenchmarkFactoryProgramme,
  jsStarCloudProgramme,
  sdPlatformProgramme,
  js666Programme,
  sdGfbj2Programme,
];

function load(input: ProgrammeInput): Programme {
  const parsed = Programme.safeParse(input);
  if (!parsed.success) throw new Error(`programme definition ${String(input.id)} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

export const PROGRAMMES: readonly Programme[] = PROGRAMME_INPUTS.map(load);
