import { z } from "zod";
import { LIMITS } from "../limits.js";
import { AlarmPrioritySchema } from "./alarm.js";
import { IsoTimeSchema } from "./geo.js";

/** What the outgoing operator leaves open, listed automatically from the console's state. */
export const HandoverSummarySchema = z.object({
  openIncidents: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  shelvedAlarms: z.array(z.object({ id: z.string(), type: z.string(), place: z.string(), shelvedUntil: IsoTimeSchema.nullable() })),
  unacknowledgedCritical: z.array(z.object({ id: z.string(), type: z.string(), place: z.string(), priority: AlarmPrioritySchema, raisedAt: IsoTimeSchema })),
});
export type HandoverSummary = z.infer<typeof HandoverSummarySchema>;

export const HandoverNoteSchema = z.string().trim().min(1).max(LIMITS.handoverNoteChars);

/** A shift handover: written by the outgoing operator, acknowledged by the incoming one. */
export const HandoverSchema = z.object({
  id: z.string().min(1),
  fromOperatorId: z.string().min(1),
  fromOperatorName: z.string(),
  writtenAt: IsoTimeSchema,
  note: HandoverNoteSchema,
  summary: HandoverSummarySchema,
  acknowledgedBy: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: IsoTimeSchema.nullable(),
});
export type Handover = z.infer<typeof HandoverSchema>;
