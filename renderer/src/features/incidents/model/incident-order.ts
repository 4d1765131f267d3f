import type { Incident, IncidentStatus } from "../../../../../shared/domain/incident.js";

const STATUS_RANK: Record<IncidentStatus, number> = { open: 0, in_progress: 1, closed: 2 };

/** Pure: incidents still being worked first (open, then in progress), newest first within each, closed last. */
export function orderIncidents(incidents: readonly Incident[]): Incident[] {
  return [...incidents].sort((a, b) => {
    const byStatus = STATUS_RANK[a.status] - STATUS_RANK[b.status];
    if (byStatus !== 0) return byStatus;
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

