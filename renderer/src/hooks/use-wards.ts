import { useMemo } from "react";
import type { Ward } from "../../../shared/domain/ward.js";
import { useLiveState } from "../store/store-context.js";

export function useWardsByCode(): ReadonlyMap<string, Ward> {
  return useLiveState((s) => s.wards);
}

export function useWards(): Ward[] {
  const wards = useWardsByCode();
  return useMemo(() => [...wards.values()], [wards]);
}

/** Ward display name for a code; the code itself if the ward is unknown (better than nothing on screen). */
export function useWardName(): (code: string) => string {
  const wards = useWardsByCode();
  return useMemo(() => (code: string) => wards.get(code)?.name ?? code, [wards]);
}
