import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnBackend, type BackendProcess } from "../../../scripts/lib/backend-process.js";
import { spawnConsole, type ConsoleProcess } from "../../../scripts/lib/console-process.js";

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
}

export function startTestBackend(options: StartBackendOptions = {}): Promise<BackendProcess> {
  const extra = [
    ...(options.video ? ["--video-cache-dir", VIDEO_CACHE_DIR] : ["--no-video"]),
    ...(options.simulator ? [] : ["--no-simulator"]),
  ];
  return spawnBackend({ port: options.port ?? 0, dataDir: options.dataDir ?? tempDir("backend"), extraArgs: extra });
}

export function startTestConsole(backendUrl: string, dataDir = tempDir("console"), operator?: string): Promise<ConsoleProcess> {
  return spawnConsole({ backendUrl, dataDir, ...(operator ? { operator } : {}) });
}

/** The backend's latest copy of an entity, read from its change feed (what it really recorded). */
export async function backendEntity(backendUrl: string, entity: string, id: string): Promise<Record<string, unknown> | null> {
  let after = 0;
  let latest: Record<string, unknown> | null = null;
  for (;;) {
    const res = await fetch(`${backendUrl}/api/v1/changes?after=${after}&limit=5000`);
    const page = (await res.json()) as { changes: { seq: number; entity: string; id: string; data: Record<string, unknown> }[]; hasMore: boolean };
    for (const c of page.changes) {
      if (c.entity === entity && c.id === id) latest = c.data;
      after = c.seq;
    }
    if (!page.hasMore) return latest;
  }
}

export function backendAlarm(backendUrl: string, alarmId: string): Promise<Record<string, unknown> | null> {
  return backendEntity(backendUrl, "alarm", alarmId);
}
