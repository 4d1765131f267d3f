import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopChild, type BackendProcess } from "../../scripts/lib/backend-process.js";
import { CITY_AUTH_SCHEME, UPLINK_PATHS } from "../../shared/protocol/province.js";
import { LinkProxy } from "./link-proxy.js";
import { DirectiveSchema } from "../../shared/domain/directive.js";
import { IncidentSchema } from "../../shared/domain/incident.js";
import { alarmAfter, changesAfter, command, escalate, escalationWrites, headSeq, raiseAlarm, SECRETS, startCity, startProvince, tempDir } from "./province-helpers.js";

/** Three real backends on loopback: the province, Uông Bí (behind a link that the test cuts) and Cẩm Phả. */
const dir = tempDir("ioc-province-");
let province: BackendProcess;
let cityA: BackendProcess;
let cityB: BackendProcess;
let linkA: LinkProxy;
let provinceStart = 0;

const POLL = { timeout: 20_000, interval: 200 };

beforeAll(async () => {
  province = await startProvince(join(dir, "province"));
  provinceStart = await headSeq(province.url);
  linkA = await LinkProxy.start(Number(new URL(province.url).port));
  [cityA, cityB] = await Promise.all([startCity(join(dir, "uong-bi"), "uong-bi", linkA.url), startCity(join(dir, "cam-pha"), "cam-pha", province.url)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([cityA?.stop(), cityB?.stop(), province?.stop()]);
  await linkA?.close();
  rmSync(dir, { recursive: true, force: true });
});

const uplink = (city: string, secret: string, path: string, init: RequestInit = {}) =>
  fetch(new URL(path, province.url), { ...init, headers: { authorization: `${CITY_AUTH_SCHEME} ${city}:${secret}`, "content-type": "application/json", ...(init.headers ?? {}) } });

async function writesOf(key: string) {
  return (await escalationWrites(province.url, provinceStart)).filter((e) => e.id === key);
}

/** Escalates a new alarm of city A; its key at the province and the seq to read the alarm after. */
async function escalateNewAlarm(): Promise<{ alarmId: string; key: string; from: number }> {
  const alarmId = await raiseAlarm(cityA.url);
  const from = await headSeq(cityA.url);
  expect((await escalate(cityA.url, alarmId)).ok).toBe(true);
  return { alarmId, key: `uong-bi~${alarmId}~0`, from };
}

const deliveryOf = async (from: number, alarmId: string) => (await alarmAfter(cityA.url, from, alarmId))?.escalations[0]?.delivery;

describe("city → province escalations", () => {
  it("refuses a city with wrong credentials, an unknown city, no credentials and a browser", async () => {
    const body = JSON.stringify({ items: [{}] });
    expect((await uplink("uong-bi", "not-the-right-secret-at-all", UPLINK_PATHS.escalations, { method: "POST", body })).status).toBe(401);
    expect((await uplink("ha-long", SECRETS["uong-bi"], UPLINK_PATHS.escalations, { method: "POST", body })).status).toBe(401);
    expect((await fetch(new URL(UPLINK_PATHS.updates, province.url))).status).toBe(401);
    const fromBrowser = await uplink("uong-bi", SECRETS["uong-bi"], UPLINK_PATHS.updates, { headers: { origin: "http://127.0.0.1:8421" } });
    expect(fromBrowser.status).toBe(403);
    // An operator's session is not a city's credential either.
    expect((await uplink("uong-bi", SECRETS["cam-pha"], UPLINK_PATHS.updates)).status).toBe(401);
  });

  it("a city backend started with a wrong secret delivers nothing; its escalation stays queued", async () => {
    const wrong = await startCity(join(dir, "wrong"), "cam-pha", province.url, "wrong-secret-0123456789");
    try {
      const alarmId = await raiseAlarm(wrong.url);
      const from = await headSeq(wrong.url);
      expect((await escalate(wrong.url, alarmId)).ok).toBe(true);
      const alarm = await alarmAfter(wrong.url, from, alarmId);
      expect(alarm?.escalations[0]?.delivery.state).toBe("queued");
      // Give the uplink a few rounds: the province still has nothing of it.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await writesOf(`cam-pha~${alarmId}~0`)).toHaveLength(0);
      expect((await alarmAfter(wrong.url, from, alarmId))?.escalations[0]?.delivery.state).toBe("queued");
    } finally {
      await wrong.stop();
    }
  });

  it("arrives once when the link is cut before sending, and is shown delivered on the city's alarm", async () => {
    linkA.set("down");
    const { alarmId, key, from } = await escalateNewAlarm();
    expect((await deliveryOf(from, alarmId))?.state).toBe("queued");
    await new Promise((r) => setTimeout(r, 1000));
    expect(await writesOf(key)).toHaveLength(0);
    linkA.set("up");
    await expect.poll(async () => (await deliveryOf(from, alarmId))?.state, POLL).toBe("delivered");
    const writes = await writesOf(key);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ cityId: "uong-bi", cityName: "Uông Bí", state: "open", escalatedByName: expect.any(String), reason: "Cần tỉnh hỗ trợ" });
    expect((await deliveryOf(from, alarmId))?.deliveredAt).toBe(writes[0]?.receivedAt);
  });

  it("arrives once when the link is cut while sending (the province stored it, the city never heard)", async () => {
    linkA.set("blackhole-answers");
    const { alarmId, key, from } = await escalateNewAlarm();
    await expect.poll(async () => (await writesOf(key)).length, POLL).toBe(1);
    expect((await deliveryOf(from, alarmId))?.state).toBe("queued");
    linkA.set("up");
    await expect.poll(async () => (await deliveryOf(from, alarmId))?.state, POLL).toBe("delivered");
    expect(await writesOf(key)).toHaveLength(1);
  });

  it("stays delivered once when the link is cut after sending", async () => {
    const { alarmId, key, from } = await escalateNewAlarm();
    await expect.poll(async () => (await deliveryOf(from, alarmId))?.state, POLL).toBe("delivered");
    linkA.set("down");
    await new Promise((r) => setTimeout(r, 1000));
    linkA.set("up");
    expect(await writesOf(key)).toHaveLength(1);
  });

  it("survives kill -9 of the city backend: sent once after it starts again", async () => {
    linkA.set("down");
    const { alarmId, key, from } = await escalateNewAlarm();
    const port = Number(new URL(cityA.url).port);
    await stopChild(cityA.child, "SIGKILL");
    linkA.set("up");
    cityA = await startCity(join(dir, "uong-bi"), "uong-bi", linkA.url, SECRETS["uong-bi"], port);
    await expect.poll(async () => (await deliveryOf(from, alarmId))?.state, POLL).toBe("delivered");
    expect(await writesOf(key)).toHaveLength(1);
  });

  it("sends queued escalations in the order they were made", async () => {
    linkA.set("down");
    const made = [await escalateNewAlarm(), await escalateNewAlarm(), await escalateNewAlarm()];
    const before = await headSeq(province.url);
    linkA.set("up");
    await expect.poll(async () => (await escalationWrites(province.url, before)).length, POLL).toBe(3);
    expect((await escalationWrites(province.url, before)).map((e) => e.id)).toEqual(made.map((m) => m.key));
  });

  it("a malformed escalation is refused with its error, and the ones after it are taken", async () => {
    const good = { key: "uong-bi~alm-handmade~0", index: 0, reason: "thử", escalatedByName: "Test", escalatedAt: new Date().toISOString(), alarm: { id: "alm-handmade", type: "flood", priority: "high", place: "X", wardCode: "w", location: [106.7, 21.0], raisedAt: new Date().toISOString(), cameraId: null } };
    const response = await uplink("uong-bi", SECRETS["uong-bi"], UPLINK_PATHS.escalations, { method: "POST", body: JSON.stringify({ items: [{ key: "uong-bi~broken~0", reason: 5 }, good] }) });
    const body = (await response.json()) as { ok: boolean; value: { answers: Array<{ ok: boolean; key: string | null; error?: { message: string } }> } };
    expect(body.ok).toBe(true);
    expect(body.value.answers[0]).toMatchObject({ ok: false, key: "uong-bi~broken~0" });
    expect(body.value.answers[0]?.error?.message).toMatch(/Malformed escalation/);
    expect(body.value.answers[1]).toMatchObject({ ok: true, key: good.key });
    // A city may only speak for itself: the same item under Cẩm Phả's credentials names another city's key.
    const foreign = await uplink("cam-pha", SECRETS["cam-pha"], UPLINK_PATHS.escalations, { method: "POST", body: JSON.stringify({ items: [good] }) });
    const answered = (await foreign.json()) as { value: { answers: Array<{ ok: boolean }> } };
    expect(answered.value.answers[0]?.ok).toBe(false);
  });

  it("a province operator's acknowledgement reaches city A's alarm (who, when) and nothing of it reaches city B", async () => {
    const { alarmId, key, from } = await escalateNewAlarm();
    await expect.poll(async () => (await deliveryOf(from, alarmId))?.state, POLL).toBe("delivered");
    const acknowledged = await command(province.url, "sup-01", { type: "escalation_acknowledge", target: { kind: "escalation", id: key } });
    expect(acknowledged.ok).toBe(true);
    await expect.poll(async () => (await deliveryOf(from, alarmId))?.state, POLL).toBe("acknowledged");
    const delivery = await deliveryOf(from, alarmId);
    expect(delivery?.acknowledgedByName).toEqual(expect.any(String));
    expect(delivery?.acknowledgedAt).toEqual(expect.any(String));
    const forB = (await (await uplink("cam-pha", SECRETS["cam-pha"], `${UPLINK_PATHS.updates}?after=${provinceStart}`)).json()) as { value: { updates: Array<{ key: string }> } };
    expect(forB.value.updates.filter((u) => u.key.startsWith("uong-bi~"))).toEqual([]);
    const forA = (await (await uplink("uong-bi", SECRETS["uong-bi"], `${UPLINK_PATHS.updates}?after=${provinceStart}`)).json()) as { value: { updates: Array<{ key: string }> } };
    expect(forA.value.updates.map((u) => u.key)).toContain(key);
  });
});

describe("city → province incident escalations", () => {
  it("an incident's escalation goes through the same outbox: arrives once, in the same queue, and its acknowledgement comes back onto the incident", async () => {
    const alarmId = await raiseAlarm(cityA.url);
    const incidentId = `inc-${randomUUID()}`;
    const target = { kind: "incident", id: incidentId };
    expect((await command(cityA.url, "op-01", { type: "incident_create", target, alarmIds: [alarmId], title: "Sạt lở đường lên Yên Tử", assignedUnit: null })).ok).toBe(true);
    const from = await headSeq(cityA.url);
    // Only the city's own cameras can be shared.
    const unknownCamera = await command(cityA.url, "op-01", { type: "incident_escalate", target, to: "province_ioc", reason: "Cần tỉnh điều máy xúc", cameraIds: ["cam-17", "cam-nowhere"] });
    expect(unknownCamera.error).toMatchObject({ kind: "invalid_request", message: expect.stringContaining("cam-nowhere") });
    expect((await command(cityA.url, "op-01", { type: "incident_escalate", target, to: "province_ioc", reason: "Cần tỉnh điều máy xúc", cameraIds: ["cam-17"] })).ok).toBe(true);
    const key = `uong-bi~${incidentId}~0`;
    const incidentDelivery = async () => {
      const last = (await changesAfter(cityA.url, from)).filter((c) => c.entity === "incident" && c.id === incidentId).at(-1);
      return last === undefined ? undefined : IncidentSchema.parse(last.data).escalations[0]?.delivery;
    };
    await expect.poll(async () => (await incidentDelivery())?.state, POLL).toBe("delivered");
    const writes = await writesOf(key);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ subject: "incident", cityId: "uong-bi", reason: "Cần tỉnh điều máy xúc", cameraIds: ["cam-17"], alarm: { id: incidentId, type: "incident", title: "Sạt lở đường lên Yên Tử" } });
    expect((await command(province.url, "sup-01", { type: "escalation_acknowledge", target: { kind: "escalation", id: key } })).ok).toBe(true);
    await expect.poll(async () => (await incidentDelivery())?.state, POLL).toBe("acknowledged");
    expect((await incidentDelivery())?.acknowledgedByName).toEqual(expect.any(String));
    expect(await writesOf(key)).toHaveLength(2);
  });
});

describe("province → city directives", () => {
  const directiveWrites = async (url: string, after: number, id: string) =>
    (await changesAfter(url, after)).filter((c) => c.entity === "directive" && c.id === id).map((c) => DirectiveSchema.parse(c.data));
  const lastOf = async (url: string, after: number, id: string) => (await directiveWrites(url, after, id)).at(-1);

  it("reaches city A and not city B; acknowledged and done with a note there, each step back at the province", async () => {
    const { key } = await escalateNewAlarm();
    const id = `dir-${randomUUID()}`;
    const [fromP, fromA, fromB] = await Promise.all([headSeq(province.url), headSeq(cityA.url), headSeq(cityB.url)]);
    const sent = await command(province.url, "sup-01", {
      type: "directive_send",
      target: { kind: "directive", id },
      cityId: "uong-bi",
      text: "Phong toả khu vực, báo cáo trong 30 phút",
      priority: "critical",
      wardCode: null,
      location: null,
      dueAt: new Date(Date.now() + 30 * 60_000).toISOString(),
      escalationId: key,
    });
    expect(sent.ok).toBe(true);
    // A city sends no directives; the province acknowledges and completes none.
    expect((await command(cityB.url, "sup-01", { type: "directive_send", target: { kind: "directive", id: `dir-${randomUUID()}` }, cityId: "uong-bi", text: "x", priority: "low", wardCode: null, location: null, dueAt: null, escalationId: null })).error?.kind).toBe("forbidden");
    expect((await command(province.url, "sup-01", { type: "directive_acknowledge", target: { kind: "directive", id } })).error?.kind).toBe("forbidden");
    await expect.poll(async () => (await lastOf(cityA.url, fromA, id))?.state, POLL).toBe("delivered");
    await expect.poll(async () => (await lastOf(province.url, fromP, id))?.state, POLL).toBe("delivered");
    expect(await directiveWrites(cityB.url, fromB, id)).toEqual([]);

    expect((await command(cityA.url, "op-01", { type: "directive_acknowledge", target: { kind: "directive", id } })).ok).toBe(true);
    await expect.poll(async () => (await lastOf(province.url, fromP, id))?.state, POLL).toBe("acknowledged");
    expect((await command(cityA.url, "op-01", { type: "directive_done", target: { kind: "directive", id }, note: "Đã phong toả" })).ok).toBe(true);
    await expect.poll(async () => (await lastOf(province.url, fromP, id))?.state, POLL).toBe("done");
    expect(await lastOf(province.url, fromP, id)).toMatchObject({ doneNote: "Đã phong toả", doneByName: expect.any(String), acknowledgedByName: expect.any(String) });
    expect(await directiveWrites(cityB.url, fromB, id)).toEqual([]);
  });

  it("names only a ward its city told the province: an unknown one is refused, saying which, and a known one reaches the city", async () => {
    await expect.poll(async () => (await changesAfter(province.url, 0)).some((c) => c.entity === "ward" && c.id === "uong-bi~06808"), POLL).toBe(true);
    const fromA = await headSeq(cityA.url);
    const draft = (wardCode: string) => ({ type: "directive_send", target: { kind: "directive", id: `dir-${randomUUID()}` }, cityId: "uong-bi", text: "Khoanh vùng", priority: "high", wardCode, location: null, dueAt: null, escalationId: null });
    const refused = await command(province.url, "sup-01", draft("99999"));
    expect(refused.error).toMatchObject({ kind: "invalid_request", message: expect.stringContaining("99999") });
    const known = draft("06808");
    expect((await command(province.url, "sup-01", known)).ok).toBe(true);
    await expect.poll(async () => (await lastOf(cityA.url, fromA, known.target.id))?.wardCode, POLL).toBe("06808");
  });

  it("a step taken while the link is down reaches the province once when it is back", async () => {
    const id = `dir-${randomUUID()}`;
    const [fromP, fromA] = await Promise.all([headSeq(province.url), headSeq(cityA.url)]);
    const send = { type: "directive_send", target: { kind: "directive", id }, cityId: "uong-bi", text: "Kiểm tra hiện trường", priority: "medium", wardCode: null, location: null, dueAt: null, escalationId: null };
    expect((await command(province.url, "sup-01", send)).ok).toBe(true);
    await expect.poll(async () => (await lastOf(province.url, fromP, id))?.state, POLL).toBe("delivered");
    linkA.set("down");
    expect((await command(cityA.url, "op-01", { type: "directive_acknowledge", target: { kind: "directive", id } })).ok).toBe(true);
    expect((await lastOf(cityA.url, fromA, id))?.state).toBe("acknowledged");
    await new Promise((r) => setTimeout(r, 1000));
    expect((await lastOf(province.url, fromP, id))?.state).toBe("delivered");
    linkA.set("up");
    await expect.poll(async () => (await lastOf(province.url, fromP, id))?.state, POLL).toBe("acknowledged");
    expect((await directiveWrites(province.url, fromP, id)).filter((d) => d.state === "acknowledged")).toHaveLength(1);
  });
});
