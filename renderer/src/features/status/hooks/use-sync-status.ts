import type { SyncProblem, SyncStatus } from "../../../../../shared/protocol/console-api.js";
import { connectionView, type ConnectionView } from "../../../store/connection-display.js";
import { useLiveState } from "../../../store/store-context.js";

export interface SyncStatusView {
  connection: ConnectionView;
  status: SyncStatus | null;
}

export function useSyncStatus(): SyncStatusView {
  const link = useLiveState((s) => s.link);
  const status = useLiveState((s) => s.status);
  const hasSnapshot = useLiveState((s) => s.hasSnapshot);
  const loading = useLiveState((s) => s.loadingSnapshot);
  return { connection: connectionView(link, status, hasSnapshot, loading), status };
}

export function useProblems(): readonly SyncProblem[] {
  return useLiveState((s) => s.problems);
}

export function useHasSnapshot(): boolean {
  return useLiveState((s) => s.hasSnapshot);
}

/** The screen shows what the core holds: a snapshot is in, and no reload of a newer one is due. */
export function useScreenIsCurrent(): boolean {
  return useLiveState((s) => s.hasSnapshot && !s.loadingSnapshot);
}
