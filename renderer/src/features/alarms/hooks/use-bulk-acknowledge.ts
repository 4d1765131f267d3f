import { useCallback, useState } from "react";
import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { toggled } from "../model/alarm-filter.js";
import { useAlarmActions } from "./use-alarm-actions.js";

export interface BulkAcknowledge {
  /** Ticked alarms. */
  checked: ReadonlySet<string>;
  toggle(id: string): void;
  clear(): void;
  /** Alarms waiting for the officer's confirmation, or null. */
  confirming: string[] | null;
  cancel(): void;
  /** Acknowledges what is being confirmed; `afterwards` runs once the dialog is gone. */
  confirm(afterwards: () => void): Promise<void>;
  /** How many of the last bulk acknowledgement were refused. */
  refused: number;
  dismissRefused(): void;
  /**
   * Acknowledges the ticked alarms, or the given one (its whole group in the grouped view): more
   * than one asks for confirmation first, one goes at once through `acknowledgeOne`.
   */
  request(alarm: Alarm | undefined, targetsOf: (alarm: Alarm) => string[], acknowledgeOne: (id: string) => void): void;
}

/** The queue's ticks and its bulk acknowledgement (one command per alarm, confirmed first). */
export function useBulkAcknowledge(byId: ReadonlyMap<string, Alarm>): BulkAcknowledge {
  const actions = useAlarmActions();
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [refused, setRefused] = useState(0);

  const request = useCallback(
    (alarm: Alarm | undefined, targetsOf: (alarm: Alarm) => string[], acknowledgeOne: (id: string) => void) => {
      const ticked = [...checked].filter((id) => {
        const a = byId.get(id);
        return a !== undefined && needsAttention(a.state);
      });
      if (ticked.length > 0) {
        setConfirming(ticked);
        return;
      }
      if (alarm === undefined) return;
      const targets = targetsOf(alarm);
      if (targets.length > 1) setConfirming(targets);
      else if (targets.length === 1) acknowledgeOne(targets[0]!);
    },
    [byId, checked],
  );

  const confirm = useCallback(
    async (afterwards: () => void) => {
      const ids = confirming ?? [];
      setConfirming(null);
      setChecked(new Set());
      afterwards();
      const result = await actions.acknowledgeMany(ids);
      setRefused(result.ok ? result.value.refused.length : ids.length);
    },
    [actions, confirming],
  );

  return {
    checked,
    toggle: useCallback((id: string) => setChecked((current) => toggled(current, id)), []),
    clear: useCallback(() => setChecked(new Set()), []),
    confirming,
    cancel: () => setConfirming(null),
    confirm,
    refused,
    dismissRefused: () => setRefused(0),
    request,
  };
}
