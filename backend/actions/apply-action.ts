import type { z } from "zod";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import { OperatorSchema } from "../../shared/domain/operator.js";
import { ActionResponseSchema, type ActionRequest, type ActionResponse, type OperatorAction } from "../../shared/protocol/backend.js";
import { assertNever, describeZodError } from "../../shared/result.js";
import type { AuditEntry, BackendStore, IdempotentOutcome, StoredEntity } from "../store/backend-store.js";
import { requestHash } from "./request-hash.js";
import { clampedTime, decideAction, type ActionDecision } from "./decide-action.js";

/** null: no such entity; "corrupt": the stored JSON no longer matches the schema (a bug, not a client error). */
function parseStored<T>(schema: z.ZodType<T>, entity: StoredEntity | null): T | null | "corrupt" {
  if (entity === null) return null;
  const parsed = schema.safeParse(entity.data);
  return parsed.success ? parsed.data : "corrupt";
}

/** What the operator asked for beyond its type and target (a comment's text, a shelve's reason and minutes...). */
function actionParameters(action: OperatorAction): Record<string, unknown> {
  return Object.fromEntries(Object.entries(action).filter(([key]) => key !== "type" && key !== "alarmId"));
}

function auditFor(request: ActionRequest, decision: ActionDecision, at: string): AuditEntry {
  return {
    at,
    operatorId: request.operatorId,
    action: request.action.type,
    targetKind: "alarm",
    targetId: request.action.alarmId,
    outcome: decision.kind === "reject" ? "rejected" : "applied",
    detail: {
      idempotencyKey: request.idempotencyKey,
      clientAt: request.at,
      ...clampedTime(request.at, at),
      // A refused action is recorded without what it carried: junk must not fill the trail.
      ...(decision.kind === "reject" ? {} : actionParameters(request.action)),
      ...(decision.kind === "reject" ? { error: decision.error.kind, message: decision.error.message } : {}),
      ...(decision.kind === "unchanged" ? { note: "already acknowledged by this operator" } : {}),
    },
  };
}

function outcomeOf(request: ActionRequest, decision: ActionDecision, alarmSeq: number, at: string): IdempotentOutcome {
  const audit = [auditFor(request, decision, at)];
  switch (decision.kind) {
    case "apply":
      return {
        writes: [{ entity: "alarm", op: "upsert", id: decision.alarm.id, data: decision.alarm }],
        audit,
        respond: (changes): ActionResponse => ({ ok: true, value: { alarm: decision.alarm, seq: changes[0]?.seq ?? alarmSeq } }),
      };
    case "unchanged":
      return { writes: [], audit, respond: (): ActionResponse => ({ ok: true, value: { alarm: decision.alarm, seq: alarmSeq } }) };
    case "reject":
      return { writes: [], audit, respond: (): ActionResponse => ({ ok: false, error: decision.error }) };
    default:
      return assertNever(decision);
  }
}

/**
 * Applies an operator action at most once per idempotency key: the key, its response, the
 * alarm change and the audit entry commit together, and a replay returns the first response.
 */
export async function applyOperatorAction(store: BackendStore, request: ActionRequest, now: Date): Promise<ActionResponse> {
  const at = now.toISOString();
  const result = await store.applyOnce({
    operatorId: request.operatorId,
    idempotencyKey: request.idempotencyKey,
    requestHash: requestHash(request),
    at,
    reads: [
      { kind: "alarm", id: request.action.alarmId },
      { kind: "operator", id: request.operatorId },
    ],
    decide: ([alarmEntity = null, operatorEntity = null]) => {
      const alarm = parseStored(AlarmSchema, alarmEntity);
      const operator = parseStored(OperatorSchema, operatorEntity);
      if (alarm === "corrupt" || operator === "corrupt") {
        // Not recorded as a rejection a client should replay forever: fail the transaction instead.
        throw new Error(`Stored ${alarm === "corrupt" ? `alarm ${request.action.alarmId}` : `operator ${request.operatorId}`} does not match the schema`);
      }
      return outcomeOf(request, decideAction({ request, alarm, operator, now }), alarmEntity?.seq ?? 0, at);
    },
  });
  const response = ActionResponseSchema.safeParse(result.response);
  if (!response.success) {
    return { ok: false, error: { kind: "internal", message: `Stored response is malformed: ${describeZodError(response.error)}` } };
  }
  return response.data;
}
