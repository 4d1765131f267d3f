import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { routePath } from "./route-path.js";

/**
 * Camera streams are the only thing a console page fetches from the backend itself (players
 * load HLS in the page; every API call goes through the console's core). So CORS answers only
 * /hls/, and only for the console origins this backend was configured with (the Electron
 * console's app://console and the browser consoles it serves). The API sends no CORS headers at
 * all, and no private-network opt-in: a page elsewhere cannot read anything from here.
 */
export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  const allowedOrigin = (request: FastifyRequest): string | null => {
    const origin = request.headers.origin;
    return typeof origin === "string" && allowed.has(origin) ? origin : null;
  };
  app.addHook("onRequest", async (request, reply) => {
    if (!routePath(request).startsWith("/hls/")) return;
    const origin = allowedOrigin(request);
    if (origin === null) return;
    reply.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
    reply.header("Access-Control-Expose-Headers", "Content-Length, Content-Type, Retry-After");
  });
  const preflight = async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = allowedOrigin(request);
    if (origin === null) return reply.code(403).send({ ok: false, error: { kind: "forbidden", message: "This origin is not a configured console." } });
    reply
      .header("Access-Control-Allow-Origin", origin)
      .header("Vary", "Origin")
      .header("Access-Control-Allow-Methods", "GET, OPTIONS")
      .header("Access-Control-Allow-Headers", "Content-Type")
      .header("Access-Control-Max-Age", "600");
    return reply.code(204).send();
  };
  app.options("/hls/*", preflight);
}
