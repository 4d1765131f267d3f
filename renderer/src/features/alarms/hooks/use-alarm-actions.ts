import { useMemo } from "react";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import type { BulkAcknowledgeResult } from "../../../../../shared/protocol/alarm-requests.js";
import type { Result } from "../../../../../shared/result.js";
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

export function useAlarmActions(): AlarmActions {
  const store = useStore();
  return useMemo(
    () => ({
      acknowledgeMany: (alarmIds) => store.client.request({ type: "alarm.acknowledgeMany", alarmIds: [...alarmIds] }),
      comment: (alarmId, text) => store.commandOn("alarm", alarmId, { type: "comment", text }),
      assign: (alarmId, assigneeId, assigneeName) => store.commandOn("alarm", alarmId, { type: "assign", assigneeId, assigneeName }),
      escalate: (alarmId, reason, cameraIds) => store.commandOn("alarm", alarmId, { type: "escalate", to: "province_ioc", reason, cameraIds: [...cameraIds] }),
      shelve: (alarmId, reason, minutes) => store.commandOn("alarm", alarmId, { type: "shelve", reason, minutes }),
      unshelve: (alarmId) => store.commandOn("alarm", alarmId, { type: "unshelve" }),
      resolve: (alarmId, note) => store.commandOn("alarm", alarmId, { type: "resolve", note }),
      sopStep: (alarmId, stepId, done) => store.commandOn("alarm", alarmId, { type: "sop_step", stepId, done }),
    }),
    [store],
  );
}
