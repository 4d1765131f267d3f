import { applyAlarmCommand, commentIdFor } from "../../../shared/alarm-actions.js";
import type { CommandRequest } from "../../../shared/commands/command.js";
import type { Alarm } from "../../../shared/domain/alarm.js";
import type { Operator } from "../../../shared/domain/operator.js";
import type { BulkAcknowledgeResult } from "../../../shared/protocol/alarm-requests.js";
import { err } from "../../../shared/result.js";

export interface BulkAcknowledgePlan {
  /** One outbox entry per alarm that can be acknowledged, each with its own idempotency key. */
  requests: CommandRequest[];
  result: BulkAcknowledgeResult;
}

/**
 * Pure: what acknowledging these alarms does, given each alarm as the operator sees it (null when
 * the console does not know it). Duplicates in the list are acknowledged once.
 */
export function planBulkAcknowledge(
  alarmIds: readonly string[],
  current: (id: string) => Alarm | null,
  operator: Operator,
  at: string,
  newKey: () => string,
): BulkAcknowledgePlan {
  const requests: CommandRequest[] = [];
  const result: BulkAcknowledgeResult = { acknowledged: [], refused: [] };
  for (const alarmId of new Set(alarmIds)) {
    const alarm = current(alarmId);
    if (alarm === null) {
      const missing = err("not_found", `No alarm ${alarmId} in this console.`);
      if (!missing.ok) result.refused.push({ alarmId, error: missing.error });
      continue;
    }
    const idempotencyKey = newKey();
    const command = { type: "acknowledge" as const, target: { kind: "alarm" as const, id: alarmId } };
    const local = applyAlarmCommand(alarm, command, operator, at, commentIdFor(idempotencyKey, operator.id));
    if (!local.ok) {
      result.refused.push({ alarmId, error: local.error });
      continue;
    }
    requests.push({ idempotencyKey, operatorId: operator.id, at, command });
    result.acknowledged.push(alarmId);
  }
  return { requests, result };
}
