import { demoPasswordOf } from "../../shared/demo-city.js";
import { SESSION_PATHS, SignInResponseSchema, STREAM_TOKEN_PARAM, type IssuedSession } from "../../shared/protocol/session.js";

/**
 * Tests and benchmarks act on a demo backend as its operators do: through a real sign-in with the demo password,
 * then the session's bearer token (and stream token for camera streams). Sessions are kept per
 * backend and operator, so a test file signs each operator in once.
 */
const sessions = new Map<string, Promise<IssuedSession>>();

export async function signInAs(backendUrl: string, operatorId: string, workstationId = `test-${operatorId}`): Promise<IssuedSession> {
  const response = await fetch(new URL(SESSION_PATHS.signIn, backendUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operatorId, password: demoPasswordOf(operatorId), workstationId }),
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`sign-in as ${operatorId} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  return SignInResponseSchema.parse(body).session;
}

export function sessionOf(backendUrl: string, operatorId: string): Promise<IssuedSession> {
  const key = `${new URL(backendUrl).origin} ${operatorId}`;
  let session = sessions.get(key);
  if (session === undefined) {
    session = signInAs(backendUrl, operatorId);
    sessions.set(key, session);
    session.catch(() => sessions.delete(key));
  }
  return session;
}

/** Forget cached sessions of a backend (it was restarted on a fresh store). */
export function forgetSessions(backendUrl: string): void {
  const origin = new URL(backendUrl).origin;
  for (const key of sessions.keys()) if (key.startsWith(`${origin} `)) sessions.delete(key);
}

/** Who a request body says acted: an action's operatorId, or the first of a batch's. */
function claimedOperator(body: unknown): string | null {
  if (typeof body !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return null;
    if ("operatorId" in parsed && typeof parsed.operatorId === "string") return parsed.operatorId;
    if ("requests" in parsed && Array.isArray(parsed.requests)) {
      const first: unknown = parsed.requests[0];
      if (typeof first === "object" && first !== null && "operatorId" in first && typeof first.operatorId === "string") return first.operatorId;
    }
  } catch {
    // Not JSON: no claim.
  }
  return null;
}

/**
 * fetch() against a demo backend in an operator's session: `as` names the operator; by default
 * the one the body says acted, else the supervisor sup-01. Camera stream URLs get the stream token.
 */
export async function backendFetch(url: string | URL, init: RequestInit = {}, as?: string): Promise<Response> {
  const target = new URL(url);
  const operatorId = as ?? claimedOperator(init.body) ?? "sup-01";
  const send = async () => {
    const session = await sessionOf(target.origin, operatorId);
    if (target.pathname.startsWith("/hls/")) {
      target.searchParams.set(STREAM_TOKEN_PARAM, session.streamToken);
      return fetch(target, init);
    }
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${session.token}`);
    return fetch(target, { ...init, headers });
  };
  const response = await send();
  if (response.status !== 401) return response;
  // A backend restarted on a fresh store on the same port no longer knows the cached session.
  forgetSessions(target.origin);
  return send();
}
