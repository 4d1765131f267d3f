import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { nextReplayStep, REPLAY_HOURS, SLIDER_STEP_H, WINDOW_CHOICES_H, type WindowHours } from "../model/alarm-density.js";

export interface DensitySetting {
  hoursAgo: number;
  windowHours: WindowHours;
}

/** The heatmap's time window: its length, a slider over the last 24 hours, and a replay. */
export function DensityControls({
  setting,
  onChange,
  windowEnd,
}: {
  setting: DensitySetting;
  onChange: (setting: DensitySetting) => void;
  windowEnd: Date;
}) {
  const { t, i18n } = useTranslation();
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => onChange({ ...setting, hoursAgo: nextReplayStep(setting.hoursAgo) }), 800);
    return () => clearInterval(timer);
  }, [playing, setting, onChange]);

  return (
    <section className="map-panel map-density" data-testid="map-density" aria-label={t("map.layer.heatmap")}>
      <label className="map-density__window">
        {t("map.densityWindow")}
        <select
          value={setting.windowHours}
          onChange={(event) => {
            const hours = WINDOW_CHOICES_H.find((h) => String(h) === event.target.value);
            if (hours !== undefined) onChange({ ...setting, windowHours: hours });
          }}
        >
          {WINDOW_CHOICES_H.map((hours) => (
            <option key={hours} value={hours}>
              {t("map.hours", { count: hours })}
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        className="map-density__slider"
        data-testid="map-density-slider"
        aria-label={t("map.densityUntil", { time: formatCityDateTime(windowEnd, i18n.language) })}
        min={0}
        max={REPLAY_HOURS}
        step={SLIDER_STEP_H}
        // Right is now: the slider reads as a timeline, older to the left.
        value={REPLAY_HOURS - setting.hoursAgo}
        onChange={(event) => onChange({ ...setting, hoursAgo: REPLAY_HOURS - Number(event.target.value) })}
      />
      <span className="map-density__time">{t("map.densityUntil", { time: formatCityDateTime(windowEnd, i18n.language) })}</span>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
        {playing ? t("map.pause") : t("map.replay")}
      </button>
    </section>
  );
}
