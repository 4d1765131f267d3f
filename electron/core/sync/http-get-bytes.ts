import http from "node:http";
import https from "node:https";

export type BytesAnswer = { ok: true; status: number; body: Buffer } | { ok: false; reason: string };

/**
 * A GET whose whole body is wanted as bytes. Catch-up pages (tens of megabytes in a first sync)
 * come this way rather than through fetch: fetch hands the body over as a web stream, chunk by
 * chunk through promises, which cost the decoding thread twice the CPU of node:http here.
 * Keep-alive comes from Node's global agents.
 */
export function httpGetBytes(url: URL, timeoutMs: number, headers: Readonly<Record<string, string>> = {}): Promise<BytesAnswer> {
  return new Promise((resolve) => {
    const get = url.protocol === "https:" ? https.get : http.get;
    let settled = false;
    const settle = (answer: BytesAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const request = get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => settle({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on("error", (e) => settle({ ok: false, reason: reasonOf(e) }));
      response.on("aborted", () => settle({ ok: false, reason: "the answer broke off" }));
    });
    const timer = setTimeout(() => {
      settle({ ok: false, reason: "no answer in time" });
      request.destroy();
    }, timeoutMs);
    request.on("error", (e) => settle({ ok: false, reason: reasonOf(e) }));
  });
}

function reasonOf(e: Error): string {
  const code = (e as Error & { code?: unknown }).code;
  return typeof code === "string" ? code : e.message;
}
