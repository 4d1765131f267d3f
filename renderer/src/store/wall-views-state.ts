import type { WallView } from "../../../shared/domain/wall-view.js";
import type { ConsoleEvent } from "../../../shared/protocol/console-api.js";

/** Saved views in the order the operator reads them (Vietnamese collation). */
export function sortViews(views: Iterable<WallView>): readonly WallView[] {
  return [...views].sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/**
 * Pure: the operator's saved views after a "changed" event. The feed carries every operator's
 * views; only this operator's are kept. Unchanged views come back as the same array.
 */
export function applyViewChanges(views: readonly WallView[], event: Extract<ConsoleEvent, { type: "changed" }>, operatorId: string | null): readonly WallView[] {
  const removed = event.removed?.["view"] ?? [];
  const incoming = operatorId === null ? [] : (event.views ?? []).filter((view) => view.operatorId === operatorId);
  if (incoming.length === 0 && removed.length === 0) return views;
  const byId = new Map(views.map((view) => [view.id, view]));
  for (const view of incoming) byId.set(view.id, view);
  for (const id of removed) byId.delete(id);
  return sortViews(byId.values());
}
