import { describe, expect, it } from "vitest";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import { pointInPolygon } from "../../backend/geo/point-in-polygon.js";
import { buildCityModel } from "../../backend/seed/city-model.js";
import { loadUongBiWards, wardByCode } from "../../backend/seed/ward-geodata.js";
import { seededRandom } from "../../shared/seeded-random.js";
import { AlarmIdGenerator } from "../../backend/simulator/alarm-ids.js";
import { createAlarm, randomAlarmType } from "../../backend/simulator/alarm-factory.js";
import { ALARM_TEMPLATES } from "../../backend/simulator/alarm-templates.js";
import { ALARM_TYPES } from "../../shared/domain/alarm-type.js";

const model = buildCityModel(loadUongBiWards());
const now = new Date("2026-11-25T15:00:00Z");

describe("createAlarm", () => {
  it("makes valid, located alarms of every type", () => {
    const random = seededRandom(1);
    for (const type of ALARM_TYPES) {
      for (let i = 0; i < 20; i++) {
        const alarm = AlarmSchema.parse(createAlarm(model, { id: `${type}-${i}`, type, now, random }));
        expect(alarm.state).toBe("unacknowledged");
        expect(alarm.domain).toBe(ALARM_TEMPLATES[type].domain);
        expect(alarm.source.kind).toBe(ALARM_TEMPLATES[type].sourceKind);
        expect(pointInPolygon(alarm.location, wardByCode(model.wards, alarm.wardCode).boundary), alarm.id).toBe(true);
        expect(model.cameras.find((c) => c.id === alarm.cameraId)?.wardCode).toBe(alarm.wardCode);
      }
    }
  });

  it("fits types to places: crashes on QL18, air quality at the power plant, intrusions at schools", () => {
    const random = seededRandom(2);
    for (let i = 0; i < 20; i++) {
      expect(createAlarm(model, { id: `t${i}`, type: "traffic_crash_ql18", now, random }).place).toContain("QL18");
      expect(createAlarm(model, { id: `a${i}`, type: "air_quality_power_plant", now, random }).place).toContain("Nhiệt điện");
      expect(createAlarm(model, { id: `s${i}`, type: "intrusion_school_night", now, random }).place).toMatch(/^Trường/);
      expect(createAlarm(model, { id: `f${i}`, type: "flooding_street", now, random }).place).toMatch(/^Đường .*, (phường|xã) /);
    }
  });

  it("honours a requested priority and anchor", () => {
    const alarm = createAlarm(model, { id: "x", type: "camera_offline", now, random: seededRandom(3), priority: "low", anchorId: "cam-05" });
    expect(alarm).toMatchObject({ priority: "low", cameraId: "cam-05", source: { kind: "camera", id: "cam-05" }, place: "Cầu Sông Uông" });
    expect(() => createAlarm(model, { id: "y", type: "intrusion_school_night", now, random: seededRandom(3), anchorId: "cam-05" })).toThrow(/not a camera/);
  });

  it("is repeatable for the same random sequence", () => {
    const a = createAlarm(model, { id: "same", type: "citizen_report", now, random: seededRandom(9) });
    const b = createAlarm(model, { id: "same", type: "citizen_report", now, random: seededRandom(9) });
    expect(a).toEqual(b);
  });
});

describe("random alarm types", () => {
  it("never picks a type reserved for real events (camera_offline, thresholds crossed)", () => {
    const random = seededRandom(4);
    const seen = new Set(Array.from({ length: 2000 }, () => randomAlarmType(model, random)));
    expect(seen.has("camera_offline")).toBe(false);
    expect(seen.has("one_stop_queue_long")).toBe(false);
    expect(seen.size).toBe(ALARM_TYPES.filter((type) => ALARM_TEMPLATES[type].frequency > 0).length);
  });
});

describe("alarm ids", () => {
  it("are unique within a process, even within one millisecond", () => {
    const ids = new AlarmIdGenerator();
    const made = Array.from({ length: 10_000 }, () => ids.next(now));
    expect(new Set(made).size).toBe(made.length);
    expect(made[0]).toMatch(/^alm-[0-9a-z]+-[0-9a-f]{6}-[0-9a-z]{3,}$/);
  });

  it("differ between two instances raising in the same millisecond (several backends on one database)", () => {
    const [a, b] = [new AlarmIdGenerator(), new AlarmIdGenerator()];
    expect(a.next(now)).not.toBe(b.next(now));
  });
});
