import { z } from "zod";
import { AlarmPrioritySchema } from "./alarm.js";
import { IsoTimeSchema, LonLatSchema } from "./geo.js";
import { CityIdSchema } from "./province.js";

/** Made at the province when it is sent: `dir-` and a UUID, the same id in both centres. */
export const DirectiveIdSchema = z.string().regex(/^dir-[0-9a-zA-Z-]{8,64}$/, "a directive id is dir- followed by a UUID");

/** A directive's way: sent by the province, in the city's store, acknowledged by a city operator, done. */
export const DirectiveStateSchema = z.enum(["sent", "delivered", "acknowledged", "done"]);
export type DirectiveState = z.infer<typeof DirectiveStateSchema>;
export const DIRECTIVE_STATE_RANK: Record<DirectiveState, number> = { sent: 0, delivered: 1, acknowledged: 2, done: 3 };

/** A province's directive to one city (Chỉ đạo của Trung tâm IOC tỉnh), the same record in both stores. */
export const DirectiveSchema = z.object({
  id: DirectiveIdSchema,
  cityId: CityIdSchema,
  text: z.string().min(1).max(2000),
  priority: AlarmPrioritySchema,
  wardCode: z.string().max(100).nullable(),
  location: LonLatSchema.nullable(),
  dueAt: IsoTimeSchema.nullable(),
  /** The escalation it answers (`<city>~<alarm>~<n>`), if any. */
  escalationId: z.string().max(240).nullable(),
  sentAt: IsoTimeSchema,
  sentByName: z.string().max(200),
  state: DirectiveStateSchema,
  deliveredAt: IsoTimeSchema.nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: IsoTimeSchema.nullable(),
  doneByName: z.string().nullable(),
  doneAt: IsoTimeSchema.nullable(),
  doneNote: z.string().max(2000).nullable(),
  /** At the city: the last state the province confirmed it has; the uplink reports each step until it matches. */
  reportedState: DirectiveStateSchema.nullable().default(null),
});
export type Directive = z.infer<typeof DirectiveSchema>;

/** Pure: whether a city's screens keep a directive: until it is done, then for `keepDoneMs` after. */
export function keepsDirective(directive: Directive, now: number, keepDoneMs: number): boolean {
  return directive.doneAt === null || now - Date.parse(directive.doneAt) < keepDoneMs;
}
