import type { SensorKind } from "../../../../../shared/domain/sensor.js";
import type { Rgba } from "./map-colours.js";

/**
 * One colour scale per sensor kind: the latest reading falls in a band, good to bad.
 * Thresholds follow the national limits where there is one (PM2.5: QCVN 05:2023,
 * 24-hour limit 50 µg/m³; noise: QCVN 26:2010, 70 dB(A) by day) and the simulator's
 * believable ranges elsewhere. Each band has a text name too: colour is never the only cue.
 */
export type SensorBand = "good" | "moderate" | "poor" | "bad" | "severe";

export const SENSOR_BANDS: readonly SensorBand[] = ["good", "moderate", "poor", "bad", "severe"];

/** Upper bound (exclusive) of each band but the last, per kind. */
export const SENSOR_THRESHOLDS: Record<SensorKind, readonly [number, number, number, number]> = {
  air_quality: [25, 50, 100, 150],
  water_level: [2.5, 3.5, 4.5, 5.5],
  traffic_count: [800, 1600, 2400, 3200],
  noise: [55, 70, 80, 90],
  rainfall: [2.5, 10, 50, 70],
};

export const BAND_RGBA: Record<SensorBand, Rgba> = {
  good: [72, 200, 120, 230],
  moderate: [232, 214, 64, 230],
  poor: [255, 150, 50, 235],
  bad: [240, 70, 70, 240],
  severe: [170, 80, 220, 245],
};

/** A sensor that has not reported yet: grey, not green (no news is not good news). */
export const NO_READING_RGBA: Rgba = [130, 138, 152, 200];

export function sensorBand(kind: SensorKind, value: number | null): SensorBand | null {
  if (value === null || !Number.isFinite(value)) return null;
  const thresholds = SENSOR_THRESHOLDS[kind];
  for (let i = 0; i < thresholds.length; i++) {
    if (value < (thresholds[i] ?? Infinity)) return SENSOR_BANDS[i] ?? "severe";
  }
  return "severe";
}

export function sensorColour(kind: SensorKind, value: number | null): Rgba {
  const band = sensorBand(kind, value);
  return band === null ? NO_READING_RGBA : BAND_RGBA[band];
}
