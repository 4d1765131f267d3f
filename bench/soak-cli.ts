import { parseArgs } from "node:util";
import { runSoak } from "./soak.js";

/** `npm run soak -- --minutes N`: a compressed shift (see soak.ts); exits 1 when memory keeps growing or a tile stalled. */
const { values } = parseArgs({ options: { minutes: { type: "string", default: "30" } }, strict: true });
const minutes = Number(values.minutes);
if (!Number.isFinite(minutes) || minutes < 3) {
  console.error(`--minutes must be a number of minutes, at least 3 (the first third is warm-up), not "${values.minutes}".`);
  process.exit(2);
}
const result = await runSoak(minutes);
for (const [name, figure] of Object.entries(result.figures)) console.log(`${name}: ${figure.value} ${figure.unit}`);
if (result.failures.length > 0) {
  for (const failure of result.failures) console.error(`soak failed: ${failure}`);
  process.exit(1);
}
console.log("soak passed: no growth past the limit, no stalled tile.");
