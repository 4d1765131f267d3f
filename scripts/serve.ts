import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { JsonSettingsStore } from "../electron/core/settings/json-settings-store.js";
import { startConsoleCoreInWorker } from "../electron/core/worker/core-host.js";
import { STREET_MAP_RELATIVE_PATH } from "../shared/basemap/street-map-file.js";
import { needsMallocArenaRelaunch, relaunchWithBoundedMallocArenas } from "../backend/runtime/malloc-arenas.js";
import { REPO_ROOT } from "./lib/backend-process.js";
import { freePort } from "./lib/free-port.js";
import { argsOrExit, backendOrExit, fail, provinceStackOrExit, type ConsoleArgs } from "./lib/launch.js";
import { PROVINCE_CENTRES, type CentreId } from "./lib/province-stack.js";

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

interface ServedConsole {
  url: string;
  close(): Promise<void>;
}

/** One browser console: its core (cache, sync) in a worker, and the web server that serves the renderer to it. */
async function serveConsole(args: ConsoleArgs, backendUrl: string, port: number, dataDir: string, stopBackends: () => Promise<void>): Promise<ServedConsole> {
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
    await stopBackends();
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
    await stopBackends();
    const code = (e as { code?: string }).code;
    fail(code === "EADDRINUSE" ? `Port ${port} is already in use: stop the other IOC console or pass --port <free port>.` : e instanceof Error ? e.message : String(e));
  }
  const served = server;
  return {
    url: served.url,
    close: async () => {
      await served.close();
      await core.close();
    },
  };
}

const DEMO_OPERATORS = "operators op-01, op-02, sup-01 and view-01 sign in with the password uongbi-<id> (e.g. uongbi-op-01)";

/** `--province`: the province's backend and two cities' (see province-stack.ts), and a browser console for each. */
async function serveProvince(args: ConsoleArgs): Promise<void> {
  const basePort = Number(args.port);
  const consolePorts = Object.fromEntries(
    await Promise.all(PROVINCE_CENTRES.map(async (c) => [c.id, basePort === 0 ? await freePort() : basePort + c.offset] as const)),
  ) as Record<CentreId, number>;
  const origins = Object.fromEntries(PROVINCE_CENTRES.map((c) => [c.id, `http://${args.host}:${consolePorts[c.id]}`])) as Record<CentreId, string>;
  const running = await provinceStackOrExit(args, origins);
  const consoles: ServedConsole[] = [];
  for (const centre of running.centres) {
    const served = await serveConsole(args, centre.backend.url, consolePorts[centre.id], resolve(`${args["data-dir"]}-province`, centre.id), running.stop);
    consoles.push(served);
    console.log(`IOC console of ${centre.name} ready at ${served.url} (backend ${centre.backend.url})`);
  }
  if (args.demo) console.log(`Demo centres: in each, ${DEMO_OPERATORS}. Cẩm Phả's wards are synthetic.`);
  const shutdown = async () => {
    for (const served of consoles) await served.close();
    await running.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

/** `npm run serve`: the reference backend (unless --backend-url) and the browser console. */
async function main(): Promise<void> {
  const args = argsOrExit("npm run serve");
  if (args === null) return;
  if (args.province) return serveProvince(args);
  // The port is fixed before the backend starts: the backend lets this console's origin play its streams.
  const port = Number(args.port) === 0 ? await freePort() : Number(args.port);
  const { backend, backendUrl } = await backendOrExit(args, `http://${args.host}:${port}`);
  const served = await serveConsole(args, backendUrl, port, resolve(args["data-dir"]), async () => {
    await backend?.stop();
  });
  console.log(`IOC console ready at ${served.url} (backend ${backendUrl})`);
  if (args.demo) console.log(`Demo city: ${DEMO_OPERATORS}.`);
  const shutdown = async () => {
    await served.close();
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
