import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, type GeoJSONSource } from "maplibre-gl";
import { useEffect, useRef, useState, type RefObject } from "react";
import type { Ward } from "../../../../../shared/domain/ward.js";
import type { MapTheme } from "../model/map-theme.js";
import {
  buildMapStyle,
  GEODATA_ATTRIBUTION,
  selectedWardFilter,
  WARD_FILL_LAYER,
  WARD_LABELS_SOURCE,
  WARD_SELECTED_LAYER,
  WARDS_SOURCE,
  wardLabelsToGeoJSON,
  wardsToGeoJSON,
} from "../model/map-style.js";
import { wardLabels } from "../model/map-objects.js";
import type { InstalledStreetMap } from "../model/street-style.js";
import { MAP_PAN_MARGIN } from "../../../../../shared/basemap/street-map-file.js";
import { configureMapLibreWorker } from "../platform/maplibre-worker.js";
import { boundsOfWards, padBounds, UONG_BI_BOUNDS } from "../model/ward-geometry.js";

/** From the whole city to street level; no further out than the city, no further in than a building. */
export const MIN_ZOOM = 10;
export const MAX_ZOOM = 18;

export interface MaplibreMapView {
  containerRef: RefObject<HTMLDivElement | null>;
  map: MapLibreMap | null;
  /** The wards are drawn: the basemap is usable. */
  ready: boolean;
  failure: string | null;
  /** The basemap's WebGL context is lost and not yet restored. */
  contextLost: boolean;
  /** Bumped each time the basemap recovered from a lost context. */
  restoredCount: number;
}

let mapReadyMarked = false;

function styleOf(wards: readonly Ward[], theme: MapTheme, selectedWardCode: string | null, streetMap: InstalledStreetMap | null) {
  return buildMapStyle(wards.length > 0 ? wardsToGeoJSON(wards) : undefined, theme, selectedWardCode, {
    labels: wardLabelsToGeoJSON(wardLabels(wards)),
    streetMap,
  });
}

/**
 * The basemap: maplibre with a style built in memory, the wards and their names as GeoJSON
 * sources, the street map's tiles from the core when one is installed, the light/dark style
 * and the selected ward's outline.
 */
export function useMaplibreMap(wards: readonly Ward[], theme: MapTheme, selectedWardCode: string | null, streetMap: InstalledStreetMap | null = null): MaplibreMapView {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [styleLoaded, setStyleLoaded] = useState(false);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [contextLost, setContextLost] = useState(false);
  const [restoredCount, setRestoredCount] = useState(0);
  const fittedRef = useRef(false);
  const drawnWardsRef = useRef<readonly Ward[] | null>(null);
  const drawnStyleRef = useRef({ theme, streetMap });
  // Read once when the map is created: what is known then goes straight into the style.
  const atStart = useRef({ wards, theme, selectedWardCode, streetMap });

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    configureMapLibreWorker();
    const initial = atStart.current;
    const withWards = initial.wards.length > 0;
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container,
        style: styleOf(initial.wards, initial.theme, initial.selectedWardCode, initial.streetMap),
        bounds: withWards ? boundsOfWards(initial.wards) : UONG_BI_BOUNDS,
        fitBoundsOptions: { padding: 28 },
        maxBounds: padBounds(UONG_BI_BOUNDS, MAP_PAN_MARGIN),
        minZoom: MIN_ZOOM,
        maxZoom: MAX_ZOOM,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
        fadeDuration: 0,
      });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    if (__IOC_TEST_HOOKS__) window.__iocMap = created;
    if (withWards) {
      drawnWardsRef.current = initial.wards;
      fittedRef.current = true;
    }
    created.addControl(new AttributionControl({ compact: false, customAttribution: GEODATA_ATTRIBUTION }), "bottom-right");
    created.addControl(new NavigationControl({ showCompass: false }), "top-right");
    created.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    created.on("load", () => setStyleLoaded(true));
    created.on("error", (event) => console.warn("map error", event.error));
    // maplibre keeps its style through a lost context and rebuilds its painter on restore.
    created.on("webglcontextlost", () => setContextLost(true));
    created.on("webglcontextrestored", () => {
      setContextLost(false);
      setRestoredCount((n) => n + 1);
    });
    setMap(created);

    return () => {
      setMap(null);
      if (__IOC_TEST_HOOKS__ && window.__iocMap === created) window.__iocMap = undefined;
      created.remove();
    };
  }, []);

  // Wards: replace the source data, fit the view the first time, then wait until they are drawn.
  useEffect(() => {
    if (map === null || !styleLoaded || wards.length === 0) return;
    if (drawnWardsRef.current !== wards) {
      drawnWardsRef.current = wards;
      map.getSource<GeoJSONSource>(WARDS_SOURCE)?.setData(wardsToGeoJSON(wards));
      map.getSource<GeoJSONSource>(WARD_LABELS_SOURCE)?.setData(wardLabelsToGeoJSON(wardLabels(wards)));
    }
    if (!fittedRef.current) {
      fittedRef.current = true;
      map.fitBounds(boundsOfWards(wards), { padding: 28, animate: false });
    }
    if (ready) return;
    const onIdle = () => {
      if (map.queryRenderedFeatures({ layers: [WARD_FILL_LAYER] }).length === 0) return;
      map.off("idle", onIdle);
      if (!mapReadyMarked) {
        mapReadyMarked = true;
        performance.mark("ioc:map-ready");
      }
      setReady(true);
    };
    map.on("idle", onIdle);
    map.triggerRepaint();
    return () => {
      map.off("idle", onIdle);
    };
  }, [map, wards, styleLoaded, ready]);

  // Light/dark, a street map installed: a new style diffed against the old one (the ward data stays).
  useEffect(() => {
    if (map === null || !styleLoaded) return;
    const drawn = drawnStyleRef.current;
    if (drawn.theme === theme && drawn.streetMap === streetMap) return;
    drawnStyleRef.current = { theme, streetMap };
    map.setStyle(styleOf(drawnWardsRef.current ?? [], theme, selectedWardCode, streetMap), { diff: true });
    // The selected ward is part of the new style; no separate filter update needed.
  }, [map, styleLoaded, theme, selectedWardCode, streetMap]);

  useEffect(() => {
    if (map === null || !styleLoaded || map.getLayer(WARD_SELECTED_LAYER) === undefined) return;
    map.setFilter(WARD_SELECTED_LAYER, selectedWardFilter(selectedWardCode));
  }, [map, styleLoaded, selectedWardCode, restoredCount]);

  return { containerRef, map, ready, failure, contextLost, restoredCount };
}
