import type { Alarm } from "../../../../../shared/domain/alarm.js";

/**
 * The camera of the alarm hot-spot tile: the one linked to the newest unacknowledged critical
 * alarm that has a camera. Null when there is none (the tile then says so).
 */
export function hotSpotCamera(alarms: Iterable<Alarm>): { cameraId: string; alarmId: string } | null {
  let best: Alarm | null = null;
  for (const alarm of alarms) {
    if (alarm.priority !== "critical" || alarm.cameraId === null) continue;
    // Still happening and nobody has taken it: a returned-to-normal alarm no longer needs eyes on it.
    if (alarm.state !== "unacknowledged") continue;
    if (best === null || alarm.raisedAt > best.raisedAt || (alarm.raisedAt === best.raisedAt && alarm.id > best.id)) best = alarm;
  }
  return best === null || best.cameraId === null ? null : { cameraId: best.cameraId, alarmId: best.id };
}
