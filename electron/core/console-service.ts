import { randomUUID } from "node:crypto";
import { alarmIdsOfIncidents, CLEARED_ALARM_ON_SCREEN_MS, keepsAlarm } from "../../shared/alarm-retention.js";
import type { Alarm } from "../../shared/domain/alarm.js";
import type { Operator } from "../../shared/domain/operator.js";
import type { WallView, WallViewDraft } from "../../shared/domain/wall-view.js";
import { applyToTarget } from "../../shared/commands/apply-command.js";
import type { Command, CommandRequest, TargetState } from "../../shared/commands/command.js";
import type { Target } from "../../shared/commands/target.js";
import { PendingCommands } from "./commands/pending-commands.js";
import type { Settlement } from "./sync/outbox-sender.js";
import {
  ConsoleRequestSchema,
  type ConsoleEvent,
  type ConsoleResponse,
  type Settings,
  type Snapshot,
  type SyncStatus,
} from "../../shared/protocol/console-api.js";
import { assertNever, err, ok, parseWith, type Result } from "../../shared/result.js";
import type { CacheStore } from "./cache/cache-store.js";
import type { WorkstationRequests } from "./workstation/workstation-requests.js";
import { planBulkAcknowledge } from "./alarms/plan-bulk-acknowledge.js";
import type { BulkAcknowledgeResult } from "../../shared/protocol/alarm-requests.js";
import type { SettingsStore } from "./settings/settings-store.js";
import type { SessionKeeper } from "./session/session-keeper.js";
import type { ConsoleSession } from "../../shared/protocol/session.js";
import type { ValidChange } from "./sync/validate-changes.js";
import { answerBasemapRequest } from "./basemap/basemap-requests.js";
import type { StreetMapStore } from "./basemap/street-map-store.js";

export type ConsoleListener = (event: ConsoleEvent) => void;

/** How long a command waits for the backend's verdict before answering with the optimistic result. */
const ACTION_ANSWER_WAIT_MS = 2_500;

/** Where named wall views are saved: the central backend (they reach the cache through the change feed). */
export interface ViewRemote {
  saveView(view: WallViewDraft): Promise<Result<WallView>>;
  deleteView(viewId: string): Promise<Result<{ id: string }>>;
}

export interface ActionQueue {
  kick(): void;
  waitFor(key: string, timeoutMs: number): Promise<Settlement | null>;
}

/**
 * The console API: validates every request from a renderer (IPC or WebSocket) and answers it
 * from the cache; operator actions go through the outbox. Shared by Electron and the browser console.
 */
export class ConsoleService {
  private readonly listeners = new Set<ConsoleListener>();
  private status: SyncStatus;
  private queue: ActionQueue | null = null;
  private views: ViewRemote | null = null;

  constructor(
    private readonly store: CacheStore,
    private readonly settings: SettingsStore,
    private readonly session: SessionKeeper,
    /** A demo city (known passwords): the console says so on screen. */
    private readonly demo = false,
  ) {
    session.onChange(() => {
      this.emit({ type: "session", session: this.sessionView() });
      this.updateStatus({});
    });
    this.status = {
      state: "connecting",
      backendUrl: settings.get().backendUrl,
      lastSyncAt: store.getLastSyncAt(),
      cursor: store.getCursor(),
      headSeq: null,
      pendingActions: store.pendingCount(),
      lastError: null,
      storageFull: store.storageFull,
    };
    store.onStorageChange(() => this.updateStatus({}));
  }

  attachQueue(queue: ActionQueue): void {
    this.queue = queue;
  }

  private retry: (() => void) | null = null;

  /** How "retry now" reaches the sync engine, which is built after the service. */
  attachRetry(retry: () => void): void {
    this.retry = retry;
  }

  attachViews(remote: ViewRemote): void {
    this.views = remote;
  }

  private streetMap: StreetMapStore | null = null;

  /** The city's street map, when one is installed. */
  attachStreetMap(store: StreetMapStore): void {
    this.streetMap = store;
  }

  /** Selection shared by the workstation's windows, sign-in, handover; built with the backend client. */
  private workstation: WorkstationRequests | null = null;

  attachWorkstation(workstation: WorkstationRequests): void {
    this.workstation = workstation;
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
      storageFull: this.store.storageFull,
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
        case "command":
          return await this.command(request.command);
        case "alarm.acknowledgeMany":
          return this.acknowledgeMany(request.alarmIds);
        case "settings.update": {
          const patch: Partial<Settings> = {};
          if (request.language !== undefined) patch.language = request.language;
          const settings = this.settings.update(patch);
          this.emit({ type: "settings", settings });
          return ok(settings satisfies ConsoleResponse<"settings.update">);
        }
        case "outbox.list":
          return ok(
            this.store.pendingActions().map((p) => ({
              idempotencyKey: p.idempotencyKey,
              operatorId: p.request.operatorId,
              target: p.request.command.target,
              command: p.request.command.type,
              createdAt: p.createdAt,
              attempts: p.attempts,
              lastError: p.lastError,
            })) satisfies ConsoleResponse<"outbox.list">,
          );
        case "sync.retry":
          this.retry?.();
          return ok(this.status satisfies ConsoleResponse<"sync.retry">);
        case "view.list":
          return ok(this.ownViews() satisfies ConsoleResponse<"view.list">);
        case "view.save": {
          const operator = this.actingOperator();
          return operator.ok ? await this.saveView({ ...request.view, operatorId: operator.value.id }) : operator;
        }
        case "view.delete":
          return await this.deleteView(request.viewId);
        case "selection.get":
        case "selection.set":
        case "workstation.focus":
        case "operator.sign-in":
        case "operator.sign-out":
        case "operator.change-password":
        case "sessions.list":
        case "sessions.revoke":
        case "handover.draft":
        case "handover.submit":
        case "handover.pending":
        case "handover.acknowledge":
          return this.workstation === null ? err("internal", "The workstation service is not attached.") : await this.workstation.handle(request);
        case "basemap.info":
        case "basemap.tile":
        case "basemap.places":
          return answerBasemapRequest(request, this.streetMap, this.session.state !== "signed_out");
        default:
          return assertNever(request);
      }
    } catch (e) {
      return err("internal", `The console core failed on ${request.type}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The workstation's session as renderers see it (never its tokens, but the stream token). */
  sessionView(): ConsoleSession {
    const issued = this.session.issued;
    const acting = this.session.sendingOperatorId;
    return {
      state: this.session.state,
      operator: this.session.operator,
      expiresAt: issued?.expiresAt ?? null,
      streamToken: issued?.streamToken ?? null,
      mustChangePassword: issued?.mustChangePassword ?? false,
      demo: this.demo,
      waiting: this.store.waitingByOperator().filter((w) => w.operatorId !== acting && w.count > 0),
    };
  }

  snapshot(): ConsoleResponse<"snapshot"> {
    // Signed out, the console shows nothing of the city: its cache is for the operators who sign in.
    if (this.session.state === "signed_out") {
      return { status: this.status, session: this.sessionView(), operator: null, settings: this.settings.get(), wards: [], cameras: [], sensors: [], alarms: [], incidents: [], problems: [] };
    }
    const snapshot: Snapshot = {
      status: this.status,
      session: this.sessionView(),
      operator: this.session.operator,
      settings: this.settings.get(),
      wards: this.store.list("ward"),
      cameras: this.store.list("camera"),
      sensors: this.store.list("sensor"),
      ...this.keptAlarmsAndIncidents(),
      problems: this.store.listProblems(),
    };
    return snapshot;
  }

  /** Open alarms and those cleared within a day (and any an incident names): what the screens keep. */
  private keptAlarmsAndIncidents(): Pick<Snapshot, "alarms" | "incidents"> {
    const incidents = this.pending.all("incident", this.store.list("incident"));
    const named = alarmIdsOfIncidents(incidents);
    const now = Date.now();
    const alarms = this.store.list("alarm").filter((alarm) => keepsAlarm(alarm, now, CLEARED_ALARM_ON_SCREEN_MS, named));
    return { alarms: this.pending.all("alarm", alarms), incidents };
  }

  /** Called by the sync engine after it applied changes: tell the renderers what changed. */
  changesApplied(changes: readonly ValidChange[]): void {
    const event: Extract<ConsoleEvent, { type: "changed" }> = { type: "changed" };
    const removed: Record<string, string[]> = {};
    // The last version of each alarm in this batch, already validated: no second read or parse.
    const alarms = new Map<string, Alarm>();
    let signedIn: Operator | null = null;
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
          alarms.set(c.id, c.data!);
          break;
        case "incident":
          (event.incidents ??= []).push(this.pending.one("incident", c.id, c.data!) ?? c.data!);
          break;
        case "operator":
          // The signed-in operator's record (name, role) arrived or changed: a console that
          // showed the bare id before its first sync now shows the name.
          if (c.id === this.session.operator?.id) signedIn = c.data!;
          break;
        case "view":
          (event.views ??= []).push(c.data!);
          break;
        default:
          assertNever(c);
      }
    }
    if (alarms.size > 0) {
      const anyPending = this.store.pendingCount() > 0;
      event.alarms = anyPending ? [...alarms.values()].map((a) => this.pending.one("alarm", a.id, a) ?? a) : [...alarms.values()];
    }
    if (Object.keys(removed).length > 0) event.removed = removed;
    this.emit(event);
    if (signedIn !== null) {
      this.session.operatorUpdated(signedIn);
      this.emit({ type: "operator", operator: signedIn });
    }
    this.updateStatus({});
  }

  bulkApplied(count: number): void {
    this.emit({ type: "bulk.changed", count });
    this.updateStatus({});
  }

  private ownViews(): WallView[] {
    const operatorId = this.session.operator?.id;
    return this.store
      .list("view")
      .filter((view) => view.operatorId === operatorId)
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  }

  /** Views are saved on the backend first: a view saved offline would be lost on the next sync. */
  private async saveView(draft: WallViewDraft): Promise<Result<WallView>> {
    if (this.views === null) return err("offline", "Views cannot be saved: this console has no backend.");
    const saved = await this.views.saveView(draft);
    if (saved.ok) this.emit({ type: "changed", views: [saved.value] });
    return saved;
  }

  private async deleteView(viewId: string): Promise<Result<{ id: string }>> {
    if (this.views === null) return err("offline", "Views cannot be deleted: this console has no backend.");
    const deleted = await this.views.deleteView(viewId);
    if (deleted.ok) this.emit({ type: "changed", removed: { view: [viewId] } });
    return deleted;
  }

  /** A target changed outside the change feed (a command queued, confirmed or refused): show it as it is now. */
  targetChanged(target: Target): void {
    switch (target.kind) {
      case "alarm":
        this.emit({ type: "changed", alarms: this.alarmsById([target.id]) });
        return;
      case "incident": {
        const incident = this.pending.one("incident", target.id);
        // Gone: an incident created here whose creation the backend refused.
        this.emit(incident === null ? { type: "changed", removed: { incident: [target.id] } } : { type: "changed", incidents: [incident] });
        return;
      }
      default:
        assertNever(target.kind);
    }
  }

  private alarmsById(ids: readonly string[]): Alarm[] {
    return ids.flatMap((id) => this.pending.one("alarm", id) ?? []);
  }

  /**
   * The operator who acts now: signed in, and past any one-time password. Actions are refused
   * here rather than queued under nobody's name.
   */
  private actingOperator(): Result<Operator> {
    const operator = this.session.operator;
    switch (this.session.state) {
      case "signed_in":
        if (operator === null) return err("unauthenticated", "Sign in to act.");
        if (this.session.actingOperatorId === null) return err("forbidden", "Choose a new password first: you signed in with a one-time password.");
        return ok(operator);
      case "local":
        return operator === null ? err("unauthenticated", "Sign in to act.") : ok(operator);
      case "expired":
        return err("unauthenticated", `${operator?.name ?? "The operator"}'s session has ended: sign in again to act (queued actions are kept).`);
      case "signed_out":
        return err("unauthenticated", "Nobody is signed in at this console: sign in to act.");
      default:
        return assertNever(this.session.state);
    }
  }

  /** Alarms as the operator sees them here; the backend reads its own copies when it decides. */
  private alarmsOf = (ids: readonly string[]): Alarm[] => ids.flatMap((id) => this.store.get("alarm", id) ?? []);

  private operatorOf = (id: string): Operator => this.store.get("operator", id) ?? { id, name: id, role: "operator" };

  private pendingView: PendingCommands | null = null;

  private get pending(): PendingCommands {
    return (this.pendingView ??= new PendingCommands(this.store, this.operatorOf));
  }

  /**
   * Acknowledges many alarms at once: one outbox entry per alarm (each its own idempotency key,
   * so the backend applies each exactly once), all written in one transaction. Answers at once
   * with the optimistic result; refusals by the backend arrive later as action.refused events.
   */
  private acknowledgeMany(alarmIds: readonly string[]): Result<BulkAcknowledgeResult> {
    const operator = this.actingOperator();
    if (!operator.ok) return operator;
    const current = (id: string): Alarm | null => this.pending.one("alarm", id);
    const plan = planBulkAcknowledge(alarmIds, current, operator.value, new Date().toISOString(), randomUUID);
    if (plan.requests.length === 0) return ok(plan.result);
    const queued = this.store.enqueueCommands(plan.requests);
    if (!queued.ok) return queued;
    this.emit({ type: "changed", alarms: this.alarmsById(plan.result.acknowledged) });
    this.updateStatus({});
    this.queue?.kick();
    return ok(plan.result);
  }

  /**
   * Any command: applied here at once with the same rules the backend decides by, written to the
   * outbox (on disk before the operator is answered), sent with its idempotency key. Answers with
   * the backend's copy when its verdict comes in time, else with what the operator now sees.
   */
  private async command(command: Command): Promise<Result<TargetState>> {
    const acting = this.actingOperator();
    if (!acting.ok) return acting;
    const operator = acting.value;
    const { kind, id } = command.target;
    const current = this.pending.one(kind, id);
    const request: CommandRequest = { idempotencyKey: randomUUID(), operatorId: operator.id, at: new Date().toISOString(), command };
    const actor = { operator, at: request.at, idempotencyKey: request.idempotencyKey };
    const local = applyToTarget(command, current, actor, this.alarmsOf);
    if (!local.ok) return local;
    // Nothing to do (already so): nothing is queued.
    if (local.value.entity === current) return ok(local.value);
    const queued = this.store.enqueueCommands([request]);
    if (!queued.ok) return queued;
    this.targetChanged(command.target);
    const verdict = await this.sendQueued(request.idempotencyKey);
    if (verdict === null) return ok(local.value);
    if (!verdict.ok) return verdict;
    return ok({ kind: verdict.value.kind, entity: verdict.value.entity } as TargetState);
  }

  /**
   * After an action was queued: shows the new pending count, sends the outbox and waits briefly
   * for the backend's verdict. Null when none came in time (offline, slow link): the action stays
   * queued and shows as pending.
   */
  private async sendQueued(idempotencyKey: string): Promise<Settlement | null> {
    this.updateStatus({});
    if (this.queue === null) return null;
    this.queue.kick();
    return this.status.state === "online" ? await this.queue.waitFor(idempotencyKey, ACTION_ANSWER_WAIT_MS) : null;
  }
}
