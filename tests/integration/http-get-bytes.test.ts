import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpGetBytes } from "../../electron/core/sync/http-get-bytes.js";

let server: Server | null = null;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<URL> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/page`);
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

describe("whole-body GET for catch-up pages", () => {
  it("returns the body's bytes and the status, error statuses included", async () => {
    const body = Buffer.from("phường Nam Khê\n".repeat(50_000), "utf8");
    const url = await serve((req, res) => {
      if (req.url === "/page") res.end(body);
      else res.writeHead(404).end('{"error":"none"}');
    });
    const answer = await httpGetBytes(url, 5_000);
    expect(answer.ok && answer.status).toBe(200);
    expect(answer.ok && answer.body.equals(body)).toBe(true);
    const missing = await httpGetBytes(new URL("/other", url), 5_000);
    expect(missing.ok && missing.status).toBe(404);
    expect(missing.ok && missing.body.toString()).toBe('{"error":"none"}');
  });

  it("gives up on a backend that does not answer in time, and names a refused connection", async () => {
    const url = await serve(() => undefined);
    expect(await httpGetBytes(url, 200)).toEqual({ ok: false, reason: "no answer in time" });
    const port = url.port;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = null;
    expect(await httpGetBytes(new URL(`http://127.0.0.1:${port}/page`), 2_000)).toEqual({ ok: false, reason: "ECONNREFUSED" });
  });

  it("reports a body that breaks off midway", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "1000000" });
      res.write(Buffer.alloc(1000));
      setTimeout(() => res.destroy(), 20);
    });
    const answer = await httpGetBytes(url, 5_000);
    expect(answer.ok).toBe(false);
  });
});
