import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { startBackend, type BackendOptions, type RunningBackend } from "../../backend/app.js";
import { StreamMessageSchema, type StreamMessage } from "../../shared/protocol/backend.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";

export interface TestBackend {
  backend: RunningBackend;
  dataDir: string;
  /** In `as`'s session (default the supervisor sup-01); `as: null` sends no credentials. */
  get(path: string, as?: string | null): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** In `as`'s session (default whoever the body says acted, else sup-01); `as: null` sends no credentials. */
  post(path: string, body: unknown, as?: string | null): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/**
 * A real demo backend (known operators and passwords, simulator controls on) on a random port with
 * a fresh data directory; video and simulator timers off unless asked. Calls go through real sessions.
 */
export async function startTestBackend(overrides: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "ioc-backend-test-"));
  const backend = await startBackend({
    port: 0,
    dataDir,
    log: false,
    video: { enabled: false },
    simulator: { enabled: false },
    demo: true,
    simulatorApi: true,
    ...overrides,
  });
  const read = async (response: Response) => {
    const text = await response.text();
    return text === "" ? null : (JSON.parse(text) as unknown);
  };
  return {
    backend,
    dataDir,
    get: async (path, as) => {
      const url = `${backend.url}${path}`;
      const response = as === null ? await fetch(url) : await backendFetch(url, {}, as);
      return { status: response.status, headers: response.headers, body: await read(response) };
    },
    post: async (path, body, as) => {
      const url = `${backend.url}${path}`;
      const init = { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) };
      const response = as === null ? await fetch(url, init) : await backendFetch(url, init, as);
      return { status: response.status, body: await read(response) };
    },
    stop: async () => {
      await backend.close();
      if (overrides.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A stream client that records every message and can wait for one matching a predicate. */
export class StreamClient {
  readonly messages: StreamMessage[] = [];
  private waiters: Array<{ test: (m: StreamMessage) => boolean; resolve: (m: StreamMessage) => void }> = [];
  readonly ws: WebSocket;

  /** `token`: the session's bearer token (see sessionOf); without one the backend refuses the stream. */
  constructor(url: string, token?: string) {
    this.ws = new WebSocket(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    this.ws.on("message", (data) => {
      const message = StreamMessageSchema.parse(JSON.parse(String(data)));
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  waitFor(test: (m: StreamMessage) => boolean, timeoutMs = 5000): Promise<StreamMessage> {
    const already = this.messages.find(test);
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching stream message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}

export function newKey(): string {
  return `test-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
}
