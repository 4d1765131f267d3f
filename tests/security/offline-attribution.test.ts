import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startConsoleCore, type ConsoleCore } from "../../electron/core/console-core.js";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import type { Alarm } from "../../shared/domain/alarm.js";
import type { PendingAction, Snapshot } from "../../shared/protocol/console-api.js";
import type { ConsoleSession } from "../../shared/protocol/session.js";
import { startTestBackend, type TestBackend } from "../backend/backend-harness.js";
import { until } from "../shared/until.js";

/**
 * An operator's actions taken offline stay theirs: queued with who took them, sent only in their
 * own session, never lost, never sent in someone else's name, across an expired session, a
 * console restart and another operator taking the desk.
 */
const WAIT_MS = 20_000;
let backend: TestBackend | null = null;
let core: ConsoleCore | null = null;

afterEach(async () => {
  core?.close();
  core = null;
  await backend?.stop();
  backend = null;
});

async function call<T>(request: unknown): Promise<T> {
  const result = await core!.handle(request);
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

const session = () => call<Snapshot>({ type: "snapshot" }).then((s) => s.session);
const status = () => core!.service.getStatus();

function backendAlarm(dataDir: string, id: string): Alarm {
  const db = new Database(join(dataDir, "ioc-backend.sqlite"), { readonly: true });
  try {
    return JSON.parse((db.prepare("SELECT data FROM entities WHERE kind = 'alarm' AND id = ?").get(id) as { data: string }).data) as Alarm;
  } finally {
    db.close();
  }
}

function expireSessionsOf(dataDir: string, operatorId: string): void {
  const db = new Database(join(dataDir, "ioc-backend.sqlite"));
  try {
    db.prepare("UPDATE sessions SET expires_at = ? WHERE operator_id = ?").run(new Date(Date.now() - 1000).toISOString(), operatorId);
  } finally {
    db.close();
  }
}

describe("offline actions keep their operator", () => {
  it("across an expired session, a console restart and another operator signing in", async () => {
    const backendDir = mkdtempSync(join(tmpdir(), "ioc-attr-backend-"));
    const consoleDir = mkdtempSync(join(tmpdir(), "ioc-attr-console-"));
    backend = await startTestBackend({ dataDir: backendDir });
    const port = backend.backend.port;
    const settings = new MemorySettingsStore({ backendUrl: backend.backend.url, language: "vi", operatorId: "" });
    core = startConsoleCore({ dataDir: consoleDir, settings });

    // Signed out, the console shows nothing of the city and refuses to act.
    expect((await session()).state).toBe("signed_out");
    expect((await call<Snapshot>({ type: "snapshot" })).alarms).toEqual([]);
    await call({ type: "operator.sign-in", operatorId: "op-01", password: "uongbi-op-01" });
    await until(() => status().state === "online", "online as op-01", WAIT_MS);
    const [first, second, third] = (await call<Snapshot>({ type: "snapshot" })).alarms.filter((a) => a.state === "unacknowledged").map((a) => a.id);

    // The link drops; Lan acts offline, and her session expires before it comes back.
    await backend.stop();
    backend = null;
    await until(() => status().state === "offline", "offline", WAIT_MS);
    await call({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: first } } });
    expireSessionsOf(backendDir, "op-01");
    backend = await startTestBackend({ dataDir: backendDir, port });
    await until(async () => (await session()).state === "expired", "the expired session noticed", WAIT_MS);
    const pending = await call<PendingAction[]>({ type: "outbox.list" });
    expect(pending.map((p) => [p.target.id, p.operatorId])).toEqual([[first, "op-01"]]);
    expect(backendAlarm(backendDir, first!).acknowledgedBy).toBeNull();
    // Expired, she cannot act until she signs in again; what she did stays queued.
    expect((await core.handle({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: second } } })).ok).toBe(false);

    // The console restarts: signed out, her action still queued and shown as hers.
    core.close();
    core = startConsoleCore({ dataDir: consoleDir, settings });
    const restarted = await session();
    expect(restarted.state).toBe("signed_out");
    expect(restarted.waiting).toEqual([{ operatorId: "op-01", count: 1 }]);

    // Minh takes the desk: his actions go at once, hers wait for her, never sent as his.
    await call({ type: "operator.sign-in", operatorId: "op-02", password: "uongbi-op-02" });
    await until(() => status().state === "online", "online as op-02", WAIT_MS);
    await call({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: third } } });
    await until(() => backendAlarm(backendDir, third!).acknowledgedBy === "op-02", "Minh's acknowledgement applied", WAIT_MS);
    expect(backendAlarm(backendDir, first!).acknowledgedBy).toBeNull();
    const waiting: ConsoleSession = await session();
    expect(waiting.waiting).toEqual([{ operatorId: "op-01", count: 1 }]);

    // Lan signs in again: her queued action is sent in her name, once.
    await call({ type: "operator.sign-in", operatorId: "op-01", password: "uongbi-op-01" });
    await until(() => backendAlarm(backendDir, first!).acknowledgedBy === "op-01", "Lan's offline acknowledgement applied as hers", WAIT_MS);
    await until(() => status().pendingActions === 0, "the outbox empty", WAIT_MS);
    expect((await session()).waiting).toEqual([]);
  });

  it("an operator who signed in here before can sign in while the backend is down, act, and send after signing in again", async () => {
    const backendDir = mkdtempSync(join(tmpdir(), "ioc-attr-local-b-"));
    const consoleDir = mkdtempSync(join(tmpdir(), "ioc-attr-local-c-"));
    backend = await startTestBackend({ dataDir: backendDir });
    const port = backend.backend.port;
    const settings = new MemorySettingsStore({ backendUrl: backend.backend.url, language: "vi", operatorId: "" });
    core = startConsoleCore({ dataDir: consoleDir, settings });
    await call({ type: "operator.sign-in", operatorId: "op-01", password: "uongbi-op-01" });
    await until(() => status().state === "online", "online", WAIT_MS);
    const alarmId = (await call<Snapshot>({ type: "snapshot" })).alarms.find((a) => a.state === "unacknowledged")!.id;
    await backend.stop();
    backend = null;

    core.close();
    core = startConsoleCore({ dataDir: consoleDir, settings });
    // Someone who never signed in here cannot, while the backend cannot check.
    expect(await core.handle({ type: "operator.sign-in", operatorId: "op-02", password: "uongbi-op-02" })).toMatchObject({ ok: false, error: { kind: "offline" } });
    expect(await core.handle({ type: "operator.sign-in", operatorId: "op-01", password: "wrong" })).toMatchObject({ ok: false, error: { kind: "offline" } });
    await call({ type: "operator.sign-in", operatorId: "op-01", password: "uongbi-op-01" });
    expect((await session()).state).toBe("local");
    expect((await call<Snapshot>({ type: "snapshot" })).alarms.length).toBeGreaterThan(0);
    await call({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: alarmId } } });

    backend = await startTestBackend({ dataDir: backendDir, port });
    await until(() => /reachable again/.test(status().lastError ?? ""), "the console says the backend is back", WAIT_MS);
    expect(backendAlarm(backendDir, alarmId).acknowledgedBy).toBeNull();
    await call({ type: "operator.sign-in", operatorId: "op-01", password: "uongbi-op-01" });
    await until(() => backendAlarm(backendDir, alarmId).acknowledgedBy === "op-01", "the offline action sent in her session", WAIT_MS);
  });
});
