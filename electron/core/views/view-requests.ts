import type { WallView, WallViewDraft } from "../../../shared/domain/wall-view.js";
import type { ConsoleEvent } from "../../../shared/protocol/console-api.js";
import { ok, type Result } from "../../../shared/result.js";
import type { CacheStore } from "../cache/cache-store.js";
import type { RequestHandlers } from "../requests/request-router.js";
import { actingOperator } from "../session/acting-operator.js";
import type { SessionKeeper } from "../session/session-keeper.js";

/** Where named wall views are saved: the central backend (they reach the cache through the change feed). */
export interface ViewRemote {
  saveView(view: WallViewDraft): Promise<Result<WallView>>;
  deleteView(viewId: string): Promise<Result<{ id: string }>>;
}

export interface ViewDeps {
  store: CacheStore;
  session: SessionKeeper;
  remote: ViewRemote;
  emit(event: ConsoleEvent): void;
}

/**
 * An operator's named wall views. They are saved on the backend first: a view saved only here
 * would be lost on the next sync.
 */
export function viewHandlers(deps: ViewDeps): RequestHandlers<"view.list" | "view.save" | "view.delete"> {
  const { store, session, remote, emit } = deps;
  return {
    "view.list": () => {
      const operatorId = session.operator?.id;
      return ok(
        store
          .list("view")
          .filter((view) => view.operatorId === operatorId)
          .sort((a, b) => a.name.localeCompare(b.name, "vi")),
      );
    },
    "view.save": async (request) => {
      const operator = actingOperator(session);
      if (!operator.ok) return operator;
      const saved = await remote.saveView({ ...request.view, operatorId: operator.value.id });
      if (saved.ok) emit({ type: "changed", views: [saved.value] });
      return saved;
    },
    "view.delete": async (request) => {
      const deleted = await remote.deleteView(request.viewId);
      if (deleted.ok) emit({ type: "changed", removed: { view: [request.viewId] } });
      return deleted;
    },
  };
}
