import { useMemo } from "react";
import type { Sensor } from "../../../shared/domain/sensor.js";
import { useLiveState } from "../store/store-context.js";

export function useSensors(): Sensor[] {
  const sensors = useLiveState((s) => s.sensors);
  return useMemo(() => [...sensors.values()], [sensors]);
}
