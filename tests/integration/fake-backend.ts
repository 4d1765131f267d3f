import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { PROTOCOL_VERSION } from "../../shared/protocol/backend.js";

function changeLines(page: { changes: unknown[]; headSeq: number; hasMore: boolean }): string {
  const lines = [JSON.stringify({ headSeq: page.headSeq, hasMore: page.hasMore })];
  for (const item of page.changes) {
    if (item !== null && typeof item === "object" && "data" in item) {
      const { data, ...envelope } = item as { data: unknown };
      lines.push(`${JSON.stringify(envelope)}\t${JSON.stringify(data) ?? "null"}`);
    } else lines.push(JSON.stringify(item) ?? "undefined");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A scriptable stand-in for the central backend, to feed the console exactly the broken
 * answers a real backend must never send (the real one is tested against the console elsewhere).
 */
export class FakeBackend {
  changes: unknown[] = [];
  headSeq = 0;
  helloStatus = 200;
  /** Holds each changes page back this long (a slow link). */
  changesDelayMs = 0;
  helloBody: unknown = null;
  actionAnswer: (body: unknown) => { status: number; body: unknown } = () => ({ status: 503, body: {} });
  readonly actionBodies: unknown[] = [];
  /** Every changes page asked for, in order. */
  readonly changeRequests: { after: number; limit: number }[] = [];
  private server: Server;
  private wss = new WebSocketServer({ noServer: true });
  readonly sockets = new Set<WebSocket>();
  url = "";

  constructor() {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(typeof body === "string" ? body : JSON.stringify(body));
      };
      // A demo sign-in that always succeeds: this fake tests what the console does with malformed data, not sessions.
      if (url.pathname === "/api/v1/sign-in" && req.method === "POST") {
        return json(200, {
          operator: { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" },
          session: { token: "t".repeat(43), streamToken: "s".repeat(43), sessionId: "ses-fake", expiresAt: new Date(Date.now() + 3_600_000).toISOString(), idleTimeoutMs: 1_800_000, mustChangePassword: false },
        });
      }
      if (url.pathname === "/api/v1/hello") {
        return json(this.helloStatus, this.helloBody ?? { backendName: "fake", protocolVersion: PROTOCOL_VERSION, minProtocolVersion: PROTOCOL_VERSION, serverTime: new Date().toISOString(), headSeq: this.headSeq });
      }
      if (url.pathname === "/api/v1/changes") {
        const after = Number(url.searchParams.get("after") ?? 0);
        const limit = Number(url.searchParams.get("limit") ?? 1000);
        this.changeRequests.push({ after, limit });
        const rest = this.changes.filter((c) => ((c as { seq?: number }).seq ?? Number.MAX_SAFE_INTEGER) > after);
        const page = { changes: rest.slice(0, limit), headSeq: this.headSeq, hasMore: rest.length > limit };
        // The console asks for change lines (CHANGE_LINES_CONTENT_TYPE); garbage items become garbage lines.
        const body = url.searchParams.get("format") === "lines" ? changeLines(page) : page;
        if (this.changesDelayMs > 0) return void setTimeout(() => json(200, body), this.changesDelayMs);
        return json(200, body);
      }
      if ((url.pathname === "/api/v1/actions" || url.pathname === "/api/v1/actions/batch") && req.method === "POST") {
        let body = "";
        req.on("data", (c: Buffer) => (body += c.toString()));
        req.on("end", () => {
          const parsed: unknown = JSON.parse(body);
          this.actionBodies.push(parsed);
          const answer = this.actionAnswer(parsed);
          json(answer.status, answer.body);
        });
        return;
      }
      json(404, { error: "not found" });
    });
    this.server.on("upgrade", (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.sockets.add(ws);
        ws.on("close", () => this.sockets.delete(ws));
        ws.send(JSON.stringify({ type: "ready", headSeq: this.headSeq }));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Sends raw text to every live-stream client. */
  push(raw: string): void {
    for (const s of this.sockets) s.send(raw);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
