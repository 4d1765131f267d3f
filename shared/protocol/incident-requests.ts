import { z } from "zod";
import { IdSchema, NoteTextSchema } from "../limits.js";
import { IncidentSchema, IncidentStatusSchema } from "../domain/incident.js";
import { IncidentIdSchema, IncidentTitleSchema, IncidentUnitSchema, MAX_INCIDENT_ALARMS, type IncidentAction } from "./incident-actions.js";

/**
 * Incidents in the console API: made from alarms, then worked through. Each request
 * becomes one incident action (see `incidentRequestAction`) that goes through the outbox like an
 * alarm action. console-api.ts lists these requests in its union.
 */

export const INCIDENT_REQUESTS = [
  z.object({
    type: z.literal("incident.create"),
    alarmIds: z.array(IdSchema).min(1).max(MAX_INCIDENT_ALARMS),
    title: IncidentTitleSchema.optional(),
    assignedUnit: IncidentUnitSchema.optional(),
  }),
  z.object({ type: z.literal("incident.setStatus"), incidentId: IncidentIdSchema, status: IncidentStatusSchema }),
  z.object({ type: z.literal("incident.assign"), incidentId: IncidentIdSchema, unit: IncidentUnitSchema.nullable() }),
  z.object({ type: z.literal("incident.note"), incidentId: IncidentIdSchema, text: NoteTextSchema }),
] as const;

export type IncidentRequest = z.infer<(typeof INCIDENT_REQUESTS)[number]>;

export const INCIDENT_RESPONSE_SCHEMAS = {
  "incident.create": IncidentSchema,
  "incident.setStatus": IncidentSchema,
  "incident.assign": IncidentSchema,
  "incident.note": IncidentSchema,
} as const;

/** Pure: the incident action a request stands for; `newIncidentId` names an incident being created. */
export function incidentRequestAction(request: IncidentRequest, newIncidentId: () => string): IncidentAction {
  switch (request.type) {
    case "incident.create":
      return { type: "incident_create", incidentId: newIncidentId(), alarmIds: request.alarmIds, title: request.title ?? null, assignedUnit: request.assignedUnit ?? null };
    case "incident.setStatus":
      return { type: "incident_status", incidentId: request.incidentId, status: request.status };
    case "incident.assign":
      return { type: "incident_assign", incidentId: request.incidentId, unit: request.unit };
    case "incident.note":
      return { type: "incident_note", incidentId: request.incidentId, text: request.text };
    default: {
      const never: never = request;
      throw new Error(`Unhandled incident request ${JSON.stringify(never)}`);
    }
  }
}
