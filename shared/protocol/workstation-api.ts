import { z } from "zod";
import { HandoverNoteSchema, HandoverSchema } from "../domain/handover.js";
import { OperatorSchema } from "../domain/operator.js";
import { DisplayRoleSchema } from "../domain/workstation.js";
import { LIMITS } from "../limits.js";
import { PasswordSchema } from "./session.js";

/**
 * The workstation's part of the console API (selection shared by every window, operator
 * sign-in, shift handover) and of the backend protocol (sign-in, handovers).
 * console-api.ts lists these requests and events in its unions.
 */

/**
 * What the operator is working on, held by the core so every window of the workstation shows the
 * same. `version` grows with each change, so a window can tell a stale echo from news.
 */
export const SelectionSchema = z.object({
  alarmId: z.string().min(1).nullable(),
  wardCode: z.string().min(1).nullable(),
  /** A camera asked for (map click, "show on wall"); the nonce makes asking twice a new request. */
  cameraRequest: z.object({ cameraId: z.string().min(1), nonce: z.number().int().nonnegative() }).nullable(),
  version: z.number().int().nonnegative(),
});
export type SharedSelection = z.infer<typeof SelectionSchema>;

export const SelectionPatchSchema = z.object({
  alarmId: z.string().min(1).nullable().optional(),
  wardCode: z.string().min(1).nullable().optional(),
  cameraId: z.string().min(1).optional(),
});
export type SelectionPatch = z.infer<typeof SelectionPatchSchema>;

export const WORKSTATION_REQUESTS = [
  z.object({ type: z.literal("selection.get") }),
  z.object({ type: z.literal("selection.set"), patch: SelectionPatchSchema }),
  /** Bring the window of a role to the front (a workstation shortcut in any window). */
  z.object({ type: z.literal("workstation.focus"), role: DisplayRoleSchema }),
  z.object({ type: z.literal("operator.sign-in"), operatorId: z.string().trim().min(1).max(LIMITS.idChars), password: PasswordSchema }),
  /** The summary a handover note would list now (open incidents, shelved, unacknowledged critical). */
  z.object({ type: z.literal("handover.draft") }),
  z.object({ type: z.literal("handover.submit"), note: HandoverNoteSchema }),
  /** The newest handover nobody has acknowledged yet, or null. */
  z.object({ type: z.literal("handover.pending") }),
  z.object({ type: z.literal("handover.acknowledge"), handoverId: z.string().min(1) }),
] as const;

export const WORKSTATION_RESPONSE_SCHEMAS = {
  "selection.get": SelectionSchema,
  "selection.set": SelectionSchema,
  "workstation.focus": z.object({ role: DisplayRoleSchema }),
  "operator.sign-in": OperatorSchema,
  "handover.draft": HandoverSchema.shape.summary,
  "handover.submit": HandoverSchema,
  "handover.pending": HandoverSchema.nullable(),
  "handover.acknowledge": HandoverSchema,
} as const;

export const WORKSTATION_EVENTS = [
  z.object({ type: z.literal("selection"), selection: SelectionSchema }),
  /** Another operator signed in at this workstation. */
  z.object({ type: z.literal("operator"), operator: OperatorSchema }),
  z.object({ type: z.literal("workstation.focus"), role: DisplayRoleSchema }),
] as const;

// ---- Backend protocol: sign-in and handovers ----

export const WORKSTATION_PATHS = {
  /** POST writes a handover. */
  handovers: "/api/v1/handovers",
  /** GET: the newest handover nobody acknowledged yet ({handover: null} when none). */
  handoverPending: "/api/v1/handovers/pending",
  /** POST /api/v1/handovers/:id/acknowledge */
  handoverAcknowledge: (id: string) => `/api/v1/handovers/${encodeURIComponent(id)}/acknowledge`,
} as const;

/** The writer is the session's operator. */
export const HandoverWriteSchema = z.object({
  note: HandoverNoteSchema,
  summary: HandoverSchema.shape.summary,
});
export type HandoverWrite = z.infer<typeof HandoverWriteSchema>;
export const PendingHandoverSchema = z.object({ handover: HandoverSchema.nullable() });
