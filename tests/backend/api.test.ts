import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import { CameraSchema } from "../../shared/domain/camera.js";
import { BACKEND_PATHS, ChangeSchema, ChangesPageSchema, HelloResponseSchema, PROTOCOL_VERSION, type Change } from "../../shared/protocol/backend.js";
import { CommandResponseSchema, type CommandRequest } from "../../shared/commands/command.js";
import { cameraOutagePath, CameraOutageResponseSchema, PublishDomainSamplesResponseSchema, RaiseAlarmsResponseSchema, SIMULATOR_PATHS } from "../../shared/protocol/simulator.js";
import { domainSampleId, type DomainSample } from "../../shared/domain/domain-sample.js";
import { oneStopNow } from "../shared/fixtures.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { alarmOf } from "../shared/command-fixtures.js";
import { newKey, startTestBackend, type TestBackend } from "./backend-harness.js";
import { MIN_PROTOCOL_VERSION } from "../../backend/protocol-compat.js";

let t: TestBackend;

beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => {
  await t.stop();
});

async function allChanges(): Promise<Change[]> {
  const page = ChangesPageSchema.parse((await t.get(`${BACKEND_PATHS.changes}?after=0&limit=5000`)).body);
  return page.changes.map((c) => ChangeSchema.parse(c));
}

async function alarm(id: string) {
  const changes = await allChanges();
  return AlarmSchema.parse(changes.filter((c) => c.entity === "alarm" && c.id === id).at(-1)?.data);
}

function ack(alarmId: string, operatorId: string, idempotencyKey = newKey()): CommandRequest {
  return { idempotencyKey, operatorId, at: new Date().toISOString(), command: { type: "acknowledge", target: { kind: "alarm", id: alarmId } } };
}

describe("hello", () => {
  it("introduces the backend", async () => {
    const { status, body } = await t.get(BACKEND_PATHS.hello);
    expect(status).toBe(200);
    const hello = HelloResponseSchema.parse(body);
    expect(hello).toMatchObject({ protocolVersion: PROTOCOL_VERSION, minProtocolVersion: MIN_PROTOCOL_VERSION });
    expect(hello.headSeq).toBeGreaterThan(70);
  });

  it("accepts the console's protocol and refuses others with 426", async () => {
    expect((await t.get(`${BACKEND_PATHS.hello}?protocol=${PROTOCOL_VERSION}`)).status).toBe(200);
    const tooNew = await t.get(`${BACKEND_PATHS.hello}?protocol=${PROTOCOL_VERSION + 1}`);
    expect(tooNew.status).toBe(426);
    expect(tooNew.body).toMatchObject({
      ok: false,
      error: { kind: "protocol_mismatch", message: `This console speaks sync protocol ${PROTOCOL_VERSION + 1}; this backend accepts only ${PROTOCOL_VERSION}. Update the backend.` },
    });
    // The version before this one (another kind of record in the feed) is refused, not served half.
    const tooOld = await t.get(`${BACKEND_PATHS.hello}?protocol=${MIN_PROTOCOL_VERSION - 1}`);
    expect(tooOld.status).toBe(426);
    expect(tooOld.body).toMatchObject({ error: { kind: "protocol_mismatch", message: expect.stringContaining("Update the console.") } });
    expect((await t.get(`${BACKEND_PATHS.hello}?protocol=abc`)).status).toBe(400);
  });

  it("gives a browser page no CORS access to the API: consoles reach it through their core", async () => {
    const preflight = await fetch(`${t.backend.url}${BACKEND_PATHS.actions}`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const hello = await backendFetch(`${t.backend.url}${BACKEND_PATHS.hello}`, { headers: { Origin: "http://127.0.0.1:5173" } });
    expect(hello.status).toBe(200);
    expect(hello.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("changes", () => {
  it("starts with the seed: wards, operators, cameras, sensors, alarms", async () => {
    const changes = await allChanges();
    const count = (entity: string) => changes.filter((c) => c.entity === entity).length;
    expect(count("ward")).toBe(11);
    expect(count("operator")).toBe(4);
    expect(count("camera")).toBeGreaterThanOrEqual(20);
    expect(count("sensor")).toBeGreaterThanOrEqual(28);
    expect(count("alarm")).toBeGreaterThanOrEqual(10);
    // Video is off in this backend: cameras are offline, with stream URLs on this port.
    const camera = CameraSchema.parse(changes.find((c) => c.entity === "camera")?.data);
    expect(camera.status).toBe("offline");
    expect(camera.streamUrl.startsWith(`${t.backend.url}/hls/`)).toBe(true);
  });

  it("pages in seq order with hasMore until the head", async () => {
    const seqs: number[] = [];
    let after = 0;
    for (let pages = 0; pages < 200; pages++) {
      const page = ChangesPageSchema.parse((await t.get(`${BACKEND_PATHS.changes}?after=${after}&limit=37`)).body);
      const changes = page.changes.map((c) => ChangeSchema.parse(c));
      seqs.push(...changes.map((c) => c.seq));
      if (!page.hasMore) {
        expect(after + changes.length).toBe(page.headSeq);
        break;
      }
      expect(changes).toHaveLength(37);
      after = changes.at(-1)?.seq ?? after;
    }
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const beyond = ChangesPageSchema.parse((await t.get(`${BACKEND_PATHS.changes}?after=${seqs.length + 100}`)).body);
    expect(beyond).toMatchObject({ changes: [], hasMore: false });
  });

  it("rejects a bad query with 400 invalid_request", async () => {
    for (const query of ["after=-1", "after=abc", "limit=0", "limit=999999"]) {
      const { status, body } = await t.get(`${BACKEND_PATHS.changes}?${query}`);
      expect(status, query).toBe(400);
      expect(body, query).toMatchObject({ ok: false, error: { kind: "invalid_request" } });
    }
  });
});

describe("actions", () => {
  it("acknowledges, and a replay of the same key returns the first answer without a second change", async () => {
    const request = ack("alm-0001", "op-01");
    const first = await t.post(BACKEND_PATHS.actions, request);
    expect(first.status).toBe(200);
    const response = CommandResponseSchema.parse(first.body);
    if (!response.ok) throw new Error(response.error.message);
    expect(alarmOf(response.value)).toMatchObject({ id: "alm-0001", state: "acknowledged", acknowledgedBy: "op-01", acknowledgedByName: "Nguyễn Thị Lan" });
    const head = (await allChanges()).length;
    expect(response.value.seq).toBe(head);

    const replay = await t.post(BACKEND_PATHS.actions, request);
    expect(replay).toEqual(first);
    expect(await allChanges()).toHaveLength(head);
  });

  it("answers a conflict naming who acknowledged first and when", async () => {
    const first = CommandResponseSchema.parse((await t.post(BACKEND_PATHS.actions, ack("alm-0002", "op-01"))).body);
    if (!first.ok) throw new Error(first.error.message);
    const second = await t.post(BACKEND_PATHS.actions, ack("alm-0002", "op-02"));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      ok: false,
      error: {
        kind: "conflict",
        message: expect.stringContaining("already acknowledged by Nguyễn Thị Lan"),
        detail: { acknowledgedBy: "op-01", acknowledgedByName: "Nguyễn Thị Lan", acknowledgedAt: alarmOf(first.value).acknowledgedAt },
      },
    });
    expect((await alarm("alm-0002")).acknowledgedBy).toBe("op-01");
  });

  it("forbids viewers and actions claimed for another operator, and reports unknown alarms", async () => {
    expect(await t.post(BACKEND_PATHS.actions, ack("alm-0003", "view-01"))).toMatchObject({
      status: 403,
      body: { ok: false, error: { kind: "forbidden", message: "Lê Thu Hà is signed in as viewer; changing alarms and incidents needs operator or supervisor." } },
    });
    expect(await t.post(BACKEND_PATHS.actions, ack("alm-0003", "nobody"), "op-01")).toMatchObject({ status: 403, body: { ok: false, error: { kind: "forbidden" } } });
    expect((await t.post(BACKEND_PATHS.actions, ack("alm-nope", "op-01"))).body).toMatchObject({ ok: false, error: { kind: "not_found" } });
    expect((await alarm("alm-0003")).state).toBe("unacknowledged");
  });

  it("appends comments without losing earlier ones", async () => {
    const comment = (text: string) => ({ idempotencyKey: newKey(), operatorId: "op-02", at: new Date().toISOString(), command: { type: "comment", target: { kind: "alarm", id: "alm-0004" }, text } });
    await t.post(BACKEND_PATHS.actions, comment("Mực nước đang lên."));
    const second = CommandResponseSchema.parse((await t.post(BACKEND_PATHS.actions, comment("Đã báo đội cứu hộ."))).body);
    if (!second.ok) throw new Error(second.error.message);
    expect(alarmOf(second.value).comments.map((c) => c.text)).toEqual(["Mực nước đang lên.", "Đã báo đội cứu hộ."]);
    expect(alarmOf(second.value).comments[1]).toMatchObject({ operatorId: "op-02", operatorName: "Trần Văn Minh" });
  });

  it("rejects malformed bodies with 400 invalid_request", async () => {
    const bad = [
      "{not json",
      {},
      { ...ack("alm-0006", "op-01"), idempotencyKey: "short" },
      { ...ack("alm-0006", "op-01"), command: { type: "delete", target: { kind: "alarm", id: "alm-0006" } } },
      { ...ack("alm-0006", "op-01"), at: "yesterday" },
    ];
    for (const body of bad) {
      const response = await t.post(BACKEND_PATHS.actions, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ ok: false, error: { kind: "invalid_request", message: expect.any(String) } });
    }
    expect((await alarm("alm-0006")).state).toBe("unacknowledged");
  });
});

describe("simulator controls", () => {
  it("raises alarms on demand, with a forced priority", async () => {
    const before = (await allChanges()).length;
    const raised = RaiseAlarmsResponseSchema.parse((await t.post(SIMULATOR_PATHS.alarms, { count: 25, priority: "critical" })).body);
    if (!raised.ok) throw new Error(raised.error.message);
    expect(raised.value.ids).toHaveLength(25);
    expect(new Set(raised.value.ids).size).toBe(25);
    const changes = await allChanges();
    expect(changes).toHaveLength(before + 25);
    const alarms = changes.slice(before).map((c) => AlarmSchema.parse(c.data));
    expect(alarms.every((a) => a.priority === "critical" && a.state === "unacknowledged")).toBe(true);
  });

  it("raises one alarm for an empty body and refuses silly counts", async () => {
    const one = await backendFetch(`${t.backend.url}${SIMULATOR_PATHS.alarms}`, { method: "POST" });
    expect(RaiseAlarmsResponseSchema.parse(await one.json())).toMatchObject({ ok: true, value: { ids: [expect.any(String)] } });
    expect((await fetch(`${t.backend.url}${SIMULATOR_PATHS.alarms}`, { method: "POST" })).status).toBe(401);
    expect((await t.post(SIMULATOR_PATHS.alarms, {}, "op-01")).status).toBe(403);
    expect((await t.post(SIMULATOR_PATHS.alarms, { count: 0 })).status).toBe(400);
    expect((await t.post(SIMULATOR_PATHS.alarms, { count: 10_001 })).status).toBe(400);
  });

  it("publishes domain samples as its tick does: a threshold newly crossed raises one alarm in that ward", async () => {
    const queue = (waiting: number) => oneStopNow("06817", waiting);
    const hour = queue(0).hour;
    const first = PublishDomainSamplesResponseSchema.parse((await t.post(SIMULATOR_PATHS.domainSamples, { samples: [queue(45)] })).body);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.alarmIds).toHaveLength(1);
    expect(await alarm(first.value.alarmIds[0]!)).toMatchObject({ type: "one_stop_queue_long", wardCode: "06817", state: "unacknowledged" });
    const sample = (await allChanges()).filter((c) => c.entity === "domain_sample" && c.id === queue(45).id).at(-1);
    expect((sample?.data as DomainSample).metrics).toMatchObject({ waiting: 45 });
    // Still over: no second alarm. Back under, then over again: a new one.
    expect(PublishDomainSamplesResponseSchema.parse((await t.post(SIMULATOR_PATHS.domainSamples, { samples: [queue(50)] })).body)).toEqual({ ok: true, value: { alarmIds: [] } });
    await t.post(SIMULATOR_PATHS.domainSamples, { samples: [queue(3)] });
    expect(PublishDomainSamplesResponseSchema.parse((await t.post(SIMULATOR_PATHS.domainSamples, { samples: [queue(31)] })).body)).toMatchObject({ ok: true, value: { alarmIds: [expect.any(String)] } });

    expect((await t.post(SIMULATOR_PATHS.domainSamples, { samples: [queue(45)] }, "op-01")).status).toBe(403);
    expect((await t.post(SIMULATOR_PATHS.domainSamples, { samples: [{ ...queue(45), id: "one_stop:06817:x" }] })).status).toBe(400);
    const stranger = { ...queue(45), wardCode: "99999", id: domainSampleId("one_stop", "99999", hour) };
    const refused = await t.post(SIMULATOR_PATHS.domainSamples, { samples: [stranger] });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("99999 is not one of the city's wards");
    expect((await t.post(SIMULATOR_PATHS.domainSamples, { samples: [] })).status).toBe(400);
  });

  it("takes a camera offline for a while, raising camera_offline, then brings it back", async () => {
    const started = CameraOutageResponseSchema.parse((await t.post(cameraOutagePath("cam-05"), { seconds: 0.3 })).body);
    expect(started).toMatchObject({ ok: true, value: { cameraId: "cam-05", status: "offline" } });
    expect((await t.get("/hls/cam-05/index.m3u8")).status).toBe(503);
    const outageAlarm = (await allChanges()).filter((c) => c.entity === "alarm").at(-1);
    expect(AlarmSchema.parse(outageAlarm?.data)).toMatchObject({ type: "camera_offline", cameraId: "cam-05", state: "unacknowledged" });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const cleared = (await allChanges()).filter((c) => c.entity === "alarm" && c.id === outageAlarm?.id).at(-1);
    expect(AlarmSchema.parse(cleared?.data).state).toBe("rtn_unacknowledged");
    expect((await t.post(cameraOutagePath("cam-99"), { seconds: 1 })).status).toBe(404);
    expect((await t.post(cameraOutagePath("cam-05"), { seconds: -1 })).status).toBe(400);
  });
});

describe("HLS without video", () => {
  it("answers 503 for known cameras and 404 for unknown ones", async () => {
    const known = await t.get("/hls/cam-02/index.m3u8");
    expect(known.status).toBe(503);
    expect((await t.get("/hls/cam-99/index.m3u8")).status).toBe(404);
    expect((await t.get("/hls/cam-02/seg-1.ts")).status).toBe(503);
  });

  it("answers unknown paths with a not_found body", async () => {
    expect(await t.get("/api/v1/nothing")).toMatchObject({ status: 404, body: { ok: false, error: { kind: "not_found" } } });
  });
});
