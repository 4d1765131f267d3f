import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { BACKEND_PATHS } from "../../shared/protocol/backend.js";
import { DeleteViewRequestSchema, DeleteViewResponseSchema, SaveViewRequestSchema, SaveViewResponseSchema } from "../../shared/protocol/views.js";
import { assertNever, parseWith } from "../../shared/result.js";
import { decideViewDelete, decideViewSave, storedView, type ViewDecision } from "../actions/decide-view.js";
import type { BackendStore } from "../store/backend-store.js";
import { sessionOf } from "./authenticate.js";
import { sendError, sendValidated } from "./respond.js";
import { TokenBuckets } from "../../shared/token-bucket.js";

const ViewParamsSchema = z.object({ id: z.string().min(1).max(100) });
const VIEW_SAVES = { burst: 20, perSecond: 0.5 };

/**
 * Operators' named wall views: PUT saves (the body's view id must match the path), DELETE removes.
 * Both are read-decide-write in one transaction; the change feed carries them to every console.
 */
export function registerViewRoutes(app: FastifyInstance, store: BackendStore): void {
  // A person saves a view now and then; a script saving thousands would fill every console's cache.
  const saves = new TokenBuckets(VIEW_SAVES.burst, VIEW_SAVES.perSecond);
  app.put(`${BACKEND_PATHS.views}/:id`, async (request, reply) => {
    const params = parseWith(ViewParamsSchema, request.params, "view id");
    if (!params.ok) return sendError(reply, params.error);
    const body = parseWith(SaveViewRequestSchema, request.body, "save-view request");
    if (!body.ok) return sendError(reply, body.error);
    // The owner is whoever's session this is, whatever the body says.
    const draft = { ...body.value.view, operatorId: sessionOf(request).operator.id };
    if (draft.id !== params.value.id) return sendError(reply, { kind: "invalid_request", message: "The view id in the path and in the body differ." });
    if (!saves.take(sessionOf(request).id, 1, Date.now())) return sendError(reply, { kind: "rate_limited", message: "Views are being saved too fast from this session: try again in a few seconds." });
    const ownViews = (await store.listEntities("view")).map(storedView).filter((view) => view !== null && view !== "corrupt" && view.operatorId === draft.operatorId).length;
    let decision: ViewDecision | null = null;
    const changes = await store.transact(
      [
        { kind: "view", id: draft.id },
        { kind: "operator", id: draft.operatorId },
      ],
      ([view, operator]) => {
        decision = decideViewSave(storedView(view?.data), draft, operator !== null && operator !== undefined, new Date(), ownViews);
        return decision.kind === "save" ? [{ entity: "view", op: "upsert", id: draft.id, data: decision.view }] : [];
      },
    );
    const decided = decision as ViewDecision | null;
    if (decided === null) return sendError(reply, { kind: "internal", message: "The view was not decided." });
    switch (decided.kind) {
      case "save":
        return sendValidated(reply, SaveViewResponseSchema, { ok: true, value: { view: decided.view, seq: changes[0]?.seq ?? 0 } });
      case "reject":
        return sendError(reply, decided.error);
      case "delete":
        return sendError(reply, { kind: "internal", message: "A save was decided as a delete." });
      default:
        return assertNever(decided);
    }
  });

  app.delete(`${BACKEND_PATHS.views}/:id`, async (request, reply) => {
    const params = parseWith(ViewParamsSchema, request.params, "view id");
    if (!params.ok) return sendError(reply, params.error);
    const body = parseWith(DeleteViewRequestSchema, request.body ?? {}, "delete-view request");
    if (!body.ok) return sendError(reply, body.error);
    const operatorId = sessionOf(request).operator.id;
    let decision: ViewDecision | null = null;
    const changes = await store.transact([{ kind: "view", id: params.value.id }], ([view]) => {
      decision = decideViewDelete(storedView(view?.data), params.value.id, operatorId);
      return decision.kind === "delete" ? [{ entity: "view", op: "delete", id: params.value.id }] : [];
    });
    const decided = decision as ViewDecision | null;
    if (decided === null || decided.kind === "save") return sendError(reply, { kind: "internal", message: "The view deletion was not decided." });
    if (decided.kind === "reject") return sendError(reply, decided.error);
    return sendValidated(reply, DeleteViewResponseSchema, { ok: true, value: { id: params.value.id, seq: changes[0]?.seq ?? 0 } });
  });
}
