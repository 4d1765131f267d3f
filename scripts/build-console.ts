import { build } from "esbuild";
import { join } from "node:path";
import { REPO_ROOT } from "./lib/backend-process.js";

// Bundles the browser console (web server, core worker, page decoder worker) into plain ES modules
// in dist/console, so starting it runs JavaScript instead of compiling TypeScript first, as the
// Electron shell runs its own bundle. Packages stay in node_modules (found from dist/ upwards):
// better-sqlite3 is native, and pino and fastify load files of their own at run time.
await build({
  entryPoints: {
    serve: join(REPO_ROOT, "scripts/serve.ts"),
    "core-worker": join(REPO_ROOT, "electron/core/worker/core-worker.ts"),
    "page-decoder-worker": join(REPO_ROOT, "electron/core/worker/page-decoder-worker.ts"),
  },
  outdir: join(REPO_ROOT, "dist/console"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // The web server is imported dynamically (it loads while the core worker starts): its own chunk.
  splitting: true,
  sourcemap: true,
  logLevel: "warning",
});
console.log("Browser console built in dist/console");
