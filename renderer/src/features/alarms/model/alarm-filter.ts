import type { Alarm, AlarmDomain, AlarmPriority, AlarmState } from "../../../../../shared/domain/alarm.js";
import { foldForSearch } from "../../../../../shared/text/fold-for-search.js";

export { foldForSearch };

/** What the officer narrowed the queue to. Empty sets mean "any". The ward comes from the shared selection. */
export interface AlarmFilter {
  priorities: ReadonlySet<AlarmPriority>;
  states: ReadonlySet<AlarmState>;
  domains: ReadonlySet<AlarmDomain>;
  wardCode: string | null;
  /** Free text, matched against type, place, ward, id, assignee and comments. */
  text: string;
}

export const EMPTY_FILTER: AlarmFilter = { priorities: new Set(), states: new Set(), domains: new Set(), wardCode: null, text: "" };

export function isFiltering(filter: AlarmFilter): boolean {
  return filter.priorities.size > 0 || filter.states.size > 0 || filter.domains.size > 0 || filter.wardCode !== null || filter.text.trim() !== "";
}


export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/**
 * Pure: the alarms that pass the filter, order kept. `describe` gives the words an alarm is
 * searched by in the operator's language (translated type, ward name).
 */
export function filterAlarms(alarms: readonly Alarm[], filter: AlarmFilter, describe: (alarm: Alarm) => string): Alarm[] {
  if (!isFiltering(filter)) return alarms as Alarm[];
  const words = foldForSearch(filter.text).split(/\s+/).filter((w) => w !== "");
  return alarms.filter((alarm) => {
    if (filter.priorities.size > 0 && !filter.priorities.has(alarm.priority)) return false;
    if (filter.states.size > 0 && !filter.states.has(alarm.state)) return false;
    if (filter.domains.size > 0 && !filter.domains.has(alarm.domain)) return false;
    if (filter.wardCode !== null && alarm.wardCode !== filter.wardCode) return false;
    if (words.length === 0) return true;
    const haystack = foldForSearch(
      [alarm.id, alarm.type, alarm.place, describe(alarm), alarm.assignedToName ?? "", ...alarm.comments.map((c) => c.text)].join(" "),
    );
    return words.every((w) => haystack.includes(w));
  });
}
