import type { Alarm } from "../../../shared/domain/alarm.js";
import type { Operator } from "../../../shared/domain/operator.js";
import { overlayCommands, type TargetEntities } from "../../../shared/commands/apply-command.js";
import { isCommandOn, type CommandOn, type CommandRequest } from "../../../shared/commands/command.js";
import type { TargetKind } from "../../../shared/commands/target.js";
import type { CacheStore, OutboxEntry } from "../cache/cache-store.js";

type RequestOn<K extends TargetKind> = CommandRequest & { command: CommandOn<K> };

function requestsOn<K extends TargetKind>(kind: K, entries: readonly OutboxEntry[]): RequestOn<K>[] {
  return entries.flatMap((entry) => (isCommandOn(kind, entry.request.command) ? [entry.request as RequestOn<K>] : []));
}

/**
 * Targets as the operator sees them: the copies the backend confirmed, with the commands still in
 * the outbox laid over them in order, including targets made here that the backend has not
 * answered yet (an incident created offline).
 */
export class PendingCommands {
  constructor(private readonly store: CacheStore) {}

  /** Who queued a command: the cache's record of them, or their bare id before the first sync. */
  private operatorOf = (id: string): Operator => this.store.get("operator", id) ?? { id, name: id, role: "operator" };

  private alarmsOf = (ids: readonly string[]): Alarm[] => ids.flatMap((id) => this.store.get("alarm", id) ?? []);

  private overlay<K extends TargetKind>(kind: K, confirmed: TargetEntities[K] | null, pending: readonly RequestOn<K>[]): TargetEntities[K] | null {
    return pending.length === 0 ? confirmed : overlayCommands(kind, confirmed, pending, this.operatorOf, this.alarmsOf);
  }

  /** One target as the operator sees it; null when neither the backend nor the outbox has it. */
  one<K extends TargetKind>(kind: K, id: string, confirmed: TargetEntities[K] | null = this.confirmed(kind, id)): TargetEntities[K] | null {
    return this.overlay(kind, confirmed, requestsOn(kind, this.store.pendingFor({ kind, id }))) ?? confirmed;
  }

  /** Every target of a kind, with pending commands (and pending creations) laid over. */
  all<K extends TargetKind>(kind: K, confirmed: readonly TargetEntities[K][]): TargetEntities[K][] {
    const pending = new Map<string, RequestOn<K>[]>();
    for (const request of requestsOn(kind, this.store.pendingOn(kind))) {
      const id = request.command.target.id;
      (pending.get(id) ?? pending.set(id, []).get(id)!).push(request);
    }
    if (pending.size === 0) return [...confirmed];
    const out: TargetEntities[K][] = [];
    for (const entity of confirmed) {
      const mine = pending.get(entity.id);
      pending.delete(entity.id);
      out.push(mine === undefined ? entity : (this.overlay(kind, entity, mine) ?? entity));
    }
    // What is left was made here and is not confirmed yet (or its creation no longer applies).
    for (const mine of pending.values()) {
      const created = this.overlay(kind, null, mine);
      if (created !== null) out.push(created);
    }
    return out;
  }

  private confirmed<K extends TargetKind>(kind: K, id: string): TargetEntities[K] | null {
    return this.store.get(kind, id) as TargetEntities[K] | null;
  }
}
