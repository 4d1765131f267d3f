import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach } from "vitest";
import type { BackendOptions } from "../../backend/app.js";
import { startConsoleCore, type ConsoleCore } from "../../electron/core/console-core.js";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import { startTestBackend, type TestBackend } from "../backend/backend-harness.js";

export interface AuditRow {
  action: string;
  target_id: string;
  outcome: string;
}

/** Read from the database file rather than the API, so a test sees what was written, not what the backend chooses to report. */
export function auditRows(dataDir: string, targetKind?: string): AuditRow[] {
  const db = new Database(join(dataDir, "ioc-backend.sqlite"), { readonly: true });
  try {
    const where = targetKind === undefined ? "" : "WHERE target_kind = ? ";
    const args = targetKind === undefined ? [] : [targetKind];
    return db.prepare(`SELECT action, target_id, outcome FROM audit_log ${where}ORDER BY id`).all(...args) as AuditRow[];
  } finally {
    db.close();
  }
}

export interface ConsoleFlow {
  /** A real backend; the one the flow closes after the test. */
  startBackend(options: Partial<BackendOptions>): Promise<TestBackend>;
  /** Takes the backend away mid-test, to drive the core offline. */
  stopBackend(): Promise<void>;
  /** A console core signed in as op-01, with its own fresh cache folder. */
  startCore(backendUrl: string): ConsoleCore;
  /** A console request that must succeed; its value. */
  call<T>(request: unknown): Promise<T>;
}

/**
 * A backend and a console core for each test of the enclosing describe, closed after the test even when
 * it fails midway, so no server or cache outlives it. Call it inside describe.
 */
export function consoleFlowPerTest(coreDirPrefix: string): ConsoleFlow {
  let backend: TestBackend | null = null;
  let core: ConsoleCore | null = null;

  afterEach(async () => {
    core?.close();
    core = null;
    await backend?.stop();
    backend = null;
  });

  return {
    async startBackend(options) {
      backend = await startTestBackend(options);
      return backend;
    },
    async stopBackend() {
      await backend?.stop();
      backend = null;
    },
    startCore(backendUrl) {
      const settings = new MemorySettingsStore({ backendUrl, language: "vi", operatorId: "op-01" });
      core = startConsoleCore({ dataDir: mkdtempSync(join(tmpdir(), coreDirPrefix)), settings, demo: true, autoSignIn: "op-01" });
      return core;
    },
    async call<T>(request: unknown): Promise<T> {
      if (core === null) throw new Error("no console core: call startCore first");
      const r = await core.handle(request);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    },
  };
}
