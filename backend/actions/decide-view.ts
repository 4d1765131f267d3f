import { WallViewSchema, type WallView, type WallViewDraft } from "../../shared/domain/wall-view.js";
import { LIMITS } from "../../shared/limits.js";
import type { AppError } from "../../shared/result.js";

export type ViewDecision = { kind: "save"; view: WallView } | { kind: "delete" } | { kind: "reject"; error: AppError };

/** Reads what is stored under a view id: null if nothing, "corrupt" if it no longer matches the schema. */
export function storedView(data: unknown): WallView | null | "corrupt" {
  if (data === undefined || data === null) return null;
  const parsed = WallViewSchema.safeParse(data);
  return parsed.success ? parsed.data : "corrupt";
}

/**
 * Pure: may this operator save this view? A view belongs to whoever created it: another
 * operator's view id is refused rather than overwritten. A new view is refused once the operator
 * keeps LIMITS.viewsPerOperator (`ownViews`: how many they keep now).
 */
export function decideViewSave(existing: WallView | null | "corrupt", draft: WallViewDraft, operatorKnown: boolean, now: Date, ownViews = 0): ViewDecision {
  if (!operatorKnown) return { kind: "reject", error: { kind: "forbidden", message: `Unknown operator ${draft.operatorId}.` } };
  if (existing !== null && existing !== "corrupt" && existing.operatorId !== draft.operatorId) {
    return { kind: "reject", error: { kind: "conflict", message: `View ${draft.id} belongs to another operator.` } };
  }
  if (existing === null && ownViews >= LIMITS.viewsPerOperator) {
    return { kind: "reject", error: { kind: "invalid_request", message: `You keep ${ownViews} named views, the most one operator may: delete one before saving another.` } };
  }
  return { kind: "save", view: { ...draft, updatedAt: now.toISOString() } };
}

export function decideViewDelete(existing: WallView | null | "corrupt", viewId: string, operatorId: string): ViewDecision {
  if (existing === null) return { kind: "reject", error: { kind: "not_found", message: `No view ${viewId}.` } };
  if (existing !== "corrupt" && existing.operatorId !== operatorId) {
    return { kind: "reject", error: { kind: "forbidden", message: `View ${viewId} belongs to another operator.` } };
  }
  return { kind: "delete" };
}
