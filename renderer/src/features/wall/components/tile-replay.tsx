import { useEffect, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { replaySeekTarget } from "../model/replay-url.js";

/** Scrubbing back within the DVR window: a slider of seconds behind the newest picture. */
export function TileReplay({ videoRef, onExit }: { videoRef: RefObject<HTMLVideoElement | null>; onExit(): void }) {
  const { t } = useTranslation();
  const [secondsBack, setSecondsBack] = useState(30);
  const [windowSeconds, setWindowSeconds] = useState(0);
  const sought = useRef(false);

  useEffect(() => {
    const video = videoRef.current;
    if (video === null) return;
    const measure = () => {
      if (video.seekable.length === 0) return;
      const start = video.seekable.start(0);
      const end = video.seekable.end(video.seekable.length - 1);
      setWindowSeconds(Math.floor(end - start));
      // The first time the DVR window is known, go back to where the slider says.
      if (!sought.current && end > start) {
        sought.current = true;
        video.currentTime = replaySeekTarget(start, end, 30);
      }
    };
    const timer = setInterval(measure, 1000);
    measure();
    return () => clearInterval(timer);
  }, [videoRef]);

  const seek = (back: number) => {
    setSecondsBack(back);
    const video = videoRef.current;
    if (video === null || video.seekable.length === 0) return;
    video.currentTime = replaySeekTarget(video.seekable.start(0), video.seekable.end(video.seekable.length - 1), back);
  };

  const max = Math.max(windowSeconds, 1);
  return (
    <div className="tile__replay" onPointerDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
      <input
        type="range"
        min={0}
        max={max}
        step={1}
        // Left is further back in time, like a timeline.
        value={max - Math.min(secondsBack, max)}
        aria-label={t("wall.replaySlider")}
        data-testid="tile-replay-slider"
        onChange={(event) => seek(max - Number(event.currentTarget.value))}
      />
      <span className="tile__replay-back tabular">{t("wall.replayBack", { seconds: Math.min(secondsBack, max) })}</span>
      <button type="button" className="tile__tool" onClick={onExit} data-testid="tile-replay-exit">
        {t("wall.backToLive")}
      </button>
    </div>
  );
}
