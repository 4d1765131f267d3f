import { describe, expect, it } from "vitest";
import { workerPageSource } from "../../electron/core/worker/page-decoder-host.js";
import { makeAlarm } from "../shared/fixtures.js";
import { FakeBackend } from "./fake-backend.js";

const at = "2026-11-25T10:00:00.000Z";

describe("catch-up pages decoded in their own worker", () => {
  it("fetches and decodes pages, reports an unreachable backend, and survives its worker dying", async () => {
    const fake = await new FakeBackend().start();
    fake.changes = Array.from({ length: 5 }, (_, i) => ({ seq: i + 1, entity: "alarm", op: "upsert", id: `a${i}`, at, data: makeAlarm({ id: `a${i}` }) }));
    fake.changes.push({ seq: 6, entity: "alarm", op: "upsert", id: "broken", at, data: { nope: 1 } });
    fake.headSeq = 6;
    const source = workerPageSource(fake.url);
    try {
      const first = await source.fetch(0, 3);
      expect(first.ok && first.value.rows.map((r) => r.id)).toEqual(["a0", "a1", "a2"]);
      expect(first.ok && first.value.hasMore).toBe(true);
      const second = await source.fetch(3, 3);
      expect(second.ok && second.value.rows.map((r) => r.id)).toEqual(["a3", "a4"]);
      expect(second.ok && second.value.quarantined.map((q) => q.seq)).toEqual([6]);
      expect(second.ok && second.value.maxSeq).toBe(6);

      // A request in flight when the worker is gone gets an error, not silence; the next one works.
      fake.changesDelayMs = 500;
      const inFlight = source.fetch(0, 3);
      await source.currentWorker()?.terminate();
      const lost = await inFlight;
      expect(lost.ok).toBe(false);
      fake.changesDelayMs = 0;
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
});

