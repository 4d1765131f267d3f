import Hls, { type ErrorData } from "hls.js";
import { useEffect, useReducer, useState, type RefObject } from "react";
import { LIVE_HLS_CONFIG, REPLAY_HLS_CONFIG } from "../model/hls-config.js";
import { playerCreated, playerDestroyed } from "../platform/player-registry.js";
import { streamXhrSetup, withStreamToken } from "../platform/stream-access.js";
import { catchUpRate, DroppedFrames } from "../platform/live-catch-up.js";
import { forgivenTargetLatency } from "../model/stall-forgiveness.js";
import { liveLatencySeconds, nextTileState, streamRetryDelayMs, type TileState } from "../model/tile-state.js";

export interface PlayerView {
  state: TileState;
  /** Seconds behind live, when known. */
  latency: number | null;
  /** Reload attempts since the stream last played. */
  attempt: number;
  /** The last fatal error, for the tile's tooltip. */
  detail: string | null;
}

/** No progress for this long while "playing" means the picture is frozen. */
const STALL_AFTER_MS = 4000;
/** The latency shown on a tile changes when it moved by this much (seconds). */
const LATENCY_REDRAW_STEP_S = 0.05;
/** Frozen this long: tear the player down and start again. */
const RESTART_STALLED_AFTER_MS = 15_000;
/** Media errors recovered in place within this window before we rebuild the player instead. */
const MEDIA_RECOVERY_WINDOW_MS = 10_000;

export interface PlayerOptions {
  /** The camera is reported online; when not, the tile shows "offline" and loads nothing. */
  online: boolean;
  /** The tile can be seen (pane shown, tile on screen, window not minimized); when not, nothing loads. */
  active: boolean;
  /** "live" follows the live edge; "replay" plays the DVR playlist for scrubbing back. */
  mode: "live" | "replay";
}

/**
 * Plays one HLS stream into `videoRef` while the camera is online and the tile can be seen,
 * keeping it alive: fatal network errors reload with backoff, fatal media errors call
 * recoverMediaError(), a frozen picture is detected and restarted. The hls.js instance, its
 * MediaSource and every timer die with the effect (tile removed, hidden, camera changed).
 */
export function useHlsPlayer(videoRef: RefObject<HTMLVideoElement | null>, url: string, options: PlayerOptions): PlayerView {
  const { online, active, mode } = options;
  const [state, dispatch] = useReducer(nextTileState, online ? "connecting" : "offline");
  const [latency, setLatency] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [detail, setDetail] = useState<string | null>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (video === null) return;
    if (!online) {
      dispatch({ type: "camera-offline" });
      setLatency(null);
      return;
    }
    if (!active) {
      // Nobody can see it: load nothing. It reconnects when it is seen again.
      dispatch({ type: "start" });
      setLatency(null);
      return;
    }

    let hls: Hls | null = null;
    let disposed = false;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let attempts = 0;
    let lastMediaRecovery = 0;
    let playing = false;
    let lastProgressAt = Date.now();
    let lastTime = -1;
    let lastStallAt = Date.now();
    const dropped = new DroppedFrames();

    const scheduleRestart = (delayMs: number) => {
      if (disposed || retryTimer !== null) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        attempts += 1;
        setAttempt(attempts);
        start();
      }, delayMs);
    };

    const onError = (_event: string, data: ErrorData) => {
      if (!data.fatal) {
        if (data.details === Hls.ErrorDetails.BUFFER_STALLED_ERROR) {
          lastStallAt = Date.now();
          dispatch({ type: "stalled" });
        }
        return;
      }
      setDetail(`${data.type}: ${data.details}`);
      switch (data.type) {
        case Hls.ErrorTypes.NETWORK_ERROR:
          playing = false;
          dispatch({ type: "network-lost" });
          scheduleRestart(streamRetryDelayMs(attempts));
          return;
        case Hls.ErrorTypes.MEDIA_ERROR: {
          const now = Date.now();
          if (now - lastMediaRecovery > MEDIA_RECOVERY_WINDOW_MS) {
            lastMediaRecovery = now;
            hls?.recoverMediaError();
            return;
          }
          dispatch({ type: "fatal" });
          scheduleRestart(streamRetryDelayMs(attempts));
          return;
        }
        default:
          dispatch({ type: "fatal" });
          scheduleRestart(streamRetryDelayMs(attempts + 2));
      }
    };

    const destroyPlayer = () => {
      if (hls === null) return;
      hls.destroy();
      hls = null;
      playerDestroyed();
    };

    const start = () => {
      if (disposed) return;
      destroyPlayer();
      playing = false;
      lastProgressAt = Date.now();
      dispatch({ type: "start" });
      if (Hls.isSupported()) {
        const player = new Hls({ ...(mode === "live" ? LIVE_HLS_CONFIG : REPLAY_HLS_CONFIG), xhrSetup: streamXhrSetup });
        playerCreated();
        hls = player;
        player.on(Hls.Events.ERROR, onError);
        player.on(Hls.Events.MANIFEST_PARSED, () => {
          video.play().catch(() => undefined);
        });
        player.loadSource(url);
        player.attachMedia(video);
      } else if (video.canPlayType("application/vnd.apple.mpegurl") !== "") {
        video.src = withStreamToken(url);
        video.play().catch(() => undefined);
      } else {
        setDetail("HLS is not supported here");
        dispatch({ type: "fatal" });
      }
    };

    const onPlaying = () => {
      playing = true;
      lastProgressAt = Date.now();
      attempts = 0;
      setAttempt(0);
      setDetail(null);
      dispatch({ type: "playing" });
    };
    const onWaiting = () => {
      lastStallAt = Date.now();
      if (playing) dispatch({ type: "stalled" });
    };
    video.addEventListener("playing", onPlaying);
    video.addEventListener("waiting", onWaiting);

    // Once a second: is the picture moving, and how far behind live is it?
    const watchdog = setInterval(() => {
      const now = Date.now();
      if (video.currentTime !== lastTime && !video.paused) {
        lastTime = video.currentTime;
        lastProgressAt = now;
        if (playing) dispatch({ type: "playing" });
      } else if (playing && now - lastProgressAt > STALL_AFTER_MS) {
        dispatch({ type: "stalled" });
        if (now - lastProgressAt > RESTART_STALLED_AFTER_MS) {
          dispatch({ type: "network-lost" });
          scheduleRestart(0);
        }
      }
      if (mode === "live" && hls !== null && LIVE_HLS_CONFIG.liveSyncDuration !== undefined) {
        const target = forgivenTargetLatency({ nowMs: now, lastStallAtMs: lastStallAt, currentTarget: hls.targetLatency, configured: LIVE_HLS_CONFIG.liveSyncDuration });
        if (target !== null) hls.targetLatency = target;
      }
      const playingDate = hls?.playingDate?.getTime() ?? null;
      // Prefer the program date time (what the camera stamped) over hls.js's playlist-based estimate.
      const behind = playing ? liveLatencySeconds(null, playingDate, now) ?? liveLatencySeconds(hls?.latency ?? null, null, now) : null;
      // Redrawn only when it moved: an overlay repainted over nine videos every second cost the
      // wall a third of its dropped frames on a CPU-composited page.
      setLatency((shown) => (shown === null || behind === null || Math.abs(shown - behind) >= LATENCY_REDRAW_STEP_S ? behind : shown));
      const quality = video.getVideoPlaybackQuality?.();
      if (quality !== undefined) dropped.sample(quality.droppedVideoFrames, quality.totalVideoFrames);
      if (mode === "live" && hls !== null) {
        const rate = catchUpRate({ latencySeconds: behind, currentRate: video.playbackRate, droppedShare: dropped.share() });
        if (rate !== video.playbackRate) video.playbackRate = rate;
      }
    }, 1000);

    start();

    return () => {
      disposed = true;
      clearInterval(watchdog);
      if (retryTimer !== null) clearTimeout(retryTimer);
      video.removeEventListener("playing", onPlaying);
      video.removeEventListener("waiting", onWaiting);
      destroyPlayer();
      video.removeAttribute("src");
      video.load();
    };
  }, [videoRef, url, online, active, mode]);

  return { state, latency, attempt, detail };
}
