import type { Alarm } from "../../../../../shared/domain/alarm.js";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { Incident } from "../../../../../shared/domain/incident.js";
import type { LonLat } from "../../../../../shared/domain/geo.js";
import type { Sensor } from "../../../../../shared/domain/sensor.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import { assertNever } from "../../../../../shared/result.js";
import { formatCityTime } from "../../../../../shared/time.js";
import { labelPoint } from "./ward-geometry.js";

/** What a deck.gl layer draws and picks: the domain object plus where it is. */
export type CameraObject = { kind: "camera"; id: string; position: LonLat; camera: Camera };
export type SensorObject = { kind: "sensor"; id: string; position: LonLat; sensor: Sensor };
export type AlarmObject = { kind: "alarm"; id: string; position: LonLat; alarm: Alarm };
export type IncidentObject = { kind: "incident"; id: string; position: LonLat; incident: Incident };
export type MapObject = CameraObject | SensorObject | AlarmObject | IncidentObject;

export interface WardLabel {
  code: string;
  name: string;
  position: LonLat;
  /** Approximate area in km², to give big wards' names precedence when labels collide. */
  areaKm2: number;
}

export function cameraObjects(cameras: readonly Camera[]): CameraObject[] {
  return cameras.map((camera) => ({ kind: "camera", id: camera.id, position: camera.location, camera }));
}

export function sensorObjects(sensors: readonly Sensor[]): SensorObject[] {
  return sensors.map((sensor) => ({ kind: "sensor", id: sensor.id, position: sensor.location, sensor }));
}

/** Closed incidents are history: the map shows the ones still being worked. */
export function incidentObjects(incidents: readonly Incident[]): IncidentObject[] {
  return incidents
    .filter((incident) => incident.status !== "closed")
    .map((incident) => ({ kind: "incident", id: incident.id, position: incident.location, incident }));
}

/** Lowest priority first, so critical alarms are drawn on top where they overlap. */
export function alarmObjects(queue: readonly Alarm[]): AlarmObject[] {
  const objects: AlarmObject[] = [];
  for (let i = queue.length - 1; i >= 0; i--) {
    const alarm = queue[i];
    if (alarm !== undefined) objects.push({ kind: "alarm", id: alarm.id, position: alarm.location, alarm });
  }
  return objects;
}

/** Largest first: the order in which labels claim their space on screen. */
export function wardLabels(wards: readonly Ward[]): WardLabel[] {
  return wards
    .map((ward) => ({
      code: ward.code,
      name: ward.name.normalize("NFC"),
      position: labelPoint(ward.boundary.coordinates),
      areaKm2: ringAreaKm2(ward.boundary.coordinates[0] ?? []),
    }))
    .sort((a, b) => b.areaKm2 - a.areaKm2 || a.code.localeCompare(b.code));
}

/** Shoelace area on an equirectangular projection: plenty for a city-sized ring. */
export function ringAreaKm2(ring: readonly LonLat[]): number {
  if (ring.length < 3) return 0;
  const latitude = ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length;
  const kmPerDegLat = 110.574;
  const kmPerDegLon = 111.32 * Math.cos((latitude * Math.PI) / 180);
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] ?? [0, 0];
    const [x2, y2] = ring[(i + 1) % ring.length] ?? [0, 0];
    twice += x1 * kmPerDegLon * (y2 * kmPerDegLat) - x2 * kmPerDegLon * (y1 * kmPerDegLat);
  }
  return Math.abs(twice) / 2;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface DescribeContext {
  t: Translate;
  wardName: (code: string) => string;
  locale: string;
}

/** The hover text for a map object, one fact per line. */
export function describeMapObject(object: MapObject, { t, wardName, locale }: DescribeContext): string {
  switch (object.kind) {
    case "camera": {
      const { camera } = object;
      return [
        `${t("map.camera")} · ${camera.name}`,
        `${wardName(camera.wardCode)} · ${t(`map.cameraStatus.${camera.status}`)}`,
        camera.id,
      ].join("\n");
    }
    case "sensor": {
      const { sensor } = object;
      const reading =
        sensor.lastValue === null
          ? t("map.noReading")
          : `${sensor.lastValue.toLocaleString(locale)} ${sensor.unit}${sensor.lastAt !== null ? ` · ${formatCityTime(sensor.lastAt, locale)}` : ""}`;
      return [`${t(`map.sensorKinds.${sensor.kind}`)} · ${sensor.name}`, `${wardName(sensor.wardCode)}`, reading].join("\n");
    }
    case "alarm": {
      const { alarm } = object;
      return [
        `${t(`priorities.${alarm.priority}`)} · ${t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type })}`,
        `${alarm.place} · ${wardName(alarm.wardCode)}`,
        `${t(`states.${alarm.state}`)} · ${formatCityTime(alarm.raisedAt, locale)}`,
      ].join("\n");
    }
    case "incident": {
      const { incident } = object;
      return [
        `${t("map.incident")} · ${incident.title}`,
        `${wardName(incident.wardCode)} · ${t(`map.incidentStatus.${incident.status}`)}`,
        incident.assignedUnit ?? t("map.unassigned"),
      ].join("\n");
    }
    default:
      return assertNever(object);
  }
}
