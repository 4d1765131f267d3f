import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { ClientMessageSchema, CONSOLE_WS_PATH, type ServerMessage } from "../../shared/protocol/wire.js";
import { describeZodError } from "../../shared/result.js";
import type { ConsolePort } from "../core/console-port.js";
import { contentSecurityPolicy } from "./content-security-policy.js";

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

/** Serves the built renderer and the console API (WebSocket) to browsers: wall displays, thin clients, tests. */
export async function startConsoleWebServer(options: ConsoleWebServerOptions): Promise<RunningConsoleWebServer> {
  if (!existsSync(options.rendererDir)) {
    throw new Error(`The renderer is not built (${options.rendererDir} is missing): run "npm run build:renderer" first.`);
  }
  const app: FastifyInstance = Fastify({ logger: false });
  const csp = contentSecurityPolicy(options.backendUrl);
  app.addHook("onSend", async (_request, reply) => {
    reply.header("Content-Security-Policy", csp);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
  });
  await app.register(fastifyStatic, { root: options.rendererDir, index: "index.html" });
  app.get("/healthz", async () => ({ ok: true, status: options.service.getStatus() }));

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on("connection", (socket) => serveSocket(socket, options.service));
  app.server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== CONSOLE_WS_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  });

  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
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

function serveSocket(socket: WebSocket, service: ConsolePort): void {
  const unsubscribe = service.onEvent((event) => send(socket, { kind: "event", event }));
  socket.on("close", unsubscribe);
  socket.on("error", unsubscribe);
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
    void service.handle(request).then((result) => send(socket, { kind: "response", id, result }));
  });
}
