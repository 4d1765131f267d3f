import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../scripts/lib/backend-process.js";
import { CHROMIUM_PATH } from "../scripts/lib/chromium.js";
import type { Benchmark, Figures } from "./harness.js";
import { mapBenchmark } from "./map.bench.js";
import { mergeResults, readResults, type RunInfo } from "./results-file.js";
import { startupBenchmark } from "./startup.bench.js";
import { wallBenchmark } from "./wall.bench.js";
import { alarmsBenchmark } from "./alarms.bench.js";
import { durabilityBenchmark } from "./durability.bench.js";
import { soakBenchmark } from "./soak.bench.js";
import { scaleBenchmark } from "./scale.bench.js";
import { syncBenchmark } from "./sync.bench.js";
import { workstationBenchmark } from "./workstation.bench.js";
import { recordingsBenchmark } from "./recordings.bench.js";
import { dashboardsBenchmark } from "./dashboards.bench.js";
import { provinceBenchmark } from "./province.bench.js";
import { provinceProfileBenchmark } from "./province-profile.bench.js";

/** `npm run bench [-- name ...]`: runs the benchmarks, prints each figure, records them in bench/results.json (see results-file.ts). */
const ALL: Benchmark[] = [
  startupBenchmark,
  alarmsBenchmark,
  mapBenchmark,
  syncBenchmark,
  workstationBenchmark,
  durabilityBenchmark,
  wallBenchmark,
  soakBenchmark,
  scaleBenchmark,
  recordingsBenchmark,
  dashboardsBenchmark,
  provinceBenchmark,
  provinceProfileBenchmark,
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !ALL.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`No benchmark called ${unknown.join(", ")}; there are ${ALL.map((b) => b.name).join(", ")}.`);
  process.exit(2);
}
const selected = wanted.length === 0 ? ALL : ALL.filter((b) => wanted.includes(b.name));
const resultsPath = join(REPO_ROOT, "bench", "results.json");

function git(...args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

// The code measured is the code built when the run starts: read before the benches, not after.
const measured = {
  commit: git("rev-parse", "HEAD") || "unknown",
  // The results file itself is not the code measured: a partial run after another leaves it changed.
  dirty: git("status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/results.json") !== "",
};

const outcomes = new Map<string, Figures | null>();
for (const bench of selected) {
  console.log(`# ${bench.name}`);
  try {
    const figures = await bench.run();
    for (const [name, figure] of Object.entries(figures)) console.log(`${name}: ${figure.value} ${figure.unit}`);
    outcomes.set(bench.name, figures);
  } catch (e) {
    console.error(`${bench.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    outcomes.set(bench.name, null);
  }
}

const run: RunInfo = {
  ...measured,
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion() },
  benches: selected.map((b) => b.name),
  failed: [...outcomes].filter(([, figures]) => figures === null).map(([name]) => name),
};
let previousText: string | null = null;
try {
  previousText = readFileSync(resultsPath, "utf8");
} catch {
  previousText = null;
}
const results = mergeResults(readResults(previousText), run, outcomes);
mkdirSync(join(REPO_ROOT, "bench"), { recursive: true });
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`results written to ${resultsPath}${results.run.mixed ? " (mixed: figures from more than one commit, or uncommitted changes)" : ""}`);
process.exit(run.failed.length > 0 ? 1 : 0);
