import { useMemo } from "react";
import type { Directive } from "../../../../../shared/domain/directive.js";
import type { Result } from "../../../../../shared/result.js";
import { useStore } from "../../../store/store-context.js";

/**
 * A city operator's answers to a directive. Like every command, the core applies each at once (outbox
 * and overlay, so they work offline); the backend applies it once, audits it and reports it to the province.
 */
export interface DirectiveActions {
  acknowledge(directiveId: string): Promise<Result<Directive>>;
  done(directiveId: string, note: string): Promise<Result<Directive>>;
  /** Picks the directive's ward on the map (and in the queue), on whichever monitor shows them. */
  showWard(wardCode: string): void;
  /** Selects the escalated alarm the directive answers, in every window. */
  showAlarm(alarmId: string): void;
}

export function useDirectiveActions(): DirectiveActions {
  const store = useStore();
  return useMemo(
    () => ({
      acknowledge: (directiveId) => store.commandOn("directive", directiveId, { type: "directive_acknowledge" }),
      done: (directiveId, note) => store.commandOn("directive", directiveId, { type: "directive_done", note }),
      showWard: (wardCode) => store.selectWard(wardCode),
      showAlarm: (alarmId) => store.selectAlarm(alarmId),
    }),
    [store],
  );
}
