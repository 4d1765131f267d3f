import { useCallback, useEffect, useRef, useState } from "react";
import { z } from "zod";
import type { Camera } from "../../../../../shared/domain/camera.js";
import { MAX_WALL_TILES, WallLayoutIdSchema } from "../../../../../shared/domain/wall-view.js";
import { defaultArrangement, dropUnknownCameras, type Arrangement } from "../model/wall-arrangement.js";

const StoredArrangementSchema = z.object({
  layout: WallLayoutIdSchema,
  tiles: z.array(z.string().min(1).nullable()).max(MAX_WALL_TILES),
});

const storageKey = (operatorId: string) => `ioc.wall.${operatorId}`;

function load(operatorId: string): Arrangement | null {
  try {
    const raw = localStorage.getItem(storageKey(operatorId));
    if (raw === null) return null;
    const parsed = StoredArrangementSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    // Unreadable (private mode, corrupt JSON): start from the default arrangement.
    return null;
  }
}

/**
 * The wall's current arrangement, kept per operator in this workstation's storage so a reload
 * (or a restart) shows the same wall. Starts from the default once the cameras are known.
 */
export function useWallArrangement(operatorId: string | null, cameras: readonly Camera[]): [Arrangement | null, (update: (current: Arrangement) => Arrangement) => void] {
  const [arrangement, setArrangement] = useState<Arrangement | null>(null);
  const loadedFor = useRef<string | null>(null);

  useEffect(() => {
    if (operatorId === null || cameras.length === 0) return;
    const known = new Set(cameras.map((camera) => camera.id));
    if (loadedFor.current !== operatorId) {
      loadedFor.current = operatorId;
      setArrangement(dropUnknownCameras(load(operatorId) ?? defaultArrangement(cameras), known));
      return;
    }
    setArrangement((current) => (current === null ? defaultArrangement(cameras) : dropUnknownCameras(current, known)));
  }, [operatorId, cameras]);

  useEffect(() => {
    if (operatorId === null || arrangement === null) return;
    try {
      localStorage.setItem(storageKey(operatorId), JSON.stringify(arrangement));
    } catch {
      // Storage full or disabled: the wall still works, it just is not remembered.
    }
  }, [operatorId, arrangement]);

  const update = useCallback((change: (current: Arrangement) => Arrangement) => {
    setArrangement((current) => (current === null ? current : change(current)));
  }, []);

  return [arrangement, update];
}
