import { useCallback, useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from "react";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { assertNever } from "../../../../../shared/result.js";
import { queueKeyAction } from "../model/queue-keys.js";
import { moveSelection } from "../model/queue-order.js";
import { useStore } from "../../../store/store-context.js";

export interface QueueKeyboard {
  /** Off while a dialog (the bulk confirmation) has the keys. */
  enabled: boolean;
  queue: readonly Alarm[];
  selectedIndex: number;
  acknowledge(alarm: Alarm | undefined): void;
  toggle(id: string): void;
  openDetails(): void;
  clearTicks(): void;
}

/**
 * The queue's keys (see queue-keys.ts): on the list, and on the page when nothing has the focus
 * (after a click on empty space). Returns the list's key handler.
 */
export function useQueueKeyboard(keys: QueueKeyboard): (event: KeyboardEvent | ReactKeyboardEvent) => void {
  const { selectAlarm } = useStore();
  const { enabled, queue, selectedIndex, acknowledge, toggle, openDetails, clearTicks } = keys;
  const handleKey = useCallback(
    (event: KeyboardEvent | ReactKeyboardEvent): void => {
      if (!enabled) return;
      const action = queueKeyAction(event);
      if (action === null) return;
      // A focused button acts on Enter by itself; acting here too would send twice.
      if (action.kind === "acknowledge" && event.key !== "a" && event.key !== "A" && event.target instanceof HTMLButtonElement) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement) return;
      event.preventDefault();
      const alarm = selectedIndex >= 0 ? queue[selectedIndex] : undefined;
      switch (action.kind) {
        case "move":
        case "jump": {
          const next = action.kind === "move" ? moveSelection(selectedIndex, action.by, queue.length) : action.to === "first" ? 0 : queue.length - 1;
          const target = queue[next];
          if (target !== undefined) selectAlarm(target.id);
          return;
        }
        case "acknowledge":
          acknowledge(alarm);
          return;
        case "toggle":
          if (alarm !== undefined) toggle(alarm.id);
          return;
        case "open":
          openDetails();
          return;
        case "clear":
          clearTicks();
          return;
        default:
          assertNever(action);
      }
    },
    [enabled, queue, selectedIndex, acknowledge, toggle, openDetails, clearTicks],
  );

  const handleKeyRef = useRef(handleKey);
  useEffect(() => {
    handleKeyRef.current = handleKey;
  }, [handleKey]);
  useEffect(() => {
    const onDocumentKey = (event: KeyboardEvent) => {
      const focused = document.activeElement;
      if (focused === null || focused === document.body || focused === document.documentElement) handleKeyRef.current(event);
    };
    document.addEventListener("keydown", onDocumentKey);
    return () => document.removeEventListener("keydown", onDocumentKey);
  }, []);
  return handleKey;
}
