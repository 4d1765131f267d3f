import "maplibre-gl/dist/maplibre-gl.css";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import { Pane } from "../../../components/ui/pane.js";
import { useAlarmsById, useQueueAlarms } from "../../alarms/hooks/use-alarms.js";
import { useThrottledValue } from "../../../hooks/use-throttled-value.js";
import { useCameras } from "../../../hooks/use-cameras.js";
import { useClock } from "../../../hooks/use-clock.js";
import { useDeckOverlay } from "../hooks/use-deck-overlay.js";
import { useIncidents } from "../../incidents/hooks/use-incidents.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useMapMarks } from "../hooks/use-map-marks.js";
import { useMapPointer } from "../hooks/use-map-pointer.js";
import { useMapPulse } from "../hooks/use-map-pulse.js";
import { useMapTestHooks } from "../hooks/use-map-test-hooks.js";
import { useMapTheme } from "../hooks/use-map-theme.js";
import { useMaplibreMap } from "../hooks/use-maplibre-map.js";
import { useScreenedMapFeatures } from "../hooks/use-screened-map-features.js";
import { useSensors } from "../../../hooks/use-sensors.js";
import { useStreetMap } from "../hooks/use-street-map.js";
import { useWebglRendererName } from "../../../hooks/use-webgl-renderer-name.js";
import { useWardName, useWards } from "../../../hooks/use-wards.js";
import { useSelectedAlarmId, useSelectedWardCode } from "../../../store/selection.js";
import { alarmsInWindow, densityWindow } from "../model/alarm-density.js";
import { CameraPopup } from "./camera-popup.js";
import { buildOperationalLayers, type Cone } from "../platform/deck-layers.js";
import { DensityControls, type DensitySetting } from "./density-controls.js";
import { viewCone } from "../model/geo-math.js";
import { LayerPanel } from "./layer-panel.js";
import { MapSearch } from "./map-search.js";
import { mapSearchEntries } from "../model/search-entries.js";
import { FLY_ZOOM, type SearchEntry } from "../../../../../shared/basemap/map-search.js";
import { DEFAULT_VISIBILITY, toggleLayer, type LayerKey } from "../model/layer-visibility.js";
import { MapLegend } from "./map-legend.js";
import { MapNotice } from "./map-notice.js";
import { describeMapObject, wardLabels, type AlarmObject, type MapObject } from "../model/map-objects.js";
import { MAP_PALETTES } from "../model/map-theme.js";
import { nearestCameras } from "../model/nearest-cameras.js";
import { isSoftwareRenderer } from "../model/overlay-drawing.js";
import { NearestCamerasPanel } from "./nearest-cameras-panel.js";
import type { SyntheticLoad } from "../model/synthetic-points.js";
import { WardPanel } from "./ward-panel.js";
import { objectsInWard, wardSummary } from "../model/ward-summary.js";
import { useStore } from "../../../store/store-context.js";
import { useProvinceMap } from "../../province/hooks/use-province-map.js";
import { ProvinceMapLegend } from "../../province/components/province-map-legend.js";

const MAP_ALARM_REFRESH_MS = 1000;

/** Cones only where they mean something: a street-level view. */
const CONE_MIN_ZOOM = 14;
const CONE_LENGTH_M = 120;
/** Halos are drawn while fewer than this many alarms wait in view (each costs a frame share). */
const MAX_PULSING = 300;
const NO_HALOS: readonly AlarmObject[] = [];
/** Flying to a selected alarm ends at least this close. */
const FOCUS_ZOOM = 15;

export function MapPane() {
  const { requestCamera, selectAlarm, selectWard } = useStore();
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const wardName = useWardName();
  const cameras = useCameras();
  // The map's alarm marks are rebuilt (clustered) from the whole queue: in a flood, at most once a
  // second, and as a deferred render React may split and interrupt, so the queue beside it stays
  // frame by frame.
  const queue = useDeferredValue(useThrottledValue(useQueueAlarms(), MAP_ALARM_REFRESH_MS));
  const alarmsById = useAlarmsById();
  const selectedAlarmId = useSelectedAlarmId();
  const selectedWardCode = useSelectedWardCode();
  const [theme, setTheme] = useMapTheme();
  const palette = MAP_PALETTES[theme];
  const [visibility, setVisibility] = useState(DEFAULT_VISIBILITY);
  const [layersOn, setLayersOn] = useState(true);
  const [synthetic, setSynthetic] = useState<SyntheticLoad | null>(null);
  const [popupCameraId, setPopupCameraId] = useState<string | null>(null);
  const [density, setDensity] = useState<DensitySetting>({ hoursAgo: 0, windowHours: 3 });
  const now = useClock(60_000);

  const features = useScreenedMapFeatures({ wards: useWards(), cameras, sensors: useSensors(), queue, incidents: useIncidents() });
  const streetMap = useStreetMap();
  const [streetsOn, setStreetsOn] = useState(true);
  // Hidden, the street map leaves the style altogether: the wards look as without one, and its credit goes.
  const installedStreetMap = streetsOn && streetMap.info?.installed === true ? streetMap.info : null;
  // At the province: its cities' wards (tinted by their links); at a city, its own.
  const province = useProvinceMap(features.wards);
  const base = useMaplibreMap(province.wards, theme, selectedWardCode, installedStreetMap, province.cityLinks);
  const { map, ready } = base;
  const deck = useDeckOverlay(map, ready);

  const pointObjects = useMemo(() => {
    let objects: MapObject[] = [];
    if (visibility.sensors) objects = objects.concat(objectsInWard(features.sensors, selectedWardCode));
    if (visibility.cameras) objects = objects.concat(objectsInWard(features.cameras, selectedWardCode));
    if (synthetic !== null && selectedWardCode === null) objects = objects.concat(synthetic.points);
    return objects;
  }, [visibility.sensors, visibility.cameras, features.sensors, features.cameras, selectedWardCode, synthetic]);
  const alarmObjects = useMemo(() => {
    if (!visibility.alarms) return [];
    const real = objectsInWard(features.alarms, selectedWardCode);
    // Synthetic alarms go first: the real ones (critical last) stay on top.
    return synthetic !== null && selectedWardCode === null ? [...synthetic.alarms, ...real] : [...real];
  }, [visibility.alarms, features.alarms, selectedWardCode, synthetic]);
  const incidentObjects = useMemo(
    () => (visibility.incidents ? objectsInWard(features.incidents, selectedWardCode) : []),
    [visibility.incidents, features.incidents, selectedWardCode],
  );
  const marks = useMapMarks(map, pointObjects, alarmObjects, incidentObjects, palette);

  const selectedAlarm = selectedAlarmId === null ? undefined : alarmsById.get(selectedAlarmId);
  const popupCamera = cameras.find((c) => c.id === popupCameraId);
  const selectedWard = province.wards.find((w) => w.code === selectedWardCode);
  const summary = useMemo(
    () => (selectedWardCode === null ? null : wardSummary(selectedWardCode, queue, cameras)),
    [selectedWardCode, queue, cameras],
  );
  const nearest = useMemo(() => (selectedAlarm === undefined ? [] : nearestCameras(cameras, selectedAlarm.location)), [selectedAlarm, cameras]);

  const showCamera = useCallback((cameraId: string) => {
    requestCamera(cameraId);
    setPopupCameraId(cameraId);
  }, []);
  const hover = useMapPointer(map, {
    index: marks?.index ?? null,
    sources: marks?.sources ?? null,
    wards: province.wards,
    actions: {
      onAlarm: selectAlarm,
      onCamera: showCamera,
      onWard: (ward) => selectWard(ward === null || ward.code === selectedWardCode ? null : ward.code),
    },
  });

  // Selecting an alarm (in the queue or here) brings it into view. A selection already there
  // when the map opens (restored by the core) is not flown to: a reopened map starts on the city.
  const flownTo = useRef<string | null | undefined>(undefined);
  const softwareRenderer = isSoftwareRenderer(useWebglRendererName());
  const selectedLocation = selectedAlarm?.location;
  useEffect(() => {
    if (map === null || !ready) return;
    if (flownTo.current === undefined) {
      flownTo.current = selectedAlarmId;
      return;
    }
    if (selectedAlarmId === flownTo.current) return;
    if (selectedAlarmId !== null && selectedLocation === undefined) return;
    flownTo.current = selectedAlarmId;
    if (selectedLocation === undefined) return;
    // On a CPU renderer every frame of a flight redraws the whole basemap and overlay (40-80 ms
    // each, measured on SwiftShader): the flight would stutter and block the console while it
    // lasts, so the map jumps there.
    const still = (window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false) || softwareRenderer;
    map.easeTo({ center: selectedLocation, zoom: Math.max(map.getZoom(), FOCUS_ZOOM), duration: still ? 0 : 900 });
  }, [map, ready, selectedAlarmId, selectedLocation, softwareRenderer]);

  const onSyntheticLayersSet = useMapTestHooks({
    map,
    index: marks?.index ?? null,
    frameListeners: deck.frameListeners,
    setSynthetic,
    setLayersOn,
  });

  const waiting = useMemo(() => {
    const list: AlarmObject[] = [];
    for (const mark of marks?.alarms ?? []) {
      if (list.length >= MAX_PULSING) break;
      if (mark.type === "object" && mark.object.kind === "alarm" && needsAttention(mark.object.alarm.state)) list.push(mark.object);
    }
    return list;
  }, [marks]);
  // In a flood (as many waiting as can be pulsed) there are no halos at all: a ring around every
  // mark sets none apart, and on a CPU renderer every redraw pays for each ring in the wait for
  // the canvas (measured: 9-15 ms of a 25-30 ms redraw for 300 rings).
  const flooded = waiting.length >= MAX_PULSING;
  const halos = flooded ? NO_HALOS : waiting;
  const pulse = useMapPulse(halos.length > 0 && layersOn);
  const cones = useMemo(() => {
    if (marks === null || marks.zoom < CONE_MIN_ZOOM) return [];
    const list: Cone[] = [];
    for (const mark of marks.points) {
      if (mark.type === "object" && mark.object.kind === "camera" && mark.object.camera.bearing !== null) {
        list.push({ id: mark.object.id, polygon: viewCone(mark.position, mark.object.camera.bearing, CONE_LENGTH_M) });
      }
    }
    return list;
  }, [marks]);
  const heatmap = useMemo(() => {
    if (!visibility.heatmap) return null;
    const window = densityWindow(now.getTime(), density.hoursAgo, density.windowHours);
    const all = [...alarmsById.values()].filter((a) => selectedWardCode === null || a.wardCode === selectedWardCode);
    return alarmsInWindow(all, window);
  }, [visibility.heatmap, now, density, alarmsById, selectedWardCode]);

  const pointClusters = useMemo(() => marks?.points.filter((m) => m.type === "cluster") ?? [], [marks]);
  const alarmClusters = useMemo(() => marks?.alarms.filter((m) => m.type === "cluster") ?? [], [marks]);
  const { overlay } = deck;
  useEffect(() => {
    if (overlay === null || marks === null) return;
    if (!layersOn) {
      overlay.setProps({ layers: [] });
      return;
    }
    overlay.setProps({
      layers: buildOperationalLayers({
        palette,
        points: marks.pointAttributes,
        pointClusters,
        alarms: marks.alarmAttributes,
        alarmClusters,
        waiting: halos,
        pulse,
        cones,
        incidents: incidentObjects,
        selected: visibility.alarms ? (selectedLocation ?? null) : null,
        heatmap,
      }),
    });
    if (synthetic !== null) onSyntheticLayersSet();
  }, [overlay, marks, layersOn, palette, pointClusters, alarmClusters, halos, pulse, cones, incidentObjects, visibility.alarms, selectedLocation, heatmap, synthetic, onSyntheticLayersSet]);

  const tooltip = useMemo(() => {
    if (hover === null) return null;
    const { mark } = hover;
    if (mark.type === "cluster") return t(mark.cluster.layer === "alarms" ? "map.alarmCluster" : "map.pointCluster", { count: mark.cluster.count });
    const translate = (key: string, options?: Record<string, unknown>) => String(t(key, options));
    return describeMapObject(mark.object, { t: translate, wardName, locale });
  }, [hover, t, wardName, locale]);

  const searchEntries = useMemo(() => mapSearchEntries(wardLabels(province.wards), cameras, streetMap.places), [province.wards, cameras, streetMap.places]);
  const flyToFound = useCallback(
    (entry: SearchEntry) => {
      if (map === null) return;
      // Same rule as flying to an alarm: a CPU renderer jumps (a flight there stutters and blocks the console).
      const still = (window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false) || softwareRenderer;
      map.easeTo({ center: [entry.lon, entry.lat], zoom: Math.max(FLY_ZOOM[entry.kind], Math.min(map.getZoom(), FLY_ZOOM[entry.kind] + 1)), duration: still ? 0 : 900 });
    },
    [map, softwareRenderer],
  );

  const onToggle = useCallback((key: LayerKey) => setVisibility((v) => toggleLayer(v, key)), []);
  const onToggleStreets = useCallback(() => setStreetsOn((on) => !on), []);
  const densityEnd = new Date(densityWindow(now.getTime(), density.hoursAgo, density.windowHours).toMs);

  return (
    <Pane
      testId="map-pane"
      title={t("panes.map")}
      className={`map map--${theme}`}
      data-ready={ready ? "true" : "false"}
      data-theme={theme}
      data-ward-filter={selectedWardCode ?? ""}
      data-wards={province.wards.length}
      toolbar={<MapLegend />}
    >
      <div className="map__canvas" ref={base.containerRef} />
      {hover !== null && tooltip !== null && (
        <div className="map-tooltip" data-testid="map-tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
          {tooltip}
        </div>
      )}
      {ready && (
        <div className="map__side">
          <MapSearch entries={searchEntries} onPick={flyToFound} />
          <LayerPanel
            visibility={visibility}
            onToggle={onToggle}
            theme={theme}
            onTheme={setTheme}
            streetMapInstalled={streetMap.info === null ? null : streetMap.info.installed}
            streetsOn={streetsOn}
            onToggleStreets={onToggleStreets}
          />
          {visibility.heatmap && <DensityControls setting={density} onChange={setDensity} windowEnd={densityEnd} />}
          {selectedWard !== undefined && summary !== null && <WardPanel ward={selectedWard} summary={summary} />}
          {selectedAlarm !== undefined && <NearestCamerasPanel alarm={selectedAlarm} nearest={nearest} onShow={showCamera} />}
        </div>
      )}
      {province.cities !== null && (
        <div className="map__province">
          <ProvinceMapLegend cities={province.cities} />
        </div>
      )}
      {popupCamera !== undefined && <CameraPopup key={popupCamera.id} camera={popupCamera} onClose={() => setPopupCameraId(null)} />}
      <MapNotice lost={base.contextLost || deck.contextLost} recoveries={base.restoredCount + deck.recoveredCount} />
      {!ready && base.failure === null && <div className="map__loading">{t("map.loading")}</div>}
      {base.failure !== null && (
        <div className="map__failure" role="alert">
          {t("map.unavailable", { message: base.failure })}
        </div>
      )}
    </Pane>
  );
}
