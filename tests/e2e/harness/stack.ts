import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnBackend, type BackendProcess } from "../../../scripts/lib/backend-process.js";
import { spawnConsole, type ConsoleProcess } from "../../../scripts/lib/console-process.js";
import { freePort } from "../../../scripts/lib/free-port.js";
import { backendFetch } from "../../../scripts/lib/backend-session.js";
import { citySecretVariable } from "../../../backend/province/link-secrets.js";

/** A fresh temporary folder per use: tests never share caches or stores by accident. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ioc-${prefix}-`));
}

/** Encoded camera loops are reusable across tests (same input, same output): keep them in one place. */
export const VIDEO_CACHE_DIR = join(process.cwd(), ".cache", "test-video");

export interface StartBackendOptions {
  dataDir?: string;
  video?: boolean;
  simulator?: boolean;
  port?: number;
  /** More backend flags, e.g. a faster simulator. */
  extraArgs?: readonly string[];
  /** How many of the catalogue's cameras to simulate (default all 22). */
  cameras?: number;
  /** More environment: the link secrets a backend reads from it. */
  env?: Readonly<Record<string, string>>;
}

/** The ports the consoles of a test stack will listen on: the backend lets exactly those origins play its streams. */
const consolePorts = new Map<string, number[]>();

/** A demo backend (known operators, simulator controls for sup-01), with room for `consoles` browser consoles. */
export async function startTestBackend(options: StartBackendOptions & { consoles?: number } = {}): Promise<BackendProcess> {
  const ports = await Promise.all(Array.from({ length: options.consoles ?? 2 }, () => freePort()));
  const extra = [
    "--demo",
    "--simulator-api",
    ...ports.flatMap((port) => ["--console-origin", `http://127.0.0.1:${port}`]),
    ...(options.video ? ["--video-cache-dir", VIDEO_CACHE_DIR] : ["--no-video"]),
    ...(options.simulator ? [] : ["--no-simulator"]),
    ...(options.extraArgs ?? []),
    ...(options.cameras === undefined ? [] : ["--cameras", String(options.cameras)]),
  ];
  const backend = await spawnBackend({ port: options.port ?? 0, dataDir: options.dataDir ?? tempDir("backend"), extraArgs: extra, ...(options.env === undefined ? {} : { env: options.env }) });
  consolePorts.set(backend.url, ports);
  return backend;
}

/**
 * A browser console signed in as `operator` (a demo operator, default op-01; null: signed out),
 * on one of the ports its test backend was started for.
 */
export function startTestConsole(backendUrl: string, dataDir = tempDir("console"), operator?: string | null, extraArgs?: readonly string[]): Promise<ConsoleProcess> {
  const port = consolePorts.get(backendUrl)?.shift();
  return spawnConsole({ backendUrl, dataDir, ...(operator === undefined ? {} : { operator }), ...(port === undefined ? {} : { port }), ...(extraArgs === undefined ? {} : { extraArgs }) });
}

/** Every version of an entity the backend wrote, oldest first, read from its change feed (what it really recorded). */
export async function backendVersions(backendUrl: string, entity: string, id: string): Promise<Record<string, unknown>[]> {
  let after = 0;
  const versions: Record<string, unknown>[] = [];
  for (;;) {
    const res = await backendFetch(`${backendUrl}/api/v1/changes?after=${after}&limit=5000`);
    const page = (await res.json()) as { changes: { seq: number; entity: string; id: string; data: Record<string, unknown> }[]; hasMore: boolean };
    for (const c of page.changes) {
      if (c.entity === entity && c.id === id) versions.push(c.data);
      after = c.seq;
    }
    if (!page.hasMore) return versions;
  }
}

/** The backend's latest copy of an entity. */
export async function backendEntity(backendUrl: string, entity: string, id: string): Promise<Record<string, unknown> | null> {
  return (await backendVersions(backendUrl, entity, id)).at(-1) ?? null;
}

export function backendAlarm(backendUrl: string, alarmId: string): Promise<Record<string, unknown> | null> {
  return backendEntity(backendUrl, "alarm", alarmId);
}

/** Made per test run: the link secret of each city of a test province. */
export function citySecrets<C extends string>(cities: readonly C[]): Record<C, string> {
  return Object.fromEntries(cities.map((city) => [city, randomBytes(24).toString("hex")])) as Record<C, string>;
}

/** A province backend linking `cities` (id → name), with their secrets, and room for `consoles` browser consoles. */
export function startTestProvince(cities: Readonly<Record<string, string>>, secrets: Readonly<Record<string, string>>, options: StartBackendOptions & { consoles?: number } = {}): Promise<BackendProcess> {
  const ids = Object.keys(cities);
  return startTestBackend({
    ...options,
    extraArgs: ["--role", "province", ...ids.flatMap((id) => ["--city", `${id}=${cities[id]}`]), ...(options.extraArgs ?? [])],
    env: { ...Object.fromEntries(ids.map((id) => [citySecretVariable(id), secrets[id]!])), ...options.env },
  });
}

/** A city backend linked up to `provinceUrl` as `cityId` with its secret. */
export function startTestCity(cityId: string, secret: string, provinceUrl: string, options: StartBackendOptions & { consoles?: number } = {}): Promise<BackendProcess> {
  return startTestBackend({ ...options, extraArgs: ["--province-url", provinceUrl, "--city-id", cityId, ...(options.extraArgs ?? [])], env: { IOC_CITY_SECRET: secret, ...options.env } });
}
