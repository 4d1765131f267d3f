import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { useIncidentActions } from "../hooks/use-incident-actions.js";
import { useIncidents } from "../hooks/use-incidents.js";
import { useWardName } from "../../../hooks/use-wards.js";
import { IncidentDetails } from "./incident-details.js";
import { orderIncidents } from "../model/incident-order.js";

interface IncidentsPanelProps {
  selectedId: string | null;
  onSelect: (id: string) => void;
  alarmsById: ReadonlyMap<string, Alarm>;
}

/** Incidents made from alarms: the ones being worked first, the chosen one in full below. */
export function IncidentsPanel({ selectedId, onSelect, alarmsById }: IncidentsPanelProps) {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const wardName = useWardName();
  const actions = useIncidentActions();
  const ordered = useMemo(() => orderIncidents(incidents), [incidents]);
  const selected = ordered.find((incident) => incident.id === selectedId) ?? ordered[0];

  return (
    <section className="incidents" data-testid="incidents-panel" aria-label={t("incidents.heading")}>
      {ordered.length === 0 ? (
        <p className="queue__empty">{t("incidents.empty")}</p>
      ) : (
        <ul className="incidents__list" data-testid="incident-list">
          {ordered.map((incident) => (
            <li key={incident.id}>
              <button
                type="button"
                className={`incidents__item${incident.id === selected?.id ? " incidents__item--selected" : ""}`}
                data-testid="incident-item"
                data-incident-id={incident.id}
                data-status={incident.status}
                aria-pressed={incident.id === selected?.id}
                onClick={() => onSelect(incident.id)}
              >
                <span className={`incident-status incident-status--${incident.status}`}>{t(`incidents.statuses.${incident.status}`)}</span>
                <span className="incidents__title">{incident.title}</span>
                <span className="incidents__meta">
                  {wardName(incident.wardCode)} · {incident.assignedUnit ?? t("map.unassigned")} · {t("incidents.alarms", { count: incident.alarmIds.length })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected !== undefined && <IncidentDetails incident={selected} alarmsById={alarmsById} wardName={wardName(selected.wardCode)} actions={actions} />}
    </section>
  );
}
