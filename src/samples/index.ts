/** Every bundled sample district list, one per programme. Browser-safe (no Node imports). */
import type { SampleSheet } from "./model";
import { jsPlatform } from "./js-2023-platform";
import { jsBenchmarkFactory } from "./js-2023-benchmark-factory";
import { jsStarCloud } from "./js-2023-star-cloud";
import { sdPlatform } from "./sd-2023-platform";
import { js666 } from "./js-2020-666";
import { sdGfbj2 } from "./sd-2024-gfbj-2";

export type { SampleSheet } from "./model";
export { sampleGrid, excelSerial } from "./model";
export { jsPlatform, jsBenchmarkFactory, jsStarCloud, sdPlatform, js666, sdGfbj2 };

export const SAMPLES: readonly SampleSheet[] = [jsPlatform, jsBenchmarkFactory, jsStarCloud, sdPlatform, js666, sdGfbj2];

export function getSample(id: string): SampleSheet | undefined {
  return SAMPLES.find((s) => s.id === id);
}
