import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { ClientMessageSchema, CONSOLE_WS_PATH, PAGE_SECRET_META, PAGE_SECRET_PROTOCOL_PREFIX, type ServerMessage } from "../../shared/protocol/wire.js";
import { describeZodError } from "../../shared/result.js";
import { MessageRates } from "./message-rates.js";
import type { ConsolePort } from "../core/console-port.js";
import { contentSecurityPolicy } from "../../shared/security/content-security-policy.js";
import { allowedHosts, PageSecrets, socketRefusal, withPageSecret } from "./page-secrets.js";

export interface ConsoleWebServerOptions {
  service: ConsolePort;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port: number;
  host?: string;
  backendUrl: string;
}

export interface RunningConsoleWebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;
/** A workstation has a few windows; more sockets than this is something else. */
const MAX_SOCKETS = 64;

function refuseUpgrade(socket: Duplex, status: string, message: string): void {
  const body = JSON.stringify({ ok: false, error: { kind: "forbidden", message } });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * Serves the built renderer and the console API (WebSocket) to browsers: the workstation's windows,
 * wall displays, tests. Only a page it served (its Origin, its Host, its page secret) may open
 * the API: everything the API can do, that page's operator can do.
 */
export async function startConsoleWebServer(options: ConsoleWebServerOptions): Promise<RunningConsoleWebServer> {
  const indexPath = join(options.rendererDir, "index.html");
  if (!existsSync(indexPath)) {
    throw new Error(`The renderer is not built (${options.rendererDir} is missing): run "npm run build:renderer" first.`);
  }
  const indexHtml = readFileSync(indexPath, "utf8");
  const secrets = new PageSecrets();
  const app: FastifyInstance = Fastify({ logger: false });
  const csp = contentSecurityPolicy(options.backendUrl);
  app.addHook("onSend", async (_request, reply) => {
    reply.header("Content-Security-Policy", csp);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
  });
  // Every page gets its own secret, so the page itself is never cached.
  const sendPage = (reply: FastifyReply) =>
    reply.type("text/html; charset=utf-8").header("Cache-Control", "no-store").send(withPageSecret(indexHtml, PAGE_SECRET_META, secrets.issue(Date.now())));
  app.get("/", async (_request, reply) => sendPage(reply));
  app.get("/index.html", async (_request, reply) => sendPage(reply));
  await app.register(fastifyStatic, { root: options.rendererDir, index: false });
  app.get("/healthz", async () => ({ ok: true, status: options.service.getStatus() }));

  const host = options.host ?? "127.0.0.1";
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // The page secret came as a subprotocol; the handshake must name one the page offered.
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(PAGE_SECRET_PROTOCOL_PREFIX)) ?? false,
  });
  const rates = new MessageRates(MAX_SOCKETS * 2);
  let socketCount = 0;
  wss.on("connection", (socket: WebSocket) => serveSocket(socket, options.service, rates, `socket-${socketCount++}`));

  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const hosts = allowedHosts(host, port);

  app.server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== CONSOLE_WS_PATH) {
      socket.destroy();
      return;
    }
    if (wss.clients.size >= MAX_SOCKETS) {
      refuseUpgrade(socket, "503 Service Unavailable", "Too many windows are connected to this console.");
      return;
    }
    const offered = request.headers["sec-websocket-protocol"];
    const refusal = socketRefusal(
      { host: request.headers.host, origin: request.headers.origin, protocols: typeof offered === "string" ? offered.split(",").map((p) => p.trim()) : [] },
      hosts,
      (secret) => secrets.accept(secret, Date.now()),
      PAGE_SECRET_PROTOCOL_PREFIX,
    );
    if (refusal !== null) {
      refuseUpgrade(socket, "403 Forbidden", refusal);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  });

  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await app.close();
    },
  };
}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function serveSocket(socket: WebSocket, service: ConsolePort, rates: MessageRates, key: string): void {
  const unsubscribe = service.onEvent((event) => send(socket, { kind: "event", event }));
  const done = () => {
    unsubscribe();
    rates.forget(key);
  };
  socket.on("close", done);
  socket.on("error", done);
  socket.on("message", (data) => {
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      send(socket, { kind: "error", error: { kind: "invalid_request", message: "A console API message is not JSON." } });
      return;
    }
    const envelope = ClientMessageSchema.safeParse(json);
    if (!envelope.success) {
      send(socket, { kind: "error", error: { kind: "invalid_request", message: `Malformed console API message: ${describeZodError(envelope.error)}` } });
      return;
    }
    const { id, request } = envelope.data;
    if (!rates.take(key, request, Date.now())) {
      send(socket, { kind: "response", id, result: { ok: false, error: { kind: "rate_limited", message: "Too many console API messages from this window: slow down." } } });
      return;
    }
    void service.handle(request).then((result) => send(socket, { kind: "response", id, result }));
  });
}
