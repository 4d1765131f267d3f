import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, type GeoJSONSource } from "maplibre-gl";
import { useEffect, useRef, useState, type RefObject } from "react";
import type { Ward } from "../../../../../shared/domain/ward.js";
import type { MapTheme } from "../model/map-theme.js";
import {
  buildMapStyle,
  GEODATA_ATTRIBUTION,
  NO_CITY_LINKS,
  type CityLinkState,
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
import { boundsOfWards, padBounds, unionBounds, UONG_BI_BOUNDS, type Bounds } from "../model/ward-geometry.js";

/** Panning stays near the wards drawn: the city's, or at the province all its cities'. */
const panLimit = (wards: readonly Ward[]): Bounds => padBounds(wards.length === 0 ? UONG_BI_BOUNDS : unionBounds(UONG_BI_BOUNDS, boundsOfWards(wards)), MAP_PAN_MARGIN);
const sameBounds = (a: Bounds | null, b: Bounds): boolean => a !== null && a.flat().every((v, i) => v === b.flat()[i]);

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

type CityLinks = ReadonlyMap<string, CityLinkState>;

function styleOf(wards: readonly Ward[], theme: MapTheme, selectedWardCode: string | null, streetMap: InstalledStreetMap | null, cityLinks: CityLinks) {
  return buildMapStyle(wards.length > 0 ? wardsToGeoJSON(wards, cityLinks) : undefined, theme, selectedWardCode, {
    labels: wardLabelsToGeoJSON(wardLabels(wards)),
    streetMap,
  });
}

/**
 * The basemap: maplibre with a style built in memory, the wards and their names as GeoJSON
 * sources, the street map's tiles from the core when one is installed, the light/dark style
 * and the selected ward's outline.
 */
export function useMaplibreMap(
  wards: readonly Ward[],
  theme: MapTheme,
  selectedWardCode: string | null,
  streetMap: InstalledStreetMap | null = null,
  /** At the province: each city's link, which tints its wards. */
  cityLinks: CityLinks = NO_CITY_LINKS,
): MaplibreMapView {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [styleLoaded, setStyleLoaded] = useState(false);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [contextLost, setContextLost] = useState(false);
  const [restoredCount, setRestoredCount] = useState(0);
  // The bounds the view was last fitted to: fitted again only when the wards cover another extent
  // (at the province, a city that tells its wards later), never when they merely change.
  const fittedRef = useRef<Bounds | null>(null);
  const drawnWardsRef = useRef<readonly Ward[] | null>(null);
  const drawnLinksRef = useRef<CityLinks>(cityLinks);
  const drawnStyleRef = useRef({ theme, streetMap });
  // Read once when the map is created: what is known then goes straight into the style.
  const atStart = useRef({ wards, theme, selectedWardCode, streetMap, cityLinks });

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
        style: styleOf(initial.wards, initial.theme, initial.selectedWardCode, initial.streetMap, initial.cityLinks),
        bounds: withWards ? boundsOfWards(initial.wards) : UONG_BI_BOUNDS,
        fitBoundsOptions: { padding: 28 },
        maxBounds: panLimit(initial.wards),
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
      drawnLinksRef.current = initial.cityLinks;
      fittedRef.current = boundsOfWards(initial.wards);
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
    if (drawnWardsRef.current !== wards || drawnLinksRef.current !== cityLinks) {
      drawnLinksRef.current = cityLinks;
      map.getSource<GeoJSONSource>(WARDS_SOURCE)?.setData(wardsToGeoJSON(wards, cityLinks));
      if (drawnWardsRef.current !== wards) map.getSource<GeoJSONSource>(WARD_LABELS_SOURCE)?.setData(wardLabelsToGeoJSON(wardLabels(wards)));
      drawnWardsRef.current = wards;
    }
    const extent = boundsOfWards(wards);
    if (!sameBounds(fittedRef.current, extent)) {
      fittedRef.current = extent;
      map.setMaxBounds(panLimit(wards));
      map.fitBounds(extent, { padding: 28, animate: false });
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
  }, [map, wards, cityLinks, styleLoaded, ready]);

  // Light/dark, a street map installed: a new style diffed against the old one (the ward data stays).
  useEffect(() => {
    if (map === null || !styleLoaded) return;
    const drawn = drawnStyleRef.current;
    if (drawn.theme === theme && drawn.streetMap === streetMap) return;
    drawnStyleRef.current = { theme, streetMap };
    map.setStyle(styleOf(drawnWardsRef.current ?? [], theme, selectedWardCode, streetMap, drawnLinksRef.current), { diff: true });
    // The selected ward is part of the new style; no separate filter update needed.
  }, [map, styleLoaded, theme, selectedWardCode, streetMap]);

  useEffect(() => {
    if (map === null || !styleLoaded || map.getLayer(WARD_SELECTED_LAYER) === undefined) return;
    map.setFilter(WARD_SELECTED_LAYER, selectedWardFilter(selectedWardCode));
  }, [map, styleLoaded, selectedWardCode, restoredCount]);

  return { containerRef, map, ready, failure, contextLost, restoredCount };
}
