import type { NamedPlace } from "../../../../../shared/basemap/basemap-schemas.js";
import type { SearchEntry } from "../../../../../shared/basemap/map-search.js";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { WardLabel } from "./map-objects.js";

/** Everything the map's search box can find, as one list: wards at their label point, cameras where they stand, the street map's names. */
export function mapSearchEntries(wards: readonly WardLabel[], cameras: readonly Camera[], places: readonly NamedPlace[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const ward of wards) entries.push({ kind: "ward", id: ward.code, name: ward.name, alias: null, lon: ward.position[0], lat: ward.position[1] });
  for (const camera of cameras) entries.push({ kind: "camera", id: camera.id, name: camera.name, alias: camera.id, lon: camera.location[0], lat: camera.location[1] });
  for (const place of places) {
    entries.push({ kind: place.kind, id: `${place.name}|${place.ref ?? ""}`, name: place.name, alias: place.ref, lon: place.lon, lat: place.lat });
  }
  return entries;
}
