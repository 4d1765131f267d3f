import { useTranslation } from "react-i18next";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { Button } from "../../../components/ui/button.js";
import type { CameraDistance } from "../model/nearest-cameras.js";
import { useStore } from "../../../store/store-context.js";

/** With an alarm selected: the cameras nearest to it, each one click away from the wall. */
export function NearestCamerasPanel({
  alarm,
  nearest,
  onShow,
}: {
  alarm: Alarm;
  nearest: readonly CameraDistance[];
  onShow: (cameraId: string) => void;
}) {
  const { selectAlarm } = useStore();
  const { t, i18n } = useTranslation();
  return (
    <section className="map-panel map-nearest" data-testid="map-nearest-cameras" data-alarm-id={alarm.id} aria-label={t("map.nearestCameras")}>
      <header className="map-nearest__header">
        <h3>{t("map.nearestCameras")}</h3>
        <Button size="small" onClick={() => selectAlarm(null)} aria-label={t("map.deselect")} data-testid="map-nearest-close">
          ×
        </Button>
      </header>
      <p className="map-nearest__place">{alarm.place}</p>
      {nearest.length === 0 ? (
        <p className="map-nearest__empty">{t("map.noCameraNearby")}</p>
      ) : (
        <ul>
          {nearest.map(({ camera, distanceM }) => (
            <li key={camera.id}>
              <Button size="small" onClick={() => onShow(camera.id)} data-testid="map-nearest-camera" data-camera-id={camera.id}>
                {camera.name}
              </Button>
              <span className="map-nearest__distance">
                {t("map.distance", { distance: Math.round(distanceM).toLocaleString(i18n.language) })}
                {camera.status === "offline" ? ` · ${t("map.cameraStatus.offline")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
