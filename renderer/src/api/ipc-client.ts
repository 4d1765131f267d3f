import type { ConsoleEvent, ConsoleRequestType, ConsoleResponse, RequestOf } from "../../../shared/protocol/console-api.js";
import type { IocBridge } from "../../../shared/protocol/bridge.js";
import { err, type Result } from "../../../shared/result.js";
import type { ClientProblem, ConsoleClient } from "./console-client.js";
import { Listeners } from "./listeners.js";
import { parseConsoleEvent } from "./parse-event.js";
import { parseUncheckedResult, validateResponse } from "./parse-response.js";

/** The console API over Electron IPC, through the preload's `window.ioc`. */
export class IpcConsoleClient implements ConsoleClient {
  readonly transport = "electron" as const;
  readonly endpoint = "IPC";

  private readonly events = new Listeners<ConsoleEvent>();
  private readonly problems = new Listeners<ClientProblem>();
  private readonly unsubscribe: () => void;

  constructor(private readonly bridge: IocBridge) {
    this.unsubscribe = bridge.onEvent((raw) => {
      const { event, problems } = parseConsoleEvent(raw);
      for (const message of problems) this.problems.emit({ source: "console-api", message });
      if (event !== null) this.events.emit(event);
    });
  }

  async request<T extends ConsoleRequestType>(req: RequestOf<T>): Promise<Result<ConsoleResponse<T>>> {
    let raw: unknown;
    try {
      raw = await this.bridge.request(req);
    } catch (error) {
      return err("internal", `IPC request ${req.type} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const envelope = parseUncheckedResult(raw);
    if (!envelope.ok) {
      this.problems.emit({ source: "console-api", message: envelope.error.message });
      return envelope;
    }
    const result = validateResponse(req.type, envelope.value);
    if (!result.ok && result.error.kind === "backend_error") {
      this.problems.emit({ source: "console-api", message: result.error.message });
    }
    return result;
  }

  onEvent(listener: (event: ConsoleEvent) => void): () => void {
    return this.events.add(listener);
  }

  onProblem(listener: (problem: ClientProblem) => void): () => void {
    return this.problems.add(listener);
  }

  close(): void {
    this.unsubscribe();
    this.events.clear();
    this.problems.clear();
  }
}
