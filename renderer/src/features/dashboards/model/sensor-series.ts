import { SENSOR_KINDS_OF_DOMAIN, type SensorReading } from "../../../../../shared/domain/sensor-reading.js";
import type { SeriesDomain } from "../../../../../shared/domain/domain-sample.js";
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

/** The readings as a line over the `hours` before `now`. */
export function readingSeries(readings: readonly SensorReading[], now: Date, hours: number): TimeSeries {
  const toS = now.getTime() / 1000;
  return { times: readings.map((r) => Date.parse(r.at) / 1000), values: readings.map((r) => r.value), span: { fromS: toS - hours * 3600, toS } };
}

/** A domain's sensors (the environment's air, water, noise and rain; traffic's counters) of one ward or of the city, by kind then name. */
export function domainSensors(sensors: Iterable<Sensor>, domain: SeriesDomain, wardCode: string | null): Sensor[] {
  const kinds: readonly SensorKind[] = SENSOR_KINDS_OF_DOMAIN[domain] ?? [];
  return [...sensors]
    .filter((s) => kinds.includes(s.kind) && (wardCode === null || s.wardCode === wardCode))
    .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.name.localeCompare(b.name, "vi"));
}
