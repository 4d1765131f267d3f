import { useMemo } from "react";
import type { Alarm } from "../../../shared/domain/alarm.js";
import { useLiveState } from "../store/store-context.js";
import { activeQueue } from "../views/alarms/queue-order.js";

/** Every alarm the page knows, by id. */
export function useAlarmsById(): ReadonlyMap<string, Alarm> {
  return useLiveState((s) => s.alarms);
}

/** The active queue, sorted for work: newest critical first. */
export function useQueueAlarms(): Alarm[] {
  const alarms = useAlarmsById();
  return useMemo(() => activeQueue(alarms.values()), [alarms]);
}
