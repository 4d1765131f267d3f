import { useMemo } from "react";
import type { AlarmCommand } from "../../../../../shared/commands/alarm-commands.js";
import type { DistributiveOmit } from "../../../../../shared/commands/command.js";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import type { BulkAcknowledgeResult } from "../../../../../shared/protocol/alarm-requests.js";
import type { Result } from "../../../../../shared/result.js";
import type { LiveStore } from "../../../store/live-store.js";
import { useStore } from "../../../store/store-context.js";

/**
 * The officer's commands on alarms beyond a single acknowledgement. The core applies each at once
 * (outbox + overlay) and the live store merges its answer, so callers only show the Result.
 */
export interface AlarmActions {
  acknowledgeMany(alarmIds: readonly string[]): Promise<Result<BulkAcknowledgeResult>>;
  comment(alarmId: string, text: string): Promise<Result<Alarm>>;
  assign(alarmId: string, assigneeId: string | null, assigneeName: string | null): Promise<Result<Alarm>>;
  /** cameraIds: shared with the province along with it. */
  escalate(alarmId: string, reason: string, cameraIds: readonly string[]): Promise<Result<Alarm>>;
  shelve(alarmId: string, reason: string, minutes: number): Promise<Result<Alarm>>;
  unshelve(alarmId: string): Promise<Result<Alarm>>;
  resolve(alarmId: string, note: string): Promise<Result<Alarm>>;
  sopStep(alarmId: string, stepId: string, done: boolean): Promise<Result<Alarm>>;
}

/** One command on one alarm through the live store, answered with the alarm. */
async function onAlarm(store: LiveStore, alarmId: string, command: DistributiveOmit<AlarmCommand, "target">): Promise<Result<Alarm>> {
  const result = await store.command({ ...command, target: { kind: "alarm", id: alarmId } } as AlarmCommand);
  if (!result.ok) return result;
  return result.value.kind === "alarm" ? { ok: true, value: result.value.entity } : { ok: false, error: { kind: "internal", message: "The core answered an alarm command with another kind of record." } };
}

export function useAlarmActions(): AlarmActions {
  const store = useStore();
  return useMemo(
    () => ({
      acknowledgeMany: (alarmIds) => store.client.request({ type: "alarm.acknowledgeMany", alarmIds: [...alarmIds] }),
      comment: (alarmId, text) => onAlarm(store, alarmId, { type: "comment", text }),
      assign: (alarmId, assigneeId, assigneeName) => onAlarm(store, alarmId, { type: "assign", assigneeId, assigneeName }),
      escalate: (alarmId, reason, cameraIds) => onAlarm(store, alarmId, { type: "escalate", to: "province_ioc", reason, cameraIds: [...cameraIds] }),
      shelve: (alarmId, reason, minutes) => onAlarm(store, alarmId, { type: "shelve", reason, minutes }),
      unshelve: (alarmId) => onAlarm(store, alarmId, { type: "unshelve" }),
      resolve: (alarmId, note) => onAlarm(store, alarmId, { type: "resolve", note }),
      sopStep: (alarmId, stepId, done) => onAlarm(store, alarmId, { type: "sop_step", stepId, done }),
    }),
    [store],
  );
}
