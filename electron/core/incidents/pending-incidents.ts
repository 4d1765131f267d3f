import type { Alarm } from "../../../shared/domain/alarm.js";
import type { Incident } from "../../../shared/domain/incident.js";
import type { Operator } from "../../../shared/domain/operator.js";
import { isIncidentRequest } from "../../../shared/protocol/backend.js";
import type { IncidentActionRequest } from "../../../shared/protocol/incident-actions.js";
import type { CacheStore } from "../cache/cache-store.js";
import { overlayPendingIncident } from "../sync/overlay.js";

/**
 * Incidents as the operator sees them: the confirmed copies in the cache with the incident actions
 * still in the outbox laid over them, including incidents created here that the backend has not
 * answered yet (offline). The outbox's alarm_id column holds the incident id for these actions.
 */
export class PendingIncidents {
  constructor(
    private readonly store: CacheStore,
    private readonly operatorOf: (id: string) => Operator,
  ) {}

  private alarmsOf = (ids: readonly string[]): Alarm[] => ids.flatMap((id) => this.store.get("alarm", id) ?? []);

  private pendingByIncident(): Map<string, IncidentActionRequest[]> {
    const byIncident = new Map<string, IncidentActionRequest[]>();
    for (const entry of this.store.pendingActions()) {
      if (!isIncidentRequest(entry.request)) continue;
      const list = byIncident.get(entry.alarmId) ?? [];
      list.push(entry.request);
      byIncident.set(entry.alarmId, list);
    }
    return byIncident;
  }

  /** Every incident, with pending actions (and pending creations) laid over. */
  all(confirmed: readonly Incident[]): Incident[] {
    const pending = this.pendingByIncident();
    if (pending.size === 0) return [...confirmed];
    const out: Incident[] = [];
    for (const incident of confirmed) {
      const mine = pending.get(incident.id);
      pending.delete(incident.id);
      out.push(mine === undefined ? incident : (overlayPendingIncident(incident, mine, this.operatorOf, this.alarmsOf) ?? incident));
    }
    // What is left was created here and is not confirmed yet.
    for (const mine of pending.values()) {
      const created = overlayPendingIncident(null, mine, this.operatorOf, this.alarmsOf);
      if (created !== null) out.push(created);
    }
    return out;
  }

  /** One incident as the operator sees it; null when neither the backend nor the outbox has it. */
  one(id: string, confirmed: Incident | null = this.store.get("incident", id)): Incident | null {
    const mine = this.store.pendingFor(id).flatMap((entry) => (isIncidentRequest(entry.request) ? [entry.request] : []));
    return mine.length === 0 ? confirmed : (overlayPendingIncident(confirmed, mine, this.operatorOf, this.alarmsOf) ?? confirmed);
  }
}
