import { z } from "zod";
import { BackendRoleSchema, CentreLinkSchema, MAX_CENTRE_LINKS } from "./province.js";
import { AlarmSchema } from "../domain/alarm.js";
import { BookmarkSchema } from "../domain/bookmark.js";
import { CameraSchema } from "../domain/camera.js";
import { DomainSampleSchema } from "../domain/domain-sample.js";
import { IsoTimeSchema } from "../domain/geo.js";
import { IncidentSchema } from "../domain/incident.js";
import { OperatorSchema } from "../domain/operator.js";
import { ProvinceEscalationSchema } from "../domain/province.js";
import { DirectiveSchema } from "../domain/directive.js";
import { SensorSchema } from "../domain/sensor.js";
import { WallViewSchema } from "../domain/wall-view.js";
import { WardSchema } from "../domain/ward.js";
import { CommandResponseSchema } from "../commands/command.js";

/**
 * The sync protocol between a console and the central backend.
 * Bump PROTOCOL_VERSION on any incompatible change; the backend states the range it accepts.
 */
export const PROTOCOL_VERSION = 4;

export const BACKEND_PATHS = {
  hello: "/api/v1/hello",
  changes: "/api/v1/changes",
  stream: "/api/v1/stream",
  actions: "/api/v1/actions",
  actionsBatch: "/api/v1/actions/batch",
  auditVerify: "/api/v1/audit/verify",
  hls: "/hls",
  /** PUT /api/v1/views/:id saves an operator's named wall view; DELETE removes it. */
  views: "/api/v1/views",
} as const;

export const HelloResponseSchema = z.object({
  backendName: z.string(),
  protocolVersion: z.number().int(),
  minProtocolVersion: z.number().int(),
  serverTime: IsoTimeSchema,
  headSeq: z.number().int().nonnegative(),
  /** A city's centre or the province's: what the console shows (a backend that does not say is a city's). */
  role: BackendRoleSchema.default("city"),
});
export type HelloResponse = z.infer<typeof HelloResponseSchema>;

export const EntityKindSchema = z.enum(["ward", "camera", "sensor", "alarm", "incident", "operator", "view", "domain_sample", "bookmark", "escalation", "directive"]);
export type EntityKind = z.infer<typeof EntityKindSchema>;

/** The schema each entity's payload must satisfy; the console checks it when applying a change. */
export const ENTITY_SCHEMAS = {
  ward: WardSchema,
  camera: CameraSchema,
  sensor: SensorSchema,
  alarm: AlarmSchema,
  incident: IncidentSchema,
  operator: OperatorSchema,
  view: WallViewSchema,
  domain_sample: DomainSampleSchema,
  bookmark: BookmarkSchema,
  escalation: ProvinceEscalationSchema,
  directive: DirectiveSchema,
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
/** A change line's envelope: everything but the data, which follows it as its own JSON text. */
export const ChangeEnvelopeSchema = ChangeSchema.omit({ data: true });

export const ChangesQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  /** "json": a ChangesPage; "lines": the same page as change lines (see CHANGE_LINES_CONTENT_TYPE). */
  format: z.enum(["json", "lines"]).default("json"),
});

/**
 * The catch-up page as lines, for a console's first sync: line 1 is a ChangeLinesHeader (JSON),
 * then one line per change, `<envelope JSON><TAB><data JSON>`, where the envelope is a Change
 * without its data. The data arrives as its own JSON text, so a console validates it and stores
 * that very text, instead of serialising again what it has just parsed (a third of a second per
 * 100,000 changes). JSON text holds no raw newline, and the envelope (written compactly) no tab.
 */
export const CHANGE_LINES_CONTENT_TYPE = "application/x-ioc-change-lines; charset=utf-8";
export const CHANGE_LINE_DATA_SEPARATOR = "\t";
export const ChangeLinesHeaderSchema = z.object({
  headSeq: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ChangeLinesHeader = z.infer<typeof ChangeLinesHeaderSchema>;

/** Changes arrive as unknown items so that one bad item does not reject the page. */
export const ChangesPageSchema = z.object({
  changes: z.array(z.unknown()),
  headSeq: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPageSchema>;

/** The live stream's close code when its session ended (revoked, expired): sign in again. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** Messages the backend pushes on the live stream. */
export const StreamMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), headSeq: z.number().int().nonnegative() }),
  z.object({ type: z.literal("change"), change: z.unknown() }),
  z.object({
    type: z.literal("heartbeat"),
    serverTime: IsoTimeSchema,
    headSeq: z.number().int().nonnegative(),
    /** The links between centres as this backend sees them (none for a city without a province). */
    links: z.array(CentreLinkSchema).max(MAX_CENTRE_LINKS).default([]),
  }),
]);
export type StreamMessage = z.infer<typeof StreamMessageSchema>;

/** The audit trail's hash chain, checked end to end (GET auditVerify). */
export const AuditVerificationSchema = z.object({
  entries: z.number().int().nonnegative(),
  valid: z.boolean(),
  /** The first entry that does not match the chain (edited, or its predecessor removed); null when valid. */
  firstBadId: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/** The most commands one batch may carry: an outbox that filled up offline drains in a few round trips. */
export const MAX_ACTION_BATCH = 200;

/**
 * Several queued commands (CommandRequest) in one round trip, applied in order, each on its own (its
 * own idempotency key, its own answer): one refused or malformed command does not stop the ones after it.
 */
export const ActionBatchRequestSchema = z.object({
  requests: z.array(z.unknown()).min(1).max(MAX_ACTION_BATCH),
});
export type ActionBatchRequest = z.infer<typeof ActionBatchRequestSchema>;

export const ActionBatchResponseSchema = z.object({
  /** One answer per command, in the order sent: the target as the backend now holds it, or why not. */
  results: z.array(CommandResponseSchema),
});
export type ActionBatchResponse = z.infer<typeof ActionBatchResponseSchema>;
