import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { withBoundedMallocArenas } from "../../backend/runtime/malloc-arenas.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BackendProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnBackendOptions {
  port: number;
  dataDir: string;
  extraArgs?: string[];
  /** Forward the backend's own output (dev) or keep quiet (tests). */
  inheritOutput?: boolean;
  /** Flags for Node itself, before the script (e.g. --inspect for a benchmark that reads the heap). */
  nodeArgs?: readonly string[];
  /** More environment variables (secrets a backend reads from its environment). */
  env?: Readonly<Record<string, string>>;
}

/**
 * Starts the reference backend as a child Node process (never inside Electron: its SQLite
 * module is built for Node) and resolves once it says where it listens.
 */
export function spawnBackend(options: SpawnBackendOptions): Promise<BackendProcess> {
  const args = [...(options.nodeArgs ?? []), "--import", "tsx", "backend/main.ts", "--port", String(options.port), "--data-dir", options.dataDir, ...(options.extraArgs ?? [])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...withBoundedMallocArenas(), ...options.env } });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (options.inheritOutput) process.stdout.write(text);
      const match = /listening on (https?:\/\/\S+)/.exec(output);
      if (match) {
        child.stdout?.off("data", onData);
        if (options.inheritOutput) child.stdout?.on("data", (c: Buffer) => process.stdout.write(c));
        resolve({ url: match[1]!, child, stop: () => stopChild(child) });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => {
      output += c.toString();
      if (options.inheritOutput) process.stderr.write(c);
    });
    child.once("exit", (code) => reject(new Error(lastSentence(output) ?? `The backend exited with code ${code} before it started.`)));
  });
}

function lastSentence(output: string): string | null {
  const lines = output.trim().split("\n").filter((l) => l.trim() !== "");
  return lines.at(-1) ?? null;
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
