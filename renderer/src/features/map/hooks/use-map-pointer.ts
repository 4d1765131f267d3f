import type { Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import type { Ward } from "../../../../../shared/domain/ward.js";
import { hitTest, type MarkIndex } from "../model/hit-test.js";
import type { MarkSource } from "../model/clusters.js";
import type { Mark } from "../model/marks.js";
import { wardAtPoint } from "../model/ward-lookup.js";
import { offerMapClick } from "../../cameras/hooks/use-location-pick.js";

export interface Hover {
  mark: Mark;
  /** Where the cursor was, in the map container's pixels. */
  x: number;
  y: number;
}

export interface PointerActions {
  onAlarm: (alarmId: string) => void;
  onCamera: (cameraId: string) => void;
  onWard: (ward: Ward | null) => void;
}

export interface PointerInput {
  index: MarkIndex | null;
  sources: { points: MarkSource; alarms: MarkSource } | null;
  wards: readonly Ward[];
  actions: PointerActions;
}

/**
 * Hover and click on the map, answered from the in-memory index of drawn marks. A click on
 * a cluster zooms to where it falls apart; on nothing, it picks the ward under the cursor.
 */
export function useMapPointer(map: MapLibreMap | null, input: PointerInput): Hover | null {
  const [hover, setHover] = useState<Hover | null>(null);
  // Read at event time: the handlers are installed once per map.
  const latest = useRef(input);
  latest.current = input;

  useEffect(() => {
    if (map === null) return;
    const markAt = (event: MapMouseEvent): Mark | null => {
      const { index } = latest.current;
      return index === null ? null : hitTest(index, event.lngLat.lng, event.lngLat.lat, map.getZoom());
    };
    let hoveredKey: string | null = null;
    const onMove = (event: MapMouseEvent) => {
      const mark = markAt(event);
      const key = mark?.key ?? null;
      map.getCanvas().style.cursor = mark === null ? "" : "pointer";
      if (key === hoveredKey) return;
      hoveredKey = key;
      setHover(mark === null ? null : { mark, x: event.point.x, y: event.point.y });
    };
    const onLeave = () => {
      hoveredKey = null;
      setHover(null);
    };
    const onClick = (event: MapMouseEvent) => {
      const { actions, sources, wards } = latest.current;
      // A camera form waiting for its position takes the click.
      if (offerMapClick([event.lngLat.lng, event.lngLat.lat])) return;
      const mark = markAt(event);
      if (mark === null) {
        actions.onWard(wardAtPoint(wards, [event.lngLat.lng, event.lngLat.lat]));
        return;
      }
      if (mark.type === "cluster") {
        const source = sources?.[mark.cluster.layer];
        const zoom = source?.expansionZoom(mark.cluster.clusterId) ?? map.getZoom() + 2;
        map.easeTo({ center: mark.position, zoom: Math.min(zoom, map.getMaxZoom()) });
        return;
      }
      const { object } = mark;
      if (object.kind === "alarm") actions.onAlarm(object.id);
      else if (object.kind === "camera") actions.onCamera(object.id);
    };
    map.on("mousemove", onMove);
    map.on("mouseout", onLeave);
    map.on("click", onClick);
    return () => {
      map.off("mousemove", onMove);
      map.off("mouseout", onLeave);
      map.off("click", onClick);
    };
  }, [map]);

  return hover;
}
