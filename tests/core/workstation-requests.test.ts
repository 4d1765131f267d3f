import { describe, expect, it } from "vitest";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import { DEFAULT_SETTINGS } from "../../electron/core/settings/settings-store.js";
import { WorkstationRequests } from "../../electron/core/workstation/workstation-requests.js";
import type { ConsoleEvent } from "../../shared/protocol/console-api.js";
import { SESSION_PATHS, SignInResponseSchema } from "../../shared/protocol/session.js";
import { SessionKeeper } from "../../electron/core/session/session-keeper.js";
import { err, ok, type Result } from "../../shared/result.js";

function setup(answer: (path: string, body: unknown) => Result<unknown>) {
  const events: ConsoleEvent[] = [];
  const settings = new MemorySettingsStore({ ...DEFAULT_SETTINGS });
  const sent: { path: string; body: unknown }[] = [];
  const session = new SessionKeeper();
  const ws = new WorkstationRequests({
    client: {
      send: async (path, _method, body, schema) => {
        sent.push({ path, body });
        const r = answer(path, body);
        return r.ok ? ok(schema.parse(r.value)) : r;
      },
      signIn: async (request) => {
        sent.push({ path: SESSION_PATHS.signIn, body: request });
        const r = answer(SESSION_PATHS.signIn, request);
        return r.ok ? ok(SignInResponseSchema.parse(r.value)) : r;
      },
    },
    session,
    settings,
    emit: (e) => events.push(e),
    sessionView: () => ({ state: session.state, operator: session.operator, expiresAt: null, streamToken: null, mustChangePassword: false, demo: false, waiting: [] }),
    alarms: () => [],
    incidents: () => [],
    workstationId: "desk-1",
  });
  return { ws, events, settings, sent, session };
}

describe("WorkstationRequests", () => {
  it("holds the selection: each change is one event for every window; a repeat is none", async () => {
    const { ws, events } = setup(() => ok(null));
    expect(await ws.handle({ type: "selection.set", patch: { alarmId: "alm-1" } })).toMatchObject({ ok: true, value: { alarmId: "alm-1", version: 1 } });
    await ws.handle({ type: "selection.set", patch: { alarmId: "alm-1" } });
    expect(events).toEqual([{ type: "selection", selection: { alarmId: "alm-1", wardCode: null, cameraRequest: null, version: 1 } }]);
    expect(await ws.handle({ type: "selection.get" })).toMatchObject({ ok: true, value: { alarmId: "alm-1" } });
  });

  it("a focus request becomes an event the shell and the windows act on", async () => {
    const { ws, events } = setup(() => ok(null));
    await ws.handle({ type: "workstation.focus", role: "wall" });
    expect(events).toEqual([{ type: "workstation.focus", role: "wall" }]);
  });

  it("sign-in holds the session, remembers the operator and tells every window", async () => {
    const issued = { token: "t".repeat(43), streamToken: "s".repeat(43), sessionId: "ses-1", expiresAt: "2026-12-04T14:00:00.000Z", idleTimeoutMs: 1_800_000, mustChangePassword: false };
    const { ws, events, settings, sent, session } = setup(() => ok({ operator: { id: "op-02", name: "Trần Văn Minh", role: "operator" }, session: issued }));
    const result = await ws.handle({ type: "operator.sign-in", operatorId: "op-02", password: "pw" });
    expect(result).toMatchObject({ ok: true, value: { id: "op-02" } });
    expect(settings.get().operatorId).toBe("op-02");
    expect(sent[0]).toEqual({ path: "/api/v1/sign-in", body: { operatorId: "op-02", password: "pw", workstationId: "desk-1" } });
    expect(events.map((e) => e.type)).toEqual(["settings", "operator"]);
    expect(session.authorization()).toBe(`Bearer ${issued.token}`);
    expect(session.actingOperatorId).toBe("op-02");
  });

  it("a refused or impossible sign-in leaves the workstation as it was, with a clear reason", async () => {
    const refused = setup(() => err("unauthenticated", "Wrong operator ID or password."));
    expect(await refused.ws.handle({ type: "operator.sign-in", operatorId: "op-02", password: "x" })).toMatchObject({ ok: false, error: { kind: "unauthenticated" } });
    expect(refused.session.state).toBe("signed_out");
    const offline = setup(() => err("offline", "Cannot reach the central backend."));
    const result = await offline.ws.handle({ type: "operator.sign-in", operatorId: "op-02", password: "x" });
    expect(result).toMatchObject({ ok: false, error: { kind: "offline" } });
    if (!result.ok) expect(result.error.message).toMatch(/Cannot reach the central backend.*only an operator who signed in here before/);
    expect(offline.events).toEqual([]);
    expect(offline.session.state).toBe("signed_out");
  });
});
