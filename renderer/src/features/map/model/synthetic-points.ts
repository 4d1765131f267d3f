import { AlarmSchema, type Alarm, type AlarmPriority } from "../../../../../shared/domain/alarm.js";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { LonLat } from "../../../../../shared/domain/geo.js";
import type { Sensor, SensorKind } from "../../../../../shared/domain/sensor.js";
import type { AlarmObject, CameraObject, SensorObject } from "./map-objects.js";
import type { Bounds } from "./ward-geometry.js";
import { seededRandom } from "../../../../../shared/seeded-random.js";

/**
 * Load for benchmarks and tests only: many believable objects spread over the city, made
 * in the page (the backend's real city has tens). Seeded, so every run draws the same map.
 */

const KINDS: readonly SensorKind[] = ["air_quality", "water_level", "traffic_count", "noise", "rainfall"];
const PRIORITIES: readonly AlarmPriority[] = ["critical", "high", "medium", "low"];
const AT = "2026-01-01T00:00:00.000+07:00";

export interface SyntheticLoad {
  points: (CameraObject | SensorObject)[];
  alarms: AlarmObject[];
}

export function syntheticLoad(pointCount: number, alarmCount: number, [[west, south], [east, north]]: Bounds, seed = 1): SyntheticLoad {
  const random = seededRandom(seed);
  const at = (): LonLat => [west + (east - west) * random(), south + (north - south) * random()];
  const points: (CameraObject | SensorObject)[] = [];
  for (let i = 0; i < pointCount; i++) {
    const position = at();
    if (i % 5 === 0) {
      const camera: Camera = {
        id: `syn-cam-${i}`,
        name: `Synthetic camera ${i}`,
        wardCode: "00000",
        location: position,
        bearing: null,
        status: random() < 0.9 ? "online" : "offline",
        streamUrl: "http://127.0.0.1/none.m3u8",
        source: "simulated",
      };
      points.push({ kind: "camera", id: camera.id, position, camera });
    } else {
      const kind = KINDS[i % KINDS.length] ?? "noise";
      const sensor: Sensor = {
        id: `syn-sen-${i}`,
        name: `Synthetic sensor ${i}`,
        kind,
        wardCode: "00000",
        location: position,
        unit: "",
        lastValue: Math.round(random() * 200),
        lastAt: AT,
      };
      points.push({ kind: "sensor", id: sensor.id, position, sensor });
    }
  }
  // Parsed once so every field the contract defaults is there, whatever it grows.
  const template = AlarmSchema.parse({
    id: "syn-alm",
    type: "citizen_report",
    domain: "security",
    priority: "low",
    state: "acknowledged",
    source: { kind: "system", id: null },
    cameraId: null,
    wardCode: "00000",
    location: [west, south],
    place: "Synthetic",
    raisedAt: AT,
    updatedAt: AT,
    acknowledgedBy: null,
    acknowledgedByName: null,
    acknowledgedAt: null,
    comments: [],
  });
  const alarms: AlarmObject[] = [];
  for (let i = 0; i < alarmCount; i++) {
    const position = at();
    const alarm: Alarm = {
      ...template,
      id: `syn-alm-${i}`,
      priority: PRIORITIES[Math.floor(random() * PRIORITIES.length)] ?? "low",
      state: random() < 0.3 ? "unacknowledged" : "acknowledged",
      location: position,
      place: `Synthetic ${i}`,
    };
    alarms.push({ kind: "alarm", id: alarm.id, position, alarm });
  }
  return { points, alarms };
}
