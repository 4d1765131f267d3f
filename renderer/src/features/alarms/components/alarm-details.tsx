import { useTranslation } from "react-i18next";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { sopFor } from "../../../../../shared/sop-checklists.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { useAlarmActions } from "../hooks/use-alarm-actions.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { EscalationList } from "../../escalation/components/escalation-list.js";
import { AlarmActionsForm } from "./alarm-actions-form.js";
import { PriorityMark } from "./priority-mark.js";
import { VideoAtAlarmButton } from "../../playback/components/video-at-alarm-button.js";

/** The selected alarm in full: who did what and when, the SOP checklist, and the officer's actions. */
export function AlarmDetails({ alarm, wardName }: { alarm: Alarm; wardName: string }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const actions = useAlarmActions();
  const when = (iso: string) => formatCityDateTime(iso, locale);
  const steps = sopFor(alarm.type);
  const done = new Set(alarm.sopDone);
  return (
    <section className="alarm-details" data-testid="alarm-details" data-alarm-id={alarm.id} aria-label={t("alarmQueue.details")} tabIndex={-1}>
      <header className="alarm-details__header">
        <PriorityMark priority={alarm.priority} />
        <h3 className="alarm-details__title">{t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type })}</h3>
        <span className={`state-chip state-chip--${alarm.state} alarm-row--${alarm.priority}`}>{t(`states.${alarm.state}`)}</span>
      </header>
      <dl className="alarm-details__facts">
        <dt>{t("alarmQueue.place")}</dt>
        <dd>
          {alarm.place} · {wardName}
        </dd>
        <dt>{t("alarmQueue.source")}</dt>
        <dd>
          {t(`alarmQueue.sources.${alarm.source.kind}`)}
          {alarm.source.id !== null ? ` ${alarm.source.id}` : ""}
        </dd>
        <dt>{t("alarms.raisedAt")}</dt>
        <dd>
          {when(alarm.raisedAt)} <VideoAtAlarmButton alarm={alarm} />
        </dd>
        {alarm.assignedTo !== null && (
          <>
            <dt>{t("alarmQueue.assignedTo")}</dt>
            <dd data-testid="assigned-to">{alarm.assignedToName ?? alarm.assignedTo}</dd>
          </>
        )}
        {alarm.shelvedUntil !== null && (
          <>
            <dt>{t("alarmQueue.shelvedUntil")}</dt>
            <dd data-testid="shelved-until">
              {when(alarm.shelvedUntil)} — {alarm.shelveReason}
            </dd>
          </>
        )}
        {alarm.resolution !== null && (
          <>
            <dt>{t("alarmQueue.resolution")}</dt>
            <dd data-testid="resolution">
              {alarm.resolution.note} ({alarm.resolution.operatorName}, {when(alarm.resolution.at)})
            </dd>
          </>
        )}
      </dl>
      <EscalationList recordId={alarm.id} escalations={alarm.escalations} className="alarm-details__escalations" />
      <AlarmActionsForm alarm={alarm} actions={actions} />
      <fieldset className="sop" data-testid="sop-checklist" data-done={done.size} data-total={steps.length}>
        <legend>
          {t("alarmQueue.sop")} ({done.size}/{steps.length})
        </legend>
        {steps.map((step) => (
          <label key={step} className="sop__step">
            <input
              type="checkbox"
              data-testid="sop-step"
              data-step-id={step}
              checked={done.has(step)}
              onChange={(event) => void actions.sopStep(alarm.id, step, event.target.checked)}
            />
            {t(`sop.${step}`)}
          </label>
        ))}
      </fieldset>
      {(alarm.comments.length > 0 || alarm.history.length > 0) && (
        <ol className="alarm-details__timeline" data-testid="alarm-timeline">
          {[
            ...alarm.history.map((h) => ({ at: h.at, key: h.id, text: `${h.operatorName}: ${t(`alarmQueue.historyActions.${h.action}`, { defaultValue: h.action })}${h.note !== null ? ` — ${h.note}` : ""}` })),
            ...alarm.comments.map((c) => ({ at: c.at, key: c.id, text: `${c.operatorName}: “${c.text}”` })),
          ]
            .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
            .map((line) => (
              <li key={line.key}>
                <time dateTime={line.at}>{when(line.at)}</time> {line.text}
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
