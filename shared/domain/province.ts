import { z } from "zod";
import { AlarmPrioritySchema } from "./alarm.js";
import { IsoTimeSchema, LonLatSchema } from "./geo.js";
import { SharedCameraIdsSchema } from "./shared-cameras.js";
import { EscalationSubjectSchema } from "./escalation.js";

/** A city of the province as the province knows it: lower-case, short, safe in ids and headers. */
export const CityIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, "a city id is 2-32 lower-case letters, digits or dashes");
export type CityId = z.infer<typeof CityIdSchema>;

/**
 * What the province is told about what was escalated (an alarm, or an incident: see the escalation's
 * `subject`): enough to triage it without the city's store. An incident has no type or priority of
 * its own: it goes up as type "incident", priority high, with its title.
 */
export const EscalatedAlarmSummarySchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(100),
  priority: AlarmPrioritySchema,
  place: z.string().max(200),
  wardCode: z.string().max(100),
  location: LonLatSchema,
  raisedAt: IsoTimeSchema,
  cameraId: z.string().max(100).nullable(),
  /** An incident's title; null for an alarm. */
  title: z.string().max(200).nullable().default(null),
});

/** An escalation as the province stores it (entity "escalation"); its id is `<cityId>~<alarmId>~<n>`. */
export const ProvinceEscalationSchema = z.object({
  id: z.string().min(1).max(240),
  cityId: CityIdSchema,
  cityName: z.string().max(200),
  /** What was escalated; records from before incidents could be are an alarm's. */
  subject: EscalationSubjectSchema.default("alarm"),
  /** The escalated alarm's or incident's summary (named for the alarm, as older records are). */
  alarm: EscalatedAlarmSummarySchema,
  reason: z.string().min(1).max(2000),
  escalatedByName: z.string().max(200),
  escalatedAt: IsoTimeSchema,
  receivedAt: IsoTimeSchema,
  state: z.enum(["open", "acknowledged"]),
  acknowledgedBy: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: IsoTimeSchema.nullable(),
  /** Cameras the city shared with it: the province console opens them through the city's backend. */
  cameraIds: SharedCameraIdsSchema.default([]),
});
export type ProvinceEscalation = z.infer<typeof ProvinceEscalationSchema>;

/** Pure: whether a province's screens keep an escalation: while open, then for `keepMs` after its acknowledgement. */
export function keepsEscalation(escalation: ProvinceEscalation, now: number, keepMs: number): boolean {
  return escalation.acknowledgedAt === null || now - Date.parse(escalation.acknowledgedAt) < keepMs;
}

/** The n-th escalation of an alarm or incident of a city: stable, since escalations are only ever appended. */
export function provinceEscalationId(cityId: string, subjectId: string, index: number): string {
  return `${cityId}~${subjectId}~${index}`;
}
