import { SLOW_REQUEST_TIMEOUT_MS, type ConsoleEvent, type ConsoleRequestType, type ConsoleResponse, type RequestOf } from "../../../shared/protocol/console-api.js";
import type { ClientMessage } from "../../../shared/protocol/wire.js";
import { assertNever, err, type Result } from "../../../shared/result.js";
import { backoffDelayMs, RECONNECT_BACKOFF } from "../../../shared/backoff.js";
import type { ClientProblem, ConsoleClient, LinkState } from "./console-client.js";
import { Listeners } from "./listeners.js";
import { validateResponse, type UncheckedResult } from "./parse-response.js";
import { interpretServerFrame } from "./parse-server-message.js";

/** The subset of the browser WebSocket the client uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface WebSocketClientOptions {
  url: string;
  /** Offered in the handshake: the page secret (see PAGE_SECRET_PROTOCOL_PREFIX). */
  protocols?: readonly string[];
  /**
   * A fresh page secret after a handshake that never opened: a core that restarted forgot the
   * secrets it issued, and a window left open on a wall must come back by itself. Null: keep the old.
   */
  renewProtocols?: () => Promise<readonly string[] | null>;
  /** A request with no answer by then fails as offline: the core is gone or wedged. */
  requestTimeoutMs?: number;
  createSocket?: (url: string, protocols: readonly string[]) => SocketLike;
  random?: () => number;
}

const OPEN = 1;

interface Pending {
  settle: (result: UncheckedResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class WebSocketConsoleClient implements ConsoleClient {
  readonly transport = "websocket" as const;
  readonly endpoint: string;

  private readonly createSocket: (url: string, protocols: readonly string[]) => SocketLike;
  private protocols: readonly string[];
  private readonly renewProtocols: (() => Promise<readonly string[] | null>) | null;
  /** The last socket closed before it opened: the next attempt asks for a fresh page secret first. */
  private refusedLast = false;
  private readonly random: () => number;
  private readonly requestTimeoutMs: number;
  private readonly events = new Listeners<ConsoleEvent>();
  private readonly links = new Listeners<LinkState>();
  private readonly problems = new Listeners<ClientProblem>();
  private readonly pending = new Map<number, Pending>();
  private socket: SocketLike | null = null;
  private link: LinkState = "connecting";
  private everOpened = false;
  private attempt = 0;
  private nextId = 1;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private closedByUs = false;

  constructor(options: WebSocketClientOptions) {
    this.endpoint = options.url;
    this.protocols = options.protocols ?? [];
    this.renewProtocols = options.renewProtocols ?? null;
    this.createSocket = options.createSocket ?? ((url, protocols) => new WebSocket(url, [...protocols]));
    this.random = options.random ?? Math.random;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
    this.connect();
  }

  request<T extends ConsoleRequestType>(req: RequestOf<T>): Promise<Result<ConsoleResponse<T>>> {
    const socket = this.socket;
    if (socket === null || socket.readyState !== OPEN || this.link !== "open") {
      return Promise.resolve(err("offline", "Not connected to the console core"));
    }
    const id = this.nextId++;
    const waitMs = SLOW_REQUEST_TIMEOUT_MS[req.type] ?? this.requestTimeoutMs;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(err("offline", `No answer from the console core to ${req.type} within ${Math.round(waitMs / 1000)} s`));
      }, waitMs);
      this.pending.set(id, {
        timer,
        settle: (result) => resolve(validateResponse(req.type, result)),
      });
      const message: ClientMessage = { kind: "request", id, request: req };
      try {
        socket.send(JSON.stringify(message));
      } catch (error) {
        this.settle(id, { ok: false, error: { kind: "offline", message: `Could not send: ${String(error)}` } });
      }
    });
  }

  onEvent(listener: (event: ConsoleEvent) => void): () => void {
    return this.events.add(listener);
  }

  onConnection(listener: (state: LinkState) => void): () => void {
    const off = this.links.add(listener);
    listener(this.link);
    return off;
  }

  onProblem(listener: (problem: ClientProblem) => void): () => void {
    return this.problems.add(listener);
  }

  close(): void {
    this.closedByUs = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.failPending("Console client closed");
    this.socket?.close(1000, "closing");
    this.socket = null;
    this.events.clear();
    this.links.clear();
    this.problems.clear();
  }

  private connect(): void {
    this.reconnectTimer = null;
    if (!this.everOpened) this.setLink("connecting");
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.endpoint, this.protocols);
    } catch (error) {
      this.report(`Cannot open ${this.endpoint}: ${String(error)}`);
      this.setLink("closed");
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      opened = true;
      this.attempt = 0;
      this.everOpened = true;
      this.setLink("open");
    };
    socket.onmessage = (ev) => {
      if (this.socket === socket) this.handleFrame(ev.data);
    };
    // An error is always followed by close; reconnecting is done there only.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending("Connection to the console core was lost");
      this.setLink("closed");
      this.refusedLast = !opened;
      if (!this.closedByUs) this.scheduleReconnect();
    };
  }

  private async renewThenConnect(): Promise<void> {
    if (this.refusedLast && this.renewProtocols !== null) {
      const renewed = await this.renewProtocols().catch(() => null);
      if (this.closedByUs) return;
      if (renewed !== null) this.protocols = renewed;
    }
    this.connect();
  }

  private scheduleReconnect(): void {
    if (this.closedByUs || this.reconnectTimer !== null) return;
    const delay = backoffDelayMs(this.attempt, RECONNECT_BACKOFF, this.random());
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => void this.renewThenConnect(), delay);
  }

  private handleFrame(raw: unknown): void {
    const frame = interpretServerFrame(raw);
    switch (frame.kind) {
      case "response":
        this.settle(frame.id, frame.result);
        return;
      case "event":
        for (const message of frame.problems) this.report(message);
        if (frame.event !== null) this.events.emit(frame.event);
        return;
      case "error":
        this.report(`${frame.error.kind}: ${frame.error.message}`);
        return;
      case "malformed":
        this.report(frame.message);
        if (frame.id !== null) {
          this.settle(frame.id, { ok: false, error: { kind: "backend_error", message: frame.message } });
        }
        return;
      default:
        assertNever(frame);
    }
  }

  private settle(id: number, result: UncheckedResult): void {
    const entry = this.pending.get(id);
    if (entry === undefined) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.settle(result);
  }

  private failPending(message: string): void {
    for (const id of [...this.pending.keys()]) {
      this.settle(id, { ok: false, error: { kind: "offline", message } });
    }
  }

  private setLink(state: LinkState): void {
    if (this.link === state) return;
    this.link = state;
    this.links.emit(state);
  }

  private report(message: string): void {
    this.problems.emit({ source: "console-api", message });
  }
}
