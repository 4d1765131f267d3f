import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { parseConsoleArgs, USAGE } from "./lib/args.js";
import { REPO_ROOT, spawnBackend, type BackendProcess } from "./lib/backend-process.js";
import { ELECTRON_MISSING, findElectronBinary } from "./lib/electron-binary.js";

/** `npm start`: the reference backend with its simulated city, then the Electron console. */
async function main(): Promise<void> {
  let args: ReturnType<typeof parseConsoleArgs>;
  try {
    args = parseConsoleArgs(process.argv.slice(2));
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  if (args.help) {
    console.log(`npm start -- [options]\n${USAGE}`);
    return;
  }
  const electron = findElectronBinary();
  if (electron === null) fail(ELECTRON_MISSING);

  let backend: BackendProcess | null = null;
  let backendUrl = args["backend-url"];
  if (backendUrl === undefined) {
    try {
      backend = await spawnBackend({
        port: Number(args["backend-port"]),
        dataDir: resolve(args["backend-data-dir"]),
        extraArgs: [...(args["no-video"] ? ["--no-video"] : []), ...(args["no-simulator"] ? ["--no-simulator"] : [])],
        inheritOutput: true,
      });
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
    backendUrl = backend.url;
  }
  const child = spawn(electron, [REPO_ROOT], { stdio: "inherit", env: { ...process.env, IOC_BACKEND_URL: backendUrl } });
  child.once("exit", (code) => {
    void backend?.stop().then(() => process.exit(code ?? 0));
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.once("SIGINT", forward("SIGINT"));
  process.once("SIGTERM", forward("SIGTERM"));
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

void main();
