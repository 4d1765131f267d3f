import { useDeferredValue, useMemo, useRef } from "react";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { useLiveState } from "../../../store/store-context.js";
import { updateActiveQueue } from "../model/queue-order.js";

/** Every alarm the page knows, by id. */
export function useAlarmsById(): ReadonlyMap<string, Alarm> {
  return useLiveState((s) => s.alarms);
}

/**
 * The active queue, sorted for work: newest critical first. Built from a deferred copy of the
 * alarms: in a flood, the queue and what is derived from it (filters, counts, the list) are
 * rebuilt in React's interruptible background renders, not in the frame that takes the new
 * alarms, so no frame carries the store update, the list and the map's redraw at once.
 */
export function useQueueAlarms(): Alarm[] {
  const alarms = useDeferredValue(useAlarmsById());
  // The previous order is patched, not re-sorted: in a flood that is the difference between a
  // smooth queue and a main thread blocked for every batch (see updateActiveQueue).
  const previous = useRef<{ alarms: ReadonlyMap<string, Alarm>; queue: Alarm[] }>({ alarms: new Map(), queue: [] });
  return useMemo(() => {
    const queue = updateActiveQueue(previous.current.alarms, previous.current.queue, alarms);
    previous.current = { alarms, queue };
    return queue;
  }, [alarms]);
}

/** True when the deferred queue has caught up with the alarms in the store (nothing pending to draw). */
export function useAlarmsSettled(): boolean {
  const current = useAlarmsById();
  return useDeferredValue(current) === current;
}
