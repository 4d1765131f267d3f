import type { ConsoleEvent, SyncStatus } from "../../shared/protocol/console-api.js";
import type { Result } from "../../shared/result.js";

/** What a transport (IPC, WebSocket) needs from the console core, wherever the core runs. */
export interface ConsolePort {
  /** Answers one untrusted request. Never throws. */
  handle(raw: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
  getStatus(): SyncStatus;
}
