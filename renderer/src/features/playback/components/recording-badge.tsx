import { useTranslation } from "react-i18next";
import type { CameraRecordingHealth } from "../../../../../shared/protocol/recordings.js";
import { formatCityTime } from "../../../../../shared/time.js";

/** A camera's recording state in a list: recording, or in a gap since a time; disk used; a quota warning. */
export function RecordingBadge({ health }: { health: CameraRecordingHealth | undefined }) {
  const { t } = useTranslation();
  if (health === undefined || health.state === "off") return null;
  const megabytes = Math.round(health.bytes / 1e6);
  const text =
    health.state === "recording"
      ? t("playback.health.recording", { megabytes })
      : health.gapSinceMs === null
        ? t("playback.health.notYet")
        : t("playback.health.gapSince", { time: formatCityTime(new Date(health.gapSinceMs).toISOString()) });
  return (
    <span className={`recording-badge recording-badge--${health.state} recording-badge--quota-${health.quota}`} data-testid="recording-badge" data-state={health.state} data-quota={health.quota}>
      {text}
      {health.quota !== "ok" && ` · ${t(`playback.health.quota.${health.quota}`)}`}
    </span>
  );
}
