import { useCallback, useEffect, useState } from "react";
import type { WallView } from "../../../../../shared/domain/wall-view.js";
import type { ConsoleRequest } from "../../../../../shared/protocol/console-api.js";
import type { AppError, Result } from "../../../../../shared/result.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { useStore } from "../../../store/store-context.js";

export type ViewDraft = Extract<ConsoleRequest, { type: "view.save" }>["view"];

export interface WallViewsControl {
  /** This operator's saved views, by name. */
  views: readonly WallView[];
  save(view: ViewDraft): Promise<Result<WallView>>;
  remove(viewId: string): Promise<Result<{ id: string }>>;
  /** The last failure to load or save, for the operator to read; null when all is well. */
  error: AppError | null;
}

function sortByName(views: Iterable<WallView>): WallView[] {
  return [...views].sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** Named wall views from the core: loaded once, then kept current by "changed" events (other consoles of the operator too). */
export function useWallViews(): WallViewsControl {
  const store = useStore();
  const operator = useOperator();
  const operatorId = operator?.id ?? null;
  const [views, setViews] = useState<readonly WallView[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (operatorId === null) return;
    let cancelled = false;
    const load = () =>
      void store.client.request({ type: "view.list" }).then((result) => {
        if (cancelled) return;
        if (result.ok) setViews(sortByName(result.value));
        else setError(result.error);
      });
    const off = store.client.onEvent((event) => {
      if (event.type === "bulk.changed") load();
      if (event.type !== "changed") return;
      const removed = event.removed?.["view"] ?? [];
      const incoming = (event.views ?? []).filter((view) => view.operatorId === operatorId);
      if (incoming.length === 0 && removed.length === 0) return;
      setViews((current) => {
        const byId = new Map(current.map((view) => [view.id, view]));
        for (const view of incoming) byId.set(view.id, view);
        for (const id of removed) byId.delete(id);
        return sortByName(byId.values());
      });
    });
    load();
    return () => {
      cancelled = true;
      off();
    };
  }, [store, operatorId]);

  const save = useCallback(
    async (view: ViewDraft) => {
      const result = await store.client.request({ type: "view.save", view });
      setError(result.ok ? null : result.error);
      return result;
    },
    [store],
  );

  const remove = useCallback(
    async (viewId: string) => {
      const result = await store.client.request({ type: "view.delete", viewId });
      setError(result.ok ? null : result.error);
      return result;
    },
    [store],
  );

  return { views, save, remove, error };
}
