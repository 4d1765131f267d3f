import { spawn } from "node:child_process";
import { ELECTRON_CONSOLE_ORIGIN } from "../shared/protocol/session.js";
import { withBoundedMallocArenas } from "../backend/runtime/malloc-arenas.js";
import { REPO_ROOT } from "./lib/backend-process.js";
import { ELECTRON_MISSING, findElectronBinary } from "./lib/electron-binary.js";
import { argsOrExit, backendOrExit, fail } from "./lib/launch.js";

/** `npm start`: the reference backend with its simulated city, then the Electron console. */
async function main(): Promise<void> {
  const args = argsOrExit("npm start");
  if (args === null) return;
  const electron = findElectronBinary();
  if (electron === null) fail(ELECTRON_MISSING);
  const { backend, backendUrl } = await backendOrExit(args, ELECTRON_CONSOLE_ORIGIN);
  const env = {
    ...withBoundedMallocArenas(),
    IOC_BACKEND_URL: backendUrl,
    ...(args["backend-fallback-url"] ? { IOC_BACKEND_FALLBACK_URLS: args["backend-fallback-url"].join(",") } : {}),
    ...(args.demo ? { IOC_DEMO: "1" } : {}),
    ...(args.operator ? { IOC_DEMO_OPERATOR: args.operator } : {}),
  };
  if (args.demo) console.log("Demo city: operators op-01, op-02, sup-01 and view-01 sign in with the password uongbi-<id> (e.g. uongbi-op-01).");
  const child = spawn(electron, [REPO_ROOT], { stdio: "inherit", env });
  child.once("exit", (code) => {
    void (backend?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? 0));
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.once("SIGINT", forward("SIGINT"));
  process.once("SIGTERM", forward("SIGTERM"));
}

void main();
