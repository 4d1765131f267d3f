import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { JsonSettingsStore } from "../electron/core/settings/json-settings-store.js";
import { startConsoleCoreInWorker } from "../electron/core/worker/core-host.js";
import { STREET_MAP_RELATIVE_PATH } from "../shared/basemap/street-map-file.js";
import { needsMallocArenaRelaunch, relaunchWithBoundedMallocArenas } from "../backend/runtime/malloc-arenas.js";
import { REPO_ROOT } from "./lib/backend-process.js";
import { freePort } from "./lib/free-port.js";
import { argsOrExit, backendOrExit, fail } from "./lib/launch.js";

function readCaOrExit(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    fail(`Cannot read the backend's CA certificate ${file}: ${(e as { code?: string }).code ?? String(e)}.`);
  }
}

/**
 * Run from its bundle (dist/console/serve.mjs, see build-console.ts) the workers are the bundled
 * files beside it; under tsx the core host finds their TypeScript sources itself.
 */
const BUNDLED_WORKERS = import.meta.url.endsWith(".mjs")
  ? { workerPath: fileURLToPath(new URL("./core-worker.mjs", import.meta.url)), decoderWorkerPath: fileURLToPath(new URL("./page-decoder-worker.mjs", import.meta.url)) }
  : {};

function quotaBytesOrExit(megabytes: string): number {
  const value = Number(megabytes);
  if (!Number.isFinite(value) || value <= 0) fail(`--cache-quota-mb must be a number of megabytes above 0, not "${megabytes}".`);
  return Math.floor(value * 1024 * 1024);
}

/** `npm run serve`: the reference backend (unless --backend-url) and the browser console. */
async function main(): Promise<void> {
  const args = argsOrExit("npm run serve");
  if (args === null) return;
  // The port is fixed before the backend starts: the backend lets this console's origin play its streams.
  const port = Number(args.port) === 0 ? await freePort() : Number(args.port);
  const { backend, backendUrl } = await backendOrExit(args, `http://${args.host}:${port}`);
  const dataDir = resolve(args["data-dir"]);
  const settings = new JsonSettingsStore(join(dataDir, "settings.json"), {
    backendUrl,
    ...(args.operator ? { operatorId: args.operator } : {}),
  });
  if (settings.warning) console.warn(settings.warning);
  // The web server's packages (fastify and its plugins) load while the core worker opens the
  // cache on the other core, instead of before it starts.
  const webServer = import("../electron/web/console-web-server.js");
  let core;
  try {
    core = await startConsoleCoreInWorker({
      dataDir,
      settings,
      demo: args.demo,
      ...BUNDLED_WORKERS,
      ...(args["cache-quota-mb"] ? { cacheQuotaBytes: quotaBytesOrExit(args["cache-quota-mb"]) } : {}),
      ...(args["backend-ca"] ? { backendCa: readCaOrExit(args["backend-ca"]) } : {}),
      ...(args["backend-fallback-url"] ? { backendFallbackUrls: args["backend-fallback-url"] } : {}),
      ...(args.operator ? { autoSignIn: args.operator } : {}),
      streetMapFile: resolve(args["street-map"] ?? join(REPO_ROOT, STREET_MAP_RELATIVE_PATH)),
      log: (line) => console.log(`[console] ${line}`),
    });
  } catch (e) {
    await backend?.stop();
    fail(`The console could not open its local cache: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const notice of core.notices) console.warn(notice);
  let server;
  try {
    const { startConsoleWebServer } = await webServer;
    server = await startConsoleWebServer({
      service: core.port,
      rendererDir: join(REPO_ROOT, "dist", "renderer"),
      port,
      host: args.host,
      backendUrl,
    });
  } catch (e) {
    await core.close();
    await backend?.stop();
    const code = (e as { code?: string }).code;
    fail(code === "EADDRINUSE" ? `Port ${args.port} is already in use: stop the other IOC console or pass --port <free port>.` : e instanceof Error ? e.message : String(e));
  }
  console.log(`IOC console ready at ${server.url} (backend ${backendUrl})`);
  if (args.demo) console.log("Demo city: operators op-01, op-02, sup-01 and view-01 sign in with the password uongbi-<id> (e.g. uongbi-op-01).");
  const shutdown = async () => {
    await server.close();
    await core.close();
    await backend?.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  backend?.child.once("exit", (code) => {
    if (code !== 0 && code !== null) console.warn(`The embedded backend exited (code ${code}); the console keeps working from its cache.`);
  });
}

if (needsMallocArenaRelaunch()) relaunchWithBoundedMallocArenas();
else void main();
