import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import { ActionBatchResponseSchema, BACKEND_PATHS, ChangeSchema, ChangesPageSchema, MAX_ACTION_BATCH } from "../../shared/protocol/backend.js";
import { newKey, startTestBackend, type TestBackend } from "./backend-harness.js";

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => {
  await t.stop();
});

async function unacknowledgedAlarmIds(): Promise<string[]> {
  const page = ChangesPageSchema.parse((await t.get(`${BACKEND_PATHS.changes}?after=0&limit=5000`)).body);
  const latest = new Map<string, unknown>();
  for (const raw of page.changes) {
    const c = ChangeSchema.parse(raw);
    if (c.entity === "alarm") latest.set(c.id, c.data);
  }
  return [...latest.values()].map((d) => AlarmSchema.parse(d)).filter((a) => a.state === "unacknowledged").map((a) => a.id);
}

describe("POST /api/v1/actions/batch", () => {
  it("applies actions in order, each with its own answer; a malformed one does not stop the rest; a replay changes nothing", async () => {
    const [a, b] = await unacknowledgedAlarmIds();
    const at = new Date().toISOString();
    // A batch is one operator's queue, sent in their session.
    const lan = [
      { idempotencyKey: newKey(), operatorId: "op-01", at, command: { type: "acknowledge", target: { kind: "alarm", id: a } } },
      { idempotencyKey: "short", operatorId: "op-01", at, command: { type: "acknowledge", target: { kind: "alarm", id: b } } },
    ];
    const minh = [
      { idempotencyKey: newKey(), operatorId: "op-02", at, command: { type: "acknowledge", target: { kind: "alarm", id: a } } },
      { idempotencyKey: newKey(), operatorId: "op-02", at, command: { type: "comment", target: { kind: "alarm", id: b }, text: "Đã kiểm tra" } },
    ];
    const send = async (requests: unknown[], as: string) => ActionBatchResponseSchema.parse((await t.post(BACKEND_PATHS.actionsBatch, { requests }, as)).body).results;
    const kinds = (results: Awaited<ReturnType<typeof send>>) => results.map((r) => (r.ok ? "ok" : r.error.kind));
    const first = [...(await send(lan, "op-01")), ...(await send(minh, "op-02"))];
    expect(kinds(first)).toEqual(["ok", "invalid_request", "conflict", "ok"]);

    const headBefore = ChangesPageSchema.parse((await t.get(`${BACKEND_PATHS.changes}?after=0&limit=1`)).body).headSeq;
    const replay = [...(await send(lan, "op-01")), ...(await send(minh, "op-02"))];
    expect(replay).toEqual(first);
    const headAfter = ChangesPageSchema.parse((await t.get(`${BACKEND_PATHS.changes}?after=0&limit=1`)).body).headSeq;
    expect(headAfter).toBe(headBefore);
  });

  it("refuses an empty or oversized batch as a whole", async () => {
    expect((await t.post(BACKEND_PATHS.actionsBatch, { requests: [] })).status).toBe(400);
    const tooMany = Array.from({ length: MAX_ACTION_BATCH + 1 }, () => ({}));
    expect((await t.post(BACKEND_PATHS.actionsBatch, { requests: tooMany })).status).toBe(400);
    expect((await t.post(BACKEND_PATHS.actionsBatch, "not json")).status).toBe(400);
  });
});
