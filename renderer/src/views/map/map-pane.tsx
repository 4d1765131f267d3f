import { MapLibreOverlay } from "@deck.gl/maplibre";
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, type GeoJSONSource } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Ward } from "../../../../shared/domain/ward.js";
import { Pane } from "../../components/ui/pane.js";
import { useQueueAlarms } from "../../hooks/use-alarms.js";
import { useCameras } from "../../hooks/use-cameras.js";
import { useFontReady } from "../../hooks/use-font-ready.js";
import { useLanguage } from "../../hooks/use-language.js";
import { useSensors } from "../../hooks/use-sensors.js";
import { useWardName, useWards } from "../../hooks/use-wards.js";
import { selectAlarm, useSelectedAlarmId } from "../../store/selection.js";
import { labelCharacterSet } from "./character-set.js";
import { buildOperationalLayers, LABEL_FONT_FAMILY, LABEL_FONT_WEIGHT, LABEL_SIZE_PX } from "./deck-layers.js";
import { estimateLabelBox, placeLabels } from "./label-collisions.js";
import { MapLegend } from "./map-legend.js";
import { alarmObjects, cameraObjects, describeMapObject, sensorObjects, wardLabels, type MapObject } from "./map-objects.js";
import { buildMapStyle, GEODATA_ATTRIBUTION, WARD_FILL_LAYER, WARDS_SOURCE, wardsToGeoJSON } from "./map-style.js";
import { configureMapLibreWorker } from "./maplibre-worker.js";
import { boundsOfWards, padBounds, UONG_BI_BOUNDS } from "./ward-geometry.js";

const TOOLTIP_STYLE: Partial<CSSStyleDeclaration> = {
  background: "rgba(10, 16, 28, 0.96)",
  color: "#e8eef8",
  border: "1px solid #36507a",
  borderRadius: "6px",
  padding: "8px 10px",
  font: '500 14px/1.45 "Be Vietnam Pro", sans-serif',
  whiteSpace: "pre",
  boxShadow: "0 6px 18px rgba(0,0,0,0.5)",
};

let mapReadyMarked = false;

export function MapPane() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const wards = useWards();
  const wardName = useWardName();
  const cameras = useCameras();
  const sensors = useSensors();
  const queue = useQueueAlarms();
  const selectedAlarmId = useSelectedAlarmId();

  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [overlay, setOverlay] = useState<MapLibreOverlay | null>(null);
  const fittedRef = useRef(false);
  const drawnWardsRef = useRef<readonly Ward[] | null>(null);
  const [styleLoaded, setStyleLoaded] = useState(false);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** Bumped when the zoom settles: label collisions depend on it. */
  const [zoomEpoch, setZoomEpoch] = useState(0);

  // Read once when the map is created: wards already known then go straight into the style.
  const wardsAtStart = useRef(wards);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    configureMapLibreWorker();
    const initialWards = wardsAtStart.current;
    const withWards = initialWards.length > 0;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: buildMapStyle(withWards ? wardsToGeoJSON(initialWards) : undefined),
        bounds: withWards ? boundsOfWards(initialWards) : UONG_BI_BOUNDS,
        fitBoundsOptions: { padding: 28 },
        maxBounds: padBounds(UONG_BI_BOUNDS, 0.6),
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
    mapRef.current = map;
    window.__iocMap = map;
    if (withWards) {
      drawnWardsRef.current = initialWards;
      fittedRef.current = true;
    }
    map.addControl(new AttributionControl({ compact: false, customAttribution: GEODATA_ATTRIBUTION }), "bottom-right");
    map.addControl(new NavigationControl({ showCompass: false }), "top-right");
    map.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    map.on("load", () => setStyleLoaded(true));
    map.on("zoomend", () => setZoomEpoch((n) => n + 1));
    map.on("error", (event) => console.warn("map error", event.error));

    return () => {
      mapRef.current = null;
      if (window.__iocMap === map) window.__iocMap = undefined;
      map.remove();
    };
  }, []);

  // deck.gl starts once the wards are on screen: its own WebGL context would otherwise
  // compete with the basemap's first frame. Overlaid, not interleaved: it draws on its own canvas.
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready) return;
    const deckOverlay = new MapLibreOverlay({ interleaved: false, layers: [] });
    map.addControl(deckOverlay);
    setOverlay(deckOverlay);
    return () => {
      setOverlay(null);
      // After map.remove() (unmount) the control is already gone.
      if (mapRef.current === map) map.removeControl(deckOverlay);
    };
  }, [ready]);

  // Wards: replace the source data, fit the view the first time, then wait until they are drawn.
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !styleLoaded || wards.length === 0) return;
    if (drawnWardsRef.current !== wards) {
      drawnWardsRef.current = wards;
      map.getSource<GeoJSONSource>(WARDS_SOURCE)?.setData(wardsToGeoJSON(wards));
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
  }, [wards, styleLoaded, ready]);

  const labels = useMemo(() => wardLabels(wards), [wards]);
  const labelText = useMemo(() => labels.map((label) => label.name).join(""), [labels]);
  const placedKey = useMemo(() => {
    const map = mapRef.current;
    if (map === null || !styleLoaded) return labels.map((l) => l.code).join(",");
    const boxes = labels.map((label) => {
      const { x, y } = map.project(label.position);
      return estimateLabelBox(label.code, label.name, x, y, LABEL_SIZE_PX);
    });
    const placed = placeLabels(boxes);
    return labels
      .filter((l) => placed.has(l.code))
      .map((l) => l.code)
      .join(",");
    // zoomEpoch is a dependency on purpose: the projection changes under the same labels.
  }, [labels, styleLoaded, zoomEpoch]);
  const placedLabels = useMemo(() => {
    const codes = new Set(placedKey.split(","));
    return labels.filter((label) => codes.has(label.code));
  }, [labels, placedKey]);
  const fontReady = useFontReady(`${LABEL_FONT_WEIGHT} 16px ${LABEL_FONT_FAMILY}`, labelText || "Uông Bí");
  const characterSet = useMemo(() => (fontReady ? labelCharacterSet(labels.map((l) => l.name)) : null), [fontReady, labels]);
  const cameraData = useMemo(() => cameraObjects(cameras), [cameras]);
  const sensorData = useMemo(() => sensorObjects(sensors), [sensors]);
  const alarmData = useMemo(() => alarmObjects(queue), [queue]);

  useEffect(() => {
    overlay?.setProps({
      layers: buildOperationalLayers({
        labels: placedLabels,
        labelCharacterSet: characterSet,
        cameras: cameraData,
        sensors: sensorData,
        alarms: alarmData,
        selectedAlarmId,
        onAlarmClick: selectAlarm,
      }),
    });
  }, [overlay, placedLabels, characterSet, cameraData, sensorData, alarmData, selectedAlarmId]);

  useEffect(() => {
    const translate = (key: string, options?: Record<string, unknown>) => String(t(key, options));
    overlay?.setProps({
      getTooltip: ({ object }: { object?: MapObject | null }) =>
        object ? { text: describeMapObject(object, { t: translate, wardName, locale }), style: TOOLTIP_STYLE } : null,
    });
  }, [overlay, t, wardName, locale]);

  return (
    <Pane
      testId="map-pane"
      title={t("panes.map")}
      className="map"
      data-ready={ready ? "true" : "false"}
      toolbar={<MapLegend />}
    >
      <div className="map__canvas" ref={containerRef} />
      {!ready && failure === null && <div className="map__loading">{t("map.loading")}</div>}
      {failure !== null && (
        <div className="map__failure" role="alert">
          {t("map.unavailable", { message: failure })}
        </div>
      )}
    </Pane>
  );
}
