import type { ProvinceEscalation } from "../../../../../shared/domain/province.js";
import type { CentreLink } from "../../../../../shared/protocol/province.js";

export interface CityOption {
  id: string;
  name: string;
}

/**
 * Pure: the province's cities, by name, for the queue's filter and a directive's addressee: every
 * city it is configured for (its links), even one that has not escalated yet, and any that has.
 */
export function citiesOf(escalations: Iterable<ProvinceEscalation>, links: readonly CentreLink[] = []): CityOption[] {
  const byId = new Map<string, string>();
  for (const link of links) byId.set(link.id, link.name);
  for (const escalation of escalations) byId.set(escalation.cityId, escalation.cityName);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** Pure: one queue of every city's escalations (or one city's): the open ones first, the newest first within each. */
export function provinceQueue(escalations: Iterable<ProvinceEscalation>, cityId: string | null): ProvinceEscalation[] {
  return [...escalations]
    .filter((e) => cityId === null || e.cityId === cityId)
    .sort((a, b) => (a.state === b.state ? 0 : a.state === "open" ? -1 : 1) || (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
}

/** Pure: a `datetime-local` field's value (the city's wall clock, UTC+7) as an instant; null when empty or not a time. */
export function dueFromLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = Date.parse(`${value}:00+07:00`);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}
