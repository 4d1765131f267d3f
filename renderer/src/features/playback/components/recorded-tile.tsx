import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../../shared/domain/camera.js";
import { useRecordedPlayer, type RecordedPlayer } from "../hooks/use-recorded-player.js";
import { formatCityTime } from "../../../../../shared/time.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { recordedUrlFor } from "../model/recorded-url.js";
import type { DatedFragment } from "../model/wall-clock.js";

export interface TileHandle {
  player: RecordedPlayer;
  video: HTMLVideoElement;
}

/** One camera's recorded video in the playback view; the panel's clock drives it through `register`. */
export function RecordedTile({
  camera,
  fromMs,
  toMs,
  wallMs,
  held,
  register,
  onFragments,
}: {
  camera: Camera;
  fromMs: number;
  toMs: number;
  /** Wall-clock time of the picture shown, as the panel last read it. */
  wallMs: number | null;
  /** Nothing recorded at the clock's time: when the next picture was (null: none after); undefined when not held. */
  held: number | null | undefined;
  register(cameraId: string, handle: TileHandle | null): void;
  onFragments(cameraId: string, fragments: readonly DatedFragment[]): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const player = useRecordedPlayer(videoRef, recordedUrlFor(camera.streamUrl, fromMs, toMs));
  const playerRef = useRef(player);
  playerRef.current = player;

  useEffect(() => {
    const video = videoRef.current;
    if (video === null) return;
    // The panel reads the latest player through this handle: the hook returns a new object each render.
    const handle: TileHandle = {
      video,
      player: {
        get state() {
          return playerRef.current.state;
        },
        get fragments() {
          return playerRef.current.fragments;
        },
        wallMs: () => playerRef.current.wallMs(),
        seekToWall: (ms) => playerRef.current.seekToWall(ms),
      },
    };
    register(camera.id, handle);
    return () => register(camera.id, null);
  }, [camera.id, register]);

  useEffect(() => onFragments(camera.id, player.fragments), [camera.id, player.fragments, onFragments]);

  return (
    <figure className="playback-tile" data-testid="playback-tile" data-camera-id={camera.id} data-state={player.state} data-wall-ms={wallMs ?? undefined} data-held={held === undefined ? undefined : "true"} data-next-ms={held ?? undefined}>
      <video ref={videoRef} className="playback-tile__video" muted playsInline />
      <figcaption className="playback-tile__caption">
        <span className="playback-tile__name">{camera.name}</span>
        {player.state === "nothing-recorded" && <span className="playback-tile__note">{t("playback.nothingRecorded")}</span>}
        {player.state === "ready" && held !== undefined && (
          <span className="playback-tile__note">{held === null ? t("playback.recordingEnded") : t("playback.nextRecordedAt", { time: formatCityTime(new Date(held).toISOString(), locale) })}</span>
        )}
        {player.state === "error" && <span className="playback-tile__note">{t("playback.error")}</span>}
      </figcaption>
    </figure>
  );
}
