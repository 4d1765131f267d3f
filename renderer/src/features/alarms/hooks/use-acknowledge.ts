import { useCallback, useRef, useState } from "react";
import type { Refusal } from "../../../store/live-state.js";
import { useLiveState, useStore } from "../../../store/store-context.js";

export interface AcknowledgeControl {
  acknowledge(alarmId: string): void;
  /** Alarms whose acknowledgement is on its way. */
  inFlight: ReadonlySet<string>;
  /** The last refusal (an error answer, or a later action.refused event) until dismissed or retried. */
  refused: Refusal | null;
  dismiss(): void;
}

export function useAcknowledge(): AcknowledgeControl {
  const store = useStore();
  // The ref guards against double sends (Enter pressed twice); the state re-renders the buttons.
  const sending = useRef(new Set<string>());
  const [inFlight, setInFlight] = useState<ReadonlySet<string>>(() => new Set());
  const refused = useLiveState((s) => s.refusal);

  const acknowledge = useCallback(
    (alarmId: string) => {
      if (sending.current.has(alarmId)) return;
      sending.current.add(alarmId);
      setInFlight(new Set(sending.current));
      void store.acknowledge(alarmId).finally(() => {
        sending.current.delete(alarmId);
        setInFlight(new Set(sending.current));
      });
    },
    [store],
  );

  const dismiss = useCallback(() => store.dismissRefusal(), [store]);
  return { acknowledge, inFlight, refused, dismiss };
}
