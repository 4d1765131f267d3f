import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Directive } from "../../../../../shared/domain/directive.js";
import { LIMITS } from "../../../../../shared/limits.js";
import type { AppError, Result } from "../../../../../shared/result.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { Button } from "../../../components/ui/button.js";
import { TextField } from "../../../components/ui/text-field.js";
import { PriorityMark } from "../../alarms/components/priority-mark.js";
import { RefusalMessage } from "../../alarms/components/refusal-message.js";
import type { DirectiveActions } from "../hooks/use-directive-actions.js";
import { isOverdue, nextStep } from "../model/directive-queue.js";

interface DirectiveItemProps {
  directive: Directive;
  wardName: string | null;
  /** The escalated alarm it answers, when this console holds it. */
  alarmId: string | null;
  locale: string;
  now: number;
  actions: DirectiveActions;
}

/** One directive of the province: what, how urgent, where, by when, who sent it, and the city's next step. */
export function DirectiveItem({ directive, wardName, alarmId, locale, now, actions }: DirectiveItemProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const [finishing, setFinishing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const step = nextStep(directive);
  const when = (iso: string) => formatCityDateTime(iso, locale);

  async function run(call: () => Promise<Result<unknown>>, after: () => void): Promise<void> {
    setError(null);
    const result = await call();
    if (result.ok) after();
    else setError(result.error);
  }

  function finish(event: FormEvent): void {
    event.preventDefault();
    const value = note.trim();
    if (value !== "") void run(() => actions.done(directive.id, value), () => setFinishing(false));
  }

  return (
    <li className={`directive directive--${directive.priority} directive--${directive.state}`} data-testid="directive-item" data-directive-id={directive.id} data-state={directive.state}>
      <div className="directive__head">
        <PriorityMark priority={directive.priority} />
        <span className="directive__kind">{t("directives.kind")}</span>
        <span className="directive__state" data-testid="directive-state">
          {t(`directives.states.${directive.state}`)}
        </span>
        {isOverdue(directive, now) && <span className="directive__overdue">{t("directives.overdue")}</span>}
      </div>
      <p className="directive__text" data-testid="directive-text">
        {directive.text}
      </p>
      <p className="directive__meta">
        {t("directives.sentBy", { name: directive.sentByName, at: when(directive.sentAt) })}
        {wardName !== null && ` · ${wardName}`}
        {directive.dueAt !== null && ` · ${t("directives.due", { at: when(directive.dueAt) })}`}
      </p>
      {directive.wardCode !== null && (
        <Button size="small" data-testid="directive-show-ward" onClick={() => actions.showWard(directive.wardCode ?? "")}>
          {t("directives.showWard", { ward: wardName ?? directive.wardCode })}
        </Button>
      )}
      {alarmId !== null && (
        <Button size="small" data-testid="directive-open-alarm" onClick={() => actions.showAlarm(alarmId)}>
          {t("directives.openAlarm")}
        </Button>
      )}
      {directive.acknowledgedAt !== null && <p className="directive__meta">{t("directives.acknowledgedBy", { name: directive.acknowledgedByName ?? "", at: when(directive.acknowledgedAt) })}</p>}
      {directive.doneAt !== null && (
        <p className="directive__meta" data-testid="directive-done-note">
          {t("directives.doneBy", { name: directive.doneByName ?? "", at: when(directive.doneAt) })}: {directive.doneNote}
        </p>
      )}
      {step === "acknowledge" && (
        <Button size="small" variant="primary" data-testid="directive-acknowledge" onClick={() => void run(() => actions.acknowledge(directive.id), () => undefined)}>
          {t("directives.acknowledge")}
        </Button>
      )}
      {step === "done" && !finishing && (
        <Button size="small" data-testid="directive-done" onClick={() => setFinishing(true)}>
          {t("directives.markDone")}
        </Button>
      )}
      {step === "done" && finishing && (
        <form className="directive__form" onSubmit={finish}>
          <TextField value={note} onValue={setNote} label={t("directives.doneNote")} maxLength={LIMITS.noteChars} data-testid="directive-note" autoFocus />
          <Button size="small" variant="primary" type="submit" data-testid="directive-done-confirm" disabled={note.trim() === ""}>
            {t("directives.confirmDone")}
          </Button>
          <Button size="small" type="button" onClick={() => setFinishing(false)}>
            {t("directives.cancel")}
          </Button>
        </form>
      )}
      {error !== null && <RefusalMessage error={error} onDismiss={() => setError(null)} />}
    </li>
  );
}
