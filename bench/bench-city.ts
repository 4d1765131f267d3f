import { spawnBackend, type BackendProcess } from "../scripts/lib/backend-process.js";
import { backendFetch } from "../scripts/lib/backend-session.js";
import { spawnConsole, type ConsoleProcess } from "../scripts/lib/console-process.js";
import { freePort } from "../scripts/lib/free-port.js";

/**
 * Every benchmark's city: a demo backend (its operators sign in for real, the simulator's controls
 * open to its supervisor) and browser consoles on ports chosen before it starts, so it lets exactly
 * their pages play its camera streams.
 */
export interface BenchCity {
  backend: BackendProcess;
  url: string;
  consolePorts: number[];
  stop(): Promise<void>;
}

export interface BenchCityOptions {
  dataDir: string;
  port?: number;
  /** Backend flags beyond the demo's (e.g. --no-video, --stream-tls). */
  extraArgs?: string[];
  /** How many browser consoles will connect (default 2). */
  consoles?: number;
  /** Ports reserved earlier (a restarted backend keeps its consoles). */
  consolePorts?: number[];
  /** Flags for the backend's Node (e.g. --inspect). */
  nodeArgs?: readonly string[];
}

export async function startBenchCity(options: BenchCityOptions): Promise<BenchCity> {
  const consolePorts = options.consolePorts ?? (await Promise.all(Array.from({ length: options.consoles ?? 2 }, () => freePort())));
  const backend = await spawnBackend({
    port: options.port ?? 0,
    dataDir: options.dataDir,
    ...(options.nodeArgs === undefined ? {} : { nodeArgs: options.nodeArgs }),
    extraArgs: ["--demo", "--simulator-api", ...consolePorts.flatMap((p) => ["--console-origin", `http://127.0.0.1:${p}`]), ...(options.extraArgs ?? [])],
  });
  return { backend, url: backend.url, consolePorts, stop: () => backend.stop() };
}

/** A browser console of the city, signed in as `operator` (default op-01) with the demo password. */
export function startBenchConsole(city: BenchCity, options: { dataDir: string; operator?: string; index?: number; streetMap?: string }): Promise<ConsoleProcess> {
  const port = city.consolePorts[options.index ?? 0];
  return spawnConsole({
    backendUrl: city.url,
    dataDir: options.dataDir,
    ...(port === undefined ? {} : { port }),
    ...(options.operator ? { operator: options.operator } : {}),
    ...(options.streetMap ? { streetMap: options.streetMap } : {}),
  });
}

/** A simulator control, in the supervisor's session. */
export async function simPost(backendUrl: string, path: string, body: unknown): Promise<unknown> {
  const res = await backendFetch(`${backendUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, "sup-01");
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** A GET in the supervisor's session (the change feed, for checks). */
export function benchGet(url: string): Promise<Response> {
  return backendFetch(url, {}, "sup-01");
}
