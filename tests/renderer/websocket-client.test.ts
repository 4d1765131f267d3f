import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LinkState } from "../../renderer/src/api/console-client.js";
import { WebSocketConsoleClient, type SocketLike } from "../../renderer/src/api/websocket-client.js";
import { alarm } from "./fixtures.js";

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((ev: Event) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  sent: { id: number; request: { type: string } }[] = [];

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === "string" ? message : JSON.stringify(message) } as MessageEvent);
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; request: { type: string } });
  }
  close(): void {
    this.readyState = 3;
  }
}

describe("WebSocketConsoleClient's page secret", () => {
  it("after a handshake that never opened, asks for a fresh secret and offers it on the next try", async () => {
    vi.useFakeTimers();
    const offered: string[][] = [];
    const sockets: FakeSocket[] = [];
    let renewals = 0;
    const client = new WebSocketConsoleClient({
      url: "ws://core/console-api",
      random: () => 0.5,
      protocols: ["ioc-console.old"],
      renewProtocols: async () => {
        renewals += 1;
        return ["ioc-console.fresh"];
      },
      createSocket: (_url, protocols) => {
        offered.push([...protocols]);
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
    });
    // Refused: the restarted core does not know the old secret.
    sockets[0]!.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewals).toBe(1);
    expect(offered[1]).toEqual(["ioc-console.fresh"]);
    // A link that opened and then dropped keeps its secret.
    sockets[1]!.open();
    sockets[1]!.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewals).toBe(1);
    expect(offered[2]).toEqual(["ioc-console.fresh"]);
    client.close();
    vi.useRealTimers();
  });
});

describe("WebSocketConsoleClient", () => {
  let sockets: FakeSocket[];
  let client: WebSocketConsoleClient;
  const links: LinkState[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    links.length = 0;
    client = new WebSocketConsoleClient({
      url: "ws://core/console-api",
      random: () => 0.5,
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
    });
    client.onConnection((state) => links.push(state));
  });

  afterEach(() => {
    client.close();
    vi.useRealTimers();
  });

  it("answers a request with its validated response, matched by id", async () => {
    sockets[0]!.open();
    const pending = client.request({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } } });
    const sent = sockets[0]!.sent[0]!;
    expect(sent.request).toEqual({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } } });
    sockets[0]!.receive({ kind: "response", id: sent.id, result: { ok: true, value: { kind: "alarm", entity: alarm({ state: "acknowledged" }) } } });
    const result = await pending;
    expect(result.ok && result.value.kind === "alarm" && result.value.entity.state).toBe("acknowledged");
  });

  it("fails a request at once with offline when not connected", async () => {
    const result = await client.request({ type: "snapshot" });
    expect(result).toMatchObject({ ok: false, error: { kind: "offline" } });
  });

  it("fails pending requests with offline when the socket drops, then reconnects with backoff", async () => {
    sockets[0]!.open();
    const pending = client.request({ type: "snapshot" });
    sockets[0]!.drop();
    expect(await pending).toMatchObject({ ok: false, error: { kind: "offline" } });
    expect(links).toEqual(["connecting", "open", "closed"]);

    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    sockets[2]!.open();
    expect(links.at(-1)).toBe("open");
  });

  it("reports a malformed response as a problem and fails its request with backend_error", async () => {
    const problems: string[] = [];
    client.onProblem((p) => problems.push(p.message));
    sockets[0]!.open();
    const pending = client.request({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } } });
    sockets[0]!.receive({ kind: "response", id: sockets[0]!.sent[0]!.id, result: { ok: true, value: { id: "alm-1" } } });
    expect(await pending).toMatchObject({ ok: false, error: { kind: "backend_error" } });

    sockets[0]!.receive("not json at all");
    expect(problems.some((m) => m.includes("not JSON"))).toBe(true);
  });

  it("emits valid events and never throws on bad ones", () => {
    const events: string[] = [];
    const problems: string[] = [];
    client.onEvent((e) => events.push(e.type));
    client.onProblem((p) => problems.push(p.message));
    sockets[0]!.open();
    sockets[0]!.receive({ kind: "event", event: { type: "changed", alarms: [alarm()] } });
    sockets[0]!.receive({ kind: "event", event: { type: "status", status: { state: "weird" } } });
    expect(events).toEqual(["changed"]);
    expect(problems).toHaveLength(1);
  });

  it("times out a request the core never answers", async () => {
    sockets[0]!.open();
    const pending = client.request({ type: "snapshot" });
    vi.advanceTimersByTime(20_000);
    expect(await pending).toMatchObject({ ok: false, error: { kind: "offline" } });
  });
});
