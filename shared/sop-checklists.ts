import { isKnownAlarmType, type AlarmType } from "./domain/alarm-type.js";

/**
 * Standard operating procedures: the checklist an officer works through for each alarm type.
 * Reference data: the backend serves it (GET /api/v1/sops) and the console ships the same table,
 * so a checklist is there offline. Step ids are stable (progress is stored on the alarm as ids);
 * the UI translates `sop.<stepId>`.
 */
export const DEFAULT_SOP: readonly string[] = ["verify", "notify_ward", "dispatch", "confirm_on_scene", "close_out"];

export const SOP_CHECKLISTS: Readonly<Record<AlarmType, readonly string[]>> = {
  intrusion_school_night: ["verify_camera", "call_school_guard", "notify_ward_police", "confirm_on_scene", "close_out"],
  river_water_level: ["check_gauge_trend", "check_rain_forecast", "notify_flood_committee", "warn_residents", "close_out"],
  air_quality_power_plant: ["check_neighbour_sensors", "contact_power_plant", "notify_environment_dept", "public_advice", "close_out"],
  traffic_crash_ql18: ["verify_camera", "call_115", "call_traffic_police", "divert_traffic", "close_out"],
  fire_alarm_market: ["verify_camera", "call_114", "notify_market_board", "evacuate", "close_out"],
  citizen_report: ["call_back_citizen", "assign_department", "close_out"],
  camera_offline: ["check_network", "call_maintenance", "close_out"],
  sensor_fault: ["check_network", "call_maintenance", "close_out"],
  crowd_density_pagoda: ["verify_camera", "notify_site_security", "close_out"],
  illegal_construction: ["verify_camera", "notify_urban_inspectors", "close_out"],
  flooding_street: ["verify", "notify_flood_committee", "divert_traffic", "close_out"],
  ambulance_request: ["call_115", "confirm_address", "confirm_on_scene", "close_out"],
  one_stop_queue_long: ["check_queue_camera", "call_one_stop_head", "open_extra_counter", "close_out"],
  dossiers_late: ["list_late_dossiers", "call_one_stop_head", "notify_ward", "close_out"],
  pm25_over_limit: ["check_neighbour_sensors", "contact_power_plant", "notify_environment_dept", "public_advice", "close_out"],
};

export function sopFor(alarmType: string): readonly string[] {
  return isKnownAlarmType(alarmType) ? SOP_CHECKLISTS[alarmType] : DEFAULT_SOP;
}

/** Every step id any checklist uses, for the translation completeness test. */
export function allSopSteps(): string[] {
  return [...new Set([...DEFAULT_SOP, ...Object.values(SOP_CHECKLISTS).flat()])].sort();
}
