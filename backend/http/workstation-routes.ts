import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { HandoverSchema, type Handover } from "../../shared/domain/handover.js";
import { IdSchema } from "../../shared/limits.js";
import { HandoverWriteSchema, PendingHandoverSchema, WORKSTATION_PATHS } from "../../shared/protocol/workstation-api.js";
import { parseWith, type AppError } from "../../shared/result.js";
import { decideHandoverAcknowledge, mayWriteHandover } from "../handover/decide-handover.js";
import type { AuditEntry, BackendStore } from "../store/backend-store.js";
import type { SessionAuthority } from "../auth/session-authority.js";
import { sessionOf } from "./authenticate.js";
import { sendError, sendValidated } from "./respond.js";
import { TokenBuckets } from "../../shared/token-bucket.js";

function audit(operatorId: string, action: string, targetId: string | null, outcome: AuditEntry["outcome"], detail: Record<string, unknown>): AuditEntry {
  return { at: new Date().toISOString(), operatorId, action, targetKind: null, targetId, outcome, detail };
}

/** Shift handovers, written and acknowledged by the session's operator. Every attempt, accepted or not, is in the audit trail. */
export function registerWorkstationRoutes(app: FastifyInstance, store: BackendStore, authority: SessionAuthority): void {
  // A shift ends with one handover, perhaps corrected once or twice.
  const writes = new TokenBuckets(5, 1 / 60);
  app.post(WORKSTATION_PATHS.handovers, async (request, reply) => {
    const body = parseWith(HandoverWriteSchema, request.body, "handover");
    if (!body.ok) return sendError(reply, body.error);
    const session = sessionOf(request);
    if (!writes.take(session.id, 1, Date.now())) return sendError(reply, { kind: "rate_limited", message: "Handovers are being written too fast from this session: try again in a minute." });
    const operator = session.operator;
    const refused = mayWriteHandover(operator, operator.id);
    if (refused !== null) {
      await store.commit([], [audit(operator.id, "handover.write", null, "rejected", { message: refused.message })]);
      return sendError(reply, refused);
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
    const params = parseWith(z.object({ id: IdSchema }), request.params, "handover id");
    if (!params.ok) return sendError(reply, params.error);
    const operator = sessionOf(request).operator;
    const operatorId = operator.id;
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
    // The shift is handed over: the outgoing operator's sessions end (their queued actions stay theirs).
    if (stored !== null && stored.acknowledgedBy === operatorId) await authority.endSessionsOf(stored.fromOperatorId, operatorId, `shift handed over to ${operatorId}`, new Date());
    return sendValidated(reply, HandoverSchema, stored);
  });
}
