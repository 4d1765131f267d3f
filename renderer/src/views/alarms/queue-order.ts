import { compareAlarmsForQueue, type Alarm } from "../../../../shared/domain/alarm.js";
import { isActiveInQueue } from "../../../../shared/alarm-lifecycle.js";

/** The alarms the queue shows, in the order operators work them: newest critical first. */
export function activeQueue(alarms: Iterable<Alarm>): Alarm[] {
  const active: Alarm[] = [];
  for (const alarm of alarms) if (isActiveInQueue(alarm.state)) active.push(alarm);
  return active.sort(compareAlarmsForQueue);
}

/** Where the selection goes after a key press, clamped to the list; -1 for an empty list. */
export function moveSelection(current: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return delta < 0 ? length - 1 : 0;
  return Math.min(length - 1, Math.max(0, current + delta));
}

/** Keep the selection on the same alarm when the list reorders; fall back to the same position. */
export function indexOfSelection(queue: readonly Alarm[], selectedId: string | null, previousIndex: number): number {
  if (queue.length === 0) return -1;
  if (selectedId !== null) {
    const found = queue.findIndex((alarm) => alarm.id === selectedId);
    if (found >= 0) return found;
  }
  if (previousIndex < 0) return -1;
  return Math.min(previousIndex, queue.length - 1);
}
