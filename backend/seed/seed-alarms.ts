import type { Alarm, AlarmComment, AlarmPriority } from "../../shared/domain/alarm.js";
import type { Operator } from "../../shared/domain/operator.js";
import { hashString, seededRandom } from "../../shared/seeded-random.js";
import { createAlarm } from "../simulator/alarm-factory.js";
import type { AlarmType } from "../../shared/domain/alarm-type.js";
import type { CityModel } from "./city-model.js";
import { SEED_OPERATORS } from "./operators.js";
import { WARD } from "./ward-codes.js";

interface SeedAlarm {
  id: string;
  type: AlarmType;
  priority: AlarmPriority;
  anchorId: string;
  minutesAgo: number;
  /** Who acknowledged it and how long after it was raised. */
  acknowledged?: { by: string; afterMinutes: number };
  /** The alarm cleared by itself (returned to normal) but nobody has acknowledged it yet. */
  cleared?: true;
  comments?: ReadonlyArray<{ by: string; afterMinutes: number; text: string }>;
}

/** A morning's worth of varied alarms, mostly waiting for an operator. */
const SEED_ALARMS: readonly SeedAlarm[] = [
  { id: "alm-0001", type: "traffic_crash_ql18", priority: "critical", anchorId: "cam-18", minutesAgo: 3 },
  { id: "alm-0002", type: "fire_alarm_market", priority: "critical", anchorId: "cam-02", minutesAgo: 6 },
  { id: "alm-0003", type: "air_quality_power_plant", priority: "high", anchorId: "aq-02", minutesAgo: 11 },
  { id: "alm-0004", type: "river_water_level", priority: "high", anchorId: "wl-01", minutesAgo: 17 },
  {
    id: "alm-0005",
    type: "intrusion_school_night",
    priority: "high",
    anchorId: "cam-07",
    minutesAgo: 42,
    acknowledged: { by: "op-02", afterMinutes: 2 },
    comments: [{ by: "op-02", afterMinutes: 3, text: "Đã báo công an phường Thanh Sơn đến kiểm tra." }],
  },
  { id: "alm-0006", type: "crowd_density_pagoda", priority: "medium", anchorId: "cam-03", minutesAgo: 24 },
  { id: "alm-0007", type: "citizen_report", priority: "low", anchorId: WARD.bacSon, minutesAgo: 35 },
  { id: "alm-0008", type: "camera_offline", priority: "medium", anchorId: "cam-20", minutesAgo: 55, cleared: true },
  { id: "alm-0009", type: "sensor_fault", priority: "low", anchorId: "rf-03", minutesAgo: 63 },
  { id: "alm-0010", type: "illegal_construction", priority: "medium", anchorId: "cam-21", minutesAgo: 80 },
  { id: "alm-0011", type: "flooding_street", priority: "high", anchorId: WARD.yenThanh, minutesAgo: 9 },
  {
    id: "alm-0012",
    type: "ambulance_request",
    priority: "critical",
    anchorId: WARD.quangTrung,
    minutesAgo: 28,
    acknowledged: { by: "sup-01", afterMinutes: 1 },
    comments: [{ by: "sup-01", afterMinutes: 2, text: "Xe cấp cứu 115 đã xuất phát từ Bệnh viện Việt Nam - Thụy Điển." }],
  },
];

function operator(id: string): Operator {
  const found = SEED_OPERATORS.find((o) => o.id === id);
  if (found === undefined) throw new Error(`Seed alarm names unknown operator ${id}`);
  return found;
}

const minutesBefore = (now: Date, minutes: number): Date => new Date(now.getTime() - minutes * 60_000);

/** A smaller city (`--cameras N`) lacks some seeds' cameras and the sensors beside them: those seeds are left out. */
function anchorIsInCity(model: CityModel, anchorId: string): boolean {
  if (model.wards.some((ward) => ward.code === anchorId) || model.cameras.some((camera) => camera.id === anchorId)) return true;
  const sensor = model.sensors.find((s) => s.id === anchorId);
  return sensor !== undefined && (sensor.nearCameraId === null || model.cameras.some((camera) => camera.id === sensor.nearCameraId));
}

/** The seeded alarms, their times relative to `now`. */
export function buildSeedAlarms(model: CityModel, now: Date): Alarm[] {
  return SEED_ALARMS.filter((seed) => anchorIsInCity(model, seed.anchorId)).map((seed) => {
    const raisedAt = minutesBefore(now, seed.minutesAgo);
    const alarm = createAlarm(model, {
      id: seed.id,
      type: seed.type,
      priority: seed.priority,
      anchorId: seed.anchorId,
      now: raisedAt,
      random: seededRandom(hashString(seed.id)),
    });
    const comments: AlarmComment[] = (seed.comments ?? []).map((c, index) => ({
      id: `${seed.id}-c${index + 1}`,
      operatorId: c.by,
      operatorName: operator(c.by).name,
      at: new Date(raisedAt.getTime() + c.afterMinutes * 60_000).toISOString(),
      text: c.text,
    }));
    const lastComment = comments[comments.length - 1];
    if (seed.acknowledged !== undefined) {
      const ackAt = new Date(raisedAt.getTime() + seed.acknowledged.afterMinutes * 60_000).toISOString();
      const by = operator(seed.acknowledged.by);
      const updatedAt = lastComment !== undefined && lastComment.at > ackAt ? lastComment.at : ackAt;
      return {
        ...alarm,
        state: "acknowledged",
        acknowledgedBy: by.id,
        acknowledgedByName: by.name,
        acknowledgedAt: ackAt,
        updatedAt,
        comments,
      };
    }
    if (seed.cleared === true) {
      return { ...alarm, state: "rtn_unacknowledged", updatedAt: minutesBefore(now, seed.minutesAgo - 4).toISOString(), comments };
    }
    return { ...alarm, comments, updatedAt: lastComment?.at ?? alarm.updatedAt };
  });
}
