import { resolve } from "node:path";
import { parseConsoleArgs, USAGE } from "./args.js";
import { spawnBackend, type BackendProcess } from "./backend-process.js";
import { startProvinceStack, type CentreId, type ProvinceStack } from "./province-stack.js";

export type ConsoleArgs = ReturnType<typeof parseConsoleArgs>;

/** One sentence for the newcomer, no stack trace. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The command line, or null when the user only asked for help (already printed). */
export function argsOrExit(command: string): ConsoleArgs | null {
  let args: ConsoleArgs;
  try {
    args = parseConsoleArgs(process.argv.slice(2));
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  if (args.help) {
    console.log(`${command} -- [options]\n${USAGE}`);
    return null;
  }
  if (args.operator !== undefined && !args.demo) fail("--operator signs an operator in without a password, so it exists only with --demo.");
  if (args.province && args["backend-url"] !== undefined) fail("--province starts its own three backends: leave out --backend-url.");
  return args;
}

/** The backend to use: the one named by --backend-url, or the embedded reference backend, started here. */
export async function backendOrExit(args: ConsoleArgs, consoleOrigin: string): Promise<{ backend: BackendProcess | null; backendUrl: string }> {
  if (args["backend-url"] !== undefined) return { backend: null, backendUrl: args["backend-url"] };
  const extra = [
    "--console-origin",
    consoleOrigin,
    ...(args.demo ? ["--demo", "--simulator-api"] : []),
    ...(args["no-video"] ? ["--no-video"] : []),
    ...(args["no-simulator"] ? ["--no-simulator"] : []),
    ...(args["alarm-interval-ms"] ? ["--alarm-interval-ms", args["alarm-interval-ms"]] : []),
  ];
  try {
    const backend = await spawnBackend({ port: Number(args["backend-port"]), dataDir: resolve(args["backend-data-dir"]), extraArgs: extra, inheritOutput: true });
    return { backend, backendUrl: backend.url };
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

/** `--province`: the province's backend and two linked cities, each letting its console's origin play its streams. */
export async function provinceStackOrExit(args: ConsoleArgs, consoleOrigins: Readonly<Record<CentreId, string>>): Promise<ProvinceStack> {
  try {
    return await startProvinceStack({
      dataDir: resolve(`${args["backend-data-dir"]}-province`),
      backendPort: Number(args["backend-port"]),
      consoleOrigins,
      demo: args.demo,
      video: !args["no-video"],
      simulator: !args["no-simulator"],
      alarmIntervalMs: args["alarm-interval-ms"],
      inheritOutput: true,
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}
