import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const CORS_PREFIXES = ["/api/", "/hls/"];

/**
 * Lets a console page served from another origin (another loopback port, a file) call the
 * API and play HLS. Everything here is read-only or guarded by operator ids, so `*` is fine.
 */
export function registerCors(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    if (!CORS_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return;
    reply.header("Access-Control-Allow-Origin", "*");
    reply.header("Access-Control-Expose-Headers", "Content-Length, Content-Type, Retry-After");
  });
  const preflight = async (request: FastifyRequest, reply: FastifyReply) => {
    const requested = request.headers["access-control-request-headers"];
    reply
      .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
      .header("Access-Control-Allow-Headers", typeof requested === "string" ? requested : "Content-Type")
      .header("Access-Control-Max-Age", "600");
    // Chrome's Private Network Access asks before a public page may reach loopback.
    if (request.headers["access-control-request-private-network"] === "true") reply.header("Access-Control-Allow-Private-Network", "true");
    return reply.code(204).send();
  };
  app.options("/api/*", preflight);
  app.options("/hls/*", preflight);
}
