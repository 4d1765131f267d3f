import { useMemo } from "react";
import type { Ward } from "../../../../../shared/domain/ward.js";
import type { CentreLink } from "../../../../../shared/protocol/province.js";
import { useLiveState } from "../../../store/store-context.js";
import type { CityLinkState } from "../../map/model/map-style.js";
import { citiesWards, linkByCity, provinceCityRows, type ProvinceCityRow } from "../model/province-map.js";
import { useCentre, useEscalations } from "./use-province.js";

const NO_LINKS: readonly CentreLink[] = [];

export interface ProvinceMap {
  /** Null at a city's centre: its map is as ever. */
  cities: ProvinceCityRow[] | null;
  /** What the map draws: at the province, its cities' wards (its own, if it has any, only until a city has told its). */
  wards: readonly Ward[];
  cityLinks: ReadonlyMap<string, CityLinkState>;
}

/** The province's view over the map: its cities' wards tinted by their links, and the legend's rows. */
export function useProvinceMap(wards: readonly Ward[]): ProvinceMap {
  const centre = useCentre();
  const links = useLiveState((s) => s.status?.links ?? NO_LINKS);
  const escalations = useEscalations();
  const cityLinks = useMemo(() => linkByCity(links), [links]);
  const cityWards = useMemo(() => (centre === "province" ? citiesWards(wards) : []), [centre, wards]);
  const cities = useMemo(() => (centre === "province" ? provinceCityRows(links, escalations.values(), cityWards) : null), [centre, links, escalations, cityWards]);
  return { cities, wards: cityWards.length > 0 ? cityWards : wards, cityLinks };
}
