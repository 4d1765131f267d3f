import { z } from "zod";
import { IsoTimeSchema } from "./geo.js";
import { EscalationDeliverySchema, QUEUED_DELIVERY } from "./escalation-delivery.js";
import { SharedCameraIdsSchema } from "./shared-cameras.js";

/**
 * An escalation to the province's operations centre (Trung tâm IOC tỉnh Quảng Ninh), with its
 * reason, kept on what was escalated: an alarm or an incident. The record is the uplink's outbox.
 */
export const EscalationSchema = z.object({
  at: IsoTimeSchema,
  operatorId: z.string(),
  operatorName: z.string(),
  to: z.string().min(1),
  reason: z.string().min(1).max(2000),
  /** Its way to the province: queued in the city's uplink until the province has it, then what it did. */
  delivery: EscalationDeliverySchema.default(QUEUED_DELIVERY),
  /** Cameras the province may open with it (through the city's backend); none in older records. */
  cameraIds: SharedCameraIdsSchema.default([]),
});
export type Escalation = z.infer<typeof EscalationSchema>;

/** What can be escalated to the province. */
export const ESCALATION_SUBJECTS = ["alarm", "incident"] as const;
export const EscalationSubjectSchema = z.enum(ESCALATION_SUBJECTS);
export type EscalationSubject = z.infer<typeof EscalationSubjectSchema>;
