import type { IncomingMessage, Server } from "node:http";
import type { Server as TlsServer } from "node:https";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import { WebSocket, WebSocketServer } from "ws";
import { BACKEND_PATHS, ChangesQuerySchema, SESSION_ENDED_CLOSE_CODE, StreamMessageSchema, type Change, type StreamMessage } from "../../shared/protocol/backend.js";
import { describeZodError } from "../../shared/result.js";
import type { SessionAuthority } from "../auth/session-authority.js";
import { bearerToken } from "../auth/tokens.js";
import type { BackendStore } from "../store/backend-store.js";
import type { CentreLink } from "../../shared/protocol/province.js";
import { encodeStoredStreamChange } from "./encode-changes.js";

const StreamQuerySchema = ChangesQuerySchema.pick({ after: true });

const CATCH_UP_PAGE = 1000;
/** A client this far behind is cut off; it reconnects and resumes from its cursor. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface ChangeStreamOptions {
  server: Server | TlsServer;
  store: BackendStore;
  logger: Logger;
  authority: SessionAuthority;
  /** Browser origins allowed to open the stream; requests without an Origin (consoles' cores) pass. */
  allowedOrigins: readonly string[];
  heartbeatMs?: number;
  /** The links between centres, told with each heartbeat, and at once when one changes state. */
  links?: () => CentreLink[];
  /** How often the links are looked at for a change of state (default every second). */
  linkWatchMs?: number;
  /** Most streams at once, and per session (a console holds one; reconnects overlap briefly). */
  maxClients?: number;
  maxPerSession?: number;
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
    readonly sessionId: string,
    readonly token: string,
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

  heartbeat(headSeq: number, links: CentreLink[]): void {
    this.ws.send(encode({ type: "heartbeat", serverTime: new Date().toISOString(), headSeq, links }));
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
  const { server, store, logger, authority } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sessions = new Set<StreamSession>();
  let headSeq = await store.headSeq();

  const unsubscribe = store.onCommit((changes) => {
    headSeq = Math.max(headSeq, changes.at(-1)?.seq ?? 0);
    const encoded = changes.map((change) => encode({ type: "change", change }));
    for (const session of sessions) session.offer(changes, encoded);
  });

  const allowedOrigins = new Set(options.allowedOrigins);
  const maxClients = options.maxClients ?? 1000;
  const maxPerSession = options.maxPerSession ?? 4;
  const refuse = (socket: Duplex, status: string, kind: string, message: string) => rejectUpgrade(socket, status, JSON.stringify({ ok: false, error: { kind, message } }));

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== BACKEND_PATHS.stream) {
      refuse(socket, "404 Not Found", "not_found", `No WebSocket at ${url.pathname}.`);
      return;
    }
    // A browser always says where the page came from; only configured consoles may listen.
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      refuse(socket, "403 Forbidden", "forbidden", "This origin is not a configured console.");
      return;
    }
    const query = StreamQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      refuse(socket, "400 Bad Request", "invalid_request", `Malformed stream query: ${describeZodError(query.error)}`);
      return;
    }
    const token = bearerToken(request.headers.authorization);
    if (token === null) {
      refuse(socket, "401 Unauthorized", "unauthenticated", "The change stream needs a session: sign in first.");
      return;
    }
    if (sessions.size >= maxClients) {
      refuse(socket, "503 Service Unavailable", "offline", "Too many consoles are listening; try again shortly.");
      return;
    }
    authority.authenticate(token, new Date()).then(
      (checked) => {
        if (!checked.ok) return refuse(socket, "401 Unauthorized", checked.error.kind, checked.error.message);
        if (checked.value.mustChangePassword) return refuse(socket, "403 Forbidden", "forbidden", "Signed in with a one-time password: choose a new password first.");
        const open = [...sessions].filter((s) => s.sessionId === checked.value.id);
        // The oldest of this session's streams gives way: a console that reconnects must not be locked out by its own ghost.
        if (open.length >= maxPerSession) open[0]?.ws.terminate();
        accept(request, socket, head, query.data.after, checked.value.id, token);
      },
      (error: unknown) => {
        logger.error({ err: error }, "stream authentication failed");
        refuse(socket, "500 Internal Server Error", "internal", "The backend could not check the session.");
      },
    );
  };

  const accept = (request: IncomingMessage, socket: Duplex, head: Buffer, after: number, sessionId: string, token: string): void => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      const session = new StreamSession(ws, after, sessionId, token);
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
  const stopListening = authority.onRevoked((ids) => {
    const ended = new Set(ids);
    for (const session of sessions) if (ended.has(session.sessionId)) session.ws.close(SESSION_ENDED_CLOSE_CODE, "The session has ended: sign in again.");
  });

  const heartbeat = setInterval(() => {
    const links = options.links?.() ?? [];
    for (const session of sessions) {
      // A client that did not answer the last ping is gone (sleeping laptop, pulled cable).
      if (!session.alive) {
        session.ws.terminate();
        continue;
      }
      session.alive = false;
      session.ws.ping();
      if (session.isLive) session.heartbeat(headSeq, links);
      // An open stream keeps its session from going idle, and ends with it (expiry, revocation).
      void authority.authenticate(session.token, new Date()).then(
        (checked) => {
          if (!checked.ok) session.ws.close(SESSION_ENDED_CLOSE_CODE, checked.error.message.slice(0, 120));
        },
        (error: unknown) => logger.error({ err: error }, "stream session check failed"),
      );
    }
  }, options.heartbeatMs ?? 10_000);
  heartbeat.unref();

  // An operator learns that a link between centres went down (or came back) within a second,
  // not at the next heartbeat.
  const linkStates = () => (options.links?.() ?? []).map((link) => `${link.id}:${link.state}`).join(",");
  let toldLinks = linkStates();
  const linkWatch = setInterval(() => {
    const states = linkStates();
    if (states === toldLinks) return;
    toldLinks = states;
    const links = options.links?.() ?? [];
    for (const session of sessions) if (session.isLive) session.heartbeat(headSeq, links);
  }, options.linkWatchMs ?? 1000);
  linkWatch.unref();

  return {
    clientCount: () => sessions.size,
    close: async () => {
      clearInterval(heartbeat);
      clearInterval(linkWatch);
      unsubscribe();
      stopListening();
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
