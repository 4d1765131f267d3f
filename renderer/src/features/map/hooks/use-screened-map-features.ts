import { useEffect, useMemo, useRef } from "react";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { Incident } from "../../../../../shared/domain/incident.js";
import type { Sensor } from "../../../../../shared/domain/sensor.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import { useStore } from "../../../store/store-context.js";
import { screenPoints, screenWards, type Rejected } from "../model/feature-screening.js";
import {
  alarmObjects,
  cameraObjects,
  incidentObjects,
  sensorObjects,
  type AlarmObject,
  type CameraObject,
  type IncidentObject,
  type SensorObject,
} from "../model/map-objects.js";
import { padBounds, UONG_BI_BOUNDS } from "../model/ward-geometry.js";

/** Anything further than this from the city is a broken record, not a place in Uông Bí. */
const PLAUSIBLE_AREA = padBounds(UONG_BI_BOUNDS, 0.5);

export interface ScreenedFeatures {
  wards: Ward[];
  cameras: CameraObject[];
  sensors: SensorObject[];
  alarms: AlarmObject[];
  incidents: IncidentObject[];
}

/**
 * The live objects as map objects, minus the ones that cannot be drawn: those are skipped
 * and reported once each as a sync problem (status bar), so the rest of the map still shows.
 */
export function useScreenedMapFeatures(input: {
  wards: readonly Ward[];
  cameras: readonly Camera[];
  sensors: readonly Sensor[];
  queue: readonly Alarm[];
  incidents: readonly Incident[];
}): ScreenedFeatures {
  const store = useStore();
  const reported = useRef(new Set<string>());
  const wards = useMemo(() => screenWards(input.wards), [input.wards]);
  const cameras = useMemo(() => screenPoints(cameraObjects(input.cameras), PLAUSIBLE_AREA), [input.cameras]);
  const sensors = useMemo(() => screenPoints(sensorObjects(input.sensors), PLAUSIBLE_AREA), [input.sensors]);
  const alarms = useMemo(() => screenPoints(alarmObjects(input.queue), PLAUSIBLE_AREA), [input.queue]);
  const incidents = useMemo(() => screenPoints(incidentObjects(input.incidents), PLAUSIBLE_AREA), [input.incidents]);

  useEffect(() => {
    const rejected: Rejected[] = [...wards.rejected, ...cameras.rejected, ...sensors.rejected, ...alarms.rejected, ...incidents.rejected];
    for (const r of rejected) {
      const key = `${r.kind}:${r.id}:${r.reason}`;
      if (reported.current.has(key)) continue;
      reported.current.add(key);
      store.reportProblem({ source: "map", message: `${r.kind} ${r.id} skipped on the map: ${r.reason}` });
    }
  }, [store, wards, cameras, sensors, alarms, incidents]);

  return useMemo(
    () => ({ wards: wards.kept, cameras: cameras.kept, sensors: sensors.kept, alarms: alarms.kept, incidents: incidents.kept }),
    [wards, cameras, sensors, alarms, incidents],
  );
}
