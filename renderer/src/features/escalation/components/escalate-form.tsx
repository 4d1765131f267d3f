import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../../shared/limits.js";
import type { AppError, Result } from "../../../../../shared/result.js";
import { Button } from "../../../components/ui/button.js";
import { RefusalMessage } from "../../alarms/components/refusal-message.js";
import { SharedCameraPicker } from "./shared-camera-picker.js";

/** "Escalate to province": the reason and the cameras shared with it, sent as one command. */
export function EscalateForm({ defaultCameras, onEscalate }: { defaultCameras: readonly string[]; onEscalate: (reason: string, cameraIds: readonly string[]) => Promise<Result<unknown>> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [shared, setShared] = useState<string[]>(() => [...defaultCameras]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const text = reason.trim();
    if (text === "") return;
    setBusy(true);
    setError(null);
    const result = await onEscalate(text, shared);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOpen(false);
    setReason("");
    setShared([...defaultCameras]);
  }

  return (
    <div className="escalate-form">
      <Button size="small" data-testid="escalate-open" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t("alarmQueue.action.escalate")}
      </Button>
      {open && (
        <form data-testid="escalate-form" onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.stopPropagation()}>
          <textarea data-testid="escalate-reason" rows={2} maxLength={LIMITS.noteChars} value={reason} placeholder={t("alarmQueue.placeholder.escalate")} onChange={(e) => setReason(e.target.value)} autoFocus />
          <SharedCameraPicker chosen={shared} onChange={setShared} />
          <Button type="submit" variant="primary" size="small" data-testid="escalate-submit" disabled={busy}>
            {t("alarmQueue.submit.escalate")}
          </Button>
        </form>
      )}
      {error !== null && <RefusalMessage error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
