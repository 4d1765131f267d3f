import { useCallback, useEffect, useRef, useState } from "react";
import type { Alarm, AlarmPriority } from "../../../../../shared/domain/alarm.js";
import criticalTone from "../../../../../resources/sounds/alarm-critical.wav?url";
import highTone from "../../../../../resources/sounds/alarm-high.wav?url";
import lowTone from "../../../../../resources/sounds/alarm-low.wav?url";
import mediumTone from "../../../../../resources/sounds/alarm-medium.wav?url";
import type { LiveStore } from "../../../store/live-store.js";
import { useStore } from "../../../store/store-context.js";
import { CRITICAL_REPEAT_MS, hasUnacknowledgedCritical, newAlarms, SILENCE_MS, toneFor, TOAST_PRIORITIES } from "../model/annunciation.js";

const TONES: Record<AlarmPriority, string> = { critical: criticalTone, high: highTone, medium: mediumTone, low: lowTone };

/** New alarms are looked for this often: annunciation need not follow every frame of a flood. */
const SAMPLE_MS = 500;
/** Toasts on screen at most; in a flood the rest are counted, not shown. */
export const MAX_TOASTS = 4;
const TOAST_MS = 8_000;

export interface AlarmToast {
  alarm: Alarm;
  shownAt: number;
}

export interface Annunciation {
  silencedUntil: number;
  silence(): void;
  unsilence(): void;
  toasts: readonly AlarmToast[];
  /** New high/critical alarms not shown as toasts (too many at once). */
  overflow: number;
  dismissToast(alarmId: string): void;
  /** The last tone asked for (data attribute for tests; audio cannot be heard there). */
  lastTone: AlarmPriority | null;
}

function play(priority: AlarmPriority): void {
  try {
    const audio = new Audio(TONES[priority]);
    // A browser may refuse to play before the first click; the visual cues still work.
    void audio.play().catch(() => undefined);
  } catch {
    // No audio device: nothing to do; the flashing and toasts carry the message.
  }
}

function currentAlarms(store: LiveStore): ReadonlyMap<string, Alarm> {
  return store.getState().alarms;
}

/**
 * Sounds, silence and toasts for the alarm queue: a tone per priority when new alarms arrive,
 * the critical tone repeating while unacknowledged critical alarms exist, "silence" muting for
 * SILENCE_MS without acknowledging anything, and a toast per new high/critical alarm.
 */
export function useAnnunciation(): Annunciation {
  const store = useStore();
  const [silencedUntil, setSilencedUntil] = useState(0);
  const [toasts, setToasts] = useState<AlarmToast[]>([]);
  const [overflow, setOverflow] = useState(0);
  const [lastTone, setLastTone] = useState<AlarmPriority | null>(null);
  const seen = useRef<Set<string> | null>(null);
  const silencedRef = useRef(0);
  const lastCriticalTone = useRef(0);

  useEffect(() => {
    silencedRef.current = silencedUntil;
  }, [silencedUntil]);

  useEffect(() => {
    let lastMap: ReadonlyMap<string, Alarm> | null = null;
    const sample = () => {
      const now = Date.now();
      const alarms = currentAlarms(store);
      if (!store.getState().hasSnapshot) return;
      if (alarms !== lastMap) {
        const fresh = newAlarms(seen.current, alarms);
        if (seen.current === null || fresh.length > 0 || alarms.size !== seen.current.size) seen.current = new Set(alarms.keys());
        lastMap = alarms;
        const tone = toneFor(fresh, silencedRef.current, now);
        if (tone !== null) {
          play(tone);
          setLastTone(tone);
          if (tone === "critical") lastCriticalTone.current = now;
        }
        const toastable = fresh.filter((a) => TOAST_PRIORITIES.has(a.priority));
        if (toastable.length > 0) {
          setToasts((current) => [...toastable.map((alarm) => ({ alarm, shownAt: now })), ...current].slice(0, MAX_TOASTS));
          setOverflow((n) => n + Math.max(0, toastable.length - MAX_TOASTS));
        }
      }
      if (now >= silencedRef.current && now - lastCriticalTone.current >= CRITICAL_REPEAT_MS && hasUnacknowledgedCritical(alarms.values())) {
        lastCriticalTone.current = now;
        play("critical");
        setLastTone("critical");
      }
      setToasts((current) => {
        const kept = current.filter((toast) => now - toast.shownAt < TOAST_MS);
        return kept.length === current.length ? current : kept;
      });
    };
    const timer = setInterval(sample, SAMPLE_MS);
    // What the first snapshot holds is known at once, not at the next sample: alarms raised
    // right after the page loaded must still count as new.
    const unsubscribe = store.subscribe(() => {
      if (seen.current === null && store.getState().hasSnapshot) seen.current = new Set(currentAlarms(store).keys());
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [store]);

  const silence = useCallback(() => setSilencedUntil(Date.now() + SILENCE_MS), []);
  const unsilence = useCallback(() => setSilencedUntil(0), []);
  const dismissToast = useCallback((alarmId: string) => {
    setToasts((current) => current.filter((toast) => toast.alarm.id !== alarmId));
    setOverflow(0);
  }, []);
  return { silencedUntil, silence, unsilence, toasts, overflow, dismissToast, lastTone };
}
