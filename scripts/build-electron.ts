import { build } from "esbuild";
import { join } from "node:path";
import { REPO_ROOT } from "./lib/backend-process.js";

// Bundles the Electron shell. Main: Node CJS with electron and the native module external.
// Preload: one CJS file, since a sandboxed preload cannot load other files.

/** What both bundles share: one CJS file each in dist/electron, for Electron's Node. */
const shared = {
  outdir: join(REPO_ROOT, "dist/electron"),
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node22",
  logLevel: "warning",
} as const;

await build({
  ...shared,
  entryPoints: {
    main: join(REPO_ROOT, "electron/main/main.ts"),
    "core-worker": join(REPO_ROOT, "electron/core/worker/core-worker.ts"),
    "page-decoder-worker": join(REPO_ROOT, "electron/core/worker/page-decoder-worker.ts"),
  },
  external: ["electron", "better-sqlite3"],
  sourcemap: true,
  // The worker's path is passed in explicitly in Electron; the import.meta fallback is for tsx only.
  logOverride: { "empty-import-meta": "silent" },
});
await build({
  ...shared,
  entryPoints: { preload: join(REPO_ROOT, "electron/preload/preload.ts") },
  external: ["electron"],
});
console.log("Electron shell built in dist/electron");
