import { z } from "zod";
import { BackendRoleSchema, CentreLinkSchema, MAX_CENTRE_LINKS } from "./province.js";
import { IdSchema } from "../limits.js";
import { AlarmSchema } from "../domain/alarm.js";
import { CameraSchema } from "../domain/camera.js";
import { IsoTimeSchema } from "../domain/geo.js";
import { IncidentSchema } from "../domain/incident.js";
import { BookmarkSchema } from "../domain/bookmark.js";
import { DirectiveSchema } from "../domain/directive.js";
import { ProvinceEscalationSchema } from "../domain/province.js";
import { OperatorSchema } from "../domain/operator.js";
import { SensorSchema } from "../domain/sensor.js";
import { WallViewDraftSchema, WallViewSchema } from "../domain/wall-view.js";
import { WardSchema } from "../domain/ward.js";
import { AppErrorSchema } from "../result.js";
import { ALARM_REQUESTS, ALARM_RESPONSE_SCHEMAS } from "./alarm-requests.js";
import { RECORDING_REQUESTS, RECORDING_RESPONSE_SCHEMAS } from "./recordings.js";
import { CAMERA_REQUESTS, CAMERA_RESPONSE_SCHEMAS } from "./cameras.js";
import { CommandSchema, TargetStateSchema } from "../commands/command.js";
import { TargetSchema } from "../commands/target.js";
import { ConsoleSessionSchema, SESSION_EVENTS, SESSION_REQUESTS, SESSION_RESPONSE_SCHEMAS } from "./session.js";
import { WORKSTATION_EVENTS, WORKSTATION_REQUESTS, WORKSTATION_RESPONSE_SCHEMAS } from "./workstation-api.js";
import { BASEMAP_REQUESTS, BASEMAP_RESPONSE_SCHEMAS } from "./basemap-api.js";
import { DASHBOARD_EVENTS, DASHBOARD_REQUESTS, DASHBOARD_RESPONSE_SCHEMAS } from "./dashboards-api.js";

/**
 * The console API: what the renderer may ask of the core (over IPC in Electron,
 * over WebSocket in a browser). One request union, one response schema per request type,
 * one event union pushed by the core.
 */

export const LanguageSchema = z.enum(["vi", "en"]);
export type Language = z.infer<typeof LanguageSchema>;

export const ConnectionStateSchema = z.enum(["connecting", "syncing", "online", "offline"]);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const SyncStatusSchema = z.object({
  state: ConnectionStateSchema,
  backendUrl: z.string(),
  lastSyncAt: IsoTimeSchema.nullable(),
  cursor: z.number().int().nonnegative(),
  headSeq: z.number().int().nonnegative().nullable(),
  pendingActions: z.number().int().nonnegative(),
  /** Why we are offline, in one sentence, if we know. */
  lastError: z.string().nullable(),
  /** The console's disk (its cache) had no room for the last write: actions are refused until it has. */
  storageFull: z.boolean(),
  /** The backend's role as its last hello said (a city's centre or the province's); null before the first. */
  centre: BackendRoleSchema.nullable(),
  /** The links between centres as the backend last told (its uplink at a city, each city's at the province). */
  links: z.array(CentreLinkSchema).max(MAX_CENTRE_LINKS),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncProblemSchema = z.object({
  id: z.number().int(),
  at: IsoTimeSchema,
  source: z.string(),
  message: z.string(),
});
export type SyncProblem = z.infer<typeof SyncProblemSchema>;

export const PendingActionSchema = z.object({
  idempotencyKey: z.string(),
  /** Who took it: it is sent only in that operator's session. */
  operatorId: z.string(),
  target: TargetSchema,
  /** The command's type, e.g. "acknowledge". */
  command: z.string(),
  createdAt: IsoTimeSchema,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type PendingAction = z.infer<typeof PendingActionSchema>;

export const SettingsSchema = z.object({
  backendUrl: z.string(),
  language: LanguageSchema,
  operatorId: z.string(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SnapshotSchema = z.object({
  status: SyncStatusSchema,
  session: ConsoleSessionSchema,
  /** The signed-in operator; null when nobody is. */
  operator: OperatorSchema.nullable(),
  settings: SettingsSchema,
  wards: z.array(WardSchema),
  cameras: z.array(CameraSchema),
  sensors: z.array(SensorSchema),
  alarms: z.array(AlarmSchema),
  incidents: z.array(IncidentSchema),
  /** Bookmarks not deleted, the newest (by the moment they mark) up to LIMITS.bookmarksOnScreen. */
  bookmarks: z.array(BookmarkSchema),
  /** The province centre's directives to this city not done, and those done within a day. */
  directives: z.array(DirectiveSchema),
  /** At a province: the cities' escalations still open, and those acknowledged within a day. */
  escalations: z.array(ProvinceEscalationSchema),
  problems: z.array(SyncProblemSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const ConsoleRequestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("snapshot") }),
  /**
   * Any operator command on an alarm, an incident or a bookmark: shown at once, queued in the outbox, sent to the
   * backend. Answered with the target as the operator now sees it.
   */
  z.object({ type: z.literal("command"), command: CommandSchema }),
  // Bulk acknowledgement: one command per alarm.
  ...ALARM_REQUESTS,
  z.object({ type: z.literal("settings.update"), language: LanguageSchema.optional() }),
  /** Operator actions still waiting in the outbox, oldest first. */
  z.object({ type: z.literal("outbox.list") }),
  /** Skip the reconnect back-off and try the backend now. */
  z.object({ type: z.literal("sync.retry") }),
  /** The current operator's named wall views. */
  z.object({ type: z.literal("view.list") }),
  /** Saves (creates or replaces) a named wall view of the current operator; the core sets operatorId. */
  z.object({ type: z.literal("view.save"), view: WallViewDraftSchema.omit({ operatorId: true }) }),
  z.object({ type: z.literal("view.delete"), viewId: IdSchema }),
  // Selection shared by the workstation's windows, operator sign-in, shift handover.
  ...WORKSTATION_REQUESTS,
  ...SESSION_REQUESTS,
  // The offline street map: its tiles and searchable names, read by the core from one file.
  ...BASEMAP_REQUESTS,
  // Recording health of the cameras, asked of the backend.
  ...RECORDING_REQUESTS,
  // A supervisor's connection test of a camera's address, made by the backend.
  ...CAMERA_REQUESTS,
  // The city's other domains, hour by hour, for the dashboards and the reports.
  ...DASHBOARD_REQUESTS,
]);
export type ConsoleRequest = z.infer<typeof ConsoleRequestSchema>;
export type ConsoleRequestType = ConsoleRequest["type"];

export const CONSOLE_RESPONSE_SCHEMAS = {
  snapshot: SnapshotSchema,
  command: TargetStateSchema,
  ...ALARM_RESPONSE_SCHEMAS,
  "settings.update": SettingsSchema,
  "outbox.list": z.array(PendingActionSchema),
  "sync.retry": SyncStatusSchema,
  "view.list": z.array(WallViewSchema),
  "view.save": WallViewSchema,
  "view.delete": z.object({ id: z.string().min(1) }),
  ...WORKSTATION_RESPONSE_SCHEMAS,
  ...SESSION_RESPONSE_SCHEMAS,
  ...BASEMAP_RESPONSE_SCHEMAS,
  ...RECORDING_RESPONSE_SCHEMAS,
  ...CAMERA_RESPONSE_SCHEMAS,
  ...DASHBOARD_RESPONSE_SCHEMAS,
} as const satisfies Record<ConsoleRequestType, z.ZodType>;

/** Requests that may take minutes (an evidence export remuxes and fetches video): how long a page waits for their answer. */
export const SLOW_REQUEST_TIMEOUT_MS: Partial<Record<ConsoleRequestType, number>> = { "evidence.export": 330_000 };

export type ConsoleResponse<T extends ConsoleRequestType> = z.infer<(typeof CONSOLE_RESPONSE_SCHEMAS)[T]>;
export type RequestOf<T extends ConsoleRequestType> = Extract<ConsoleRequest, { type: T }>;

/**
 * What a "changed" event may carry: each collection with its item's schema. The event's schema is
 * built from it, and so is the renderer's salvage of the good items of a partly malformed event.
 * Views are named wall views of any operator (the renderer keeps its own operator's).
 */
export const CHANGED_COLLECTIONS = {
  wards: WardSchema,
  cameras: CameraSchema,
  sensors: SensorSchema,
  alarms: AlarmSchema,
  incidents: IncidentSchema,
  bookmarks: BookmarkSchema,
  directives: DirectiveSchema,
  escalations: ProvinceEscalationSchema,
  views: WallViewSchema,
} as const;
export type ChangedCollection = keyof typeof CHANGED_COLLECTIONS;

/** Each collection's schema wrapped by `wrap` (an optional array of its items, or of anything). */
export function changedCollections<W extends z.ZodType>(wrap: (item: z.ZodType) => W): { [K in ChangedCollection]: W } {
  return Object.fromEntries(Object.entries(CHANGED_COLLECTIONS).map(([name, item]) => [name, wrap(item)])) as { [K in ChangedCollection]: W };
}

/** Ids removed, per entity kind. */
const RemovedSchema = z.record(z.string(), z.array(z.string()));

export const ConsoleEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("status"), status: SyncStatusSchema }),
  z.object({
    type: z.literal("changed"),
    wards: z.array(CHANGED_COLLECTIONS.wards).optional(),
    cameras: z.array(CHANGED_COLLECTIONS.cameras).optional(),
    sensors: z.array(CHANGED_COLLECTIONS.sensors).optional(),
    alarms: z.array(CHANGED_COLLECTIONS.alarms).optional(),
    incidents: z.array(CHANGED_COLLECTIONS.incidents).optional(),
    bookmarks: z.array(CHANGED_COLLECTIONS.bookmarks).optional(),
    directives: z.array(CHANGED_COLLECTIONS.directives).optional(),
    escalations: z.array(CHANGED_COLLECTIONS.escalations).optional(),
    views: z.array(CHANGED_COLLECTIONS.views).optional(),
    removed: RemovedSchema.optional(),
  } satisfies Record<ChangedCollection | "type" | "removed", z.ZodType>),
  /**
   * Many changes were written at once (a first sync, a long outage): their details are in the
   * cache, and a renderer reads a fresh snapshot instead of taking them item by item.
   */
  z.object({ type: z.literal("bulk.changed"), count: z.number().int().positive() }),
  z.object({ type: z.literal("problem"), problem: SyncProblemSchema }),
  z.object({ type: z.literal("settings"), settings: SettingsSchema }),
  /** A command that was shown at once but later refused by the backend (e.g. someone acknowledged first). */
  z.object({
    type: z.literal("action.refused"),
    target: TargetSchema,
    error: AppErrorSchema,
  }),
  ...WORKSTATION_EVENTS,
  ...SESSION_EVENTS,
  ...DASHBOARD_EVENTS,
]);
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;
