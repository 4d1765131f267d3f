import { z } from "zod";
import { AlarmSchema } from "../domain/alarm.js";
import { CameraSchema } from "../domain/camera.js";
import { IsoTimeSchema } from "../domain/geo.js";
import { IncidentSchema } from "../domain/incident.js";
import { OperatorSchema } from "../domain/operator.js";
import { SensorSchema } from "../domain/sensor.js";
import { WardSchema } from "../domain/ward.js";
import { AppErrorSchema } from "../result.js";

/**
 * The sync protocol between a console and the central backend.
 * Bump PROTOCOL_VERSION on any incompatible change; the backend states the range it accepts.
 */
export const PROTOCOL_VERSION = 1;

export const BACKEND_PATHS = {
  hello: "/api/v1/hello",
  changes: "/api/v1/changes",
  stream: "/api/v1/stream",
  actions: "/api/v1/actions",
  hls: "/hls",
} as const;

export const HelloResponseSchema = z.object({
  backendName: z.string(),
  protocolVersion: z.number().int(),
  minProtocolVersion: z.number().int(),
  serverTime: IsoTimeSchema,
  headSeq: z.number().int().nonnegative(),
});
export type HelloResponse = z.infer<typeof HelloResponseSchema>;

export const EntityKindSchema = z.enum(["ward", "camera", "sensor", "alarm", "incident", "operator"]);
export type EntityKind = z.infer<typeof EntityKindSchema>;

/** The schema each entity's payload must satisfy; the console checks it when applying a change. */
export const ENTITY_SCHEMAS = {
  ward: WardSchema,
  camera: CameraSchema,
  sensor: SensorSchema,
  alarm: AlarmSchema,
  incident: IncidentSchema,
  operator: OperatorSchema,
} as const satisfies Record<EntityKind, z.ZodType>;

/**
 * One committed change. `data` stays `unknown` here on purpose: a malformed payload must
 * not make the whole page unreadable; the console validates it per entity and quarantines failures.
 */
export const ChangeSchema = z.object({
  seq: z.number().int().positive(),
  entity: EntityKindSchema,
  op: z.enum(["upsert", "delete"]),
  id: z.string().min(1),
  at: IsoTimeSchema,
  data: z.unknown(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const ChangesQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** Changes arrive as unknown items so that one bad item does not reject the page. */
export const ChangesPageSchema = z.object({
  changes: z.array(z.unknown()),
  headSeq: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPageSchema>;

/** Messages the backend pushes on the live stream. */
export const StreamMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), headSeq: z.number().int().nonnegative() }),
  z.object({ type: z.literal("change"), change: z.unknown() }),
  z.object({ type: z.literal("heartbeat"), serverTime: IsoTimeSchema, headSeq: z.number().int().nonnegative() }),
]);
export type StreamMessage = z.infer<typeof StreamMessageSchema>;

/** What an operator can do to an alarm, as sent to the backend. */
export const OperatorActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("acknowledge"), alarmId: z.string().min(1) }),
  z.object({ type: z.literal("comment"), alarmId: z.string().min(1), text: z.string().trim().min(1).max(2000) }),
]);
export type OperatorAction = z.infer<typeof OperatorActionSchema>;

export const ActionRequestSchema = z.object({
  /** Client-generated; the backend applies each key at most once and replays its first answer. */
  idempotencyKey: z.string().min(8).max(100),
  operatorId: z.string().min(1),
  at: IsoTimeSchema,
  action: OperatorActionSchema,
});
export type ActionRequest = z.infer<typeof ActionRequestSchema>;

export const ActionResponseSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), value: z.object({ alarm: AlarmSchema, seq: z.number().int().nonnegative() }) }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);
export type ActionResponse = z.infer<typeof ActionResponseSchema>;
