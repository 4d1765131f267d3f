import { useEffect, useRef, useState } from "react";
import { SENSOR_READINGS_KEPT_HOURS, type SensorReading } from "../../../../../shared/domain/sensor-reading.js";
import type { AppError } from "../../../../../shared/result.js";
import { useLiveState, useStore } from "../../../store/store-context.js";
import { appendReading } from "../model/sensor-series.js";

const KEPT_MS = SENSOR_READINGS_KEPT_HOURS * 3_600_000;

export interface SensorReadingsState {
  sensorId: string | null;
  readings: readonly SensorReading[];
  /** False until the cache has answered for this sensor. */
  loaded: boolean;
  error: AppError | null;
}

const keptFrom = (): string => new Date(Date.now() - KEPT_MS).toISOString();

/**
 * One sensor's readings of the last day at full resolution: read from the core's cache, then each
 * reading its live record brings is added. The cache is read again after a catch-up (the live
 * store then reloads its snapshot), which may have brought many readings at once.
 */
export function useSensorReadings(sensorId: string | null): SensorReadingsState {
  const store = useStore();
  const sensor = useLiveState((live) => (sensorId === null ? undefined : live.sensors.get(sensorId)));
  const reloading = useLiveState((live) => live.loadingSnapshot);
  const [state, setState] = useState<SensorReadingsState>({ sensorId, readings: [], loaded: false, error: null });
  const latest = useRef<SensorReading | null>(null);
  latest.current = sensor?.lastAt == null || sensor.lastValue === null ? null : { at: sensor.lastAt, value: sensor.lastValue };

  useEffect(() => {
    if (sensorId === null || reloading) return;
    let current = true;
    setState((s) => (s.sensorId === sensorId ? s : { sensorId, readings: [], loaded: false, error: null }));
    const now = Date.now();
    void store.client.request({ type: "sensor.readings", sensorId, from: new Date(now - KEPT_MS).toISOString(), to: new Date(now + 60_000).toISOString() }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setState({ sensorId, readings: [], loaded: true, error: result.error });
        return;
      }
      // A reading that reached the page while the cache was being read is not lost.
      const newest = latest.current;
      setState({ sensorId, readings: newest === null ? result.value : appendReading(result.value, newest, keptFrom()), loaded: true, error: null });
    });
    return () => {
      current = false;
    };
  }, [store, sensorId, reloading]);

  const lastAt = latest.current?.at;
  useEffect(() => {
    const newest = latest.current;
    if (newest === null) return;
    setState((s) => (s.loaded && s.sensorId === sensorId && s.error === null ? { ...s, readings: appendReading(s.readings, newest, keptFrom()) } : s));
  }, [sensorId, lastAt]);

  return state.sensorId === sensorId ? state : { sensorId, readings: [], loaded: false, error: null };
}
