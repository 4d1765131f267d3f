import { z } from "zod";
import { IncidentStatusSchema } from "../domain/incident.js";
import { IdSchema, NameTextSchema, NoteTextSchema } from "../limits.js";
import { targetOf } from "./target.js";
import { ESCALATION_TARGETS } from "./alarm-commands.js";
import { SharedCameraIdsSchema } from "../domain/shared-cameras.js";

/** Most alarms one incident may be made from. */
export const MAX_INCIDENT_ALARMS = 50;

/** Made where the incident is created (an incident created offline keeps its id): `inc-` and a UUID. */
export const IncidentIdSchema = z.string().regex(/^inc-[0-9a-zA-Z-]{8,64}$/, "an incident id is inc- followed by a UUID");
export const IncidentTitleSchema = NameTextSchema;
/** A response unit, e.g. "Công an phường Quang Trung", "Đội PCCC số 3". */
export const IncidentUnitSchema = NameTextSchema;

const Incident = targetOf("incident", IncidentIdSchema);

/** What an operator can do to an incident: make one from alarms, then work it through. */
export const INCIDENT_COMMANDS = [
  z.object({
    type: z.literal("incident_create"),
    target: Incident,
    alarmIds: z.array(IdSchema).min(1).max(MAX_INCIDENT_ALARMS),
    /** null: a title made from the alarms' places. */
    title: IncidentTitleSchema.nullable(),
    assignedUnit: IncidentUnitSchema.nullable(),
  }),
  z.object({ type: z.literal("incident_status"), target: Incident, status: IncidentStatusSchema }),
  /** unit null: take the assignment away. */
  z.object({ type: z.literal("incident_assign"), target: Incident, unit: IncidentUnitSchema.nullable() }),
  z.object({ type: z.literal("incident_note"), target: Incident, text: NoteTextSchema }),
  /** To the province, as an alarm's escalate: the same record, outbox and queue there. */
  z.object({
    type: z.literal("incident_escalate"),
    target: Incident,
    to: z.enum(ESCALATION_TARGETS),
    reason: NoteTextSchema,
    cameraIds: SharedCameraIdsSchema.default([]),
  }),
] as const;

export const IncidentCommandSchema = z.discriminatedUnion("type", INCIDENT_COMMANDS);
export type IncidentCommand = z.infer<typeof IncidentCommandSchema>;

/** A new incident's id, made by whoever creates it. */
export const newIncidentId = (uuid: string): string => `inc-${uuid}`;
