import { z } from "zod";
import { IsoTimeSchema } from "../domain/geo.js";
import { OperatorSchema } from "../domain/operator.js";
import { IdSchema, LIMITS } from "../limits.js";

/**
 * Operator sessions between a console and the backend. Sign-in answers with a random token that
 * the console sends as `Authorization: Bearer <token>` on every call and on the change stream;
 * the backend keeps only its hash. The acting operator always comes from the session.
 * Camera streams take a second token of their own (`streamToken`, sent as `?st=`): players
 * in the page need it, and it opens nothing but video, so the session token never reaches a page.
 */

/** A session lasts one shift at most, and ends earlier when nothing uses it for the idle limit. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;
export const SESSION_IDLE_MS = 30 * 60_000;
/** The Electron console's page origin: a backend always lets it play camera streams. */
export const ELECTRON_CONSOLE_ORIGIN = "app://console";
/** The query parameter that carries a stream token on camera stream requests. */
export const STREAM_TOKEN_PARAM = "st";

export const SESSION_PATHS = {
  signIn: "/api/v1/sign-in",
  signOut: "/api/v1/sign-out",
  /** POST: the signed-in operator replaces their password (required after a one-time password). */
  password: "/api/v1/password",
  /** GET (supervisor): live sessions. */
  sessions: "/api/v1/sessions",
  /** POST (supervisor): end a session now. */
  revoke: (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}/revoke`,
  /** Unauthenticated liveness only: says nothing about the city. */
  health: "/api/v1/health",
} as const;

export const PasswordSchema = z.string().min(1).max(LIMITS.passwordChars);
/** A new password: long enough to resist guessing at the sign-in's rate limit. */
export const NewPasswordSchema = z.string().min(12, "a password has at least 12 characters").max(LIMITS.passwordChars);

export const SignInRequestSchema = z.object({
  operatorId: z.string().trim().min(1).max(LIMITS.idChars),
  password: PasswordSchema,
  workstationId: z.string().min(1).max(LIMITS.idChars),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const IssuedSessionSchema = z.object({
  token: z.string().min(32).max(200),
  streamToken: z.string().min(32).max(200),
  sessionId: IdSchema,
  expiresAt: IsoTimeSchema,
  idleTimeoutMs: z.number().int().positive(),
  /** Signed in with a one-time password: nothing but a password change is allowed until then. */
  mustChangePassword: z.boolean(),
});
export type IssuedSession = z.infer<typeof IssuedSessionSchema>;

export const SignInResponseSchema = z.object({ operator: OperatorSchema, session: IssuedSessionSchema });
export type SignInResponse = z.infer<typeof SignInResponseSchema>;

export const ChangePasswordRequestSchema = z.object({ currentPassword: PasswordSchema, newPassword: NewPasswordSchema });
export const ChangePasswordResponseSchema = z.object({ changed: z.literal(true) });

export const SessionInfoSchema = z.object({
  id: IdSchema,
  operatorId: IdSchema,
  workstationId: z.string(),
  createdAt: IsoTimeSchema,
  lastSeenAt: IsoTimeSchema,
  expiresAt: IsoTimeSchema,
  address: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export const SessionListSchema = z.object({ sessions: z.array(SessionInfoSchema) });
export const RevokeResponseSchema = z.object({ revoked: z.boolean() });
export const SignOutResponseSchema = z.object({ signedOut: z.literal(true) });
export const HealthResponseSchema = z.object({ ok: z.literal(true) });

// ---- Console API: the workstation's session as the renderer sees it ----

/**
 * signed_out: nobody; signed_in: a session with the backend; local: signed in at this console while
 * the backend was unreachable (the cache shows, actions queue, nothing is sent until the operator
 * signs in with the backend); expired: the backend ended the session (sign in again to send).
 */
export const ConsoleSessionStateSchema = z.enum(["signed_out", "signed_in", "local", "expired"]);
export type ConsoleSessionState = z.infer<typeof ConsoleSessionStateSchema>;

export const ConsoleSessionSchema = z.object({
  state: ConsoleSessionStateSchema,
  /** Signed in: who; expired: whose session ended (they are asked to sign in again); signed out: null. */
  operator: OperatorSchema.nullable(),
  expiresAt: IsoTimeSchema.nullable(),
  /** Opens this session's camera streams (`?st=`); null unless signed in. */
  streamToken: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** The demo city: passwords everyone knows. The console says so on screen. */
  demo: z.boolean(),
  /** Actions queued here by operators other than the one signed in: kept, never sent in another's name. */
  waiting: z.array(z.object({ operatorId: z.string(), count: z.number().int().positive() })),
});
export type ConsoleSession = z.infer<typeof ConsoleSessionSchema>;

export const SESSION_REQUESTS = [
  z.object({ type: z.literal("operator.sign-out") }),
  z.object({ type: z.literal("operator.change-password"), currentPassword: PasswordSchema, newPassword: NewPasswordSchema }),
  /** Supervisor: the backend's live sessions. */
  z.object({ type: z.literal("sessions.list") }),
  z.object({ type: z.literal("sessions.revoke"), sessionId: IdSchema }),
] as const;

export const SESSION_RESPONSE_SCHEMAS = {
  "operator.sign-out": ConsoleSessionSchema,
  "operator.change-password": ConsoleSessionSchema,
  "sessions.list": z.array(SessionInfoSchema),
  "sessions.revoke": RevokeResponseSchema,
} as const;

export const SESSION_EVENTS = [z.object({ type: z.literal("session"), session: ConsoleSessionSchema })] as const;
