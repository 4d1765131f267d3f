import type { Alarm } from "../../../../../shared/domain/alarm.js";

/**
 * Flood handling: alarms repeated by one source (the same camera, sensor or address raising the
 * same type) are shown as one group with its count and first and last time.
 */
export interface AlarmGroup {
  key: string;
  /** The group's alarms in queue order; the first stands for the group. */
  alarms: Alarm[];
  firstRaisedAt: string;
  lastRaisedAt: string;
  /** The source raised this alarm again and again within a short time (EEMUA 191 "chattering"). */
  chattering: boolean;
}

/** A source that raises the same alarm this many times within CHATTER_WINDOW_MS is chattering. */
export const CHATTER_COUNT = 3;
export const CHATTER_WINDOW_MS = 60_000;

export function sourceKey(alarm: Alarm): string {
  return `${alarm.type}|${alarm.source.kind}|${alarm.source.id ?? alarm.place}`;
}

/** Pure: whether any CHATTER_COUNT consecutive raise times (sorted ascending) fit in the window. */
export function isChattering(raisedTimesAscending: readonly number[]): boolean {
  for (let i = CHATTER_COUNT - 1; i < raisedTimesAscending.length; i++) {
    if (raisedTimesAscending[i]! - raisedTimesAscending[i - (CHATTER_COUNT - 1)]! <= CHATTER_WINDOW_MS) return true;
  }
  return false;
}

/** Pure: the queue grouped by source, groups in the order of their first alarm in the queue. */
export function groupBySource(queue: readonly Alarm[]): AlarmGroup[] {
  const groups = new Map<string, Alarm[]>();
  for (const alarm of queue) {
    const key = sourceKey(alarm);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [alarm]);
    else group.push(alarm);
  }
  const out: AlarmGroup[] = [];
  for (const [key, alarms] of groups) {
    let first = alarms[0]!.raisedAt;
    let last = first;
    for (const a of alarms) {
      if (a.raisedAt < first) first = a.raisedAt;
      if (a.raisedAt > last) last = a.raisedAt;
    }
    const chattering = alarms.length >= CHATTER_COUNT && isChattering(alarms.map((a) => Date.parse(a.raisedAt)).sort((x, y) => x - y));
    out.push({ key, alarms, firstRaisedAt: first, lastRaisedAt: last, chattering });
  }
  return out;
}

/** Sources that chatter, by key, for flagging rows even when the queue is not grouped. */
export function chatteringSources(groups: readonly AlarmGroup[]): ReadonlySet<string> {
  return new Set(groups.filter((g) => g.chattering).map((g) => g.key));
}
