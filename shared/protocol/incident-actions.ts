import { z } from "zod";
import { IdSchema, NameTextSchema, NoteTextSchema } from "../limits.js";
import { IsoTimeSchema } from "../domain/geo.js";
import { IncidentSchema, IncidentStatusSchema } from "../domain/incident.js";
import { resultSchema } from "../result.js";

/**
 * What an operator can do to an incident, as sent to the backend. These travel through the same
 * outbox and the same action batch as alarm actions (each with its idempotency key); they are a
 * request shape of their own (`incidentAction`, not `action`) so that every alarm action keeps
 * its alarmId and consoles that never send incident actions see no change.
 */

/** Most alarms one incident may be made from. */
export const MAX_INCIDENT_ALARMS = 50;

/** Client-generated (an incident created offline keeps its id): `inc-` and a UUID. */
export const IncidentIdSchema = z.string().regex(/^inc-[0-9a-zA-Z-]{8,64}$/, "an incident id is inc- followed by a UUID");
export const IncidentTitleSchema = NameTextSchema;
/** A response unit, e.g. "Công an phường Quang Trung", "Đội PCCC số 3". */
export const IncidentUnitSchema = NameTextSchema;
const Note = NoteTextSchema;

export const IncidentActionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("incident_create"),
    incidentId: IncidentIdSchema,
    alarmIds: z.array(IdSchema).min(1).max(MAX_INCIDENT_ALARMS),
    /** null: a title made from the alarms' places. */
    title: IncidentTitleSchema.nullable(),
    assignedUnit: IncidentUnitSchema.nullable(),
  }),
  z.object({ type: z.literal("incident_status"), incidentId: IncidentIdSchema, status: IncidentStatusSchema }),
  /** unit null: take the assignment away. */
  z.object({ type: z.literal("incident_assign"), incidentId: IncidentIdSchema, unit: IncidentUnitSchema.nullable() }),
  z.object({ type: z.literal("incident_note"), incidentId: IncidentIdSchema, text: Note }),
]);
export type IncidentAction = z.infer<typeof IncidentActionSchema>;

export const IncidentActionRequestSchema = z.object({
  /** Client-generated; the backend applies each key at most once and replays its first answer. */
  idempotencyKey: z.string().min(8).max(100),
  operatorId: IdSchema,
  at: IsoTimeSchema,
  incidentAction: IncidentActionSchema,
});
export type IncidentActionRequest = z.infer<typeof IncidentActionRequestSchema>;

export const IncidentActionResponseSchema = resultSchema(z.object({ incident: IncidentSchema, seq: z.number().int().nonnegative() }));
export type IncidentActionResponse = z.infer<typeof IncidentActionResponseSchema>;
