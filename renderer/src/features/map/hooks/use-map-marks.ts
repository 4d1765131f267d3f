import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import { MarkSource, needsRequery, paddedBbox, type Bbox, type MarkQuery } from "../model/clusters.js";
import { indexMarks, type MarkIndex } from "../model/hit-test.js";
import { markAttributes, type MarkAttributes } from "../model/mark-attributes.js";
import type { MapPalette } from "../model/map-theme.js";
import type { MapObject } from "../model/map-objects.js";
import { objectMark, type Mark } from "../model/marks.js";

export interface MapMarks {
  points: Mark[];
  alarms: Mark[];
  pointAttributes: MarkAttributes;
  alarmAttributes: MarkAttributes;
  /** Every drawn mark, for hover and click. */
  index: MarkIndex;
  sources: { points: MarkSource; alarms: MarkSource };
  zoom: number;
}

/** Pans within this margin around the viewport need no new query (and no new attributes). */
const QUERY_MARGIN = 0.5;

function viewportBbox(map: MapLibreMap): Bbox {
  const bounds = map.getBounds();
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}

/**
 * What the operational layers draw: the objects in and around the viewport, clustered when
 * there are more than an operator can read. Asked again only when the zoom level changes
 * or the view leaves the area last asked for, so a pan redraws without rebuilding anything.
 */
export function useMapMarks(
  map: MapLibreMap | null,
  pointObjects: readonly MapObject[],
  alarmObjects: readonly MapObject[],
  /** Always drawn one by one (a handful): incidents. */
  fewObjects: readonly MapObject[],
  palette: MapPalette,
): MapMarks | null {
  const previous = useRef<{ points: MarkSource; alarms: MarkSource } | null>(null);
  const sources = useMemo(() => {
    const before = previous.current;
    const next = {
      points: before === null ? new MarkSource("points", pointObjects) : before.points.update(pointObjects),
      alarms: new MarkSource("alarms", alarmObjects),
    };
    previous.current = next;
    return next;
  }, [pointObjects, alarmObjects]);
  const [query, setQuery] = useState<MarkQuery | null>(null);

  useEffect(() => {
    if (map === null) return;
    let current: MarkQuery | null = null;
    const update = () => {
      const zoom = map.getZoom();
      const viewport = viewportBbox(map);
      if (!needsRequery(current, viewport, zoom)) return;
      current = { bbox: paddedBbox(viewport, QUERY_MARGIN), zoomLevel: Math.floor(zoom) };
      setQuery(current);
    };
    update();
    map.on("moveend", update);
    return () => {
      map.off("moveend", update);
    };
  }, [map]);

  const queried = useMemo(() => {
    if (query === null) return null;
    return {
      points: sources.points.marksIn(query.bbox, query.zoomLevel).marks,
      alarms: sources.alarms.marksIn(query.bbox, query.zoomLevel).marks,
    };
  }, [sources, query]);

  return useMemo(() => {
    if (queried === null || query === null) return null;
    return {
      points: queried.points,
      alarms: queried.alarms,
      pointAttributes: markAttributes(queried.points, palette),
      alarmAttributes: markAttributes(queried.alarms, palette),
      index: indexMarks([...queried.points, ...queried.alarms, ...fewObjects.map(objectMark)]),
      sources,
      zoom: query.zoomLevel,
    };
  }, [queried, query, palette, sources, fewObjects]);
}
