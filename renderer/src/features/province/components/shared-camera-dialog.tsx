import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { sharedCameraPlaylistPath } from "../../../../../shared/protocol/camera-share.js";
import type { AppError } from "../../../../../shared/result.js";
import { Popover } from "../../../components/ui/popover.js";
import { RefusalMessage } from "../../alarms/components/refusal-message.js";
import { useSyncStatus } from "../../status/hooks/use-sync-status.js";
import { useHlsPlayer } from "../../wall/hooks/use-hls-player.js";
import { probeSharedCamera } from "../platform/shared-camera-probe.js";

type Probe = { state: "checking" } | { state: "ok" } | { state: "refused"; error: AppError };

/**
 * A camera a city shared with an escalation, played through the province's backend. Closing the
 * dialog unmounts the player, which ends its stream.
 */
export function SharedCameraDialog({ cityId, cityName, cameraId, onClose }: { cityId: string; cityName: string; cameraId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { status } = useSyncStatus();
  const url = status === null ? "" : new URL(sharedCameraPlaylistPath(cityId, cameraId), status.backendUrl).toString();
  const [probe, setProbe] = useState<Probe>({ state: "checking" });
  const videoRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (url === "") return;
    const abort = new AbortController();
    void probeSharedCamera(url, abort.signal).then((result) => {
      if (!abort.signal.aborted) setProbe(result.ok ? { state: "ok" } : { state: "refused", error: result.error });
    });
    return () => abort.abort();
  }, [url]);
  const player = useHlsPlayer(videoRef, url, { online: probe.state === "ok", active: probe.state === "ok", mode: "live" });

  return (
    <div className="shared-camera-anchor">
      <Popover testId="shared-camera-dialog" title={t("province.sharedCamera", { camera: cameraId, city: cityName })} onClose={onClose}>
        <div className="shared-camera" data-testid="shared-camera" data-state={probe.state === "ok" ? player.state : probe.state}>
          <video ref={videoRef} className="shared-camera__video" data-testid="shared-camera-video" muted autoPlay playsInline disablePictureInPicture />
          {probe.state === "checking" && <p>{t("province.sharedCameraChecking")}</p>}
          {probe.state === "refused" && <RefusalMessage error={probe.error} onDismiss={onClose} />}
          {probe.state === "ok" && player.detail !== null && <p className="shared-camera__detail">{player.detail}</p>}
        </div>
      </Popover>
    </div>
  );
}
