import type { ConsoleEvent, ConsoleRequestType, ConsoleResponse, RequestOf } from "../../../shared/protocol/console-api.js";
import type { Result } from "../../../shared/result.js";

/** The state of the link between this page and the console core (not the core's link to the backend). */
export type LinkState = "connecting" | "open" | "closed";

/** Something the client received but could not use; shown in the status bar's problem list. */
export interface ClientProblem {
  source: string;
  message: string;
}

/**
 * The one way the renderer talks to the core. Two transports implement it:
 * a WebSocket in a browser and the preload bridge (`window.ioc`) in Electron.
 */
export interface ConsoleClient {
  readonly transport: "websocket" | "electron";
  /** Where the core is, for the status bar (the WebSocket URL, or "IPC"). */
  readonly endpoint: string;
  request<T extends ConsoleRequestType>(req: RequestOf<T>): Promise<Result<ConsoleResponse<T>>>;
  /** Subscribe to validated core events; returns the unsubscribe function. */
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
  /** Link changes; the listener is called at once with the current state. Absent means always open. */
  onConnection?(listener: (state: LinkState) => void): () => void;
  /** Malformed messages and transport failures, reported instead of thrown. */
  onProblem?(listener: (problem: ClientProblem) => void): () => void;
  close(): void;
}
