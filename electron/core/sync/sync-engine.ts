import WebSocket from "ws";
import { SESSION_ENDED_CLOSE_CODE, StreamMessageSchema } from "../../../shared/protocol/backend.js";
import type { ConnectionState, SyncProblem } from "../../../shared/protocol/console-api.js";
import type { BackendRole, CentreLink } from "../../../shared/protocol/province.js";
import { describeZodError } from "../../../shared/result.js";
import { isStorageFull } from "../../../shared/storage-full.js";
import type { CacheStore } from "../cache/cache-store.js";
import type { BackendClient } from "./backend-client.js";
import { BACKEND_RECONNECT_BACKOFF, backoffDelayMs } from "../../../shared/backoff.js";
import { changesFromRows, encodeValidated, type EncodedBatch } from "./decoded-page.js";
import type { PageSource } from "./page-source.js";
import { validateChanges, type ValidChange } from "./validate-changes.js";

export interface SyncEngineEvents {
  onApplied(changes: readonly ValidChange[]): void;
  /** Many changes were written at once; their details are in the cache. */
  onBulkApplied(count: number): void;
  onProblems(problems: readonly SyncProblem[]): void;
  onState(state: ConnectionState, detail: { lastError: string | null; headSeq: number | null }): void;
  /** The backend said its role (a city's centre or the province's) in its hello. */
  onCentre?(role: BackendRole): void;
  /** The links between centres as the backend told them with its heartbeat. */
  onLinks?(links: CentreLink[]): void;
  /** Called each time the link is up and caught up: time to drain the outbox. */
  onOnline(): void;
}

export interface SyncEngineOptions {
  store: CacheStore;
  client: BackendClient;
  /** Catch-up pages, decoded (in a worker thread when the core runs in one). */
  pages: PageSource;
  events: SyncEngineEvents;
  pageSize?: number;
  random?: () => number;
  /** Why there is no session to sync in, in one sentence (signed out, offline sign-in, ended). */
  noSessionReason?: (backendReachable: boolean) => string;
}

const HEARTBEAT_TIMEOUT_MS = 30_000;
/** Catch-up pages larger than this reach the renderers as "reload", not item by item. */
const DETAIL_LIMIT = 200;

/**
 * Pulls changes from the stored cursor, then follows the live stream. Each page (and each burst
 * of live changes) is applied in one transaction together with the new cursor. On any failure it
 * backs off with jitter and resumes from the cursor; a gap in sequence numbers forces a re-pull.
 */
export class SyncEngine {
  private running = false;
  private attempt = 0;
  private socket: WebSocket | null = null;
  private wakeUp: (() => void) | null = null;
  private headSeq: number | null = null;
  private lastError: string | null = null;
  private skipNextWait = false;

  constructor(private readonly options: SyncEngineOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.socket?.terminate();
    this.wakeUp?.();
  }

  /** Skip the current back-off wait (e.g. the operator pressed "retry now"). */
  retryNow(): void {
    this.wakeUp?.();
  }

  /** Drop the live stream and start over now: the session changed (signed in, out, another operator). */
  reconnect(): void {
    this.attempt = 0;
    this.socket?.terminate();
    // Asked between two waits (a cycle still running): the next wait must not happen at all.
    if (this.wakeUp === null) this.skipNextWait = true;
    this.wakeUp?.();
  }

  private setState(state: ConnectionState): void {
    this.options.events.onState(state, { lastError: this.lastError, headSeq: this.headSeq });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let reason: string;
      try {
        reason = await this.cycle();
      } catch (e) {
        // A bug or a closed cache must not become an unhandled rejection that kills the process.
        if (!this.running) break;
        reason = writeFailure(e);
      }
      if (!this.running) break;
      this.lastError = reason;
      this.setState("offline");
      await this.sleep(backoffDelayMs(this.attempt++, BACKEND_RECONNECT_BACKOFF, this.options.random?.()));
    }
  }

  /** One connect → catch up → follow cycle. Resolves with the reason it ended. */
  private async cycle(): Promise<string> {
    const { client } = this.options;
    // Nothing is read from the backend without a session; the cache still answers the screens.
    if (client.authHeaders() === null) {
      // Without a session only the health check may be asked: it tells whether the link (and its certificate) is good.
      const reachable = await client.reachable();
      const why = this.options.noSessionReason?.(reachable.ok) ?? "Nobody is signed in at this console: sign in to sync with the central backend.";
      return reachable.ok ? why : `${why} ${reachable.error.message}`;
    }
    this.setState("connecting");
    const hello = await client.hello();
    if (!this.running) return "stopped";
    if (!hello.ok) return hello.error.message;
    this.headSeq = hello.value.headSeq;
    this.options.events.onCentre?.(hello.value.role);
    this.setState("syncing");
    const pulled = await this.pullUntilCaughtUp();
    if (pulled !== null) return pulled;
    if (!this.running) return "stopped";
    return this.follow();
  }

  /**
   * Pages through the backlog. The next page is requested before the current one is applied, so
   * the page source (a worker of its own when the core runs in one) fetches and checks page n+1
   * while this thread writes page n.
   */
  private async pullUntilCaughtUp(): Promise<string | null> {
    const { store, pages } = this.options;
    const pageSize = this.options.pageSize ?? 1000;
    let next = pages.fetch(store.getCursor(), pageSize);
    for (;;) {
      const page = await next;
      if (!this.running) return "stopped";
      if (!page.ok) return page.error.message;
      this.headSeq = page.value.headSeq;
      if (page.value.hasMore) next = pages.fetch(Math.max(store.getCursor(), page.value.maxSeq ?? 0), pageSize);
      this.applyEncoded(page.value, "catch-up");
      if (!page.value.hasMore) return null;
      this.setState("syncing");
    }
  }

  /** Live changes arrive a few at a time and are validated here. */
  private applyBatch(raw: readonly unknown[]): void {
    if (raw.length === 0) return;
    this.applyEncoded(encodeValidated(validateChanges(raw)), "live");
  }

  private applyEncoded(batch: EncodedBatch, from: "catch-up" | "live"): void {
    const { store, events } = this.options;
    if (batch.rows.length === 0 && batch.quarantined.length === 0) return;
    const cursor = Math.max(store.getCursor(), batch.maxSeq ?? 0);
    const problems = store.applyChanges(batch.rows, batch.quarantined, cursor, new Date().toISOString());
    // Renderers are sent the details of live changes and of a small catch-up page; of a large page
    // (a first sync, a long outage) only that much changed, and they reload once rather than take
    // 1,000 items per page. Live bursts keep their details: a flood must stay incremental on screen.
    if (from === "catch-up" && batch.rows.length > DETAIL_LIMIT) events.onBulkApplied(batch.rows.length);
    else if (batch.rows.length > 0) events.onApplied(changesFromRows(batch.rows));
    if (problems.length > 0) events.onProblems(problems);
  }

  private follow(): Promise<string> {
    const { client, store } = this.options;
    return new Promise<string>((resolve) => {
      const headers = client.authHeaders() ?? {};
      const socket = new WebSocket(client.streamUrl(store.getCursor()), { handshakeTimeout: 8_000, headers, ...(client.agent ? { agent: client.agent } : {}) });
      this.socket = socket;
      let queue: unknown[] = [];
      let flushScheduled = false;
      let ended = false;
      let watchdog: NodeJS.Timeout | null = null;

      const end = (reason: string) => {
        if (ended) return;
        ended = true;
        if (watchdog) clearTimeout(watchdog);
        this.socket = null;
        socket.removeAllListeners();
        socket.on("error", () => undefined);
        socket.terminate();
        resolve(reason);
      };
      const armWatchdog = () => {
        if (watchdog) clearTimeout(watchdog);
        watchdog = setTimeout(() => end("The live stream from the backend went silent."), HEARTBEAT_TIMEOUT_MS);
      };

      // Changes arriving in one burst are applied in one transaction.
      const flush = () => {
        flushScheduled = false;
        const items = queue;
        queue = [];
        const inOrder: unknown[] = [];
        let expected = store.getCursor() + 1;
        for (const item of items) {
          const seq = (item as { seq?: unknown } | null)?.seq;
          if (typeof seq === "number") {
            if (seq < expected) continue; // already have it (catch-up overlap)
            if (seq > expected) {
              this.applyBatch(inOrder);
              end(`Gap in the change sequence (expected ${expected}, got ${seq}); pulling again.`);
              return;
            }
            expected = seq + 1;
          }
          inOrder.push(item);
        }
        this.applyBatch(inOrder);
      };

      socket.on("open", armWatchdog);
      socket.on("message", (data) => {
        try {
          onMessage(data);
        } catch (e) {
          end(writeFailure(e));
        }
      });
      const onMessage = (data: WebSocket.RawData) => {
        armWatchdog();
        let json: unknown;
        try {
          json = JSON.parse(data.toString());
        } catch {
          this.options.events.onProblems([store.addProblem("stream", "A live-stream message from the backend is not JSON.", data.toString().slice(0, 2000))]);
          return;
        }
        const message = StreamMessageSchema.safeParse(json);
        if (!message.success) {
          this.options.events.onProblems([
            store.addProblem("stream", `Malformed live-stream message: ${describeZodError(message.error)}`, JSON.stringify(json).slice(0, 2000)),
          ]);
          return;
        }
        switch (message.data.type) {
          case "change":
            queue.push(message.data.change);
            if (!flushScheduled) {
              flushScheduled = true;
              setImmediate(() => {
                if (ended) return;
                // A write that fails here (a full disk) ends the stream instead of the process: the
                // cycle backs off and pulls again from the cursor, which did not move.
                try {
                  flush();
                } catch (e) {
                  end(writeFailure(e));
                }
              });
            }
            break;
          case "ready":
          case "heartbeat":
            this.headSeq = message.data.headSeq;
            if (message.data.type === "heartbeat") this.options.events.onLinks?.(message.data.links);
            if (message.data.type === "ready") {
              this.attempt = 0;
              this.lastError = null;
              this.setState("online");
              this.options.events.onOnline();
            }
            break;
        }
      };
      socket.on("unexpected-response", (_request, response) => {
        if (response.statusCode === 401) client.sessionEnded(headers.authorization);
        end(`The backend refused the live stream (HTTP ${response.statusCode ?? "?"}).`);
      });
      socket.on("close", (code) => {
        if (code === SESSION_ENDED_CLOSE_CODE) client.sessionEnded(headers.authorization);
        end(code === SESSION_ENDED_CLOSE_CODE ? "The session has ended: sign in again." : "The live stream from the backend closed.");
      });
      socket.on("error", (e) => end(`Live stream error: ${e.message}`));
    });
  }

  private sleep(ms: number): Promise<void> {
    if (this.skipNextWait) {
      this.skipNextWait = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }
}

/** Why a cycle ended on an exception, in one sentence: a full disk is the operator's to hear of, anything else a failure. */
function writeFailure(e: unknown): string {
  if (isStorageFull(e)) return "This console's disk is full: new changes from the backend cannot be kept until space is freed (what is here stays on screen).";
  return `Sync failed: ${e instanceof Error ? e.message : String(e)}`;
}
