import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import { provinceEscalationId, ProvinceEscalationSchema } from "../../shared/domain/province.js";
import { DirectiveSchema } from "../../shared/domain/directive.js";
import { applyDirectiveReport } from "./receive-directive-report.js";
import {
  DirectiveReportBatchSchema,
  UPLINK_LIMITS,
  UPLINK_PATHS,
  UplinkBatchResponseSchema,
  UplinkEscalationBatchSchema,
  UplinkEscalationSchema,
  UplinkItemAnswerSchema,
  UplinkUpdatesPageSchema,
  UplinkUpdatesQuerySchema,
  type ProvinceCity,
  type UplinkItemAnswer,
  type UplinkUpdate,
} from "../../shared/protocol/province.js";
import { describeZodError, parseWith } from "../../shared/result.js";
import { CITY_URL_HEADER } from "../../shared/protocol/camera-share.js";
import { requestHash } from "../actions/request-hash.js";
import type { BackendStore } from "../store/backend-store.js";
import { sendError, sendValidated } from "../http/respond.js";
import type { CityCredentials } from "./city-credentials.js";
import { cityActorId, receiveEscalation } from "./receive-escalation.js";
import { registerCityProfileRoute } from "./receive-city-profile.js";
import { routePath } from "../http/route-path.js";
import { TokenBuckets } from "../../shared/token-bucket.js";

const verifiedCity = new WeakMap<FastifyRequest, ProvinceCity>();

function cityOf(request: FastifyRequest): ProvinceCity {
  const city = verifiedCity.get(request);
  if (city === undefined) throw new Error(`No verified city on ${request.method} ${request.url}`);
  return city;
}

/**
 * The province's side of the city links (`/uplink/`): only cities' backends, with their own
 * credentials, never an operator's session and never a browser (a request with an Origin is refused).
 */
export function registerUplinkRoutes(
  app: FastifyInstance,
  store: BackendStore,
  credentials: CityCredentials,
  onCitySeen: (cityId: string) => void,
  /** The address a verified city announces for shared cameras (CITY_URL_HEADER), as sent. */
  onCityAddress: (cityId: string, announced: string | string[] | undefined) => void = () => undefined,
  itemRate: { burst: number; perSecond: number } = { burst: UPLINK_LIMITS.itemsBurst, perSecond: UPLINK_LIMITS.itemsPerSecond },
): void {
  const items = new TokenBuckets(itemRate.burst, itemRate.perSecond);
  app.addHook("onRequest", async (request, reply) => {
    if (!routePath(request).startsWith("/uplink/")) return;
    if (request.headers.origin !== undefined) return sendError(reply, { kind: "forbidden", message: "The city link is for city backends, not browsers." });
    const city = await credentials.verify(request.headers.authorization);
    if (!city.ok) {
      request.log.warn({ city: request.headers.authorization?.split(":")[0]?.slice(5) }, "city link refused: wrong credentials");
      return sendError(reply, city.error);
    }
    verifiedCity.set(request, city.value);
    onCitySeen(city.value.id);
    onCityAddress(city.value.id, request.headers[CITY_URL_HEADER]);
  });

  /**
   * A city's batch: each item taken in order and answered alone (a malformed one refused with its
   * error, never blocking the ones after it).
   */
  const batchRoute = (path: string, schema: z.ZodType<{ items: unknown[] }>, what: string, takeOne: (city: ProvinceCity, raw: unknown) => Promise<UplinkItemAnswer>) =>
    app.post(path, async (request, reply) => {
      const city = cityOf(request);
      const batch = parseWith(schema, request.body, what);
      if (!batch.ok) return sendError(reply, batch.error);
      // The whole batch waits (the city backs off and sends it again): refusing items one by one would refuse them for good.
      if (!items.take(city.id, batch.value.items.length, Date.now())) {
        return sendError(reply, { kind: "rate_limited", message: `${city.name} sends more than ${itemRate.perSecond} items a second: the rest are taken shortly.` });
      }
      const answers: UplinkItemAnswer[] = [];
      for (const raw of batch.value.items) answers.push(await takeOne(city, raw));
      return sendValidated(reply, UplinkBatchResponseSchema, { ok: true, value: { answers } });
    });

  batchRoute(UPLINK_PATHS.escalations, UplinkEscalationBatchSchema, "escalation batch", (city, raw) => receiveOne(store, city, raw));
  batchRoute(UPLINK_PATHS.directiveReports, DirectiveReportBatchSchema, "directive reports", (city, raw) => applyDirectiveReport(store, city, raw));
  registerCityProfileRoute(app, store, cityOf);

  app.get(UPLINK_PATHS.updates, async (request, reply) => {
    const city = cityOf(request);
    const query = parseWith(UplinkUpdatesQuerySchema, request.query, "updates query");
    if (!query.ok) return sendError(reply, query.error);
    const rows = await store.changesAfter(query.value.after, UPLINK_LIMITS.updatesPage);
    const updates: UplinkUpdate[] = [];
    for (const row of rows) {
      if (row.entity === "directive" && row.dataJson !== null) {
        const directive = DirectiveSchema.safeParse(JSON.parse(row.dataJson));
        if (directive.success && directive.data.cityId === city.id) updates.push({ kind: "directive", directive: directive.data });
        continue;
      }
      if (row.entity !== "escalation" || row.dataJson === null) continue;
      const escalation = ProvinceEscalationSchema.safeParse(JSON.parse(row.dataJson));
      if (!escalation.success || escalation.data.cityId !== city.id || escalation.data.state !== "acknowledged") continue;
      const { acknowledgedByName, acknowledgedAt } = escalation.data;
      if (acknowledgedAt === null) continue;
      updates.push({ kind: "escalation_acknowledged", key: escalation.data.id, acknowledgedByName: acknowledgedByName ?? "?", acknowledgedAt });
    }
    const next = rows.at(-1)?.seq ?? query.value.after;
    return sendValidated(reply, UplinkUpdatesPageSchema, { ok: true, value: { updates, next } });
  });
}

async function receiveOne(store: BackendStore, city: ProvinceCity, raw: unknown): Promise<UplinkItemAnswer> {
  const at = new Date().toISOString();
  const rawKey = typeof raw === "object" && raw !== null && "key" in raw && typeof raw.key === "string" ? raw.key.slice(0, 240) : null;
  const parsed = UplinkEscalationSchema.safeParse(raw);
  const expectedKey = parsed.success ? provinceEscalationId(city.id, parsed.data.alarm.id, parsed.data.index) : null;
  if (!parsed.success || parsed.data.key !== expectedKey) {
    const message = parsed.success ? `The key of an escalation is <city>~<alarm>~<n> (${expectedKey ?? "?"}), not ${parsed.data.key}.` : `Malformed escalation: ${describeZodError(parsed.error)}`;
    // Refused and kept in the audit trail with why; the items after it are still taken.
    await store.commit([], [{ at, operatorId: cityActorId(city.id), action: "escalation_received", targetKind: "escalation", targetId: rawKey, outcome: "rejected", detail: { error: "invalid_request", message } }]);
    return { ok: false, key: rawKey, error: { kind: "invalid_request", message } };
  }
  const item = parsed.data;
  const identity = { idempotencyKey: item.key, escalation: item.key };
  const result = await store.applyOnce({
    operatorId: cityActorId(city.id),
    idempotencyKey: item.key,
    // Bound to the escalation it names, not to the alarm's summary: a resend after a restart may carry a newer one.
    requestHash: requestHash(identity),
    at,
    reads: [{ kind: "escalation", id: item.key }],
    decide: ([existing = null]) => receiveEscalation(city, item, existing, at),
  });
  const answer = UplinkItemAnswerSchema.safeParse(result.response);
  return answer.success ? answer.data : { ok: false, key: item.key, error: { kind: "internal", message: "The stored answer to this escalation is malformed." } };
}
