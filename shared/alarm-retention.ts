import type { Alarm } from "./domain/alarm.js";
import type { Incident } from "./domain/incident.js";

/**
 * How long a console keeps alarms that have cleared (state "normal"), so memory stays bounded over
 * shifts that run for days. Open alarms, and every alarm an incident names, are always kept.
 * - On screen (the renderer, the core's snapshot): a day, more than a shift and its handover.
 * - In the console's cache (shift reports, offline): 30 days; older ones stay on the backend.
 */
export const CLEARED_ALARM_ON_SCREEN_MS = 24 * 60 * 60_000;
export const CLEARED_ALARM_IN_CACHE_MS = 30 * 24 * 60 * 60_000;

/** Pure: the ids of alarms that incidents name (kept whatever their state). */
export function alarmIdsOfIncidents(incidents: Iterable<Pick<Incident, "alarmIds">>): Set<string> {
  const ids = new Set<string>();
  for (const incident of incidents) for (const id of incident.alarmIds) ids.add(id);
  return ids;
}

/** Pure: whether an alarm is still kept `windowMs` after it cleared, at `nowMs`. */
export function keepsAlarm(alarm: Pick<Alarm, "id" | "state" | "updatedAt">, nowMs: number, windowMs: number, named: ReadonlySet<string>): boolean {
  return alarm.state !== "normal" || named.has(alarm.id) || nowMs - Date.parse(alarm.updatedAt) <= windowMs;
}

/** Pure: the alarms kept on screen; the same map when none is dropped (so selectors see no change). */
export function pruneClearedAlarms(alarms: ReadonlyMap<string, Alarm>, incidents: Iterable<Pick<Incident, "alarmIds">>, nowMs: number): ReadonlyMap<string, Alarm> {
  const named = alarmIdsOfIncidents(incidents);
  let kept: Map<string, Alarm> | null = null;
  for (const [id, alarm] of alarms) {
    if (keepsAlarm(alarm, nowMs, CLEARED_ALARM_ON_SCREEN_MS, named)) continue;
    kept ??= new Map(alarms);
    kept.delete(id);
  }
  return kept ?? alarms;
}
