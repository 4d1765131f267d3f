import type { AddressInfo } from "node:net";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { TlsMaterial } from "../hls/tls-certificate.js";
import type { SessionAuthority } from "../auth/session-authority.js";
import { registerStreamAuthentication } from "./authenticate.js";
import { registerCors } from "./cors.js";
import { registerErrorHandlers } from "./error-handlers.js";
import { registerHlsRoutes, type HlsRouteDeps } from "./hls-routes.js";

export interface StreamServer {
  /** https://host:port: the base of the cameras' stream URLs. */
  url: string;
  close(): Promise<void>;
}

/**
 * The cameras' HLS over HTTP/2 + TLS on its own port. Browsers open at most 6 HTTP/1.1
 * connections per host, so a 25-tile wall over a slow link queues playlist and segment requests
 * behind each other and stalls; over HTTP/2 they share one connection as parallel streams.
 * HTTP/1.1 is still accepted (ALPN) for clients without HTTP/2.
 */
export interface StreamServerOptions {
  host: string;
  port: number;
  urlHost: string;
  tls: TlsMaterial;
  logger: FastifyBaseLogger;
  hls: HlsRouteDeps;
  authority: SessionAuthority;
  consoleOrigins: readonly string[];
}

export async function startStreamServer(options: StreamServerOptions): Promise<StreamServer> {
  const app = Fastify({
    http2: true,
    https: { allowHTTP1: true, key: options.tls.key, cert: options.tls.cert },
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
  // The routes only use what HTTP/1 and HTTP/2 requests have in common (params, headers, send).
  const routes = app as unknown as FastifyInstance;
  registerErrorHandlers(routes);
  registerCors(routes, options.consoleOrigins);
  registerStreamAuthentication(routes, options.authority);
  // Lets the console page see each request's protocol (h2) and timings in the Resource Timing API.
  routes.addHook("onRequest", async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin === "string" && options.consoleOrigins.includes(origin)) reply.header("Timing-Allow-Origin", origin);
  });
  registerHlsRoutes(routes, options.hls);
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address() as AddressInfo;
  return { url: `https://${options.urlHost}:${address.port}`, close: () => app.close() };
}
