import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { needsAttention } from "../../../../shared/alarm-lifecycle.js";
import { Badge } from "../../components/ui/badge.js";
import { Pane } from "../../components/ui/pane.js";
import { useAlarmsById } from "../../hooks/use-alarms.js";
import { useCameras } from "../../hooks/use-cameras.js";
import { useLanguage } from "../../hooks/use-language.js";
import { useWardName } from "../../hooks/use-wards.js";
import { CameraTile } from "./camera-tile.js";
import { chooseWallCameras, WALL_SLOTS } from "./choose-wall-cameras.js";

export function WallPane() {
  const { t } = useTranslation();
  const cameras = useCameras();
  const alarms = useAlarmsById();
  const wardName = useWardName();
  const { locale } = useLanguage();
  const chosenRef = useRef<string[]>([]);

  const onWall = useMemo(() => {
    const ids = chooseWallCameras(cameras, chosenRef.current);
    chosenRef.current = ids;
    const byId = new Map(cameras.map((camera) => [camera.id, camera]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }, [cameras]);

  const alarmedCameras = useMemo(() => {
    const ids = new Set<string>();
    for (const alarm of alarms.values()) if (alarm.cameraId !== null && needsAttention(alarm.state)) ids.add(alarm.cameraId);
    return ids;
  }, [alarms]);

  const online = cameras.filter((camera) => camera.status === "online").length;
  const emptySlots = Math.max(0, WALL_SLOTS - onWall.length);

  return (
    <Pane
      testId="wall-pane"
      title={t("panes.wall")}
      className="wall"
      toolbar={
        <Badge tone={online < cameras.length ? "warn" : "neutral"} data-testid="camera-count">
          {t("wall.onlineCount", { online, total: cameras.length })}
        </Badge>
      }
    >
      <div className="wall__grid">
        {onWall.map((camera) => (
          <CameraTile
            key={camera.id}
            camera={camera}
            wardName={wardName(camera.wardCode)}
            locale={locale}
            alarmed={alarmedCameras.has(camera.id)}
          />
        ))}
        {Array.from({ length: emptySlots }, (_, i) => (
          <div key={`empty-${i}`} className="tile tile--empty">
            <span className="tile__veil-text">{cameras.length === 0 ? t("wall.noCameras") : t("wall.emptySlot")}</span>
          </div>
        ))}
      </div>
    </Pane>
  );
}
