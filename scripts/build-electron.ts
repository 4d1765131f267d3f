import { build } from "esbuild";
import { join } from "node:path";
import { REPO_ROOT } from "./lib/backend-process.js";

/**
 * Bundles the Electron shell. Main: Node CJS with electron and the native module external.
 * Preload: one CJS file, since a sandboxed preload cannot load other files.
 */
await build({
  entryPoints: {
    main: join(REPO_ROOT, "electron/main/main.ts"),
    "core-worker": join(REPO_ROOT, "electron/core/worker/core-worker.ts"),
    "page-decoder-worker": join(REPO_ROOT, "electron/core/worker/page-decoder-worker.ts"),
  },
  outdir: join(REPO_ROOT, "dist/electron"),
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node22",
  external: ["electron", "better-sqlite3"],
  sourcemap: true,
  logLevel: "warning",
  // The worker's path is passed in explicitly in Electron; the import.meta fallback is for tsx only.
  logOverride: { "empty-import-meta": "silent" },
});
await build({
  entryPoints: { preload: join(REPO_ROOT, "electron/preload/preload.ts") },
  outdir: join(REPO_ROOT, "dist/electron"),
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node22",
  external: ["electron"],
  logLevel: "warning",
});
console.log("Electron shell built in dist/electron");
