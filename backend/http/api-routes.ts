import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  ActionBatchRequestSchema,
  ActionBatchResponseSchema,
  BACKEND_PATHS,
  CHANGE_LINES_CONTENT_TYPE,
  ChangesQuerySchema,
  HelloResponseSchema,
  PROTOCOL_VERSION,
  type HelloResponse,
} from "../../shared/protocol/backend.js";
import { ACTION_RATE, LIMITS } from "../../shared/limits.js";
import { parseWith, type AppError } from "../../shared/result.js";
import type { AuthSession } from "../auth/session-authority.js";
import { TokenBuckets } from "../../shared/token-bucket.js";
import type { BackendRole } from "../../shared/protocol/province.js";
import { ACTING_ROLES, roleRefusal, sessionOf } from "./authenticate.js";
import { applyCommand } from "../actions/apply-command.js";
import { CommandRequestSchema, CommandResponseSchema, type Command, type CommandRequest, type CommandResponse } from "../../shared/commands/command.js";
import { MIN_PROTOCOL_VERSION, protocolMismatch } from "../protocol-compat.js";
import type { BackendStore, StoredChange } from "../store/backend-store.js";
import { sendError, sendValidated } from "./respond.js";
import { encodeChangeLines, encodeChangesPage } from "./encode-changes.js";

export const BACKEND_NAME = "IOC Uông Bí reference backend (simulator)";

const HelloQuerySchema = z.object({ protocol: z.coerce.number().int().nonnegative().optional() });

/** Rows from the start of `rows` whose data adds up to at most `maxBytes` (always at least one). */
export function pageWithinBytes(rows: readonly StoredChange[], maxBytes: number): StoredChange[] {
  let bytes = 0;
  let count = 0;
  for (const row of rows) {
    bytes += (row.dataJson?.length ?? 0) + row.id.length + 64;
    if (count > 0 && bytes > maxBytes) break;
    count += 1;
  }
  return rows.slice(0, count);
}

/** A command names who took it; it must be the session's operator (the console queues each operator's own). */
function operatorClaimRefusal(session: AuthSession, raw: unknown): AppError | null {
  const claimed = typeof raw === "object" && raw !== null && "operatorId" in raw ? raw.operatorId : undefined;
  if (claimed === session.operator.id) return null;
  return { kind: "forbidden", message: `This action was taken by ${String(claimed)}; it cannot be sent in ${session.operator.id}'s session.` };
}

/** The sync API: hello, changes, actions. Every route runs in a verified session (see authenticate.ts). */
/**
 * `refusal`: commands this backend's role does not take (see province/role-commands.ts).
 * `afterApplied`: what follows a command the backend applied (a camera's credentials kept, its stream started).
 * `role`: a city's or the province's backend, as hello tells the consoles.
 */
export function registerApiRoutes(
  app: FastifyInstance,
  store: BackendStore,
  actionRate: { burst: number; perSecond: number } = ACTION_RATE,
  refusal: (command: Command) => AppError | null | Promise<AppError | null> = () => null,
  afterApplied: (command: Command) => Promise<void> = async () => undefined,
  role: BackendRole = "city",
): void {
  const apply = async (request: CommandRequest): Promise<CommandResponse> => {
    const refused = await refusal(request.command);
    if (refused !== null) return { ok: false, error: refused };
    const response = await applyCommand(store, request, new Date());
    if (response.ok) await afterApplied(request.command);
    return response;
  };
  const buckets = new TokenBuckets(actionRate.burst, actionRate.perSecond);
  const mayAct = (session: AuthSession, count: number): AppError | null => {
    const role = roleRefusal(session, ACTING_ROLES, "changing alarms and incidents");
    if (role !== null) return role;
    if (!buckets.take(session.id, count, Date.now())) {
      return { kind: "rate_limited", message: `More than ${actionRate.perSecond} actions a second from this session: the rest wait and are sent again shortly.` };
    }
    return null;
  };
  app.get(BACKEND_PATHS.hello, async (request, reply) => {
    const query = parseWith(HelloQuerySchema, request.query, "hello query");
    if (!query.ok) return sendError(reply, query.error);
    if (query.value.protocol !== undefined) {
      const mismatch = protocolMismatch(query.value.protocol);
      if (mismatch !== null) return sendError(reply, mismatch);
    }
    const hello: HelloResponse = {
      backendName: BACKEND_NAME,
      protocolVersion: PROTOCOL_VERSION,
      minProtocolVersion: MIN_PROTOCOL_VERSION,
      serverTime: new Date().toISOString(),
      headSeq: await store.headSeq(),
      role,
    };
    return sendValidated(reply, HelloResponseSchema, hello);
  });

  app.get(BACKEND_PATHS.changes, async (request, reply) => {
    const query = parseWith(ChangesQuerySchema, request.query, "changes query");
    if (!query.ok) return sendError(reply, query.error);
    const { after, limit, format } = query.value;
    // Head first: it can only be >= the last change read after it, never behind the page.
    const headSeq = await store.headSeq();
    // One extra row tells whether another page follows without a COUNT.
    const rows = await store.changesAfter(after, limit + 1);
    const page = pageWithinBytes(rows.slice(0, limit), LIMITS.changePageBytes);
    const hasMore = rows.length > page.length;
    const head = Math.max(headSeq, rows.at(-1)?.seq ?? 0);
    // Spliced from the stored JSON text (see encode-changes.ts); tests hold it to the contract.
    // As bytes: Fastify would otherwise measure the string's UTF-8 length and then encode it again.
    if (format === "lines") return reply.type(CHANGE_LINES_CONTENT_TYPE).send(Buffer.from(encodeChangeLines(page, head, hasMore), "utf8"));
    return reply.type("application/json; charset=utf-8").send(encodeChangesPage(page, head, hasMore));
  });

  app.post(BACKEND_PATHS.actionsBatch, async (request, reply) => {
    const batch = parseWith(ActionBatchRequestSchema, request.body, "action batch");
    if (!batch.ok) return sendError(reply, batch.error);
    const session = sessionOf(request);
    const refused = mayAct(session, batch.value.requests.length);
    if (refused !== null) return sendError(reply, refused);
    const results: CommandResponse[] = [];
    for (const raw of batch.value.requests) {
      const claim = operatorClaimRefusal(session, raw);
      if (claim !== null) {
        results.push({ ok: false, error: claim });
        continue;
      }
      const command = parseWith(CommandRequestSchema, raw, "command request");
      results.push(command.ok ? await apply(command.value) : { ok: false, error: command.error });
    }
    return sendValidated(reply, ActionBatchResponseSchema, { results });
  });

  app.post(BACKEND_PATHS.actions, async (request, reply) => {
    const command = parseWith(CommandRequestSchema, request.body, "command request");
    if (!command.ok) return sendError(reply, command.error);
    const session = sessionOf(request);
    const refused = mayAct(session, 1) ?? operatorClaimRefusal(session, command.value);
    if (refused !== null) return sendError(reply, refused);
    const response = await apply(command.value);
    return sendValidated(reply, CommandResponseSchema, response);
  });
}
