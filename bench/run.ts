import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../scripts/lib/backend-process.js";
import type { Benchmark, Figures } from "./harness.js";
import { mapBenchmark } from "./map.bench.js";
import { startupBenchmark } from "./startup.bench.js";
import { wallBenchmark } from "./wall.bench.js";
import { alarmsBenchmark } from "./alarms.bench.js";
import { syncBenchmark } from "./sync.bench.js";
import { workstationBenchmark } from "./workstation.bench.js";

/** `npm run bench [-- name ...]`: runs the benchmarks, prints each figure, merges them into bench/results.json. */
const ALL: Benchmark[] = [startupBenchmark, alarmsBenchmark, mapBenchmark, syncBenchmark, workstationBenchmark, wallBenchmark];

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
