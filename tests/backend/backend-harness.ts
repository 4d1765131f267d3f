import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { startBackend, type BackendOptions, type RunningBackend } from "../../backend/app.js";
import { StreamMessageSchema, type StreamMessage } from "../../shared/protocol/backend.js";

export interface TestBackend {
  backend: RunningBackend;
  dataDir: string;
  get(path: string): Promise<{ status: number; body: unknown; headers: Headers }>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** A real backend on a random port with a fresh data directory; video and simulator timers off unless asked. */
export async function startTestBackend(overrides: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "ioc-backend-test-"));
  const backend = await startBackend({
    port: 0,
    dataDir,
    log: false,
    video: { enabled: false },
    simulator: { enabled: false },
    ...overrides,
  });
  const read = async (response: Response) => {
    const text = await response.text();
    return text === "" ? null : (JSON.parse(text) as unknown);
  };
  return {
    backend,
    dataDir,
    get: async (path) => {
      const response = await fetch(`${backend.url}${path}`);
      return { status: response.status, headers: response.headers, body: await read(response) };
    },
    post: async (path, body) => {
      const response = await fetch(`${backend.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
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

  constructor(url: string) {
    this.ws = new WebSocket(url);
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
