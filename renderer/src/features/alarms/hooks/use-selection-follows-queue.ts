import { useEffect, useRef } from "react";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { indexOfSelection } from "../model/queue-order.js";
import { useStore } from "../../../store/store-context.js";

/**
 * Where the selection is in the queue, kept in place: when the selected alarm leaves, the
 * selection stays at the same place in the list; the list scrolls to a selection that moves to
 * another alarm, never because new alarms push it down. Returns the selection's index (-1: none).
 */
export function useSelectionFollowsQueue(
  queue: readonly Alarm[],
  selectedId: string | null,
  /** The queue shows what the store holds (not a deferred, older copy): only then may it move the selection. */
  settled: boolean,
  scrollToIndex: (index: number) => void,
): number {
  const { selectAlarm } = useStore();
  const lastSelectedIndex = useRef(-1);
  const selectedIndex = indexOfSelection(queue, selectedId, lastSelectedIndex.current);

  useEffect(() => {
    // A window just opened (or a flood in progress) draws an older queue, and must not move or
    // clear the workstation's selection.
    if (!settled) return;
    const current = selectedIndex >= 0 ? queue[selectedIndex] : undefined;
    if (current !== undefined && current.id !== selectedId) selectAlarm(current.id);
    if (current === undefined && selectedId !== null && queue.length === 0) selectAlarm(null);
    lastSelectedIndex.current = selectedIndex;
  }, [queue, selectedId, selectedIndex, settled]);

  // In a flood, scrolling whenever the selected row moved down was a scroll (and a measuring
  // pass) every frame, and the list must not jump under an officer who is reading it.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selectedIndex < 0 || scrolledTo.current === selectedId) return;
    scrolledTo.current = selectedId;
    scrollToIndex(selectedIndex);
  }, [selectedId, selectedIndex, scrollToIndex]);
  return selectedIndex;
}
