import Hls, { type LevelDetails, type LevelLoadedData } from "hls.js";
import { useEffect, useRef, useState, type RefObject } from "react";
import { REPLAY_HLS_CONFIG } from "../../wall/model/hls-config.js";
import { streamXhrSetup } from "../../wall/platform/stream-access.js";
import { mediaTimeAt, wallClockAt, type DatedFragment } from "../model/wall-clock.js";

function datedFragments(details: LevelDetails): DatedFragment[] {
  return details.fragments.flatMap((f) => (f.programDateTime === null ? [] : [{ startS: f.start, durationS: f.duration, dateMs: f.programDateTime }]));
}

export type RecordedPlayerState = "loading" | "ready" | "nothing-recorded" | "error";

export interface RecordedPlayer {
  state: RecordedPlayerState;
  /** The recorded segments with their wall-clock dates, once the playlist is loaded. */
  fragments: readonly DatedFragment[];
  /** Wall-clock time of the picture shown, or null before anything is. */
  wallMs(): number | null;
  /** Shows the picture recorded at `wallMs` (or the next recorded one, inside a gap). */
  seekToWall(wallMs: number): void;
}

/**
 * Plays one camera's recorded (VOD) playlist into `videoRef` and maps its position to wall-clock
 * time through the segments' program dates. hls.js, its MediaSource and listeners die with the
 * effect (URL changed, panel closed).
 */
export function useRecordedPlayer(videoRef: RefObject<HTMLVideoElement | null>, url: string | null): RecordedPlayer {
  const [state, setState] = useState<RecordedPlayerState>("loading");
  const [fragments, setFragments] = useState<readonly DatedFragment[]>([]);
  const detailsRef = useRef<LevelDetails | null>(null);
  const pendingSeek = useRef<number | null>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (video === null || url === null) {
      setState(url === null ? "error" : "loading");
      return;
    }
    setState("loading");
    const hls = new Hls({ ...REPLAY_HLS_CONFIG, capLevelToPlayerSize: false, xhrSetup: streamXhrSetup });
    hls.on(Hls.Events.LEVEL_LOADED, (_event: string, data: LevelLoadedData) => {
      // hls.js moves its fragments' start times once it has parsed their timestamps: read them live.
      detailsRef.current = data.details;
      const dated = datedFragments(data.details);
      setFragments(dated);
      setState(dated.length === 0 ? "nothing-recorded" : "ready");
      const target = pendingSeek.current;
      if (target !== null) {
        pendingSeek.current = null;
        const t = mediaTimeAt(dated, target);
        if (t !== null) video.currentTime = t;
      }
    });
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      setState(data.response?.code === 404 ? "nothing-recorded" : "error");
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    return () => {
      hls.destroy();
      detailsRef.current = null;
    };
  }, [videoRef, url]);

  return {
    state,
    fragments,
    wallMs: () => {
      const video = videoRef.current;
      const details = detailsRef.current;
      return video === null || details === null ? null : wallClockAt(datedFragments(details), video.currentTime);
    },
    seekToWall: (wallMs: number) => {
      const video = videoRef.current;
      if (video === null) return;
      const details = detailsRef.current;
      if (details === null) {
        pendingSeek.current = wallMs;
        return;
      }
      const t = mediaTimeAt(datedFragments(details), wallMs);
      if (t !== null) video.currentTime = t;
    },
  };
}
