import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { ESCALATION_SUBJECTS, type EscalationSubject } from "../../shared/domain/escalation.js";
import { PROVINCE_AUTH_SCHEME, SHARE_PATHS, SHARE_TOKEN_CLOCK_SKEW_MS, SHARE_TOKEN_CONTEXT, SHARE_TOKEN_TTL_MS } from "../../shared/protocol/camera-share.js";
import { registerHlsRoutes, type HlsRouteDeps } from "../http/hls-routes.js";
import { sendError } from "../http/respond.js";
import type { BackendStore } from "../store/backend-store.js";
import { citySharesOf, ShareIndex } from "./share-plan.js";
import { escalatedRecord } from "./uplink-plan.js";
import { SHARE_WINDOW_MS } from "../../shared/domain/shared-cameras.js";
import { routePath } from "../http/route-path.js";

/**
 * The credential the province's backend shows a city when it fetches a shared camera: derived from
 * the city's link secret (both ends hold it), distinct from it so it cannot be replayed up the link
 * as the city, never an operator's token, and good only until `expiresAtMs` (whole seconds).
 */
export function provinceShareToken(citySecret: string, expiresAtMs: number): string {
  const expiry = String(Math.floor(expiresAtMs / 1000));
  return `${expiry}.${createHmac("sha256", citySecret).update(`${SHARE_TOKEN_CONTEXT}\n${expiry}`, "utf8").digest("hex")}`;
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Pure but for the clock it is given: whether `given` (the whole Authorization header) is a
 * credential the province made with this secret that has not expired, nor expires further ahead
 * than the province ever makes one (so a stolen one is worth a minute, not a year).
 */
export function shareCredentialValid(citySecret: string, given: string | undefined, nowMs: number): boolean {
  if (given === undefined || given.length > 300) return false;
  const match = new RegExp(`^${PROVINCE_AUTH_SCHEME} (\\d{1,12})\\.[0-9a-f]{64}$`).exec(given);
  if (match === null) return false;
  const expiresAtMs = Number(match[1]) * 1000;
  if (expiresAtMs <= nowMs - SHARE_TOKEN_CLOCK_SKEW_MS || expiresAtMs > nowMs + SHARE_TOKEN_TTL_MS + SHARE_TOKEN_CLOCK_SKEW_MS) return false;
  return timingSafeEqual(digest(given), digest(`${PROVINCE_AUTH_SCHEME} ${provinceShareToken(citySecret, expiresAtMs)}`));
}

/** The shared cameras of the city's alarms and incidents, found in the store at start and followed through its commits. */
async function followShares(store: BackendStore): Promise<{ index: ShareIndex; close: () => void }> {
  const index = new ShareIndex();
  const take = (kind: EscalationSubject, data: unknown) => {
    const record = escalatedRecord(kind, data);
    return record === null ? [] : citySharesOf(record);
  };
  const close = store.onCommit((changes) => {
    for (const change of changes) if (change.entity === "alarm" || change.entity === "incident") index.set(`${change.entity}:${change.id}`, change.op === "upsert" ? take(change.entity, change.data) : []);
  });
  for (const kind of ESCALATION_SUBJECTS) {
    for (const data of await store.listEntities(kind)) {
      const id = typeof data === "object" && data !== null && "id" in data && typeof data.id === "string" ? data.id : null;
      if (id !== null) index.set(`${kind}:${id}`, take(kind, data));
    }
  }
  return { index, close };
}

/**
 * A city's side of the province's camera proxy (`/share/v1/hls/<camera>/…`): the province's backend
 * only (its share token; a browser, with an Origin, is refused), and only the cameras this city
 * shared in one of its own escalations, while that escalation shares them (see citySharesOf).
 */
export async function registerCityShareRoutes(app: FastifyInstance, deps: { store: BackendStore; secret: string; hls: HlsRouteDeps }): Promise<() => void> {
  const shares = await followShares(deps.store);
  app.addHook("onRequest", async (request, reply) => {
    if (!routePath(request).startsWith(`${SHARE_PATHS.city}/`)) return;
    if (request.headers.origin !== undefined) return sendError(reply, { kind: "forbidden", message: "Shared cameras are served to the province's backend, not to browsers." });
    if (!shareCredentialValid(deps.secret, request.headers.authorization, Date.now())) {
      return sendError(reply, { kind: "unauthenticated", message: `Shared cameras need the province's current credential: Authorization: ${PROVINCE_AUTH_SCHEME} <expiry>.<mac>.` });
    }
  });
  registerHlsRoutes(app, deps.hls, {
    prefix: SHARE_PATHS.city,
    refuse: (cameraId) =>
      shares.index.isShared(cameraId, Date.now())
        ? null
        : { kind: "forbidden", message: `Camera ${cameraId} is not shared with the province: no open escalation of this city (alarm unresolved, incident not closed) from the last ${SHARE_WINDOW_MS / 3_600_000} hours shares it.` },
  });
  return shares.close;
}
