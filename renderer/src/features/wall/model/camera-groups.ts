import type { Camera } from "../../../../../shared/domain/camera.js";
import { foldForSearch } from "../../../../../shared/text/fold-for-search.js";

export { foldForSearch };

export interface CameraGroup {
  wardCode: string;
  wardName: string;
  cameras: Camera[];
  online: number;
}


/**
 * The camera list: cameras matching the search (name, id or ward, any accents), grouped by ward,
 * wards in Vietnamese alphabetical order, cameras by id.
 */
export function groupCameras(cameras: readonly Camera[], wardName: (code: string) => string, search: string): CameraGroup[] {
  const query = foldForSearch(search.trim());
  const groups = new Map<string, CameraGroup>();
  for (const camera of cameras) {
    const ward = wardName(camera.wardCode);
    if (query !== "" && !foldForSearch(`${camera.name} ${camera.id} ${ward}`).includes(query)) continue;
    let group = groups.get(camera.wardCode);
    if (group === undefined) {
      group = { wardCode: camera.wardCode, wardName: ward, cameras: [], online: 0 };
      groups.set(camera.wardCode, group);
    }
    group.cameras.push(camera);
    if (camera.status === "online") group.online += 1;
  }
  const out = [...groups.values()];
  for (const group of out) group.cameras.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
  return out.sort((a, b) => a.wardName.localeCompare(b.wardName, "vi"));
}
