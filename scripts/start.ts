import { spawn } from "node:child_process";
import { REPO_ROOT } from "./lib/backend-process.js";
import { ELECTRON_MISSING, findElectronBinary } from "./lib/electron-binary.js";
import { argsOrExit, backendOrExit, fail } from "./lib/launch.js";

/** `npm start`: the reference backend with its simulated city, then the Electron console. */
async function main(): Promise<void> {
  const args = argsOrExit("npm start");
  if (args === null) return;
  const electron = findElectronBinary();
  if (electron === null) fail(ELECTRON_MISSING);
  const { backend, backendUrl } = await backendOrExit(args);
  const child = spawn(electron, [REPO_ROOT], { stdio: "inherit", env: { ...process.env, IOC_BACKEND_URL: backendUrl } });
  child.once("exit", (code) => {
    void (backend?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? 0));
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.once("SIGINT", forward("SIGINT"));
  process.once("SIGTERM", forward("SIGTERM"));
}

void main();
