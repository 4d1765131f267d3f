import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import type { Incident } from "../../../../../shared/domain/incident.js";
import { nextIncidentStatuses } from "../../../../../shared/incident-actions.js";
import type { AppError, Result } from "../../../../../shared/result.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { Button } from "../../../components/ui/button.js";
import type { IncidentActions } from "../hooks/use-incident-actions.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { LIMITS } from "../../../../../shared/limits.js";
import { RefusalMessage } from "../../alarms/components/refusal-message.js";
import { useStore } from "../../../store/store-context.js";
import { EscalationList } from "../../escalation/components/escalation-list.js";
import { EscalateForm } from "../../escalation/components/escalate-form.js";
import { incidentDefaultCameras } from "../../escalation/model/shared-camera-choice.js";

interface IncidentDetailsProps {
  incident: Incident;
  alarmsById: ReadonlyMap<string, Alarm>;
  wardName: string;
  actions: IncidentActions;
}

/** One incident in full: status, ward, place, unit, its alarms, the timeline, and what the officer can do. */
export function IncidentDetails({ incident, alarmsById, wardName, actions }: IncidentDetailsProps) {
  const { selectAlarm } = useStore();
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const when = (iso: string) => formatCityDateTime(iso, locale);
  const [unit, setUnit] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const closed = incident.status === "closed";

  async function run(call: () => Promise<Result<unknown>>, reset: () => void): Promise<void> {
    setError(null);
    const result = await call();
    if (result.ok) reset();
    else setError(result.error);
  }

  function assign(event: FormEvent): void {
    event.preventDefault();
    const value = unit.trim();
    if (value !== "") void run(() => actions.assign(incident.id, value), () => setUnit(""));
  }

  function addNote(event: FormEvent): void {
    event.preventDefault();
    const value = note.trim();
    if (value !== "") void run(() => actions.note(incident.id, value), () => setNote(""));
  }

  return (
    <section className="incident-details" data-testid="incident-details" data-incident-id={incident.id} data-status={incident.status} aria-label={incident.title}>
      <header className="alarm-details__header">
        <h3 className="alarm-details__title">{incident.title}</h3>
        <span className={`incident-status incident-status--${incident.status}`} data-testid="incident-status">
          {t(`incidents.statuses.${incident.status}`)}
        </span>
      </header>
      <dl className="alarm-details__facts">
        <dt>{t("incidents.ward")}</dt>
        <dd data-testid="incident-ward">{wardName}</dd>
        {incident.place !== "" && (
          <>
            <dt>{t("alarmQueue.place")}</dt>
            <dd>{incident.place}</dd>
          </>
        )}
        <dt>{t("incidents.unit")}</dt>
        <dd data-testid="incident-unit">{incident.assignedUnit ?? t("map.unassigned")}</dd>
        <dt>{t("incidents.createdAt")}</dt>
        <dd>
          {when(incident.createdAt)}
          {incident.createdByName !== null ? ` · ${incident.createdByName}` : ""}
        </dd>
      </dl>
      <h4 className="incident-details__heading">{t("incidents.alarms", { count: incident.alarmIds.length })}</h4>
      <ul className="incident-details__alarms" data-testid="incident-alarms">
        {incident.alarmIds.map((id) => {
          const alarm = alarmsById.get(id);
          return (
            <li key={id} data-testid="incident-alarm" data-alarm-id={id}>
              <button type="button" className="link-button" onClick={() => selectAlarm(id)}>
                {alarm !== undefined ? `${t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type })} · ${alarm.place}` : id}
              </button>
            </li>
          );
        })}
      </ul>
      {!closed && (
        <div className="incident-details__controls">
          {nextIncidentStatuses(incident.status).map((status) => (
            <Button
              key={status}
              size="small"
              variant={status === "closed" ? "danger" : "primary"}
              data-testid={`incident-to-${status}`}
              onClick={() => void run(() => actions.setStatus(incident.id, status), () => undefined)}
            >
              {t(`incidents.moveTo.${status}`)}
            </Button>
          ))}
          <form className="incident-details__form" onSubmit={assign}>
            <input
              data-testid="incident-unit-input"
              maxLength={LIMITS.nameChars}
              placeholder={t("incidents.unitPlaceholder")}
              aria-label={t("incidents.unit")}
              value={unit}
              onChange={(event) => setUnit(event.target.value)}
            />
            <Button type="submit" size="small" data-testid="incident-assign">
              {t("incidents.assign")}
            </Button>
          </form>
        </div>
      )}
      <form className="incident-details__form" onSubmit={addNote}>
        <input
          data-testid="incident-note-input"
          maxLength={LIMITS.noteChars}
          placeholder={t("incidents.notePlaceholder")}
          aria-label={t("incidents.note")}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <Button type="submit" size="small" data-testid="incident-note-submit">
          {t("incidents.addNote")}
        </Button>
      </form>
      {error !== null && <RefusalMessage error={error} onDismiss={() => setError(null)} />}
      <EscalationList recordId={incident.id} escalations={incident.escalations} className="alarm-details__escalations" />
      {!closed && <EscalateForm defaultCameras={incidentDefaultCameras(incident.alarmIds, (id) => alarmsById.get(id)?.cameraId)} onEscalate={(reason, cameraIds) => actions.escalate(incident.id, reason, cameraIds)} />}
      <ol className="alarm-details__timeline" data-testid="incident-timeline">
        {incident.timeline.map((line) => (
          <li key={line.id} data-kind={line.kind}>
            <time dateTime={line.at}>{when(line.at)}</time> {line.operatorName}: {t(`incidents.timeline.${line.kind}`)}
            {line.text !== "" ? ` — ${line.kind === "status" ? t(`incidents.statuses.${line.text}`, { defaultValue: line.text }) : line.text}` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
