import { ENVIRONMENT_SENSOR_KINDS, type SensorReading } from "../../../../../shared/domain/sensor-reading.js";
import type { Sensor, SensorKind } from "../../../../../shared/domain/sensor.js";
import type { TimeSeries } from "./domain-views.js";

/**
 * Adds the latest reading a sensor's record brought, unless it is not newer than the last one
 * shown (the cache's answer may hold it already), and lets go of readings before `keptFromIso`.
 */
export function appendReading(readings: readonly SensorReading[], reading: SensorReading, keptFromIso: string): readonly SensorReading[] {
  const last = readings.at(-1);
  if (last !== undefined && reading.at <= last.at) return readings;
  const first = readings.findIndex((r) => r.at >= keptFromIso);
  const kept = first === -1 ? [] : first === 0 ? readings : readings.slice(first);
  return reading.at >= keptFromIso ? [...kept, reading] : kept;
}

export function readingSeries(readings: readonly SensorReading[]): TimeSeries {
  return { times: readings.map((r) => Date.parse(r.at) / 1000), values: readings.map((r) => r.value) };
}

const KIND_ORDER: readonly SensorKind[] = ENVIRONMENT_SENSOR_KINDS;

/** The environment's sensors (air, water, noise, rain) of one ward, or of the city, by kind then name. */
export function environmentSensors(sensors: Iterable<Sensor>, wardCode: string | null): Sensor[] {
  return [...sensors]
    .filter((s) => KIND_ORDER.includes(s.kind) && (wardCode === null || s.wardCode === wardCode))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, "vi"));
}
