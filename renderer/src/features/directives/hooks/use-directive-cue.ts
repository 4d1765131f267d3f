import { useEffect, useRef, useState } from "react";
import type { AlarmPriority } from "../../../../../shared/domain/alarm.js";
import criticalTone from "../../../../../resources/sounds/alarm-critical.wav?url";
import highTone from "../../../../../resources/sounds/alarm-high.wav?url";
import lowTone from "../../../../../resources/sounds/alarm-low.wav?url";
import mediumTone from "../../../../../resources/sounds/alarm-medium.wav?url";
import { useStore } from "../../../store/store-context.js";
import { toneForNewDirectives } from "../model/directive-queue.js";

const TONES: Record<AlarmPriority, string> = { critical: criticalTone, high: highTone, medium: mediumTone, low: lowTone };

function play(priority: AlarmPriority): void {
  try {
    // A browser may refuse to play before the first click; the row's mark still shows the directive.
    void new Audio(TONES[priority]).play().catch(() => undefined);
  } catch {
    // No audio device: the queue's row carries the message.
  }
}

/**
 * The province's new directives sound the tone of their priority, like alarms do, once each as they
 * arrive. Returns the last tone asked for (audio cannot be heard in a test; the page shows it).
 */
export function useDirectiveCue(silenced: boolean): AlarmPriority | null {
  const store = useStore();
  const [lastTone, setLastTone] = useState<AlarmPriority | null>(null);
  const seen = useRef<Set<string> | null>(null);
  const silencedRef = useRef(silenced);
  silencedRef.current = silenced;

  useEffect(() => {
    let last = store.getState().directives;
    const look = () => {
      const state = store.getState();
      if (!state.hasSnapshot) return;
      if (seen.current !== null && state.directives === last) return;
      last = state.directives;
      const tone = toneForNewDirectives(seen.current, state.directives);
      seen.current = new Set(state.directives.keys());
      if (tone === null) return;
      setLastTone(tone);
      if (!silencedRef.current) play(tone);
    };
    look();
    return store.subscribe(look);
  }, [store]);
  return lastTone;
}
