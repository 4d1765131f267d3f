import type { Benchmark } from "./harness.js";
import { runSoak } from "./soak.js";

/** A 30-minute compressed shift (soak.ts); figures as measured, failures only logged (npm run soak fails on them). */
export const soakBenchmark: Benchmark = {
  name: "soak",
  async run() {
    const result = await runSoak(30);
    for (const failure of result.failures) console.log(`soak: ${failure}`);
    return result.figures;
  },
};
