import { useCallback, useState } from "react";
import type { AppError } from "../../../../../shared/result.js";
import { useIncidentActions } from "./use-incident-actions.js";
import { useIncidents } from "./use-incidents.js";

export interface IncidentWorkflow {
  openCount: number;
  /** The alarms an incident is being made from (the form is open), or null. */
  creating: string[] | null;
  startCreating(alarmIds: readonly string[]): void;
  cancelCreating(): void;
  /** Makes the incident; true when it was made (the caller clears its ticks). */
  create(title: string | null, unit: string | null): Promise<boolean>;
  /** The incidents panel shows in the details' place. */
  shown: boolean;
  toggleShown(): void;
  selectedId: string | null;
  select(id: string | null): void;
  error: AppError | null;
  dismissError(): void;
}

/** Incidents made from the queue's ticked alarms, and the panel that lists them. */
export function useIncidentWorkflow(): IncidentWorkflow {
  const actions = useIncidentActions();
  const openCount = useIncidents().filter((incident) => incident.status !== "closed").length;
  const [creating, setCreating] = useState<string[] | null>(null);
  const [shown, setShown] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const create = useCallback(
    async (title: string | null, unit: string | null) => {
      const ids = creating ?? [];
      setCreating(null);
      const result = await actions.create(ids, title, unit);
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      setError(null);
      setSelectedId(result.value.id);
      setShown(true);
      return true;
    },
    [actions, creating],
  );

  return {
    openCount,
    creating,
    startCreating: (alarmIds) => setCreating([...alarmIds]),
    cancelCreating: () => setCreating(null),
    create,
    shown,
    toggleShown: () => setShown((current) => !current),
    selectedId,
    select: setSelectedId,
    error,
    dismissError: () => setError(null),
  };
}
