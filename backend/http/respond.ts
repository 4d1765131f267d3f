import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { assertNever, describeZodError, type AppError, type ErrorKind } from "../../shared/result.js";

/** The HTTP status that goes with an error kind on plain endpoints (actions always answer 200). */
export function httpStatusFor(kind: ErrorKind): number {
  switch (kind) {
    case "invalid_request":
      return 400;
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "rate_limited":
      return 429;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "protocol_mismatch":
      return 426;
    case "internal":
      return 500;
    case "backend_error":
      return 502;
    case "offline":
      return 503;
    case "storage_full":
      return 507;
    default:
      return assertNever(kind);
  }
}

export function sendError(reply: FastifyReply, error: AppError, status = httpStatusFor(error.kind)): FastifyReply {
  return reply.code(status).send({ ok: false, error });
}

/** Checks our own answer against the contract before it leaves: a mismatch is our bug, reported as such. */
export function sendValidated(reply: FastifyReply, schema: z.ZodType, value: unknown, status = 200): FastifyReply {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    reply.log.error({ issues: parsed.error.issues }, "response does not match its schema");
    return sendError(reply, { kind: "internal", message: `The backend built a malformed response: ${describeZodError(parsed.error)}` });
  }
  return reply.code(status).send(parsed.data);
}
