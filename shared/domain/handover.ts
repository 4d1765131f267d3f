import { z } from "zod";
import { LIMITS } from "../limits.js";
import { AlarmPrioritySchema } from "./alarm.js";
import { IsoTimeSchema } from "./geo.js";

const Id = z.string().max(LIMITS.idChars);
const Text = z.string().max(LIMITS.noteChars);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.handoverItems);

/** What the outgoing operator leaves open, listed automatically from the console's state (each list the oldest first, bounded). */
export const HandoverSummarySchema = z.object({
  openIncidents: list(z.object({ id: Id, title: Text, status: Id })),
  shelvedAlarms: list(z.object({ id: Id, type: Id, place: Text, shelvedUntil: IsoTimeSchema.nullable() })),
  unacknowledgedCritical: list(z.object({ id: Id, type: Id, place: Text, priority: AlarmPrioritySchema, raisedAt: IsoTimeSchema })),
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
