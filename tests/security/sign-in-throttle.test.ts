import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SignInThrottle } from "../../backend/auth/sign-in-throttle.js";
import { SessionAuthority } from "../../backend/auth/session-authority.js";
import type { BackendStore } from "../../backend/store/backend-store.js";
import { STORE_IMPLEMENTATIONS, stopStoreServers } from "../backend/store-implementations.js";
import { ensureDemoPasswords, ensureFirstSupervisor } from "../../backend/seed/operator-accounts.js";
import { SEED_OPERATORS } from "../../backend/seed/operators.js";

describe("sign-in back-off", () => {
  it("lets a few mistakes pass, then doubles the wait with each failure, up to its ceiling", () => {
    const throttle = new SignInThrottle({ freeFailures: 2, baseDelayMs: 1000, maxDelayMs: 4000, maxKeys: 10 });
    const keys = ["id:op-01", "addr:10.0.0.1"];
    throttle.failed(keys, 0);
    throttle.failed(keys, 0);
    expect(throttle.waitMs(keys, 0)).toBe(0);
    throttle.failed(keys, 0);
    expect(throttle.waitMs(keys, 0)).toBe(1000);
    throttle.failed(keys, 1000);
    expect(throttle.waitMs(keys, 1000)).toBe(2000);
    for (let i = 0; i < 10; i++) throttle.failed(keys, 5000);
    expect(throttle.waitMs(keys, 5000)).toBe(4000);
    throttle.succeeded(["id:op-01"]);
    expect(throttle.waitMs(["id:op-01"], 5000)).toBe(0);
    expect(throttle.waitMs(["addr:10.0.0.1"], 5000)).toBe(4000);
  });

  it("counts attempts under way as failures to be: guesses sent all at once stop at the free ones, then go one at a time", () => {
    const throttle = new SignInThrottle({ freeFailures: 2, baseDelayMs: 1000, maxDelayMs: 4000, maxKeys: 10 });
    const keys = ["id:op-02", "addr:10.0.0.9"];
    expect(throttle.begin(keys, 0)).toBe(0);
    expect(throttle.begin(keys, 0)).toBe(0);
    expect(throttle.begin(keys, 0)).toBe(1000);
    throttle.failed(keys, 0);
    throttle.end(keys);
    throttle.failed(keys, 0);
    throttle.end(keys);
    // The free failures spent: one attempt at a time, and a failure makes the next wait.
    expect(throttle.begin(keys, 0)).toBe(0);
    expect(throttle.begin(keys, 0)).toBe(1000);
    throttle.failed(keys, 0);
    throttle.end(keys);
    expect(throttle.begin(keys, 0)).toBe(1000);
    expect(throttle.begin(keys, 1000)).toBe(0);
  });

  it("forgets the oldest keys first and stays bounded", () => {
    const throttle = new SignInThrottle({ freeFailures: 0, baseDelayMs: 1000, maxDelayMs: 1000, maxKeys: 3 });
    for (const k of ["a", "b", "c", "d"]) throttle.failed([k], 0);
    expect(throttle.waitMs(["a"], 0)).toBe(0);
    expect(throttle.waitMs(["d"], 0)).toBe(1000);
  });
});

const stores: BackendStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
afterAll(stopStoreServers);

describe.each(STORE_IMPLEMENTATIONS)("session lifetime on the $name store", (implementation) => {
  async function openStore(): Promise<BackendStore> {
    const store = await implementation.open();
    stores.push(store);
    return store;
  }

  async function authority() {
    const store = await openStore();
    await store.commit(SEED_OPERATORS.map((op) => ({ entity: "operator" as const, op: "upsert" as const, id: op.id, data: op })));
    await ensureDemoPasswords(store, new Date());
    return new SessionAuthority(store, { maxAgeMs: 60 * 60_000, idleMs: 10 * 60_000 });
  }

  it("ends after its idle limit without use, and at its maximum age even when used", async () => {
    const sessions = await authority();
    const t0 = new Date("2026-12-04T08:00:00.000Z");
    const signedIn = await sessions.signIn("op-01", "uongbi-op-01", "desk", "127.0.0.1", t0);
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const { token } = signedIn.value.session;
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect((await sessions.authenticate(token, at(9))).ok).toBe(true);
    expect((await sessions.authenticate(token, at(18))).ok).toBe(true);
    const idle = await sessions.authenticate(token, at(29));
    expect(idle).toMatchObject({ ok: false, error: { kind: "unauthenticated", message: expect.stringContaining("without use") } });

    const again = await sessions.signIn("op-01", "uongbi-op-01", "desk", "127.0.0.1", t0);
    if (!again.ok) throw new Error(again.error.message);
    for (let m = 5; m < 60; m += 5) expect((await sessions.authenticate(again.value.session.token, at(m))).ok).toBe(true);
    expect(await sessions.authenticate(again.value.session.token, at(61))).toMatchObject({ ok: false, error: { message: expect.stringContaining("expired") } });
  });

  it("guesses sent all at once are checked no more than the free failures allow", async () => {
    const sessions = await authority();
    const now = new Date("2026-12-04T08:00:00.000Z");
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => sessions.signIn("op-02", `wrong-${i}`, "desk", "10.0.0.9", now)));
    const checked = answers.filter((a) => !a.ok && a.error.kind === "unauthenticated").length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => !a.ok && a.error.kind === "rate_limited")).toHaveLength(40 - checked);
  });

  it("a first supervisor's one-time password must be replaced before anything else", async () => {
    const store = await openStore();
    const password = await ensureFirstSupervisor(store, new Date());
    if (password === null) throw new Error("no first supervisor");
    expect(await ensureFirstSupervisor(store, new Date())).toBeNull();
    const sessions = new SessionAuthority(store);
    const signedIn = await sessions.signIn("supervisor", password, "desk", "127.0.0.1", new Date());
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    expect(signedIn.value.session.mustChangePassword).toBe(true);
    const session = await sessions.authenticate(signedIn.value.session.token, new Date());
    if (!session.ok) throw new Error(session.error.message);
    expect(session.value.mustChangePassword).toBe(true);
    expect(await sessions.changePassword(session.value, "wrong", "a-long-new-password", new Date())).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await sessions.changePassword(session.value, password, "a-long-new-password", new Date())).toEqual({ ok: true, value: { changed: true } });
    const after = await sessions.authenticate(signedIn.value.session.token, new Date());
    expect(after.ok && after.value.mustChangePassword).toBe(false);
  });
});
