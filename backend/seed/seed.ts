import { CameraSchema, type Camera, type CameraStatus } from "../../shared/domain/camera.js";
import { hashString, seededRandom } from "../../shared/seeded-random.js";
import type { BackendStore, EntityWrite } from "../store/backend-store.js";
import { toCameraEntity, toSensorEntity, type CityModel } from "./city-model.js";
import type { Operator } from "../../shared/domain/operator.js";
import { SEED_OPERATORS } from "./operators.js";
import { buildSeedAlarms } from "./seed-alarms.js";
import { initialReading } from "./sensor-readings.js";
import type { DomainSample } from "../../shared/domain/domain-sample.js";
import { domainHistory, domainSamplesForHour } from "../simulator/domain-series.js";

const HOUR_MS = 3_600_000;

export interface SeedContext {
  now: Date;
  publicUrl: string;
  cameraStatus(cameraId: string): CameraStatus;
  /** The demo centre's operators are seeded only for a demo backend. */
  demo: boolean;
  /** Its staff (the profile's; default Uông Bí's). */
  operators?: readonly Operator[];
  /** Whether a new store starts with a morning's alarms (they name Uông Bí's cameras; default yes). */
  seedAlarms?: boolean;
  /** Complete hours of domain series (dossiers, queues, air…) a new store starts with, before the current one; default none. */
  domainHistoryHours?: number;
}

/** Pure: everything a new store starts with, in the order a console would like to learn it. */
export function buildSeedWrites(model: CityModel, context: SeedContext): EntityWrite[] {
  const at = context.now.toISOString();
  return [
    ...model.wards.map((ward): EntityWrite => ({ entity: "ward", op: "upsert", id: ward.code, data: ward })),
    ...(context.demo ? (context.operators ?? SEED_OPERATORS) : []).map((op): EntityWrite => ({ entity: "operator", op: "upsert", id: op.id, data: op })),
    ...model.cameras.map(
      (camera): EntityWrite => ({
        entity: "camera",
        op: "upsert",
        id: camera.id,
        data: toCameraEntity(camera, context.cameraStatus(camera.id), context.publicUrl),
      }),
    ),
    ...model.sensors.map(
      (sensor): EntityWrite => ({
        entity: "sensor",
        op: "upsert",
        id: sensor.id,
        data: toSensorEntity(sensor, initialReading(sensor.kind, seededRandom(hashString(sensor.id))), at),
      }),
    ),
    ...(context.seedAlarms !== false ? buildSeedAlarms(model, context.now) : []).map((alarm): EntityWrite => ({ entity: "alarm", op: "upsert", id: alarm.id, data: alarm })),
    ...domainSeedSamples(model, context).map((sample): EntityWrite => ({ entity: "domain_sample", op: "upsert", id: sample.id, data: sample })),
  ];
}

/** The history asked for, then the current hour as far as it has gone. */
function domainSeedSamples(model: CityModel, context: SeedContext): DomainSample[] {
  const hours = context.domainHistoryHours ?? 0;
  if (hours <= 0) return [];
  const codes = model.wards.map((w) => w.code);
  const hourStart = Math.floor(context.now.getTime() / HOUR_MS) * HOUR_MS;
  return [...domainHistory(codes, context.now, hours), ...domainSamplesForHour(codes, new Date(hourStart), (context.now.getTime() - hourStart) / HOUR_MS, context.now)];
}

/**
 * Pure: the camera writes that bring stored cameras in line with this run, whose port,
 * public URL or video availability may differ from the run that seeded them. Cameras
 * added to the catalogue since are created; unchanged ones produce no change.
 */
export function cameraReconcileWrites(stored: readonly unknown[], model: CityModel, context: SeedContext): EntityWrite[] {
  const byId = new Map<string, Camera>();
  for (const item of stored) {
    const parsed = CameraSchema.safeParse(item);
    if (parsed.success) byId.set(parsed.data.id, parsed.data);
  }
  const writes: EntityWrite[] = [];
  for (const placed of model.cameras) {
    const desired = toCameraEntity(placed, context.cameraStatus(placed.id), context.publicUrl);
    const current = byId.get(placed.id);
    if (current === undefined) {
      writes.push({ entity: "camera", op: "upsert", id: placed.id, data: desired });
    } else if (current.status !== desired.status || current.streamUrl !== desired.streamUrl) {
      writes.push({ entity: "camera", op: "upsert", id: placed.id, data: { ...current, status: desired.status, streamUrl: desired.streamUrl } });
    }
  }
  return writes;
}

/** Seeds an empty store, or reconciles the cameras of an existing one. Returns whether it seeded. */
export async function seedOrReconcile(store: BackendStore, model: CityModel, context: SeedContext): Promise<boolean> {
  if ((await store.countEntities()) === 0) {
    const writes = buildSeedWrites(model, context);
    const first = writes[0];
    // Read and write in one transaction: of several instances starting at once on one empty
    // database, the first seeds and the others find its first record and reconcile instead.
    const seeded = await store.transact(first === undefined ? [] : [{ kind: first.entity, id: first.id }], ([existing]) => (existing === null || existing === undefined ? writes : []));
    if (seeded.length > 0) return true;
  }
  const writes = cameraReconcileWrites(await store.listEntities("camera"), model, context);
  if (writes.length > 0) await store.commit(writes);
  return false;
}
