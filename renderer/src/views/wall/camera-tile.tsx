import { memo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../shared/domain/camera.js";
import { useHlsPlayer } from "../../hooks/use-hls-player.js";
import { formatLatency } from "./tile-state.js";

interface CameraTileProps {
  camera: Camera;
  wardName: string;
  locale: string;
  /** An alarm needing attention points at this camera. */
  alarmed: boolean;
}

export const CameraTile = memo(function CameraTile({ camera, wardName, locale, alarmed }: CameraTileProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const { state, latency, attempt, detail } = useHlsPlayer(videoRef, camera.streamUrl, camera.status === "online");
  const stateLabel = t(`wall.states.${state}`);

  return (
    <figure
      className={`tile tile--${state}${alarmed ? " tile--alarmed" : ""}`}
      data-testid="camera-tile"
      data-camera-id={camera.id}
      data-state={state}
      aria-label={`${camera.name} — ${stateLabel}`}
    >
      <video ref={videoRef} className="tile__video" muted autoPlay playsInline disablePictureInPicture />
      <div className="tile__top">
        <div className="tile__caption">
          <span className="tile__name">{camera.name}</span>
          <span className="tile__ward">{wardName}</span>
        </div>
        <span className={`tile__state tile__state--${state}`} data-testid="tile-state" title={detail ?? undefined}>
          <span className="tile__state-dot" aria-hidden="true" />
          {stateLabel}
          {state === "reconnecting" && attempt > 0 && <span className="tile__attempt"> · {t("wall.attempt", { count: attempt })}</span>}
        </span>
      </div>
      <span className="tile__latency tabular" data-testid="tile-latency" data-latency={latency === null ? "" : latency.toFixed(2)}>
        {latency === null ? t("wall.latencyUnknown") : t("wall.latency", { value: formatLatency(latency, locale) })}
      </span>
      <span className="tile__id">{camera.id}</span>
      {state !== "playing" && (
        <div className="tile__veil" aria-hidden="true">
          {(state === "connecting" || state === "reconnecting") && <span className="spinner" />}
          <span className="tile__veil-text">{stateLabel}</span>
        </div>
      )}
    </figure>
  );
});
