import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import { WebSocket, WebSocketServer } from "ws";
import { BACKEND_PATHS, ChangesQuerySchema, StreamMessageSchema, type Change, type StreamMessage } from "../../shared/protocol/backend.js";
import { describeZodError } from "../../shared/result.js";
import type { BackendStore } from "../store/backend-store.js";
import { encodeStoredStreamChange } from "./encode-changes.js";

const StreamQuerySchema = ChangesQuerySchema.pick({ after: true });

const CATCH_UP_PAGE = 1000;
/** A client this far behind is cut off; it reconnects and resumes from its cursor. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface ChangeStreamOptions {
  server: Server;
  store: BackendStore;
  logger: Logger;
  heartbeatMs?: number;
}

export interface ChangeStream {
  clientCount(): number;
  close(): Promise<void>;
}

function encode(message: StreamMessage): string {
  // Validated against the contract like every other answer; cheap, since `change` is unknown there.
  return JSON.stringify(StreamMessageSchema.parse(message));
}

function rejectUpgrade(socket: Duplex, status: string, body: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * One console's subscription. It registers for live changes BEFORE reading the backlog and
 * holds live changes back until the backlog is sent, then drops any it already sent (by
 * seq): nothing committed in between can be missed or sent twice.
 */
class StreamSession {
  private lastSentSeq: number;
  private live = false;
  private held: Change[] = [];
  alive = true;

  constructor(
    readonly ws: WebSocket,
    after: number,
  ) {
    this.lastSentSeq = after;
  }

  get isLive(): boolean {
    return this.live;
  }

  /** Live changes, with their encoded message shared between sessions. */
  offer(changes: readonly Change[], encoded: readonly string[]): void {
    if (!this.live) {
      this.held.push(...changes);
      return;
    }
    changes.forEach((change, i) => {
      const text = encoded[i];
      if (change.seq > this.lastSentSeq && text !== undefined) this.send(text, change.seq);
    });
  }

  /** `currentHead` is the store's head as the hub last saw it: equal to what we sent, unless the client's cursor is ahead of this backend (a reset database), which it must be told. */
  async catchUp(store: BackendStore, currentHead: () => number): Promise<void> {
    for (;;) {
      const page = await store.changesAfter(this.lastSentSeq, CATCH_UP_PAGE);
      if (this.ws.readyState !== WebSocket.OPEN) return;
      for (const change of page) this.send(encodeStoredStreamChange(change), change.seq);
      if (page.length < CATCH_UP_PAGE) break;
    }
    // Synchronous from here: no commit can slip between draining and going live.
    for (const change of this.held) {
      if (change.seq > this.lastSentSeq) this.send(encode({ type: "change", change }), change.seq);
    }
    this.held = [];
    this.ws.send(encode({ type: "ready", headSeq: currentHead() }));
    this.live = true;
  }

  heartbeat(headSeq: number): void {
    this.ws.send(encode({ type: "heartbeat", serverTime: new Date().toISOString(), headSeq }));
  }

  private send(text: string, seq: number): void {
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.close(1013, "Too far behind: reconnect and resume from your cursor.");
      return;
    }
    this.ws.send(text);
    this.lastSentSeq = seq;
  }
}

/** GET /api/v1/stream?after=SEQ as a WebSocket on the HTTP server: catch-up, ready, live changes, heartbeats. */
export async function attachChangeStream(options: ChangeStreamOptions): Promise<ChangeStream> {
  const { server, store, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sessions = new Set<StreamSession>();
  let headSeq = await store.headSeq();

  const unsubscribe = store.onCommit((changes) => {
    headSeq = Math.max(headSeq, changes.at(-1)?.seq ?? 0);
    const encoded = changes.map((change) => encode({ type: "change", change }));
    for (const session of sessions) session.offer(changes, encoded);
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== BACKEND_PATHS.stream) {
      rejectUpgrade(socket, "404 Not Found", JSON.stringify({ ok: false, error: { kind: "not_found", message: `No WebSocket at ${url.pathname}.` } }));
      return;
    }
    const query = StreamQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      const message = `Malformed stream query: ${describeZodError(query.error)}`;
      rejectUpgrade(socket, "400 Bad Request", JSON.stringify({ ok: false, error: { kind: "invalid_request", message } }));
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const session = new StreamSession(ws, query.data.after);
      sessions.add(session);
      ws.on("pong", () => {
        session.alive = true;
      });
      ws.on("close", () => sessions.delete(session));
      ws.on("error", (error) => logger.debug({ err: error }, "stream client error"));
      // Consoles only listen on this socket; anything they send is ignored.
      session.catchUp(store, () => headSeq).catch((error: unknown) => {
        logger.error({ err: error }, "stream catch-up failed");
        ws.close(1011, "Catch-up failed.");
      });
    });
  };
  server.on("upgrade", onUpgrade);

  const heartbeat = setInterval(() => {
    for (const session of sessions) {
      // A client that did not answer the last ping is gone (sleeping laptop, pulled cable).
      if (!session.alive) {
        session.ws.terminate();
        continue;
      }
      session.alive = false;
      session.ws.ping();
      if (session.isLive) session.heartbeat(headSeq);
    }
  }, options.heartbeatMs ?? 10_000);
  heartbeat.unref();

  return {
    clientCount: () => sessions.size,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      server.off("upgrade", onUpgrade);
      for (const session of sessions) session.ws.close(1001, "The backend is shutting down.");
      // Do not wait out slow closing handshakes: give clients a moment, then cut.
      await new Promise((resolve) => setTimeout(resolve, sessions.size > 0 ? 100 : 0));
      for (const session of sessions) session.ws.terminate();
      sessions.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
