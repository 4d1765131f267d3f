import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdSchema } from "../../shared/limits.js";
import {
  ChangePasswordRequestSchema,
  ChangePasswordResponseSchema,
  HealthResponseSchema,
  RevokeResponseSchema,
  SESSION_PATHS,
  SessionListSchema,
  SignInRequestSchema,
  SignInResponseSchema,
  SignOutResponseSchema,
} from "../../shared/protocol/session.js";
import { parseWith } from "../../shared/result.js";
import type { SessionAuthority } from "../auth/session-authority.js";
import { sessionOf } from "./authenticate.js";
import { sendError, sendValidated } from "./respond.js";

/** Sign-in and sign-out, password change, and the supervisor's view of live sessions. */
export function registerSessionRoutes(app: FastifyInstance, authority: SessionAuthority): void {
  app.get(SESSION_PATHS.health, async (_request, reply) => sendValidated(reply, HealthResponseSchema, { ok: true }));

  app.post(SESSION_PATHS.signIn, async (request, reply) => {
    const body = parseWith(SignInRequestSchema, request.body, "sign-in request");
    if (!body.ok) return sendError(reply, body.error);
    const { operatorId, password, workstationId } = body.value;
    const signedIn = await authority.signIn(operatorId, password, workstationId, request.ip, new Date());
    if (!signedIn.ok) {
      const retryAfter = signedIn.error.detail?.["retryAfterMs"];
      if (typeof retryAfter === "number") reply.header("Retry-After", String(Math.ceil(retryAfter / 1000)));
      return sendError(reply, signedIn.error);
    }
    return sendValidated(reply, SignInResponseSchema, signedIn.value);
  });

  app.post(SESSION_PATHS.signOut, async (request, reply) => {
    await authority.signOut(sessionOf(request), new Date());
    return sendValidated(reply, SignOutResponseSchema, { signedOut: true });
  });

  app.post(SESSION_PATHS.password, async (request, reply) => {
    const body = parseWith(ChangePasswordRequestSchema, request.body, "password change");
    if (!body.ok) return sendError(reply, body.error);
    const changed = await authority.changePassword(sessionOf(request), body.value.currentPassword, body.value.newPassword, new Date());
    return changed.ok ? sendValidated(reply, ChangePasswordResponseSchema, changed.value) : sendError(reply, changed.error);
  });

  app.get(SESSION_PATHS.sessions, async (request, reply) => {
    const listed = await authority.list(sessionOf(request), new Date());
    return listed.ok ? sendValidated(reply, SessionListSchema, { sessions: listed.value }) : sendError(reply, listed.error);
  });

  app.post(`${SESSION_PATHS.sessions}/:id/revoke`, async (request, reply) => {
    const params = parseWith(z.object({ id: IdSchema }), request.params, "session id");
    if (!params.ok) return sendError(reply, params.error);
    const revoked = await authority.revoke(sessionOf(request), params.value.id, new Date());
    return revoked.ok ? sendValidated(reply, RevokeResponseSchema, revoked.value) : sendError(reply, revoked.error);
  });
}
