import { useEffect, useState } from "react";
import type { LiveStore } from "../../../store/live-store.js";
import { useStore } from "../../../store/store-context.js";
import { alarmsInWindow, rateLevel, type RateLevel } from "../model/alarm-rate.js";

/** How often the meter is recomputed: often enough to see a flood start, cheap with 100,000 alarms. */
const RATE_REFRESH_MS = 2_000;

export interface AlarmRate {
  perTenMinutes: number;
  level: RateLevel;
}

function measure(store: LiveStore): AlarmRate {
  const perTenMinutes = alarmsInWindow(store.getState().alarms.values(), Date.now());
  return { perTenMinutes, level: rateLevel(perTenMinutes) };
}

/** Alarms raised in the last 10 minutes (EEMUA 191), sampled rather than recomputed on every change. */
export function useAlarmRate(): AlarmRate {
  const store = useStore();
  const [rate, setRate] = useState<AlarmRate>(() => measure(store));
  useEffect(() => {
    const tick = () => setRate((previous) => {
      const next = measure(store);
      return next.perTenMinutes === previous.perTenMinutes ? previous : next;
    });
    tick();
    const timer = setInterval(tick, RATE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [store]);
  return rate;
}
