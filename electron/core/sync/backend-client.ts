import { CAMERA_PATHS, CAMERA_PROBE_TIMEOUT_S, CameraProbeSchema, type CameraProbe, type CameraProbeRequest } from "../../../shared/protocol/cameras.js";
import type { z } from "zod";
import {
  ActionBatchResponseSchema,
  BACKEND_PATHS,
  HelloResponseSchema,
  PROTOCOL_VERSION,
  type ActionBatchResponse,
  type HelloResponse,
} from "../../../shared/protocol/backend.js";
import type { CommandRequest } from "../../../shared/commands/command.js";
import type { WallView, WallViewDraft } from "../../../shared/domain/wall-view.js";
import { DeleteViewResponseSchema, SaveViewResponseSchema, viewPath } from "../../../shared/protocol/views.js";
import { AppErrorSchema, describeZodError, err, ok, resultSchema, type Result } from "../../../shared/result.js";
import { RECORDING_PATHS, RecordingHealthListSchema, SignedEvidenceManifestSchema, type EvidenceExportRequest, type RecordingHealthList, type SignedEvidenceManifest } from "../../../shared/protocol/recordings.js";
import { HealthResponseSchema, SESSION_PATHS, SignInResponseSchema, type SignInRequest, type SignInResponse } from "../../../shared/protocol/session.js";
import { bodyText } from "./body-text.js";
import type { Agent } from "node:https";
import { backendAgent, httpGetBytes, httpRequest } from "./http-get-bytes.js";
import { backendUrlList, failoverOrder } from "./backend-failover.js";

/** An export remuxes up to an hour of up to nine cameras, and its clips come back whole. */
const EVIDENCE_TIMEOUT_MS = 300_000;

interface CallInit {
  method: "GET" | "POST" | "PUT" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
}

/** How the client learns the session it acts in, and tells that the backend refused it. */
export interface ClientSession {
  /** `Bearer <token>`, or null without a session (the call is then not made). */
  authorization(): string | null;
  /**
   * The backend answered "unauthenticated" to a call made with `authorization`: that session
   * expired or was revoked (a newer session may hold the workstation by the time the answer comes).
   */
  onUnauthenticated(authorization: string): void;
}

const NO_SESSION: ClientSession = { authorization: () => null, onUnauthenticated: () => undefined };

/** HTTP(S) client of the central backend. Never throws: every failure is a Result with a clear message. */
export class BackendClient {
  /** Trusts the city's own CA when one is given (https backends only); else the system's CAs. */
  readonly agent: Agent | undefined;

  private readonly urls: readonly string[];
  private current = 0;

  constructor(
    /** The backend's URL, or the URLs of its instances (on one database): tried in turn when one cannot be reached. */
    baseUrls: string | readonly string[],
    private readonly timeoutMs = 8_000,
    private readonly session: ClientSession = NO_SESSION,
    /** PEM of the CA that signed the backend's certificate (a city's own PKI). */
    ca?: Buffer,
  ) {
    this.agent = backendAgent(ca);
    this.urls = backendUrlList(baseUrls);
  }

  /** The instance calls go to now. */
  get baseUrl(): string {
    return this.urls[this.current] ?? this.urls[0]!;
  }

  /**
   * Runs `attempt` against the current instance and, while it cannot be reached, against the
   * others in turn; the first that answers becomes current (the live stream follows it too).
   */
  private async withFailover<T>(attempt: (base: string) => Promise<{ reached: boolean; value: T }>): Promise<T> {
    let last: T | undefined;
    for (const index of failoverOrder(this.current, this.urls.length)) {
      const outcome = await attempt(this.urls[index]!);
      if (outcome.reached) {
        this.current = index;
        return outcome.value;
      }
      last = outcome.value;
    }
    return last as T;
  }

  /** Headers of an authenticated call (the change stream's too); null without a session. */
  authHeaders(): Record<string, string> | null {
    const authorization = this.session.authorization();
    return authorization === null ? null : { authorization };
  }

  /** Sign-in is the one call made without a session; its refusal is a wrong password, not an expiry. */
  signIn(request: SignInRequest): Promise<Result<SignInResponse>> {
    const init: CallInit = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) };
    return this.call(SESSION_PATHS.signIn, init, SignInResponseSchema, { authenticated: false });
  }

  /** Whether the backend answers at all (no session needed): a console signed in offline learns the link is back. */
  async reachable(): Promise<Result<true>> {
    const answer = await this.call(SESSION_PATHS.health, { method: "GET" }, HealthResponseSchema, { authenticated: false });
    return answer.ok ? ok(true) : answer;
  }

  /** The stream's close code or upgrade status said the session it was opened with ended. */
  sessionEnded(authorization: string | undefined): void {
    if (authorization !== undefined) this.session.onUnauthenticated(authorization);
  }

  hello(): Promise<Result<HelloResponse>> {
    return this.call(`${BACKEND_PATHS.hello}?protocol=${PROTOCOL_VERSION}`, { method: "GET" }, HelloResponseSchema);
  }

  /**
   * A catch-up page as change lines (CHANGE_LINES_CONTENT_TYPE), as the bytes that came:
   * decodeChangeLines validates them, on whichever thread decodes.
   */
  async changeLineBytes(after: number, limit: number): Promise<Result<Buffer>> {
    const path = `${BACKEND_PATHS.changes}?after=${after}&limit=${limit}&format=lines`;
    const headers = this.authHeaders();
    if (headers === null) return signedOut();
    const reached = await this.withFailover(async (base) => {
      const got = await httpGetBytes(new URL(path, base), this.timeoutMs, headers, this.agent);
      return got.ok ? { reached: true, value: ok(got) } : { reached: false, value: err("offline", `Cannot get ${path} from the central backend at ${base} (${got.reason}).`) };
    });
    if (!reached.ok) return reached;
    const answer = reached.value;
    if (answer.status >= 200 && answer.status < 300) return ok(answer.body);
    let body: unknown = null;
    try {
      body = JSON.parse(bodyText(answer.body));
    } catch {
      // Not JSON: HTTP's status is all there is.
    }
    return this.refused(refusalOf(path, answer.status, body), headers.authorization);
  }

  /** Saves an operator's named wall view; the answer is the stored view (with the backend's time). */
  async saveView(view: WallViewDraft): Promise<Result<WallView>> {
    const init: CallInit = { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ view }) };
    const answer = await this.call(viewPath(view.id), init, SaveViewResponseSchema);
    if (!answer.ok) return answer;
    return answer.value.ok ? ok(answer.value.value.view) : { ok: false, error: answer.value.error };
  }

  async deleteView(viewId: string): Promise<Result<{ id: string }>> {
    const init: CallInit = { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({}) };
    const answer = await this.call(viewPath(viewId), init, DeleteViewResponseSchema);
    if (!answer.ok) return answer;
    return answer.value.ok ? ok({ id: answer.value.value.id }) : { ok: false, error: answer.value.error };
  }

  /** Every camera's recording state, disk used and quota level. */
  async recordingHealth(): Promise<Result<RecordingHealthList>> {
    const answer = await this.call(`${RECORDING_PATHS.recordings}/health`, { method: "GET" }, resultSchema(RecordingHealthListSchema));
    if (!answer.ok) return answer;
    return answer.value.ok ? ok(answer.value.value) : { ok: false, error: answer.value.error };
  }

  /** Asks the backend for an evidence export (supervisors); remuxing takes seconds per camera-hour, hence the longer wait. */
  async exportEvidence(request: EvidenceExportRequest): Promise<Result<SignedEvidenceManifest>> {
    const init: CallInit = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) };
    const answer = await this.call(RECORDING_PATHS.exports, init, resultSchema(SignedEvidenceManifestSchema), { authenticated: true, timeoutMs: EVIDENCE_TIMEOUT_MS });
    if (!answer.ok) return answer;
    return answer.value.ok ? ok(answer.value.value) : { ok: false, error: answer.value.error };
  }

  /** A connection test of a camera's address, made by the backend; it answers within its own time-out. */
  async probeCamera(request: CameraProbeRequest): Promise<Result<CameraProbe>> {
    const init: CallInit = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) };
    const answer = await this.call(CAMERA_PATHS.probe, init, resultSchema(CameraProbeSchema), { authenticated: true, timeoutMs: CAMERA_PROBE_TIMEOUT_S * 1000 + 5_000 });
    if (!answer.ok) return answer;
    return answer.value.ok ? ok(answer.value.value) : { ok: false, error: answer.value.error };
  }

  /** One file of an evidence export (a clip or its manifest), as the bytes that came. */
  async evidenceFile(exportId: string, file: string): Promise<Result<Buffer>> {
    const path = `${RECORDING_PATHS.exports}/${encodeURIComponent(exportId)}/${encodeURIComponent(file)}`;
    const headers = this.authHeaders();
    if (headers === null) return signedOut();
    const answer = await this.request(path, { method: "GET", headers }, EVIDENCE_TIMEOUT_MS);
    if (!answer.ok) return answer;
    if (answer.value.status >= 200 && answer.value.status < 300) return ok(answer.value.body);
    let body: unknown = null;
    try {
      body = JSON.parse(bodyText(answer.value.body));
    } catch {
      // Not JSON: HTTP's status is all there is.
    }
    return this.refused(refusalOf(path, answer.value.status, body), headers.authorization);
  }

  /** Session and workstation endpoints (sign-out, handovers, sessions), with the same error handling as the sync calls. */
  send<S extends z.ZodType>(path: string, method: "GET" | "POST", body: unknown, schema: S): Promise<Result<z.infer<S>>> {
    const init: CallInit = method === "GET" ? { method } : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
    return this.call(path, init, schema);
  }

  /** Several queued commands in one round trip; the answers come back in the same order. */
  postActions(requests: readonly CommandRequest[]): Promise<Result<ActionBatchResponse>> {
    return this.call(
      BACKEND_PATHS.actionsBatch,
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ requests }) },
      ActionBatchResponseSchema,
    );
  }

  streamUrl(after: number): string {
    const url = new URL(BACKEND_PATHS.stream, this.baseUrl);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("after", String(after));
    url.searchParams.set("protocol", String(PROTOCOL_VERSION));
    return url.toString();
  }

  /** The backend's answer, or why there is none (it cannot be reached, did not answer in time, is not trusted). */
  private async request(path: string, init: CallInit, timeoutMs = this.timeoutMs): Promise<Result<{ status: number; body: Buffer }>> {
    // Safe to send again to another instance: reads are reads, and actions carry idempotency keys.
    return this.withFailover(async (base) => {
      const answer = await httpRequest(new URL(path, base), { method: init.method, headers: init.headers ?? {}, ...(init.body === undefined ? {} : { body: init.body }), timeoutMs, ...(this.agent ? { agent: this.agent } : {}) });
      if (!answer.ok) return { reached: false, value: err("offline", `Cannot reach the central backend at ${base} (${answer.reason}).`) };
      return { reached: true, value: ok({ status: answer.status, body: answer.body }) };
    });
  }

  private refused(result: Result<never>, authorization: string | undefined): Result<never> {
    if (!result.ok && result.error.kind === "unauthenticated" && authorization !== undefined) this.session.onUnauthenticated(authorization);
    return result;
  }

  private async call<S extends z.ZodType>(path: string, init: CallInit, schema: S, options: { authenticated: boolean; timeoutMs?: number } = { authenticated: true }): Promise<Result<z.infer<S>>> {
    let sent = init;
    let authorization: string | undefined;
    if (options.authenticated) {
      const auth = this.authHeaders();
      if (auth === null) return signedOut();
      authorization = auth.authorization;
      sent = { ...init, headers: { ...init.headers, ...auth } };
    }
    const answer = await this.request(path, sent, options.timeoutMs);
    if (!answer.ok) return answer;
    const response = answer.value;
    let body: unknown;
    try {
      body = JSON.parse(bodyText(response.body));
    } catch {
      return err("backend_error", `The backend answered ${path} with HTTP ${response.status} and a body that is not JSON.`);
    }
    if (response.status < 200 || response.status >= 300) return this.refused(refusalOf(path, response.status, body), authorization);
    const parsed = schema.safeParse(body);
    if (!parsed.success) return err("backend_error", `The backend's answer to ${path} is malformed: ${describeZodError(parsed.error)}`);
    return ok(parsed.data);
  }
}

function signedOut(): Result<never> {
  return err("unauthenticated", "Nobody is signed in at this console: sign in to reach the central backend.");
}

/** An error answer: the backend's own AppError when its body holds one, else what HTTP said. */
function refusalOf(path: string, status: number, body: unknown): Result<never> {
  const refusal = AppErrorSchema.safeParse((body as { error?: unknown } | null)?.error);
  if (refusal.success) return { ok: false, error: refusal.data };
  return err("backend_error", `The backend answered ${path} with HTTP ${status}.`);
}
