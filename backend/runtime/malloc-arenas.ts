import { spawn } from "node:child_process";
import { constants } from "node:os";

/**
 * glibc gives threads that allocate at the same time their own malloc arenas, up to eight per core,
 * and memory freed in one arena is not handed to the others. The backend and the console run worker
 * threads, libuv's pool and V8's platform threads, so over a shift their resident memory creeps up
 * while every JavaScript heap stays flat (the soak's heap snapshots show it). Two arenas keep it
 * bounded; these processes are not malloc-bound enough for the lost parallelism to show.
 * glibc reads the variable once, when the process starts: a running process cannot change it.
 */
export const BOUNDED_MALLOC_ARENAS = "2";

/** The environment for a child process: the bounded arenas, unless the operator set a value of their own. */
export function withBoundedMallocArenas(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return env.MALLOC_ARENA_MAX === undefined ? { ...env, MALLOC_ARENA_MAX: BOUNDED_MALLOC_ARENAS } : env;
}

/** Only glibc (Linux) reads the variable, and an operator's own value wins. */
export function needsMallocArenaRelaunch(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  return platform === "linux" && env.MALLOC_ARENA_MAX === undefined;
}

/**
 * Runs this same program again as a child with the bounded arenas, and ends as the child ends.
 * SIGTERM and SIGHUP, which a service manager sends to the parent alone, are passed on. So is SIGINT,
 * except from a terminal: Ctrl+C already reaches the child there (same process group), and a second
 * one would tell it not to wait for a clean stop.
 */
export function relaunchWithBoundedMallocArenas(): void {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: withBoundedMallocArenas() });
  const terminalReachesChild = process.stdin.isTTY === true;
  process.on("SIGINT", () => {
    if (!terminalReachesChild) child.kill("SIGINT");
  });
  for (const signal of ["SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  child.once("error", (error) => {
    process.stderr.write(`Could not start ${process.argv[1] ?? "the program"} again with bounded memory arenas: ${error.message}\n`);
    process.exit(1);
  });
  child.once("exit", (code, signal) => process.exit(code ?? (signal === null ? 1 : 128 + constants.signals[signal])));
}
