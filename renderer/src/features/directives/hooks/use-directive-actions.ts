import { useMemo } from "react";
import type { DistributiveOmit } from "../../../../../shared/commands/command.js";
import type { DirectiveCommand } from "../../../../../shared/commands/directive-commands.js";
import type { Directive } from "../../../../../shared/domain/directive.js";
import type { Result } from "../../../../../shared/result.js";
import type { LiveStore } from "../../../store/live-store.js";
import { useStore } from "../../../store/store-context.js";

/**
 * A city operator's answers to a directive. Like every command, the core applies each at once (outbox
 * and overlay, so they work offline); the backend applies it once, audits it and reports it to the province.
 */
export interface DirectiveActions {
  acknowledge(directiveId: string): Promise<Result<Directive>>;
  done(directiveId: string, note: string): Promise<Result<Directive>>;
}

async function onDirective(store: LiveStore, directiveId: string, command: DistributiveOmit<DirectiveCommand, "target">): Promise<Result<Directive>> {
  const result = await store.command({ ...command, target: { kind: "directive", id: directiveId } } as DirectiveCommand);
  if (!result.ok) return result;
  return result.value.kind === "directive" ? { ok: true, value: result.value.entity } : { ok: false, error: { kind: "internal", message: "The core answered a directive command with another kind of record." } };
}

export function useDirectiveActions(): DirectiveActions {
  const store = useStore();
  return useMemo(
    () => ({
      acknowledge: (directiveId) => onDirective(store, directiveId, { type: "directive_acknowledge" }),
      done: (directiveId, note) => onDirective(store, directiveId, { type: "directive_done", note }),
    }),
    [store],
  );
}
