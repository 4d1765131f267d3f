import { join, resolve } from "node:path";
import { JsonSettingsStore } from "../electron/core/settings/json-settings-store.js";
import { startConsoleWebServer } from "../electron/web/console-web-server.js";
import { startConsoleCoreInWorker } from "../electron/core/worker/core-host.js";
import { parseConsoleArgs, USAGE } from "./lib/args.js";
import { REPO_ROOT, spawnBackend, type BackendProcess } from "./lib/backend-process.js";

/** `npm run serve`: the reference backend (unless --backend-url) and the browser console. */
async function main(): Promise<void> {
  let args: ReturnType<typeof parseConsoleArgs>;
  try {
    args = parseConsoleArgs(process.argv.slice(2));
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  if (args.help) {
    console.log(`npm run serve -- [options]\n${USAGE}`);
    return;
  }
  let backend: BackendProcess | null = null;
  let backendUrl = args["backend-url"];
  if (backendUrl === undefined) {
    const extra = [
      ...(args["no-video"] ? ["--no-video"] : []),
      ...(args["no-simulator"] ? ["--no-simulator"] : []),
      ...(args["alarm-interval-ms"] ? ["--alarm-interval-ms", args["alarm-interval-ms"]] : []),
    ];
    try {
      backend = await spawnBackend({ port: Number(args["backend-port"]), dataDir: resolve(args["backend-data-dir"]), extraArgs: extra, inheritOutput: true });
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
    backendUrl = backend.url;
  }
  const dataDir = resolve(args["data-dir"]);
  const settings = new JsonSettingsStore(join(dataDir, "settings.json"), {
    backendUrl,
    ...(args.operator ? { operatorId: args.operator } : {}),
  });
  if (settings.warning) console.warn(settings.warning);
  let core;
  try {
    core = await startConsoleCoreInWorker({ dataDir, settings, log: (line) => console.log(`[console] ${line}`) });
  } catch (e) {
    await backend?.stop();
    fail(`The console could not open its local cache: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const notice of core.notices) console.warn(notice);
  let server;
  try {
    server = await startConsoleWebServer({
      service: core.port,
      rendererDir: join(REPO_ROOT, "dist", "renderer"),
      port: Number(args.port),
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

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

void main();
