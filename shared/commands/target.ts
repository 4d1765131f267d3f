import { z } from "zod";
import { IdSchema } from "../limits.js";

/**
 * What an operator command acts on. Each kind declares its commands (alarm-commands.ts,
 * incident-commands.ts, bookmark-commands.ts, escalation-commands.ts, directive-commands.ts, camera-commands.ts); everything else
 * (console API, outbox, overlay, backend apply, audit) handles any kind the same way.
 */
export const TARGET_KINDS = ["alarm", "incident", "bookmark", "escalation", "directive", "camera"] as const;
export const TargetKindSchema = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKindSchema>;

export const TargetSchema = z.object({ kind: TargetKindSchema, id: IdSchema });
export type Target = z.infer<typeof TargetSchema>;

/** The target field of one kind's commands: its kind fixed, its id as that kind names its records. */
export function targetOf<K extends TargetKind>(kind: K, id: z.ZodType<string> = IdSchema) {
  return z.object({ kind: z.literal(kind), id });
}
