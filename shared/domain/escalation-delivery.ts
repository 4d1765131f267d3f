import { z } from "zod";
import { IsoTimeSchema } from "./geo.js";

/** Where one escalation stands on its way to the province, as the city's consoles show it. */
export const EscalationDeliveryStateSchema = z.enum(["queued", "delivered", "acknowledged", "refused"]);
export type EscalationDeliveryState = z.infer<typeof EscalationDeliveryStateSchema>;

export const EscalationDeliverySchema = z.object({
  state: EscalationDeliveryStateSchema,
  /** When the province stored it (its clock). */
  deliveredAt: IsoTimeSchema.nullable().default(null),
  acknowledgedByName: z.string().nullable().default(null),
  acknowledgedAt: IsoTimeSchema.nullable().default(null),
  /** Why the province refused it (a malformed message): kept, never retried. */
  error: z.string().max(2000).nullable().default(null),
});
export type EscalationDelivery = z.infer<typeof EscalationDeliverySchema>;

export const QUEUED_DELIVERY: EscalationDelivery = { state: "queued", deliveredAt: null, acknowledgedByName: null, acknowledgedAt: null, error: null };
