import { useMemo } from "react";
import type { Alarm } from "../../../shared/domain/alarm.js";
import type { BulkAcknowledgeResult } from "../../../shared/protocol/alarm-requests.js";
import type { Result } from "../../../shared/result.js";
import { useStore } from "../store/store-context.js";

/**
 * The officer's actions on alarms beyond a single acknowledgement. The core applies each at once
 * (outbox + overlay) and pushes the changed alarm as an event, so callers only show the Result.
 */
export interface AlarmActions {
  acknowledgeMany(alarmIds: readonly string[]): Promise<Result<BulkAcknowledgeResult>>;
  comment(alarmId: string, text: string): Promise<Result<Alarm>>;
  assign(alarmId: string, assigneeId: string | null, assigneeName: string | null): Promise<Result<Alarm>>;
  escalate(alarmId: string, reason: string): Promise<Result<Alarm>>;
  shelve(alarmId: string, reason: string, minutes: number): Promise<Result<Alarm>>;
  unshelve(alarmId: string): Promise<Result<Alarm>>;
  resolve(alarmId: string, note: string): Promise<Result<Alarm>>;
  sopStep(alarmId: string, stepId: string, done: boolean): Promise<Result<Alarm>>;
}

export function useAlarmActions(): AlarmActions {
  const { client } = useStore();
  return useMemo(
    () => ({
      acknowledgeMany: (alarmIds) => client.request({ type: "alarm.acknowledgeMany", alarmIds: [...alarmIds] }),
      comment: (alarmId, text) => client.request({ type: "alarm.comment", alarmId, text }),
      assign: (alarmId, assigneeId, assigneeName) => client.request({ type: "alarm.assign", alarmId, assigneeId, assigneeName }),
      escalate: (alarmId, reason) => client.request({ type: "alarm.escalate", alarmId, to: "province_ioc", reason }),
      shelve: (alarmId, reason, minutes) => client.request({ type: "alarm.shelve", alarmId, reason, minutes }),
      unshelve: (alarmId) => client.request({ type: "alarm.unshelve", alarmId }),
      resolve: (alarmId, note) => client.request({ type: "alarm.resolve", alarmId, note }),
      sopStep: (alarmId, stepId, done) => client.request({ type: "alarm.sop", alarmId, stepId, done }),
    }),
    [client],
  );
}
