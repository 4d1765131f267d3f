import type { z } from "zod";
import { AlarmSchema, type Alarm } from "../../shared/domain/alarm.js";
import { IncidentSchema, type Incident } from "../../shared/domain/incident.js";
import { OperatorSchema, type Operator } from "../../shared/domain/operator.js";
import { alarmIdsRead, applyIncidentAction, timelineIdFor } from "../../shared/incident-actions.js";
import { IncidentActionResponseSchema, type IncidentAction, type IncidentActionRequest, type IncidentActionResponse } from "../../shared/protocol/incident-actions.js";
import { assertNever, describeZodError, type AppError } from "../../shared/result.js";
import type { AuditEntry, BackendStore, StoredEntity } from "../store/backend-store.js";
import { requestHash } from "./request-hash.js";
import { clampedTime, effectiveActionTime } from "./decide-action.js";

export type IncidentDecision = { kind: "apply"; incident: Incident } | { kind: "unchanged"; incident: Incident } | { kind: "reject"; error: AppError };

export interface IncidentContext {
  request: IncidentActionRequest;
  incident: Incident | null;
  operator: Operator | null;
  /** The alarms the action names that exist (a creation reads them). */
  alarms: readonly Alarm[];
  now: Date;
}

/**
 * Pure: what an incident action does, or why it is refused. The change comes from
 * shared/incident-actions, the same function the console uses to show it at once.
 */
export function decideIncidentAction(context: IncidentContext): IncidentDecision {
  const { request, incident, operator, alarms, now } = context;
  if (operator === null) return { kind: "reject", error: { kind: "forbidden", message: `Operator "${request.operatorId}" is not known to this backend.` } };
  const actor = { operator, at: effectiveActionTime(request.at, now), entryId: timelineIdFor(request.idempotencyKey, request.operatorId) };
  const result = applyIncidentAction(incident, request.incidentAction, actor, alarms);
  if (!result.ok) return { kind: "reject", error: result.error };
  return result.value === incident ? { kind: "unchanged", incident: result.value } : { kind: "apply", incident: result.value };
}

function parseStored<T>(schema: z.ZodType<T>, entity: StoredEntity | null, what: string): T | null {
  if (entity === null) return null;
  const parsed = schema.safeParse(entity.data);
  // Not a rejection a client should replay forever: fail the transaction instead.
  if (!parsed.success) throw new Error(`Stored ${what} does not match the schema`);
  return parsed.data;
}

/** What the operator asked for beyond its type and target. */
function actionParameters(action: IncidentAction): Record<string, unknown> {
  return Object.fromEntries(Object.entries(action).filter(([key]) => key !== "type" && key !== "incidentId"));
}

function auditFor(request: IncidentActionRequest, decision: IncidentDecision, at: string): AuditEntry {
  return {
    at,
    operatorId: request.operatorId,
    action: request.incidentAction.type,
    targetKind: "incident",
    targetId: request.incidentAction.incidentId,
    outcome: decision.kind === "reject" ? "rejected" : "applied",
    detail: {
      idempotencyKey: request.idempotencyKey,
      clientAt: request.at,
      ...clampedTime(request.at, at),
      // A refused action is recorded without what it carried: junk must not fill the trail.
      ...(decision.kind === "reject" ? {} : actionParameters(request.incidentAction)),
      ...(decision.kind === "reject" ? { error: decision.error.kind, message: decision.error.message } : {}),
    },
  };
}

/**
 * Applies an incident action at most once per idempotency key: the key, its response, the
 * incident change (which every console receives through the change feed) and the audit entry
 * commit together, and a replay returns the first response.
 */
export async function applyIncidentRequest(store: BackendStore, request: IncidentActionRequest, now: Date): Promise<IncidentActionResponse> {
  const at = now.toISOString();
  const action = request.incidentAction;
  const alarmIds = alarmIdsRead(action);
  const result = await store.applyOnce({
    operatorId: request.operatorId,
    idempotencyKey: request.idempotencyKey,
    requestHash: requestHash(request),
    at,
    reads: [{ kind: "incident", id: action.incidentId }, { kind: "operator", id: request.operatorId }, ...alarmIds.map((id) => ({ kind: "alarm" as const, id }))],
    decide: ([incidentEntity = null, operatorEntity = null, ...alarmEntities]) => {
      const incident = parseStored(IncidentSchema, incidentEntity, `incident ${action.incidentId}`);
      const operator = parseStored(OperatorSchema, operatorEntity, `operator ${request.operatorId}`);
      const alarms = alarmEntities.flatMap((entity, i) => {
        const alarm = parseStored(AlarmSchema, entity ?? null, `alarm ${alarmIds[i] ?? "?"}`);
        return alarm === null ? [] : [alarm];
      });
      const decision = decideIncidentAction({ request, incident, operator, alarms, now });
      const audit = [auditFor(request, decision, at)];
      const seq = incidentEntity?.seq ?? 0;
      switch (decision.kind) {
        case "apply":
          return {
            writes: [{ entity: "incident", op: "upsert", id: decision.incident.id, data: decision.incident }],
            audit,
            respond: (changes): IncidentActionResponse => ({ ok: true, value: { incident: decision.incident, seq: changes[0]?.seq ?? seq } }),
          };
        case "unchanged":
          return { writes: [], audit, respond: (): IncidentActionResponse => ({ ok: true, value: { incident: decision.incident, seq } }) };
        case "reject":
          return { writes: [], audit, respond: (): IncidentActionResponse => ({ ok: false, error: decision.error }) };
        default:
          return assertNever(decision);
      }
    },
  });
  const response = IncidentActionResponseSchema.safeParse(result.response);
  if (!response.success) return { ok: false, error: { kind: "internal", message: `Stored response is malformed: ${describeZodError(response.error)}` } };
  return response.data;
}
