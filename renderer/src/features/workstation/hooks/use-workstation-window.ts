import { useEffect, useState } from "react";
import type { DisplayRole } from "../../../../../shared/domain/workstation.js";
import { useLiveState, useStore } from "../../../store/store-context.js";
import { workstationKeyAction } from "../model/workstation-keys.js";

/**
 * One window of the workstation: answers the workstation shortcuts, comes forward when any window
 * asks for its role, and says whether it has the keyboard (for the focus indicator).
 */
export function useWorkstationWindow(role: DisplayRole): { hasKeyboard: boolean } {
  const store = useStore();
  const [hasKeyboard, setHasKeyboard] = useState(() => document.hasFocus());
  const focusRequest = useLiveState((state) => state.focusRequest);

  useEffect(() => {
    const onFocus = () => setHasKeyboard(true);
    const onBlur = () => setHasKeyboard(false);
    window.addEventListener("focus", onFocus);
    window.addEventListener("blur", onBlur);
    return () => {
      window.removeEventListener("focus", onFocus);
      window.removeEventListener("blur", onBlur);
    };
  }, []);

  useEffect(() => {
    // Browsers may refuse to raise a window without a click; Electron's shell raises it itself.
    if (focusRequest?.role === role) window.focus();
  }, [focusRequest, role]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = workstationKeyAction(event);
      if (action === null) return;
      event.preventDefault();
      switch (action.kind) {
        case "focus":
          if (action.role === role) window.focus();
          else void store.client.request({ type: "workstation.focus", role: action.role });
          return;
        case "acknowledge": {
          const alarmId = store.getState().selection.alarmId;
          if (alarmId !== null) void store.acknowledge(alarmId);
          return;
        }
        case "clear":
          store.clearSelection();
          return;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, role]);

  return { hasKeyboard };
}
