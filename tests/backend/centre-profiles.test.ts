import { describe, expect, it } from "vitest";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import { ENTITY_SCHEMAS } from "../../shared/protocol/backend.js";
import { pointInPolygon } from "../../backend/geo/point-in-polygon.js";
import { centreProfile } from "../../backend/seed/centre-profile.js";
import { buildCityModel } from "../../backend/seed/city-model.js";
import { buildSeedWrites, type SeedContext } from "../../backend/seed/seed.js";
import { wardByCode } from "../../backend/seed/ward-geodata.js";
import { createAlarm, randomAlarmType } from "../../backend/simulator/alarm-factory.js";
import { parseCliArgs } from "../../backend/cli-args.js";
import { seededRandom } from "../../shared/seeded-random.js";

const context = (profile: ReturnType<typeof centreProfile>): SeedContext => ({
  now: new Date("2026-12-04T03:00:00Z"),
  publicUrl: "http://127.0.0.1:8420",
  cameraStatus: () => "online",
  demo: true,
  operators: profile.operators,
  seedAlarms: profile.seedAlarms,
  domainHistoryHours: 2,
});
const modelOf = (profile: ReturnType<typeof centreProfile>) => buildCityModel(profile.wards(), profile.cameras(), profile.sensors);
const kinds = (writes: ReturnType<typeof buildSeedWrites>) => new Set(writes.map((w) => w.entity));

describe("the centres a backend can be", () => {
  it("Cẩm Phả: its own synthetic wards (codes no GSO ward has), cameras and sensors inside them, its staff, no seeded alarms", () => {
    const profile = centreProfile("city", "cam-pha");
    const model = modelOf(profile);
    const uongBi = new Set(centreProfile("city", "uong-bi").wards().map((w) => w.code));
    expect(model.wards.length).toBeGreaterThanOrEqual(3);
    for (const ward of model.wards) {
      expect(ward.code).toMatch(/^9\d{4}$/);
      expect(uongBi.has(ward.code)).toBe(false);
    }
    for (const placed of [...model.cameras, ...model.sensors]) expect(pointInPolygon(placed.location, wardByCode(model.wards, placed.wardCode).boundary), placed.id).toBe(true);
    expect(model.cameras.every((c) => c.id.startsWith("cp-"))).toBe(true);
    const writes = buildSeedWrites(model, context(profile));
    for (const write of writes) if (write.op === "upsert") expect(ENTITY_SCHEMAS[write.entity].safeParse(write.data).success, `${write.entity} ${write.id}`).toBe(true);
    expect(writes.filter((w) => w.entity === "alarm")).toEqual([]);
    expect(writes.filter((w) => w.entity === "operator").map((w) => (w.op === "upsert" ? (w.data as { name: string }).name : ""))).toContain("Bùi Đức Thắng");
  });

  it("Cẩm Phả's simulator raises only alarms its city can have, each placed in one of its wards", () => {
    const model = modelOf(centreProfile("city", "cam-pha"));
    const random = seededRandom(7);
    const codes = new Set(model.wards.map((w) => w.code));
    const types = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const alarm = AlarmSchema.parse(createAlarm(model, { id: `alm-${i}`, type: randomAlarmType(model, random), now: new Date(), random }));
      types.add(alarm.type);
      expect(codes.has(alarm.wardCode)).toBe(true);
      expect(pointInPolygon(alarm.location, wardByCode(model.wards, alarm.wardCode).boundary)).toBe(true);
    }
    // A city without a power plant or a pagoda raises none of their alarms, and still a variety of others.
    expect(types.has("air_quality_power_plant")).toBe(false);
    expect(types.has("crowd_density_pagoda")).toBe(false);
    expect(types.size).toBeGreaterThanOrEqual(6);
  });

  it("the province seeds no city at all: only its own staff", () => {
    const profile = centreProfile("province");
    const writes = buildSeedWrites(modelOf(profile), context(profile));
    expect(kinds(writes)).toEqual(new Set(["operator"]));
    expect(writes.map((w) => (w.op === "upsert" ? (w.data as { name: string }).name : ""))).toContain("Đặng Quang Vinh");
  });

  it("Uông Bí stays the default city", () => {
    expect(centreProfile("city")).toBe(centreProfile("city", "uong-bi"));
    expect(centreProfile("city").wards()).toHaveLength(11);
  });

  it("is chosen by --city-profile, for a city only", () => {
    expect(parseCliArgs(["--city-profile", "cam-pha"])).toMatchObject({ ok: true, value: { cityProfile: "cam-pha" } });
    expect(parseCliArgs(["--city-profile", "ha-long"])).toMatchObject({ ok: false });
    expect(parseCliArgs(["--role", "province", "--city", "uong-bi=Uông Bí", "--city-profile", "cam-pha"])).toMatchObject({ ok: false });
  });
});
