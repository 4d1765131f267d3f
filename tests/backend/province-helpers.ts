import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AlarmSchema, type Alarm } from "../../shared/domain/alarm.js";
import { ProvinceEscalationSchema, type ProvinceEscalation } from "../../shared/domain/province.js";
import { ChangeSchema, ChangesPageSchema, PROTOCOL_VERSION, type Change } from "../../shared/protocol/backend.js";
import { spawnBackend, type BackendProcess } from "../../scripts/lib/backend-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { freePort } from "../../scripts/lib/free-port.js";
import { newKey } from "./backend-harness.js";

export const SECRETS = { "uong-bi": "uong-bi-secret-0123456789", "cam-pha": "cam-pha-secret-0123456789" } as const;
export type TestCity = keyof typeof SECRETS;

const BASE = ["--demo", "--simulator-api", "--no-simulator", "--no-video", "--no-recording", "--quiet"];

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startProvince(dataDir: string, port?: number): Promise<BackendProcess> {
  return spawnBackend({
    port: port ?? (await freePort()),
    dataDir,
    extraArgs: [...BASE, "--role", "province", "--city", "uong-bi=Uông Bí", "--city", "cam-pha=Cẩm Phả"],
    env: { IOC_CITY_SECRET_UONG_BI: SECRETS["uong-bi"], IOC_CITY_SECRET_CAM_PHA: SECRETS["cam-pha"] },
  });
}

export async function startCity(dataDir: string, city: TestCity, provinceUrl: string, secret: string = SECRETS[city], port?: number): Promise<BackendProcess> {
  return spawnBackend({
    port: port ?? (await freePort()),
    dataDir,
    extraArgs: [...BASE, "--province-url", provinceUrl, "--city-id", city],
    env: { IOC_CITY_SECRET: secret },
  });
}

export async function headSeq(url: string): Promise<number> {
  const hello = (await (await backendFetch(`${url}/api/v1/hello?protocol=${PROTOCOL_VERSION}`, {}, "sup-01")).json()) as { headSeq: number };
  return hello.headSeq;
}

/** Every change after `after`, all pages. */
export async function changesAfter(url: string, after: number): Promise<Change[]> {
  const all: Change[] = [];
  let cursor = after;
  for (;;) {
    const page = ChangesPageSchema.parse(await (await backendFetch(`${url}/api/v1/changes?after=${cursor}&limit=5000`, {}, "sup-01")).json());
    const changes = page.changes.map((c) => ChangeSchema.parse(c));
    all.push(...changes);
    if (!page.hasMore || changes.length === 0) return all;
    cursor = changes.at(-1)!.seq;
  }
}

/** The alarm as last written after `after`, or null. */
export async function alarmAfter(url: string, after: number, id: string): Promise<Alarm | null> {
  const last = (await changesAfter(url, after)).filter((c) => c.entity === "alarm" && c.id === id).at(-1);
  return last === undefined ? null : AlarmSchema.parse(last.data);
}

/** Every write of escalation records after `after`. */
export async function escalationWrites(url: string, after: number): Promise<ProvinceEscalation[]> {
  return (await changesAfter(url, after)).filter((c) => c.entity === "escalation").map((c) => ProvinceEscalationSchema.parse(c.data));
}

export async function raiseAlarm(url: string): Promise<string> {
  const body = (await (await backendFetch(`${url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 1 }) }, "sup-01")).json()) as {
    value: { ids: string[] };
  };
  return body.value.ids[0]!;
}

export async function command(url: string, operatorId: string, cmd: unknown): Promise<{ ok: boolean; error?: { kind: string; message: string } }> {
  const request = { idempotencyKey: newKey(), operatorId, at: new Date().toISOString(), command: cmd };
  const response = await backendFetch(`${url}/api/v1/actions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) }, operatorId);
  return (await response.json()) as { ok: boolean; error?: { kind: string; message: string } };
}

export const escalate = (url: string, alarmId: string, reason = "Cần tỉnh hỗ trợ") => command(url, "op-01", { type: "escalate", target: { kind: "alarm", id: alarmId }, to: "province_ioc", reason });
