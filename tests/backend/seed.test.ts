import { describe, expect, it } from "vitest";
import { AlarmSchema, type Alarm } from "../../shared/domain/alarm.js";
import { CameraSchema } from "../../shared/domain/camera.js";
import { SensorSchema } from "../../shared/domain/sensor.js";
import { ENTITY_SCHEMAS } from "../../shared/protocol/backend.js";
import { pointInPolygon } from "../../backend/geo/point-in-polygon.js";
import { buildCityModel } from "../../backend/seed/city-model.js";
import { SENSOR_KIND_PROFILES } from "../../backend/seed/sensor-catalogue.js";
import { nextReading } from "../../backend/seed/sensor-readings.js";
import { buildSeedWrites, cameraReconcileWrites, type SeedContext } from "../../backend/seed/seed.js";
import { loadUongBiWards, wardByCode } from "../../backend/seed/ward-geodata.js";
import { seededRandom } from "../../shared/seeded-random.js";
import { ALARM_TYPES } from "../../shared/domain/alarm-type.js";

const wards = loadUongBiWards();
const model = buildCityModel(wards);
const context: SeedContext = { now: new Date("2026-11-25T03:00:00Z"), publicUrl: "http://127.0.0.1:8420", cameraStatus: () => "online", demo: true };
const writes = buildSeedWrites(model, context);
const dataOf = (entity: string) => writes.flatMap((w) => (w.entity === entity && w.op === "upsert" ? [w.data] : []));

describe("the seed", () => {
  it("writes only entities that satisfy the shared schemas", () => {
    for (const write of writes) {
      expect(write.op).toBe("upsert");
      if (write.op !== "upsert") continue;
      const parsed = ENTITY_SCHEMAS[write.entity].safeParse(write.data);
      expect(parsed.success, `${write.entity} ${write.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("has the wards, the four operators, about 22 cameras, about 30 sensors and about 12 alarms", () => {
    expect(dataOf("ward")).toHaveLength(11);
    expect(dataOf("operator")).toEqual([
      { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" },
      { id: "op-02", name: "Trần Văn Minh", role: "operator" },
      { id: "sup-01", name: "Phạm Quốc Huy", role: "supervisor" },
      { id: "view-01", name: "Lê Thu Hà", role: "viewer" },
    ]);
    expect(dataOf("camera").length).toBeGreaterThanOrEqual(20);
    expect(dataOf("sensor").length).toBeGreaterThanOrEqual(28);
    expect(dataOf("alarm").length).toBeGreaterThanOrEqual(10);
  });

  it("gives cameras stream URLs on the public URL and cam-01 the live source", () => {
    const cameras = dataOf("camera").map((c) => CameraSchema.parse(c));
    expect(cameras.find((c) => c.id === "cam-01")).toMatchObject({ source: "live", streamUrl: "http://127.0.0.1:8420/hls/cam-01/index.m3u8" });
    expect(cameras.filter((c) => c.source === "simulated").length).toBe(cameras.length - 1);
  });

  it("covers every sensor kind with readings inside believable ranges", () => {
    const sensors = dataOf("sensor").map((s) => SensorSchema.parse(s));
    for (const kind of Object.keys(SENSOR_KIND_PROFILES) as Array<keyof typeof SENSOR_KIND_PROFILES>) {
      const ofKind = sensors.filter((s) => s.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThanOrEqual(5);
      for (const sensor of ofKind) {
        expect(sensor.unit).toBe(SENSOR_KIND_PROFILES[kind].unit);
        expect(sensor.lastValue).toBeGreaterThanOrEqual(SENSOR_KIND_PROFILES[kind].min);
        expect(sensor.lastValue).toBeLessThanOrEqual(SENSOR_KIND_PROFILES[kind].max);
      }
    }
  });

  it("seeds varied alarms, each inside its ward, seen by a camera of that ward", () => {
    const alarms: Alarm[] = dataOf("alarm").map((a) => AlarmSchema.parse(a));
    const cameras = dataOf("camera").map((c) => CameraSchema.parse(c));
    for (const alarm of alarms) {
      expect(ALARM_TYPES as readonly string[]).toContain(alarm.type);
      expect(pointInPolygon(alarm.location, wardByCode(wards, alarm.wardCode).boundary), alarm.id).toBe(true);
      expect(alarm.place.length).toBeGreaterThan(3);
      expect(cameras.find((c) => c.id === alarm.cameraId)?.wardCode, alarm.id).toBe(alarm.wardCode);
      expect(alarm.raisedAt <= alarm.updatedAt).toBe(true);
    }
    expect(new Set(alarms.map((a) => a.priority)).size).toBe(4);
    expect(new Set(alarms.map((a) => a.domain)).size).toBeGreaterThanOrEqual(6);
    const unacknowledged = alarms.filter((a) => a.state === "unacknowledged");
    const acknowledged = alarms.filter((a) => a.state === "acknowledged");
    expect(unacknowledged.length).toBeGreaterThan(alarms.length / 2);
    expect(acknowledged.length).toBeGreaterThanOrEqual(2);
    for (const alarm of acknowledged) expect(alarm.acknowledgedBy !== null && alarm.acknowledgedByName !== null && alarm.acknowledgedAt !== null).toBe(true);
    for (const alarm of unacknowledged) expect(alarm.acknowledgedBy).toBeNull();
  });

  it("is deterministic apart from the clock", () => {
    expect(buildSeedWrites(model, context)).toEqual(writes);
  });
});

describe("camera reconciliation", () => {
  const cameras = dataOf("camera");

  it("changes nothing when port and video are as before", () => {
    expect(cameraReconcileWrites(cameras, model, context)).toEqual([]);
  });

  it("rewrites stream URLs for a new port and statuses when video went away", () => {
    const next = cameraReconcileWrites(cameras, model, { ...context, publicUrl: "http://127.0.0.1:9999", cameraStatus: () => "offline", demo: true });
    expect(next).toHaveLength(cameras.length);
    const first = next[0];
    expect(first?.op === "upsert" && CameraSchema.parse(first.data)).toMatchObject({ status: "offline", streamUrl: expect.stringContaining(":9999/hls/") });
  });

  it("adds cameras the store does not have yet", () => {
    expect(cameraReconcileWrites(cameras.slice(1), model, context).map((w) => w.id)).toEqual(["cam-01"]);
  });
});

describe("sensor readings", () => {
  it("wander within the kind's range", () => {
    const random = seededRandom(7);
    let value: number | null = null;
    for (let i = 0; i < 500; i++) {
      value = nextReading("water_level", value, random);
      expect(value).toBeGreaterThanOrEqual(SENSOR_KIND_PROFILES.water_level.min);
      expect(value).toBeLessThanOrEqual(SENSOR_KIND_PROFILES.water_level.max);
    }
  });
});
