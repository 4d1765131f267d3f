import http from "node:http";
import https from "node:https";

export type BytesAnswer = { ok: true; status: number; body: Buffer } | { ok: false; reason: string };

export interface HttpRequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  headers?: Readonly<Record<string, string>>;
  body?: string;
  timeoutMs: number;
  /** For https: an agent that trusts the city's own CA (see backendAgent). */
  agent?: https.Agent;
}

/** Certificate refusals, said so that an operator knows what to configure. */
const CERTIFICATE_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_UNTRUSTED",
]);

/**
 * One request whose whole answer is wanted as bytes, over node:http(s). Catch-up pages (tens of
 * megabytes in a first sync) come this way rather than through fetch: fetch hands the body over
 * as a web stream, chunk by chunk through promises, which cost the decoding thread twice the CPU
 * of node:http here; and only node:https takes the city's own CA. Keep-alive comes from the agents.
 */
export function httpRequest(url: URL, options: HttpRequestOptions): Promise<BytesAnswer> {
  return new Promise((resolve) => {
    const secure = url.protocol === "https:";
    let settled = false;
    const settle = (answer: BytesAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const requestOptions = { method: options.method ?? "GET", headers: { ...options.headers }, ...(secure && options.agent ? { agent: options.agent } : {}) };
    const request = (secure ? https.request : http.request)(url, requestOptions, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => settle({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on("error", (e) => settle({ ok: false, reason: reasonOf(e) }));
      response.on("aborted", () => settle({ ok: false, reason: "the answer broke off" }));
    });
    const timer = setTimeout(() => {
      settle({ ok: false, reason: "no answer in time" });
      request.destroy();
    }, options.timeoutMs);
    request.on("error", (e) => settle({ ok: false, reason: reasonOf(e) }));
    request.end(options.body);
  });
}

/** A GET whose whole body is wanted as bytes (a catch-up page). */
export function httpGetBytes(url: URL, timeoutMs: number, headers: Readonly<Record<string, string>> = {}, agent?: https.Agent): Promise<BytesAnswer> {
  return httpRequest(url, { headers, timeoutMs, ...(agent ? { agent } : {}) });
}

/** The agent for a backend on the city's own PKI: it trusts the CA in `ca` (PEM), and only it. */
export function backendAgent(ca: Buffer | undefined): https.Agent | undefined {
  return ca === undefined ? undefined : new https.Agent({ ca, keepAlive: true });
}

function reasonOf(e: Error): string {
  const code = (e as Error & { code?: unknown }).code;
  if (typeof code === "string" && CERTIFICATE_CODES.has(code)) {
    return `the backend's TLS certificate is not trusted (${code}): give the console the CA that signed it (--backend-ca)`;
  }
  return typeof code === "string" ? code : e.message;
}
