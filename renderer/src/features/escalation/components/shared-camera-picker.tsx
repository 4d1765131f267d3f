import { useTranslation } from "react-i18next";
import { MAX_SHARED_CAMERAS } from "../../../../../shared/domain/shared-cameras.js";
import { useCameras, useCamerasById } from "../../../hooks/use-cameras.js";
import { Button } from "../../../components/ui/button.js";
import { camerasToOffer, toggleSharedCamera } from "../model/shared-camera-choice.js";

/** The cameras shared with the province along with an escalation: the chosen ones (each removable), and a list to add from. */
export function SharedCameraPicker({ chosen, onChange }: { chosen: readonly string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  const cameras = useCameras();
  const byId = useCamerasById();
  const offer = camerasToOffer(cameras, chosen);
  return (
    <fieldset className="shared-cameras" data-testid="shared-cameras">
      <legend>{t("escalation.sharedCameras", { max: MAX_SHARED_CAMERAS })}</legend>
      {chosen.length === 0 && <span className="shared-cameras__none">{t("escalation.noSharedCamera")}</span>}
      {chosen.map((id) => (
        <Button key={id} size="small" data-testid={`shared-camera-${id}`} aria-label={t("escalation.unshare", { name: byId.get(id)?.name ?? id })} onClick={() => onChange(toggleSharedCamera(chosen, id))}>
          {byId.get(id)?.name ?? id} ✕
        </Button>
      ))}
      {offer.length > 0 && (
        <select data-testid="share-camera-add" aria-label={t("escalation.share")} value="" onChange={(e) => e.target.value !== "" && onChange(toggleSharedCamera(chosen, e.target.value))}>
          <option value="">{t("escalation.share")}</option>
          {offer.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}
