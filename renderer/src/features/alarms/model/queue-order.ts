import { compareAlarmsForQueue, type Alarm } from "../../../../../shared/domain/alarm.js";
import { isActiveInQueue } from "../../../../../shared/alarm-lifecycle.js";

/** The alarms the queue shows, in the order operators work them: newest critical first. */
export function activeQueue(alarms: Iterable<Alarm>): Alarm[] {
  const active: Alarm[] = [];
  for (const alarm of alarms) if (isActiveInQueue(alarm.state)) active.push(alarm);
  return active.sort(compareAlarmsForQueue);
}

/** Above this share of changed alarms, a full sort is cheaper than patching the previous order. */
const PATCH_LIMIT_SHARE = 0.25;

/**
 * Pure: the active queue for `next`, reusing the order of `previous` (the queue computed for
 * `previousAlarms`). An alarm's place depends only on priority, raisedAt and id, which do not
 * change, so a flood adds a few hundred alarms to a sorted list of thousands: patch and merge in
 * O(n) instead of sorting everything again on every update.
 */
export function updateActiveQueue(previousAlarms: ReadonlyMap<string, Alarm>, previous: readonly Alarm[], next: ReadonlyMap<string, Alarm>): Alarm[] {
  const added: Alarm[] = [];
  const replaced = new Map<string, Alarm>();
  const dropped = new Set<string>();
  let carried = 0;
  for (const [id, alarm] of next) {
    const old = previousAlarms.get(id);
    if (old !== undefined) carried += 1;
    if (old === alarm) continue;
    const wasActive = old !== undefined && isActiveInQueue(old.state);
    const isActive = isActiveInQueue(alarm.state);
    if (wasActive && isActive && compareAlarmsForQueue(old, alarm) === 0) replaced.set(id, alarm);
    else {
      if (wasActive) dropped.add(id);
      if (isActive) added.push(alarm);
    }
    if (added.length + replaced.size + dropped.size > Math.max(64, next.size * PATCH_LIMIT_SHARE)) return activeQueue(next.values());
  }
  const removedFromMap = carried < previousAlarms.size;
  const kept: Alarm[] = [];
  for (const alarm of previous) {
    if (dropped.has(alarm.id) || (removedFromMap && !next.has(alarm.id))) continue;
    kept.push(replaced.get(alarm.id) ?? alarm);
  }
  if (added.length === 0) return kept;
  added.sort(compareAlarmsForQueue);
  const merged: Alarm[] = new Array<Alarm>(kept.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < added.length) merged[k++] = compareAlarmsForQueue(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!;
  while (i < kept.length) merged[k++] = kept[i++]!;
  while (j < added.length) merged[k++] = added[j++]!;
  return merged;
}

/** Where the selection goes after a key press, clamped to the list; -1 for an empty list. */
export function moveSelection(current: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return delta < 0 ? length - 1 : 0;
  return Math.min(length - 1, Math.max(0, current + delta));
}

/**
 * Keep the selection on the same alarm when the list reorders; fall back to the same position
 * when the alarm left the queue. No selection (cleared, possibly from another window) stays none.
 */
export function indexOfSelection(queue: readonly Alarm[], selectedId: string | null, previousIndex: number): number {
  if (queue.length === 0 || selectedId === null) return -1;
  const found = queue.findIndex((alarm) => alarm.id === selectedId);
  if (found >= 0) return found;
  if (previousIndex < 0) return -1;
  return Math.min(previousIndex, queue.length - 1);
}
