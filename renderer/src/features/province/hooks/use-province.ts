import { useMemo } from "react";
import type { DirectiveCommand } from "../../../../../shared/commands/directive-commands.js";
import type { AlarmPriority } from "../../../../../shared/domain/alarm.js";
import type { Directive } from "../../../../../shared/domain/directive.js";
import type { ProvinceEscalation } from "../../../../../shared/domain/province.js";
import type { BackendRole } from "../../../../../shared/protocol/province.js";
import type { Result } from "../../../../../shared/result.js";
import { useLiveState, useStore } from "../../../store/store-context.js";

/** Which centre the console serves, as the backend said; a city's until it has said. */
export function useCentre(): BackendRole {
  return useLiveState((s) => s.status?.centre ?? "city");
}

export function useEscalations(): ReadonlyMap<string, ProvinceEscalation> {
  return useLiveState((s) => s.escalations);
}

/** The directives this province sent, the newest first. */
export function useSentDirectives(): Directive[] {
  const directives = useLiveState((s) => s.directives);
  return useMemo(() => [...directives.values()].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0)), [directives]);
}

export interface DirectiveDraft {
  cityId: string;
  text: string;
  priority: AlarmPriority;
  wardCode: string | null;
  dueAt: string | null;
  escalationId: string | null;
}

/** A province operator's commands, through the same pipeline as every command (outbox, overlay, backend once). */
export interface ProvinceActions {
  acknowledge(escalationId: string): Promise<Result<unknown>>;
  send(draft: DirectiveDraft): Promise<Result<unknown>>;
}

export function useProvinceActions(): ProvinceActions {
  const store = useStore();
  return useMemo(
    () => ({
      acknowledge: (escalationId) => store.command({ type: "escalation_acknowledge", target: { kind: "escalation", id: escalationId } }),
      // The id is made here, so a directive sent twice is one directive.
      send: (draft) => store.command({ type: "directive_send", target: { kind: "directive", id: `dir-${crypto.randomUUID()}` }, location: null, ...draft } satisfies DirectiveCommand),
    }),
    [store],
  );
}
