import { memo, useCallback, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../../shared/domain/camera.js";
import { useElementVisible } from "../../../hooks/use-element-visible.js";
import { useHlsPlayer } from "../hooks/use-hls-player.js";
import { usePageVisible } from "../../../hooks/use-page-visible.js";
import { replayUrlFor } from "../model/replay-url.js";
import { liveUrlForTile } from "../model/tile-stream.js";
import { useElementHeight } from "../../../hooks/use-element-height.js";
import { saveSnapshot } from "../platform/take-snapshot.js";
import { formatLatency } from "../model/tile-state.js";
import { TileReplay } from "./tile-replay.js";
import { CAMERA_DRAG_TYPE, TILE_DRAG_TYPE } from "../model/wall-drag.js";
import { usePlaybackRequest } from "../../playback/hooks/use-playback-request.js";
import { TileRecordingState } from "../../playback/components/tile-recording-state.js";
import type { CameraRecordingHealth } from "../../../../../shared/protocol/recordings.js";

export interface TileHandlers {
  onSelect(tile: number): void;
  onToggleMaximize(tile: number): void;
  onDropCamera(tile: number, cameraId: string): void;
  onSwap(from: number, to: number): void;
  onSnapshot(name: string | null): void;
}

interface CameraTileProps {
  tile: number;
  camera: Camera;
  wardName: string;
  locale: string;
  /** An alarm needing attention points at this camera. */
  alarmed: boolean;
  selected: boolean;
  maximized: boolean;
  /** This tile follows the newest critical alarm. */
  hotSpot: boolean;
  operator: { id: string; name: string };
  handlers: TileHandlers;
  /** The camera's recording state from the backend; undefined while unknown. */
  recording: CameraRecordingHealth | undefined;
}

export const CameraTile = memo(function CameraTile(props: CameraTileProps) {
  const { tile, camera, wardName, locale, alarmed, selected, maximized, hotSpot, operator, handlers } = props;
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const figureRef = useRef<HTMLElement>(null);
  const [replaying, setReplaying] = useState(false);
  const [dropping, setDropping] = useState(false);
  const onScreen = useElementVisible(figureRef);
  const pageVisible = usePageVisible();
  const replayUrl = replayUrlFor(camera.streamUrl);
  const inReplay = replaying && replayUrl !== null;
  // While recorded video plays over the window, live tiles load nothing: the decoders are playback's.
  const playbackOpen = usePlaybackRequest() !== null;
  const active = onScreen && pageVisible && !playbackOpen;
  // A small tile plays the camera's sub-stream, where it has one; a layout change switches it.
  const liveUrl = liveUrlForTile(camera, useElementHeight(figureRef));
  const { state, latency, attempt, detail } = useHlsPlayer(videoRef, inReplay ? replayUrl : liveUrl, {
    online: camera.status === "online",
    active,
    mode: inReplay ? "replay" : "live",
  });
  const stateLabel = t(`wall.states.${state}`);

  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(TILE_DRAG_TYPE, String(tile));
    event.dataTransfer.setData(CAMERA_DRAG_TYPE, camera.id);
    event.dataTransfer.effectAllowed = "move";
  };
  const snapshot = useCallback(() => {
    const video = videoRef.current;
    if (video === null) return;
    void saveSnapshot(video, { cameraId: camera.id, cameraName: camera.name, operatorId: operator.id, operatorName: operator.name }).then(handlers.onSnapshot);
  }, [camera.id, camera.name, operator.id, operator.name, handlers]);

  return (
    <figure
      ref={figureRef}
      className={`tile tile--${state}${alarmed ? " tile--alarmed" : ""}${selected ? " tile--selected" : ""}${dropping ? " tile--drop" : ""}`}
      data-testid="camera-tile"
      data-tile={tile}
      data-camera-id={camera.id}
      data-state={state}
      data-active={active ? "true" : "false"}
      data-mode={inReplay ? "replay" : "live"}
      data-stream={liveUrl === camera.streamUrl ? "main" : "sub"}
      aria-label={`${tile + 1}. ${camera.name} — ${stateLabel}`}
      aria-selected={selected}
      draggable
      onDragStart={onDragStart}
      {...dropHandlers(tile, handlers, setDropping)}
      onClick={() => handlers.onSelect(tile)}
      onDoubleClick={() => handlers.onToggleMaximize(tile)}
    >
      <video ref={videoRef} className="tile__video" muted autoPlay playsInline disablePictureInPicture />
      <div className="tile__top">
        <span className="tile__number tabular" aria-hidden="true">{tile + 1}</span>
        <div className="tile__caption">
          <span className="tile__name">{camera.name}</span>
          <span className="tile__ward">{wardName}</span>
        </div>
        <TileRecordingState health={props.recording} />
        {hotSpot && <span className="tile__hotspot" data-testid="tile-hotspot">▲ {t("wall.hotSpot")}</span>}
        <span className={`tile__state tile__state--${state}`} data-testid="tile-state" title={detail ?? undefined}>
          <span className="tile__state-dot" aria-hidden="true" />
          {inReplay ? t("wall.replay") : stateLabel}
          {state === "reconnecting" && attempt > 0 && <span className="tile__attempt"> · {t("wall.attempt", { count: attempt })}</span>}
        </span>
      </div>
      <span className="tile__latency tabular" data-testid="tile-latency" data-latency={latency === null ? "" : latency.toFixed(2)}>
        {latency === null ? t("wall.latencyUnknown") : t("wall.latency", { value: formatLatency(latency, locale) })}
      </span>
      <div className="tile__tools">
        <button type="button" className="tile__tool" onClick={(e) => { e.stopPropagation(); snapshot(); }} disabled={state !== "playing"} data-testid="tile-snapshot" title={t("wall.snapshot")}>
          {t("wall.snapshotShort")}
        </button>
        {replayUrl !== null && !inReplay && (
          <button type="button" className="tile__tool" onClick={(e) => { e.stopPropagation(); setReplaying(true); }} data-testid="tile-replay" title={t("wall.replayTitle")}>
            {t("wall.replay")}
          </button>
        )}
        <button type="button" className="tile__tool" onClick={(e) => { e.stopPropagation(); handlers.onToggleMaximize(tile); }} data-testid="tile-maximize" aria-pressed={maximized}>
          {maximized ? t("wall.restore") : t("wall.maximize")}
        </button>
      </div>
      {inReplay && <TileReplay videoRef={videoRef} onExit={() => setReplaying(false)} />}
      <span className="tile__id">{camera.id}</span>
      {state !== "playing" && (
        <div className="tile__veil" aria-hidden="true">
          {(state === "connecting" || state === "reconnecting") && active && <span className="spinner" />}
          <span className="tile__veil-text">{active ? stateLabel : t("wall.paused")}</span>
          {state === "error" && detail !== null && <span className="tile__veil-detail">{t("wall.errorHelp")}</span>}
        </div>
      )}
    </figure>
  );
});

/** Drop targets: a camera from the list, or another tile (swap). Shared with the empty tile. */
export function dropHandlers(tile: number, handlers: Pick<TileHandlers, "onDropCamera" | "onSwap">, setDropping: (on: boolean) => void) {
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(CAMERA_DRAG_TYPE) || event.dataTransfer.types.includes(TILE_DRAG_TYPE);
  return {
    onDragOver: (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      setDropping(true);
    },
    onDragLeave: () => setDropping(false),
    onDrop: (event: DragEvent) => {
      setDropping(false);
      if (!accepts(event)) return;
      event.preventDefault();
      const fromTile = event.dataTransfer.getData(TILE_DRAG_TYPE);
      if (fromTile !== "") {
        const from = Number(fromTile);
        if (Number.isInteger(from)) handlers.onSwap(from, tile);
        return;
      }
      const cameraId = event.dataTransfer.getData(CAMERA_DRAG_TYPE);
      if (cameraId !== "") handlers.onDropCamera(tile, cameraId);
    },
  };
}
