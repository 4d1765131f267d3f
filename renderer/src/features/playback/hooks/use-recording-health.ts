import { useEffect, useState } from "react";
import type { CameraRecordingHealth } from "../../../../../shared/protocol/recordings.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { useStore } from "../../../store/store-context.js";

/** Recording health changes slowly (a gap is seconds old before it shows): a look every ten seconds. */
const REFRESH_MS = 10_000;

/**
 * Every camera's recording state from the backend, by camera id; empty while signed out, offline,
 * or for a role that may not watch recordings (the backend refuses it, and nothing is shown).
 */
export function useRecordingHealth(): ReadonlyMap<string, CameraRecordingHealth> {
  const store = useStore();
  const operatorId = useOperator()?.id ?? null;
  const [health, setHealth] = useState<ReadonlyMap<string, CameraRecordingHealth>>(new Map());

  useEffect(() => {
    if (operatorId === null) return;
    let cancelled = false;
    const load = () =>
      void store.client.request({ type: "recordings.health" }).then((result) => {
        if (!cancelled) setHealth(result.ok ? new Map(result.value.cameras.map((c) => [c.cameraId, c])) : new Map());
      });
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [store, operatorId]);

  return health;
}
