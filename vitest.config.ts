import { configDefaults, defineConfig } from "vitest/config";

// Tests that time real llama.cpp runs on every core (or load every core on purpose). They run after the rest, alone: sharing the
// two cores with Neovim editors and hosts would slow those past their waits and skew the timings.
const timing = ["test/calibration/real-bench.test.ts", "test/calibration/real-waits.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Editor tests each run a Neovim and a host; two cores do not gain from more workers.
    maxWorkers: 2,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "suite", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...timing] } },
      // a later group order: vitest starts this project once every file of "suite" has finished, and
      // runs its files one at a time (real-waits loads every core, which would skew real-bench)
      { extends: true, test: { name: "timing", include: timing, sequence: { groupOrder: 1 }, fileParallelism: false } },
    ],
  },
});
