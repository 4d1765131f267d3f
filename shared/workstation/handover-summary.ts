import type { Alarm } from "../domain/alarm.js";
import type { HandoverSummary } from "../domain/handover.js";
import type { Incident } from "../domain/incident.js";
import { LIMITS } from "../limits.js";

/**
 * What a handover note lists by itself: incidents not closed, alarms shelved, critical alarms
 * nobody has acknowledged. Oldest first, so the incoming operator reads them in the order they
 * arose; each list at most LIMITS.handoverItems long.
 */
export function handoverSummary(alarms: readonly Alarm[], incidents: readonly Incident[]): HandoverSummary {
  const byTime = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    openIncidents: incidents
      .filter((i) => i.status !== "closed")
      .sort(byTime((i: Incident) => i.createdAt))
      .slice(0, LIMITS.handoverItems)
      .map((i) => ({ id: i.id, title: i.title, status: i.status })),
    shelvedAlarms: alarms
      .filter((a) => a.state === "shelved")
      .sort(byTime((a: Alarm) => a.raisedAt))
      .slice(0, LIMITS.handoverItems)
      .map((a) => ({ id: a.id, type: a.type, place: a.place, shelvedUntil: a.shelvedUntil })),
    unacknowledgedCritical: alarms
      .filter((a) => a.priority === "critical" && (a.state === "unacknowledged" || a.state === "rtn_unacknowledged"))
      .sort(byTime((a: Alarm) => a.raisedAt))
      .slice(0, LIMITS.handoverItems)
      .map((a) => ({ id: a.id, type: a.type, place: a.place, priority: a.priority, raisedAt: a.raisedAt })),
  };
}
