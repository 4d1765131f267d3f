import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../scripts/lib/backend-process.js";
import type { Benchmark, Figures } from "./harness.js";
import { startupBenchmark } from "./startup.bench.js";

/** `npm run bench [-- name ...]`: runs the benchmarks, prints each figure, merges them into bench/results.json. */
const ALL: Benchmark[] = [startupBenchmark];

const wanted = process.argv.slice(2);
const selected = wanted.length === 0 ? ALL : ALL.filter((b) => wanted.includes(b.name));
const resultsPath = join(REPO_ROOT, "bench", "results.json");
let results: Figures = {};
try {
  results = JSON.parse(readFileSync(resultsPath, "utf8")) as Figures;
} catch {
  results = {};
}

let failed = false;
for (const bench of selected) {
  console.log(`# ${bench.name}`);
  try {
    const figures = await bench.run();
    for (const [name, figure] of Object.entries(figures)) {
      console.log(`${name}: ${figure.value} ${figure.unit}`);
      results[name] = figure;
    }
  } catch (e) {
    failed = true;
    console.error(`${bench.name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
  mkdirSync(join(REPO_ROOT, "bench"), { recursive: true });
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
}
console.log(`results written to ${resultsPath}`);
process.exit(failed ? 1 : 0);
