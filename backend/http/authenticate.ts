import type { FastifyInstance, FastifyRequest } from "fastify";
import type { OperatorRole } from "../../shared/domain/operator.js";
import { SESSION_PATHS, STREAM_TOKEN_PARAM } from "../../shared/protocol/session.js";
import { err, type AppError, type Result } from "../../shared/result.js";
import type { AuthSession, SessionAuthority } from "../auth/session-authority.js";
import { bearerToken } from "../auth/tokens.js";
import { sendError } from "./respond.js";
import { routePath } from "./route-path.js";

/** The only API paths answered without a session. */
const PUBLIC_PATHS: ReadonlySet<string> = new Set([SESSION_PATHS.signIn, SESSION_PATHS.health]);
/** What a session signed in with a one-time password may do: replace it, or leave. */
const ONE_TIME_PASSWORD_PATHS: ReadonlySet<string> = new Set([SESSION_PATHS.password, SESSION_PATHS.signOut]);

const verified = new WeakMap<FastifyRequest, AuthSession>();

/**
 * Every /api/ route but sign-in and health needs `Authorization: Bearer <token>` of a live
 * session; every /hls/ request needs the session's stream token (`?st=`). Routes read the
 * acting operator with `sessionOf(request)`.
 */
export function registerAuthentication(app: FastifyInstance, authority: SessionAuthority): void {
  app.addHook("onRequest", async (request, reply) => {
    const path = routePath(request);
    if (request.method === "OPTIONS") return;
    if (path.startsWith("/hls/")) {
      const checked = await streamSession(authority, request);
      if (!checked.ok) return sendError(reply, checked.error);
      verified.set(request, checked.value);
      return;
    }
    if (!path.startsWith("/api/") || PUBLIC_PATHS.has(path)) return;
    const token = bearerToken(request.headers.authorization);
    if (token === null) return sendError(reply, { kind: "unauthenticated", message: "This call needs a session: sign in first." });
    const checked = await authority.authenticate(token, new Date());
    if (!checked.ok) return sendError(reply, checked.error);
    if (checked.value.mustChangePassword && !ONE_TIME_PASSWORD_PATHS.has(path)) {
      return sendError(reply, { kind: "forbidden", message: "Signed in with a one-time password: choose a new password first." });
    }
    verified.set(request, checked.value);
  });
}

/** Only the HLS routes of a stream server (no API there). */
export function registerStreamAuthentication(app: FastifyInstance, authority: SessionAuthority): void {
  app.addHook("onRequest", async (request, reply) => {
    if (request.method === "OPTIONS" || !routePath(request).startsWith("/hls/")) return;
    const checked = await streamSession(authority, request);
    if (!checked.ok) return sendError(reply, checked.error);
    verified.set(request, checked.value);
  });
}

async function streamSession(authority: SessionAuthority, request: FastifyRequest): Promise<Result<AuthSession>> {
  const query = request.query as Record<string, unknown> | undefined;
  const token = query?.[STREAM_TOKEN_PARAM];
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{32,200}$/.test(token)) {
    return err("unauthenticated", "Camera streams need the stream token of a signed-in session.");
  }
  const checked = await authority.authenticateStream(token, new Date());
  if (checked.ok && checked.value.mustChangePassword) return err("forbidden", "Signed in with a one-time password: choose a new password before watching cameras.");
  return checked;
}

/** The session the hook verified; a route reached without one is a wiring bug. */
export function sessionOf(request: FastifyRequest): AuthSession {
  const session = verified.get(request);
  if (session === undefined) throw new Error(`No verified session on ${request.method} ${request.url}`);
  return session;
}

/** Null when the session's role may do `what`, else the refusal to send. */
export function roleRefusal(session: AuthSession, roles: readonly OperatorRole[], what: string): AppError | null {
  if (roles.includes(session.operator.role)) return null;
  return { kind: "forbidden", message: `${session.operator.name} is signed in as ${session.operator.role}; ${what} needs ${roles.join(" or ")}.` };
}

/** Roles that may change the city's records (alarms, incidents, handovers). */
export const ACTING_ROLES: readonly OperatorRole[] = ["operator", "supervisor"];
