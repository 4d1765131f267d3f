import { spawn } from "node:child_process";
import { ELECTRON_CONSOLE_ORIGIN } from "../shared/protocol/session.js";
import { withBoundedMallocArenas } from "../backend/runtime/malloc-arenas.js";
import { REPO_ROOT } from "./lib/backend-process.js";
import { ELECTRON_MISSING, findElectronBinary } from "./lib/electron-binary.js";
import { argsOrExit, backendOrExit, fail, provinceStackOrExit, type ConsoleArgs } from "./lib/launch.js";

/**
 * `--province`: the province's backend and two linked cities; the Electron console opens on Uông Bí
 * (its origin is allowed on all three), and a console for the others is one command away.
 */
async function provinceOrExit(args: ConsoleArgs): Promise<{ backend: { stop(): Promise<void> }; backendUrl: string }> {
  const stack = await provinceStackOrExit(args, { province: ELECTRON_CONSOLE_ORIGIN, "uong-bi": ELECTRON_CONSOLE_ORIGIN, "cam-pha": ELECTRON_CONSOLE_ORIGIN });
  const uongBi = stack.centres.find((c) => c.id === "uong-bi");
  if (uongBi === undefined) fail("The province chain started without Uông Bí.");
  for (const centre of stack.centres) {
    if (centre.id !== "uong-bi") console.log(`${centre.name}: backend ${centre.backend.url}; its console: npm run serve -- --backend-url ${centre.backend.url} --port <free port>`);
  }
  return { backend: stack, backendUrl: uongBi.backend.url };
}

/** `npm start`: the reference backend with its simulated city, then the Electron console. */
async function main(): Promise<void> {
  const args = argsOrExit("npm start");
  if (args === null) return;
  const electron = findElectronBinary();
  if (electron === null) fail(ELECTRON_MISSING);
  const { backend, backendUrl } = args.province ? await provinceOrExit(args) : await backendOrExit(args, ELECTRON_CONSOLE_ORIGIN);
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
