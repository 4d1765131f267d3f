import { z } from "zod";
import { IsoTimeSchema } from "./geo.js";
import type { SensorKind } from "./sensor.js";
import type { SeriesDomain } from "./domain-sample.js";

/**
 * One reading of one sensor, at full resolution: every value the sensor reported, as the change
 * feed carried its record. The dashboards draw the last day of them per sensor; the hourly domain
 * samples keep the longer history.
 */
export const SensorReadingSchema = z.object({ at: IsoTimeSchema, value: z.number().finite() });
export type SensorReading = z.infer<typeof SensorReadingSchema>;

/** How long the console's cache keeps readings at full resolution. */
export const SENSOR_READINGS_KEPT_HOURS = 24;

/**
 * The most readings one answer carries (the newest): a day of a sensor that reports every 5 s
 * (17,280) with room to spare. It bounds what a renderer can make the core read.
 */
export const MAX_SENSOR_READINGS = 20_000;

/** The sensors a domain's dashboard lists, reading by reading, in this order of kinds. */
export const SENSOR_KINDS_OF_DOMAIN: Partial<Record<SeriesDomain, readonly SensorKind[]>> = {
  environment: ["air_quality", "water_level", "noise", "rainfall"],
  traffic: ["traffic_count"],
};
