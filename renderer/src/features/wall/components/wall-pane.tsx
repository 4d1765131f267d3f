import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { WallLayoutId } from "../../../../../shared/domain/wall-view.js";
import { Badge } from "../../../components/ui/badge.js";
import { Pane } from "../../../components/ui/pane.js";
import { useAlarmsById } from "../../alarms/hooks/use-alarms.js";
import { useCameras } from "../../../hooks/use-cameras.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { useWallArrangement } from "../hooks/use-wall-arrangement.js";
import { useWallTour } from "../hooks/use-wall-tour.js";
import { useWallViews } from "../hooks/use-wall-views.js";
import { useWardName } from "../../../hooks/use-wards.js";
import { useCameraRequest } from "../../../store/selection.js";
import { assertNever } from "../../../../../shared/result.js";
import type { TileHandlers } from "./camera-tile.js";
import { CameraList } from "./camera-list.js";
import { foldForSearch } from "../model/camera-groups.js";
import { hotSpotCamera } from "../model/hot-spot.js";
import { assignCamera, clearTile, setLayout, swapTiles, visibleTiles } from "../model/wall-arrangement.js";
import { WallGrid } from "./wall-grid.js";
import { wallKeyAction } from "../model/wall-keys.js";
import { tileCount } from "../model/wall-layouts.js";
import { WallToolbar } from "./wall-toolbar.js";
import { openPlayback } from "../../playback/hooks/use-playback-request.js";
import { useRecordingHealth } from "../../playback/hooks/use-recording-health.js";

/** The wall's playback opens this far back: the last minute, in step across every tile. */
const PLAYBACK_BACK_MS = 60_000;

export function WallPane() {
  const { t } = useTranslation();
  const cameras = useCameras();
  // Which tiles are alarmed, and the hot-spot camera, follow the alarms a moment later in a
  // flood: a background render, not the frame that takes each batch.
  const alarms = useDeferredValue(useAlarmsById());
  const wardName = useWardName();
  const { locale } = useLanguage();
  const operator = useOperator();
  const operatorId = operator?.id ?? null;
  const operatorName = operator?.name ?? "";
  const recording = useRecordingHealth();
  // One object while the operator stays the same: tiles are memoised, and a new object on every
  // render (ten a second in an alarm flood) re-rendered every tile of the wall.
  const stampOperator = useMemo(() => ({ id: operatorId ?? "", name: operatorName }), [operatorId, operatorName]);
  const [arrangement, update] = useWallArrangement(operatorId, cameras);
  const views = useWallViews();
  const layout: WallLayoutId = arrangement?.layout ?? "2x2";
  const tour = useWallTour(tileCount(layout), update);
  const [selected, setSelected] = useState<number | null>(null);
  const [maximized, setMaximized] = useState<number | null>(null);
  const [activeViewId, setActiveViewId] = useState<string | null>(null);
  const [hotSpotOn, setHotSpotOn] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  const [search, setSearch] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const byId = useMemo(() => new Map(cameras.map((camera) => [camera.id, camera])), [cameras]);

  const alarmedCameras = useMemo(() => {
    const ids = new Set<string>();
    for (const alarm of alarms.values()) if (alarm.cameraId !== null && needsAttention(alarm.state)) ids.add(alarm.cameraId);
    return ids;
  }, [alarms]);
  const hotSpot = useMemo(() => (hotSpotOn ? hotSpotCamera(alarms.values()) : null), [hotSpotOn, alarms]);

  const shown: (Camera | null)[] = useMemo(() => {
    if (arrangement === null) return [];
    const ids = visibleTiles(arrangement);
    // The hot-spot tile (the first, the large one in focus layouts) follows the newest critical alarm.
    if (hotSpotOn) ids[0] = hotSpot?.cameraId ?? null;
    return ids.map((id) => (id === null ? null : (byId.get(id) ?? null)));
  }, [arrangement, hotSpotOn, hotSpot, byId]);

  // A camera asked for elsewhere (map, alarm queue) goes to the selected tile, else the first.
  const request = useCameraRequest();
  const lastNonce = useRef<number | null>(null);
  useEffect(() => {
    if (request === null || request.nonce === lastNonce.current || arrangement === null) return;
    lastNonce.current = request.nonce;
    const target = selected ?? 0;
    if (target === 0) setHotSpotOn(false);
    update((current) => assignCamera(current, target, request.cameraId));
    setSelected(target);
    tour.touch();
  }, [request, arrangement, selected, update, tour]);

  const handlers: TileHandlers = useMemo(
    () => ({
      onSelect: (tile) => setSelected(tile),
      onToggleMaximize: (tile) => setMaximized((current) => (current === tile ? null : tile)),
      onDropCamera: (tile, cameraId) => {
        update((current) => assignCamera(current, tile, cameraId));
        setSelected(tile);
      },
      onSwap: (from, to) => update((current) => swapTiles(current, from, to)),
      onSnapshot: (name) => setNotice(name === null ? t("wall.snapshotFailed") : t("wall.snapshotSaved", { name })),
    }),
    [update, t],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      tour.touch();
      const action = wallKeyAction(event.key, shown.length, { ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey });
      switch (action.type) {
        case "none":
          return;
        case "select":
          setSelected(action.tile);
          break;
        case "toggle-maximize":
          if (selected !== null) setMaximized((current) => (current === selected ? null : selected));
          break;
        case "restore":
          setMaximized(null);
          break;
        case "clear":
          if (selected !== null) update((current) => clearTile(current, selected));
          break;
        default:
          assertNever(action);
      }
      event.preventDefault();
    },
    [shown.length, selected, update, tour],
  );

  const onLayout = (next: WallLayoutId) => {
    update((current) => setLayout(current, next));
    setMaximized(null);
    if (selected !== null && selected >= tileCount(next)) setSelected(null);
  };

  const onOpenView = (viewId: string) => {
    const view = views.views.find((v) => v.id === viewId);
    if (view === undefined) return;
    tour.stop();
    update(() => ({ layout: view.layout, tiles: view.tiles }));
    setActiveViewId(view.id);
    setMaximized(null);
    if (view.tour !== null) tour.start(view.tour);
  };

  const onSaveView = (name: string) => {
    if (arrangement === null) return;
    const existing = views.views.find((view) => view.name === name);
    const id = existing?.id ?? `view-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    void views.save({ id, name, layout: arrangement.layout, tiles: [...arrangement.tiles], tour: tour.tour }).then((result) => {
      if (result.ok) {
        setActiveViewId(result.value.id);
        setNotice(t("wall.viewSaved", { name: result.value.name }));
      } else {
        setNotice(t("wall.viewNotSaved", { message: result.error.message }));
      }
    });
  };

  const onDeleteView = (viewId: string) => {
    void views.remove(viewId).then((result) => {
      if (result.ok) setActiveViewId(null);
      else setNotice(t("wall.viewNotSaved", { message: result.error.message }));
    });
  };

  const onStartTour = (scope: "view" | "tile", intervalSeconds: number) => {
    const query = foldForSearch(search.trim());
    const pool = cameras.filter((camera) => query === "" || foldForSearch(`${camera.name} ${camera.id} ${wardName(camera.wardCode)}`).includes(query));
    const cameraIds = pool.map((camera) => camera.id);
    if (cameraIds.length === 0) return;
    tour.start({ cameraIds, intervalSeconds, scope: scope === "tile" ? { kind: "tile", tile: selected ?? 0 } : { kind: "view" } });
  };

  const online = cameras.filter((camera) => camera.status === "online").length;
  const onWall = useMemo(() => new Set(shown.flatMap((camera) => (camera === null ? [] : [camera.id]))), [shown]);

  return (
    <Pane
      testId="wall-pane"
      title={t("panes.wall")}
      className="wall"
      data-tour={tour.tour === null ? "off" : "on"}
      data-tour-step={tour.step}
      toolbar={
        <Badge tone={online < cameras.length ? "warn" : "neutral"} data-testid="camera-count">
          {t("wall.onlineCount", { online, total: cameras.length })}
        </Badge>
      }
    >
      <WallToolbar
          layout={layout}
          onLayout={onLayout}
          views={views.views}
          activeViewId={activeViewId}
          onOpenView={onOpenView}
          onSaveView={onSaveView}
          onDeleteView={onDeleteView}
          touring={tour.tour !== null}
          tourHolding={tour.holding}
          onStartTour={onStartTour}
          onStopTour={tour.stop}
          hotSpot={hotSpotOn}
          onHotSpot={setHotSpotOn}
          listOpen={listOpen}
          onToggleList={() => setListOpen((open) => !open)}
          onPlayback={() => openPlayback({ cameraIds: shown.flatMap((c) => (c === null ? [] : [c.id])), atMs: Date.now() - PLAYBACK_BACK_MS, alarmId: null })}
        />
      <div className={`wall__body${listOpen ? " wall__body--with-list" : ""}`}>
        {listOpen && (
          <CameraList
            recording={recording}
            cameras={cameras}
            wardName={wardName}
            onWall={onWall}
            search={search}
            onSearch={setSearch}
            onPick={(cameraId) => handlers.onDropCamera(selected ?? 0, cameraId)}
          />
        )}
        <WallGrid
          layout={layout}
          tiles={shown}
          selected={selected}
          maximized={maximized}
          hotSpotTile={hotSpotOn ? 0 : null}
          alarmedCameras={alarmedCameras}
          recording={recording}
          wardName={wardName}
          locale={locale}
          operator={stampOperator}
          noCameras={cameras.length === 0}
          handlers={handlers}
          onKeyDown={onKeyDown}
          onInteract={tour.touch}
        />
      </div>
      {notice !== null && (
        <p className="wall__notice" role="status" data-testid="wall-notice" onClick={() => setNotice(null)}>
          {notice}
        </p>
      )}
      {views.error !== null && notice === null && (
        <p className="wall__notice wall__notice--error" role="alert">
          {t("wall.viewNotSaved", { message: views.error.message })}
        </p>
      )}
    </Pane>
  );
}
