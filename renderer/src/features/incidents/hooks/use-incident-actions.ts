import { useMemo } from "react";
import { newIncidentId } from "../../../../../shared/commands/incident-commands.js";
import type { Incident, IncidentStatus } from "../../../../../shared/domain/incident.js";
import type { Result } from "../../../../../shared/result.js";
import { useStore } from "../../../store/store-context.js";

/**
 * The officer's commands on incidents. Like alarm commands, the core applies each at once (outbox
 * + overlay, so they work offline) and the live store merges its answer.
 */
export interface IncidentActions {
  create(alarmIds: readonly string[], title: string | null, assignedUnit: string | null): Promise<Result<Incident>>;
  setStatus(incidentId: string, status: IncidentStatus): Promise<Result<Incident>>;
  assign(incidentId: string, unit: string | null): Promise<Result<Incident>>;
  note(incidentId: string, text: string): Promise<Result<Incident>>;
  /** To the province, with the cameras shared along. */
  escalate(incidentId: string, reason: string, cameraIds: readonly string[]): Promise<Result<Incident>>;
}

export function useIncidentActions(): IncidentActions {
  const store = useStore();
  return useMemo(
    () => ({
      // The id is made here, so a creation sent twice is one incident.
      create: (alarmIds, title, assignedUnit) => store.commandOn("incident", newIncidentId(crypto.randomUUID()), { type: "incident_create", alarmIds: [...alarmIds], title, assignedUnit }),
      setStatus: (incidentId, status) => store.commandOn("incident", incidentId, { type: "incident_status", status }),
      assign: (incidentId, unit) => store.commandOn("incident", incidentId, { type: "incident_assign", unit }),
      note: (incidentId, text) => store.commandOn("incident", incidentId, { type: "incident_note", text }),
      escalate: (incidentId, reason, cameraIds) => store.commandOn("incident", incidentId, { type: "incident_escalate", to: "province_ioc", reason, cameraIds: [...cameraIds] }),
    }),
    [store],
  );
}
