import { describe, expect, it } from "vitest";
import { BackendClient } from "../../electron/core/sync/backend-client.js";
import { workerPageSource } from "../../electron/core/worker/page-decoder-host.js";
import { makeAlarm } from "../shared/fixtures.js";

/** The fake backend takes any bearer token. */
const SIGNED_IN = { authorization: () => `Bearer ${"t".repeat(43)}`, onUnauthenticated: () => undefined };
import { FakeBackend } from "./fake-backend.js";

const at = "2026-11-25T10:00:00.000Z";

describe("catch-up pages decoded in their own worker", () => {
  it("fetches and decodes pages, reports an unreachable backend, and survives its worker dying", async () => {
    const fake = await new FakeBackend().start();
    fake.changes = Array.from({ length: 5 }, (_, i) => ({ seq: i + 1, entity: "alarm", op: "upsert", id: `a${i}`, at, data: makeAlarm({ id: `a${i}` }) }));
    fake.changes.push({ seq: 6, entity: "alarm", op: "upsert", id: "broken", at, data: { nope: 1 } });
    fake.headSeq = 6;
    const source = workerPageSource(new BackendClient(fake.url, undefined, SIGNED_IN));
    try {
      const first = await source.fetch(0, 3);
      expect(first.ok && first.value.rows.map((r) => r.id)).toEqual(["a0", "a1", "a2"]);
      expect(first.ok && first.value.hasMore).toBe(true);
      const second = await source.fetch(3, 3);
      expect(second.ok && second.value.rows.map((r) => r.id)).toEqual(["a3", "a4"]);
      expect(second.ok && second.value.quarantined.map((q) => q.seq)).toEqual([6]);
      expect(second.ok && second.value.maxSeq).toBe(6);

      // A worker gone between pages costs nothing: the next page starts a new one.
      await source.currentWorker()?.terminate();
      const again = await source.fetch(0, 2);
      expect(again.ok && again.value.rows.map((r) => r.id)).toEqual(["a0", "a1"]);

      await fake.stop();
      const offline = await source.fetch(0, 2);
      expect(offline.ok).toBe(false);
      expect(!offline.ok && offline.error.kind).toBe("offline");
    } finally {
      source.close();
      await fake.stop().catch(() => undefined);
    }
  });

  it("answers a page its worker died with as an error, not silence", async () => {
    const fake = await new FakeBackend().start();
    fake.changes = [{ seq: 1, entity: "alarm", op: "upsert", id: "a0", at, data: makeAlarm({ id: "a0" }) }];
    fake.headSeq = 1;
    const source = workerPageSource(new BackendClient(fake.url, undefined, SIGNED_IN), new URL("./fixtures/dying-page-decoder.ts", import.meta.url));
    try {
      const lost = await source.fetch(0, 10);
      expect(lost.ok).toBe(false);
      expect(!lost.ok && lost.error.message).toMatch(/page decoder stopped/);
    } finally {
      source.close();
      await fake.stop();
    }
  });

  it("reads pages ahead while the one before is decoded, and drops what it read when asked for another cursor", async () => {
    const fake = await new FakeBackend().start();
    fake.changes = Array.from({ length: 9 }, (_, i) => ({ seq: i + 1, entity: "alarm", op: "upsert", id: `a${i}`, at, data: makeAlarm({ id: `a${i}` }) }));
    fake.headSeq = 9;
    const source = workerPageSource(new BackendClient(fake.url, undefined, SIGNED_IN));
    try {
      const first = await source.fetch(0, 3);
      expect(first.ok && first.value.rows.map((r) => r.id)).toEqual(["a0", "a1", "a2"]);
      // Pages 2 and 3 are asked for without waiting to be asked.
      await expect.poll(() => fake.changeRequests.map((r) => r.after)).toEqual([0, 3, 6]);
      const second = await source.fetch(3, 3);
      expect(second.ok && second.value.rows.map((r) => r.id)).toEqual(["a3", "a4", "a5"]);
      // Another cursor (a re-pull after a gap): read again from there, not served from what was read ahead.
      const again = await source.fetch(1, 3);
      expect(again.ok && again.value.rows.map((r) => r.id)).toEqual(["a1", "a2", "a3"]);
      await expect.poll(() => fake.changeRequests.slice(3, 5).map((r) => r.after)).toEqual([1, 4]);
    } finally {
      source.close();
      await fake.stop();
    }
  });
});

