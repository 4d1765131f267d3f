import { useMemo } from "react";
import type { Incident } from "../../../../../shared/domain/incident.js";
import { useLiveState } from "../../../store/store-context.js";

export function useIncidents(): Incident[] {
  const incidents = useLiveState((s) => s.incidents);
  return useMemo(() => [...incidents.values()], [incidents]);
}
