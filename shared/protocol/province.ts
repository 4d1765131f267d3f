import { z } from "zod";
import { EscalatedAlarmSummarySchema, CityIdSchema } from "../domain/province.js";
import { IsoTimeSchema } from "../domain/geo.js";
import { DIRECTIVE_STATE_RANK, DirectiveIdSchema, DirectiveSchema, DirectiveStateSchema } from "../domain/directive.js";
import { AppErrorSchema, resultSchema } from "../result.js";
import { SharedCameraIdsSchema } from "../domain/shared-cameras.js";
import { EscalationSubjectSchema } from "../domain/escalation.js";

/**
 * The link between a city's backend and the province's. The city calls up (it is the province's
 * client); the province never calls a city. Every message is parsed from `unknown` on both sides.
 */
export const UPLINK_PATHS = {
  escalations: "/uplink/v1/escalations",
  updates: "/uplink/v1/updates",
  directiveReports: "/uplink/v1/directive-reports",
  profile: "/uplink/v1/profile",
} as const;

/** `Authorization: City <cityId>:<secret>`: the city's backend, never one of its operators. */
export const CITY_AUTH_SCHEME = "City";

/** The roles a backend runs in: a city's own centre, or the province's above the cities. */
export const BACKEND_ROLES = ["city", "province"] as const;
export const BackendRoleSchema = z.enum(BACKEND_ROLES);
export type BackendRole = z.infer<typeof BackendRoleSchema>;

export const UPLINK_LIMITS = {
  /** Escalations one uplink request carries: the outbox drains in batches, in order. */
  batch: 100,
  /** Updates one page carries back to a city. */
  updatesPage: 2000,
  secretChars: 200,
  /**
   * Items (escalations and directive reports) one city may send in a burst, and then each second: a
   * day's outage queues far fewer, and a city gone wrong cannot bury the province's queue.
   */
  itemsBurst: 5_000,
  itemsPerSecond: 500,
} as const;

export const CitySecretSchema = z.string().min(16).max(UPLINK_LIMITS.secretChars);

/** One escalation sent up; `key` names it for good (the province applies each key once). */
export const UplinkEscalationSchema = z.object({
  key: z.string().min(8).max(240),
  /** An alarm's or an incident's; absent from cities that escalated only alarms. */
  subject: EscalationSubjectSchema.default("alarm"),
  /** The summary of what was escalated (named for the alarm, as older messages are). */
  alarm: EscalatedAlarmSummarySchema,
  /** Its place among the alarm's (or incident's) escalations. */
  index: z.number().int().nonnegative().max(10_000),
  reason: z.string().min(1).max(2000),
  escalatedByName: z.string().max(200),
  escalatedAt: IsoTimeSchema,
  /** Cameras the city shares with this escalation; absent from cities that predate sharing. */
  cameraIds: SharedCameraIdsSchema.default([]),
});
export type UplinkEscalation = z.infer<typeof UplinkEscalationSchema>;

/** A batch: items stay `unknown` here so one malformed item is refused alone, never the ones after it. */
export const UplinkEscalationBatchSchema = z.object({ items: z.array(z.unknown()).min(1).max(UPLINK_LIMITS.batch) });

/** Per item, in the order sent: stored (now or before: a replay answers the same), or refused with why. */
export const UplinkItemAnswerSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), key: z.string(), receivedAt: IsoTimeSchema }),
  z.object({ ok: z.literal(false), key: z.string().nullable(), error: AppErrorSchema }),
]);
export type UplinkItemAnswer = z.infer<typeof UplinkItemAnswerSchema>;

export const UplinkBatchResponseSchema = resultSchema(z.object({ answers: z.array(UplinkItemAnswerSchema) }));
export type UplinkBatchResponse = z.infer<typeof UplinkBatchResponseSchema>;

/** What the province did for this city: acknowledged one of its escalations, or sent it a directive. */
export const UplinkUpdateSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("escalation_acknowledged"),
    key: z.string().min(8).max(240),
    acknowledgedByName: z.string().max(200),
    acknowledgedAt: IsoTimeSchema,
  }),
  z.object({ kind: z.literal("directive"), directive: DirectiveSchema }),
]);
export type UplinkUpdate = z.infer<typeof UplinkUpdateSchema>;

/** `GET updates?after=SEQ`: the city's updates after the province's change SEQ; `next` is the cursor to ask with next. */
export const UplinkUpdatesPageSchema = resultSchema(z.object({ updates: z.array(z.unknown()), next: z.number().int().nonnegative() }));

export const UplinkUpdatesQuerySchema = z.object({ after: z.coerce.number().int().nonnegative().default(0) });

/** A province's city, as configured there. */
export const ProvinceCitySchema = z.object({ id: CityIdSchema, name: z.string().min(1).max(200) });
export type ProvinceCity = z.infer<typeof ProvinceCitySchema>;

/**
 * One step of a directive at the city, reported up until the province confirms it. Each step
 * carries who and when of every step up to it: the province never shows "done" with no one named.
 */
export const DirectiveReportSchema = z
  .object({
    id: DirectiveIdSchema,
    state: DirectiveStateSchema.exclude(["sent"]),
    deliveredAt: IsoTimeSchema.nullable(),
    acknowledgedByName: z.string().max(200).nullable(),
    acknowledgedAt: IsoTimeSchema.nullable(),
    doneByName: z.string().max(200).nullable(),
    doneAt: IsoTimeSchema.nullable(),
    doneNote: z.string().max(2000).nullable(),
  })
  .superRefine((report, context) => {
    const rank = DIRECTIVE_STATE_RANK[report.state];
    const missing = (field: string) => context.addIssue({ code: "custom", path: [field], message: `a "${report.state}" report says ${field}` });
    if (rank >= DIRECTIVE_STATE_RANK.delivered && report.deliveredAt === null) missing("deliveredAt");
    if (rank >= DIRECTIVE_STATE_RANK.acknowledged && (report.acknowledgedAt === null || report.acknowledgedByName === null)) missing("acknowledgedAt");
    if (rank >= DIRECTIVE_STATE_RANK.done && (report.doneAt === null || report.doneByName === null || report.doneNote === null)) missing("doneAt");
  });
export type DirectiveReport = z.infer<typeof DirectiveReportSchema>;

/** Reports in a batch stay `unknown` so one malformed report is refused alone. */
export const DirectiveReportBatchSchema = z.object({ items: z.array(z.unknown()).min(1).max(UPLINK_LIMITS.batch) });

/**
 * One link between centres as a backend sees it, told to its consoles with each stream heartbeat:
 * at a city, its uplink to the province; at the province, each city's (up while its backend has been
 * heard from within LINK_SILENCE_MS).
 */
export const CentreLinkSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  state: z.enum(["connecting", "up", "down"]),
  /** Since when it is in that state (at a city) or when the city was last heard from (at the province). */
  since: IsoTimeSchema.nullable(),
});
export type CentreLink = z.infer<typeof CentreLinkSchema>;

/** The most links one heartbeat tells of: a province's cities. */
export const MAX_CENTRE_LINKS = 64;

/** A city's backend asks the province for updates every second or so: this long without a word, its link is down. */
export const LINK_SILENCE_MS = 15_000;

/** Pure: the province's view of its cities' links, from when each was last heard from. */
export function provinceLinks(cities: readonly ProvinceCity[], lastSeen: ReadonlyMap<string, number>, now: number): CentreLink[] {
  return cities.map((city) => {
    const seen = lastSeen.get(city.id);
    if (seen === undefined) return { id: city.id, name: city.name, state: "connecting", since: null };
    return { id: city.id, name: city.name, state: now - seen <= LINK_SILENCE_MS ? "up" : "down", since: new Date(seen).toISOString() };
  });
}
