import type { ProvinceEscalation } from "../../../../../shared/domain/province.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import type { CentreLink } from "../../../../../shared/protocol/province.js";
import type { CityLinkState } from "../../map/model/map-style.js";
import { boundsOfWards, type Bounds } from "../../map/model/ward-geometry.js";

/** One city in the province map's legend. */
export interface ProvinceCityRow {
  id: string;
  name: string;
  link: CityLinkState;
  openEscalations: number;
  /** Its wards the province holds (drawn on the map). */
  wards: number;
}

/** Pure: each city's link state, as the province's backend last told (its links are its cities). */
export function linkByCity(links: readonly CentreLink[]): ReadonlyMap<string, CityLinkState> {
  return new Map(links.map((link) => [link.id, link.state]));
}

/** Pure: the wards the cities told the province; a ward of the province's own (no city) is none of theirs. */
export function citiesWards(wards: Iterable<Ward>): Ward[] {
  const list: Ward[] = [];
  for (const ward of wards) if (ward.cityId !== undefined) list.push(ward);
  return list;
}

/**
 * Pure: the legend's rows: every city the province is configured with (in its order), then any
 * city known only from its wards or escalations (not linked: shown down), by id.
 */
export function provinceCityRows(links: readonly CentreLink[], escalations: Iterable<ProvinceEscalation>, wards: Iterable<Ward>): ProvinceCityRow[] {
  const rows = new Map<string, ProvinceCityRow>();
  for (const link of links) rows.set(link.id, { id: link.id, name: link.name, link: link.state, openEscalations: 0, wards: 0 });
  const extra = (id: string, name: string): ProvinceCityRow => {
    let row = rows.get(id);
    if (row === undefined) {
      row = { id, name, link: "down", openEscalations: 0, wards: 0 };
      rows.set(id, row);
    }
    return row;
  };
  for (const escalation of escalations) {
    const row = extra(escalation.cityId, escalation.cityName || escalation.cityId);
    if (escalation.state === "open") row.openEscalations++;
  }
  for (const ward of wards) if (ward.cityId !== undefined) extra(ward.cityId, ward.cityId).wards++;
  // The map keeps insertion order: the configured cities first, then the others by id.
  const configured = new Set(links.map((l) => l.id));
  const all = [...rows.values()];
  return [...all.filter((r) => configured.has(r.id)), ...all.filter((r) => !configured.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))];
}

/** Pure: what the province map shows at first: all its cities' wards, or null when it has none yet. */
export function provinceBounds(wards: Iterable<Ward>): Bounds | null {
  const list = citiesWards(wards);
  return list.length === 0 ? null : boundsOfWards(list);
}
