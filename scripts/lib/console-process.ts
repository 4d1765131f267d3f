import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT, stopChild } from "./backend-process.js";
import { withBoundedMallocArenas } from "../../backend/runtime/malloc-arenas.js";

export interface ConsoleProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
  /** SIGKILL: what a crash or a pulled plug looks like. */
  kill(): Promise<void>;
}

export interface SpawnConsoleOptions {
  backendUrl: string;
  dataDir: string;
  port?: number;
  /**
   * The demo operator to sign in at start (with --demo: the backend must be a demo city), or
   * null to start signed out. Default op-01: the console tests drive the signed-in console.
   */
  operator?: string | null;
  /** Run the built bundle (dist/console, npm run build:console) as the product runs, instead of the sources under tsx. */
  bundled?: boolean;
  /** More flags for the console (e.g. --cache-quota-mb). */
  extraArgs?: readonly string[];
  /** The street map to serve (default: the one in resources/, if any). */
  streetMap?: string;
  /** Flags for Node itself, before the script (e.g. --inspect for a benchmark that reads the heap). */
  nodeArgs?: readonly string[];
}

/** Starts the browser console (core + web server) against an existing backend, as a child process. */
export function spawnConsole(options: SpawnConsoleOptions): Promise<ConsoleProcess> {
  const args = [
    ...(options.nodeArgs ?? []),
    ...(options.bundled ? ["dist/console/serve.mjs"] : ["--import", "tsx", "scripts/serve.ts"]),
    "--port",
    String(options.port ?? 0),
    "--backend-url",
    options.backendUrl,
    "--data-dir",
    options.dataDir,
    "--demo",
    ...(options.operator === null ? [] : ["--operator", options.operator ?? "op-01"]),
    ...(options.extraArgs ?? []),
    ...(options.streetMap === undefined ? [] : ["--street-map", options.streetMap]),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], env: withBoundedMallocArenas() });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /IOC console ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        resolve({ url: match[1]!, child, stop: () => stopChild(child), kill: () => stopChild(child, "SIGKILL") });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => reject(new Error(`The console exited (code ${code}) before it was ready:\n${output}`)));
  });
}
