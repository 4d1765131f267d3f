import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import { UPLINK_PATHS } from "../../shared/protocol/province.js";
import { CityUplink } from "../../backend/province/city-uplink.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { escalatedAlarm } from "../shared/fixtures.js";
import { until } from "../shared/until.js";

/**
 * A province that answers a batch of escalations with fewer answers than items (a truncated or
 * faulty reply): the unanswered ones were not refused, so the city keeps them queued and sends them again.
 */
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve())));
  server = null;
});

async function fakeProvince(answer: (items: Array<{ key: string }>, call: number) => unknown): Promise<{ url: string; batches: Array<Array<{ key: string }>> }> {
  const batches: Array<Array<{ key: string }>> = [];
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      response.setHeader("content-type", "application/json");
      if (request.url === UPLINK_PATHS.escalations) {
        const items = (JSON.parse(body) as { items: Array<{ key: string }> }).items;
        batches.push(items);
        response.end(JSON.stringify(answer(items, batches.length)));
      } else if (request.url?.startsWith(UPLINK_PATHS.updates)) response.end(JSON.stringify({ ok: true, value: { updates: [], next: 0 } }));
      else response.end(JSON.stringify({ ok: true, value: { written: 0, removed: 0 } }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const address = server!.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { url: `http://127.0.0.1:${address.port}`, batches };
}

describe("the city's uplink and a short answer", () => {
  it("keeps an escalation the province did not answer queued, and delivers it on a later round", async () => {
    const receivedAt = new Date().toISOString();
    // First round: the answer for the second item is missing. Then every item is answered.
    const province = await fakeProvince((items, call) => ({ ok: true, value: { answers: (call === 1 ? items.slice(0, 1) : items).map((i) => ({ ok: true, key: i.key, receivedAt })) } }));
    const store = openSqliteStore({ filename: ":memory:", auditKey: randomBytes(32) });
    const alarms = ["alm-a", "alm-b"].map((id) => escalatedAlarm([{}], { id }));
    await store.transact([], () => alarms.map((a) => ({ entity: "alarm" as const, op: "upsert" as const, id: a.id, data: a })));
    const uplink = new CityUplink({ store, provinceUrl: province.url, cityId: "uong-bi", secret: "s".repeat(24), logger: pino({ level: "silent" }), updatesIntervalMs: 60_000 });
    await uplink.start();
    const delivery = async (id: string) => AlarmSchema.parse((await store.getEntity("alarm", id))?.data).escalations[0]?.delivery.state;
    try {
      await until(async () => (await delivery("alm-a")) === "delivered" && (await delivery("alm-b")) === "delivered", "both escalations delivered");
      expect(province.batches.length).toBeGreaterThanOrEqual(2);
      expect(province.batches[0]?.map((i) => i.key)).toEqual(["uong-bi~alm-a~0", "uong-bi~alm-b~0"]);
      expect(uplink.queuedCount).toBe(0);
    } finally {
      uplink.close();
    }
  });
});
