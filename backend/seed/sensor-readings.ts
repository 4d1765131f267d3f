import type { SensorKind } from "../../shared/domain/sensor.js";
import type { Random } from "../../shared/seeded-random.js";
import { SENSOR_KIND_PROFILES } from "./sensor-catalogue.js";

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function clampToProfile(kind: SensorKind, value: number): number {
  const profile = SENSOR_KIND_PROFILES[kind];
  return roundTo(Math.min(profile.max, Math.max(profile.min, value)), profile.decimals);
}

/** A first reading around the kind's typical value. */
export function initialReading(kind: SensorKind, random: Random): number {
  const profile = SENSOR_KIND_PROFILES[kind];
  return clampToProfile(kind, profile.typical + profile.spread * (2 * random() - 1));
}

/**
 * The next reading: a random step, pulled gently back towards the typical value so
 * readings wander believably instead of drifting to a limit and sticking there.
 */
export function nextReading(kind: SensorKind, previous: number | null, random: Random): number {
  const profile = SENSOR_KIND_PROFILES[kind];
  if (previous === null) return initialReading(kind, random);
  const pullBack = (profile.typical - previous) * 0.1;
  return clampToProfile(kind, previous + pullBack + profile.step * (2 * random() - 1));
}
