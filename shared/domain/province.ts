import { z } from "zod";
import { AlarmPrioritySchema } from "./alarm.js";
import { IsoTimeSchema, LonLatSchema } from "./geo.js";
import { SharedCameraIdsSchema } from "./shared-cameras.js";

/** A city of the province as the province knows it: lower-case, short, safe in ids and headers. */
export const CityIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, "a city id is 2-32 lower-case letters, digits or dashes");
export type CityId = z.infer<typeof CityIdSchema>;

/** What the province is told about the escalated alarm: enough to triage it without the city's store. */
export const EscalatedAlarmSummarySchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(100),
  priority: AlarmPrioritySchema,
  place: z.string().max(200),
  wardCode: z.string().max(100),
  location: LonLatSchema,
  raisedAt: IsoTimeSchema,
  cameraId: z.string().max(100).nullable(),
});

/** An escalation as the province stores it (entity "escalation"); its id is `<cityId>~<alarmId>~<n>`. */
export const ProvinceEscalationSchema = z.object({
  id: z.string().min(1).max(240),
  cityId: CityIdSchema,
  cityName: z.string().max(200),
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

/** The n-th escalation of an alarm of a city: stable, since an alarm's escalations are only ever appended. */
export function provinceEscalationId(cityId: string, alarmId: string, index: number): string {
  return `${cityId}~${alarmId}~${index}`;
}
