import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { AlarmSchema } from "../shared/domain/alarm.js";
import { ChangeSchema, ChangesPageSchema, MAX_ACTION_BATCH, PROTOCOL_VERSION } from "../shared/protocol/backend.js";
import { spawnBackend, type BackendProcess } from "../scripts/lib/backend-process.js";
import { backendFetch } from "../scripts/lib/backend-session.js";
import { freePort } from "../scripts/lib/free-port.js";
import { round, tempDir, type Benchmark } from "./harness.js";
import { startLinkCutter } from "./link-cutter.js";
import { measureEscalationLatency } from "./province-escalation.js";

const ESCALATIONS = Number(process.env.ESCALATIONS ?? 1_000);
const OUTAGE_MS = Number(process.env.OUTAGE_S ?? 60) * 1000;
const SECRET = "bench-uong-bi-secret-0123456789";
const QUIET = ["--demo", "--simulator-api", "--no-simulator", "--no-video", "--no-recording", "--quiet"];

async function post(url: string, body: unknown, as: string): Promise<unknown> {
  const res = await backendFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, as);
  return res.json();
}

async function headSeq(url: string): Promise<number> {
  return ((await (await backendFetch(`${url}/api/v1/hello?protocol=${PROTOCOL_VERSION}`, {}, "sup-01")).json()) as { headSeq: number }).headSeq;
}

/** Follows the city's change feed from `after`; resolves when every alarm named has its escalation delivered. */
async function untilDelivered(url: string, after: number, alarmIds: ReadonlySet<string>): Promise<void> {
  const delivered = new Set<string>();
  let cursor = after;
  while (delivered.size < alarmIds.size) {
    const page = ChangesPageSchema.parse(await (await backendFetch(`${url}/api/v1/changes?after=${cursor}&limit=5000`, {}, "sup-01")).json());
    for (const raw of page.changes) {
      const change = ChangeSchema.parse(raw);
      cursor = change.seq;
      if (change.entity !== "alarm" || !alarmIds.has(change.id)) continue;
      const state = AlarmSchema.parse(change.data).escalations[0]?.delivery.state;
      if (state === "delivered" || state === "acknowledged") delivered.add(change.id);
    }
    if (!page.hasMore) await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * province.outage_catchup_s: a province backend and a city backend on loopback, the city's link
 * to the province through a relay that is cut; ESCALATIONS alarms escalated during an outage of
 * OUTAGE_S seconds; the clock runs from the link's return until the city's change feed shows every
 * one of them delivered (read every 50 ms, so the figure is at most that much late).
 * Before the outage, with the link healthy: province.escalation_p95_ms (see province-escalation.ts).
 */
export const provinceBenchmark: Benchmark = {
  name: "province",
  async run() {
    const dir = tempDir("province");
    const running: BackendProcess[] = [];
    try {
      const province = await spawnBackend({
        port: await freePort(),
        dataDir: join(dir, "province"),
        extraArgs: [...QUIET, "--role", "province", "--city", "uong-bi=Uông Bí"],
        env: { IOC_CITY_SECRET_UONG_BI: SECRET },
      });
      running.push(province);
      const link = await startLinkCutter(new URL(province.url));
      const city = await spawnBackend({ port: await freePort(), dataDir: join(dir, "city"), extraArgs: [...QUIET, "--province-url", link.url, "--city-id", "uong-bi"], env: { IOC_CITY_SECRET: SECRET } });
      running.push(city);
      // First, with both backends healthy and only the city's seeded alarms: an operator's escalation to the province's screen.
      const latency = await measureEscalationLatency(province, city, dir);
      const raised = (await post(`${city.url}/api/v1/sim/alarms`, { count: ESCALATIONS }, "sup-01")) as { value: { ids: string[] } };
      const alarmIds = raised.value.ids;
      const from = await headSeq(city.url);
      link.cut();
      const cutAt = Date.now();
      for (let i = 0; i < alarmIds.length; i += MAX_ACTION_BATCH) {
        const requests = alarmIds.slice(i, i + MAX_ACTION_BATCH).map((id) => ({
          idempotencyKey: randomUUID(),
          operatorId: "op-01",
          at: new Date().toISOString(),
          command: { type: "escalate", target: { kind: "alarm", id }, to: "province_ioc", reason: "Vượt khả năng xử lý của thành phố" },
        }));
        await post(`${city.url}/api/v1/actions/batch`, { requests }, "op-01");
      }
      await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - cutAt))));
      const restoredAt = performance.now();
      link.restore();
      await untilDelivered(city.url, from, new Set(alarmIds));
      const catchup = (performance.now() - restoredAt) / 1000;
      await link.close();
      return { "province.outage_catchup_s": { value: round(catchup, 2), unit: "s" }, ...latency };
    } finally {
      for (const backend of running.reverse()) await backend.stop();
    }
  },
};
