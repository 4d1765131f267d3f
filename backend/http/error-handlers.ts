import type { FastifyInstance } from "fastify";
import { isStorageFull } from "../../shared/storage-full.js";
import { sendError } from "./respond.js";

/** What a console is told when the backend's store has no room: its action stays queued there. */
const STORE_FULL_MESSAGE =
  "The central backend's disk is full: nothing was written. Reads still work; consoles keep their actions queued and send them again once an administrator frees space.";

/**
 * JSON bodies, where an empty body counts as no body (`POST /api/v1/sim/alarms` with
 * Content-Type: application/json and nothing else means "one alarm"). Plain JSON.parse:
 * handlers only ever pass the result through zod, which builds fresh objects.
 */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      done(Object.assign(new Error(`Body is not valid JSON: ${message}`), { statusCode: 400 }), undefined);
    }
  });
}

/** Fastify's own failures (bad JSON, wrong content type, body too large, unknown route) in our error shape. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const status = typeof error === "object" && error !== null && "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
    const message = error instanceof Error ? error.message : String(error);
    if (status >= 400 && status < 500) {
      return sendError(reply, { kind: "invalid_request", message: `Malformed request: ${message}` }, status === 413 ? 413 : 400);
    }
    if (isStorageFull(error)) {
      request.log.error({ url: request.url }, "the store is full: a write was refused");
      return sendError(reply, { kind: "storage_full", message: STORE_FULL_MESSAGE });
    }
    request.log.error({ err: error, url: request.url }, "request failed");
    return sendError(reply, { kind: "internal", message: "The backend failed to handle this request; the details are in its log." }, 500);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, { kind: "not_found", message: `Nothing at ${request.method} ${request.url.split("?")[0]}.` }));
}
