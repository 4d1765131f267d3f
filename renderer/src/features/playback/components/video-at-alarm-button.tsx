import { useTranslation } from "react-i18next";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { useCameras } from "../../../hooks/use-cameras.js";
import { openPlayback } from "../hooks/use-playback-request.js";
import { nearestCameras } from "../model/nearest-cameras.js";

/** Cameras opened with an alarm: its own and the nearest others, a 2x2 of synchronised playback. */
const CAMERAS_AT_ALARM = 4;

/** "Show video at the alarm": the alarm's nearest cameras, recorded, at the time it was raised. */
export function VideoAtAlarmButton({ alarm }: { alarm: Alarm }) {
  const { t } = useTranslation();
  const cameras = useCameras();
  const cameraIds = nearestCameras(alarm, cameras, CAMERAS_AT_ALARM);
  if (cameraIds.length === 0) return null;
  return (
    <button type="button" className="alarm-details__video" data-testid="video-at-alarm" onClick={() => openPlayback({ cameraIds, atMs: Date.parse(alarm.raisedAt), alarmId: alarm.id })}>
      {t("playback.videoAtAlarm")}
    </button>
  );
}
