// Advice across machines, for `llmfit compare` and the report's compare screen: how many catalog
// models run on each machine (and entirely on its GPU), and the best one — the same advice the
// report gives for that machine, not a second ranking.
import { simulateHardware, type SimulateOptions } from "../hardware/simulate.js";
import type { Hardware } from "../hardware/types.js";
import { CATALOG } from "../models/catalog.js";
import { advise, DEFAULT_VIEW, type Advisor, type ModelRow, type ModelsView, type Recommendations } from "./advise.js";
import { DEFAULT_POLICY, type AdvicePolicy } from "./policy.js";

/** Reference machines `llmfit compare` and the compare screen show beside this one by default. */
export const COMPARE_WITH = ["Apple M1 8GB", "RTX 3070", "RTX 4090", "T4"] as const;

export interface ComparedMachine {
  readonly label: string;
  readonly hardware: Hardware;
}

export function compareMachines(names: readonly string[], o: SimulateOptions = {}): readonly ComparedMachine[] {
  return names.map((n) => ({ label: n, hardware: simulateHardware(n, o) }));
}

export interface MachineFit {
  readonly onGpu: number;
  readonly runs: number;
  readonly considered: number;
  readonly best?: ModelRow;
}

export function machineFit(rec: Recommendations): MachineFit {
  return {
    onGpu: rec.rows.filter((r) => r.verdict === "gpu").length,
    runs: rec.rows.length,
    considered: rec.considered,
    ...(rec.best ? { best: rec.best } : {}),
  };
}

export function adviseMachine(hw: Hardware, advisor: Advisor, view: ModelsView = DEFAULT_VIEW, policy: AdvicePolicy = DEFAULT_POLICY): MachineFit {
  return machineFit(advise(CATALOG, hw, advisor, { view, policy }));
}
