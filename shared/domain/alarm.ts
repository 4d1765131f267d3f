import { z } from "zod";
import { EscalationSchema } from "./escalation.js";
import { IsoTimeSchema, LonLatSchema } from "./geo.js";

/** ISA-18.2 alarm states. */
export const AlarmStateSchema = z.enum([
  "normal",
  "unacknowledged",
  "acknowledged",
  "rtn_unacknowledged",
  "shelved",
  "suppressed",
  "out_of_service",
]);
export type AlarmState = z.infer<typeof AlarmStateSchema>;

export const AlarmPrioritySchema = z.enum(["critical", "high", "medium", "low"]);
export type AlarmPriority = z.infer<typeof AlarmPrioritySchema>;

/** Lower rank sorts first. */
export const PRIORITY_RANK: Record<AlarmPriority, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Domains of the Uông Bí smart-city plan. */
export const AlarmDomainSchema = z.enum([
  "security",
  "traffic",
  "environment",
  "health",
  "education",
  "tourism",
  "urban_planning",
  "e_government",
]);
export type AlarmDomain = z.infer<typeof AlarmDomainSchema>;

export const AlarmSourceSchema = z.object({
  kind: z.enum(["camera", "sensor", "citizen", "system"]),
  id: z.string().nullable(),
});

export const AlarmCommentSchema = z.object({
  id: z.string().min(1),
  operatorId: z.string(),
  operatorName: z.string(),
  at: IsoTimeSchema,
  text: z.string().min(1).max(2000),
});
export type AlarmComment = z.infer<typeof AlarmCommentSchema>;

/** An alarm's escalation to the province: the one escalation record, shared with incidents. */
export const AlarmEscalationSchema = EscalationSchema;
export type AlarmEscalation = z.infer<typeof AlarmEscalationSchema>;

export const AlarmResolutionSchema = z.object({
  at: IsoTimeSchema,
  operatorId: z.string(),
  operatorName: z.string(),
  note: z.string().min(1).max(2000),
});

/** One line of "who did what, when" on the alarm itself (the backend's audit trail is the authoritative record). */
export const AlarmHistoryEntrySchema = z.object({
  /** Derived from the action's idempotency key: an action already in the history is not applied twice. */
  id: z.string().min(1),
  at: IsoTimeSchema,
  operatorId: z.string(),
  operatorName: z.string(),
  action: z.string().min(1),
  note: z.string().nullable().default(null),
});
export type AlarmHistoryEntry = z.infer<typeof AlarmHistoryEntrySchema>;

export const AlarmSchema = z.object({
  id: z.string().min(1),
  /**
   * Machine key of the alarm type (ALARM_TYPES in alarm-type.ts); the UI translates it. Any key is
   * accepted: an alarm of a type a newer backend added must still reach the queue (shown by its key,
   * with the default checklist), never be dropped as malformed.
   */
  type: z.string().min(1),
  domain: AlarmDomainSchema,
  priority: AlarmPrioritySchema,
  state: AlarmStateSchema,
  source: AlarmSourceSchema,
  /** The camera that sees the place, if any (for the wall's hot-spot tile). */
  cameraId: z.string().nullable(),
  wardCode: z.string(),
  location: LonLatSchema,
  /** Place name in Vietnamese, e.g. "Trường THCS Nguyễn Trãi". */
  place: z.string(),
  raisedAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  acknowledgedBy: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: IsoTimeSchema.nullable(),
  comments: z.array(AlarmCommentSchema),
  // Workflow fields. Defaulted, not required: caches and stores written before them still parse.
  assignedTo: z.string().nullable().default(null),
  assignedToName: z.string().nullable().default(null),
  escalations: z.array(AlarmEscalationSchema).default([]),
  shelvedUntil: IsoTimeSchema.nullable().default(null),
  shelveReason: z.string().nullable().default(null),
  resolution: AlarmResolutionSchema.nullable().default(null),
  /** Ids of the SOP checklist steps ticked for this alarm (see shared/sop-checklists). */
  sopDone: z.array(z.string()).default([]),
  history: z.array(AlarmHistoryEntrySchema).default([]),
});
export type Alarm = z.infer<typeof AlarmSchema>;

export type AlarmWorkflowFields = Pick<
  Alarm,
  "assignedTo" | "assignedToName" | "escalations" | "shelvedUntil" | "shelveReason" | "resolution" | "sopDone" | "history"
>;

/** The workflow fields of an alarm nobody has worked on yet. */
export function freshWorkflowFields(): AlarmWorkflowFields {
  return { assignedTo: null, assignedToName: null, escalations: [], shelvedUntil: null, shelveReason: null, resolution: null, sopDone: [], history: [] };
}

/** Newest critical first: priority rank, then newest raised, then id for a stable order. */
export function compareAlarmsForQueue(a: Alarm, b: Alarm): number {
  const byPriority = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (byPriority !== 0) return byPriority;
  if (a.raisedAt !== b.raisedAt) return a.raisedAt < b.raisedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
