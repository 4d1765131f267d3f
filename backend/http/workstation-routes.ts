import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { HandoverSchema, type Handover } from "../../shared/domain/handover.js";
import { OperatorSchema, type Operator } from "../../shared/domain/operator.js";
import {
  HandoverAcknowledgeSchema,
  HandoverWriteSchema,
  PendingHandoverSchema,
  SignInRequestSchema,
  SignInResponseSchema,
  WORKSTATION_PATHS,
} from "../../shared/protocol/workstation-api.js";
import { parseWith, type AppError } from "../../shared/result.js";
import { verifyPassword } from "../auth/password-hash.js";
import { decideHandoverAcknowledge, mayWriteHandover } from "../handover/decide-handover.js";
import type { AuditEntry, BackendStore } from "../store/backend-store.js";
import { sendError, sendValidated } from "./respond.js";

const WRONG_CREDENTIALS = "Wrong operator ID or password.";

async function operatorOf(store: BackendStore, id: string): Promise<Operator | null> {
  const stored = await store.getEntity("operator", id);
  const parsed = OperatorSchema.safeParse(stored?.data);
  return parsed.success ? parsed.data : null;
}

function audit(operatorId: string, action: string, targetId: string | null, outcome: AuditEntry["outcome"], detail: Record<string, unknown>): AuditEntry {
  return { at: new Date().toISOString(), operatorId, action, targetKind: null, targetId, outcome, detail };
}

/** Operator sign-in and shift handovers (issue 7). Every attempt, accepted or not, is in the audit trail. */
export function registerWorkstationRoutes(app: FastifyInstance, store: BackendStore): void {
  app.post(WORKSTATION_PATHS.signIn, async (request, reply) => {
    const body = parseWith(SignInRequestSchema, request.body, "sign-in request");
    if (!body.ok) return sendError(reply, body.error);
    const { operatorId, password, workstationId } = body.value;
    const operator = await operatorOf(store, operatorId);
    const hash = await store.getPasswordHash(operatorId);
    // The same answer for an unknown operator and a wrong password: no probing for valid ids.
    const accepted = operator !== null && hash !== null && (await verifyPassword(password, hash));
    await store.commit([], [audit(operatorId, "sign_in", null, accepted ? "applied" : "rejected", { workstationId: workstationId ?? null })]);
    if (!accepted) return sendError(reply, { kind: "forbidden", message: WRONG_CREDENTIALS });
    return sendValidated(reply, SignInResponseSchema, { operator });
  });

  app.post(WORKSTATION_PATHS.handovers, async (request, reply) => {
    const body = parseWith(HandoverWriteSchema, request.body, "handover");
    if (!body.ok) return sendError(reply, body.error);
    const operator = await operatorOf(store, body.value.operatorId);
    const refused = mayWriteHandover(operator, body.value.operatorId);
    if (refused !== null || operator === null) {
      await store.commit([], [audit(body.value.operatorId, "handover.write", null, "rejected", { message: refused?.message ?? "" })]);
      return sendError(reply, refused ?? { kind: "forbidden", message: "Unknown operator." });
    }
    const handover: Handover = {
      id: `ho-${randomUUID()}`,
      fromOperatorId: operator.id,
      fromOperatorName: operator.name,
      writtenAt: new Date().toISOString(),
      note: body.value.note,
      summary: body.value.summary,
      acknowledgedBy: null,
      acknowledgedByName: null,
      acknowledgedAt: null,
    };
    const { summary } = handover;
    await store.addHandover(handover, [
      audit(operator.id, "handover.write", handover.id, "applied", {
        note: handover.note,
        openIncidents: summary.openIncidents.map((i) => i.id),
        shelvedAlarms: summary.shelvedAlarms.map((a) => a.id),
        unacknowledgedCritical: summary.unacknowledgedCritical.map((a) => a.id),
      }),
    ]);
    return sendValidated(reply, HandoverSchema, handover, 201);
  });

  app.get(WORKSTATION_PATHS.handoverPending, async (_request, reply) => {
    return sendValidated(reply, PendingHandoverSchema, { handover: await store.pendingHandover() });
  });

  app.post(`${WORKSTATION_PATHS.handovers}/:id/acknowledge`, async (request, reply) => {
    const params = parseWith(z.object({ id: z.string().min(1) }), request.params, "handover id");
    const body = parseWith(HandoverAcknowledgeSchema, request.body, "handover acknowledgement");
    if (!params.ok) return sendError(reply, params.error);
    if (!body.ok) return sendError(reply, body.error);
    const { operatorId } = body.value;
    const operator = await operatorOf(store, operatorId);
    // Set inside the transaction; a holder object, because TypeScript does not track closure writes.
    const verdict: { refused: AppError | null } = { refused: null };
    const stored = await store.updateHandover(params.value.id, (current) => {
      const decision = decideHandoverAcknowledge(current, params.value.id, operator, operatorId, new Date());
      if (decision.kind === "reject") verdict.refused = decision.error;
      const outcome = decision.kind === "reject" ? "rejected" : "applied";
      const detail = decision.kind === "reject" ? { error: decision.error.kind, message: decision.error.message } : { from: current?.fromOperatorId ?? null };
      return { next: decision.kind === "apply" ? decision.handover : null, audit: [audit(operatorId, "handover.acknowledge", params.value.id, outcome, detail)] };
    });
    if (verdict.refused !== null) return sendError(reply, verdict.refused);
    return sendValidated(reply, HandoverSchema, stored);
  });
}
