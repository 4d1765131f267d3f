import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../shared/commands/command.js";
import { applyCommand } from "../../backend/actions/apply-command.js";
import { buildCityModel } from "../../backend/seed/city-model.js";
import { buildSeedWrites } from "../../backend/seed/seed.js";
import { loadUongBiWards } from "../../backend/seed/ward-geodata.js";
import type { BackendStore } from "../../backend/store/backend-store.js";
import { STORE_IMPLEMENTATIONS, stopStoreServers } from "./store-implementations.js";

let store: BackendStore;
const now = new Date("2026-11-25T08:00:00Z");
afterAll(stopStoreServers);

const request = (operatorId: string, idempotencyKey: string): CommandRequest => ({
  idempotencyKey,
  operatorId,
  at: "2026-11-25T07:59:58.000Z",
  command: { type: "acknowledge", target: { kind: "alarm", id: "alm-0001" } },
});

describe.each(STORE_IMPLEMENTATIONS)("applyCommand on the $name store", (implementation) => {
  beforeEach(async () => {
    store = await implementation.open();
    await store.commit(buildSeedWrites(buildCityModel(loadUongBiWards()), { now, publicUrl: "http://127.0.0.1:1", cameraStatus: () => "offline", demo: true }));
  });
  afterEach(async () => {
    await store.close();
  });

  it("writes the alarm change, the key and an audit entry together", async () => {
    const head = await store.headSeq();
    const response = await applyCommand(store, request("op-01", "key-aaaa-0001"), now);
    expect(response).toMatchObject({ ok: true, value: { seq: head + 1, kind: "alarm", entity: { state: "acknowledged", acknowledgedBy: "op-01" } } });
    expect(await store.headSeq()).toBe(head + 1);
    const [entry] = await store.auditLog(10);
    expect(entry).toMatchObject({
      operatorId: "op-01",
      action: "acknowledge",
      targetKind: "alarm",
      targetId: "alm-0001",
      outcome: "applied",
      detail: { idempotencyKey: "key-aaaa-0001", clientAt: "2026-11-25T07:59:58.000Z" },
    });
  });

  it("audits refusals too, and replays them without a second audit entry", async () => {
    await applyCommand(store, request("op-01", "key-aaaa-0001"), now);
    const refused = await applyCommand(store, request("op-02", "key-bbbb-0002"), now);
    const replayed = await applyCommand(store, request("op-02", "key-bbbb-0002"), new Date(now.getTime() + 60_000));
    expect(refused).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(replayed).toEqual(refused);
    const log = await store.auditLog(10);
    expect(log.map((e) => [e.operatorId, e.outcome])).toEqual([
      ["op-02", "rejected"],
      ["op-01", "applied"],
    ]);
  });

  it("acknowledging again as the same operator succeeds without a new change", async () => {
    const first = await applyCommand(store, request("op-01", "key-aaaa-0001"), now);
    const head = await store.headSeq();
    const again = await applyCommand(store, request("op-01", "key-aaaa-0003"), now);
    expect(again).toEqual(first);
    expect(await store.headSeq()).toBe(head);
  });
});
