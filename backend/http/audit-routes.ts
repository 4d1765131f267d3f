import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditVerificationSchema, BACKEND_PATHS } from "../../shared/protocol/backend.js";
import { ok, resultSchema } from "../../shared/result.js";
import { SOP_CHECKLISTS, DEFAULT_SOP } from "../../shared/sop-checklists.js";
import type { BackendStore } from "../store/backend-store.js";
import { roleRefusal, sessionOf } from "./authenticate.js";
import { sendError, sendValidated } from "./respond.js";

export const SOP_PATH = "/api/v1/sops";

const SopResponseSchema = resultSchema(z.object({ default: z.array(z.string()), byType: z.record(z.string(), z.array(z.string())) }));

/** The audit trail's verification and the SOP reference data. */
export function registerAuditRoutes(app: FastifyInstance, store: BackendStore): void {
  app.get(BACKEND_PATHS.auditVerify, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), ["supervisor"], "checking the audit trail");
    if (refused !== null) return sendError(reply, refused);
    const verification = await store.verifyAudit();
    return sendValidated(reply, resultSchema(AuditVerificationSchema), ok(verification));
  });

  app.get(SOP_PATH, async (_request, reply) =>
    sendValidated(reply, SopResponseSchema, ok({ default: [...DEFAULT_SOP], byType: Object.fromEntries(Object.entries(SOP_CHECKLISTS).map(([k, v]) => [k, [...v]])) })),
  );
}
