import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./lib/backend-process.js";
import { testHookMarkersIn } from "./lib/test-hook-markers.js";

/** After a production renderer build: fails, naming file and hook, if any test-only hook was bundled. */
const assets = join(REPO_ROOT, "dist", "renderer", "assets");
let files: string[];
try {
  files = readdirSync(assets).filter((name) => name.endsWith(".js"));
} catch {
  console.error(`No renderer bundle at ${assets}: run "npm run build:renderer" first.`);
  process.exit(1);
}
const found = files.flatMap((name) => testHookMarkersIn(readFileSync(join(assets, name), "utf8")).map((marker) => `${name}: ${marker}`));
if (found.length > 0) {
  console.error(`The production renderer bundle holds test-only hooks (${found.join(", ")}); guard them with __IOC_TEST_HOOKS__.`);
  process.exit(1);
}
console.log(`Production renderer bundle: ${files.length} scripts, no test-only hooks.`);
