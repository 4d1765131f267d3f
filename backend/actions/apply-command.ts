import type { z } from "zod";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import { BookmarkSchema } from "../../shared/domain/bookmark.js";
import { IncidentSchema } from "../../shared/domain/incident.js";
import { ProvinceEscalationSchema } from "../../shared/domain/province.js";
import { DirectiveSchema } from "../../shared/domain/directive.js";
import { OperatorSchema } from "../../shared/domain/operator.js";
import { CameraSchema } from "../../shared/domain/camera.js";
import { rulesFor, type TargetEntities } from "../../shared/commands/apply-command.js";
import { commandParameters, CommandResponseSchema, type CommandOn, type CommandRequest, type CommandResponse, type Confirmed } from "../../shared/commands/command.js";
import type { TargetKind } from "../../shared/commands/target.js";
import { assertNever, describeZodError } from "../../shared/result.js";
import type { AuditEntry, BackendStore, IdempotentOutcome, StoredEntity } from "../store/backend-store.js";
import { requestHash } from "./request-hash.js";
import { clampedTime, decideCommand, type CommandDecision, type RequestOn } from "./decide-command.js";

/** The schema each kind of target is stored under. */
const STORED_SCHEMAS: { [K in TargetKind]: z.ZodType<TargetEntities[K]> } = { alarm: AlarmSchema, incident: IncidentSchema, bookmark: BookmarkSchema, escalation: ProvinceEscalationSchema, directive: DirectiveSchema, camera: CameraSchema };

/** A stored record that no longer matches its schema is a bug, not a client error: fail the transaction, record nothing a client would replay forever. */
function parseStored<T>(schema: z.ZodType<T>, entity: StoredEntity | null, what: string): T | null {
  if (entity === null) return null;
  const parsed = schema.safeParse(entity.data);
  if (!parsed.success) throw new Error(`Stored ${what} does not match the schema`);
  return parsed.data;
}

function auditFor<K extends TargetKind>(request: RequestOn<K>, decision: CommandDecision<K>, at: string): AuditEntry {
  const { command } = request;
  return {
    at,
    operatorId: request.operatorId,
    action: command.type,
    targetKind: command.target.kind,
    targetId: command.target.id,
    outcome: decision.kind === "reject" ? "rejected" : "applied",
    detail: {
      idempotencyKey: request.idempotencyKey,
      clientAt: request.at,
      ...clampedTime(request.at, at),
      // A refused command is recorded without what it carried: junk must not fill the trail.
      ...(decision.kind === "reject" ? {} : commandParameters(command)),
      ...(decision.kind === "reject" ? { error: decision.error.kind, message: decision.error.message } : {}),
      ...(decision.kind === "unchanged" ? { note: "already so: nothing changed" } : {}),
    },
  };
}

function confirmed<K extends TargetKind>(kind: K, entity: TargetEntities[K], seq: number): Confirmed {
  return { kind, entity, seq } as Confirmed;
}

function outcomeOf<K extends TargetKind>(kind: K, request: RequestOn<K>, decision: CommandDecision<K>, storedSeq: number, at: string): IdempotentOutcome {
  const audit = [auditFor(request, decision, at)];
  switch (decision.kind) {
    case "apply":
      return {
        writes: [{ entity: kind, op: "upsert", id: request.command.target.id, data: decision.entity }],
        audit,
        respond: (changes): CommandResponse => ({ ok: true, value: confirmed(kind, decision.entity, changes[0]?.seq ?? storedSeq) }),
      };
    case "unchanged":
      return { writes: [], audit, respond: (): CommandResponse => ({ ok: true, value: confirmed(kind, decision.entity, storedSeq) }) };
    case "reject":
      return { writes: [], audit, respond: (): CommandResponse => ({ ok: false, error: decision.error }) };
    default:
      return assertNever(decision);
  }
}

async function applyOn<K extends TargetKind>(kind: K, store: BackendStore, request: RequestOn<K>, now: Date): Promise<CommandResponse> {
  const at = now.toISOString();
  const target = request.command.target;
  const alarmIds = rulesFor(kind).alarmsRead(request.command as CommandOn<K>);
  const result = await store.applyOnce({
    operatorId: request.operatorId,
    idempotencyKey: request.idempotencyKey,
    requestHash: requestHash(request),
    at,
    reads: [{ kind, id: target.id }, { kind: "operator", id: request.operatorId }, ...alarmIds.map((id) => ({ kind: "alarm" as const, id }))],
    decide: ([targetEntity = null, operatorEntity = null, ...alarmEntities]) => {
      const current = parseStored(STORED_SCHEMAS[kind], targetEntity, `${kind} ${target.id}`);
      const operator = parseStored(OperatorSchema, operatorEntity, `operator ${request.operatorId}`);
      const alarms = alarmEntities.flatMap((entity, i) => parseStored(AlarmSchema, entity ?? null, `alarm ${alarmIds[i] ?? "?"}`) ?? []);
      const decision = decideCommand(kind, { request, current, operator, alarms, now });
      return outcomeOf(kind, request, decision, targetEntity?.seq ?? 0, at);
    },
  });
  const response = CommandResponseSchema.safeParse(result.response);
  if (!response.success) return { ok: false, error: { kind: "internal", message: `Stored response is malformed: ${describeZodError(response.error)}` } };
  return response.data;
}

/**
 * Applies an operator command at most once per idempotency key: the key, its response, the
 * target's change (which every console receives through the change feed) and the audit entry
 * commit together, and a replay returns the first response.
 */
export function applyCommand(store: BackendStore, request: CommandRequest, now: Date): Promise<CommandResponse> {
  const kind = request.command.target.kind;
  switch (kind) {
    case "alarm":
      return applyOn("alarm", store, request as RequestOn<"alarm">, now);
    case "incident":
      return applyOn("incident", store, request as RequestOn<"incident">, now);
    case "bookmark":
      return applyOn("bookmark", store, request as RequestOn<"bookmark">, now);
    case "escalation":
      return applyOn("escalation", store, request as RequestOn<"escalation">, now);
    case "directive":
      return applyOn("directive", store, request as RequestOn<"directive">, now);
    case "camera":
      return applyOn("camera", store, request as RequestOn<"camera">, now);
    default:
      return assertNever(kind);
  }
}
