import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import { PRIORITY_RANK, type Alarm, type AlarmPriority } from "../../../../../shared/domain/alarm.js";

/** How long "silence" mutes the tones (they come back by themselves; nothing is acknowledged). */
export const SILENCE_MS = 5 * 60_000;
/** The critical tone repeats this often while unacknowledged critical alarms exist. */
export const CRITICAL_REPEAT_MS = 6_000;
/** Toasts for new alarms of these priorities. */
export const TOAST_PRIORITIES: ReadonlySet<AlarmPriority> = new Set(["critical", "high"]);

export function hasUnacknowledgedCritical(alarms: Iterable<Alarm>): boolean {
  for (const alarm of alarms) if (alarm.priority === "critical" && needsAttention(alarm.state)) return true;
  return false;
}

/**
 * Pure: alarms that are new since the previous look at the queue (ids not seen before) and
 * need attention, highest priority first. The first look after a (re)load sees nothing new:
 * the officer should not be greeted by a tone for every cached alarm.
 */
export function newAlarms(previousIds: ReadonlySet<string> | null, alarms: ReadonlyMap<string, Alarm>): Alarm[] {
  if (previousIds === null) return [];
  const fresh: Alarm[] = [];
  for (const [id, alarm] of alarms) if (!previousIds.has(id) && needsAttention(alarm.state)) fresh.push(alarm);
  return fresh.sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]);
}

/** Pure: the tone to play now for these new alarms, or null (silenced, or nothing new). */
export function toneFor(fresh: readonly Alarm[], silencedUntil: number, now: number): AlarmPriority | null {
  if (now < silencedUntil) return null;
  return fresh[0]?.priority ?? null;
}
