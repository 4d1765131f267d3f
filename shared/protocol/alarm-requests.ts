import { z } from "zod";
import { IdSchema } from "../limits.js";
import { AppErrorSchema } from "../result.js";

/**
 * The alarm queue's bulk acknowledgement: one request that becomes one command per alarm, each
 * with its own idempotency key, queued together. console-api.ts lists it in its union.
 */

/** Most alarms one bulk acknowledgement may name: the whole active queue in a flood. */
export const MAX_BULK_ALARMS = 10_000;

export const ALARM_REQUESTS = [z.object({ type: z.literal("alarm.acknowledgeMany"), alarmIds: z.array(IdSchema).min(1).max(MAX_BULK_ALARMS) })] as const;

export const BulkAcknowledgeResultSchema = z.object({
  /** Shown acknowledged at once and queued for the backend, one command per alarm. */
  acknowledged: z.array(z.string()),
  /** Not acknowledged, each with why (already acknowledged, not in this console...). */
  refused: z.array(z.object({ alarmId: z.string(), error: AppErrorSchema })),
});
export type BulkAcknowledgeResult = z.infer<typeof BulkAcknowledgeResultSchema>;

export const ALARM_RESPONSE_SCHEMAS = {
  "alarm.acknowledgeMany": BulkAcknowledgeResultSchema,
} as const;
