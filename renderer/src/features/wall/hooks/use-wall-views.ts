import type { WallView } from "../../../../../shared/domain/wall-view.js";
import type { AppError, Result } from "../../../../../shared/result.js";
import type { ViewDraft } from "../../../store/live-store.js";
import { useLiveState, useStore } from "../../../store/store-context.js";

export type { ViewDraft } from "../../../store/live-store.js";

export interface WallViewsControl {
  /** This operator's saved views, by name. */
  views: readonly WallView[];
  save(view: ViewDraft): Promise<Result<WallView>>;
  remove(viewId: string): Promise<Result<{ id: string }>>;
  /** The last failure to load or save, for the operator to read; null when all is well. */
  error: AppError | null;
}

/** Named wall views: the live store's slice, kept current by the change feed (other consoles of the operator too). */
export function useWallViews(): WallViewsControl {
  const store = useStore();
  const views = useLiveState((state) => state.views);
  const error = useLiveState((state) => state.viewsError);
  return { views, save: store.saveView, remove: store.deleteView, error };
}
