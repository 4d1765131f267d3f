import { z } from "zod";
import { IsoTimeSchema, LonLatSchema } from "./geo.js";
import { EscalationSchema } from "./escalation.js";

export const IncidentStatusSchema = z.enum(["open", "in_progress", "closed"]);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/** What a timeline line records. */
export const IncidentTimelineKindSchema = z.enum(["created", "status", "assigned", "note"]);
export type IncidentTimelineKind = z.infer<typeof IncidentTimelineKindSchema>;

/** One line of "what happened, who, when" on an incident. */
export const IncidentTimelineEntrySchema = z.object({
  /** Derived from the action's idempotency key: an action already on the timeline is not applied twice. */
  id: z.string().min(1),
  at: IsoTimeSchema,
  operatorId: z.string(),
  operatorName: z.string(),
  kind: IncidentTimelineKindSchema,
  /** The new status, the unit, the note; for "created", the alarms it was made from. */
  text: z.string().max(2000),
});
export type IncidentTimelineEntry = z.infer<typeof IncidentTimelineEntrySchema>;

export const IncidentSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  status: IncidentStatusSchema,
  wardCode: z.string(),
  location: LonLatSchema,
  alarmIds: z.array(z.string()),
  assignedUnit: z.string().nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  // Incident workflow. Defaulted, not required: incidents stored before them still parse.
  createdBy: z.string().nullable().default(null),
  createdByName: z.string().nullable().default(null),
  /** The place names of its alarms (Vietnamese), for the list without the alarms at hand. */
  place: z.string().default(""),
  timeline: z.array(IncidentTimelineEntrySchema).default([]),
  /** Its escalations to the province, as an alarm's (the same record and outbox). */
  escalations: z.array(EscalationSchema).default([]),
});
export type Incident = z.infer<typeof IncidentSchema>;

export type IncidentWorkflowFields = Pick<Incident, "createdBy" | "createdByName" | "place" | "timeline" | "escalations">;

/** The workflow fields of an incident written before they existed (what the defaults give). */
export function freshIncidentFields(): IncidentWorkflowFields {
  return { createdBy: null, createdByName: null, place: "", timeline: [], escalations: [] };
}
