import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import type { AppError, Result } from "../../../../../shared/result.js";
import { Button } from "../../../components/ui/button.js";
import type { AlarmActions } from "../hooks/use-alarm-actions.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { LIMITS } from "../../../../../shared/limits.js";
import { RefusalMessage } from "./refusal-message.js";
import { SharedCameraPicker } from "../../escalation/components/shared-camera-picker.js";
import { defaultSharedCameras } from "../../../../../shared/domain/shared-cameras.js";

type Mode = "comment" | "assign" | "escalate" | "shelve" | "resolve";

export const SHELVE_CHOICES_MIN = [15, 30, 60, 120, 240, 480] as const;

/** Which actions make sense for the alarm now (ISA-18.2 lifecycle: resolve only once acknowledged, etc.). */
function availableModes(alarm: Alarm): Mode[] {
  const modes: Mode[] = ["comment", "assign"];
  if (alarm.state !== "normal" && alarm.state !== "out_of_service") modes.push("escalate");
  if (alarm.state === "unacknowledged" || alarm.state === "acknowledged" || alarm.state === "rtn_unacknowledged") modes.push("shelve");
  if (alarm.state === "acknowledged") modes.push("resolve");
  return modes;
}

/** Comment, assign, escalate, shelve, resolve: one small form at a time, each with its text. */
export function AlarmActionsForm({ alarm, actions }: { alarm: Alarm; actions: AlarmActions }) {
  const { t } = useTranslation();
  const operator = useOperator();
  const [mode, setMode] = useState<Mode | null>(null);
  const [text, setText] = useState("");
  const [assignee, setAssignee] = useState("");
  const [minutes, setMinutes] = useState<number>(60);
  const [shared, setShared] = useState<string[]>(() => defaultSharedCameras(alarm.cameraId));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(call: () => Promise<Result<unknown>>): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMode(null);
    setText("");
    setAssignee("");
    setShared(defaultSharedCameras(alarm.cameraId));
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const note = text.trim();
    switch (mode) {
      case "comment":
        if (note !== "") void run(() => actions.comment(alarm.id, note));
        return;
      case "assign": {
        const who = assignee.trim();
        if (who !== "") void run(() => actions.assign(alarm.id, who, who));
        return;
      }
      case "escalate":
        if (note !== "") void run(() => actions.escalate(alarm.id, note, shared));
        return;
      case "shelve":
        if (note !== "") void run(() => actions.shelve(alarm.id, note, minutes));
        return;
      case "resolve":
        if (note !== "") void run(() => actions.resolve(alarm.id, note));
        return;
      case null:
        return;
      default: {
        const never: never = mode;
        return never;
      }
    }
  }

  return (
    <div className="alarm-actions" data-testid="alarm-actions">
      <div className="alarm-actions__buttons" role="toolbar" aria-label={t("alarmQueue.actions")}>
        {availableModes(alarm).map((m) => (
          <Button key={m} size="small" data-testid={`action-${m}`} aria-pressed={mode === m} onClick={() => setMode(mode === m ? null : m)}>
            {t(`alarmQueue.action.${m}`)}
          </Button>
        ))}
        {operator !== null && alarm.assignedTo !== operator.id && (
          <Button size="small" data-testid="assign-me" disabled={busy} onClick={() => void run(() => actions.assign(alarm.id, operator.id, operator.name))}>
            {t("alarmQueue.assignMe")}
          </Button>
        )}
        {alarm.state === "shelved" && (
          <Button size="small" data-testid="unshelve-button" disabled={busy} onClick={() => void run(() => actions.unshelve(alarm.id))}>
            {t("alarmQueue.unshelve")}
          </Button>
        )}
      </div>
      {mode !== null && (
        <form className="alarm-actions__form" data-testid="action-form" data-mode={mode} onSubmit={submit} onKeyDown={(event) => event.stopPropagation()}>
          {mode === "assign" ? (
            <input data-testid="assign-input" maxLength={LIMITS.nameChars} value={assignee} placeholder={t("alarmQueue.assigneePlaceholder")} onChange={(e) => setAssignee(e.target.value)} autoFocus />
          ) : (
            <textarea
              data-testid="action-text"
              value={text}
              rows={2}
              maxLength={LIMITS.noteChars}
              placeholder={t(`alarmQueue.placeholder.${mode}`)}
              onChange={(e) => setText(e.target.value)}
              autoFocus
            />
          )}
          {mode === "escalate" && <SharedCameraPicker chosen={shared} onChange={setShared} />}
          {mode === "shelve" && (
            <label className="alarm-actions__minutes">
              {t("alarmQueue.shelveFor")}
              <select data-testid="shelve-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
                {SHELVE_CHOICES_MIN.map((m) => (
                  <option key={m} value={m}>
                    {t("alarmQueue.minutes", { count: m })}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Button type="submit" variant="primary" size="small" data-testid="action-submit" disabled={busy}>
            {t(`alarmQueue.submit.${mode}`)}
          </Button>
        </form>
      )}
      {error !== null && <RefusalMessage error={error} onDismiss={() => setError(null)} />}
      {needsAttention(alarm.state) && <p className="alarm-actions__hint">{t("alarmQueue.ackFirstHint")}</p>}
    </div>
  );
}
