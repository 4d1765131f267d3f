import { z } from "zod";

/**
 * Every alarm type this release knows: the console translates each (`alarmTypes.<type>`) and has
 * a checklist for each; the simulator raises them. Adding one means adding its translations, its
 * checklist and its simulator template, which the type checker and the tests ask for.
 */
export const ALARM_TYPES = [
  "intrusion_school_night",
  "river_water_level",
  "air_quality_power_plant",
  "traffic_crash_ql18",
  "fire_alarm_market",
  "citizen_report",
  "camera_offline",
  "sensor_fault",
  "crowd_density_pagoda",
  "illegal_construction",
  "flooding_street",
  "ambulance_request",
  // Raised when a ward's domain figures cross a threshold (shared/dashboards/thresholds.ts).
  "one_stop_queue_long",
  "dossiers_late",
  "pm25_over_limit",
] as const;
export const AlarmTypeSchema = z.enum(ALARM_TYPES);
export type AlarmType = z.infer<typeof AlarmTypeSchema>;

export function isKnownAlarmType(type: string): type is AlarmType {
  return (ALARM_TYPES as readonly string[]).includes(type);
}
