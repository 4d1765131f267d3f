import type { FastifyInstance, FastifyReply } from "fastify";
import type { Logger } from "pino";
import { ProvinceEscalationSchema } from "../../shared/domain/province.js";
import { SHARE_WINDOW_MS } from "../../shared/domain/shared-cameras.js";
import {
  CityUrlSchema,
  PROVINCE_AUTH_SCHEME,
  ProvinceShareParamsSchema,
  rewriteSharedPlaylist,
  SHARE_LIMITS,
  SHARE_PATHS,
  SHARE_TOKEN_TTL_MS,
  SHARED_CAMERA_ROLES,
} from "../../shared/protocol/camera-share.js";
import { AppErrorSchema, parseWith, type AppError } from "../../shared/result.js";
import { roleRefusal, sessionOf } from "../http/authenticate.js";
import { sendError } from "../http/respond.js";
import type { BackendStore } from "../store/backend-store.js";
import type { CityAccount } from "./city-credentials.js";
import { provinceShareToken } from "./camera-share-city.js";
import { provinceShareKey, provinceSharesOf, ShareIndex } from "./share-plan.js";

interface ProxiedCity {
  name: string;
  /** The city's link secret: each fetch carries a credential made from it for that moment. */
  secret: string;
  /** Where its backend said it can be reached, over its authenticated uplink; null until it has. */
  url: string | null;
}

export interface ProvinceShareProxy {
  /** A city's announced address, read from its authenticated uplink request. */
  announce(cityId: string, announced: string | string[] | undefined): void;
  close(): void;
}

type Fetched = { ok: true; status: number; contentType: string; body: Buffer } | { ok: false; error: AppError };

/** The city's answer, read up to `cap` bytes within the deadline, or why not. */
async function fetchCapped(url: URL, token: string, cap: number, cityName: string): Promise<Fetched> {
  try {
    const response = await fetch(url, { headers: { authorization: `${PROVINCE_AUTH_SCHEME} ${token}` }, redirect: "error", signal: AbortSignal.timeout(SHARE_LIMITS.timeoutMs) });
    const declared = Number(response.headers.get("content-length") ?? "0");
    const tooBig: Fetched = { ok: false, error: { kind: "backend_error", message: `${cityName}'s answer is bigger than ${cap} bytes: refused.` } };
    if (declared > cap) {
      await response.body?.cancel();
      return tooBig;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (response.body !== null) {
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > cap) return tooBig;
        chunks.push(Buffer.from(chunk));
      }
    }
    return { ok: true, status: response.status, contentType: response.headers.get("content-type") ?? "", body: Buffer.concat(chunks) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, error: { kind: "offline", message: timedOut ? `${cityName}'s backend did not answer within ${SHARE_LIMITS.timeoutMs / 1000} s.` : `${cityName}'s backend cannot be reached.` } };
  }
}

/** A city's refusal, passed on with the city named; its own 401 (the province's credential) is the province's problem, not the operator's session. */
function cityRefusal(reply: FastifyReply, fetched: { status: number; body: Buffer }, cityName: string): FastifyReply {
  let error: AppError = { kind: "backend_error", message: `${cityName}'s backend answered ${fetched.status}.` };
  try {
    const parsed = AppErrorSchema.safeParse((JSON.parse(fetched.body.toString("utf8")) as { error?: unknown }).error);
    if (parsed.success) error = { kind: parsed.data.kind, message: `${cityName}: ${parsed.data.message.slice(0, 500)}` };
  } catch {
    // Not JSON: the generic sentence above.
  }
  if (fetched.status === 401) return sendError(reply, { kind: "backend_error", message: `${cityName} refused the province's credentials (${error.message}).` }, 502);
  if (fetched.status === 503) reply.header("Retry-After", "2");
  return sendError(reply, error, fetched.status >= 400 && fetched.status < 600 ? fetched.status : 502);
}

/**
 * The province's camera proxy (`/hls/cities/<city>/<camera>/…`): a province operator's stream
 * session (the /hls/ hook), a role that handles escalations, a configured console's Origin, a camera
 * shared in an escalation of that city that the province holds (within the share window), bounded
 * path segments. Then the same path is fetched from the city's backend as the province, with a
 * deadline and a size cap, playlists checked so every URI stays below the camera (so segments come
 * through here too).
 */
export async function registerProvinceShareProxy(
  app: FastifyInstance,
  deps: { store: BackendStore; cities: readonly CityAccount[]; consoleOrigins: readonly string[]; logger: Logger },
): Promise<ProvinceShareProxy> {
  const cities = new Map<string, ProxiedCity>(deps.cities.map((c) => [c.id, { name: c.name, secret: c.secret, url: null }]));
  const origins = new Set(deps.consoleOrigins);
  const index = new ShareIndex();
  const take = (id: string, data: unknown) => {
    const escalation = ProvinceEscalationSchema.safeParse(data);
    index.set(id, escalation.success ? provinceSharesOf(escalation.data) : []);
  };
  const close = deps.store.onCommit((changes) => {
    for (const change of changes) if (change.entity === "escalation") take(change.id, change.op === "upsert" ? change.data : null);
  });
  for (const data of await deps.store.listEntities("escalation")) {
    const escalation = ProvinceEscalationSchema.safeParse(data);
    if (escalation.success) index.set(escalation.data.id, provinceSharesOf(escalation.data));
  }

  app.get(`${SHARE_PATHS.province}/:cityId/:cameraId/*`, async (request, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin)) return sendError(reply, { kind: "forbidden", message: "This origin is not a configured console." });
    const refused = roleRefusal(sessionOf(request), SHARED_CAMERA_ROLES, "opening a city's shared camera");
    if (refused !== null) return sendError(reply, refused);
    const params = parseWith(ProvinceShareParamsSchema, request.params, "shared camera path");
    if (!params.ok) return sendError(reply, params.error);
    const { cityId, cameraId } = params.value;
    const path = params.value["*"];
    const city = cities.get(cityId);
    if (city === undefined) return sendError(reply, { kind: "not_found", message: `${cityId} is not a city of this province.` });
    if (!index.isShared(provinceShareKey(cityId, cameraId), Date.now())) {
      return sendError(reply, { kind: "forbidden", message: `${city.name} has not shared camera ${cameraId} in an escalation of the last ${SHARE_WINDOW_MS / 3_600_000} hours.` });
    }
    if (city.url === null) {
      reply.header("Retry-After", "2");
      return sendError(reply, { kind: "offline", message: `${city.name}'s backend has not linked up since the province started: its address is not known yet.` });
    }
    const isPlaylist = path.at(-1)?.endsWith(".m3u8") === true;
    const target = new URL(`${city.url.replace(/\/$/, "")}${SHARE_PATHS.city}/${cameraId}/${path.join("/")}`);
    const fetched = await fetchCapped(target, provinceShareToken(city.secret, Date.now() + SHARE_TOKEN_TTL_MS), isPlaylist ? SHARE_LIMITS.playlistBytes : SHARE_LIMITS.segmentBytes, city.name);
    if (!fetched.ok) {
      if (fetched.error.kind === "offline") reply.header("Retry-After", "2");
      return sendError(reply, fetched.error);
    }
    if (fetched.status !== 200) return cityRefusal(reply, fetched, city.name);
    if (!isPlaylist) return reply.header("Content-Type", "video/mp2t").header("Cache-Control", "private, max-age=60").send(fetched.body);
    const playlist = rewriteSharedPlaylist(fetched.body.toString("utf8"));
    if (!playlist.ok) {
      deps.logger.warn({ city: cityId, camera: cameraId, problem: playlist.error }, "shared camera: playlist refused");
      return sendError(reply, { kind: "backend_error", message: `${city.name}: ${playlist.error}` });
    }
    return reply.header("Content-Type", "application/vnd.apple.mpegurl").header("Cache-Control", "no-cache").send(playlist.value);
  });

  return {
    announce(cityId, announced) {
      const city = cities.get(cityId);
      if (city === undefined || announced === undefined) return;
      const url = CityUrlSchema.safeParse(Array.isArray(announced) ? announced[0] : announced);
      if (!url.success) {
        deps.logger.warn({ city: cityId }, "city link: the address the city announced is not a plain http(s) URL; ignored");
        return;
      }
      if (city.url !== url.data) deps.logger.info({ city: cityId, url: url.data }, "city link: the city's backend can be reached here for shared cameras");
      city.url = url.data;
    },
    close,
  };
}
