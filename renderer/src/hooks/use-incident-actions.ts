import { useMemo } from "react";
import type { Incident, IncidentStatus } from "../../../shared/domain/incident.js";
import type { Result } from "../../../shared/result.js";
import { useStore } from "../store/store-context.js";

/**
 * The officer's actions on incidents. Like alarm actions, the core applies each at once (outbox +
 * overlay, so they work offline) and pushes the changed incident as an event.
 */
export interface IncidentActions {
  create(alarmIds: readonly string[], title: string | null, assignedUnit: string | null): Promise<Result<Incident>>;
  setStatus(incidentId: string, status: IncidentStatus): Promise<Result<Incident>>;
  assign(incidentId: string, unit: string | null): Promise<Result<Incident>>;
  note(incidentId: string, text: string): Promise<Result<Incident>>;
}

export function useIncidentActions(): IncidentActions {
  const { client } = useStore();
  return useMemo(
    () => ({
      create: (alarmIds, title, assignedUnit) =>
        client.request({
          type: "incident.create",
          alarmIds: [...alarmIds],
          ...(title !== null ? { title } : {}),
          ...(assignedUnit !== null ? { assignedUnit } : {}),
        }),
      setStatus: (incidentId, status) => client.request({ type: "incident.setStatus", incidentId, status }),
      assign: (incidentId, unit) => client.request({ type: "incident.assign", incidentId, unit }),
      note: (incidentId, text) => client.request({ type: "incident.note", incidentId, text }),
    }),
    [client],
  );
}
