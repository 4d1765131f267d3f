import type { ConnectionState, SyncStatus } from "../../../shared/protocol/console-api.js";
import type { LinkState } from "../api/console-client.js";

export interface ConnectionView {
  state: ConnectionState;
  /** True when it is this page that cannot reach the core, not the core that cannot reach the backend. */
  coreUnreachable: boolean;
}

/**
 * What the operator is told about the connection. The page's own link to the core
 * comes first: a core that cannot be reached cannot vouch for the backend either.
 */
export function connectionView(
  link: LinkState,
  status: SyncStatus | null,
  hasSnapshot: boolean,
  loadingSnapshot: boolean,
): ConnectionView {
  if (link === "closed") return { state: "offline", coreUnreachable: true };
  if (link === "connecting") return { state: "connecting", coreUnreachable: false };
  if (loadingSnapshot) return { state: hasSnapshot ? "syncing" : "connecting", coreUnreachable: false };
  return { state: status?.state ?? "connecting", coreUnreachable: false };
}
