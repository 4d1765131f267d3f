import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../../shared/domain/camera.js";
import { Button } from "../../../components/ui/button.js";
import { useHlsPlayer } from "../../wall/hooks/use-hls-player.js";
import { useStore } from "../../../store/store-context.js";

/** A small live view on the map for the camera the operator clicked; the wall is asked to show it too. */
export function CameraPopup({ camera, onClose }: { camera: Camera; onClose: () => void }) {
  const { requestCamera } = useStore();
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const player = useHlsPlayer(videoRef, camera.streamUrl, { online: camera.status === "online", active: true, mode: "live" });
  return (
    <section
      className="map-panel map-camera"
      data-testid="map-camera-popup"
      data-camera-id={camera.id}
      data-state={player.state}
      aria-label={`${t("map.camera")} ${camera.name}`}
    >
      <header className="map-camera__header">
        <h3 title={camera.id}>{camera.name}</h3>
        <Button size="small" onClick={() => requestCamera(camera.id)} data-testid="map-camera-to-wall">
          {t("map.showOnWall")}
        </Button>
        <Button size="small" onClick={onClose} aria-label={t("map.close")} data-testid="map-camera-close">
          ×
        </Button>
      </header>
      <div className="map-camera__video">
        <video ref={videoRef} muted playsInline />
        {player.state !== "playing" && <span className="map-camera__state">{t(`wall.states.${player.state}`)}</span>}
      </div>
    </section>
  );
}
