import { randomUUID } from "node:crypto";
import { applyToTarget } from "../../../shared/commands/apply-command.js";
import type { Command, CommandRequest, TargetState } from "../../../shared/commands/command.js";
import type { Target } from "../../../shared/commands/target.js";
import type { Alarm } from "../../../shared/domain/alarm.js";
import type { BulkAcknowledgeResult } from "../../../shared/protocol/alarm-requests.js";
import type { ConsoleResponse } from "../../../shared/protocol/console-api.js";
import { ok, type Result } from "../../../shared/result.js";
import { planBulkAcknowledge } from "../alarms/plan-bulk-acknowledge.js";
import type { CacheStore } from "../cache/cache-store.js";
import type { RequestHandlers } from "../requests/request-router.js";
import { actingOperator } from "../session/acting-operator.js";
import type { SessionKeeper } from "../session/session-keeper.js";
import type { Settlement } from "../sync/outbox-sender.js";
import type { PendingCommands } from "./pending-commands.js";

/** How long a command waits for the backend's verdict before answering with the optimistic result. */
const COMMAND_ANSWER_WAIT_MS = 2_500;

/** The outbox's sender, as commands need it. */
export interface CommandQueue {
  kick(): void;
  waitFor(key: string, timeoutMs: number): Promise<Settlement | null>;
}

/** What the renderers are told when a command changes what they show. */
export interface CommandDisplay {
  targetChanged(target: Target): void;
  alarmsChanged(ids: readonly string[]): void;
  statusChanged(): void;
  online(): boolean;
}

export interface CommandDeps {
  store: CacheStore;
  session: SessionKeeper;
  pending: PendingCommands;
  queue: CommandQueue;
  display: CommandDisplay;
}

/**
 * Operator commands in the console API: each applied here at once with the rules the backend
 * decides by, written to the outbox (on disk before the operator is answered) and sent with its
 * idempotency key.
 */
export function commandHandlers(deps: CommandDeps): RequestHandlers<"command" | "alarm.acknowledgeMany" | "outbox.list"> {
  const { store, session, pending, queue, display } = deps;
  /** Alarms as the operator sees them here; the backend reads its own copies when it decides. */
  const alarmsOf = (ids: readonly string[]): Alarm[] => ids.flatMap((id) => store.get("alarm", id) ?? []);

  /** Sends the outbox and waits briefly for the verdict; null when none came in time (offline, slow link): it stays queued. */
  const sendQueued = async (idempotencyKey: string): Promise<Settlement | null> => {
    display.statusChanged();
    queue.kick();
    return display.online() ? await queue.waitFor(idempotencyKey, COMMAND_ANSWER_WAIT_MS) : null;
  };

  /** Answers with the backend's copy when its verdict comes in time, else with what the operator now sees. */
  const command = async (command: Command): Promise<Result<TargetState>> => {
    const acting = actingOperator(session);
    if (!acting.ok) return acting;
    const operator = acting.value;
    const current = pending.one(command.target.kind, command.target.id);
    const request: CommandRequest = { idempotencyKey: randomUUID(), operatorId: operator.id, at: new Date().toISOString(), command };
    const local = applyToTarget(command, current, { operator, at: request.at, idempotencyKey: request.idempotencyKey }, alarmsOf);
    if (!local.ok) return local;
    // Nothing to do (already so): nothing is queued.
    if (local.value.entity === current) return ok(local.value);
    const queued = store.enqueueCommands([request]);
    if (!queued.ok) return queued;
    display.targetChanged(command.target);
    const verdict = await sendQueued(request.idempotencyKey);
    if (verdict === null) return ok(local.value);
    if (!verdict.ok) return verdict;
    // The cache's copy, not the verdict's: the change feed may already have brought a newer one (a
    // camera the backend brought online right after adding it), which the verdict would hide.
    const newest = pending.one(command.target.kind, command.target.id) ?? verdict.value.entity;
    return ok({ kind: verdict.value.kind, entity: newest } as TargetState);
  };

  /**
   * Many alarms at once: one command per alarm (each its own idempotency key, so the backend
   * applies each exactly once), all queued in one transaction. Answers at once with the optimistic
   * result; refusals by the backend arrive later as action.refused events.
   */
  const acknowledgeMany = (alarmIds: readonly string[]): Result<BulkAcknowledgeResult> => {
    const acting = actingOperator(session);
    if (!acting.ok) return acting;
    const plan = planBulkAcknowledge(alarmIds, (id) => pending.one("alarm", id), acting.value, new Date().toISOString(), randomUUID);
    if (plan.requests.length === 0) return ok(plan.result);
    const queued = store.enqueueCommands(plan.requests);
    if (!queued.ok) return queued;
    display.alarmsChanged(plan.result.acknowledged);
    display.statusChanged();
    queue.kick();
    return ok(plan.result);
  };

  return {
    command: (request) => command(request.command),
    "alarm.acknowledgeMany": (request) => acknowledgeMany(request.alarmIds),
    "outbox.list": () =>
      ok(
        store.pendingActions().map((p) => ({
          idempotencyKey: p.idempotencyKey,
          operatorId: p.request.operatorId,
          target: p.request.command.target,
          command: p.request.command.type,
          createdAt: p.createdAt,
          attempts: p.attempts,
          lastError: p.lastError,
        })) satisfies ConsoleResponse<"outbox.list">,
      ),
  };
}
