import { randomUUID } from "node:crypto";
import { applyOperatorAction, commentIdFor } from "../../shared/alarm-actions.js";
import type { Alarm } from "../../shared/domain/alarm.js";
import type { Operator } from "../../shared/domain/operator.js";
import type { ActionRequest, OperatorAction } from "../../shared/protocol/backend.js";
import {
  ConsoleRequestSchema,
  type ConsoleEvent,
  type ConsoleResponse,
  type ConsoleRequestType,
  type Settings,
  type Snapshot,
  type SyncStatus,
} from "../../shared/protocol/console-api.js";
import { assertNever, err, ok, parseWith, type Result } from "../../shared/result.js";
import type { CacheStore } from "./cache/cache-store.js";
import { overlayPending } from "./sync/overlay.js";
import type { SettingsStore } from "./settings/settings-store.js";
import type { ValidChange } from "./sync/validate-changes.js";

export type ConsoleListener = (event: ConsoleEvent) => void;

/** How long a command waits for the backend's verdict before answering with the optimistic result. */
const ACTION_ANSWER_WAIT_MS = 2_500;

export interface ActionQueue {
  kick(): void;
  waitFor(key: string, timeoutMs: number): Promise<Result<Alarm> | null>;
}

/**
 * The console API: validates every request from a renderer (IPC or WebSocket) and answers it
 * from the cache; operator actions go through the outbox. Shared by Electron and the browser console.
 */
export class ConsoleService {
  private readonly listeners = new Set<ConsoleListener>();
  private status: SyncStatus;
  private queue: ActionQueue | null = null;

  constructor(
    private readonly store: CacheStore,
    private readonly settings: SettingsStore,
  ) {
    this.status = {
      state: "connecting",
      backendUrl: settings.get().backendUrl,
      lastSyncAt: store.getLastSyncAt(),
      cursor: store.getCursor(),
      headSeq: null,
      pendingActions: store.pendingCount(),
      lastError: null,
    };
  }

  attachQueue(queue: ActionQueue): void {
    this.queue = queue;
  }

  onEvent(listener: ConsoleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ConsoleEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // One broken listener (a closed socket, a destroyed window) must not starve the others.
      }
    }
  }

  updateStatus(patch: Partial<SyncStatus>): void {
    this.status = {
      ...this.status,
      ...patch,
      cursor: this.store.getCursor(),
      lastSyncAt: this.store.getLastSyncAt(),
      pendingActions: this.store.pendingCount(),
    };
    this.emit({ type: "status", status: this.status });
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** Entry point for any renderer call. `raw` is untrusted. Never throws. */
  async handle(raw: unknown): Promise<Result<unknown>> {
    const parsed = parseWith(ConsoleRequestSchema, raw, "console request");
    if (!parsed.ok) return parsed;
    const request = parsed.value;
    try {
      switch (request.type) {
        case "snapshot":
          return ok(this.snapshot());
        case "alarm.acknowledge":
          return await this.act({ type: "acknowledge", alarmId: request.alarmId });
        case "alarm.comment":
          return await this.act({ type: "comment", alarmId: request.alarmId, text: request.text });
        case "settings.update": {
          const patch: Partial<Settings> = {};
          if (request.language !== undefined) patch.language = request.language;
          const settings = this.settings.update(patch);
          this.emit({ type: "settings", settings });
          return ok(settings satisfies ConsoleResponse<"settings.update">);
        }
        default:
          return assertNever(request);
      }
    } catch (e) {
      return err("internal", `The console core failed on ${request.type}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  snapshot(): ConsoleResponse<"snapshot"> {
    const snapshot: Snapshot = {
      status: this.status,
      operator: this.currentOperator(),
      settings: this.settings.get(),
      wards: this.store.list("ward"),
      cameras: this.store.list("camera"),
      sensors: this.store.list("sensor"),
      alarms: this.withPending(this.store.list("alarm")),
      incidents: this.store.list("incident"),
      problems: this.store.listProblems(),
    };
    return snapshot;
  }

  /** Called by the sync engine after it applied changes: tell the renderers what changed. */
  changesApplied(changes: readonly ValidChange[]): void {
    const event: Extract<ConsoleEvent, { type: "changed" }> = { type: "changed" };
    const removed: Record<string, string[]> = {};
    const alarmIds = new Set<string>();
    for (const c of changes) {
      if (c.op === "delete") {
        (removed[c.entity] ??= []).push(c.id);
        continue;
      }
      switch (c.entity) {
        case "ward":
          (event.wards ??= []).push(c.data!);
          break;
        case "camera":
          (event.cameras ??= []).push(c.data!);
          break;
        case "sensor":
          (event.sensors ??= []).push(c.data!);
          break;
        case "alarm":
          alarmIds.add(c.id);
          break;
        case "incident":
          (event.incidents ??= []).push(c.data!);
          break;
        case "operator":
          break;
        default:
          assertNever(c);
      }
    }
    if (alarmIds.size > 0) event.alarms = this.alarmsById([...alarmIds]);
    if (Object.keys(removed).length > 0) event.removed = removed;
    this.emit(event);
    this.updateStatus({});
  }

  alarmChanged(alarmId: string): void {
    this.emit({ type: "changed", alarms: this.alarmsById([alarmId]) });
  }

  private alarmsById(ids: readonly string[]): Alarm[] {
    const out: Alarm[] = [];
    for (const id of ids) {
      const alarm = this.store.get("alarm", id);
      if (alarm) out.push(this.withPendingOne(alarm));
    }
    return out;
  }

  currentOperator(): Operator {
    const id = this.settings.get().operatorId;
    return this.store.get("operator", id) ?? { id, name: id, role: "operator" };
  }

  private operatorOf = (id: string): Operator => this.store.get("operator", id) ?? { id, name: id, role: "operator" };

  private withPending(alarms: Alarm[]): Alarm[] {
    const pending = this.store.pendingActions();
    if (pending.length === 0) return alarms;
    const byAlarm = new Map<string, ActionRequest[]>();
    for (const p of pending) (byAlarm.get(p.alarmId) ?? byAlarm.set(p.alarmId, []).get(p.alarmId)!).push(p.request);
    return alarms.map((a) => {
      const mine = byAlarm.get(a.id);
      return mine ? overlayPending(a, mine, this.operatorOf) : a;
    });
  }

  private withPendingOne(alarm: Alarm): Alarm {
    const pending = this.store.pendingFor(alarm.id);
    return pending.length === 0 ? alarm : overlayPending(alarm, pending.map((p) => p.request), this.operatorOf);
  }

  /** Applies the action locally at once (outbox + overlay, one transaction) and asks the backend. */
  private async act(action: OperatorAction): Promise<Result<ConsoleResponse<ConsoleRequestType & ("alarm.acknowledge" | "alarm.comment")>>> {
    const confirmed = this.store.get("alarm", action.alarmId);
    if (confirmed === null) return err("not_found", `No alarm ${action.alarmId} in this console.`);
    const operator = this.currentOperator();
    const at = new Date().toISOString();
    const idempotencyKey = randomUUID();
    const current = this.withPendingOne(confirmed);
    const local = applyOperatorAction(current, action, operator, at, commentIdFor(idempotencyKey));
    if (!local.ok) return local;
    const request: ActionRequest = { idempotencyKey, operatorId: operator.id, at, action };
    this.store.db.transaction(() => this.store.enqueueAction(request, action.alarmId))();
    this.alarmChanged(action.alarmId);
    this.updateStatus({});
    if (this.queue === null) return ok(local.value);
    this.queue.kick();
    const verdict = this.status.state === "online" ? await this.queue.waitFor(idempotencyKey, ACTION_ANSWER_WAIT_MS) : null;
    // No verdict in time (offline, slow link): the action stays queued and shows as pending.
    return verdict ?? ok(local.value);
  }
}
