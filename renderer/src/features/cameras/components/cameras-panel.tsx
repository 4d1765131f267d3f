import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../../shared/domain/camera.js";
import { useLiveState } from "../../../store/store-context.js";
import { RecordingBadge } from "../../playback/components/recording-badge.js";
import { useRecordingHealth } from "../../playback/hooks/use-recording-health.js";
import { useCameraActions } from "../hooks/use-camera-actions.js";
import { openCameraAdmin } from "../hooks/use-camera-admin-open.js";
import { CameraForm } from "./camera-form.js";

type Editing = { kind: "none" } | { kind: "add" } | { kind: "edit"; camera: Camera };

/**
 * Every camera with its source and recording state. Supervisors add cameras and edit, disable or
 * enable the ones added here; everyone else sees the list only (the backend refuses them anyway).
 */
export function CamerasPanel() {
  const { t } = useTranslation();
  const cameras = useLiveState((s) => s.cameras);
  const operator = useLiveState((s) => s.operator);
  const health = useRecordingHealth();
  const actions = useCameraActions();
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const [error, setError] = useState<string | null>(null);
  const supervisor = operator?.role === "supervisor";
  const sorted = useMemo(() => [...cameras.values()].sort((a, b) => a.name.localeCompare(b.name, "vi")), [cameras]);

  const toggle = async (camera: Camera) => {
    const result = await actions.setEnabled(camera.id, camera.setup?.enabled === false);
    setError(result.ok ? null : result.error.message);
  };

  return (
    <section className="overlay-panel cameras-panel" role="dialog" aria-label={t("cameras.title")} data-testid="cameras-panel">
      <header className="cameras-panel__header">
        <h2 className="cameras-panel__title">{t("cameras.title")}</h2>
        {supervisor && editing.kind === "none" && (
          <button type="button" className="btn btn--small" onClick={() => setEditing({ kind: "add" })} data-testid="camera-add">
            {t("cameras.add")}
          </button>
        )}
        <button type="button" className="btn btn--ghost btn--small cameras-panel__close" onClick={() => openCameraAdmin(false)} data-testid="cameras-close">
          {t("playback.close")}
        </button>
      </header>
      {supervisor && editing.kind !== "none" && (
        <CameraForm key={editing.kind === "edit" ? editing.camera.id : "new"} camera={editing.kind === "edit" ? editing.camera : null} onDone={() => setEditing({ kind: "none" })} />
      )}
      {error !== null && (
        <p className="cameras-panel__error" role="alert">
          {error}
        </p>
      )}
      <ul className="cameras-panel__list">
        {sorted.map((camera) => (
          <li key={camera.id} className="cameras-panel__row" data-testid="camera-row" data-camera-id={camera.id} data-status={camera.status}>
            <span className="cameras-panel__name">{camera.name}</span>
            <span className="cameras-panel__source">{t(`cameras.source.${camera.source}`)}</span>
            <span className={`cameras-panel__status cameras-panel__status--${camera.status}`}>{camera.setup?.enabled === false ? t("cameras.disabled") : t(`cameras.status.${camera.status}`)}</span>
            <RecordingBadge health={health.get(camera.id)} />
            {supervisor && camera.setup !== undefined && (
              <>
                <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing({ kind: "edit", camera })} data-testid="camera-edit">
                  {t("cameras.edit")}
                </button>
                <button type="button" className="btn btn--ghost btn--small" onClick={() => void toggle(camera)} data-testid="camera-toggle">
                  {camera.setup.enabled ? t("cameras.disable") : t("cameras.enable")}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
